// `alb.ingress.kubernetes.io/group.order` orders the rules of an IngressGroup's Ingresses on their shared
// ALB; an Ingress in no group gains nothing from it, so its blue/green copy leaves it off and says so.
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '@modeshift/plan';
import { aCluster, aFargateInventory, aFargateProfile, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aClusterObject, anIngress, anIngressClass } from '../testing/kube-objects.js';
import type { StringMap } from '../kube.js';
import { buildPlan } from './build-plan.js';

const ORDER = 'alb.ingress.kubernetes.io/group.order';
const steps = (plan: Plan): Step[] => plan.stages.flatMap((s) => s.steps);
const step = (plan: Plan, name: string) => steps(plan).find((s) => s.id === `waves/load-balancer-ingress-shop-${name}`);
const annotationsOf = (s: Step | undefined) => (s?.manifests[0]?.object as { metadata: { annotations: StringMap } } | undefined)?.metadata.annotations ?? {};
const ingress = (name: string, className: string, annotations: StringMap) =>
  anIngress(name, { ingressClassName: className, rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web' } } }] } }] }, { annotations });

describe('group.order on blue/green Ingress copies', () => {
  it('to Auto Mode: is left off the copy of an Ingress in no group, with a word in the step, and kept in a group', () => {
    const inventory = aFargateInventory([aWorkload({ namespace: 'shop', name: 'web' })], {
      cluster: aCluster({ version: '1.31' }),
      fargateProfiles: [aFargateProfile('shop', [{ namespace: 'shop' }])],
      ingressClasses: [anIngressClass('alb', { controller: 'ingress.k8s.aws/alb' })],
      ingresses: [ingress('lonely', 'alb', { [ORDER]: '10' }), ingress('grouped', 'alb', { [ORDER]: '20', 'alb.ingress.kubernetes.io/group.name': 'shop' })],
    });
    const plan = buildPlan(contextFor(inventory, 'auto-mode'));
    expect(annotationsOf(step(plan, 'lonely'))[ORDER]).toBeUndefined();
    expect(step(plan, 'lonely')?.why).toContain(
      `${ORDER} is left off the copy: it orders the rules of an IngressGroup's Ingresses, and this Ingress belongs to no group.`,
    );
    expect(annotationsOf(step(plan, 'grouped'))[ORDER]).toBe('20');
    expect(step(plan, 'grouped')?.why).not.toContain(ORDER);
  });

  it('to Fargate: is kept when the IngressGroup came from the class parameters, and left off otherwise', () => {
    const params = { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'grouped' };
    const inventory = anAutoModeInventory([aWorkload({ namespace: 'shop', name: 'web' })], {
      ingressClasses: [
        anIngressClass('alb', { controller: 'eks.amazonaws.com/alb' }),
        anIngressClass('grouped', { controller: 'eks.amazonaws.com/alb', parameters: params }),
      ],
      ingressClassParams: [aClusterObject('IngressClassParams', 'grouped', { group: { name: 'shop' } }, { apiVersion: 'eks.amazonaws.com/v1' })],
      ingresses: [ingress('lonely', 'alb', { [ORDER]: '10' }), ingress('grouped', 'grouped', { [ORDER]: '20' })],
    });
    const plan = buildPlan(contextFor(inventory, 'fargate'));
    expect(annotationsOf(step(plan, 'lonely'))[ORDER]).toBeUndefined();
    expect(step(plan, 'lonely')?.why).toContain(`${ORDER} is left off the copy`);
    expect(annotationsOf(step(plan, 'grouped'))).toMatchObject({ [ORDER]: '20', 'alb.ingress.kubernetes.io/group.name': 'shop' });
  });
});
