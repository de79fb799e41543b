import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { managedPolicyArn, podExecutionRoleTrust } from '../model/iam.js';
import type { FargateModel } from '../model/types.js';

export interface FargateCapacityArgs {
  model: FargateModel;
  clusterName: pulumi.Input<string>;
  /** Private subnets for profiles the plan has none for. Fargate accepts private subnets only. */
  privateSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** An existing pod execution role, when the plan creates none and its commands do not name one. */
  podExecutionRoleArn?: pulumi.Input<string>;
}

/**
 * Fargate capacity for the plan's moving workloads: the pod execution role (trusted by
 * eks-fargate-pods.amazonaws.com for this cluster's profiles only, with the AWS managed policy) and one
 * `aws.eks.FargateProfile` per profile of at most 5 selectors.
 */
export class FargateCapacity extends pulumi.ComponentResource {
  readonly podExecutionRoleArn: pulumi.Output<string>;
  readonly profiles: Record<string, aws.eks.FargateProfile> = {};

  constructor(name: string, args: FargateCapacityArgs, opts?: pulumi.ComponentResourceOptions) {
    super('modeshift:eks:FargateCapacity', name, {}, opts);
    const model = args.model;
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;
    const ready: pulumi.Resource[] = [];
    let roleArn: pulumi.Input<string> | undefined = args.podExecutionRoleArn ?? model.existingPodExecutionRoleArn ?? undefined;
    if (model.podExecutionRole) {
      const trust = pulumi
        .all([partition, aws.getRegionOutput({}, { parent: this }).region, aws.getCallerIdentityOutput({}, { parent: this }).accountId, args.clusterName])
        .apply(([p, region, accountId, clusterName]) => JSON.stringify(podExecutionRoleTrust({ partition: p, region, accountId, clusterName })));
      const role = new aws.iam.Role(
        `${name}-pod-execution-role`,
        {
          name: model.podExecutionRole.name,
          description: `EKS Fargate pod execution (modeshift step ${model.podExecutionRole.stepId})`,
          assumeRolePolicy: trust,
        },
        { parent: this },
      );
      const policy = model.podExecutionRole.policy;
      ready.push(
        new aws.iam.RolePolicyAttachment(
          `${name}-pod-execution-role-policy`,
          { role: role.name, policyArn: partition.apply((p) => managedPolicyArn(p, policy)) },
          { parent: this },
        ),
      );
      roleArn = role.arn;
    }
    if (roleArn === undefined && model.profiles.length > 0) {
      throw new pulumi.RunError('The Fargate profiles need a pod execution role: set podExecutionRoleArn in the stack configuration.');
    }
    this.podExecutionRoleArn = pulumi.output(roleArn ?? '');

    let previous: pulumi.Resource | undefined;
    for (const profile of model.profiles) {
      const subnetIds = profile.subnets ?? args.privateSubnetIds;
      if (subnetIds === undefined)
        throw new pulumi.RunError(`Fargate profile ${profile.name} has no subnets in the plan: set privateSubnetIds in the stack configuration.`);
      const created: aws.eks.FargateProfile = new aws.eks.FargateProfile(
        profile.logicalName,
        {
          clusterName: args.clusterName,
          fargateProfileName: profile.name,
          podExecutionRoleArn: roleArn as pulumi.Input<string>,
          subnetIds,
          selectors: profile.selectors.map((s) =>
            Object.keys(s.labels).length > 0 ? { namespace: s.namespace, labels: s.labels } : { namespace: s.namespace },
          ),
          tags: { 'app.kubernetes.io/managed-by': 'modeshift', 'modeshift/step': profile.stepId.replace(/[^A-Za-z0-9 _.:/=+@-]/g, '-') },
        },
        // EKS creates one Fargate profile at a time per cluster (ResourceInUseException otherwise), so they are chained.
        { parent: this, dependsOn: previous ? [...ready, previous] : ready },
      );
      this.profiles[profile.name] = created;
      previous = created;
    }
    this.registerOutputs({ podExecutionRoleArn: this.podExecutionRoleArn });
  }
}
