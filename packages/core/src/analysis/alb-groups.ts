import type { AlbClassParams } from '@modeshift/plan';
import { slug } from '@modeshift/plan';
import type { Namespaced } from '../inventory/types.js';
import type { IngressSpec } from '../kube.js';
import { classParamsOf, type Scheme } from './load-balancer-scheme.js';
import type { Inventory } from '../inventory/types.js';
import type { InventoryIndex } from '../inventory/index-lookups.js';

/** AWS Load Balancer Controller annotations whose settings Auto Mode reads from IngressClassParams instead. */
export const ALB_ANNOTATIONS = {
  groupName: 'alb.ingress.kubernetes.io/group.name',
  groupOrder: 'alb.ingress.kubernetes.io/group.order',
  scheme: 'alb.ingress.kubernetes.io/scheme',
  certificateArn: 'alb.ingress.kubernetes.io/certificate-arn',
  subnets: 'alb.ingress.kubernetes.io/subnets',
} as const;

/** The IngressGroup an Ingress's ALB belongs to: its annotation, or its class's parameters (`group.name`); null when none. */
export function ingressGroupOf(inventory: Inventory, index: InventoryIndex, ing: Namespaced<IngressSpec>): string | null {
  const annotated = ing.metadata.annotations[ALB_ANNOTATIONS.groupName]?.trim();
  if (annotated) return annotated;
  const group = classParamsOf(inventory, index, ing.spec.ingressClassName ?? ing.metadata.annotations['kubernetes.io/ingress.class'])?.['group'];
  const name = typeof group === 'object' && group !== null ? (group as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

export interface AlbClass {
  /** IngressClass and IngressClassParams name. */
  name: string;
  params: AlbClassParams;
  /** `namespace/name` of the Ingresses that use this class. */
  ingresses: string[];
}

export interface AlbClassPlan {
  classes: AlbClass[];
  /** `namespace/name` → the class its copy uses. */
  classOf: Map<string, string>;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * The Auto Mode IngressClasses a blue/green move of AWS Load Balancer Controller Ingresses needs.
 *
 * Auto Mode does not support the `group.name` annotation; an IngressGroup is set in the IngressClassParams
 * (`group.name`), and the params apply to every Ingress of the class (aws-facts §4.7, [UG-alb]
 * auto-configure-alb). So Ingresses that shared one ALB through a group keep sharing one only if their copies
 * use a class whose params name that group: one IngressClass per group. Its params also carry the scheme,
 * certificates and subnets the group's Ingresses set, so the new ALB is reachable the way the old one was.
 * Ingresses without a group use `baseName`, whose params stay empty so their own annotations keep applying, or
 * `existingClass`, an Auto Mode IngressClass the cluster already has (then not in `classes`: nothing to create),
 * unless its params set a scheme other than the Ingress's (`schemeOf`, what its ALB has today): params win over
 * annotations, so such a copy would turn a public site internal, or an internal one public.
 * With a single group and no ungrouped Ingress, the group's class takes `baseName` itself unless a class exists.
 */
export function planAlbClasses(
  ingresses: readonly Namespaced<IngressSpec>[],
  baseName: string,
  existingClass: { name: string; scheme: Scheme | null } | undefined,
  schemeOf: (ing: Namespaced<IngressSpec>) => Scheme,
): AlbClassPlan {
  const groups = new Map<string, Namespaced<IngressSpec>[]>();
  const ungrouped: string[] = [];
  const onExisting: string[] = [];
  for (const ing of ingresses) {
    const key = `${ing.metadata.namespace}/${ing.metadata.name}`;
    const group = ing.metadata.annotations[ALB_ANNOTATIONS.groupName]?.trim();
    if (group) groups.set(group, [...(groups.get(group) ?? []), ing]);
    else if (existingClass !== undefined && (existingClass.scheme === null || existingClass.scheme === schemeOf(ing))) onExisting.push(key);
    else ungrouped.push(key);
  }
  const classes: AlbClass[] = [];
  const classOf = new Map<string, string>();
  for (const key of onExisting) classOf.set(key, existingClass!.name);
  if (ungrouped.length > 0) classes.push({ name: baseName, params: {}, ingresses: ungrouped });
  const soleGroup = groups.size === 1 && ungrouped.length === 0 && existingClass === undefined;
  for (const [group, members] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // IngressClass names are DNS subdomains (253 characters); the group name is one already (63).
    const name = soleGroup ? baseName : `${baseName}-${slug(group)}`;
    classes.push({ name, params: groupParams(group, members, schemeOf), ingresses: members.map((i) => `${i.metadata.namespace}/${i.metadata.name}`) });
  }
  for (const cls of classes) for (const key of cls.ingresses) classOf.set(key, cls.name);
  return { classes, classOf };
}

function groupParams(group: string, members: readonly Namespaced<IngressSpec>[], schemeOf: (ing: Namespaced<IngressSpec>) => Scheme): AlbClassParams {
  const params: AlbClassParams = { groupName: group };
  // One ALB has one scheme: the AWS Load Balancer Controller refuses a group whose members disagree, so the
  // first member that sets it speaks for the group; when none does, the group's ALB has the default the
  // params now state (the group's Ingresses' annotations no longer decide once params set it).
  const explicit = members.find((m) => m.metadata.annotations[ALB_ANNOTATIONS.scheme] !== undefined);
  params.scheme = schemeOf(explicit ?? members[0]!);
  // The group's listeners serve every member's certificates.
  const certificates = [...new Set(members.flatMap((m) => list(m.metadata.annotations[ALB_ANNOTATIONS.certificateArn])))].sort();
  if (certificates.length > 0) params.certificateARNs = certificates;
  // IngressClassParams takes subnet IDs (or tags); the annotation may also hold subnet Name tags, which stay on the Ingress.
  const subnets = [...new Set(members.flatMap((m) => list(m.metadata.annotations[ALB_ANNOTATIONS.subnets])))].sort();
  if (subnets.length > 0 && subnets.every((s) => s.startsWith('subnet-'))) params.subnetIds = subnets;
  return params;
}
