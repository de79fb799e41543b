import { type LoadBalancerChange, kubeRef, slug, type Step } from '@modeshift/plan';
import { resourceKey } from '../rules/engine/run.js';
import { blueGreenIngress, blueGreenName, blueGreenService, savedIngress } from './manifests/index.js';
import { withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { ALB_ANNOTATIONS, ingressGroupOf } from '../analysis/alb-groups.js';
import { INGRESS_SCHEME_ANNOTATION, ingressScheme, SERVICE_SCHEME_ANNOTATION, servedInTree, serviceScheme } from '../analysis/load-balancer-scheme.js';
import { autoModeLoadBalancing } from '../analysis/auto-mode-enabled.js';
import { sh, shellComment, shellQuote } from '../util/shell.js';
import { unrenderedPlaceholders } from './manifests/unrendered.js';
import { autoModeClassAnnotations, wafClassicAcl, WAFV2_STEP_ID } from './stage-load-balancers.js';
import { loadBalancerRemovalStep } from './load-balancer-removal.js';

/**
 * Two steps per load balancer. The first creates a new one beside the old and ends with the DNS shift, a
 * manual act; the second removes the old one. They are apart so that the removal is never run straight
 * after the instruction to shift DNS (a step's commands are often pasted as one block): the operator
 * marks the shift done, and its check (DNS answers with the new hostname) passed, before the removal
 * is shown. The removal (load-balancer-removal.ts) runs only when nothing in the cluster names the old hostname.
 */
export function loadBalancerSteps(input: PlanInput, waveOf: (namespace: string) => string | undefined, after: string[]): Step[] {
  const steps: Step[] = [];
  const index = input.ctx.index;
  for (const { finding, action } of withAction(input, 'load-balancer')) {
    const change: LoadBalancerChange = action.change;
    const ref = finding.resource;
    if (!ref || ref.namespace === null || change.kind === 'install-load-balancer-controller') continue;
    const ns = ref.namespace;
    const suffix = input.ctx.target === 'auto-mode' ? 'auto' : 'fargate';
    const kind = change.kind === 'ingress-blue-green' ? 'ingress' : 'service';
    const newName = blueGreenName(ref.name, suffix, kind === 'ingress' ? 253 : 63);
    // The old object, read once: the copy, the retirement and the rollback are all made from it.
    const ingress = kind === 'ingress' ? index.ingress(ns, ref.name) : undefined;
    const service = kind === 'service' ? index.service(ns, ref.name) : undefined;
    let manifest: Record<string, unknown> | null = null;
    const notCarried: string[] = [];
    let orderDropped = false;
    if (change.kind === 'ingress-blue-green') {
      if (ingress) {
        const carried = input.ctx.target === 'fargate' ? autoModeClassAnnotations(input, ingress) : { annotations: {}, notCarried: [] };
        notCarried.push(...carried.notCarried);
        // group.order orders the rules of an IngressGroup's Ingresses on their shared ALB: without a group it means nothing.
        if (ingress.metadata.annotations[ALB_ANNOTATIONS.groupOrder] !== undefined && ingressGroupOf(input.ctx.inventory, index, ingress) === null)
          orderDropped = true;
        manifest = blueGreenIngress(ingress, {
          ingressClassName: change.ingressClass,
          suffix,
          dropAnnotations: [...change.unsupportedAnnotations, ...(orderDropped ? [ALB_ANNOTATIONS.groupOrder] : [])],
          // The scheme the old ALB has, stated: the new controller's default is not necessarily the old one's.
          annotations: { ...carried.annotations, [INGRESS_SCHEME_ANNOTATION]: ingressScheme(input.ctx.inventory, index, ingress) },
        });
      }
    } else if (service) {
      manifest = blueGreenService(service, {
        loadBalancerClass: change.loadBalancerClass ?? 'service.k8s.aws/nlb',
        suffix,
        dropAnnotations: change.unsupportedAnnotations,
        // An in-tree load balancer is internet-facing unless told; both controllers default to internal.
        annotations: { [SERVICE_SCHEME_ANNOTATION]: serviceScheme(service, servedInTree(service, autoModeLoadBalancing(input.ctx))) },
      });
    }
    const file = `${kind}-${slug(ns)}-${slug(newName)}.yaml`;
    // The old Ingress as it is, for a rollback after the removal deleted it (a Service is kept, so nothing to save).
    const saved = `${kind}-${slug(ns)}-${slug(ref.name)}-before.yaml`;
    const savedCopy = ingress ? savedIngress(ingress) : null;
    const kindOf = kind === 'ingress' ? 'Ingress' : 'Service';
    const wave = waveOf(ns);
    const waf = kind === 'ingress' ? wafClassicAcl(input, ns, ref.name) : undefined;
    const hostnameOf = (name: string) => sh`kubectl get ${kind} ${name} -n ${ns} -o jsonpath='{.status.loadBalancer.ingress[0].hostname}'`;
    // Associated before DNS moves, so the new ALB never serves clients without the web ACL.
    const wafCommands = waf
      ? [
          `aws elbv2 describe-load-balancers --query "LoadBalancers[?DNSName=='<new-alb-hostname>'].LoadBalancerArn" --output text`,
          sh`aws wafv2 associate-web-acl --web-acl-arn <wafv2-web-acl-arn> --resource-arn <new-alb-arn>`,
          sh`aws wafv2 get-web-acl-for-resource --resource-arn <new-alb-arn> --query WebACL.Name --output text`,
        ]
      : [];
    const shiftId = `waves/load-balancer-${kind}-${slug(ns)}-${slug(ref.name)}`;
    // Read from manifests, not the cluster: the copy would carry a template's placeholder where the cluster has a value.
    const unrendered = manifest ? unrenderedPlaceholders(manifest) : [];
    const apply = sh`kubectl apply -f ${file}`;
    const deleteNew = sh`kubectl delete ${kind} ${newName} -n ${ns}`;
    steps.push(
      makeStep({
        id: shiftId,
        title: `Blue/green the load balancer of ${ref.kind} ${ns}/${ref.name}: a new one, then DNS`,
        kind: 'load-balancer',
        why: `Load balancers cannot be handed over between controllers; a new one is created beside the old one and traffic moves by DNS (Route 53 weighted records, e.g. 90/10 then 0/100; if external-dns manages the hosts, keep the copy out of it until the shift). The old one is removed by the step of the same id with retire- in front, once DNS answers with the new hostname.${change.unsupportedAnnotations.length ? ` Annotations not carried over: ${change.unsupportedAnnotations.join(', ')}.` : ''}${orderDropped ? ` ${ALB_ANNOTATIONS.groupOrder} is left off the copy: it orders the rules of an IngressGroup's Ingresses, and this Ingress belongs to no group.` : ''}${notCarried.length ? ` IngressClassParams fields with no annotation for the AWS Load Balancer Controller, set them by hand: ${notCarried.join(', ')}.` : ''}${unrendered.length ? ` The inventory's ${ref.kind} holds template placeholders (${unrendered.join(', ')}), so its copy does too: it is applied only once they are replaced by the values the cluster has.` : ''}`,
        findings: [finding.id],
        dependsOn: [...(wave ? [wave] : after), ...(waf ? [WAFV2_STEP_ID] : [])],
        commands: [
          unrendered.length === 0
            ? apply
            : `if grep -nF ${unrendered.map((p) => `-e ${shellQuote(p)}`).join(' ')} ${shellQuote(file)}; then echo "${file} still holds the template placeholders above: put the values the cluster has in their place; nothing applied" >&2; false; else ${apply}; fi`,
          `until h=$(${hostnameOf(newName)}) && [ -n "$h" ]; do sleep 10; done; echo "$h"`,
          ...wafCommands,
          shellComment(`shift DNS for ${resourceKey(ref)} to the new hostname, wait for the TTL, watch errors`),
        ],
        manifests: manifest ? [{ file, object: manifest }] : [],
        effects: [
          ...(manifest ? [{ type: 'create-object' as const, object: kubeRef(kindOf, ns, newName), manifest: file }] : []),
          ...(waf ? [{ type: 'associate-web-acl' as const, object: kubeRef(kindOf, ns, newName), webAcl: `the WAFv2 copy of ${waf}` }] : []),
        ],
        verify: {
          command: sh`kubectl get ${kind} ${newName} -n ${ns} -o wide`,
          expect: `an address is assigned, targets are healthy${waf ? ', the WAFv2 web ACL that replaces ' + waf + ' is associated' : ''}, and DNS answers with the new hostname`,
        },
        rollback: {
          description:
            'Point DNS back at the old load balancer, which serves until its removal step (the same id with `retire-` in front), and wait for the TTL; only then delete the new one.',
          // A comment, not a command: pasted with the lines above it, a delete would run before DNS has moved back.
          commands: [shellComment(`once DNS answers with the old hostname again: ${deleteNew}`)],
        },
        namespaces: [ns],
      }),
    );
    steps.push(
      loadBalancerRemovalStep({
        kind,
        namespace: ns,
        name: ref.name,
        copy: manifest ? newName : null,
        findingId: finding.id,
        after: shiftId,
        saved: savedCopy ? { file: saved, object: savedCopy } : null,
        servicePorts: service?.spec.ports ?? [],
        serviceSpec: service?.spec,
        group: ingress ? ingressGroupOf(input.ctx.inventory, index, ingress) : null,
        waf,
      }),
    );
  }
  // Every copy and DNS shift first, then every removal (`retire-` sorts after `load-`): each names the other by id.
  return steps.sort((a, b) => (a.id < b.id ? -1 : 1));
}
