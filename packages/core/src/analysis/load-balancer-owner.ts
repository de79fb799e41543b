// Who serves an Ingress's or a Service's load balancer, decided from evidence: the IngressClass and its
// controller, `ingressClassName` or the legacy annotation, `loadBalancerClass`, the cluster's Auto Mode
// load balancing setting, and whether the AWS Load Balancer Controller runs. Load balancers cannot be
// handed over between controllers (aws-facts §0.10), so a wrong guess either deletes a live load balancer
// with Auto Mode or leaves one behind; where the evidence does not decide, every candidate is named and
// the plan provides for each.
import type { Inventory, Workload } from '../inventory/types.js';
import type { IngressSpec, ServiceSpec, StringMap } from '../kube.js';
import type { RuleContext } from '../rules/engine/types.js';
import { remembered } from '../util/memo.js';

export type LoadBalancerOwner = 'auto-mode' | 'load-balancer-controller' | 'in-tree' | 'other' | 'nobody';

export interface Ownership {
  /** One owner when the evidence decides; the candidates, in that order, when it does not. */
  owners: LoadBalancerOwner[];
  /** What decided it, or what is missing: for messages. */
  evidence: string;
  /** What to run to decide it by hand; null when the evidence decided. */
  check: string | null;
  /** For `other`: the controller or class that serves it. */
  controller?: string;
}

/** What the inventory (or the simulator's model of it) says about load balancing in the cluster. */
export interface LoadBalancingFacts {
  ingressClass(name: string): { controller: string } | undefined;
  defaultIngressClass(): { name: string; controller: string } | undefined;
  /** Auto Mode provisions load balancers (describe-cluster: enabled with elasticLoadBalancing); null: not shown. */
  autoModeLoadBalancing: boolean | null;
  /** The AWS Load Balancer Controller runs: true when its Deployment is in the inventory; null: not shown. */
  controllerRunning: boolean | null;
  /** Whether an IngressClass the inventory lacks may still exist: not when IngressClasses were read from the cluster. */
  classMayExist(name: string): boolean;
}

export const AUTO_MODE_ALB = 'eks.amazonaws.com/alb';
export const CONTROLLER_ALB = 'ingress.k8s.aws/alb';
export const AUTO_MODE_NLB = 'eks.amazonaws.com/nlb';
export const CONTROLLER_NLB = 'service.k8s.aws/nlb';
const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

const decided = (owner: LoadBalancerOwner, evidence: string, controller?: string): Ownership => ({
  owners: [owner],
  evidence,
  check: null,
  ...(controller !== undefined ? { controller } : {}),
});

function byController(controller: string, evidence: string): Ownership {
  if (controller === AUTO_MODE_ALB) return decided('auto-mode', evidence);
  if (controller === CONTROLLER_ALB) return decided('load-balancer-controller', evidence);
  return decided('other', evidence, controller);
}

const CLUSTER_CHECK = 'aws eks describe-cluster --name <cluster-name> --query cluster.kubernetesNetworkConfig.elasticLoadBalancing';
const CONTROLLER_CHECK = 'kubectl get deployments -A -l app.kubernetes.io/name=aws-load-balancer-controller';

/**
 * Auto Mode, the controller or the fallback (the in-tree provider for a Service, nobody for an Ingress),
 * from the cluster's side: what serves an ALB or NLB whose object does not name its controller. What the
 * inventory shows decides; what it does not show stays a candidate.
 */
function awsSide(facts: LoadBalancingFacts, objectCheck: string, what: string, fallback: 'in-tree' | 'nobody'): Ownership {
  const auto = facts.autoModeLoadBalancing;
  const lbc = facts.controllerRunning;
  if (auto === true && lbc !== true) return decided('auto-mode', `${what}; Auto Mode's load balancing is enabled and no AWS Load Balancer Controller runs`);
  if (lbc === true && auto !== true)
    return decided('load-balancer-controller', `${what}; the AWS Load Balancer Controller runs and Auto Mode's load balancing is not enabled`);
  if (auto === false && lbc === false) return decided(fallback, `${what}; neither Auto Mode's load balancing nor the AWS Load Balancer Controller is there`);
  const owners: LoadBalancerOwner[] = [
    ...(auto !== false ? ['auto-mode' as const] : []),
    ...(lbc !== false ? ['load-balancer-controller' as const] : []),
    ...(auto !== true && lbc !== true ? [fallback] : []),
  ];
  const autoShown =
    auto === null
      ? "the inventory does not show whether Auto Mode's load balancing is enabled"
      : auto
        ? "Auto Mode's load balancing is enabled"
        : "Auto Mode's load balancing is off";
  const lbcShown =
    lbc === null
      ? auto === null
        ? 'nor whether the AWS Load Balancer Controller runs'
        : 'and it does not show whether the AWS Load Balancer Controller runs'
      : lbc
        ? 'and the AWS Load Balancer Controller runs'
        : 'and no AWS Load Balancer Controller runs';
  return {
    owners,
    evidence: `${what}; ${autoShown}, ${lbcShown}`,
    check: [objectCheck, ...(auto === null ? [CLUSTER_CHECK] : []), ...(lbc === null ? [CONTROLLER_CHECK] : [])].join('; '),
  };
}

const isAlbAnnotated = (annotations: StringMap) => Object.keys(annotations).some((k) => k.startsWith('alb.ingress.kubernetes.io/'));

/** The owner of an Ingress's ALB. */
export function ingressOwner(
  facts: LoadBalancingFacts,
  ingress: { metadata: { name: string; namespace: string; annotations: StringMap }; spec: IngressSpec },
): Ownership {
  const { name, namespace, annotations } = ingress.metadata;
  const className = ingress.spec.ingressClassName;
  const objectCheck = `kubectl get ingressclass -o custom-columns=NAME:.metadata.name,CONTROLLER:.spec.controller,DEFAULT:.metadata.annotations`;
  if (className !== undefined) {
    const cls = facts.ingressClass(className);
    if (cls) return byController(cls.controller, `IngressClass ${className} (controller ${cls.controller})`);
    if (!facts.classMayExist(className)) return decided('nobody', `IngressClass ${className} does not exist`);
    if (className !== 'alb' && !isAlbAnnotated(annotations))
      return decided('other', `ingressClassName ${className}, a class the inventory does not show`, `IngressClass ${className}`);
    return awsSide(facts, objectCheck, `ingressClassName ${className}, a class the inventory does not show`, 'nobody');
  }
  const legacy = annotations[LEGACY_CLASS_ANNOTATION];
  if (legacy !== undefined) {
    // Auto Mode does not read the annotation (aws-facts §4.7); the controller reads it for its own class name.
    if (legacy === 'alb' || facts.ingressClass(legacy)?.controller === CONTROLLER_ALB)
      return decided(
        'load-balancer-controller',
        `the legacy annotation ${LEGACY_CLASS_ANNOTATION}: ${legacy}, which only the AWS Load Balancer Controller reads`,
      );
    return decided('other', `the legacy annotation ${LEGACY_CLASS_ANNOTATION}: ${legacy}`, legacy);
  }
  const byDefault = facts.defaultIngressClass();
  if (byDefault) return byController(byDefault.controller, `the default IngressClass ${byDefault.name} (controller ${byDefault.controller})`);
  if (!facts.classMayExist('') || !isAlbAnnotated(annotations))
    return decided('nobody', `Ingress ${namespace}/${name} names no IngressClass and the cluster has no default one`);
  return awsSide(facts, objectCheck, 'no IngressClass named and no default IngressClass in the inventory', 'nobody');
}

/** The owner of a Service's load balancer; null for a Service without one. */
export function serviceOwner(
  facts: LoadBalancingFacts,
  service: { metadata: { name: string; namespace: string; annotations: StringMap }; spec: ServiceSpec },
): Ownership | null {
  if (service.spec.type !== 'LoadBalancer') return null;
  const cls = service.spec.loadBalancerClass;
  if (cls === AUTO_MODE_NLB) return decided('auto-mode', `loadBalancerClass ${cls}`);
  if (cls === CONTROLLER_NLB) return decided('load-balancer-controller', `loadBalancerClass ${cls}`);
  if (cls !== undefined) return decided('other', `loadBalancerClass ${cls}`, cls);
  const type = service.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-type'];
  if (type === 'external' || type === 'nlb-ip')
    return decided(
      'load-balancer-controller',
      `the annotation service.beta.kubernetes.io/aws-load-balancer-type: ${type}, which the AWS Load Balancer Controller serves`,
    );
  // Without a class, the default provider serves it: Auto Mode's NLB when its load balancing is on (it is then the
  // cluster default), the controller when it runs, else the in-tree cloud provider.
  const { name, namespace } = service.metadata;
  return awsSide(facts, `kubectl get service ${name} -n ${namespace} -o jsonpath='{.spec.loadBalancerClass}'`, 'no loadBalancerClass', 'in-tree');
}

/** "Auto Mode or the AWS Load Balancer Controller", for messages. */
export function describeOwners(ownership: Ownership): string {
  const names: Record<LoadBalancerOwner, string> = {
    'auto-mode': 'Auto Mode',
    'load-balancer-controller': 'the AWS Load Balancer Controller',
    'in-tree': "Kubernetes' in-tree AWS cloud provider",
    other: ownership.controller ?? 'another controller',
    nobody: 'no controller',
  };
  const all = ownership.owners.map((o) => names[o]);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]!}`;
}

export const mayBe = (ownership: Ownership | null, owner: LoadBalancerOwner): boolean => ownership?.owners.includes(owner) ?? false;

const LBC_NAME = 'aws-load-balancer-controller';

/** The AWS Load Balancer Controller's Deployment, by the name and label its Helm chart gives it. */
export const isLoadBalancerController = (w: Workload): boolean =>
  w.kind === 'Deployment' && (w.metadata.name === LBC_NAME || w.template.metadata.labels['app.kubernetes.io/name'] === LBC_NAME);

/** A kind the inventory was read for: collected, and not refused. */
const read = (inventory: Inventory, kind: string): boolean => inventory.collectedAt !== null && !inventory.notCollected.some((e) => e.kind === kind);

/** Whether Auto Mode provisions load balancers, as the inventory shows it (AWS enables all three capabilities in one call). */
export function autoModeLoadBalancingShown(inventory: Inventory): boolean | null {
  const cluster = inventory.cluster;
  if (cluster) return cluster.autoMode.enabled && cluster.autoMode.elasticLoadBalancing;
  const autoObjects =
    inventory.nodePools.some((p) => p.spec.template?.spec?.nodeClassRef?.group === 'eks.amazonaws.com') ||
    inventory.nodes.some((n) => n.labels['eks.amazonaws.com/compute-type'] === 'auto');
  return autoObjects ? true : null;
}

const factsCache = new WeakMap<object, LoadBalancingFacts>();

/** The facts the inventory shows, for the rules. */
export function inventoryFacts(ctx: RuleContext): LoadBalancingFacts {
  return remembered(factsCache, ctx.index, () => {
    const inventory = ctx.inventory;
    const running = inventory.workloads.some(isLoadBalancerController);
    const classesRead = read(inventory, 'IngressClass');
    return {
      ingressClass: (name) => {
        const cls = ctx.index.ingressClass(name);
        return cls ? { controller: cls.spec.controller ?? '' } : undefined;
      },
      defaultIngressClass: () => {
        const cls = ctx.index.defaultIngressClass();
        return cls ? { name: cls.metadata.name, controller: cls.spec.controller ?? '' } : undefined;
      },
      autoModeLoadBalancing: autoModeLoadBalancingShown(inventory),
      controllerRunning: running ? true : read(inventory, 'Deployment') ? false : null,
      classMayExist: () => !classesRead,
    };
  });
}
