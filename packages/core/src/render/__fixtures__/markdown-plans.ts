// Plans for the Markdown tests: real ones from the planner, and a hand-made one for what the planner
// does not produce today (awkward text, large manifests, thousands of steps).
import type { Plan, Stage, Step } from '@modeshift/plan';
import { buildPlan } from '../../plan/build-plan.js';
import { catalogueFindings } from '../../plan/rule-catalogue.js';
import type { RuleFinding } from '../../rules/engine/types.js';
import { makeStep } from '../../plan/step.js';
import { aFargateInventory, anAutoModeInventory, aWorkload, contextFor } from '../../testing/builders.js';
import { aPodDisruptionBudget, aService } from '../../testing/kube-objects.js';

/** Fargate → Auto Mode: three namespaces, a GPU workload, a Spot candidate, a public Service. */
export function toAutoModePlan(): Plan {
  const inventory = aFargateInventory(
    [
      aWorkload({ name: 'web', namespace: 'shop' }),
      aWorkload({ name: 'cart', namespace: 'shop' }),
      aWorkload({ name: 'api', namespace: 'pay', replicas: 1 }),
      aWorkload({ name: 'trainer', namespace: 'ml', containers: [{ name: 'c', image: 'x', resources: { limits: { 'nvidia.com/gpu': '1' } } }] }),
    ],
    {
      podDisruptionBudgets: [aPodDisruptionBudget('web', { app: 'web' })],
      services: [
        aService(
          'web',
          { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] },
          { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' } },
        ),
      ],
    },
  );
  return buildPlan(contextFor(inventory, 'auto-mode'));
}

/** Auto Mode → Fargate with workloads Fargate refuses (blockers that stay). */
export function toFargatePlan(): Plan {
  const inventory = anAutoModeInventory([
    aWorkload({ name: 'web', namespace: 'shop' }),
    aWorkload({ name: 'edge', namespace: 'net', spec: { hostNetwork: true } }),
    aWorkload({ name: 'priv', namespace: 'ops', containers: [{ name: 'c', image: 'x', securityContext: { privileged: true } }] }),
  ]);
  return buildPlan(contextFor(inventory, 'fargate'));
}

export function aFinding(id: string, overrides: Partial<RuleFinding> = {}): RuleFinding {
  return {
    id,
    rule: id.split(':')[0] ?? id,
    capability: 'scheduling',
    severity: 'change',
    resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
    message: 'A message.',
    remediation: 'A remediation.',
    sources: ['https://docs.aws.amazon.com/eks/latest/userguide/automode.html'],
    action: { type: 'review' },
    ...overrides,
  };
}

const STAGE_TITLES: [Stage['id'], string][] = [
  ['prerequisites', 'Prerequisites'],
  ['capacity', 'Target capacity'],
  ['node-agents', 'Node agents and logging'],
  ['security-groups', 'Security groups and network policies'],
  ['waves', 'Workload waves'],
  ['verification', 'Verification'],
  ['decommission', 'Decommission'],
];

/** A plan with the given findings and steps per stage; empty stages for the rest. */
export function aPlan(findings: RuleFinding[], steps: Partial<Record<Stage['id'], Step[]>>, overrides: Partial<Plan> = {}): Plan {
  const stages: Stage[] = STAGE_TITLES.map(([id, title], i) => ({ id, title, dependsOn: i === 0 ? [] : [STAGE_TITLES[i - 1]![0]], steps: steps[id] ?? [] }));
  const bySeverity = { blocker: 0, change: 0, advisory: 0, gain: 0 };
  for (const f of findings) bySeverity[f.severity] += 1;
  return {
    schemaVersion: 2,
    from: 'fargate',
    to: 'auto-mode',
    cluster: { name: 'demo', region: 'eu-west-1', version: '1.31' },
    inventoryDate: null,
    incomplete: [],
    heldBack: [],
    skippedInputs: 0,
    cost: null,
    costUnavailable: null,
    summary: { bySeverity, workloads: { total: 0, moving: 0, starting: 0, staying: 0, unchanged: 0 }, readiness: 'ready-with-changes' },
    ...catalogueFindings(findings),
    stages,
    workloads: [],
    ...overrides,
  };
}

/** `namespaces` wave steps of `perNamespace` findings each: the shape of a very large cluster. */
export function aLargePlan(namespaces: number, perNamespace: number): Plan {
  const findings: RuleFinding[] = [];
  const waves: Step[] = [];
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${String(n).padStart(4, '0')}`;
    const ids: string[] = [];
    const workloads: string[] = [];
    for (let w = 0; w < perNamespace; w++) {
      const name = `app-${w}`;
      const id = `auto-mode-compute-type-annotation:Deployment/${ns}/${name}`;
      findings.push(aFinding(id, { resource: { kind: 'Deployment', namespace: ns, name }, message: `Deployment ${ns}/${name} runs on Fargate.` }));
      ids.push(id);
      workloads.push(`Deployment/${ns}/${name}`);
    }
    waves.push(
      makeStep({
        id: `waves/${ns}`,
        title: `Wave ${n + 1}: move namespace ${ns}`,
        kind: 'wave',
        why: 'Moves the namespace.',
        findings: ids,
        dependsOn: n === 0 ? [] : [`waves/team-${String(n - 1).padStart(4, '0')}`],
        commands: workloads.map((w) => `kubectl rollout restart ${w.split('/')[0]?.toLowerCase()}/${w.split('/')[2]} -n ${ns}`),
        workloads,
        namespaces: [ns],
      }),
    );
  }
  return aPlan(findings, { waves });
}
