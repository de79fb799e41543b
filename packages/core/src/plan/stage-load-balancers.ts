import type { Step } from '@modeshift/plan';
import { LOAD_BALANCER_CONTROLLER as LBC } from '../rules/load-balancer/facts.js';
import { annotationsFromAutoModeParams } from './manifests/index.js';
import type { IngressSpec, ServiceSpec, StringMap } from '../kube.js';
import type { Namespaced } from '../inventory/types.js';
import { ids, withAction, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { sh, shellComment } from '../util/shell.js';

type ServicePort = NonNullable<ServiceSpec['ports']>[number];

/** The labels the controller's Helm chart gives its pods: what a Fargate profile must select to run it. */
const LBC_POD_LABELS = { 'app.kubernetes.io/instance': 'aws-load-balancer-controller', 'app.kubernetes.io/name': 'aws-load-balancer-controller' };

/** The AWS Load Balancer Controller's IngressClass: the one the Ingress copies use, else `alb` unless taken. */
function controllerIngressClass(input: PlanInput): string {
  for (const { action } of withAction(input, 'load-balancer')) if (action.change.kind === 'ingress-blue-green') return action.change.ingressClass;
  return input.ctx.index.ingressClass(LBC.ingressClass) ? LBC.ingressClassFallback : LBC.ingressClass;
}

/**
 * Settings an Auto Mode IngressClassParams gave the Ingress, as the controller's annotations for its copy: the
 * copy's class has empty params, and the controller defaults to an internal scheme.
 */
export function autoModeClassAnnotations(input: PlanInput, ingress: Namespaced<IngressSpec>): { annotations: StringMap; notCarried: string[] } {
  const index = input.ctx.index;
  const cls = ingress.spec.ingressClassName !== undefined ? index.ingressClass(ingress.spec.ingressClassName) : index.defaultIngressClass();
  const ref = cls?.spec.parameters;
  if (!ref || ref.kind !== 'IngressClassParams' || ref.apiGroup !== 'eks.amazonaws.com') return { annotations: {}, notCarried: [] };
  const params = input.ctx.inventory.ingressClassParams.find((p) => p.apiVersion.startsWith('eks.amazonaws.com/') && p.metadata.name === ref.name);
  return params ? annotationsFromAutoModeParams(params.spec) : { annotations: {}, notCarried: [] };
}

export function loadBalancerControllerStep(input: PlanInput): Step | null {
  const items = withAction(input, 'load-balancer').filter((x) => x.action.change.kind === 'install-load-balancer-controller');
  if (items.length === 0) return null;
  const c = input.cluster;
  // The chart creates IngressClass `alb` by default, which Auto Mode's class may already hold: the install would
  // fail on the existing object. The controller gets an IngressClass of its own, the one the copies name.
  const ingressClass = controllerIngressClass(input);
  return makeStep({
    id: 'prerequisites/aws-load-balancer-controller',
    title: 'Install the AWS Load Balancer Controller',
    kind: 'install-addon',
    why: `Disabling Auto Mode deletes the load balancers it created; Fargate pods are reached through the AWS Load Balancer Controller's IP targets instead. It serves IngressClass ${ingressClass}, which the chart creates, so it never competes for Auto Mode's.`,
    findings: ids(items),
    commands: [
      '# create the controller IAM role (policy from the controller documentation) and its service account aws-load-balancer-controller in kube-system, annotated with the role, first',
      'helm repo add eks https://aws.github.io/eks-charts',
      // Without its service account no controller pod starts, and the chart's webhooks (failurePolicy Fail) would then
      // refuse every new Service and Ingress in the cluster: installed only once the account names its role.
      `if [ -z "$(${sh`kubectl get serviceaccount aws-load-balancer-controller -n kube-system -o jsonpath='{.metadata.annotations.eks\\.amazonaws\\.com/role-arn}'`})" ]; then echo "kube-system/aws-load-balancer-controller: no service account with an IAM role yet (see the line above): nothing installed" >&2; false; else ${sh`helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=${c} --set serviceAccount.create=false --set serviceAccount.name=aws-load-balancer-controller --set region=${input.region} --set vpcId=${input.ctx.inventory.cluster?.vpcId ?? '<vpc-id>'} --set ingressClass=${ingressClass} --set createIngressClassResource=true --set ingressClassConfig.default=false`}; fi`,
      // Its webhooks answer only once it runs: anything applied before that is refused.
      'kubectl rollout status deployment aws-load-balancer-controller -n kube-system --timeout=5m',
      sh`kubectl get ingressclass ${ingressClass} -o jsonpath='{.spec.controller}'`,
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
        ingressClass,
      },
    ],
    verify: {
      command: 'kubectl get deployment aws-load-balancer-controller -n kube-system',
      expect: `READY 2/2, and IngressClass ${ingressClass} has controller ${LBC.ingressController}`,
    },
    rollback: {
      description: 'Uninstall the controller (only while it owns no load balancer).',
      commands: ['helm uninstall aws-load-balancer-controller -n kube-system'],
    },
  });
}

// WAF Classic annotations of the AWS Load Balancer Controller. Auto Mode supports neither and points to WAFv2
// (aws-facts §4.7, [UG-alb] auto-configure-alb); a Classic web ACL cannot be attached to a new ALB by WAFv2.
const WAF_CLASSIC_ANNOTATIONS = ['alb.ingress.kubernetes.io/waf-acl-id', 'alb.ingress.kubernetes.io/web-acl-id'];

export function wafClassicAcl(input: PlanInput, namespace: string, name: string): string | undefined {
  if (input.ctx.target !== 'auto-mode') return undefined;
  const annotations = input.ctx.index.ingress(namespace, name)?.metadata.annotations ?? {};
  return WAF_CLASSIC_ANNOTATIONS.map((k) => annotations[k]).find((v) => v !== undefined && v.trim() !== '');
}

export const WAFV2_STEP_ID = 'prerequisites/wafv2-web-acls';

/**
 * WAF Classic web ACLs of Ingresses that move to Auto Mode, re-created in WAFv2 before any new ALB exists: the
 * copy's ALB must be protected before it takes traffic, and AWS WAF Classic's migration builds the WAFv2 web ACL
 * as a CloudFormation stack.
 */
export function wafv2MigrationStep(input: PlanInput): Step | null {
  const items = withAction(input, 'load-balancer').filter(
    (x) =>
      x.action.change.kind === 'ingress-blue-green' &&
      x.finding.resource?.namespace &&
      wafClassicAcl(input, x.finding.resource.namespace, x.finding.resource.name),
  );
  if (items.length === 0) return null;
  const acls = [...new Set(items.map((x) => wafClassicAcl(input, x.finding.resource!.namespace!, x.finding.resource!.name)!))].sort();
  return makeStep({
    id: WAFV2_STEP_ID,
    title: `Re-create WAF Classic web ACL${acls.length > 1 ? 's' : ''} ${acls.join(', ')} in WAFv2`,
    kind: 'install-addon',
    why: 'Auto Mode ALBs cannot use WAF Classic (alb.ingress.kubernetes.io/waf-acl-id); an internet-facing ALB must not take traffic unprotected, so the WAFv2 web ACL exists before the new ALB does and is associated before DNS moves.',
    findings: ids(items),
    commands: acls.flatMap((acl) => [
      sh`aws waf-regional create-web-acl-migration-stack --web-acl-id ${acl} --s3-bucket-name <migration-bucket> --ignore-unsupported-type`,
      shellComment(
        `deploy the CloudFormation template it writes (aws cloudformation create-stack --template-url <s3-object-url>), then note the new WAFv2 web ACL ARN; rules it could not migrate are listed in the template`,
      ),
    ]),
    effects: acls.map((acl) => ({ type: 'migrate-web-acl', classicWebAcl: acl })),
    verify: { command: 'aws wafv2 list-web-acls --scope REGIONAL', expect: `a WAFv2 web ACL for each of ${acls.join(', ')}` },
    rollback: {
      description: 'Delete the CloudFormation stack; the WAF Classic web ACL is untouched.',
      commands: ['aws cloudformation delete-stack --stack-name <migration-stack>'],
    },
  });
}

/**
 * The old Service stays, as type ClusterIP: deleting it would also delete its ClusterIP and cluster DNS name,
 * which Ingress backends, other workloads and the blue/green copy's own clients may still use. Only its load
 * balancer goes. Every field valid only on LoadBalancer or NodePort Services is cleared in the same strategic
 * merge patch (ports merge by port and protocol), so the update validates without relying on the API server
 * to drop them.
 */
export function retireServiceLoadBalancer(name: string, namespace: string, ports: readonly ServicePort[]): string {
  const patch = JSON.stringify({
    spec: {
      type: 'ClusterIP',
      allocateLoadBalancerNodePorts: null,
      externalTrafficPolicy: null,
      healthCheckNodePort: null,
      loadBalancerClass: null,
      loadBalancerSourceRanges: null,
      ...(ports.some((p) => p.nodePort !== undefined)
        ? { ports: ports.filter((p) => p.nodePort !== undefined).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP', nodePort: null })) }
        : {}),
    },
  });
  return sh`kubectl patch service ${name} -n ${namespace} -p ${patch}`;
}

/** The fields the retirement clears that the Service's owner set; node ports are allocated afresh. */
const RESTORED_FIELDS = ['allocateLoadBalancerNodePorts', 'externalTrafficPolicy', 'loadBalancerClass', 'loadBalancerSourceRanges'] as const;

/**
 * The rollback's way back once the retirement ran: the same Service a LoadBalancer again, with what the
 * retirement cleared. Its controller then creates a load balancer (with a new hostname). Run only when the
 * Service is no longer a LoadBalancer, so a rollback before the retirement changes nothing.
 */
export function restoreServiceLoadBalancer(name: string, namespace: string, spec: ServiceSpec | undefined): string {
  const restored: Record<string, unknown> = { type: 'LoadBalancer' };
  for (const field of RESTORED_FIELDS) if (spec?.[field] !== undefined) restored[field] = spec[field];
  const check = sh`kubectl get service ${name} -n ${namespace} -o jsonpath='{.spec.type}'`;
  return `${check} | grep -qx LoadBalancer || ${sh`kubectl patch service ${name} -n ${namespace} -p ${JSON.stringify({ spec: restored })}`}`;
}
