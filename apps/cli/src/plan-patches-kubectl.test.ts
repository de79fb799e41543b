// Every `kubectl patch` the example plans print is applied, with the real kubectl and `--local`, to the
// object the inventory holds, the way the API server would merge it: a patch must parse, must change
// something, and on the way to Fargate must leave nothing Fargate admission rejects (hostPort, added
// capabilities) in the pod template it writes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Plan } from '@modeshift/plan';
import { runBash } from '@modeshift/core/testing';
import { run } from './cli.js';
import { captureIo, EXAMPLES } from './testing.js';
import { HAS_KUBECTL, tryKubectl } from './testing-kubectl.js';

type KubeObject = { kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string> }; spec?: Record<string, unknown> };

function inventoryObjects(dir: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      const value = doc.toJS() as (KubeObject & { items?: KubeObject[] }) | null;
      if (!value) continue;
      objects.push(...(value.kind === 'List' ? (value.items ?? []) : [value]));
    }
  }
  return objects;
}

/** The argv of each `kubectl patch` in a command, as bash reads it; nothing else runs (no AWS call, no network). */
function kubectlCalls(command: string): string[][] {
  if (!command.startsWith('kubectl patch ')) return [];
  const stub = ['aws', 'helm', 'eksctl'].map((p) => `${p}() { :; }`).join('\n') + `\nkubectl() { printf '%s\\0' "$@"; printf '\\1\\0'; }`;
  const out = runBash(`${stub}\n${command}`).stdout;
  const calls: string[][] = [[]];
  for (const word of out.split('\0').slice(0, -1)) {
    if (word === '\u0001') calls.push([]);
    else calls.at(-1)!.push(word);
  }
  return calls.filter((c) => c[0] === 'patch');
}

async function planOf(name: string, to: string): Promise<Plan> {
  const io = captureIo();
  expect(await run(['plan', join(EXAMPLES, name, 'inventory'), '--to', to, '--format', 'json'], io)).toBe(0);
  return JSON.parse(io.out()) as Plan;
}

interface Applied {
  step: string;
  command: string;
  before: KubeObject;
  after: KubeObject | null;
  error: string;
  tolerated: boolean;
  rollback: boolean;
}

const scratch = mkdtempSync(join(tmpdir(), 'modeshift-patch-'));
let files = 0;
// kubectl takes about a second to start: each distinct patch of an object is applied once.
const results = new Map<string, { after: KubeObject | null; error: string }>();

/** Applies every patch of the plan (steps and rollbacks) to its object; `tolerated` when the command says `|| true`. */
function applyAll(plan: Plan, objects: KubeObject[]): Applied[] {
  const applied: Applied[] = [];
  for (const step of plan.stages.flatMap((s) => s.steps)) {
    const commands = [...step.commands.map((c) => ({ command: c, rollback: false })), ...step.rollback.commands.map((c) => ({ command: c, rollback: true }))];
    for (const { command, rollback } of commands) {
      for (const argv of kubectlCalls(command)) {
        // `kubectl patch deployment/x` and `kubectl patch deployment x` both occur.
        const [, resource, ...others] = argv;
        const [kind, name] = resource!.includes('/') ? resource!.split('/') : [resource, others[0]];
        const rest = resource!.includes('/') ? others : others.slice(1);
        const ns = rest[rest.indexOf('-n') + 1];
        const patch = rest[rest.indexOf('-p') + 1]!;
        const type = rest.includes('--type') ? ['--type', rest[rest.indexOf('--type') + 1]!] : [];
        const before = objects.find((o) => o.kind.toLowerCase() === kind && o.metadata.name === name && o.metadata.namespace === ns);
        expect(before, `${command}: no ${resource} in namespace ${ns} in the inventory`).toBeDefined();
        const key = JSON.stringify([before, patch, type]);
        let result = results.get(key);
        if (!result) {
          const file = join(scratch, `object-${files++}.json`);
          writeFileSync(file, JSON.stringify(before));
          const out = tryKubectl(['patch', '--local', '-f', file, '-p', patch, ...type, '-o', 'json']);
          results.set(key, (result = { after: out.status === 0 ? (JSON.parse(out.stdout) as KubeObject) : null, error: out.stderr }));
        }
        applied.push({ step: step.id, command, before: before!, ...result, tolerated: command.endsWith('|| true'), rollback });
      }
    }
  }
  return applied;
}

type PodSpec = { containers?: Container[]; initContainers?: Container[]; nodeSelector?: Record<string, string> };
type Container = { name: string; ports?: { hostPort?: number }[]; securityContext?: { capabilities?: { add?: string[] } } };

function podTemplate(o: KubeObject): { metadata?: { annotations?: Record<string, string> }; spec: PodSpec } {
  const spec = o.spec as { template?: unknown; jobTemplate?: { spec: { template: unknown } } };
  return (spec.jobTemplate?.spec.template ?? spec.template) as { spec: PodSpec };
}

const appliedByExample = new Map<string, Promise<Applied[]>>();

/** The plan of an example with every patch applied, worked out once for all tests here. */
function appliedPatches(name: string, to: string): Promise<Applied[]> {
  let applied = appliedByExample.get(name);
  if (!applied) appliedByExample.set(name, (applied = planOf(name, to).then((plan) => applyAll(plan, inventoryObjects(join(EXAMPLES, name, 'inventory'))))));
  return applied;
}

describe.skipIf(!HAS_KUBECTL)('the example plans’ kubectl patches, applied by kubectl patch --local', { timeout: 60_000 }, () => {
  it.each([
    { name: 'fargate-to-auto-mode', to: 'auto-mode' },
    { name: 'auto-mode-to-fargate', to: 'fargate' },
  ])('each parse and change their object in examples/$name', async ({ name, to }) => {
    const applied = await appliedPatches(name, to);
    expect(applied.length).toBeGreaterThan(3);
    for (const a of applied) {
      if (a.tolerated) continue;
      expect(a.error, a.command).toBe('');
      // A rollback applied to the object as it was restores it: only the plan's own patches must change something.
      if (!a.rollback) expect(a.after, a.command).not.toEqual(a.before);
    }
  });

  it('leave no host port and no added capability in a pod template that moves to Fargate', async () => {
    const applied = (await appliedPatches('auto-mode-to-fargate', 'fargate')).filter(
      (a) => a.step.startsWith('waves/') && !a.rollback && a.before.kind !== 'Service' && a.before.kind !== 'SecurityGroupPolicy',
    );
    expect(applied.length).toBeGreaterThan(0);
    for (const { after, command } of applied) {
      const template = podTemplate(after!);
      const containers = [...(template.spec.containers ?? []), ...(template.spec.initContainers ?? [])];
      expect(
        containers.flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort !== undefined)),
        command,
      ).toEqual([]);
      expect(
        containers.flatMap((c) => c.securityContext?.capabilities?.add ?? []),
        command,
      ).toEqual([]);
      expect(template.metadata?.annotations?.['eks.amazonaws.com/compute-type'], command).not.toBe('ec2');
    }
  });
});
