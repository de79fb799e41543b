import { type LoadBalancerChange, slug, type Step } from '@modeshift/plan';
import { resourceKey } from '../rules/engine/run.js';
import { blueGreenIngress, blueGreenName, blueGreenService } from './manifests/index.js';
import { kubeRef } from '@modeshift/plan';
import { ids, withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { sh, shellComment } from '../util/shell.js';

/** The labels the controller's Helm chart gives its pods: what a Fargate profile must select to run it. */
const LBC_POD_LABELS = { 'app.kubernetes.io/instance': 'aws-load-balancer-controller', 'app.kubernetes.io/name': 'aws-load-balancer-controller' };

export function loadBalancerControllerStep(input: PlanInput): Step | null {
  const items = withAction(input, 'load-balancer').filter((x) => x.action.change.kind === 'install-load-balancer-controller');
  if (items.length === 0) return null;
  const c = input.cluster;
  return makeStep({
    id: 'prerequisites/aws-load-balancer-controller',
    title: 'Install the AWS Load Balancer Controller',
    kind: 'install-addon',
    why: "Disabling Auto Mode deletes the load balancers it created; Fargate pods are reached through the AWS Load Balancer Controller's IP targets instead.",
    findings: ids(items),
    commands: [
      '# create the controller IAM role (policy from the controller documentation) and its service account first',
      'helm repo add eks https://aws.github.io/eks-charts',
      sh`helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=${c} --set serviceAccount.create=false --set serviceAccount.name=aws-load-balancer-controller --set region=${input.region} --set vpcId=${input.ctx.inventory.cluster?.vpcId ?? '<vpc-id>'}`,
    ],
    effects: [
      {
        type: 'install-addon',
        addon: 'aws-load-balancer-controller',
        runs: {
          on: 'deployment',
          namespace: 'kube-system',
          name: 'aws-load-balancer-controller',
          labels: LBC_POD_LABELS,
          serviceAccount: 'aws-load-balancer-controller',
        },
        identity: { via: 'irsa', serviceAccount: 'kube-system/aws-load-balancer-controller', role: '<aws-load-balancer-controller-role>' },
      },
    ],
    verify: { command: 'kubectl get deployment aws-load-balancer-controller -n kube-system', expect: 'READY 2/2' },
    rollback: {
      description: 'Uninstall the controller (only while it owns no load balancer).',
      commands: ['helm uninstall aws-load-balancer-controller -n kube-system'],
    },
  });
}

/** One blue/green step per load balancer: a new one beside the old, DNS shifted, the old one deleted. */
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
    let manifest: Record<string, unknown> | null = null;
    if (change.kind === 'ingress-blue-green') {
      const ingress = index.ingress(ns, ref.name);
      if (ingress) manifest = blueGreenIngress(ingress, { ingressClassName: change.ingressClass, suffix, dropAnnotations: change.unsupportedAnnotations });
    } else {
      const service = index.service(ns, ref.name);
      if (service)
        manifest = blueGreenService(service, {
          loadBalancerClass: change.loadBalancerClass ?? 'service.k8s.aws/nlb',
          suffix,
          dropAnnotations: change.unsupportedAnnotations,
        });
    }
    const file = `${kind}-${slug(ns)}-${slug(newName)}.yaml`;
    const kindOf = kind === 'ingress' ? 'Ingress' : 'Service';
    const wave = waveOf(ns);
    steps.push(
      makeStep({
        id: `waves/load-balancer-${kind}-${slug(ns)}-${slug(ref.name)}`,
        title: `Blue/green the load balancer of ${ref.kind} ${ns}/${ref.name}`,
        kind: 'load-balancer',
        why: `Load balancers cannot be handed over between controllers; a new one is created beside the old one and traffic moves by DNS.${change.unsupportedAnnotations.length ? ` Annotations not carried over: ${change.unsupportedAnnotations.join(', ')}.` : ''}`,
        findings: [finding.id],
        dependsOn: wave ? [wave] : after,
        commands: [
          sh`kubectl apply -f ${file}`,
          sh`kubectl get ${kind} ${newName} -n ${ns} -o jsonpath='{.status.loadBalancer.ingress[0].hostname}'`,
          shellComment(
            `shift DNS for ${resourceKey(ref)} to the new hostname (e.g. Route 53 weighted records 90/10 → 0/100), wait for the TTL, watch errors; if external-dns manages these hosts, exclude the copy from it until the shift`,
          ),
          sh`kubectl delete ${kind} ${ref.name} -n ${ns}`,
        ],
        manifests: manifest ? [{ file, object: manifest }] : [],
        effects: [
          ...(manifest ? [{ type: 'create-object' as const, object: kubeRef(kindOf, ns, newName), manifest: file }] : []),
          { type: 'delete-object', object: kubeRef(kindOf, ns, ref.name), replacedBy: manifest ? kubeRef(kindOf, ns, newName) : null },
        ],
        verify: {
          command: sh`kubectl get ${kind} ${newName} -n ${ns} -o wide`,
          expect: 'an address is assigned, targets are healthy, and DNS answers with the new hostname',
        },
        rollback: {
          description: 'Point DNS back at the old load balancer (it is deleted only in the last command), then delete the new one.',
          commands: [sh`kubectl delete ${kind} ${newName} -n ${ns}`],
        },
        namespaces: [ns],
      }),
    );
  }
  return steps.sort((a, b) => (a.id < b.id ? -1 : 1));
}
