import { sh, shellComment } from '../util/shell.js';

/**
 * How to wait for an `aws eks update-cluster-config`: the call returns an update id, and the update is
 * done when describe-update reports Successful. `aws eks wait cluster-active` is no such wait: the
 * cluster may still read ACTIVE before the update has started. The AWS CLI has no waiter for updates.
 */
export function waitForClusterUpdate(cluster: string): string[] {
  return [
    shellComment(
      'repeat the next command until it prints Successful (Failed: read its errors with describe-update); the update id is in the output of the command before',
    ),
    sh`aws eks describe-update --name ${cluster} --update-id <update-id> --query update.status --output text`,
  ];
}
