// Which of a node agent's outputs a pod's container logs reach is decided by the agent's tail inputs: in
// Container Insights, application.* tails the pods' files, dataplane.* only aws-node's and kube-proxy's, host.*
// the node's journal. Moving to Fargate carries application.* into aws-logging; the other two were never the
// pod's, so their loss is not a loss of its logs.
import { describe, expect, it } from 'vitest';
import { aDaemonSet, anAutoModeInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aConfigMap } from '../testing/kube-objects.js';
import { buildUnsimulatedPlan } from '../plan/build-plan.js';
import { simulate } from './replay.js';

const containerInsights = `
[INPUT]
    Name             tail
    Tag              application.*
    Exclude_Path     /var/log/containers/fluent-bit*, /var/log/containers/aws-node*, /var/log/containers/kube-proxy*
    Path             /var/log/containers/*.log
[INPUT]
    Name             tail
    Tag              dataplane.tail.*
    Path             /var/log/containers/aws-node*, /var/log/containers/kube-proxy*
[INPUT]
    Name             systemd
    Tag              host.messages
[OUTPUT]
    Name             cloudwatch_logs
    Match            application.*
    region           \${AWS_REGION}
    log_group_name   /aws/containerinsights/\${CLUSTER_NAME}/application
[OUTPUT]
    Name             cloudwatch_logs
    Match            dataplane.*
    region           \${AWS_REGION}
    log_group_name   /aws/containerinsights/\${CLUSTER_NAME}/dataplane
[OUTPUT]
    Name             cloudwatch_logs
    Match            host.*
    region           \${AWS_REGION}
    log_group_name   /aws/containerinsights/\${CLUSTER_NAME}/host
`;

const fluentBit = aDaemonSet({
  namespace: 'amazon-cloudwatch',
  name: 'fluent-bit',
  containers: [{ name: 'fluent-bit', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0' }],
  spec: { volumes: [{ name: 'config', configMap: { name: 'fluent-bit-config' } }] },
});

describe("a node agent's inputs decide which of its outputs carry a pod's logs", () => {
  it("moves a pod to Fargate without losing logs when aws-logging takes the agent's application output", () => {
    const inventory = anAutoModeInventory([aWorkload({ namespace: 'shop', name: 'web' }), fluentBit], {
      configMaps: [aConfigMap('fluent-bit-config', { 'fluent-bit.conf': containerInsights }, { namespace: 'amazon-cloudwatch' })],
    });
    const ctx = contextFor(inventory, 'fargate');
    expect(simulate(ctx, buildUnsimulatedPlan(ctx)).violations.filter((v) => v.invariant === 'logs')).toEqual([]);
  });
});
