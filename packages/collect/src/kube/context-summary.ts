import { UserError } from '@modeshift/core';
import { resolveAwsSetup } from '../aws/setup.js';
import { resolveKubeTarget } from './kubeconfig.js';

export interface ContextSummary {
  /** The current context's name. */
  context: string;
  /** The EKS cluster `collect` would read without --cluster, or null when the context does not say. */
  cluster: string | null;
  /** The region `collect` would use without --region: from the context, else AWS_REGION/AWS_DEFAULT_REGION. */
  region: string | null;
}

/**
 * What `collect` would read with no --context, --cluster or --region, for offering "current kube context"
 * as a source. Reads the kubeconfig only (`kubeconfig`, else $KUBECONFIG, else ~/.kube/config, as collect
 * does): no network, and no exec plugin is run. null when there is no kubeconfig, it cannot be read, or it
 * has no usable current context; `collect` itself says which.
 */
export function currentContextSummary(kubeconfig?: string, env: NodeJS.ProcessEnv = process.env): ContextSummary | null {
  let target;
  try {
    target = resolveKubeTarget({ kubeconfig }, env);
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
  return {
    context: target.context,
    cluster: target.identity.clusterName,
    region: resolveAwsSetup({}, env, target.identity).region ?? null,
  };
}
