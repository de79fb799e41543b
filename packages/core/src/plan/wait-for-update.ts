import { sh } from '../util/shell.js';

/** The shell variable the update's id is kept in, between the update and the wait. */
const UPDATE_ID = 'update_id';

/**
 * An `aws eks update-cluster-config` and the wait for it. The call returns an update id, and the update is
 * done when describe-update reports Successful. `aws eks wait cluster-active` is no such wait: the cluster
 * may still read ACTIVE before the update has started, and the AWS CLI has no waiter for updates. The id is
 * kept in a variable and polled while the update is InProgress; the loop's last line fails unless it ended
 * Successful (Failed or Cancelled: `aws eks describe-update` with the id shows the errors).
 */
export function clusterUpdate(cluster: string, updateCommand: string): string[] {
  const status = sh`aws eks describe-update --name ${cluster}`;
  return [
    `${UPDATE_ID}=$(${updateCommand} --query update.id --output text)`,
    // `:?` stops here, saying why, when the update itself failed and left no id.
    `while s=$(${status} --update-id "$\{${UPDATE_ID}:?the update did not start}" --query update.status --output text) && [ "$s" = InProgress ]; do sleep 15; done; echo "update $${UPDATE_ID}: \${s:-not read}"; [ "$s" = Successful ]`,
  ];
}
