// SecurityGroupPolicies that give pods moving to Fargate the groups their Auto Mode nodes had. They are
// applied in the wave that moves those pods, right before the rollout, not earlier: until then the pods
// still run on Auto Mode, where below Kubernetes 1.36 a policy that selects them lets the VPC resource
// controller's webhook add vpc.amazonaws.com/pod-eni requests no Auto Mode node offers (aws-facts §0.5),
// so a pod restarted in between would stay Pending.
import { kubeRef, slug, type Effect, type Manifest } from '@modeshift/plan';
import { securityGroupPolicyManifest } from './manifests/index.js';
import { collectMoves } from './moves.js';
import { groupBy, ids, withAction, type PlanInput } from './plan-input.js';
import { shortHash } from '../util/hash.js';
import { sh } from '../util/shell.js';

export interface PolicyAttachment {
  namespace: string;
  name: string;
  findings: string[];
  manifest: Manifest;
  /** Whether a wave moves pods of the namespace: then the wave applies the policy; else a step of its own. */
  inWave: boolean;
}

const computed = new WeakMap<PlanInput, PolicyAttachment[]>();

/** Every `security-group-policy` change of the plan, named and rendered once. */
export function fargatePolicyAttachments(input: PlanInput): PolicyAttachment[] {
  const cached = computed.get(input);
  if (cached) return cached;
  const clusterSg = input.ctx.inventory.cluster?.clusterSecurityGroupId ?? '<cluster-security-group-id>';
  const movingNamespaces = new Set(collectMoves(input).map((m) => m.workload.metadata.namespace));
  const items = withAction(input, 'security-groups').flatMap((x) =>
    x.action.change.kind === 'security-group-policy' ? [{ ...x, change: x.action.change }] : [],
  );
  const byTarget = groupBy(items, (x) => `sgp/${x.change.namespace}/${[...x.change.groupIds].sort().join(',')}/${JSON.stringify(x.change.podSelector)}`);
  const perNamespace = new Map<string, number>();
  for (const group of byTarget.values()) {
    const ns = group[0]!.change.namespace;
    perNamespace.set(ns, (perNamespace.get(ns) ?? 0) + 1);
  }
  const out: PolicyAttachment[] = [];
  for (const [key, group] of byTarget) {
    const change = group[0]!.change;
    const ns = change.namespace;
    // Two policies in one namespace (pods from two NodeClasses) need names of their own, or the second apply replaces the first.
    const alone = (perNamespace.get(ns) ?? 0) <= 1;
    const name = alone ? `modeshift-${slug(ns)}` : `modeshift-${slug(ns)}-${shortHash([key])}`;
    const groupIds = [...new Set([...change.groupIds, clusterSg])].sort();
    const file = `sgp-${slug(`${ns}/${[...change.groupIds].sort().join(',')}`)}${alone ? '' : `-${shortHash([key])}`}.yaml`;
    out.push({
      namespace: ns,
      name,
      findings: ids(group),
      manifest: { file, object: securityGroupPolicyManifest({ name, namespace: ns, groupIds, podSelector: change.podSelector }) },
      inWave: movingNamespaces.has(ns),
    });
  }
  computed.set(input, out);
  return out;
}

/** What the wave of a namespace adds for its policies: applied before the rollouts, deleted after they are undone. */
export function attachPolicies(
  input: PlanInput,
  ns: string,
): { findings: string[]; commands: string[]; rollback: string[]; manifests: Manifest[]; effects: Effect[]; verify: string } | null {
  const mine = fargatePolicyAttachments(input).filter((a) => a.inWave && a.namespace === ns);
  if (mine.length === 0) return null;
  return {
    findings: mine.flatMap((a) => a.findings),
    commands: mine.map((a) => sh`kubectl apply -f ${a.manifest.file}`),
    rollback: mine.map((a) => sh`kubectl delete securitygrouppolicy ${a.name} -n ${ns}`),
    manifests: mine.map((a) => a.manifest),
    effects: mine.map((a): Effect => ({ type: 'create-object', object: kubeRef('SecurityGroupPolicy', ns, a.name), manifest: a.manifest.file })),
    verify: `SecurityGroupPolicy ${mine.map((a) => a.name).join(', ')} in place and the moved pods carry the vpc.amazonaws.com/pod-eni annotation`,
  };
}
