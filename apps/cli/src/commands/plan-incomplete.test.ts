// A plan made from an inventory that `collect` could not complete (issue 17): what was not collected is
// in every output, readiness is "incomplete", decommission steps are held back rather than runnable,
// and `--fail-on` counts it as a blocker. Collected from fake APIs on 127.0.0.1 playing the example.
import { join } from 'node:path';
import { startInventoryWorld, type World } from '@modeshift/collect/testing';
import type { Plan } from '@modeshift/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo, EXAMPLES } from '../testing.js';

type ExampleWorld = World & { clusterName: string; region: string | null };

async function planOf(inventory: string, extra: string[] = []): Promise<{ code: number; out: string }> {
  const io = captureIo();
  const code = await run(['plan', inventory, '--to', 'auto-mode', ...extra], io);
  expect(io.err()).toBe('');
  return { code, out: io.out() };
}

describe.each([
  {
    scenario: 'Deployments forbidden by RBAC',
    setup: { kube: { forbid: (attrs: { resource: string }) => attrs.resource === 'deployments' } },
    missing: [{ kind: 'Deployment', namespace: null, reason: 'forbidden' }],
    // What runs is not known: nothing is assumed about capacity it cannot see.
    assumed: [],
    text: '  Deployment: forbidden',
  },
  {
    scenario: 'the EKS API refusing access',
    setup: { aws: { deny: ['eks:DescribeCluster', 'eks:ListFargateProfiles', 'eks:ListNodegroups'] } },
    missing: [
      { kind: 'Cluster', namespace: null, reason: 'forbidden' },
      { kind: 'FargateProfile', namespace: null, reason: 'forbidden' },
      { kind: 'Nodegroup', namespace: null, reason: 'forbidden' },
    ],
    // Without the Fargate profiles, the workloads are planned where they evidently run, and the plan says so.
    assumed: ['FargateProfile'],
    text: '  Cluster: forbidden',
  },
])('a plan of an inventory collected with $scenario', ({ setup, missing, assumed, text }) => {
  let world: ExampleWorld;
  beforeAll(async () => {
    world = await startInventoryWorld(join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'), setup);
    const io = captureIo(world.env);
    const args = ['collect', '--out', world.out, '--kubeconfig', world.kubeconfig, '--cluster', world.clusterName, '--region', world.region ?? ''];
    expect(await run(args, io)).toBe(0);
  });
  afterAll(() => world.close());

  it('lists what was not collected in the JSON, says "incomplete" and holds back every decommission step', async () => {
    const { code, out } = await planOf(world.out, ['--format', 'json']);
    expect(code).toBe(0);
    const plan = JSON.parse(out) as Plan;
    expect(plan.incomplete.filter((e) => e.reason === 'forbidden')).toEqual(missing);
    const assumptions = plan.incomplete.filter((e) => e.reason !== 'forbidden');
    expect(assumptions.map((e) => e.kind)).toEqual(assumed);
    for (const e of assumptions) expect(e.reason).toContain('aws eks list-fargate-profiles');
    expect(plan.summary.readiness).toBe('incomplete');
    expect(plan.stages.find((s) => s.id === 'decommission')?.steps).toEqual([]);
    const commands = plan.stages.flatMap((s) => s.steps.flatMap((step) => step.commands));
    expect(commands.filter((c) => c.includes('delete-fargate-profile') || c.includes('compute-config enabled=false'))).toEqual([]);
    for (const held of plan.heldBack) {
      expect(held.id).toMatch(/^decommission\//);
      expect(held.reason).toMatch(/^the inventory is incomplete \(/);
    }
  });

  it('says so in the text and the Markdown, and which steps wait for a complete inventory', async () => {
    const plain = await planOf(world.out);
    expect(plain.out).toContain('readiness: incomplete: part of the cluster could not be read or is not in the inventory; collect what is named below\n');
    expect(plain.out).toContain(`\nNot collected (${missing.length + assumed.length})\n${text}\n`);
    const md = await planOf(world.out, ['--format', 'md']);
    expect(md.out).toContain('**Incomplete**');
    expect(md.out).toContain('## Not collected');
    expect(md.out).toContain(`| ${missing[0]?.kind} | (all) | forbidden |`);
  });

  it('counts as a blocker for --fail-on', async () => {
    expect((await planOf(world.out, ['--fail-on', 'blocker'])).code).toBe(1);
    expect((await planOf(world.out, ['--fail-on', 'advisory', '--format', 'json'])).code).toBe(1);
  });
});

describe('a plan of a complete inventory', () => {
  it('has empty incomplete and heldBack lists and a readiness of its own', async () => {
    const { code, out } = await planOf(join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'), ['--format', 'json', '--fail-on', 'blocker']);
    const plan = JSON.parse(out) as Plan;
    expect(plan.incomplete).toEqual([]);
    expect(plan.heldBack).toEqual([]);
    // Its own verdict: blocked exactly when it has blockers (the simulation's included), never incomplete.
    expect(plan.summary.readiness).toBe(plan.summary.bySeverity.blocker > 0 ? 'blocked' : plan.summary.bySeverity.change > 0 ? 'ready-with-changes' : 'ready');
    expect(code).toBe(plan.summary.bySeverity.blocker > 0 ? 1 : 0);
  });
});
