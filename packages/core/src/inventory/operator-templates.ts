// Where well-known operators keep the pods they run. Their objects are not Deployments, but the pods
// are as real as a Deployment's: a GPU worker group of a RayCluster left out of the plan is a fleet the
// plan could delete the capacity of. Each extractor returns the raw pod templates (checked later by
// the caller against the pod template shape) with the path they were found at.
import { isRecord } from './shape.js';

export type OperatorWorkloadKind =
  | 'RayCluster'
  | 'RayService'
  | 'RayJob'
  | 'Rollout'
  | 'KnativeService'
  | 'SparkApplication'
  | 'ScheduledSparkApplication'
  | 'StrimziPodSet'
  | 'FlinkDeployment'
  | 'ScaledJob';

export interface OperatorTemplate {
  /** Which of the object's pods: "head", "worker gpu-group", "driver"; null when it has one template. */
  part: string | null;
  /** Where the template is, for messages and hand edits: "spec.workerGroupSpecs[0].template". */
  path: string;
  /** A pod template ({metadata?, spec}) as written or as the operator would build it. */
  template: unknown;
  replicas: number | null;
}

type Extract = (spec: Record<string, unknown>) => OperatorTemplate[];

const rec = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

function written(template: unknown, part: string | null, path: string, replicas: number | null): OperatorTemplate[] {
  return template === undefined ? [] : [{ part, path, template, replicas }];
}

/** A Ray cluster spec: the head group, then each worker group by its groupName. */
function rayCluster(spec: Record<string, unknown>, at: string): OperatorTemplate[] {
  const head = written(rec(spec.headGroupSpec).template, 'head', `${at}.headGroupSpec.template`, 1);
  const workers = Array.isArray(spec.workerGroupSpecs) ? spec.workerGroupSpecs : [];
  return [
    ...head,
    ...workers.flatMap((group: unknown, i) => {
      const g = rec(group);
      const name = typeof g.groupName === 'string' ? g.groupName : String(i);
      return written(g.template, `worker ${name}`, `${at}.workerGroupSpecs[${i}].template`, count(g.replicas) ?? count(g.minReplicas));
    }),
  ];
}

/** Spark writes "512m" for MiB and "2g" for GiB; Kubernetes reads "512m" as milli-bytes. */
function sparkMemory(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)([kmgt])b?$/i.exec(value.trim());
  if (!m) return value;
  return `${m[1]}${m[2]!.toUpperCase()}i`;
}

/** A SparkApplication has no pod template: its driver and executors are built from these fields. */
function sparkPod(app: Record<string, unknown>, role: 'driver' | 'executor', at: string): OperatorTemplate[] {
  const r = rec(app[role]);
  if (Object.keys(r).length === 0 && app.image === undefined) return [];
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (typeof r.cores === 'number' || typeof r.cores === 'string') requests.cpu = String(r.cores);
  const memory = sparkMemory(r.memory);
  if (memory !== undefined) requests.memory = memory;
  if (typeof r.coreLimit === 'string') limits.cpu = r.coreLimit;
  const gpu = rec(r.gpu);
  if (typeof gpu.name === 'string' && count(gpu.quantity) !== null) limits[gpu.name] = String(gpu.quantity);
  const image = r.image ?? app.image;
  const spec: Record<string, unknown> = {
    containers: [{ name: `spark-kubernetes-${role}`, ...(typeof image === 'string' ? { image } : {}), resources: { requests, limits } }],
  };
  for (const key of ['nodeSelector', 'tolerations', 'affinity', 'volumes', 'hostNetwork', 'securityContext', 'schedulerName'] as const) {
    const value = r[key] ?? (key === 'nodeSelector' || key === 'volumes' ? app[key] : undefined);
    if (value !== undefined) spec[key] = value;
  }
  if (typeof r.serviceAccount === 'string') spec.serviceAccountName = r.serviceAccount;
  const template = { metadata: { labels: r.labels ?? {}, annotations: r.annotations ?? {} }, spec };
  return [{ part: role, path: `${at}.${role}`, template, replicas: role === 'driver' ? 1 : (count(r.instances) ?? 1) }];
}

const spark = (app: Record<string, unknown>, at: string) => [...sparkPod(app, 'driver', at), ...sparkPod(app, 'executor', at)];

/** Flink's job and task managers: their podTemplate over the deployment's, with the image and resources the operator adds. */
function flinkPod(spec: Record<string, unknown>, role: 'jobManager' | 'taskManager'): OperatorTemplate[] {
  const r = rec(spec[role]);
  const base = rec(r.podTemplate ?? spec.podTemplate);
  const podSpec = rec(base.spec);
  const resource = rec(r.resource);
  const requests: Record<string, string> = {};
  if (typeof resource.cpu === 'number' || typeof resource.cpu === 'string') requests.cpu = String(resource.cpu);
  const memory = sparkMemory(resource.memory);
  if (memory !== undefined) requests.memory = memory;
  const containers: unknown[] = Array.isArray(podSpec.containers)
    ? (podSpec.containers as unknown[]).filter((c) => rec(c).name !== 'flink-main-container')
    : [];
  const main = { name: 'flink-main-container', ...(typeof spec.image === 'string' ? { image: spec.image } : {}), resources: { requests, limits: requests } };
  const template = { metadata: rec(base.metadata), spec: { ...podSpec, containers: [main, ...containers] } };
  const path = r.podTemplate !== undefined ? `spec.${role}.podTemplate` : `spec.${role}`;
  return [{ part: role === 'jobManager' ? 'job manager' : 'task manager', path, template, replicas: count(r.replicas) ?? 1 }];
}

/** StrimziPodSet: the exact pods the Strimzi operator runs for a Kafka node pool. The first stands for all. */
function strimziPods(spec: Record<string, unknown>): OperatorTemplate[] {
  const pods = Array.isArray(spec.pods) ? spec.pods : [];
  const first = rec(pods[0]);
  if (pods.length === 0) return [];
  return [{ part: null, path: 'spec.pods[0]', template: { metadata: rec(first.metadata), spec: first.spec }, replicas: pods.length }];
}

/** Keyed by "group/kind", like the inventory's buckets. */
export const OPERATOR_KINDS = new Map<string, { kind: OperatorWorkloadKind; resource: string; extract: Extract }>([
  ['ray.io/RayCluster', { kind: 'RayCluster', resource: 'raycluster.ray.io', extract: (s) => rayCluster(s, 'spec') }],
  ['ray.io/RayService', { kind: 'RayService', resource: 'rayservice.ray.io', extract: (s) => rayCluster(rec(s.rayClusterConfig), 'spec.rayClusterConfig') }],
  [
    'ray.io/RayJob',
    {
      kind: 'RayJob',
      resource: 'rayjob.ray.io',
      extract: (s) => [
        ...rayCluster(rec(s.rayClusterSpec), 'spec.rayClusterSpec'),
        ...written(s.submitterPodTemplate, 'submitter', 'spec.submitterPodTemplate', 1),
      ],
    },
  ],
  [
    'argoproj.io/Rollout',
    { kind: 'Rollout', resource: 'rollout.argoproj.io', extract: (s) => written(s.template, null, 'spec.template', count(s.replicas) ?? 1) },
  ],
  ['serving.knative.dev/Service', { kind: 'KnativeService', resource: 'ksvc', extract: (s) => written(s.template, null, 'spec.template', null) }],
  ['sparkoperator.k8s.io/SparkApplication', { kind: 'SparkApplication', resource: 'sparkapplication.sparkoperator.k8s.io', extract: (s) => spark(s, 'spec') }],
  [
    'sparkoperator.k8s.io/ScheduledSparkApplication',
    { kind: 'ScheduledSparkApplication', resource: 'scheduledsparkapplication.sparkoperator.k8s.io', extract: (s) => spark(rec(s.template), 'spec.template') },
  ],
  ['core.strimzi.io/StrimziPodSet', { kind: 'StrimziPodSet', resource: 'strimzipodset.core.strimzi.io', extract: strimziPods }],
  [
    'flink.apache.org/FlinkDeployment',
    { kind: 'FlinkDeployment', resource: 'flinkdeployment.flink.apache.org', extract: (s) => [...flinkPod(s, 'jobManager'), ...flinkPod(s, 'taskManager')] },
  ],
  [
    'keda.sh/ScaledJob',
    { kind: 'ScaledJob', resource: 'scaledjob.keda.sh', extract: (s) => written(rec(s.jobTargetRef).template, null, 'spec.jobTargetRef.template', null) },
  ],
]);

export const OPERATOR_WORKLOAD_KINDS: readonly OperatorWorkloadKind[] = [...new Set([...OPERATOR_KINDS.values()].map((k) => k.kind))];
