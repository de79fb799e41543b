// A SecurityGroupPolicy left behind when its pods move to Auto Mode below Kubernetes 1.36: the VPC
// resource controller's webhook may still add vpc.amazonaws.com/pod-eni requests to matching pods on
// EC2, which Auto Mode nodes do not offer, so the pods stay Pending (aws-facts §0.5, §2). The wave that
// moves the pods removes the policy first, or narrows it to the pods that stay on Fargate.
import { kubeRef, slug, type Effect } from '@modeshift/plan';
import type { Namespaced, Workload } from '../inventory/types.js';
import type { LabelSelector, SecurityGroupPolicySpec } from '../kube.js';
import type { PlanInput } from './plan-input.js';
import { sh, shellComment } from '../util/shell.js';

type Sgp = Namespaced<SecurityGroupPolicySpec>;

export interface PolicyRelease {
  commands: string[];
  /** Run before the rollouts are undone, so pods back on Fargate get their groups again. */
  rollback: string[];
  /** What the wave's verification checks besides the placement. */
  verify: string;
  /** What the commands change, for the wave step's effects. */
  effects: Effect[];
  /** The policies as the inventory has them, for the rollback to re-create. */
  manifests: { file: string; object: Record<string, unknown> }[];
}

const HONOURED = new WeakMap<PlanInput, boolean>();

/**
 * Whether Auto Mode applies SecurityGroupPolicy itself (1.36 or later): then the policies stay. Worked
 * out once per plan: every wave asks, and a large plan has thousands of waves and tens of thousands of findings.
 */
function honoured(input: PlanInput): boolean {
  let known = HONOURED.get(input);
  if (known === undefined) {
    known = input.findings.some((f) => f.action.type === 'security-groups' && f.action.change.kind === 'verify-security-group-policy');
    HONOURED.set(input, known);
  }
  return known;
}

/** A label the moving pods have and none of the staying ones selected by the policy has, to exclude them by. */
function excluding(moving: Workload[], staying: Workload[]): LabelSelector['matchExpressions'] | null {
  const out: NonNullable<LabelSelector['matchExpressions']> = [];
  for (const w of moving) {
    const labels = Object.entries(w.template.metadata.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const pick = labels.find(([k, v]) => staying.every((s) => s.template.metadata.labels[k] !== v));
    if (!pick) return null;
    out.push({ key: pick[0], operator: 'NotIn', values: [pick[1]] });
  }
  return out;
}

/** The commands that take the namespace's policies off the pods this wave moves; null when none applies. */
export function releasePolicies(input: PlanInput, ns: string, moving: Workload[]): PolicyRelease | null {
  if (input.ctx.target !== 'auto-mode' || honoured(input)) return null;
  const index = input.ctx.index;
  const movingKeys = new Set(moving.map((w) => w.key));
  const byPolicy = new Map<Sgp, { moving: Workload[]; staying: Workload[] }>();
  for (const w of index.workloadsIn(ns)) {
    for (const p of index.securityGroupPoliciesFor(w)) {
      let entry = byPolicy.get(p);
      if (!entry) byPolicy.set(p, (entry = { moving: [], staying: [] }));
      (movingKeys.has(w.key) ? entry.moving : entry.staying).push(w);
    }
  }
  const commands: string[] = [];
  const rollback: string[] = [];
  const verify: string[] = [];
  const manifests: PolicyRelease['manifests'] = [];
  const effects: Effect[] = [];
  for (const [p, { moving: movers, staying }] of byPolicy) {
    if (movers.length === 0) continue;
    const name = p.metadata.name;
    // The inventory's copy, not `kubectl get -o yaml`: a saved resourceVersion would make re-creating it fail.
    const file = `sgp-${slug(ns)}-${slug(name)}-before.yaml`;
    const { labels } = p.metadata;
    manifests.push({
      file,
      object: { apiVersion: p.apiVersion, kind: p.kind, metadata: { name, namespace: ns, ...(Object.keys(labels).length ? { labels } : {}) }, spec: p.spec },
    });
    rollback.push(sh`kubectl apply -f ${file}`);
    const narrowed = staying.length > 0 && !p.spec.serviceAccountSelector && p.spec.podSelector ? excluding(movers, staying) : null;
    if (staying.length === 0) {
      commands.push(sh`kubectl delete securitygrouppolicy ${name} -n ${ns}`);
      effects.push({ type: 'delete-object', object: kubeRef('SecurityGroupPolicy', ns, name), replacedBy: null });
      verify.push(`SecurityGroupPolicy ${name} deleted`);
    } else if (narrowed) {
      const selector = { ...p.spec.podSelector, matchExpressions: [...(p.spec.podSelector?.matchExpressions ?? []), ...narrowed] };
      const patch = { spec: { podSelector: selector } };
      commands.push(sh`kubectl patch securitygrouppolicy ${name} -n ${ns} --type merge -p ${JSON.stringify(patch)}`);
      effects.push({ type: 'patch-object', object: kubeRef('SecurityGroupPolicy', ns, name), patch });
      verify.push(`SecurityGroupPolicy ${name} no longer selects ${movers.map((w) => w.metadata.name).join(', ')}`);
    } else {
      commands.push(
        shellComment(
          `narrow SecurityGroupPolicy ${ns}/${name} by hand so that it selects only ${staying.map((w) => w.metadata.name).join(', ')} (which stay on Fargate) and not ${movers.map((w) => w.metadata.name).join(', ')}, before the rollouts below`,
        ),
      );
      verify.push(`SecurityGroupPolicy ${name} narrowed to the pods that stay on Fargate`);
    }
  }
  if (commands.length === 0) return null;
  return { commands, rollback, manifests, effects, verify: `${verify.join('; ')}; no moved pod requests vpc.amazonaws.com/pod-eni` };
}
