import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@modeshift/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInventory, loadInventoryFromStrings } from './load.js';

const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const cluster = JSON.stringify({ cluster: { name: 'demo', arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/demo', version: '1.31' } }, null, 2);

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'modeshift-inventory-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(relative: string, text: string): Promise<string> {
  const path = join(root, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

describe('loadInventory', () => {
  it('reads directories recursively in sorted order, only inventory files', async () => {
    await write('b.yaml', namespace('b'));
    await write('a/z.yml', namespace('z'));
    await write('a/cluster.json', cluster);
    await write('README.md', '# how this inventory was collected\n');
    await write('notes.txt', 'kind: Namespace');
    await write('.git/config.yaml', namespace('git'));

    const result = await loadInventory([root]);
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual([
      { file: join(root, 'a/cluster.json'), documents: 1 },
      { file: join(root, 'a/z.yml'), documents: 1 },
      { file: join(root, 'b.yaml'), documents: 1 },
    ]);
    expect(result.inventory.namespaces.map((n) => n.metadata.name)).toEqual(['b', 'z']);
    expect(result.inventory.cluster?.name).toBe('demo');
  });

  it('reads files and directories mixed, each file once', async () => {
    const file = await write('ns/a.yaml', namespace('a'));
    await write('ns/b.yaml', namespace('b'));
    const result = await loadInventory([file, join(root, 'ns')]);
    expect(result.files.map((f) => f.file)).toEqual([file, join(root, 'ns/b.yaml')]);
    expect(result.problems).toEqual([]);
  });

  it('keeps going past a broken file and names its line', async () => {
    await write('1-broken.yaml', `${namespace('first')}---\nkind: [Namespace\n`);
    await write('2-broken.json', '{\n  "cluster": {"name": "demo"}\n  "x": 1\n}');
    await write('3-good.yaml', namespace('good'));
    const result = await loadInventory([root]);
    expect(result.inventory.namespaces.map((n) => n.metadata.name)).toEqual(['first', 'good']);
    expect(result.problems.map((p) => [p.file.slice(root.length + 1), p.line, p.severity])).toEqual([
      ['1-broken.yaml', 6, 'error'],
      ['2-broken.json', 3, 'error'],
    ]);
    expect(result.problems[1]?.message).toMatch(/^invalid JSON at column \d+: /);
  });

  it('skips documents of kinds it does not read, naming them', async () => {
    await write('values.yaml', 'replicaCount: 2\nimage:\n  tag: latest\n');
    await write('app.yaml', namespace('shop'));
    const result = await loadInventory([root]);
    expect(result.problems).toEqual([
      {
        file: join(root, 'values.yaml'),
        line: 1,
        severity: 'skipped',
        message: 'not a Kubernetes object (no apiVersion and kind) nor a known AWS CLI output',
      },
    ]);
  });

  it('reports a non-inventory file named on the command line as skipped', async () => {
    const notes = await write('describe-fargate-profile.rst', 'Output::\n\n  {"fargateProfile": {}}\n');
    const ns = await write('ns.yaml', namespace('a'));
    const result = await loadInventory([notes, ns]);
    expect(result.problems).toEqual([{ file: notes, line: null, severity: 'skipped', message: 'not a .yaml, .yml or .json file' }]);
    expect(result.files.map((f) => f.file)).toEqual([ns]);
  });

  it('reports an empty directory, or one with nothing usable, as an error', async () => {
    await mkdir(join(root, 'empty'));
    const empty = await loadInventory([join(root, 'empty')]);
    expect(empty.problems).toEqual([
      { file: join(root, 'empty'), line: null, severity: 'error', message: `no inventory documents found in ${join(root, 'empty')}` },
    ]);

    await write('junk/values.yaml', 'replicaCount: 2\n');
    const junk = await loadInventory([join(root, 'junk')]);
    expect(junk.problems.map((p) => p.severity)).toEqual(['skipped', 'error']);
    expect(junk.problems[1]?.message).toBe(`nothing usable in ${join(root, 'junk')}: every document was skipped or invalid`);
  });

  it('gives a directory whose only file is broken YAML one error, about that file', async () => {
    await write('broken/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  bad: [\n');
    const broken = await loadInventory([join(root, 'broken')]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ file: join(root, 'broken', 'pod.yaml'), line: 5, severity: 'error' });
  });

  it('throws a UserError for a path that does not exist', async () => {
    const missing = join(root, 'nope.yaml');
    await expect(loadInventory([missing])).rejects.toThrow(new UserError('input', `${missing}: no such file or directory`));
    await expect(loadInventory([missing])).rejects.toMatchObject({ kind: 'input' });
  });

  it('reports a link it cannot follow inside a directory and reads the rest', async () => {
    await write('ok.yaml', namespace('ok'));
    await symlink(join(root, 'gone.yaml'), join(root, 'dangling.yaml'));
    const result = await loadInventory([root]);
    expect(result.inventory.namespaces).toHaveLength(1);
    expect(result.problems).toEqual([
      { file: join(root, 'dangling.yaml'), line: null, severity: 'error', message: 'cannot follow the link: no such file or directory' },
    ]);
  });

  it('survives a symbolic link loop', async () => {
    await write('a/ns.yaml', namespace('a'));
    await symlink(root, join(root, 'a/loop'));
    const result = await loadInventory([root]);
    expect(result.files.map((f) => f.file)).toEqual([join(root, 'a/ns.yaml')]);
  });

  // Root reads any file whatever its mode, so this can only be shown as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file inside a directory and reads the rest', async () => {
    await write('ok.yaml', namespace('ok'));
    const locked = await write('locked.yaml', namespace('locked'));
    await chmod(locked, 0o000);
    const result = await loadInventory([root]);
    expect(result.inventory.namespaces.map((n) => n.metadata.name)).toEqual(['ok']);
    expect(result.problems).toEqual([{ file: locked, line: null, severity: 'error', message: 'cannot read the file: permission denied' }]);
  });
});

describe('loadInventoryFromStrings', () => {
  it('reads .json names as JSON and the rest as YAML, problems in file order then line', () => {
    const result = loadInventoryFromStrings([
      { file: 'b.yaml', text: `${namespace('b')}---\nfoo: bar\n---\n- 1\n` },
      { file: 'a.json', text: '{"Vpcs": []}' },
    ]);
    expect(result.files).toEqual([
      { file: 'b.yaml', documents: 3 },
      { file: 'a.json', documents: 1 },
    ]);
    expect(result.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['b.yaml:6', 'b.yaml:8', 'a.json:1']);
  });
});

describe("modeshift's own outputs in an inventory folder", () => {
  it('skips a plan.json and a stack folder, saying so, and reads the cluster only from describe-cluster', async () => {
    await write('cluster.json', cluster);
    await write('ns.yaml', namespace('shop'));
    const plan = {
      schemaVersion: 2,
      from: 'fargate',
      to: 'auto-mode',
      cluster: { name: 'old', region: 'us-east-1', version: '1.30' },
      findings: [],
      stages: [],
      workloads: [],
    };
    await write('plan.json', JSON.stringify(plan));
    await write('stack/Pulumi.yaml', 'name: modeshift-migration\nruntime: nodejs\n');
    await write('stack/plan.json', JSON.stringify(plan));
    await write('stack/package.json', '{"name": "stack"}');

    const result = await loadInventory([root]);
    expect(result.inventory.cluster?.name).toBe('demo');
    expect(result.problems.map((p) => [p.file, p.severity, p.message])).toEqual([
      [join(root, 'stack'), 'skipped', 'a Pulumi project (it has Pulumi.yaml, as the stacks modeshift writes do), not an inventory'],
      [join(root, 'plan.json'), 'skipped', "a modeshift plan (modeshift's own output), not an inventory"],
    ]);
  });
});
