// A load balancer moves in two steps: a new one and the DNS shift, then the old one's removal. Rolling back
// the removal has nothing to "point DNS back at": it must bring the old one back first (a new hostname).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { exportFiles } from '../export/export-model.js';
import { SourceObjects } from '../export/source-objects.js';
import { runBash } from '../testing/bash.js';
import { aCluster, aFargateInventory, aFargateProfile, aWorkload, contextFor } from '../testing/builders.js';
import { anIngress, anIngressClass, aService } from '../testing/kube-objects.js';
import { buildPlan } from './build-plan.js';

const nlb = aService(
  'api',
  {
    type: 'LoadBalancer',
    loadBalancerClass: 'service.k8s.aws/nlb',
    loadBalancerSourceRanges: ['10.0.0.0/8'],
    externalTrafficPolicy: 'Local',
    selector: { app: 'api' },
    ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', nodePort: 31874 }],
  },
  { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' } },
);
const alb = anIngress(
  'web',
  {
    ingressClassName: 'alb',
    rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', backend: { service: { name: 'api', port: { number: 443 } } } }] } }],
  },
  { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Ingress"}' } },
);

function plan(): Plan {
  const inventory = aFargateInventory([aWorkload({ namespace: 'shop', name: 'api' })], {
    cluster: aCluster({ version: '1.31' }),
    fargateProfiles: [aFargateProfile('shop', [{ namespace: 'shop' }])],
    ingressClasses: [anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' })],
    services: [nlb],
    ingresses: [alb],
  });
  return buildPlan(contextFor(inventory, 'auto-mode'));
}
const stepOf = (p: Plan, id: string): Step => p.stages.flatMap((s) => s.steps).find((s) => s.id === id)!;
const kubectlPatch = (object: unknown, patch: string) =>
  JSON.parse(
    execFileSync('kubectl', ['patch', '--local', '-f', '-', '-p', patch, '-o', 'json'], { input: JSON.stringify(object), encoding: 'utf8', timeout: 60_000 }),
  ) as {
    spec: Record<string, unknown>;
  };
const patchBody = (command: string) => /-p '(\{[^']*\})'/.exec(command)![1]!;

/**
 * Runs the rollback with kubectl stubbed: whether the old object is still there (an Ingress by `-o name`, a
 * Service by its type) is as `before` says, and a wait for its deletion ends as `waitEnds`; every call that
 * changes something is printed.
 */
function rollBack(step: Step, before: 'still there' | 'gone' | 'terminating', waitEnds = true): { calls: string[]; status: number; stderr: string } {
  const there = before === 'still there';
  const stub = [
    'kubectl() {',
    '  case "$*" in',
    `    *"-o name") return ${there || (before === 'terminating' && !waitEnds) ? 0 : 1} ;;`,
    `    *deletionTimestamp*) ${before === 'terminating' ? 'echo 2026-12-08T00:00:00Z' : ':'} ;;`,
    `    wait*) printf '%s\\n' "$*"; return ${waitEnds ? 0 : 1} ;;`,
    `    *"{.spec.type}"*) echo ${there ? 'LoadBalancer' : 'ClusterIP'} ;;`,
    '    get*) echo new-hostname.elb.amazonaws.com ;;',
    `    *) printf '%s\\n' "$*" ;;`,
    '  esac',
    '}',
  ].join('\n');
  const run = runBash(`${stub}\n${step.rollback.commands.join('\n')}`, { cwd: mkdtempSync(join(tmpdir(), 'modeshift-lb-')) });
  return { calls: run.stdout.trim().split('\n').filter(Boolean), status: run.status, stderr: run.stderr };
}

type Cluster = { hostname: string; named: 'nothing' | 'a workload' | 'an ExternalName Service'; failing?: 'hostname' | 'objects' };

/** Runs the removal's commands with kubectl stubbed as `cluster` says; every call that changes something is printed. */
function remove(step: Step, cluster: Cluster): { calls: string[]; stderr: string; status: number } {
  const stub = [
    'kubectl() {',
    '  case "$*" in',
    `    *"-o yaml") ${cluster.failing === 'objects' ? 'return 1' : cluster.named === 'a workload' ? `echo "  url: https://${cluster.hostname}/"` : ':'} ;;`,
    `    *externalName*) ${cluster.named === 'an ExternalName Service' ? `echo "shop/legacy: ${cluster.hostname}"` : 'echo "shop/api: "'} ;;`,
    `    get*hostname*) ${cluster.failing === 'hostname' ? 'return 1' : `echo ${cluster.hostname}`} ;;`,
    `    *) printf '%s\\n' "$*" ;;`,
    '  esac',
    '}',
  ].join('\n');
  const run = runBash(`${stub}\n${step.commands.join('\n')}`, { cwd: mkdtempSync(join(tmpdir(), 'modeshift-lb-')) });
  return {
    calls: run.stdout
      .trim()
      .split('\n')
      .filter((l) => l !== '' && !/^\d+:/.test(l)),
    stderr: run.stderr,
    status: run.status,
  };
}

describe('moving a load balancer', () => {
  it('creates the new one and ends with the DNS shift; the old one goes only in its removal step, after it', () => {
    const p = plan();
    const ids = p.stages.flatMap((s) => s.steps).map((s) => s.id);
    for (const kind of ['ingress-shop-web', 'service-shop-api']) {
      const shift = stepOf(p, `waves/load-balancer-${kind}`);
      const removal = stepOf(p, `waves/retire-load-balancer-${kind}`);
      expect(shift.commands.at(-1)).toMatch(/^# shift DNS for/);
      expect(shift.commands.join('\n')).not.toMatch(/delete ingress web |patch service api /);
      expect(shift.effects.map((e) => e.type)).toEqual(['create-object']);
      expect(removal.dependsOn).toEqual([shift.id]);
      // Each names the other by id: the same id with or without `retire-`.
      expect(removal.id).toBe(shift.id.replace('waves/', 'waves/retire-'));
      expect(ids.indexOf(removal.id)).toBeGreaterThan(ids.indexOf(shift.id));
      // Its rollback deletes the new load balancer only once DNS has moved back: an instruction, never run by pasting.
      expect(shift.rollback.commands).toEqual([expect.stringMatching(/^# once DNS answers with the old hostname again: kubectl delete /)]);
    }
  });

  it('removes the old one only when nothing in the cluster names its hostname, and fails when it refuses', () => {
    const removal = stepOf(plan(), 'waves/retire-load-balancer-ingress-shop-web');
    const old = 'old.elb.amazonaws.com';
    expect(remove(removal, { hostname: old, named: 'nothing' })).toMatchObject({ calls: ['delete ingress web -n shop'], status: 0 });
    for (const named of ['a workload', 'an ExternalName Service'] as const) {
      const refused = remove(removal, { hostname: old, named });
      expect(refused).toMatchObject({ calls: [], status: 1 });
      expect(refused.stderr).toContain(`the lines above name ${old}`);
    }
    // No hostname (never assigned, or already gone): nothing can name it; an empty grep pattern would match every line.
    expect(remove(removal, { hostname: '', named: 'a workload' }).calls).toEqual(['delete ingress web -n shop']);
  });

  it('removes nothing when the hostname or the objects that could name it cannot be read', () => {
    const removal = stepOf(plan(), 'waves/retire-load-balancer-service-shop-api');
    for (const failing of ['hostname', 'objects'] as const) {
      const refused = remove(removal, { hostname: 'old.elb.amazonaws.com', named: 'nothing', failing });
      expect(refused).toMatchObject({ calls: [], status: 1 });
      expect(refused.stderr).toContain('not read, nothing removed');
    }
  });
});

describe('rolling back the removal of a load balancer', () => {
  it('Ingress: re-creates the deleted original from the inventory copy saved with the step', () => {
    const step = stepOf(plan(), 'waves/retire-load-balancer-ingress-shop-web');
    expect(step.commands.at(-1)).toContain('kubectl delete ingress web -n shop;');
    const saved = step.manifests.find((m) => m.file === 'ingress-shop-web-before.yaml');
    expect(saved?.object).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'shop', annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } },
      spec: alb.spec,
    });
    // Not applied by the step itself: only by the rollback, and only when the original is gone.
    expect(step.commands.join('\n')).not.toContain('ingress-shop-web-before.yaml');
    expect(rollBack(step, 'gone').calls).toEqual(['apply -f ingress-shop-web-before.yaml', 'new-hostname.elb.amazonaws.com']);
    expect(rollBack(step, 'still there').calls).toEqual(['new-hostname.elb.amazonaws.com']);
    // Still being deleted (its controller's finalizer): waited out, then re-created.
    expect(rollBack(step, 'terminating').calls).toEqual([
      'wait --for=delete ingress/web -n shop --timeout=10m',
      'apply -f ingress-shop-web-before.yaml',
      'new-hostname.elb.amazonaws.com',
    ]);
    // A finalizer that holds it past the wait: nothing re-created, and no hostname of the dying one to point DNS at.
    const held = rollBack(step, 'terminating', false);
    expect(held.calls).toEqual(['wait --for=delete ingress/web -n shop --timeout=10m']);
    expect(held.stderr).toContain('is still being deleted (a finalizer holds it): nothing re-created');
  });

  it('Service: makes the retired Service a LoadBalancer again with the fields the retirement cleared', () => {
    const step = stepOf(plan(), 'waves/retire-load-balancer-service-shop-api');
    const retired = kubectlPatch(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: nlb.spec },
      patchBody(/(kubectl patch service api -n shop -p '\{.*\}')/.exec(step.commands.at(-1)!)![1]!),
    );
    expect(retired.spec['type']).toBe('ClusterIP');
    expect(rollBack(step, 'gone').calls[0]).toMatch(/^patch service api -n shop -p \{"spec":\{"type":"LoadBalancer"/);
    expect(rollBack(step, 'still there').calls).toEqual(['new-hostname.elb.amazonaws.com']);
    const back = kubectlPatch(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: retired.spec },
      patchBody(step.rollback.commands[0]!),
    );
    const { nodePort: _allocatedAgain, ...port } = nlb.spec.ports![0]!;
    expect(back.spec).toEqual({ ...nlb.spec, ports: [port] });
  });

  it('export writes the saved original apart, in rollback/: applying the folder must not bring it back', () => {
    const p = plan();
    const files = exportFiles(p, [], new SourceObjects([]));
    const under = (step: string) => files.flatMap((f) => new RegExp(`/\\d+-${step}/(.*)$`).exec(f.path)?.[1] ?? []).sort();
    expect(under('load-balancer-ingress-shop-web')).toEqual(['ingress-shop-web-auto.yaml', 'kustomization.yaml']);
    expect(under('retire-load-balancer-ingress-shop-web')).toEqual(['rollback/ingress-shop-web-before.yaml']);
    const readme = files.find((f) => f.path === 'README.md')?.content ?? '';
    expect(readme).toContain('Nothing to apply with kubectl here.');
    expect(readme).toContain('`ingress-shop-web-before.yaml`');
  });
});
