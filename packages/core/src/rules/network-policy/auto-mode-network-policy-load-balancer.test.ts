import { describe, expect, it } from 'vitest';
import type { Inventory, Namespaced } from '../../inventory/types.js';
import { aFargateInventory, aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { anIngress, anIngressClass, aService } from '../../testing/kube-objects.js';
import { aSubnet } from '../../testing/aws-objects.js';
import { cidrContains } from '../../analysis/network-policy-reach.js';
import { autoModeNetworkPolicyLoadBalancerRule as rule } from './auto-mode-network-policy-load-balancer.js';

const policy = (name: string, spec: Record<string, unknown>, namespace = 'shop'): Namespaced<Record<string, unknown>> => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace, labels: {}, annotations: {} },
  spec,
  origin: { file: 'netpol.yaml', line: 1 },
});

const denyAll = policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
const fromFrontendOnly = policy('from-frontend', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }] }] });

const web = aWorkload({ containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] });
const service = aService('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
const albClass = anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' });
const ingress = anIngress('web', { ingressClassName: 'alb', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }] }, { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' } });
const subnets = [
  { ...aSubnet('subnet-pub-a', { isPublic: true, tags: { 'kubernetes.io/role/elb': '1' } }), cidrBlock: '10.0.0.0/24' },
  { ...aSubnet('subnet-pub-b', { isPublic: true, tags: { 'kubernetes.io/role/elb': '1' } }), cidrBlock: '10.0.1.0/24' },
  { ...aSubnet('subnet-priv-a', { tags: { 'kubernetes.io/role/internal-elb': '1' } }), cidrBlock: '10.0.16.0/20' },
];

const behindAlb = (networkPolicies: Inventory['networkPolicies']): Inventory =>
  aFargateInventory([web], { services: [service], ingresses: [ingress], ingressClasses: [albClass], subnets, networkPolicies });

describe('auto-mode-network-policy-load-balancer', () => {
  it('finds an ALB that a default-deny policy, never enforced on Fargate, would cut off', () => {
    const [finding, ...rest] = runRule(rule, behindAlb([denyAll]), { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-network-policy-load-balancer:Deployment/shop/web',
      severity: 'change',
      capability: 'network-policy',
      action: {
        type: 'security-groups',
        // The internet-facing ALB lives in the subnets tagged for it; the pod port keeps its name.
        change: { kind: 'allow-load-balancer', namespace: 'shop', workload: 'web', podSelector: { app: 'web' }, ports: [{ port: 'http', protocol: 'TCP' }], cidrs: ['10.0.0.0/24', '10.0.1.0/24'], via: ['Ingress shop/web'] },
      },
    });
    expect(finding?.message).toContain('default-deny-ingress');
    expect(finding?.message).toContain('health checks');
    expect(finding?.sources).toContain('https://docs.aws.amazon.com/eks/latest/userguide/auto-configure-alb.html');
  });

  it('finds a LoadBalancer Service whose pods only admit other pods, using its internal subnets by default', () => {
    const nlb = aService('web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 8443 }] });
    const [finding] = runRule(rule, aFargateInventory([web], { services: [nlb], subnets, networkPolicies: [fromFrontendOnly] }), { target: 'auto-mode' });
    expect(finding?.action).toMatchObject({ change: { ports: [{ port: 8443, protocol: 'TCP' }], cidrs: ['10.0.16.0/20'], via: ['Service shop/web'] } });
  });

  it('admits the clients too when an NLB keeps their addresses', () => {
    const annotations = { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing', 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true' };
    const open = aService('web', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 443, targetPort: 8443 }] }, { annotations });
    const [f] = runRule(rule, aFargateInventory([web], { services: [open], subnets, networkPolicies: [denyAll] }), { target: 'auto-mode' });
    expect(f?.action).toMatchObject({ change: { cidrs: ['0.0.0.0/0', '10.0.0.0/24', '10.0.1.0/24'] } });
    const ranged = aService('web', { type: 'LoadBalancer', selector: { app: 'web' }, loadBalancerSourceRanges: ['203.0.113.0/24'], ports: [{ port: 443, targetPort: 8443 }] }, { annotations });
    const [g] = runRule(rule, aFargateInventory([web], { services: [ranged], subnets, networkPolicies: [denyAll] }), { target: 'auto-mode' });
    expect(g?.action).toMatchObject({ change: { cidrs: ['10.0.0.0/24', '10.0.1.0/24', '203.0.113.0/24'] } });
    // A policy admitting only the subnets lets health checks through but not the clients.
    const subnetsOnly = policy('subnets', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }] }] });
    expect(runRule(rule, aFargateInventory([web], { services: [ranged], subnets, networkPolicies: [denyAll, subnetsOnly] }), { target: 'auto-mode' })).toHaveLength(1);
  });

  it('accepts policies that already admit the load balancer', () => {
    const cases = {
      'a rule with no from': policy('open', { podSelector: {}, ingress: [{ ports: [{ port: 8080 }] }] }),
      'an ipBlock covering its subnets': policy('vpc', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16' } }] }] }),
      'the named port': policy('named', { podSelector: {}, ingress: [{ ports: [{ port: 'http', protocol: 'TCP' }] }] }),
      'a port range': policy('range', { podSelector: {}, ingress: [{ ports: [{ port: 8000, endPort: 9000 }] }] }),
    };
    for (const [label, allow] of Object.entries(cases)) expect(runRule(rule, behindAlb([denyAll, allow]), { target: 'auto-mode' }), label).toEqual([]);
  });

  it('still finds it when the allowing rule misses the load balancer', () => {
    const cases = {
      'an ipBlock for the office only': policy('office', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16' } }] }] }),
      'an ipBlock that excepts the ALB subnets': policy('except', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/23'] } }] }] }),
      'another port': policy('metrics', { podSelector: {}, ingress: [{ ports: [{ port: 9090 }] }] }),
      'UDP only': policy('udp', { podSelector: {}, ingress: [{ ports: [{ port: 8080, protocol: 'UDP' }] }] }),
      'another workload': policy('other', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{}] }),
    };
    for (const [label, allow] of Object.entries(cases)) expect(runRule(rule, behindAlb([denyAll, allow]), { target: 'auto-mode' }), label).toHaveLength(1);
  });

  it('says nothing without an isolating policy, an AWS load balancer, or a move from Fargate', () => {
    expect(runRule(rule, behindAlb([]), { target: 'auto-mode' })).toEqual([]);
    expect(runRule(rule, behindAlb([policy('egress-only', { podSelector: {}, policyTypes: ['Egress'] })]), { target: 'auto-mode' })).toEqual([]);
    const nginx = aFargateInventory([web], { services: [service], ingresses: [{ ...ingress, spec: { ...ingress.spec, ingressClassName: 'nginx' } }], ingressClasses: [albClass, anIngressClass('nginx', { controller: 'k8s.io/ingress-nginx' })], networkPolicies: [denyAll] });
    expect(runRule(rule, nginx, { target: 'auto-mode' })).toEqual([]);
    const fromNodes = aManagedNodesInventory([web], { services: [service], ingresses: [ingress], ingressClasses: [albClass], subnets, networkPolicies: [denyAll] });
    expect(runRule(rule, fromNodes, { target: 'auto-mode' })).toEqual([]);
  });

  it('falls back to every subnet, then to a placeholder, when none is tagged or known', () => {
    const untagged = subnets.map((s) => ({ ...s, tags: {} }));
    const all = aFargateInventory([web], { services: [service], ingresses: [ingress], ingressClasses: [albClass], subnets: untagged, networkPolicies: [denyAll] });
    expect(runRule(rule, all, { target: 'auto-mode' })[0]?.action).toMatchObject({ change: { cidrs: ['10.0.0.0/24', '10.0.1.0/24', '10.0.16.0/20'] } });
    const none = aFargateInventory([web], { services: [service], ingresses: [ingress], ingressClasses: [albClass], networkPolicies: [denyAll] });
    expect(runRule(rule, none, { target: 'auto-mode' })[0]?.action).toMatchObject({ change: { cidrs: [] } });
    expect(runRule(rule, none, { target: 'auto-mode' })[0]?.remediation).toContain('the VPC CIDR');
  });
});

describe('cidrContains', () => {
  it('compares IPv4 networks, and knows when it cannot tell', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.1.0/24')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrContains('10.1.0.0/16', '10.0.1.0/24')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '172.16.5.0/24')).toBe(true);
    expect(cidrContains('fd00::/8', '10.0.0.0/24')).toBeNull();
  });
});
