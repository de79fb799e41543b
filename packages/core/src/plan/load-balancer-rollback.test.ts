// A blue/green step's last command removes the old load balancer. A rollback after it has nothing to
// "point DNS back at": it must bring the old one back first (a new hostname), then delete the new one.
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
const patchBody = (command: string) => /-p '(\{.*\})'$/.exec(command)![1]!;

/**
 * Runs the rollback with kubectl stubbed: whether the old object is still there (an Ingress by `-o name`, a
 * Service by its type) is as `before` says; every call that changes something is printed.
 */
function rollBack(step: Step, before: 'still there' | 'gone' | 'terminating'): string[] {
  const there = before === 'still there';
  const stub = [
    'kubectl() {',
    '  case "$*" in',
    `    *"-o name") return ${there ? 0 : 1} ;;`,
    `    *deletionTimestamp*) ${before === 'terminating' ? 'echo 2026-12-08T00:00:00Z' : ':'} ;;`,
    `    *"{.spec.type}"*) echo ${there ? 'LoadBalancer' : 'ClusterIP'} ;;`,
    '    get*) echo new-hostname.elb.amazonaws.com ;;',
    `    *) printf '%s\\n' "$*" ;;`,
    '  esac',
    '}',
  ].join('\n');
  const run = runBash(`${stub}\n${step.rollback.commands.join('\n')}`, { cwd: mkdtempSync(join(tmpdir(), 'modeshift-lb-')) });
  expect(run.status).toBe(0);
  return run.stdout.trim().split('\n');
}

describe('rolling back a load balancer blue/green step', () => {
  it('Ingress: re-creates the deleted original from the inventory copy saved with the step, then deletes the new one', () => {
    const step = stepOf(plan(), 'waves/load-balancer-ingress-shop-web');
    expect(step.commands.at(-1)).toBe('kubectl delete ingress web -n shop');
    const saved = step.manifests.find((m) => m.file === 'ingress-shop-web-before.yaml');
    expect(saved?.object).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'shop', annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } },
      spec: alb.spec,
    });
    // Not applied by the step itself: only by the rollback, and only when the original is gone.
    expect(step.commands.join('\n')).not.toContain('ingress-shop-web-before.yaml');
    expect(rollBack(step, 'gone')).toEqual(['apply -f ingress-shop-web-before.yaml', 'new-hostname.elb.amazonaws.com', 'delete ingress web-auto -n shop']);
    expect(rollBack(step, 'still there')).toEqual(['new-hostname.elb.amazonaws.com', 'delete ingress web-auto -n shop']);
    // Still being deleted (its controller's finalizer): waited out, then re-created.
    expect(rollBack(step, 'terminating').slice(0, 2)).toEqual(['wait --for=delete ingress/web -n shop --timeout=10m', 'apply -f ingress-shop-web-before.yaml']);
  });

  it('Service: makes the retired Service a LoadBalancer again with the fields the retirement cleared', () => {
    const step = stepOf(plan(), 'waves/load-balancer-service-shop-api');
    const retired = kubectlPatch(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: nlb.spec },
      patchBody(step.commands.at(-1)!),
    );
    expect(retired.spec['type']).toBe('ClusterIP');
    expect(rollBack(step, 'gone')[0]).toMatch(/^patch service api -n shop -p \{"spec":\{"type":"LoadBalancer"/);
    expect(rollBack(step, 'still there')).toEqual(['new-hostname.elb.amazonaws.com', 'delete service api-auto -n shop']);
    const back = kubectlPatch(
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: retired.spec },
      patchBody(step.rollback.commands[0]!),
    );
    const { nodePort: _allocatedAgain, ...port } = nlb.spec.ports![0]!;
    expect(back.spec).toEqual({ ...nlb.spec, ports: [port] });
  });

  it('export leaves the saved original out of the step folder: applying the folder must not bring it back', () => {
    const p = plan();
    const files = exportFiles(p, [], new SourceObjects([]));
    const folder = files.filter((f) => f.path.includes('load-balancer-ingress-shop-web'));
    expect(folder.map((f) => f.path.split('/').at(-1))).toEqual(['ingress-shop-web-auto.yaml', 'kustomization.yaml']);
    expect(files.find((f) => f.path === 'README.md')?.content).toContain('`ingress-shop-web-before.yaml`');
  });
});
