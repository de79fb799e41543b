// Copied from @modeshift/pulumi 0.1.0 (src/components/auto-mode-enablement.ts) by `modeshift stack`. Regenerate rather than edit.
import * as aws from '@pulumi/aws';
import * as eks from '@pulumi/eks';
import * as pulumi from '@pulumi/pulumi';
import { accessPolicyArn, autoModeNodeRoleTrust, managedPolicyArn } from '../model/iam.js';
import { slug } from '../plan/index.js';
import type { AutoModeModel } from '../model/types.js';

export interface NewClusterArgs {
  /** Name of the new (green) cluster. */
  name: pulumi.Input<string>;
  vpcId: pulumi.Input<string>;
  /** Private subnets only: nodes and pods get no public addresses unless the operator opts in elsewhere. */
  privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  version?: pulumi.Input<string>;
  /**
   * The address ranges that may reach the cluster's public API endpoint. None (the default): the endpoint
   * is private only, reachable from the VPC and networks joined to it, never from the whole internet.
   */
  publicAccessCidrs?: readonly string[];
}

export interface AutoModeEnablementArgs {
  model: AutoModeModel;
  /** The existing cluster (ignored with `newCluster`). */
  clusterName: pulumi.Input<string>;
  /** Used when the plan does not name the cluster role. */
  clusterRoleName?: pulumi.Input<string>;
  /** Used for access entries when the plan creates no node role. */
  nodeRoleArn?: pulumi.Input<string>;
  /** Blue/green: build a new Auto Mode cluster instead of changing the existing one. */
  newCluster?: NewClusterArgs;
}

/**
 * The AWS side of enabling EKS Auto Mode. On an existing cluster: the cluster role's Auto Mode policies, the
 * node role and any access entries; switching the cluster's compute config itself is the plan step's
 * `aws eks update-cluster-config` (output `enableAutoModeCommand`), because this stack does not manage that
 * cluster and a partial `aws.eks.Cluster` would try to replace it. With `newCluster`: an `eks.Cluster` with
 * Auto Mode and access-entry authentication, which brings its own cluster role and node access entry.
 */
export class AutoModeEnablement extends pulumi.ComponentResource {
  readonly nodeRoleArn: pulumi.Output<string | undefined>;
  readonly nodeRoleName: pulumi.Output<string | undefined>;
  readonly enableAutoModeCommand: pulumi.Output<string | undefined>;
  readonly authenticationModeCommand: pulumi.Output<string | undefined>;
  /** Set with `newCluster`. */
  readonly cluster?: eks.Cluster;
  readonly clusterName: pulumi.Output<string>;

  constructor(name: string, args: AutoModeEnablementArgs, opts?: pulumi.ComponentResourceOptions) {
    super('modeshift:eks:AutoModeEnablement', name, {}, opts);
    const model = args.model;
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;
    const attachments: pulumi.Resource[] = [];

    let nodeRole: aws.iam.Role | undefined;
    if (model.nodeRole) {
      nodeRole = new aws.iam.Role(
        `${name}-node-role`,
        {
          // The plan's name: its NodeClasses and commands refer to the role by it.
          name: model.nodeRole.name,
          description: `EKS Auto Mode nodes (modeshift step ${model.nodeRole.stepId})`,
          assumeRolePolicy: JSON.stringify(autoModeNodeRoleTrust()),
        },
        { parent: this },
      );
      for (const policy of model.nodeRole.policies) {
        attachments.push(
          new aws.iam.RolePolicyAttachment(
            `${name}-node-role-${slug(policy)}`,
            { role: nodeRole.name, policyArn: partition.apply((p) => managedPolicyArn(p, policy)) },
            { parent: this },
          ),
        );
      }
    }
    const nodeRoleArn: pulumi.Input<string> | undefined = nodeRole?.arn ?? args.nodeRoleArn;

    if (args.newCluster) {
      const c = args.newCluster;
      const publicCidrs = c.publicAccessCidrs ?? [];
      this.cluster = new eks.Cluster(
        `${name}-cluster`,
        {
          name: c.name,
          vpcId: c.vpcId,
          privateSubnetIds: c.privateSubnetIds,
          version: c.version,
          // API only: Auto Mode needs access entries, and a new cluster has no aws-auth ConfigMap to keep.
          authenticationMode: eks.AuthenticationMode.Api,
          // EKS opens a public endpoint to 0.0.0.0/0 unless told otherwise: public only for the ranges given.
          endpointPrivateAccess: true,
          endpointPublicAccess: publicCidrs.length > 0,
          ...(publicCidrs.length > 0 ? { publicAccessCidrs: [...publicCidrs] } : {}),
          autoMode: {
            enabled: true,
            createNodeRole: nodeRole === undefined,
            computeConfig: { nodePools: model.enable?.nodePools ?? ['general-purpose', 'system'], ...(nodeRole ? { nodeRoleArn: nodeRole.arn } : {}) },
          },
        },
        { parent: this, dependsOn: attachments },
      );
      this.clusterName = this.cluster.eksCluster.apply((cluster) => cluster.name);
      this.nodeRoleName = nodeRole ? nodeRole.name.apply((n): string | undefined => n) : this.cluster.autoModeNodeRoleName.apply((n): string | undefined => n);
      this.nodeRoleArn = pulumi.output(nodeRoleArn);
      this.enableAutoModeCommand = pulumi.output(undefined);
      this.authenticationModeCommand = pulumi.output(undefined);
      this.registerOutputs({ clusterName: this.clusterName, nodeRoleArn: this.nodeRoleArn });
      return;
    }

    this.clusterName = pulumi.output(args.clusterName);
    if (model.clusterRole) {
      const roleName = model.clusterRole.name ?? args.clusterRoleName;
      if (roleName === undefined) throw new pulumi.RunError('The plan does not name the cluster IAM role: set clusterRoleName in the stack configuration.');
      for (const policy of model.clusterRole.policies) {
        // Attachments only: the role belongs to the cluster, which this stack does not manage. The plan lists only the
        // policies Auto Mode adds (never AmazonEKSClusterPolicy, which every cluster role has), but the inventory does
        // not show IAM, so any of them may have been attached before: `pulumi destroy` leaves them attached rather than
        // take from the cluster role what it had. The plan step's rollback detaches the ones it added.
        attachments.push(
          new aws.iam.RolePolicyAttachment(
            `${name}-cluster-role-${slug(policy)}`,
            { role: roleName, policyArn: partition.apply((p) => managedPolicyArn(p, policy)) },
            { parent: this, retainOnDelete: true },
          ),
        );
      }
    }
    for (const entry of model.accessEntries) {
      if (nodeRoleArn === undefined) throw new pulumi.RunError('An access entry needs the Auto Mode node role: set nodeRoleArn in the stack configuration.');
      const accessEntry = new aws.eks.AccessEntry(
        `${name}-access-entry-${slug(entry.policy)}`,
        { clusterName: args.clusterName, principalArn: nodeRoleArn, type: entry.type },
        { parent: this },
      );
      new aws.eks.AccessPolicyAssociation(
        `${name}-access-policy-${slug(entry.policy)}`,
        {
          clusterName: args.clusterName,
          principalArn: nodeRoleArn,
          policyArn: partition.apply((p) => accessPolicyArn(p, entry.policy)),
          accessScope: { type: 'cluster' },
        },
        { parent: this, dependsOn: [accessEntry] },
      );
    }
    this.nodeRoleArn = pulumi.output(nodeRoleArn);
    this.nodeRoleName = nodeRole ? nodeRole.name.apply((n): string | undefined => n) : pulumi.output(undefined);
    const command = model.enable?.command;
    // The plan's command names the role ARN it expects; the created role's real ARN replaces it.
    this.enableAutoModeCommand =
      command == null
        ? pulumi.output(undefined)
        : pulumi.output(nodeRoleArn).apply((arn) => (arn ? command.replace(/nodeRoleArn=[^,\s]+/, `nodeRoleArn=${arn}`) : command));
    this.authenticationModeCommand = pulumi.output(model.authenticationMode?.command ?? undefined);
    this.registerOutputs({ nodeRoleArn: this.nodeRoleArn, enableAutoModeCommand: this.enableAutoModeCommand });
  }
}
