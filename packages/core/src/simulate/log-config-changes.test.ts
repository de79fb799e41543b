// A ConfigMap change re-checks where pods' logs go only when the ConfigMap is log configuration: Fargate's
// aws-logging, or one a log-shipping DaemonSet mounts. These steps change such ConfigMaps in every way a
// plan can (patch, delete, create before or after the agent that mounts it) and must be caught; a change
// to any other ConfigMap must not be taken for a loss of logs.
import { describe, expect, it } from 'vitest';
import type { Effect, Plan, Step } from '@modeshift/plan';
import { aDaemonSet, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aConfigMap } from '../testing/kube-objects.js';
import { buildUnsimulatedPlan } from '../plan/build-plan.js';
import { makeStep } from '../plan/step.js';
import { simulate } from './replay.js';
import { applyEffect, emptyImpact } from './apply.js';
import { ClusterModel } from './model.js';

const agentConfig = (log_group_name: string) => `
[INPUT]
    Name             tail
    Tag              application.*
    Path             /var/log/containers/*.log
[OUTPUT]
    Name             cloudwatch_logs
    Match            application.*
    region           us-east-1
    log_group_name   ${log_group_name}
`;

const agent = (configMap: string) =>
  aDaemonSet({
    namespace: 'logging',
    name: 'fluent-bit',
    containers: [{ name: 'fluent-bit', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0' }],
    spec: { volumes: [{ name: 'config', configMap: { name: configMap } }] },
  });

/** A pod staying on Auto Mode whose logs the agent ships to /shop/app. */
function cluster() {
  const inventory = anAutoModeInventory([aWorkload({ namespace: 'shop', name: 'web' }), agent('fluent-bit-config')], {
    configMaps: [aConfigMap('fluent-bit-config', { 'fluent-bit.conf': agentConfig('/shop/app') }, { namespace: 'logging' })],
  });
  // To Auto Mode: the pod is there already, so no step of the plan itself moves it or touches its logs.
  return contextFor(inventory, 'auto-mode');
}

const configMapRef = (namespace: string, name: string) => ({ kind: 'ConfigMap' as const, namespace, name });

/** The plan with one more step at its start, whose effects are these. */
function withFirstStep(plan: Plan, effects: Effect[], manifests: Step['manifests'] = []): Plan {
  const step = makeStep({ id: 'prerequisites/test-change', title: 'Test change', kind: 'review', why: 'test', effects, manifests });
  const [first, ...rest] = plan.stages;
  return { ...plan, stages: [{ ...first!, steps: [step, ...first!.steps] }, ...rest] };
}

const logViolations = (ctx: ReturnType<typeof cluster>, plan: Plan) =>
  simulate(ctx, plan)
    .violations.filter((v) => v.invariant === 'logs')
    .map((v) => `${v.step} ${v.resource}`);

describe('ConfigMap changes and where logs go', () => {
  it('catches a patch of the agent’s ConfigMap that sends the logs elsewhere', () => {
    const ctx = cluster();
    const plan = withFirstStep(buildUnsimulatedPlan(ctx), [
      { type: 'patch-object', object: configMapRef('logging', 'fluent-bit-config'), patch: { data: { 'fluent-bit.conf': agentConfig('/elsewhere') } } },
    ]);
    expect(logViolations(ctx, plan)).toEqual(['prerequisites/test-change Deployment/shop/web']);
  });

  it('catches the deletion of the agent’s ConfigMap', () => {
    const ctx = cluster();
    const plan = withFirstStep(buildUnsimulatedPlan(ctx), [{ type: 'delete-object', object: configMapRef('logging', 'fluent-bit-config'), replacedBy: null }]);
    expect(logViolations(ctx, plan)).toEqual(['prerequisites/test-change Deployment/shop/web']);
  });

  it('catches a ConfigMap re-created with other outputs under the name the agent mounts', () => {
    const ctx = cluster();
    const manifest = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'fluent-bit-config', namespace: 'logging' },
      data: { 'fluent-bit.conf': agentConfig('/elsewhere') },
    };
    const plan = withFirstStep(
      buildUnsimulatedPlan(ctx),
      [{ type: 'create-object', object: configMapRef('logging', 'fluent-bit-config'), manifest: 'cm.yaml' }],
      [{ file: 'cm.yaml', object: manifest }],
    );
    expect(logViolations(ctx, plan)).toEqual(['prerequisites/test-change Deployment/shop/web']);
  });

  it('re-checks logs for the agent’s ConfigMap and Fargate’s aws-logging, and for no other ConfigMap', () => {
    const ctx = cluster();
    const step = makeStep({ id: 'prerequisites/test-change', title: 'Test change', kind: 'review', why: 'test' });
    const logsAfter = (namespace: string, name: string) => {
      const impact = emptyImpact();
      applyEffect(new ClusterModel(ctx), step, { type: 'patch-object', object: configMapRef(namespace, name), patch: { data: { x: 'y' } } }, impact);
      return impact.logs;
    };
    expect(logsAfter('logging', 'fluent-bit-config')).toBe(true);
    expect(logsAfter('aws-observability', 'aws-logging')).toBe(true);
    expect(logsAfter('kube-system', 'amazon-vpc-cni')).toBe(false);
    expect(logsAfter('shop', 'fluent-bit-config')).toBe(false);
  });

  it('finds nothing lost when another ConfigMap changes, even one of the same name in another namespace', () => {
    const ctx = cluster();
    const plan = withFirstStep(buildUnsimulatedPlan(ctx), [
      { type: 'patch-object', object: configMapRef('kube-system', 'amazon-vpc-cni'), patch: { data: { 'enable-network-policy-controller': 'true' } } },
      { type: 'delete-object', object: configMapRef('shop', 'fluent-bit-config'), replacedBy: null },
    ]);
    expect(logViolations(ctx, plan)).toEqual([]);
  });
});
