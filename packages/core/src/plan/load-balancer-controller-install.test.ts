import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { anAutoModeInventory, anAutoModeCluster, aWorkload, contextFor } from '../testing/builders.js';
import { aClusterObject, anIngress, anIngressClass } from '../testing/kube-objects.js';
import { runBash } from '../testing/bash.js';
import { buildPlan } from './build-plan.js';

const CERT = 'arn:aws:acm:us-east-1:444455556666:certificate/9c2e';

function plan(): Plan {
  const autoClass = anIngressClass(
    'alb',
    { controller: 'eks.amazonaws.com/alb', parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'alb' } },
    { isDefault: true },
  );
  const params = aClusterObject(
    'IngressClassParams',
    'alb',
    {
      certificateARNs: [CERT],
      group: { name: 'retail-web' },
      scheme: 'internet-facing',
      tags: [{ key: 'Team', value: 'web' }],
    },
    { apiVersion: 'eks.amazonaws.com/v1' },
  );
  const inventory = anAutoModeInventory([aWorkload({ namespace: 'web', name: 'storefront' })], {
    cluster: anAutoModeCluster({ version: '1.32' }),
    ingressClasses: [autoClass],
    ingressClassParams: [params],
    ingresses: [
      anIngress(
        'storefront',
        { ingressClassName: 'alb', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'storefront' } } }] } }] },
        { namespace: 'web' },
      ),
    ],
  });
  return buildPlan(contextFor(inventory, 'fargate'));
}
const steps = (p: Plan): Step[] => p.stages.flatMap((s) => s.steps);

describe('installing the AWS Load Balancer Controller on the way to Fargate', () => {
  const p = plan();

  it('gives the controller its own IngressClass, the one the Ingress copy names, instead of the chart default alb that Auto Mode holds', () => {
    const install = steps(p).find((s) => s.id === 'prerequisites/aws-load-balancer-controller')!;
    const helm = install.commands.find((c) => c.includes('helm install'))!;
    expect(helm).toContain('--set ingressClass=alb-lbc');
    expect(helm).toContain('--set createIngressClassResource=true');
    const copy = steps(p).find((s) => s.id === 'waves/load-balancer-ingress-web-storefront')!.manifests[0]!.object as { spec: { ingressClassName: string } };
    expect(copy.spec.ingressClassName).toBe('alb-lbc');
  });

  it("carries the scheme, certificates, group and tags of Auto Mode's IngressClassParams into the copy's annotations", () => {
    const copy = steps(p).find((s) => s.id === 'waves/load-balancer-ingress-web-storefront')!.manifests[0]!.object as {
      metadata: { annotations: Record<string, string> };
    };
    expect(copy.metadata.annotations).toMatchObject({
      'alb.ingress.kubernetes.io/scheme': 'internet-facing',
      'alb.ingress.kubernetes.io/certificate-arn': CERT,
      'alb.ingress.kubernetes.io/group.name': 'retail-web',
      'alb.ingress.kubernetes.io/tags': 'Team=web',
      'alb.ingress.kubernetes.io/target-type': 'ip',
    });
  });

  it('installs the controller only once its service account names an IAM role, then waits for it to run', () => {
    const install = steps(p).find((s) => s.id === 'prerequisites/aws-load-balancer-controller')!;
    const run = (roleArn: string) =>
      runBash(
        [
          `kubectl() { case "$*" in *role-arn*) echo '${roleArn}' ;; *) echo "kubectl $*" ;; esac; }`,
          'helm() { echo "helm $1 $2"; }',
          ...install.commands,
        ].join('\n'),
      );
    // The jsonpath the step reads the role with, run by kubectl on an annotated service account: the dots in the key escaped.
    const jsonpath = /-o jsonpath='([^']*role-arn[^']*)'/.exec(install.commands.join('\n'))![1]!;
    const account = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'aws-load-balancer-controller',
        namespace: 'kube-system',
        annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/lbc' },
      },
    };
    const read = execFileSync('kubectl', ['patch', '--local', '-f', '-', '-p', '{}', '-o', `jsonpath=${jsonpath}`], {
      input: JSON.stringify(account),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(read).toBe('arn:aws:iam::111122223333:role/lbc');
    // Without it no controller pod starts, and the chart's webhooks would refuse every new Service and Ingress.
    const missing = run('');
    expect(missing.stdout).not.toContain('helm install');
    expect(missing.stderr).toContain('no service account with an IAM role yet');
    const ready = run('arn:aws:iam::111122223333:role/lbc');
    expect(ready.stdout).toContain('helm install aws-load-balancer-controller');
    expect(ready.stdout.indexOf('helm install')).toBeLessThan(ready.stdout.indexOf('kubectl rollout status deployment aws-load-balancer-controller'));
  });
});
