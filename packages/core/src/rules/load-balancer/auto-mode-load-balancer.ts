import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import type { StringMap } from '../../kube.js';
import { objectRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { PROPOSED } from '../../analysis/proposed-names.js';
import { planAlbClasses } from '../../analysis/alb-groups.js';
import { classParamsScheme, ingressScheme } from '../../analysis/load-balancer-scheme.js';
import { OIDC_AUTH_ANNOTATION, UNSUPPORTED_INGRESS_ANNOTATIONS, UNSUPPORTED_SERVICE_ANNOTATIONS } from './facts.js';
import { describeOwners, ingressOwner, inventoryFacts, mayBe, serviceOwner, type Ownership } from '../../analysis/load-balancer-owner.js';

// What to use instead, where aws-facts §4.7 / §1 say.
const INSTEAD: Record<string, string> = {
  'kubernetes.io/ingress.class': 'spec.ingressClassName',
  'alb.ingress.kubernetes.io/group.name': 'group.name in IngressClassParams',
  'alb.ingress.kubernetes.io/waf-acl-id': 'WAFv2',
  'alb.ingress.kubernetes.io/web-acl-id': 'WAFv2',
  'service.beta.kubernetes.io/load-balancer-source-ranges': 'spec.loadBalancerSourceRanges',
  'service.beta.kubernetes.io/aws-load-balancer-type': 'spec.loadBalancerClass',
  'service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled': 'the -attributes annotation',
  'service.beta.kubernetes.io/aws-load-balancer-access-log-': 'the -attributes annotation',
};

function unsupportedIngress(annotations: StringMap): string[] {
  return Object.keys(annotations)
    .filter((k) => UNSUPPORTED_INGRESS_ANNOTATIONS.includes(k) || (k === OIDC_AUTH_ANNOTATION && annotations[k]?.toLowerCase() === 'oidc'))
    .sort();
}

const serviceRule = (key: string) => UNSUPPORTED_SERVICE_ANNOTATIONS.find((u) => (u.endsWith('-') ? key.startsWith(u) : key === u));
const unsupportedService = (annotations: StringMap) =>
  Object.keys(annotations)
    .filter((k) => serviceRule(k) !== undefined)
    .sort();

function describeUnsupported(keys: string[]): string {
  if (keys.length === 0) return '';
  const parts = keys.map((k) => {
    const instead = INSTEAD[k] ?? INSTEAD[serviceRule(k) ?? ''];
    return instead ? `${k} (use ${instead})` : k;
  });
  return ` Auto Mode does not support ${parts.join(', ')}.`;
}

/** What to check when the evidence did not decide the owner: the blue/green step is then needed in one case only. */
function checkSentence(owner: Ownership): string {
  return owner.check === null
    ? ''
    : ` The inventory does not decide who owns it (${owner.evidence}); check with ${owner.check}. If it is Auto Mode's already, mark the blue/green step not applicable.`;
}

const DNS_SHIFT = 'then shift DNS (for example Route 53 weighted records) to the new load balancer and delete the old object once traffic has drained';

/** Load balancers of the AWS Load Balancer Controller cannot be handed over to Auto Mode (aws-facts §0.10, §4.7, §7.2). */
export const autoModeLoadBalancerRule: Rule = {
  id: 'auto-mode-load-balancer',
  title: 'Load balancers',
  capability: 'load-balancer',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    const existing = ctx.inventory.ingressClasses.find((c) => c.spec.controller === AUTO_MODE_FACTS.albController);
    const facts = inventoryFacts(ctx);
    const owners = new Map(ctx.inventory.ingresses.map((ing) => [ing, ingressOwner(facts, ing)]));
    const owned = ctx.inventory.ingresses.filter((ing) => mayBe(owners.get(ing) ?? null, 'load-balancer-controller'));
    const existingClass = existing ? { name: existing.metadata.name, scheme: classParamsScheme(ctx.inventory, ctx.index, existing.metadata.name) } : undefined;
    const albClasses = planAlbClasses(owned, PROPOSED.ingressClass, existingClass, (ing) => ingressScheme(ctx.inventory, ctx.index, ing));
    for (const ing of owned) {
      const owner = owners.get(ing)!;
      const unsupported = unsupportedIngress(ing.metadata.annotations);
      const key = `${ing.metadata.namespace}/${ing.metadata.name}`;
      const ingressClass = albClasses.classOf.get(key) ?? PROPOSED.ingressClass;
      const group = ing.metadata.annotations['alb.ingress.kubernetes.io/group.name'];
      const waf = ing.metadata.annotations['alb.ingress.kubernetes.io/waf-acl-id'] ?? ing.metadata.annotations['alb.ingress.kubernetes.io/web-acl-id'];
      out.push({
        severity: 'change',
        resource: objectRef(ing),
        message: `Ingress ${key} is served by an ALB of ${owner.check === null ? 'the AWS Load Balancer Controller' : describeOwners(owner)}; load balancers cannot be handed over to Auto Mode's built-in controller.${describeUnsupported(unsupported)}`,
        remediation:
          `Keep the AWS Load Balancer Controller running for it, or move by blue/green: create a copy with ingressClassName ${ingressClass} (controller ${AUTO_MODE_FACTS.albController}; scheme, subnets and certificates go in its IngressClassParams), wait for the new ALB, ${DNS_SHIFT}. Subnets must carry kubernetes.io/role/elb or kubernetes.io/role/internal-elb tags.` +
          (group
            ? ` Its IngressGroup ${group} becomes group.name in the IngressClassParams of ${ingressClass}, so the group's Ingresses keep sharing one ALB.`
            : '') +
          (waf
            ? ` WAF Classic web ACL ${waf} cannot protect an Auto Mode ALB: migrate it to a WAFv2 web ACL and associate that with the new ALB before any traffic moves to it.`
            : '') +
          checkSentence(owner),
        action: { type: 'load-balancer', change: { kind: 'ingress-blue-green', ingressClass, unsupportedAnnotations: unsupported } },
      });
    }
    for (const svc of ctx.inventory.services) {
      const ownership = serviceOwner(facts, svc);
      // Auto Mode's own NLB stays as it is; any other controller's cannot be handed over.
      if (!ownership || (ownership.owners.length === 1 && ownership.owners[0] === 'auto-mode')) continue;
      const unsupported = unsupportedService(svc.metadata.annotations);
      const owner = svc.spec.loadBalancerClass
        ? `load balancer class ${svc.spec.loadBalancerClass}`
        : ownership.check === null
          ? describeOwners(ownership)
          : 'the AWS Load Balancer Controller or the in-tree cloud provider';
      out.push({
        severity: 'change',
        resource: objectRef(svc),
        message: `Service ${svc.metadata.namespace}/${svc.metadata.name} (type LoadBalancer) has a load balancer of ${owner}; it cannot be handed over to Auto Mode's built-in NLB support.${describeUnsupported(unsupported)}`,
        remediation:
          `Keep its controller running, or move by blue/green: create a second Service with spec.loadBalancerClass: ${AUTO_MODE_FACTS.nlbClass} (the class of an existing Service cannot be changed), wait for the new NLB, then shift DNS (for example Route 53 weighted records) to it and, once traffic has drained, switch the old Service to type ClusterIP: that removes its load balancer but keeps the Service, its ClusterIP and DNS name for everything that still uses them.` +
          (mayBe(ownership, 'auto-mode') ? checkSentence(ownership) : ''),
        action: {
          type: 'load-balancer',
          change: { kind: 'service-blue-green', loadBalancerClass: AUTO_MODE_FACTS.nlbClass, unsupportedAnnotations: unsupported },
        },
      });
    }
    for (const cls of albClasses.classes) {
      const group = cls.params.groupName;
      out.push({
        severity: 'advisory',
        resource: null,
        discriminator: albClasses.classes.length > 1 ? cls.name : undefined,
        message: `No IngressClass for Auto Mode's ALB support exists yet${group ? ` for IngressGroup ${group}` : ''}; blue/green moves of the ${cls.ingresses.length} Ingress${cls.ingresses.length > 1 ? 'es' : ''} served by the AWS Load Balancer Controller (${cls.ingresses.join(', ')}) need one.`,
        remediation: `Create IngressClass ${cls.name} with spec.controller ${AUTO_MODE_FACTS.albController} and parameters pointing at an IngressClassParams (eks.amazonaws.com/v1)${group ? ` with group.name ${group} and the group's scheme, certificates and subnets` : ''}. Do not make it the default class while the AWS Load Balancer Controller still serves Ingresses.`,
        action: { type: 'capacity', request: { kind: 'ingress-class', name: cls.name, controller: AUTO_MODE_FACTS.albController, params: cls.params } },
      });
    }
    return out;
  },
};
