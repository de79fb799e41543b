import { describe, expect, it } from 'vitest';
import type { Container } from '../kube.js';
import { buildPlan } from '../plan/build-plan.js';
import { makeStep } from '../plan/step.js';
import { aDaemonSet, aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aConfigMap } from '../testing/kube-objects.js';
import { aPlan } from './__fixtures__/markdown-plans.js';
import { manifestText, REDACTED } from './markdown/manifests.js';
import { renderMarkdown } from './markdown/index.js';

const TOKEN = 'tok-live-1234';

/** A container that reads one value from a Secret and carries a credential as a literal env value. */
const leaky: Container = {
  name: 'app',
  image: 'public.ecr.aws/example/app:1.0',
  env: [
    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
    { name: 'API_TOKEN', value: TOKEN },
  ],
  resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '250m', memory: '512Mi' } },
};

const secrets = [{ namespace: 'shop', name: 'db-credentials', type: 'Opaque' }];

describe('renderMarkdown never shows secrets', () => {
  it('leaves out env values, to Auto Mode and to Fargate', () => {
    const workloads = [
      aWorkload({ name: 'web', containers: [leaky] }),
      aWorkload({ name: 'job', kind: 'Job', containers: [leaky], podAnnotations: { 'x/y': 'z' } }),
    ];
    for (const plan of [
      buildPlan(contextFor(aFargateInventory(workloads, { secrets }), 'auto-mode')),
      buildPlan(contextFor(anAutoModeInventory(workloads, { secrets }), 'fargate')),
    ]) {
      const text = renderMarkdown(plan);
      // The plan does name the workload (so the checks below are not vacuous).
      expect(text).toMatch(/Deployment `web`|Deployment\/shop\/web/);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('secretKeyRef');
    }
  });

  it('redacts a credential the plan carries into a log agent configuration', () => {
    // fargate-log-agents never substitutes credential variables, so neither the plan nor the export holds the token.
    const agent = aDaemonSet({
      namespace: 'logging',
      name: 'fluent-bit',
      containers: [{ ...leaky, name: 'fluent-bit', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:3.0.1' }],
      spec: { volumes: [{ name: 'config', configMap: { name: 'fluent-bit-config' } }] },
    });
    const config = '[OUTPUT]\n    Name es\n    Match *\n    Host es.example.com\n    HTTP_User admin\n    HTTP_Passwd ${API_TOKEN}\n';
    const plan = buildPlan(
      contextFor(
        anAutoModeInventory([agent], { configMaps: [aConfigMap('fluent-bit-config', { 'output.conf': config }, { namespace: 'logging' })], secrets }),
        'fargate',
      ),
    );
    const text = renderMarkdown(plan);
    expect(JSON.stringify(plan)).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('${API_TOKEN}');
  });
});

describe('manifestText and values the inventory reader redacted', () => {
  it('shows a manifest as the planner made it: redaction happens once, when the inventory is read', () => {
    const out = manifestText({ file: 'x.yaml', object: { kind: 'ConfigMap', data: { note: 'plain' } } });
    expect(out).toEqual({ text: 'kind: ConfigMap\ndata:\n  note: plain\n', redacted: 0 });
  });

  it('counts the placeholders the reader left and says so next to the manifest', () => {
    const step = makeStep({
      id: 'capacity/x',
      title: 'X',
      kind: 'node-pool',
      why: 'W',
      manifests: [{ file: 'x.yaml', object: { kind: 'ConfigMap', data: { token: REDACTED, 'a.conf': `HTTP_Passwd ${REDACTED}\n` } } }],
    });
    const text = renderMarkdown(aPlan([], { capacity: [step] }));
    expect(text).toContain('token: <redacted>');
    expect(text).toContain('**Credentials removed:** 2 values');
  });
});
