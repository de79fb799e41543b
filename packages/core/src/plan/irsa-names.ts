import { slug } from '@modeshift/plan';
import { shortHash } from '../util/hash.js';

/** IAM role names are at most 64 characters. */
const MAX_ROLE_NAME = 64;
/** A namespace or service account name as Kubernetes allows it (lower case, digits, '-', '.'). */
const KUBE_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/**
 * The IRSA role and trust policy file of one service account. IAM names are account-wide, so the role is
 * named after the cluster, its Region, the namespace and the account, joined by '.', which neither a
 * cluster's slug, a Region nor a namespace holds: two service accounts (`a-b/c` and `a/b-c`), or two
 * clusters of one name in two Regions, never share a role or a file. A name IAM would not take (over 64
 * characters, or from names Kubernetes would not allow) is cut and made unique with a hash of the whole.
 */
export function irsaNames(cluster: string, region: string, namespace: string, name: string): { role: string; file: string } {
  const plain = KUBE_NAME.test(namespace) && KUBE_NAME.test(name);
  const full = [slug(cluster), slug(region), namespace, name].join('.');
  if (plain && full.length <= MAX_ROLE_NAME) return { role: full, file: `irsa-${namespace}.${name}.json` };
  // One string, not a list: shortHash sorts a list, and the order of the parts is what tells them apart.
  const hash = shortHash([[cluster, region, namespace, name].join('\u0000')]);
  const cut = full
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, MAX_ROLE_NAME - hash.length - 1)
    .replace(/[.-]+$/, '');
  return { role: `${cut}-${hash}`, file: plain ? `irsa-${namespace}.${name}.json` : `irsa-${slug(`${namespace}-${name}`)}-${hash}.json` };
}
