import { slug, type Step } from '@modeshift/plan';
import { profileSelects } from '../placement/fargate-profiles.js';
import { fargateSubnets, podExecutionRoleArn } from './stage-capacity.js';
import type { PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { sh } from '../util/shell.js';

/** The labels the eks-charts aws-load-balancer-controller chart puts on its pods (release name as installed by the plan). */
const CONTROLLER_LABELS = { 'app.kubernetes.io/name': 'aws-load-balancer-controller', 'app.kubernetes.io/instance': 'aws-load-balancer-controller' };
const PROFILE = 'aws-load-balancer-controller';
const CONTROLLER_WORKLOAD = 'Deployment/kube-system/aws-load-balancer-controller';

/**
 * The AWS Load Balancer Controller the plan installs first runs on Auto Mode nodes; disabling Auto Mode
 * terminates them (aws-facts §0.3) and would leave every load balancer unmanaged. A Fargate profile that
 * selects the controller moves it to Fargate before then. It comes after CoreDNS runs on Fargate, because
 * a pod on Fargate resolves the AWS endpoints the controller calls through CoreDNS.
 */
export function controllerOnFargateStep(input: PlanInput, controller: Step, after: string[]): Step | null {
  if (input.ctx.target !== 'fargate') return null;
  const c = input.cluster;
  const selected = input.ctx.inventory.fargateProfiles.some((p) => profileSelects(p, 'kube-system', CONTROLLER_LABELS));
  const subnets = fargateSubnets(input);
  const role = podExecutionRoleArn(input);
  const labels = { 'app.kubernetes.io/name': CONTROLLER_LABELS['app.kubernetes.io/name'] };
  return makeStep({
    id: `capacity/${slug(PROFILE)}-on-fargate`,
    title: 'Run the AWS Load Balancer Controller on Fargate',
    kind: 'fargate-profile',
    why: 'The controller the plan installed runs on Auto Mode nodes until a Fargate profile selects it; disabling Auto Mode terminates those nodes, and the load balancers it manages would be left without a controller.',
    findings: controller.findings,
    dependsOn: [...new Set([...after, controller.id])],
    commands: [
      ...(selected
        ? []
        : [
            sh`aws eks create-fargate-profile --cluster-name ${c} --fargate-profile-name ${PROFILE} --pod-execution-role-arn ${role} --subnets ${subnets} --selectors namespace=kube-system,labels={app.kubernetes.io/name=aws-load-balancer-controller}`,
            sh`aws eks wait fargate-profile-active --cluster-name ${c} --fargate-profile-name ${PROFILE}`,
          ]),
      'kubectl rollout restart deployment aws-load-balancer-controller -n kube-system',
      'kubectl rollout status deployment aws-load-balancer-controller -n kube-system --timeout=10m',
    ],
    effects: [
      ...(selected ? [] : [{ type: 'create-fargate-profile' as const, name: PROFILE, selectors: [{ namespace: 'kube-system', labels }] }]),
      { type: 'restart-workload', workload: CONTROLLER_WORKLOAD },
    ],
    infrastructure: selected
      ? []
      : [
          {
            kind: 'fargate-profile',
            request: { kind: 'fargate-profile', name: PROFILE, selectors: [{ namespace: 'kube-system', labels }] },
            subnets,
            podExecutionRoleArn: role,
          },
        ],
    verify: {
      command: 'kubectl get pods -n kube-system -l app.kubernetes.io/name=aws-load-balancer-controller -o wide',
      expect: 'every controller pod Running on a node named fargate-ip-…',
    },
    rollback: {
      description: 'Delete the profile and restart the controller; its pods return to Auto Mode nodes while they exist.',
      commands: selected
        ? []
        : [
            sh`aws eks delete-fargate-profile --cluster-name ${c} --fargate-profile-name ${PROFILE}`,
            'kubectl rollout restart deployment aws-load-balancer-controller -n kube-system',
          ],
    },
  });
}
