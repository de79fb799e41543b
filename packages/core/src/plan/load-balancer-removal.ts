import { kubeRef, type Manifest, type Step } from '@modeshift/plan';
import type { ServiceSpec } from '../kube.js';
import { sh, shellComment } from '../util/shell.js';
import { makeStep } from './step.js';
import { restoreServiceLoadBalancer, retireServiceLoadBalancer } from './stage-load-balancers.js';

/** The old load balancer's object, and what the step before made beside it. */
export interface Removal {
  kind: 'ingress' | 'service';
  namespace: string;
  name: string;
  /** The copy that now takes the traffic, null when the inventory had no object to copy. */
  copy: string | null;
  findingId: string;
  /** The blue/green step that created the copy and shifted DNS. */
  after: string;
  /** The old Ingress as it is, for the rollback (a Service is kept, so nothing to save). */
  saved: Manifest | null;
  servicePorts: NonNullable<ServiceSpec['ports']>;
  serviceSpec: ServiceSpec | undefined;
  /** The IngressGroup whose load balancer the old Ingress shares, if any. */
  group: string | null;
  /** The WAF Classic web ACL the old Ingress had, which a re-created ALB lacks. */
  waf: string | undefined;
}

/** Where the step writes what it searched, so that a refusal can be read again. */
const CLIENTS_FILE = 'lb-clients.txt';

/**
 * Removes the old load balancer once DNS answers with the new one. It reads the old hostname and what in
 * the cluster could name it (workload specs and ConfigMaps as YAML, every Service's externalName, the usual
 * in-cluster alias of an ELB) and removes nothing when either read fails or anything names it: the line
 * then fails, so a script stops, and says why. An Ingress is deleted; a Service becomes ClusterIP and keeps
 * its ClusterIP and cluster DNS name.
 */
export function loadBalancerRemovalStep(r: Removal): Step {
  const { kind, namespace: ns, name } = r;
  const kindOf = kind === 'ingress' ? 'Ingress' : 'Service';
  const hostname = sh`kubectl get ${kind} ${name} -n ${ns} -o jsonpath='{.status.loadBalancer.ingress[0].hostname}'`;
  const retire = kind === 'ingress' ? sh`kubectl delete ingress ${name} -n ${ns}` : retireServiceLoadBalancer(name, ns, r.servicePorts);
  const externalNames = `kubectl get services -A -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name}: {.spec.externalName}{"\\n"}{end}'`;
  const what = `${kind} ${ns}/${name}`;
  return makeStep({
    id: `waves/retire-load-balancer-${r.after.slice('waves/load-balancer-'.length)}`,
    title: `Remove the old load balancer of ${kindOf} ${ns}/${name}`,
    kind: 'retire-load-balancer',
    // The same words for every load balancer, so that a large plan's Markdown says them once.
    why: 'DNS answers with the new load balancer’s hostname (this load balancer’s blue/green step, the same id without `retire-`); the old one now serves only clients that call its own hostname, and they stop working when it goes. The removal runs only when nothing in the cluster names that hostname any more (workloads, ConfigMaps, ExternalName Services); clients outside the cluster are not seen: its traffic (CloudWatch RequestCount for an ALB, ActiveFlowCount for an NLB) should have fallen to nothing. An Ingress is deleted (an IngressGroup’s load balancer stays while other Ingresses use it); a Service stays, as type ClusterIP, since its ClusterIP and cluster DNS name are still used.',
    findings: [r.findingId],
    dependsOn: [r.after],
    commands: [
      `old_lb=$(${hostname}) && ${sh`kubectl get deployments,statefulsets,daemonsets,cronjobs,configmaps -A -o yaml`} > ${CLIENTS_FILE} && ${externalNames} >> ${CLIENTS_FILE} && lb_read=yes || lb_read=no`,
      `if [ "$lb_read" != yes ]; then echo "${what}: not read, nothing removed" >&2; false; elif [ -n "$old_lb" ] && grep -nF "$old_lb" ${CLIENTS_FILE}; then echo "${what}: the lines above name $old_lb; point them at the new hostname. Nothing removed" >&2; false; else ${retire}; fi`,
    ],
    // Saved for the rollback only (export and Markdown say so): applying it with the step would undo it.
    manifests: r.saved ? [r.saved] : [],
    effects: [
      kind === 'ingress'
        ? { type: 'delete-object', object: kubeRef(kindOf, ns, name), replacedBy: r.copy ? kubeRef(kindOf, ns, r.copy) : null }
        : { type: 'retire-load-balancer', service: kubeRef(kindOf, ns, name), replacedBy: r.copy ? kubeRef(kindOf, ns, r.copy) : null },
    ],
    verify:
      kind === 'ingress'
        ? {
            command: sh`kubectl get ingress ${name} -n ${ns} --ignore-not-found -o name`,
            expect:
              r.group === null
                ? 'nothing: the old Ingress and its load balancer are gone'
                : `nothing: the old Ingress is gone (the load balancer of IngressGroup ${r.group} stays while another Ingress uses it)`,
          }
        : {
            command: sh`kubectl get service ${name} -n ${ns} -o jsonpath='{.spec.type}'`,
            expect: 'ClusterIP: the old load balancer is gone, the Service stays',
          },
    rollback: {
      description: `Bring the old load balancer back, only when it is gone: the Ingress re-created from the copy saved with the step, or the Service made a LoadBalancer again as it was. It then has a new hostname (an Ingress of an IngressGroup whose load balancer still serves others rejoins that one): point DNS at it, then roll back the blue/green step.${r.waf ? ` A re-created ALB has no WAFv2 web ACL: associate the one that replaces ${r.waf} before DNS moves back.` : ''}`,
      commands: [
        kind === 'ingress'
          ? // An Ingress still being deleted (its controller's finalizer) answers `get`: waited out, and nothing is re-created if it stays.
            `lb_back=no; if [ -n "$(${sh`kubectl get ingress ${name} -n ${ns} -o jsonpath='{.metadata.deletionTimestamp}'`} 2>/dev/null)" ] && ! ${sh`kubectl wait --for=delete ingress/${name} -n ${ns} --timeout=10m`}; then echo "${what} is still being deleted (a finalizer holds it): nothing re-created" >&2; elif ${sh`kubectl get ingress ${name} -n ${ns} -o name`} >/dev/null 2>&1 || ${sh`kubectl apply -f ${r.saved?.file ?? `${kind}-${ns}-${name}-before.yaml`}`}; then lb_back=yes; fi`
          : `lb_back=no; ${restoreServiceLoadBalancer(name, ns, r.serviceSpec)} && lb_back=yes`,
        `[ "$lb_back" = yes ] && until h=$(${hostname}) && [ -n "$h" ]; do sleep 10; done && echo "$h"`,
        ...(r.waf ? [shellComment(`associate the WAFv2 web ACL that replaces ${r.waf} with that load balancer before DNS moves back`)] : []),
        shellComment('point DNS back at that hostname and wait for the TTL; then roll back the blue/green step (the same id without retire-)'),
      ],
    },
    namespaces: [ns],
  });
}
