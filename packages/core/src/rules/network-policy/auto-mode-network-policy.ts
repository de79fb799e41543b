import { SOURCES } from '../../capabilities/sources.js';
import { objectRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { currentType, movers } from '../../analysis/auto-mode-movers.js';
import { NETWORK_POLICY_CONTROLLER as NPC } from './facts.js';

/**
 * Fargate never enforced NetworkPolicies (aws-facts §2), so a policy may have been written and never
 * tested: on Auto Mode it starts to drop traffic as soon as the controller is on. On EC2 nodes a
 * policy may have been enforced already, by the VPC CNI or another engine; there the risk is the
 * opposite, enforcement that silently stops, so it is only an advisory.
 */
export const autoModeNetworkPolicyRule: Rule = {
  id: 'auto-mode-network-policy',
  title: 'NetworkPolicies enforced',
  capability: 'network-policy',
  targets: ['auto-mode'],
  check(ctx) {
    if (ctx.inventory.networkPolicies.length === 0) return [];
    const fromFargate = new Set<string>();
    const fromNodes = new Set<string>();
    for (const w of movers(ctx)) {
      (currentType(ctx, w) === 'fargate' ? fromFargate : fromNodes).add(w.metadata.namespace);
    }
    const shown = ctx.index.configMap(NPC.namespace, NPC.configMap)?.data[NPC.key];
    const controller =
      shown === 'true'
        ? `The network policy controller is already enabled (ConfigMap ${NPC.namespace}/${NPC.configMap}), so the policy applies as soon as the pods land.`
        : `${shown === undefined ? `The inventory shows no ${NPC.key} in ConfigMap ${NPC.namespace}/${NPC.configMap}` : `ConfigMap ${NPC.namespace}/${NPC.configMap} holds ${NPC.key}: "${shown}"`}, so Auto Mode will not enforce this policy until it is switched on ("true"); the plan switches it on after the load balancer policies, before the first wave.`;
    const nodeClass = 'The NodeClass networkPolicy field (DefaultAllow or DefaultDeny) sets what unselected pods get.';
    const out: FindingDraft[] = [];
    for (const namespace of [...new Set([...fromFargate, ...fromNodes])].sort()) {
      const fargate = fromFargate.has(namespace);
      for (const np of ctx.index.networkPoliciesIn(namespace)) {
        const name = `${namespace}/${np.metadata.name}`;
        out.push({
          severity: fargate ? 'change' : 'advisory',
          resource: objectRef(np),
          message: fargate
            ? `NetworkPolicy ${name} was never enforced for pods on Fargate; on Auto Mode it will be, and traffic it does not allow will be dropped.`
            : `NetworkPolicy ${name} applies to workloads that move from EC2 nodes; on Auto Mode it is enforced only by Auto Mode's own network policy controller.`,
          remediation: `Review before moving: check that the policy allows what the workloads need (DNS, probes, their clients), move one namespace first and watch for dropped connections. ${controller} ${nodeClass}`,
          sources: [SOURCES.cniNetworkPolicy],
          action: { type: 'review' },
        });
      }
    }
    return out;
  },
};
