import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { remediationOf, type Finding, type Plan } from '@modeshift/core/base';
import { run } from '../cli.js';
import { captureIo, EXAMPLES, tempTree } from '../testing.js';
import { HAS_KUBECTL, kubectl } from '../testing-kubectl.js';

const NO_KUBECTL = 'kubectl is not installed: these tests render the overlays with `kubectl kustomize` (see README "modeshift export")';

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

async function exportTo(inventory: string, to: string): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'modeshift-export-')), 'export');
  const io = captureIo();
  const code = await run(['export', inventory, '--to', to, '--out', out], io);
  expect(io.err()).toMatch(/^modeshift: wrote \d+ files/);
  expect(code).toBe(0);
  return out;
}

/**
 * What `kubectl patch --local` makes of a base object and the overlay's patch files, in the overlay's order:
 * a strategic-merge patch (an object) or a JSON 6902 patch (a list of operations).
 */
function patchedLocally(baseFile: string, patchFiles: string[]): unknown {
  let current = readFileSync(baseFile, 'utf8');
  const scratch = join(mkdtempSync(join(tmpdir(), 'modeshift-patched-')), 'object.json');
  let result: unknown = parse(current);
  for (const file of patchFiles) {
    const patch = parse(readFileSync(file, 'utf8')) as unknown;
    let type = 'json';
    let payload: unknown = patch;
    if (!Array.isArray(patch)) {
      const { apiVersion: _a, kind: _k, ...body } = patch as Record<string, unknown>;
      const metadata = { ...(body.metadata as Record<string, unknown>) };
      delete metadata.name;
      delete metadata.namespace;
      type = 'strategic';
      payload = Object.keys(metadata).length > 0 ? { ...body, metadata } : (({ metadata: _m, ...rest }) => rest)(body);
    }
    writeFileSync(scratch, current);
    current = kubectl(['patch', '--local', '-f', scratch, '--type', type, '-p', JSON.stringify(payload), '-o', 'json']);
    result = JSON.parse(current);
  }
  return result;
}

/** Renders every wave with kubectl kustomize and checks each object equals its base with its patches applied by kubectl. */
function checkWaves(dir: string): number {
  let checked = 0;
  for (const wave of readdirSync(join(dir, 'waves')).sort()) {
    const folder = join(dir, 'waves', wave);
    const kustomization = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
      patches?: { path: string; target: { kind: string; namespace: string; name: string } }[];
    };
    const rendered = parseAllDocuments(kubectl(['kustomize', folder])).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace: string } });
    const baseDir = join(folder, kustomization.resources[0]!);
    const baseFiles = (parse(readFileSync(join(baseDir, 'kustomization.yaml'), 'utf8')) as { resources: string[] }).resources;
    expect(rendered).toHaveLength(baseFiles.length);
    for (const file of baseFiles) {
      const base = parse(readFileSync(join(baseDir, file), 'utf8')) as { kind: string; metadata: { name: string; namespace: string } };
      const patches = (kustomization.patches ?? []).filter(
        (p) => p.target.kind === base.kind && p.target.name === base.metadata.name && p.target.namespace === base.metadata.namespace,
      );
      const actual = rendered.find((o) => o.kind === base.kind && o.metadata.name === base.metadata.name);
      expect(actual, `${wave}: ${base.kind} ${base.metadata.name} rendered`).toBeDefined();
      expect(actual).toEqual(
        patchedLocally(
          join(baseDir, file),
          patches.map((p) => join(folder, p.path)),
        ),
      );
      checked++;
    }
  }
  for (const stage of existsSync(join(dir, 'stages')) ? readdirSync(join(dir, 'stages')) : []) {
    for (const step of readdirSync(join(dir, 'stages', stage))) {
      const folder = join(dir, 'stages', stage, step);
      // A step with nothing for kubectl has no kustomization: only what its commands (JSON documents) or its rollback (rollback/) read.
      if (existsSync(join(folder, 'kustomization.yaml'))) kubectl(['kustomize', folder]);
      else expect(readdirSync(folder).filter((f) => !f.endsWith('.json') && f !== 'rollback')).toEqual([]);
    }
  }
  return checked;
}

const CASES = [
  { name: 'fargate-to-auto-mode', to: 'auto-mode' },
  { name: 'auto-mode-to-fargate', to: 'fargate' },
] as const;

describe.each(CASES)('modeshift export of examples/$name', ({ name, to }) => {
  it('writes the golden export (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const out = await exportTo(join(EXAMPLES, name, 'inventory'), to);
    const golden = join(EXAMPLES, name, 'export');
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(golden, { recursive: true, force: true });
      for (const file of listFiles(out)) {
        mkdirSync(dirname(join(golden, file)), { recursive: true });
        writeFileSync(join(golden, file), readFileSync(join(out, file)));
      }
    }
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
    expect(listFiles(out)).toEqual(listFiles(golden));
    for (const file of listFiles(out)) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(golden, file), 'utf8'));
  });

  it.skipIf(!HAS_KUBECTL)("renders every wave as the plan's patches applied to the inventory objects", async () => {
    const out = await exportTo(join(EXAMPLES, name, 'inventory'), to);
    expect(checkWaves(out)).toBeGreaterThan(0);
  });

  it('never writes a Secret', async () => {
    const out = await exportTo(join(EXAMPLES, name, 'inventory'), to);
    for (const file of listFiles(out).filter((f) => f.endsWith('.yaml'))) {
      for (const doc of parseAllDocuments(readFileSync(join(out, file), 'utf8')))
        expect((doc.toJS() as { kind?: string } | null)?.kind, file).not.toBe('Secret');
    }
  });
});

it.runIf(!HAS_KUBECTL)('says why the rendering tests were skipped', () => {
  console.warn(NO_KUBECTL);
});

const deployment = (ns: string, name: string, labels: Record<string, string>, annotations: Record<string, string> = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: ${JSON.stringify(labels)}
  annotations: ${JSON.stringify(annotations)}
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      tolerations: [{ key: dedicated, operator: Equal, value: web, effect: NoSchedule }]
      containers:
        - name: app
          image: nginx:1.27
          resources: { requests: { cpu: 250m, memory: 256Mi } }
`;

/** Helm-, Argo CD- and Flux-managed workloads on Fargate, and one applied by hand. */
function managedInventory(): string {
  return tempTree({
    'profile.json': JSON.stringify({
      fargateProfile: {
        fargateProfileName: 'apps',
        clusterName: 'demo',
        podExecutionRoleArn: 'arn:aws:iam::111122223333:role/pod-exec',
        subnets: ['subnet-0a'],
        selectors: [{ namespace: 'helm-apps' }, { namespace: 'argo-apps' }, { namespace: 'flux-apps' }, { namespace: 'plain' }],
        status: 'ACTIVE',
      },
    }),
    'workloads.yaml': [
      deployment(
        'helm-apps',
        'cart',
        { 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': 'cart-1.2.0' },
        { 'meta.helm.sh/release-name': 'shop', 'meta.helm.sh/release-namespace': 'helm-apps' },
      ),
      deployment(
        'argo-apps',
        'api',
        { 'argocd.argoproj.io/instance': 'payments' },
        { 'argocd.argoproj.io/tracking-id': 'payments:apps/Deployment:argo-apps/api' },
      ),
      deployment('flux-apps', 'podinfo', { 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' }),
      deployment('plain', 'web', { app: 'web' }),
    ].join('\n---\n'),
  });
}

describe('modeshift export of Helm-, Argo CD- and Flux-managed workloads', () => {
  it('says in the README where each managed change belongs and how to hold the reconciler off', async () => {
    const out = await exportTo(managedInventory(), 'auto-mode');
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('Managed by Helm release shop (chart cart-1.2.0): change it in the values of Helm release shop');
    expect(readme).toContain('Managed by Argo CD Application payments');
    expect(readme).toContain('Managed by Flux Kustomization apps in namespace flux-system');
    expect(readme).toContain('`argocd app set payments --sync-policy none`');
    expect(readme).toContain('`flux suspend kustomization apps -n flux-system`');
    expect(readme).toContain('look for a value such as podAnnotations');
    expect(readme.split('\n').filter((l) => l.includes('Managed by'))).toHaveLength(3);
  });

  it('says in the findings on a managed workload where its change belongs', async () => {
    const io = captureIo();
    expect(await run(['plan', managedInventory(), '--to', 'auto-mode', '--format', 'json'], io)).toBe(0);
    const plan = JSON.parse(io.out()) as Plan;
    const edits = (ns: string) => plan.findings.filter((f) => f.resource?.namespace === ns && f.action.type === 'workload');
    const remediation = (f: Finding) => remediationOf(plan.rules, f);
    expect(edits('helm-apps').length).toBeGreaterThan(0);
    for (const f of edits('helm-apps'))
      expect(remediation(f)).toContain('Deployment helm-apps/cart is managed by Helm release shop (chart cart-1.2.0): change it in the values');
    for (const f of edits('argo-apps')) expect(remediation(f)).toContain('is managed by Argo CD Application payments');
    for (const f of edits('plain')) expect(remediation(f)).not.toContain('managed by');
  });

  it("marks the managed workloads in the plan's wave steps, and pauses Argo CD and Flux in steps of their own around the wave", async () => {
    const io = captureIo();
    expect(await run(['plan', managedInventory(), '--to', 'auto-mode', '--format', 'json'], io)).toBe(0);
    type StepJson = { id: string; kind: string; dependsOn: string[]; commands: string[]; rollback: { commands: string[] } };
    const steps = (JSON.parse(io.out()) as { stages: { steps: StepJson[] }[] }).stages.flatMap((s) => s.steps);
    const step = (id: string) => steps.find((s) => s.id === id)!;
    expect(step('waves/helm-apps').commands[0]).toMatch(/^# Deployment helm-apps\/cart is managed by Helm release shop/);
    expect(step('waves/argo-apps').commands[0]).toMatch(/^# Deployment argo-apps\/api is managed by Argo CD Application payments/);
    expect(step('waves/argo-apps').dependsOn).toEqual(['waves/pause-sync-argo-apps']);
    expect(step('waves/pause-sync-argo-apps').commands).toEqual(['argocd app set payments --sync-policy none']);
    expect(step('waves/pause-sync-argo-apps').rollback.commands).toEqual(['argocd app set payments --sync-policy automated']);
    expect(step('waves/resume-sync-argo-apps').dependsOn).toEqual(['waves/argo-apps']);
    expect(step('waves/resume-sync-argo-apps').commands).toContain('argocd app set payments --sync-policy automated');
    expect(step('waves/pause-sync-flux-apps').commands).toEqual(['flux suspend kustomization apps -n flux-system']);
    expect(step('waves/resume-sync-flux-apps').commands).toContain('flux resume kustomization apps -n flux-system');
    expect(steps.some((s) => s.id === 'waves/pause-sync-helm-apps' || s.id === 'waves/pause-sync-plain')).toBe(false);
    expect(step('waves/plain').commands.some((c) => c.includes('managed by'))).toBe(false);
  });

  it('lists the pause and resume steps in the README, in plan order around their wave', async () => {
    const readme = readFileSync(join(await exportTo(managedInventory(), 'auto-mode'), 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    const at = (id: string) => rows.findIndex((r) => r.includes(`\`${id}\``));
    expect(at('waves/pause-sync-argo-apps')).toBe(at('waves/argo-apps') - 1);
    expect(at('waves/resume-sync-argo-apps')).toBe(at('waves/argo-apps') + 1);
    expect(rows[at('waves/pause-sync-argo-apps')]).toContain('none: commands only');
    expect(readme).toContain('run `waves/pause-sync-argo-apps` first and `waves/resume-sync-argo-apps` once the source has the change');
  });

  it.skipIf(!HAS_KUBECTL)("renders the managed workloads' waves as their patches applied", async () => {
    expect(checkWaves(await exportTo(managedInventory(), 'auto-mode'))).toBe(4);
  });
});

describe('modeshift export --out', () => {
  it('refuses a non-empty directory without --force and replaces it with --force (exit 2, then 0)', async () => {
    const out = tempTree({ 'keep.txt': 'mine' });
    const io = captureIo();
    expect(await run(['export', join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'), '--to', 'auto-mode', '--out', out], io)).toBe(2);
    expect(io.err()).toContain('is not empty; pass --force');
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(await run(['export', join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'), '--to', 'auto-mode', '--out', out, '--force'], captureIo())).toBe(0);
    expect(existsSync(join(out, 'keep.txt'))).toBe(false);
    expect(existsSync(join(out, 'README.md'))).toBe(true);
  });

  it('refuses a symbolic link as --out and writes nothing through it', async () => {
    const root = tempTree({ 'target/keep.txt': 'mine' });
    symlinkSync(join(root, 'target'), join(root, 'link'));
    const io = captureIo();
    expect(await run(['export', join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'), '--to', 'auto-mode', '--out', join(root, 'link'), '--force'], io)).toBe(2);
    expect(io.err()).toContain('is a symbolic link');
    expect(readdirSync(join(root, 'target'))).toEqual(['keep.txt']);
  });
});
