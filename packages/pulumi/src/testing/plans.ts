// Whole plans, as plan.json holds them, for the cases the examples do not cover: a test names only the
// steps, workloads and blockers it is about; everything else is an empty, valid plan.
import { makeStep, type StepInput } from '@modeshift/core';
import type { CapabilityId, Finding, Infrastructure, Plan, ResourceRef, Step } from '../plan/index.js';

/** A capacity step with the given infrastructure. The stack reads a step's infrastructure and manifests, not its kind. */
export function aStep(id: string, infrastructure: Infrastructure[], extra: Partial<StepInput> = {}): Step {
  return makeStep({ id, title: id, kind: 'node-pool', why: 'test', infrastructure, ...extra });
}

/** A blocker finding: the workload it names stays where it runs. */
export function aBlocker(id: string, capability: CapabilityId, message: string, resource: ResourceRef | null = null): Finding {
  const rule = id.split(':')[0]!;
  return { id, rule, capability, severity: 'blocker', resource, message, remediation: '', sources: [], action: { type: 'stay', on: 'managed-nodes' } };
}

/** A plan to `to` whose capacity stage holds `steps`. */
export function aPlan(to: Plan['to'], steps: Step[], parts: Partial<Pick<Plan, 'from' | 'findings' | 'workloads' | 'cluster'>> = {}): Plan {
  const findings = parts.findings ?? [];
  const workloads = parts.workloads ?? [];
  const blockers = findings.filter((f) => f.severity === 'blocker').length;
  const count = (outcome: Plan['workloads'][number]['outcome']) => workloads.filter((w) => w.outcome === outcome).length;
  return {
    schemaVersion: 2,
    from: parts.from ?? (to === 'auto-mode' ? 'fargate' : 'auto-mode'),
    to,
    cluster: parts.cluster ?? { name: 'c1', region: 'eu-west-1', version: '1.31' },
    inventoryDate: null,
    summary: {
      bySeverity: { blocker: blockers, change: 0, advisory: 0, gain: 0 },
      workloads: { total: workloads.length, moving: count('moves'), starting: count('starts'), staying: count('stays'), unchanged: count('unchanged') },
      readiness: blockers > 0 ? 'blocked' : 'ready',
    },
    rules: {},
    findings,
    stages: [{ id: 'capacity', title: 'Target capacity', dependsOn: [], steps }],
    workloads,
    incomplete: [],
    heldBack: [],
    skippedInputs: 0,
    cost: null,
    costUnavailable: null,
  };
}
