// Reads the README's ClusterRoles and IAM policy and decides requests against them, the way the
// Kubernetes RBAC authorizer and IAM would for these simple documents. The fake servers enforce these
// decisions, so the README is what stands between the collector and a 403 in the tests.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
}

export interface ClusterRole {
  kind: 'ClusterRole';
  metadata: { name: string };
  rules: PolicyRule[];
}

export interface IamPolicy {
  Version: string;
  Statement: { Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource: string | string[] }[];
}

export type KubeAttributes =
  { nonResourceURL: string; verb: string } | { verb: string; apiGroup: string; resource: string; namespace: string | null; name: string | null };

const README = new URL('../../README.md', import.meta.url);

function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
  for (const match of markdown.matchAll(fence)) blocks.push(match[1] ?? '');
  return blocks;
}

export function readmeDocuments(): { roles: ClusterRole[]; iam: IamPolicy } {
  const markdown = readFileSync(README, 'utf8');
  const roles = fencedBlocks(markdown, 'yaml')
    .flatMap((block) => parseAllDocuments(block).map((doc) => doc.toJS() as { kind?: string }))
    .filter((doc): doc is ClusterRole => doc?.kind === 'ClusterRole');
  const iam = fencedBlocks(markdown, 'json')
    .map((block) => JSON.parse(block) as Partial<IamPolicy>)
    .find((doc): doc is IamPolicy => Array.isArray(doc.Statement));
  if (roles.length === 0 || iam === undefined) throw new Error('README must contain the ClusterRole YAML and the IAM policy JSON');
  return { roles, iam };
}

export function roleNamed(roles: readonly ClusterRole[], name: string): ClusterRole {
  const role = roles.find((r) => r.metadata.name === name);
  if (role === undefined) throw new Error(`README has no ClusterRole ${name}`);
  return role;
}

/** The authorizer's view of a request: what verb on which resource, or which non-resource URL. */
export function kubeAttributes(method: string, pathname: string): KubeAttributes {
  const verb =
    method === 'GET'
      ? 'get'
      : method === 'POST'
        ? 'create'
        : method === 'PUT'
          ? 'update'
          : method === 'PATCH'
            ? 'patch'
            : method === 'DELETE'
              ? 'delete'
              : method.toLowerCase();
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  let rest: string[];
  let apiGroup: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    apiGroup = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    apiGroup = parts[1] ?? '';
    rest = parts.slice(3);
  } else {
    return { nonResourceURL: pathname, verb };
  }
  let namespace: string | null = null;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1] ?? null;
    rest = rest.slice(2);
  }
  const resource = rest[0] ?? '';
  const name = rest[1] ?? null;
  const resourceVerb = verb === 'get' && name === null ? 'list' : verb;
  return { verb: resourceVerb, apiGroup, resource, namespace, name };
}

const matches = (list: readonly string[] | undefined, value: string) => list !== undefined && (list.includes('*') || list.includes(value));

export function rbacAllows(roles: readonly ClusterRole[], attrs: KubeAttributes): boolean {
  return roles.some((role) =>
    role.rules.some((rule) => {
      if (!matches(rule.verbs, attrs.verb)) return false;
      if ('nonResourceURL' in attrs) {
        return (rule.nonResourceURLs ?? []).some((url) =>
          url.endsWith('*') ? attrs.nonResourceURL.startsWith(url.slice(0, -1)) : url === attrs.nonResourceURL,
        );
      }
      return matches(rule.apiGroups, attrs.apiGroup) && matches(rule.resources, attrs.resource);
    }),
  );
}

const glob = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  ).test(value);

/** Allowed by some Allow statement on Resource "*" and by no Deny statement. */
export function iamAllows(policy: IamPolicy, action: string): boolean {
  const hits = (effect: 'Allow' | 'Deny') =>
    policy.Statement.some((s) => {
      const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      return s.Effect === effect && actions.some((a) => glob(a, action)) && resources.includes('*');
    });
  return hits('Allow') && !hits('Deny');
}
