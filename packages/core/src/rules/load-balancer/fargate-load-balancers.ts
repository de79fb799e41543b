import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import { SOURCES } from '../../capabilities/sources.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { objectRef } from '../../analysis/refs.js';
import { INGRESS_CLASS_PARAMS_RENAMES, LOAD_BALANCER_CONTROLLER as LBC } from './facts.js';
import { describeOwners, ingressOwner, inventoryFacts, mayBe, serviceOwner, type Ownership } from '../../analysis/load-balancer-owner.js';

/** What to check when the evidence did not decide the owner; the plan's step is then needed only in one case. */
function checkSentence(owner: Ownership): string {
  return owner.check === null
    ? ''
    : ` The inventory does not decide who owns it; check with ${owner.check}. If it turns out not to be Auto Mode's, mark the blue/green step not applicable.`;
}

/**
 * Load balancers Auto Mode created cannot be handed over, and disabling Auto Mode deletes them
 * (aws-facts §0.3, §0.10): each moves blue/green to one the AWS Load Balancer Controller owns, with
 * IP targets (the only kind that reaches Fargate pods), before Auto Mode is disabled.
 */
export const fargateLoadBalancersRule: Rule = {
  id: 'fargate-load-balancers',
  title: 'Load balancers',
  capability: 'load-balancer',
  targets: ['fargate'],
  check(ctx) {
    const drafts: FindingDraft[] = [];
    const sources = [SOURCES.autoAlb, SOURCES.autoNlb, SOURCES.autoDisable, SOURCES.migrateToAuto];
    const facts = inventoryFacts(ctx);
    const moving = ctx.inventory.ingresses.map((ing) => ({ ing, owner: ingressOwner(facts, ing) })).filter(({ owner }) => mayBe(owner, 'auto-mode'));
    // Both IngressClasses must exist side by side during blue/green, so the new one cannot reuse a name Auto Mode's
    // class has, or may have when the inventory does not show the class an Ingress names.
    const albTaken =
      facts.ingressClass(LBC.ingressClass)?.controller === AUTO_MODE_FACTS.albController ||
      moving.some(({ ing }) => ing.spec.ingressClassName === LBC.ingressClass && !facts.ingressClass(LBC.ingressClass));
    const newClass = albTaken ? LBC.ingressClassFallback : LBC.ingressClass;
    for (const { ing, owner } of moving) {
      const clsName = ing.spec.ingressClassName ?? ctx.index.defaultIngressClass()?.metadata.name;
      const cls = clsName !== undefined ? ctx.index.ingressClass(clsName) : undefined;
      const params = cls?.spec.parameters?.kind === 'IngressClassParams' ? cls.spec.parameters.name : null;
      const key = `${ing.metadata.namespace}/${ing.metadata.name}`;
      drafts.push({
        severity: 'change',
        resource: objectRef(ing),
        message:
          owner.check === null && cls
            ? `Ingress ${key} uses IngressClass ${cls.metadata.name}, whose ALB belongs to Auto Mode; disabling Auto Mode deletes it, and AWS does not support handing it to another controller.`
            : `Ingress ${key}: ${owner.evidence}, so its ALB may belong to ${describeOwners(owner)}. If it is Auto Mode's, disabling Auto Mode deletes it, and AWS does not support handing it to another controller; the plan moves it as if it were.`,
        remediation:
          `Create a copy of the Ingress with IngressClass ${newClass} (controller ${LBC.ingressController}, the AWS Load Balancer Controller) and ${LBC.ingressTargetType}, shift DNS to the new ALB, then delete the old Ingress — all before Auto Mode is disabled.` +
          (params
            ? ` IngressClassParams ${params} set the scheme, certificates and IngressGroup for every Ingress of the class; the copy carries them as the controller's annotations (the controller defaults to an internal scheme). Its own IngressClassParams, if you write one, renames fields: ${INGRESS_CLASS_PARAMS_RENAMES}.`
            : '') +
          checkSentence(owner),
        sources,
        action: { type: 'load-balancer', change: { kind: 'ingress-blue-green', ingressClass: newClass, unsupportedAnnotations: [] } },
      });
    }
    for (const svc of ctx.inventory.services) {
      const owner = serviceOwner(facts, svc);
      if (!owner || !mayBe(owner, 'auto-mode')) continue;
      const cls = svc.spec.loadBalancerClass;
      const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
      drafts.push({
        severity: 'change',
        resource: objectRef(svc),
        message:
          owner.check === null
            ? `Service ${key} (type LoadBalancer${cls ? `, loadBalancerClass ${cls}` : ', Auto Mode is the default provider'}) has an NLB that belongs to Auto Mode; disabling Auto Mode deletes it, and AWS does not support handing it to another controller.`
            : `Service ${key} (type LoadBalancer): ${owner.evidence}, so its load balancer may belong to ${describeOwners(owner)}. If it is Auto Mode's NLB, disabling Auto Mode deletes it, and AWS does not support handing it to another controller; the plan moves it as if it were.`,
        remediation:
          `Create a second Service with loadBalancerClass ${LBC.nlbClass} and ${LBC.nlbTargetType}, shift DNS to the new NLB, then switch the old Service to type ClusterIP (its NLB goes, the Service, its ClusterIP and DNS name stay for whatever still uses them) — all before Auto Mode is disabled.` +
          checkSentence(owner),
        sources,
        action: { type: 'load-balancer', change: { kind: 'service-blue-green', loadBalancerClass: LBC.nlbClass, unsupportedAnnotations: [] } },
      });
    }
    const installed = facts.controllerRunning === true;
    if (drafts.length === 0 || installed) return drafts;
    drafts.push({
      severity: 'change',
      resource: null,
      message: `${drafts.length} load balancer${drafts.length === 1 ? '' : 's'} belong${drafts.length === 1 ? 's' : ''} to Auto Mode; on Fargate, load balancers come from the AWS Load Balancer Controller, which the inventory does not show installed.`,
      remediation:
        'Install the AWS Load Balancer Controller before the first load balancer moves, with an IAM role for its service account (IRSA: Pod Identity does not work if the controller runs on Fargate). Use IP targets for everything that reaches Fargate pods.',
      sources,
      action: { type: 'load-balancer', change: { kind: 'install-load-balancer-controller' } },
    });
    return drafts;
  },
};
