import type { StringMap } from '../../kube.js';

const ALB = 'alb.ingress.kubernetes.io/';

interface KeyValue {
  key?: unknown;
  value?: unknown;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const pairs = (value: unknown): string[] =>
  (Array.isArray(value) ? (value as KeyValue[]) : []).flatMap((p) => (typeof p.key === 'string' && typeof p.value === 'string' ? [`${p.key}=${p.value}`] : []));

/**
 * The annotations of the AWS Load Balancer Controller that say what an Auto Mode IngressClassParams
 * (eks.amazonaws.com/v1) said for every Ingress of its class. A copy for the controller uses the controller's
 * own IngressClass, whose params are empty, so without these the new ALB would lose its scheme (the controller
 * defaults to internal: a public site would vanish), its certificates and its IngressGroup. Fields with no
 * annotation equivalent are returned in `notCarried`. Field names: aws-facts §4.7 ([UG-alb], [UG-alb-lbc]).
 */
export function annotationsFromAutoModeParams(spec: Record<string, unknown>): { annotations: StringMap; notCarried: string[] } {
  const annotations: StringMap = {};
  const notCarried: string[] = [];
  const set = (name: string, value: string) => {
    if (value !== '') annotations[`${ALB}${name}`] = value;
  };
  for (const [field, value] of Object.entries(spec)) {
    switch (field) {
      case 'scheme':
      case 'ipAddressType':
      case 'sslPolicy':
        if (typeof value === 'string') set(field === 'scheme' ? 'scheme' : field === 'ipAddressType' ? 'ip-address-type' : 'ssl-policy', value);
        break;
      case 'certificateARNs':
        set('certificate-arn', strings(value).join(','));
        break;
      case 'group': {
        const name = (value as { name?: unknown } | null)?.name;
        if (typeof name === 'string') set('group.name', name);
        break;
      }
      case 'inboundCIDRs':
        set('inbound-cidrs', strings(value).join(','));
        break;
      case 'tags':
        set('tags', pairs(value).join(','));
        break;
      case 'loadBalancerAttributes':
        set('load-balancer-attributes', pairs(value).join(','));
        break;
      case 'subnets': {
        const ids = strings((value as { ids?: unknown } | null)?.ids);
        if (ids.length > 0) set('subnets', ids.join(','));
        else notCarried.push('subnets.matchTags');
        break;
      }
      default:
        notCarried.push(field);
    }
  }
  return { annotations, notCarried: notCarried.sort() };
}
