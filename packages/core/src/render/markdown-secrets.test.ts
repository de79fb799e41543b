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
    const workloads = [aWorkload({ name: 'web', containers: [leaky] }), aWorkload({ name: 'job', kind: 'Job', containers: [leaky], podAnnotations: { 'x/y': 'z' } })];
    for (const plan of [
      buildPlan(contextFor(aFargateInventory(workloads, { secrets }), 'auto-mode')),
      buildPlan(contextFor(anAutoModeInventory(workloads, { secrets }), 'fargate')),
    ]) {
      const text = renderMarkdown(plan);
      expect(text).toContain('Deployment/shop/web');
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
    const plan = buildPlan(contextFor(anAutoModeInventory([agent], { configMaps: [aConfigMap('fluent-bit-config', { 'output.conf': config }, { namespace: 'logging' })], secrets }), 'fargate'));
    const text = renderMarkdown(plan);
    expect(JSON.stringify(plan)).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('${API_TOKEN}');
  });
});

describe('manifestText redaction', () => {
  const text = (object: Record<string, unknown>, file = 'x.yaml') => manifestText({ file, object });

  it("replaces a Secret's data whatever its keys", () => {
    const out = text({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { anything: 'c2VjcmV0' }, stringData: { other: 'plain' } });
    expect(out.text).not.toMatch(/c2VjcmV0|plain/);
    expect(out.redacted).toBe(2);
  });

  it('replaces credential keys, env values named like credentials and config lines', () => {
    const out = text({
      password: 'p1',
      nested: { apiKey: 'k1', client_secret: 's1' },
      env: [{ name: 'GITHUB_TOKEN', value: 't1' }, { name: 'LOG_LEVEL', value: 'info' }],
      data: { 'app.conf': 'user admin\npasswd p2\naws_secret_access_key = s2\nregion eu-west-1\n', 'values.yaml': 'auth:\n  token: t2\n' },
    });
    for (const leaked of ['p1', 'k1', 's1', 't1', 'p2', 's2', 't2']) expect(out.text).not.toMatch(new RegExp(`\\b${leaked}\\b`));
    expect(out.redacted).toBe(7);
    expect(out.text).toContain('value: info');
    expect(out.text).toContain('region eu-west-1');
  });

  it('keeps references to secrets, which the operator needs', () => {
    const out = text({
      volumes: [{ secret: { secretName: 'tls' } }],
      env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }, { name: 'API_TOKEN', value: '${FROM_ENV}' }],
      token_file: '/var/run/secrets/token',
      data: { 'a.conf': 'HTTP_Passwd ${ES_PASSWORD}\nsecret_name <your-secret>\n' },
    }, 'x.json');
    expect(out.redacted).toBe(0);
    expect(JSON.parse(out.text)).toMatchObject({ volumes: [{ secret: { secretName: 'tls' } }], token_file: '/var/run/secrets/token' });
  });

  it('redacts in the document too, and says so next to the manifest', () => {
    const step = makeStep({ id: 'capacity/x', title: 'X', kind: 'node-pool', why: 'W', manifests: [{ file: 'x.yaml', object: { kind: 'ConfigMap', data: { token: TOKEN } } }] });
    const text = renderMarkdown(aPlan([], { capacity: [step] }));
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('token: <redacted>');
  });
});
