import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/core';
import { run } from '../cli.js';
import { captureIo, tempTree } from '../testing.js';

const FARGATE_APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: public.ecr.aws/nginx/nginx:1.27
          resources:
            requests: { cpu: 250m, memory: 512Mi }
            limits: { cpu: 250m, memory: 512Mi }
`;

const PROFILE = JSON.stringify({
  fargateProfile: {
    fargateProfileName: 'shop',
    clusterName: 'demo',
    podExecutionRoleArn: 'arn:aws:iam::111122223333:role/pod-exec',
    subnets: ['subnet-0a'],
    selectors: [{ namespace: 'shop' }],
    status: 'ACTIVE',
  },
});

describe('modeshift plan', () => {
  it('prints a text plan that starts with the summary', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'profile.json': PROFILE });
    const io = captureIo();
    const code = await run(['plan', dir, '--to', 'auto-mode', '--cluster-version', '1.31'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^modeshift plan: /);
    expect(io.out()).toContain('from EKS on Fargate to EKS Auto Mode');
    expect(io.out()).toContain('Wave 1: move namespace shop');
  });

  it('writes contract JSON that parses, with stable ids', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'profile.json': PROFILE });
    const io = captureIo();
    expect(await run(['plan', dir, '--to', 'auto-mode', '--format', 'json', '--cluster-version', '1.31'], io)).toBe(0);
    const plan = JSON.parse(io.out()) as Plan;
    expect(plan).toMatchObject({ schemaVersion: 2, from: 'fargate', to: 'auto-mode' });
    expect(plan.findings.map((f: { id: string }) => f.id)).toContain('auto-mode-compute-type-annotation:Deployment/shop/web');
    const again = captureIo();
    await run(['plan', dir, '--to', 'auto-mode', '--format', 'json', '--cluster-version', '1.31'], again);
    expect(again.out()).toBe(io.out());
  });

  it('exits 1 when --fail-on is reached, 0 when it is not', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'profile.json': PROFILE });
    expect(await run(['plan', dir, '--to', 'auto-mode', '--fail-on', 'change', '--cluster-version', '1.31'], captureIo())).toBe(1);
    expect(await run(['plan', dir, '--to', 'auto-mode', '--fail-on', 'blocker', '--cluster-version', '1.31'], captureIo())).toBe(0);
  });

  it('writes --out atomically and prints nothing on stdout', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'profile.json': PROFILE });
    const out = join(dir, 'out', 'plan.json');
    const io = captureIo();
    expect(await run(['plan', dir, '--to', 'auto-mode', '--format', 'json', '--out', out], io)).toBe(0);
    expect(io.out()).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Plan).schemaVersion).toBe(2);
  });

  it('rejects broken YAML with file, line and reason, exit 2, nothing on stdout', async () => {
    const dir = tempTree({ 'good.yaml': FARGATE_APP, 'bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n' });
    const io = captureIo();
    const code = await run(['plan', dir, '--to', 'auto-mode'], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/bad\.yaml:\d+: /);
    expect(io.err()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects a missing path, a missing --to and an unknown --to with exit 2', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP });
    const missing = captureIo();
    expect(await run(['plan', join(dir, 'nope'), '--to', 'auto-mode'], missing)).toBe(2);
    expect(missing.err()).toContain('nope');
    const noTo = captureIo();
    expect(await run(['plan', dir], noTo)).toBe(2);
    expect(noTo.err()).toContain('--to');
    const badTo = captureIo();
    expect(await run(['plan', dir, '--to', 'ec2'], badTo)).toBe(2);
    expect(badTo.err()).toContain('ec2');
  });

  it('does not write --out when the input is bad', async () => {
    const dir = tempTree({ 'bad.json': '{"kind": "List", "items": [' });
    const out = join(dir, 'plan.md');
    expect(await run(['plan', dir, '--to', 'fargate', '--out', out], captureIo())).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("dates the plan from the inventory's collection.json, in every format", async () => {
    const collection = JSON.stringify({ collection: { collectedAt: '2026-11-20T09:30:00Z' } });
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'profile.json': PROFILE, 'collection.json': collection });
    const json = captureIo();
    expect(await run(['plan', dir, '--to', 'auto-mode', '--format', 'json'], json)).toBe(0);
    expect((JSON.parse(json.out()) as Plan).inventoryDate).toBe('2026-11-20T09:30:00Z');
    const text = captureIo();
    await run(['plan', dir, '--to', 'auto-mode'], text);
    expect(text.out()).toContain('inventory date: 2026-11-20T09:30:00Z');
    const md = captureIo();
    await run(['plan', dir, '--to', 'auto-mode', '--format', 'md'], md);
    expect(md.out().split('\n')[0]).toMatch(/inventory of 2026-11-20T09:30:00Z$/);
  });

  it('says the date is not recorded when nothing records it, and takes it from --inventory-date', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'profile.json': PROFILE });
    const none = captureIo();
    await run(['plan', dir, '--to', 'auto-mode', '--format', 'json'], none);
    expect((JSON.parse(none.out()) as Plan).inventoryDate).toBeNull();
    const text = captureIo();
    await run(['plan', dir, '--to', 'auto-mode'], text);
    expect(text.out()).toContain('inventory date: not recorded');
    const given = captureIo();
    await run(['plan', dir, '--to', 'auto-mode', '--format', 'json', '--inventory-date', '2026-11-19'], given);
    expect((JSON.parse(given.out()) as Plan).inventoryDate).toBe('2026-11-19');
  });

  it('rejects an --inventory-date that is not a date, or a time without a zone, with exit 2', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'profile.json': PROFILE });
    for (const bad of ['yesterday', '2026-02-30', '2026-11-20T09:30:00']) {
      const io = captureIo();
      expect(await run(['plan', dir, '--to', 'auto-mode', '--inventory-date', bad], io)).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).toContain(`--inventory-date must be an RFC 3339 date-time with a zone`);
      expect(io.err()).toContain(bad);
    }
  });

  it('names the file and line of a collection.json whose date is not a date', async () => {
    const dir = tempTree({ 'app.yaml': FARGATE_APP, 'collection.json': '{\n  "collection": {\n    "collectedAt": "last Tuesday"\n  }\n}\n' });
    const io = captureIo();
    expect(await run(['plan', dir, '--to', 'auto-mode'], io)).toBe(2);
    expect(io.err()).toMatch(/collection\.json:\d+: .*collection\.collectedAt must be an RFC 3339 date-time/);
  });

  it('never prints Secret data', async () => {
    const secret = 'c2VjcmV0LXBhc3N3b3JkLWRvLW5vdC1wcmludA==';
    const dir = tempTree({
      'app.yaml': FARGATE_APP,
      'profile.json': PROFILE,
      'secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: shop }\ndata: { password: ${secret} }\nstringData: { token: plain-token-value }\n`,
    });
    for (const format of ['text', 'json']) {
      const io = captureIo();
      await run(['plan', dir, '--to', 'auto-mode', '--format', format], io);
      expect(io.out() + io.err()).not.toContain(secret);
      expect(io.out() + io.err()).not.toContain('plain-token-value');
    }
  });
});

describe('modeshift --help', () => {
  it('shows the commands and exits 0', async () => {
    const io = captureIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out()).toContain('plan');
  });

  it.each(['plan', 'stack'])('says in `%s --help` that --to is required', async (command) => {
    const io = captureIo();
    expect(await run([command, '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/--to <mode>\s+target mode \(required\)/);
  });

  it.each([[['--help']], [['plan', '--help']], [['collect', '--help']]])('lists every exit code in %j', async (argv) => {
    const io = captureIo();
    expect(await run(argv, io)).toBe(0);
    const out = io.out();
    expect(out).toContain('Exit codes:');
    for (const code of ['0 ', '1 ', '2 ', '3 ', '70 ']) expect(out).toContain(`  ${code}`);
  });

  it('treats an unknown option as bad usage (exit 2)', async () => {
    const io = captureIo();
    expect(await run(['plan', '--bogus'], io)).toBe(2);
    expect(io.err()).toContain('--bogus');
  });
});
