import type { Workload } from '../inventory/types.js';

/**
 * Who calls a Service, read from the workloads' environment: cluster DNS names
 * (`name.namespace[.svc[.cluster.local]]`, or a bare `name` in a URL within its own namespace) and the
 * host names the AWS Load Balancer Controller gives its load balancers,
 * `k8s-<namespace>-<name>-<hash>.elb.<region>.amazonaws.com`, each part cut to 8 characters.
 */
export class Callers {
  private readonly byService = new Map<string, string[]>();
  private readonly loadBalancers: { namespace: string; name: string; workload: string }[] = [];

  constructor(workloads: Iterable<Workload>) {
    for (const w of workloads) {
      for (const c of [...w.template.spec.containers, ...(w.template.spec.initContainers ?? [])]) {
        for (const e of c.env ?? []) if (e.value) this.read(w, e.value);
      }
    }
  }

  private read(w: Workload, value: string): void {
    for (const raw of value.split(/[\s,;]+/)) {
      const url = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#@]+)/i.exec(raw);
      const host = (url?.[1] ?? /^([a-z0-9.-]+):\d+$/i.exec(raw)?.[1] ?? '').toLowerCase();
      if (host === '') continue;
      const lb = /^k8s-([a-z0-9]+)-([a-z0-9]+)-[a-z0-9]+(?:-[a-z0-9]+)?\.elb\./.exec(host);
      if (lb) {
        this.loadBalancers.push({ namespace: lb[1]!, name: lb[2]!, workload: w.key });
        continue;
      }
      const labels = host.replace(/\.svc(\.cluster\.local)?$/, '').split('.');
      if (labels.length === 2 && (host.includes('.svc') || !host.includes('.com'))) this.add(`${labels[1]}/${labels[0]}`, w.key);
      else if (labels.length === 1 && url && labels[0] !== 'localhost') this.add(`${w.metadata.namespace}/${labels[0]}`, w.key);
    }
  }

  private add(service: string, workload: string): void {
    const list = this.byService.get(service);
    if (!list) this.byService.set(service, [workload]);
    else if (!list.includes(workload)) list.push(workload);
  }

  /** Workload keys that call Service `namespace/name` by its DNS name or its load balancer's host name. */
  of(namespace: string, name: string): string[] {
    const out = [...(this.byService.get(`${namespace}/${name}`) ?? [])];
    for (const lb of this.loadBalancers) if (cut(lb.namespace, namespace) && cut(lb.name, name) && !out.includes(lb.workload)) out.push(lb.workload);
    return out.sort();
  }
}

/** A host name part agrees with a name when their first 7 letters and digits do (the controller cuts at 8). */
function cut(part: string, name: string): boolean {
  const plain = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const n = Math.min(7, part.length);
  return n > 0 && plain.slice(0, n) === part.slice(0, n);
}
