import type { Workload } from '../inventory/types.js';
import type { StringMap } from '../kube.js';
import type { Effect } from '@modeshift/plan';
import type { Impact } from './apply.js';
import type { ClusterModel } from './model.js';

const LBC_CONTROLLER = 'ingress.k8s.aws/alb';

/** The Deployment an installed controller runs as: a workload of its own, scheduled like any other. */
function addonWorkload(namespace: string, name: string, labels: StringMap, serviceAccount: string): Workload {
  return {
    key: `Deployment/${namespace}/${name}`,
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, namespace, labels, annotations: {} },
    replicas: 2,
    template: { metadata: { labels, annotations: {} }, spec: { containers: [{ name }], serviceAccountName: serviceAccount } },
    volumeClaimTemplates: [],
    nodeName: null,
    finished: null,
    origin: { file: 'plan', line: 0 },
  };
}

/** Installs an add-on in the model: the load balancer controller becomes a workload that needs capacity like any other. */
export function installAddon(model: ClusterModel, effect: Extract<Effect, { type: 'install-addon' }>, impact: Impact): void {
  if (effect.addon !== 'aws-load-balancer-controller' || effect.runs.on !== 'deployment') return;
  // The chart creates its IngressClass (`alb` unless the install names another); Helm refuses one that exists.
  const className = effect.ingressClass ?? 'alb';
  const taken = model.ingressClasses.get(className);
  if (taken && taken.controller !== LBC_CONTROLLER) {
    impact.direct.push({
      invariant: 'load-balancers',
      resource: `IngressClass/${className}`,
      breaks: `installing the AWS Load Balancer Controller fails: the chart creates IngressClass ${className}, which already exists for another controller`,
      because: `IngressClass ${className} belongs to ${taken.controller}; install the controller with an IngressClass of its own`,
    });
    return;
  }
  const { namespace, name, labels, serviceAccount } = effect.runs;
  const key = `Deployment/${namespace}/${name}`;
  if (!model.workloads.has(key)) {
    const workload = addonWorkload(namespace, name, labels, serviceAccount);
    model.addWorkload({
      key,
      workload,
      replicas: 2,
      deleted: false,
      initial: { type: 'pending', reason: 'not installed before the plan' },
      now: { type: 'pending', reason: 'not scheduled yet' },
      baseline: { groups: [], credentials: false, logs: [] },
    });
  }
  model.lbc.add(key);
  impact.workloads.add(key);
  impact.loadBalancers = true;
  if (!model.ingressClasses.has(className)) model.ingressClasses.set(className, { controller: LBC_CONTROLLER, params: null });
}
