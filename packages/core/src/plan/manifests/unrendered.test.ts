import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBash } from '../../testing/bash.js';
import { aCluster, aFargateInventory, aFargateProfile, aWorkload, contextFor } from '../../testing/builders.js';
import { anIngress, anIngressClass } from '../../testing/kube-objects.js';
import { buildPlan } from '../build-plan.js';
import { unrenderedPlaceholders } from './unrendered.js';

describe('template placeholders left in an object', () => {
  it('finds $NAME, ${NAME} and {{ … }}, not nginx variables or regex groups', () => {
    expect(
      unrenderedPlaceholders({
        a: '$INBOUND_CIDRS',
        b: ['sg-1,${CATALOG_SG_ID}', '{{ .Values.host }}'],
        c: 'return 301 https://$host$request_uri; rewrite ^/(.*)$ /$1',
      }),
    ).toEqual(['$INBOUND_CIDRS', '${CATALOG_SG_ID}', '{{ .Values.host }}']);
  });

  it("keeps a copy that holds one from being applied until it holds the cluster's value", () => {
    const inventory = aFargateInventory([aWorkload({ namespace: 'ui', name: 'ui' })], {
      cluster: aCluster({ version: '1.31' }),
      fargateProfiles: [aFargateProfile('ui', [{ namespace: 'ui' }])],
      ingressClasses: [anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' })],
      ingresses: [
        anIngress(
          'ui',
          { ingressClassName: 'alb', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'ui', port: { number: 80 } } } }] } }] },
          { namespace: 'ui', annotations: { 'alb.ingress.kubernetes.io/inbound-cidrs': '$INBOUND_CIDRS' } },
        ),
      ],
    });
    const step = buildPlan(contextFor(inventory, 'auto-mode'))
      .stages.flatMap((s) => s.steps)
      .find((s) => s.id === 'waves/load-balancer-ingress-ui-ui')!;
    expect(step.why).toContain('template placeholders ($INBOUND_CIDRS)');
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-unrendered-'));
    const applyWith = (cidrs: string) => {
      writeFileSync(join(dir, 'ingress-ui-ui-auto.yaml'), `metadata:\n  annotations:\n    alb.ingress.kubernetes.io/inbound-cidrs: ${cidrs}\n`);
      return runBash(['kubectl() { echo "kubectl $1 $2 $3"; }', step.commands[0]!].join('\n'), { cwd: dir });
    };
    const held = applyWith('$INBOUND_CIDRS');
    expect(held.status).toBe(1);
    expect(held.stdout).not.toContain('kubectl apply');
    expect(held.stderr).toContain('still holds the template placeholders above');
    expect(applyWith('10.0.0.0/8').stdout).toContain('kubectl apply -f ingress-ui-ui-auto.yaml');
  });
});
