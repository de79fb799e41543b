import { type LoadBalancerChange, kubeRef, slug, type Step } from '@modeshift/plan';
import { resourceKey } from '../rules/engine/run.js';
import { blueGreenIngress, blueGreenName, blueGreenService, savedIngress } from './manifests/index.js';
import { withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { ALB_ANNOTATIONS, ingressGroupOf } from '../analysis/alb-groups.js';
import { INGRESS_SCHEME_ANNOTATION, ingressScheme, SERVICE_SCHEME_ANNOTATION, servedInTree, serviceScheme } from '../analysis/load-balancer-scheme.js';
import { autoModeLoadBalancing } from '../analysis/auto-mode-enabled.js';
import { sh, shellComment } from '../util/shell.js';
import { autoModeClassAnnotations, restoreServiceLoadBalancer, retireServiceLoadBalancer, wafClassicAcl, WAFV2_STEP_ID } from './stage-load-balancers.js';

/** Where the old object's clients inside the cluster would name its load balancer's hostname. */
const CLIENT_KINDS = 'deployments,statefulsets,daemonsets,cronjobs,configmaps';

/**
 * Two steps per load balancer. The first creates a new one beside the old and ends with the DNS shift, a
 * manual act; the second removes the old one. They are apart so that the removal is never run straight
 * after the instruction to shift DNS (a step's commands are often pasted as one block): the operator
 * marks the shift done, and its check (DNS answers with the new hostname) passed, before the removal
 * is shown. The removal itself runs only when nothing in the cluster still names the old hostname.
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
    const deleteNew = sh`kubectl delete ${kind} ${newName} -n ${ns}`;
    steps.push(
      makeStep({
        id: shiftId,
        title: `Blue/green the load balancer of ${ref.kind} ${ns}/${ref.name}: a new one, then DNS`,
        kind: 'load-balancer',
        why: `Load balancers cannot be handed over between controllers; a new one is created beside the old one and traffic moves by DNS (Route 53 weighted records, e.g. 90/10 then 0/100; if external-dns manages the hosts, keep the copy out of it until the shift). The old one is removed in the next step, once DNS answers with the new hostname.${change.unsupportedAnnotations.length ? ` Annotations not carried over: ${change.unsupportedAnnotations.join(', ')}.` : ''}${orderDropped ? ` ${ALB_ANNOTATIONS.groupOrder} is left off the copy: it orders the rules of an IngressGroup's Ingresses, and this Ingress belongs to no group.` : ''}${notCarried.length ? ` IngressClassParams fields with no annotation for the AWS Load Balancer Controller, set them by hand: ${notCarried.join(', ')}.` : ''}`,
        findings: [finding.id],
        dependsOn: [...(wave ? [wave] : after), ...(waf ? [WAFV2_STEP_ID] : [])],
        commands: [
          sh`kubectl apply -f ${file}`,
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
          description: 'Point DNS back at the old load balancer, which still serves until the next step, and wait for the TTL; only then delete the new one.',
          // A comment, not a command: pasted with the lines above it, a delete would run before DNS has moved back.
          commands: [shellComment(`once DNS answers with the old hostname again: ${deleteNew}`)],
        },
        namespaces: [ns],
      }),
    );
    const retire = kind === 'ingress' ? sh`kubectl delete ingress ${ref.name} -n ${ns}` : retireServiceLoadBalancer(ref.name, ns, service?.spec.ports ?? []);
    steps.push(
      makeStep({
        id: `waves/retire-load-balancer-${kind}-${slug(ns)}-${slug(ref.name)}`,
        title: `Remove the old load balancer of ${ref.kind} ${ns}/${ref.name}`,
        kind: 'retire-load-balancer',
        why: `DNS answers with the new load balancer's hostname (the step before); the old one now serves only clients that call its own hostname, and they stop working when it goes. The removal runs only when nothing in the cluster names that hostname any more; clients outside the cluster that call it are not seen: its traffic (CloudWatch RequestCount for an ALB, ActiveFlowCount for an NLB) should have fallen to nothing. An Ingress is deleted; a Service stays, as type ClusterIP, since its ClusterIP and cluster DNS name are still used.`,
        findings: [finding.id],
        dependsOn: [shiftId],
        commands: [
          `old_lb=$(${hostnameOf(ref.name)})`,
          `if [ -n "$old_lb" ] && ${sh`kubectl get ${CLIENT_KINDS} -A -o yaml`} | grep -nF "$old_lb"; then echo "the lines above still name $old_lb: point them at the new hostname, then run this step again" >&2; else ${retire}; fi`,
        ],
        // Saved for the rollback only (export and Markdown say so): applying it with the step would undo it.
        manifests: savedCopy ? [{ file: saved, object: savedCopy }] : [],
        effects: [
          kind === 'ingress'
            ? { type: 'delete-object' as const, object: kubeRef(kindOf, ns, ref.name), replacedBy: manifest ? kubeRef(kindOf, ns, newName) : null }
            : { type: 'retire-load-balancer' as const, service: kubeRef(kindOf, ns, ref.name), replacedBy: manifest ? kubeRef(kindOf, ns, newName) : null },
        ],
        verify:
          kind === 'ingress'
            ? {
                command: sh`kubectl get ingress ${ref.name} -n ${ns} --ignore-not-found -o name`,
                expect: 'nothing: the old Ingress and its load balancer are gone',
              }
            : {
                command: sh`kubectl get service ${ref.name} -n ${ns} -o jsonpath='{.spec.type}'`,
                expect: 'ClusterIP: the old load balancer is gone, the Service stays',
              },
        rollback: {
          // The same words for every load balancer, so that a large plan's Markdown says them once.
          description:
            'Bring the old load balancer back, only when it is gone: the Ingress re-created from the copy saved with the step, or the Service made a LoadBalancer again as it was. It then has a new hostname: point DNS at it before rolling back the step before.',
          commands: [
            ...(kind === 'ingress'
              ? [
                  // An Ingress still being deleted (its controller's finalizer) answers `get`; it is waited out, then re-created.
                  `[ -z "$(${sh`kubectl get ingress ${ref.name} -n ${ns} -o jsonpath='{.metadata.deletionTimestamp}'`} 2>/dev/null)" ] || ${sh`kubectl wait --for=delete ingress/${ref.name} -n ${ns} --timeout=10m`}`,
                  `${sh`kubectl get ingress ${ref.name} -n ${ns} -o name`} >/dev/null 2>&1 || ${sh`kubectl apply -f ${saved}`}`,
                ]
              : [restoreServiceLoadBalancer(ref.name, ns, service?.spec)]),
            `until h=$(${hostnameOf(ref.name)}) && [ -n "$h" ]; do sleep 10; done; echo "$h"`,
            ...(waf
              ? [
                  shellComment(
                    `a re-created ALB has no WAFv2 web ACL: associate the one that replaces ${waf} with it (as the step before did for the copy) before DNS moves back`,
                  ),
                ]
              : []),
            shellComment('point DNS back at that hostname and wait for the TTL; then roll back the step before, which deletes the new load balancer'),
          ],
        },
        namespaces: [ns],
      }),
    );
  }
  return steps.sort((a, b) => (a.id < b.id ? -1 : 1));
}
