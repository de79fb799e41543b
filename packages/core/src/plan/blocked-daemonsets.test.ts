// A DaemonSet that cannot follow its pods to Fargate stays like any blocked workload: the summary counts
// it, and the decommission stage keeps the capacity it runs on instead of pulling it from under it.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/plan';
import { aManagedNodesInventory, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { buildUnsimulatedPlan } from './build-plan.js';

const falco = aWorkload({
  kind: 'DaemonSet',
  namespace: 'falco',
  name: 'falco',
  containers: [{ name: 'falco', image: 'falcosecurity/falco:0.39', securityContext: { privileged: true } }],
  spec: { hostPID: true, volumes: [{ name: 'proc', hostPath: { path: '/proc' } }] },
});
const nodeExporter = aWorkload({
  kind: 'DaemonSet',
  namespace: 'monitoring',
  name: 'node-exporter',
  containers: [{ name: 'exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2' }],
});
const web = aWorkload({ namespace: 'shop', name: 'web' });
const step = (plan: Plan, id: string) => plan.stages.flatMap((s) => s.steps).find((s) => s.id === id);

describe('a blocked DaemonSet going to Fargate', () => {
  it('counts as staying, and keeps Auto Mode and the node agents where everything else moves', () => {
    const plan = buildUnsimulatedPlan(contextFor(anAutoModeInventory([web, falco, nodeExporter]), 'fargate'));
    expect(plan.summary.workloads).toMatchObject({ moving: 1, staying: 1 });
    expect(plan.workloads.find((w) => w.workload === falco.key)?.outcome).toBe('stays');
    expect(step(plan, 'decommission/disable-auto-mode')).toMatchObject({ title: 'Keep Auto Mode for the workloads that stay', commands: [] });
    expect(step(plan, 'decommission/retire-node-agents')).toMatchObject({ title: 'Keep node agents for the EC2 capacity that remains', commands: [] });
    expect(plan.findings.find((f) => f.rule === 'fargate-disable-auto-mode')?.message).toContain('1 workload stays on Auto Mode, so the plan keeps it enabled');
  });

  it('keeps the node agents of the node group it runs on', () => {
    const plan = buildUnsimulatedPlan(contextFor(aManagedNodesInventory([web, falco, nodeExporter]), 'fargate'));
    expect(step(plan, 'decommission/retire-node-agents')).toMatchObject({ title: 'Keep node agents for the EC2 capacity that remains', commands: [] });
  });
});
