// Workloads Fargate cannot run (GPU, hostNetwork, more than it offers, a service mesh proxy) are never
// said to run on Fargate or to move, in any output: a profile that selects them leaves them Pending.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/plan';
import { aContainer, aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import type { Workload } from '../inventory/types.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { renderText } from '../render/text.js';
import { buildPlan } from './build-plan.js';

function blocked(): Workload[] {
  return [
    aWorkload({ name: 'recommender', containers: [aContainer('model', { requests: { cpu: '2', memory: '8Gi' }, limits: { 'nvidia.com/gpu': '1' } })] }),
    aWorkload({ name: 'edge', spec: { hostNetwork: true } }),
    aWorkload({ name: 'bigbatch', containers: [aContainer('big', { requests: { cpu: '32', memory: '200Gi' } })] }),
    aWorkload({ name: 'meshed', podLabels: { app: 'meshed', 'sidecar.istio.io/inject': 'true' } }),
  ];
}
const BLOCKED = ['bigbatch', 'edge', 'meshed', 'recommender'];
const cart = () => aWorkload({ name: 'cart' });

/** Every string value in the plan JSON. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every sentence of the text and Markdown plans and of the plan JSON's strings that names one of the blocked workloads. */
function sentencesAbout(plan: Plan, names: readonly string[]): string[] {
  const texts = [...renderText(plan).split('\n'), ...renderMarkdown(plan).split('\n'), ...strings(plan)];
  return texts.flatMap((t) => t.split(/(?<=[.;])\s+/)).filter((s) => names.some((n) => new RegExp(`\\b${n}\\b`).test(s)));
}

describe('workloads a Fargate profile selects but Fargate cannot run, planned to Auto Mode', () => {
  const plan = buildPlan(contextFor(aFargateInventory([...blocked(), cart()]), 'auto-mode'));

  it('say they run nowhere today and start on Auto Mode, and count them apart from the moving ones', () => {
    for (const name of BLOCKED) {
      const outcome = plan.workloads.find((w) => w.workload === `Deployment/shop/${name}`);
      expect(outcome?.outcome, name).toBe('starts');
      expect(outcome?.from, name).toMatch(/^nowhere: Fargate profile apps selects it, but Fargate cannot run it: /);
    }
    // The GPU workload fits no pool the cluster has: it starts on the GPU NodePool the plan creates.
    expect(plan.workloads.find((w) => w.workload === 'Deployment/shop/recommender')?.to).toBe('Auto Mode (NodePool gpu)');
    expect(plan.workloads.find((w) => w.workload === 'Deployment/shop/cart')).toMatchObject({ outcome: 'moves', from: 'Fargate (profile apps)' });
    expect(plan.summary.workloads).toMatchObject({ moving: 1, starting: 4 });
    expect(renderText(plan)).toContain('workloads: 5 total, 1 move, 4 start (they do not run today), 0 stay, 0 unchanged');
  });

  it('never say in text, Markdown or JSON that they run on Fargate or move', () => {
    const about = sentencesAbout(plan, BLOCKED);
    expect(about.length).toBeGreaterThan(0);
    expect(about.filter((s) => /runs? on Fargate|\bmoves?\b|"moves"/.test(s) && !/never ran|does not run today|do not run today/.test(s))).toEqual([]);
  });

  it('still starts them on Auto Mode in their wave, saying they never ran', () => {
    const wave = plan.stages.flatMap((s) => s.steps).find((s) => s.id === 'waves/shop')!;
    expect(wave.title).toBe('Wave 1: namespace shop: move 1 workload, start 4 workloads that do not run today');
    expect(wave.why).toContain('bigbatch, edge, meshed, recommender never ran');
    for (const name of BLOCKED) expect(wave.commands.some((c) => c.startsWith(`kubectl patch deployment/${name} `) && c.includes('"ec2"'))).toBe(true);
  });
});

describe('workloads Fargate cannot run, planned to Fargate', () => {
  it('stay where they run and are never counted or described as moving', () => {
    const plan = buildPlan(contextFor(anAutoModeInventory([...blocked(), cart()]), 'fargate'));
    for (const name of BLOCKED) expect(plan.workloads.find((w) => w.workload === `Deployment/shop/${name}`)?.outcome, name).toBe('stays');
    expect(plan.summary.workloads).toMatchObject({ moving: 1, starting: 0, staying: 4 });
    const about = sentencesAbout(plan, BLOCKED);
    expect(about.filter((s) => /\bmoves? to Fargate\b|runs on Fargate/.test(s))).toEqual([]);
  });

  it('that a profile already selects on a Fargate cluster run nowhere today, not on Fargate', () => {
    const plan = buildPlan(contextFor(aFargateInventory([...blocked(), cart()]), 'fargate'));
    for (const name of BLOCKED) {
      const outcome = plan.workloads.find((w) => w.workload === `Deployment/shop/${name}`);
      expect(outcome?.outcome, name).toBe('stays');
      expect(outcome?.from, name).toMatch(/^nowhere: /);
    }
  });
});
