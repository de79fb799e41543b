import { kubeRef, type Step } from '@modeshift/plan';
import { applyEffects } from './effect-builders.js';
import { NETWORK_POLICY_CONTROLLER as NPC } from '../rules/network-policy/facts.js';
import type { PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { sh } from '../util/shell.js';

export const ENABLE_NETWORK_POLICY_CONTROLLER_STEP = 'security-groups/enable-network-policy-controller';

/**
 * Auto Mode enforces NetworkPolicies only once ConfigMap kube-system/amazon-vpc-cni holds
 * enable-network-policy-controller: "true" (aws-facts §2 network policies row). When the inventory
 * shows it off (or absent) and policies matter to the move, the switch is a step of its own, after
 * the load balancer policies and the review, so that nothing it starts to enforce is untested; it
 * comes before the waves, while the pods are still on Fargate, which never enforces them.
 */
export function networkPolicyControllerStep(input: PlanInput, reviewFindings: string[], before: Step[]): Step | null {
  if (input.ctx.target !== 'auto-mode' || reviewFindings.length === 0) return null;
  const current = input.ctx.index.configMap(NPC.namespace, NPC.configMap);
  if (current?.data[NPC.key] === 'true') return null;
  const patch = { data: { [NPC.key]: 'true' } };
  const ref = kubeRef('ConfigMap', NPC.namespace, NPC.configMap);
  const manifest = {
    file: `configmap-${NPC.configMap}.yaml`,
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: NPC.configMap, namespace: NPC.namespace }, data: { [NPC.key]: 'true' } },
  };
  return makeStep({
    id: ENABLE_NETWORK_POLICY_CONTROLLER_STEP,
    title: 'Switch on the network policy controller',
    kind: 'network-policy',
    why: `Auto Mode enforces NetworkPolicies only when ConfigMap ${NPC.namespace}/${NPC.configMap} holds ${NPC.key}: "true"; the inventory shows ${current ? `"${current.data[NPC.key] ?? 'nothing'}"` : 'no such ConfigMap'}, so until this step none of the policies is enforced. It comes after the load balancer policies and the review, and before any pod moves.`,
    findings: reviewFindings,
    dependsOn: before.map((s) => s.id),
    commands: [
      current
        ? sh`kubectl patch configmap ${NPC.configMap} -n ${NPC.namespace} --type merge -p ${JSON.stringify(patch)}`
        : sh`kubectl apply -f ${manifest.file}`,
    ],
    manifests: current ? [] : [manifest],
    effects: current ? [{ type: 'patch-object', object: ref, patch }] : applyEffects(manifest),
    verify: { command: sh`kubectl get configmap ${NPC.configMap} -n ${NPC.namespace} -o jsonpath='{.data.${NPC.key}}'`, expect: 'true' },
    rollback: {
      description: 'Switch the controller off again; the policies stay but are no longer enforced.',
      commands: [sh`kubectl patch configmap ${NPC.configMap} -n ${NPC.namespace} --type merge -p ${JSON.stringify({ data: { [NPC.key]: 'false' } })}`],
    },
  });
}
