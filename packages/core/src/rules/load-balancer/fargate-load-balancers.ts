import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import { SOURCES } from '../../capabilities/sources.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { objectRef } from '../../analysis/refs.js';
import { autoModeLoadBalancing } from '../../analysis/auto-mode-enabled.js';
import { INGRESS_CLASS_PARAMS_RENAMES, LOAD_BALANCER_CONTROLLER as LBC } from './facts.js';

/**
 * Load balancers Auto Mode created cannot be handed over, and disabling Auto Mode deletes them
 * (aws-facts §0.3, §0.10): each moves blue/green to one the AWS Load Balancer Controller owns, with
 * IP targets (the only kind that reaches Fargate pods), before Auto Mode is disabled.
 */
export const fargateLoadBalancersRule: Rule = {
  id: 'fargate-load-balancers',
  capability: 'load-balancer',
  targets: ['fargate'],
  check(ctx) {
    const drafts: FindingDraft[] = [];
    const sources = [SOURCES.autoAlb, SOURCES.autoNlb, SOURCES.autoDisable, SOURCES.migrateToAuto];
    const autoClass = (name: string | undefined) => {
      const cls = name ? ctx.index.ingressClass(name) : ctx.index.defaultIngressClass();
      return cls?.spec.controller === AUTO_MODE_FACTS.albController ? cls : undefined;
    };
    // Both IngressClasses must exist side by side during blue/green, so the new one cannot reuse a taken name.
    const newClass = ctx.index.ingressClass(LBC.ingressClass) && autoClass(LBC.ingressClass) ? LBC.ingressClassFallback : LBC.ingressClass;
    for (const ing of ctx.inventory.ingresses) {
      const cls = autoClass(ing.spec.ingressClassName ?? ing.metadata.annotations['kubernetes.io/ingress.class']);
      if (!cls) continue;
      const params = cls.spec.parameters?.kind === 'IngressClassParams' ? cls.spec.parameters.name : null;
      drafts.push({
        severity: 'change',
        resource: objectRef(ing),
        message: `Ingress ${ing.metadata.namespace}/${ing.metadata.name} uses IngressClass ${cls.metadata.name}, whose ALB belongs to Auto Mode; disabling Auto Mode deletes it, and AWS does not support handing it to another controller.`,
        remediation:
          `Create a copy of the Ingress with IngressClass ${newClass} (controller ${LBC.ingressController}, the AWS Load Balancer Controller) and ${LBC.ingressTargetType}, shift DNS to the new ALB, then delete the old Ingress — all before Auto Mode is disabled.` +
          (params
            ? ` IngressClassParams ${params} set the scheme, certificates and IngressGroup for every Ingress of the class; the copy carries them as the controller's annotations (the controller defaults to an internal scheme). Its own IngressClassParams, if you write one, renames fields: ${INGRESS_CLASS_PARAMS_RENAMES}.`
            : ''),
        sources,
        action: { type: 'load-balancer', change: { kind: 'ingress-blue-green', ingressClass: newClass, unsupportedAnnotations: [] } },
      });
    }
    const autoDefault = autoModeLoadBalancing(ctx);
    for (const svc of ctx.inventory.services) {
      if (svc.spec.type !== 'LoadBalancer') continue;
      const cls = svc.spec.loadBalancerClass;
      if (cls !== AUTO_MODE_FACTS.nlbClass && !(cls === undefined && autoDefault)) continue;
      drafts.push({
        severity: 'change',
        resource: objectRef(svc),
        message: `Service ${svc.metadata.namespace}/${svc.metadata.name} (type LoadBalancer${cls ? `, loadBalancerClass ${cls}` : ', Auto Mode is the default provider'}) has an NLB that belongs to Auto Mode; disabling Auto Mode deletes it, and AWS does not support handing it to another controller.`,
        remediation: `Create a second Service with loadBalancerClass ${LBC.nlbClass} and ${LBC.nlbTargetType}, shift DNS to the new NLB, then switch the old Service to type ClusterIP (its NLB goes, the Service, its ClusterIP and DNS name stay for whatever still uses them) — all before Auto Mode is disabled.`,
        sources,
        action: { type: 'load-balancer', change: { kind: 'service-blue-green', loadBalancerClass: LBC.nlbClass, unsupportedAnnotations: [] } },
      });
    }
    const installed = ctx.inventory.workloads.some((w) => w.kind === 'Deployment' && w.metadata.name === 'aws-load-balancer-controller');
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
