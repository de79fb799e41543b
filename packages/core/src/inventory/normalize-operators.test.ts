import { describe, expect, it } from 'vitest';
import { normalize, object, podSpec, template } from './__fixtures__/raw.js';

// Shaped like KubeRay's ray-cluster.gpu.yaml sample: a CPU head and a GPU worker group.
const gpuContainer = {
  name: 'ray-worker',
  image: 'rayproject/ray-ml:2.9.0-gpu',
  resources: { limits: { 'nvidia.com/gpu': '1' }, requests: { cpu: '8', memory: '30Gi' } },
};
const rayClusterSpec = {
  rayVersion: '2.9.0',
  headGroupSpec: { rayStartParams: {}, template: template({ app: 'ray-head' }) },
  workerGroupSpecs: [
    {
      groupName: 'gpu-group',
      replicas: 2,
      minReplicas: 1,
      maxReplicas: 5,
      rayStartParams: {},
      template: { spec: { containers: [gpuContainer], tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } },
    },
  ],
};
const rayCluster = object('ray.io/v1', 'RayCluster', 'raycluster', 'ml', { spec: rayClusterSpec });

describe('custom resources of well-known operators', () => {
  it('reads each pod template of a RayCluster into its own workload, so a GPU worker group is planned', () => {
    const { inventory, problems } = normalize(rayCluster);
    expect(problems).toEqual([]);
    expect(inventory.workloads.map((w) => [w.key, w.kind, w.replicas, w.operator?.templatePath])).toEqual([
      ['RayCluster/ml/raycluster/head', 'RayCluster', 1, 'spec.headGroupSpec.template'],
      ['RayCluster/ml/raycluster/worker gpu-group', 'RayCluster', 2, 'spec.workerGroupSpecs[0].template'],
    ]);
    expect(inventory.workloads[1]?.template.spec.containers[0]?.resources?.limits).toEqual({ 'nvidia.com/gpu': '1' });
    expect(inventory.other).toEqual([]);
  });

  it('reads Argo Rollouts, Knative Services, KEDA ScaledJobs, RayJobs and RayServices', () => {
    const { inventory, problems } = normalize(
      object('argoproj.io/v1alpha1', 'Rollout', 'web', 'shop', { spec: { replicas: 4, template: template({ app: 'web' }), strategy: { canary: {} } } }),
      object('serving.knative.dev/v1', 'Service', 'hello', 'shop', { spec: { template: { spec: podSpec() } } }),
      object('keda.sh/v1alpha1', 'ScaledJob', 'worker', 'jobs', { spec: { jobTargetRef: { template: template({ app: 'worker' }) } } }),
      object('ray.io/v1', 'RayJob', 'train', 'ml', {
        spec: { entrypoint: 'python train.py', rayClusterSpec, submitterPodTemplate: template({ app: 'submit' }) },
      }),
      object('ray.io/v1', 'RayService', 'serve', 'ml', { spec: { rayClusterConfig: rayClusterSpec } }),
    );
    expect(problems).toEqual([]);
    expect(inventory.workloads.map((w) => w.key)).toEqual([
      'KnativeService/shop/hello',
      'RayJob/ml/train/head',
      'RayJob/ml/train/submitter',
      'RayJob/ml/train/worker gpu-group',
      'RayService/ml/serve/head',
      'RayService/ml/serve/worker gpu-group',
      'Rollout/shop/web',
      'ScaledJob/jobs/worker',
    ]);
  });

  it('builds the driver and executor pods of a SparkApplication from its fields, with Spark memory units made Kubernetes ones', () => {
    const { inventory, problems } = normalize(
      object('sparkoperator.k8s.io/v1beta2', 'SparkApplication', 'pi', 'spark', {
        spec: {
          type: 'Scala',
          image: 'spark:3.5.0',
          driver: { cores: 1, memory: '512m', serviceAccount: 'spark', nodeSelector: { 'karpenter.sh/capacity-type': 'on-demand' } },
          executor: { instances: 3, cores: 2, memory: '4g', gpu: { name: 'nvidia.com/gpu', quantity: 1 } },
        },
      }),
    );
    expect(problems).toEqual([]);
    const [driver, executor] = inventory.workloads;
    expect(driver).toMatchObject({ key: 'SparkApplication/spark/pi/driver', replicas: 1 });
    expect(driver?.template.spec).toMatchObject({ serviceAccountName: 'spark', nodeSelector: { 'karpenter.sh/capacity-type': 'on-demand' } });
    expect(driver?.template.spec.containers[0]?.resources?.requests).toEqual({ cpu: '1', memory: '512Mi' });
    expect(executor).toMatchObject({ key: 'SparkApplication/spark/pi/executor', replicas: 3 });
    expect(executor?.template.spec.containers[0]?.resources?.limits).toEqual({ 'nvidia.com/gpu': '1' });
  });

  it('reads the pods of a StrimziPodSet and the managers of a FlinkDeployment', () => {
    const pod = {
      metadata: { name: 'my-cluster-kafka-0', labels: { 'strimzi.io/cluster': 'my-cluster' } },
      spec: podSpec('quay.io/strimzi/kafka:0.40.0-kafka-3.7.0'),
    };
    const { inventory, problems } = normalize(
      object('core.strimzi.io/v1beta2', 'StrimziPodSet', 'my-cluster-kafka', 'kafka', {
        metadata: { name: 'my-cluster-kafka', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } },
        spec: { pods: [pod, pod, pod] },
      }),
      object('flink.apache.org/v1beta1', 'FlinkDeployment', 'basic', 'flink', {
        spec: { image: 'flink:1.17', jobManager: { resource: { cpu: 1, memory: '2048m' } }, taskManager: { replicas: 2, resource: { cpu: 2, memory: '4g' } } },
      }),
    );
    expect(problems).toEqual([]);
    expect(inventory.workloads.map((w) => [w.key, w.replicas])).toEqual([
      ['FlinkDeployment/flink/basic/job manager', 1],
      ['FlinkDeployment/flink/basic/task manager', 2],
      ['StrimziPodSet/kafka/my-cluster-kafka', 3],
    ]);
    expect(inventory.workloads[1]?.template.spec.containers[0]?.resources?.requests).toEqual({ cpu: '2', memory: '4Gi' });
  });

  it('names a malformed template by where it is in the custom resource', () => {
    const broken = object('ray.io/v1', 'RayCluster', 'bad', 'ml', { spec: { headGroupSpec: { template: { spec: { containers: [{ image: 'ray' }] } } } } });
    const { problems } = normalize(broken);
    expect(problems.map((p) => p.message)).toEqual(['RayCluster ml/bad: spec.headGroupSpec.template.spec.containers[0].name is required']);
  });
});

describe('objects of other kinds that keep pods', () => {
  it('marks a custom resource holding a pod spec with where the spec is, and leaves other objects unmarked', () => {
    const { inventory } = normalize(
      object('example.com/v1', 'Widget', 'w', 'apps', { spec: { runner: { template: { spec: podSpec() } } } }),
      object('example.com/v1', 'Gadget', 'g', 'apps', { spec: { size: 3, containers: 'not a list' } }),
    );
    expect(inventory.other.map((o) => [o.kind, o.holdsPods])).toEqual([
      ['Gadget', undefined],
      ['Widget', 'a pod spec at spec.runner.template.spec'],
    ]);
  });

  it('marks a Strimzi Kafka cluster, whose pods are built from fields with no pod spec', () => {
    const { inventory } = normalize(
      object('kafka.strimzi.io/v1beta2', 'Kafka', 'my-cluster', 'kafka', {
        spec: { kafka: { replicas: 3, storage: { type: 'persistent-claim', size: '100Gi' } } },
      }),
    );
    expect(inventory.other[0]?.holdsPods).toBe('its pods are built by the operator (collect its StrimziPodSets)');
  });
});
