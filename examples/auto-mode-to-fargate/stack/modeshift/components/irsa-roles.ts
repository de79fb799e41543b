// Copied from @modeshift/pulumi 0.1.0 (src/components/irsa-roles.ts) by `modeshift stack`. Regenerate rather than edit.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { irsaRoleTrust } from '../model/iam.js';
import type { IrsaRoleModel } from '../model/types.js';

export interface IrsaRolesArgs {
  roles: IrsaRoleModel[];
  clusterName: pulumi.Input<string>;
}

/**
 * IAM roles for service accounts, for workloads that used EKS Pod Identity (which Fargate does not run).
 * Each role trusts exactly one service account of this cluster's OIDC issuer. No permission policy is
 * attached here: the workload's permissions are whatever its Pod Identity role has, which the stack cannot
 * read; the plan step's commands copy that role's policies to this one before annotating the service account.
 * The cluster's IAM OIDC provider must exist (the plan step's commands create it once).
 */
export class IrsaRoles extends pulumi.ComponentResource {
  readonly roleArns: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: IrsaRolesArgs, opts?: pulumi.ComponentResourceOptions) {
    super('modeshift:iam:IrsaRoles', name, {}, opts);
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;
    const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    const issuer = aws.eks.getClusterOutput({ name: args.clusterName }, { parent: this }).identities.apply((ids) => ids[0]?.oidcs[0]?.issuer ?? '');
    for (const r of args.roles) {
      const trust = pulumi
        .all([partition, accountId, issuer])
        .apply(([p, account, oidcIssuer]) =>
          JSON.stringify(irsaRoleTrust({ partition: p, accountId: account, oidcIssuer, namespace: r.namespace, serviceAccount: r.serviceAccount })),
        );
      const role = new aws.iam.Role(
        r.logicalName,
        { name: r.name, description: `IRSA for ${r.namespace}/${r.serviceAccount} (modeshift step ${r.stepId})`, assumeRolePolicy: trust },
        { parent: this },
      );
      this.roleArns[`${r.namespace}/${r.serviceAccount}`] = role.arn;
    }
    this.registerOutputs({});
  }
}
