// Small builders for tests: an inventory or workload with only the fields a test cares about, and the
// one way rule tests run a rule. Kubernetes and AWS objects are in kube-objects.ts and aws-objects.ts.
import type { Mode } from '@modeshift/plan';
import type { Cluster, FargateProfile, Inventory, Workload, WorkloadKind } from '../inventory/types.js';
import { emptyInventory } from '../inventory/types.js';
import type { Finding } from '@modeshift/plan';
import type { Container, PodSpec, StringMap } from '../kube.js';
import { aNodegroup } from './aws-objects.js';
import { buildContext, runRules } from '../rules/engine/run.js';
import type { Rule, RuleContext } from '../rules/engine/types.js';

const origin = { file: 'test.yaml', line: 1 };

export interface WorkloadOptions {
  kind?: WorkloadKind;
  namespace?: string;
  name?: string;
  replicas?: number | null;
  labels?: StringMap;
  annotations?: StringMap;
  podLabels?: StringMap;
  podAnnotations?: StringMap;
  containers?: Container[];
  spec?: Partial<PodSpec>;
  nodeName?: string;
  finished?: Workload['finished'];
}

export function aWorkload(options: WorkloadOptions = {}): Workload {
  const kind = options.kind ?? 'Deployment';
  const namespace = options.namespace ?? 'shop';
  const name = options.name ?? 'web';
  const podLabels = options.podLabels ?? { app: name };
  const replicas = options.replicas !== undefined ? options.replicas : kind === 'DaemonSet' || kind === 'Job' || kind === 'CronJob' ? null : 2;
  return {
    key: `${kind}/${namespace}/${name}`,
    kind,
    apiVersion: kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1',
    metadata: { name, namespace, labels: options.labels ?? {}, annotations: options.annotations ?? {} },
    replicas,
    template: {
      metadata: { labels: podLabels, annotations: options.podAnnotations ?? {} },
      spec: {
        containers: options.containers ?? [
          {
            name: 'main',
            image: 'public.ecr.aws/nginx/nginx:1.27',
            resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '250m', memory: '512Mi' } },
          },
        ],
        ...options.spec,
      },
    },
    volumeClaimTemplates: [],
    nodeName: options.nodeName ?? null,
    finished: options.finished ?? null,
    origin,
  };
}

/** A container with the given requests and limits (nothing set when omitted). */
export function aContainer(name: string, options: { requests?: StringMap; limits?: StringMap } & Partial<Container> = {}): Container {
  const { requests, limits, ...extra } = options;
  return {
    name,
    image: `public.ecr.aws/example/${name}:1.0`,
    ...(requests || limits ? { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } } : {}),
    ...extra,
  };
}

/** A DaemonSet, in namespace `monitoring` unless told. */
export function aDaemonSet(options: WorkloadOptions = {}): Workload {
  return aWorkload({ kind: 'DaemonSet', namespace: 'monitoring', ...options });
}

export function aCluster(overrides: Partial<Cluster> = {}): Cluster {
  return {
    name: 'demo',
    arn: 'arn:aws:eks:eu-west-1:111122223333:cluster/demo',
    region: 'eu-west-1',
    version: '1.31',
    roleArn: 'arn:aws:iam::111122223333:role/demo-cluster',
    vpcId: 'vpc-0abc',
    subnetIds: ['subnet-a', 'subnet-b'],
    securityGroupIds: [],
    clusterSecurityGroupId: 'sg-cluster',
    authenticationMode: 'API_AND_CONFIG_MAP',
    oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE',
    autoMode: { enabled: false, nodePools: [], nodeRoleArn: null, blockStorage: false, elasticLoadBalancing: false },
    tags: {},
    origin,
    ...overrides,
  };
}

export function anAutoModeCluster(overrides: Partial<Cluster> = {}): Cluster {
  return aCluster({
    autoMode: {
      enabled: true,
      nodePools: ['general-purpose', 'system'],
      nodeRoleArn: 'arn:aws:iam::111122223333:role/AmazonEKSAutoNodeRole',
      blockStorage: true,
      elasticLoadBalancing: true,
    },
    ...overrides,
  });
}

export function aFargateProfile(name: string, selectors: { namespace: string; labels?: StringMap }[]): FargateProfile {
  return {
    name,
    clusterName: 'demo',
    podExecutionRoleArn: 'arn:aws:iam::111122223333:role/demo-pod-execution',
    subnets: ['subnet-private-a', 'subnet-private-b'],
    selectors: selectors.map((s) => ({ namespace: s.namespace, labels: s.labels ?? {} })),
    status: 'ACTIVE',
    origin,
  };
}

export function anInventory(parts: Partial<Inventory> = {}): Inventory {
  const inventory = { ...emptyInventory(), ...parts };
  inventory.workloads = [...inventory.workloads].sort((a, b) => (a.key < b.key ? -1 : 1));
  return inventory;
}

/** A Fargate-only cluster with the given workloads, every namespace selected by one profile. */
export function aFargateInventory(workloads: Workload[], parts: Partial<Inventory> = {}): Inventory {
  const namespaces = [...new Set(workloads.map((w) => w.metadata.namespace))].sort();
  return anInventory({
    cluster: aCluster(),
    fargateProfiles: [
      aFargateProfile(
        'apps',
        namespaces.map((namespace) => ({ namespace })),
      ),
    ],
    workloads,
    ...parts,
  });
}

/** A cluster whose workloads run on managed node groups (no Fargate profile). */
export function aManagedNodesInventory(workloads: Workload[], parts: Partial<Inventory> = {}): Inventory {
  return anInventory({ cluster: aCluster(), nodegroups: [aNodegroup()], workloads, ...parts });
}

/** An Auto Mode cluster with the given workloads. */
export function anAutoModeInventory(workloads: Workload[], parts: Partial<Inventory> = {}): Inventory {
  return anInventory({ cluster: anAutoModeCluster(), workloads, ...parts });
}

export function contextFor(inventory: Inventory, target: Mode, clusterVersion?: string): RuleContext {
  return buildContext(inventory, { target, clusterVersion: clusterVersion ?? null });
}

export interface RunOptions {
  target: Mode;
  /** As `--cluster-version`: used when the inventory has no cluster description. */
  clusterVersion?: string;
}

/** Runs one rule on the inventory for the target, as the planner would: its findings, sorted. */
export function runRule(rule: Rule, inventory: Inventory, options: RunOptions): Finding[] {
  return runRules(contextFor(inventory, options.target, options.clusterVersion), [rule]);
}
