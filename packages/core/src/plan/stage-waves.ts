import { type Mode, slug, type Step } from '@modeshift/plan';
import type { InventoryIndex } from '../inventory/index-lookups.js';
import type { Workload } from '../inventory/types.js';
import { editEffect } from './effect-builders.js';
import type { Effect } from '@modeshift/plan';
import { collectMoves, type Move } from './moves.js';
import { kubectlResource, patchCommands, rollbackCommands } from './patches.js';
import type { PlanInput } from './plan-input.js';
import { makeStep } from './step.js';
import { releasePolicies } from './wave-security-group-policies.js';
import { attachPolicies } from './fargate-security-group-policies.js';
import { sh, shellComment } from '../util/shell.js';
import { MIGRATION_TAINT } from '../placement/karpenter-pools.js';
import { describeOwner, detectOwner, valuesHints, whereToChange } from '../export/ownership.js';
import { reconcilerSteps } from './wave-reconcilers.js';

/**
 * Higher is riskier: state, public traffic and single replicas make a namespace a later wave.
 * `unprotected`: replicated but no PodDisruptionBudget; worked out here once, for the wave's advice too.
 */
function assess(index: InventoryIndex, w: Workload): { risk: number; unprotected: boolean } {
  let risk = 0;
  if (w.kind === 'StatefulSet' || w.volumeClaimTemplates.length > 0) risk += 3;
  if ((w.template.spec.volumes ?? []).some((v) => v.persistentVolumeClaim)) risk += 3;
  if (index.servicesFor(w).some((s) => s.spec.type === 'LoadBalancer')) risk += 2;
  if (w.replicas !== null && w.replicas <= 1) risk += 1;
  const unprotected = w.replicas !== null && index.pdbsFor(w).length === 0;
  if (unprotected) risk += 1;
  return { risk, unprotected };
}

const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** For a workload Helm, Argo CD or Flux manages: where its change belongs, and the values keys to look for. */
function ownerNotes(move: Move): string[] {
  const owner = detectOwner(move.workload.metadata);
  if (!owner || move.edits.length === 0) return [];
  const w = move.workload;
  const hints = valuesHints(move.edits);
  const values = hints.length ? ` In its values, ${hints.join('; ')} (names differ between charts; a chart may not offer one).` : '';
  return [shellComment(`${w.kind} ${w.metadata.namespace}/${w.metadata.name} is managed by ${describeOwner(owner)}: ${whereToChange(owner)}.${values}`)];
}

function moveCommands(move: Move, target: Mode): string[] {
  const w = move.workload;
  const ns = w.metadata.namespace;
  const patches = patchCommands(w, move.edits);
  const out = [...ownerNotes(move), ...patches];
  if (patches.length === 0 && ROLLOUT_KINDS.has(w.kind)) out.push(sh`kubectl rollout restart ${kubectlResource(w)} -n ${ns}`);
  if (patches.length === 0 && !ROLLOUT_KINDS.has(w.kind))
    out.push(shellComment(`${w.kind} ${ns}/${w.metadata.name}: new pods land on ${target === 'fargate' ? 'Fargate' : 'Auto Mode'} when it next runs`));
  for (const opt of move.optional) out.push(...patchCommands(w, opt.edits).map((c) => shellComment(`optional, ${opt.label}: ${c.replace(/^# /, '')}`)));
  if (ROLLOUT_KINDS.has(w.kind)) out.push(sh`kubectl rollout status ${kubectlResource(w)} -n ${ns} --timeout=10m`);
  return out;
}

/** What moving the workload changes: the edits as a patch (or a re-creation), else a restart. */
function moveEffects(move: Move): Effect[] {
  const edited = editEffect(move.workload, move.edits);
  if (edited) return [edited];
  return ROLLOUT_KINDS.has(move.workload.kind) ? [{ type: 'restart-workload', workload: move.workload.key }] : [];
}

/**
 * A check that can pass: it names the pods that moved, says which stay on the source by design
 * (CoreDNS until the last step, workloads the plan keeps), and does not expect pods of a CronJob,
 * which has none until its next scheduled run.
 */
function verifyFor(input: PlanInput, ns: string, list: Move[]): Step['verify'] {
  const target = input.ctx.target;
  const node = target === 'auto-mode' ? 'a node named i-… (Auto Mode)' : 'a node named fargate-ip-…';
  const moved = new Set(list.map((m) => m.workload.key));
  const source = target === 'auto-mode' ? 'Fargate' : 'EC2 nodes';
  // The namespace's workloads from the index: filtering the whole inventory for each of 2,000 waves took seconds.
  const left = input.ctx.index.workloadsIn(ns).filter((w) => {
    if (moved.has(w.key) || w.finished !== null) return false;
    const current = input.ctx.placement.workloads.get(w.key)?.current.type;
    return current !== undefined && current !== 'pending' && current !== target;
  });
  const names = (ws: Workload[]) => ws.map((w) => w.metadata.name).join(', ');
  const running = list.map((m) => m.workload).filter((w) => w.kind !== 'CronJob');
  const scheduled = list.map((m) => m.workload).filter((w) => w.kind === 'CronJob');
  const parts: string[] = [];
  if (running.length > 0) parts.push(`the pods of ${names(running)} Running on ${node}`);
  if (left.length > 0) parts.push(`${names(left)} still on ${source}, as planned`);
  if (scheduled.length > 0)
    parts.push(
      `CronJob ${names(scheduled)} has no pod until its next scheduled run: its template shows the change now, and that run's pod must land on ${node}`,
    );
  const first = scheduled[0];
  const command =
    running.length === 0 && first
      ? sh`kubectl get cronjob ${first.metadata.name} -n ${ns} -o jsonpath='{.spec.jobTemplate.spec.template.metadata.annotations}{.spec.jobTemplate.spec.template.spec.nodeSelector}'`
      : sh`kubectl get pods -n ${ns} -o wide`;
  return { command, expect: parts.join('; ') };
}

/** One step per namespace, lowest risk first, each waiting for the one before. */
export function waveSteps(input: PlanInput, after: string[]): Step[] {
  const moves = collectMoves(input);
  const byNs = new Map<string, Move[]>();
  for (const m of moves) {
    const list = byNs.get(m.workload.metadata.namespace);
    if (list) list.push(m);
    else byNs.set(m.workload.metadata.namespace, [m]);
  }
  const ranked = [...byNs.entries()]
    .map(([ns, list]) => {
      const assessed = list.map((m) => assess(input.ctx.index, m.workload));
      const risk = assessed.reduce((sum, a) => sum + a.risk, 0) / list.length;
      return { ns, list, risk, unprotected: list.filter((_, i) => assessed[i]!.unprotected).map((m) => m.workload.metadata.name) };
    })
    .sort((a, b) => a.risk - b.risk || (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
  const steps: Step[] = [];
  let previous: string[] = after;
  ranked.forEach(({ ns, list, unprotected }, i) => {
    const id = `waves/${slug(ns)}`;
    // Argo CD and Flux would put a patched workload back: their sync is paused in a step before the wave, resumed in one after.
    const sync = reconcilerSteps({ id, number: i + 1, namespace: ns }, list, input.ctx.target, previous);
    if (sync) steps.push(sync.pause);
    // One pass, appending in place: a large estate has thousands of waves.
    const findings: string[] = [];
    const commands: string[] = [];
    const rollback: string[] = [];
    const workloads: string[] = [];
    const effects: Effect[] = [];
    // Security group policies come off the moving pods before they restart, and back before they return.
    const release = releasePolicies(
      input,
      ns,
      list.map((m) => m.workload),
    );
    if (release) {
      commands.push(...release.commands);
      rollback.push(...release.rollback);
      effects.push(...release.effects);
    }
    // Fargate: the namespace's SecurityGroupPolicies go on right before its pods move there.
    const attach = attachPolicies(input, ns);
    if (attach) {
      findings.push(...attach.findings);
      commands.push(...attach.commands);
      effects.push(...attach.effects);
    }
    for (const m of list) {
      for (const e of moveEffects(m)) effects.push(e);
      for (const f of m.findings) findings.push(f);
      for (const c of moveCommands(m, input.ctx.target)) commands.push(c);
      for (const c of rollbackCommands(m.workload, m.edits)) rollback.push(c);
      workloads.push(m.workload.key);
    }
    if (attach) rollback.push(...attach.rollback);
    const verify = verifyFor(input, ns, list);
    // Pods a Fargate profile holds Pending never ran: the wave starts them, it does not move them.
    const starting = list.filter((m) => input.ctx.placement.workloads.get(m.workload.key)?.current.type === 'pending').map((m) => m.workload.metadata.name);
    const movingCount = list.length - starting.length;
    const count = (n: number) => `${n} workload${n === 1 ? '' : 's'}`;
    steps.push(
      makeStep({
        id,
        title:
          starting.length === 0
            ? `Wave ${i + 1}: move namespace ${ns} (${count(list.length)})`
            : `Wave ${i + 1}: namespace ${ns}: ${movingCount > 0 ? `move ${count(movingCount)}, ` : ''}start ${count(starting.length)} that ${starting.length === 1 ? 'does' : 'do'} not run today`,
        kind: 'wave',
        why:
          waveReason(input, list) +
          (starting.length
            ? ` ${starting.join(', ')} never ran: a Fargate profile selects ${starting.length === 1 ? 'its pods' : 'their pods'}, but Fargate cannot run them, so they are Pending; this wave starts them on the target.`
            : '') +
          (unprotected.length === 1
            ? ` No PodDisruptionBudget protects ${unprotected[0]}: watch its rollout.`
            : unprotected.length > 1
              ? ` No PodDisruptionBudget protects ${unprotected.join(', ')}: roll them out one at a time and watch.`
              : '') +
          (sync
            ? ` Argo CD or Flux applies some of these workloads: ${sync.pause.id} pauses their sync first, and ${sync.resume.id} gives it back once their source has the change.`
            : ''),
        findings,
        dependsOn: sync ? [sync.pause.id] : previous,
        commands,
        manifests: [...(release?.manifests ?? []), ...(attach?.manifests ?? [])],
        verify: { ...verify, expect: [verify.expect, ...(release ? [release.verify] : []), ...(attach ? [attach.verify] : [])].join('; ') },
        rollback: {
          description:
            (release
              ? 'Restore the SecurityGroupPolicies saved before the move, then undo the rollouts; pods return to where they ran before.'
              : 'Undo the rollouts; pods return to where they ran before.') + (starting.length ? ` ${starting.join(', ')} go back to Pending on Fargate.` : ''),
          commands: rollback,
        },
        effects,
        workloads,
        namespaces: [ns],
      }),
    );
    if (sync) steps.push(sync.resume);
    previous = [id];
  });
  return steps;
}

/** How the wave's rollout gets its pods onto the target, for the compute they leave. */
function waveReason(input: PlanInput, list: readonly Move[]): string {
  if (input.ctx.target === 'fargate') return 'Restarted pods are scheduled by the Fargate profile that selects them; the rollout replaces pods gradually.';
  const from = new Set(list.map((m) => input.ctx.placement.workloads.get(m.workload.key)?.current.type));
  const reasons = [
    // Pending pods are those a Fargate profile holds: the same annotation starts them on Auto Mode.
    ...(from.has('fargate') || from.has('pending')
      ? ['the pod-template annotation eks.amazonaws.com/compute-type: ec2 keeps new pods off Fargate, so Auto Mode schedules them']
      : []),
    ...(from.has('managed-nodes')
      ? [
          `the toleration for ${MIGRATION_TAINT.key}:${MIGRATION_TAINT.effect} and the nodeSelector eks.amazonaws.com/compute-type: auto take new pods off Karpenter's nodes onto the Auto Mode NodePools that replace its pools`,
        ]
      : []),
    'the rollout replaces pods gradually.',
  ].join('; ');
  return reasons.charAt(0).toUpperCase() + reasons.slice(1);
}

export function staysStep(input: PlanInput, after: string[]): Step | null {
  if (input.staying.size === 0) return null;
  const keys = [...input.staying.keys()].sort();
  const lines = keys.map((key) => {
    const findings = input.staying.get(key) ?? [];
    const current = input.ctx.placement.workloads.get(key)?.current;
    if (current?.type === 'pending')
      return shellComment(`${key} runs nowhere today (${current.reason}) and cannot run on the target either: ${findings.map((f) => f.message).join(' ')}`);
    const on = findings[0]?.action.type === 'stay' ? findings[0].action.on : 'managed-nodes';
    const where =
      on === 'auto-mode'
        ? 'Auto Mode (keep a NodePool that fits it)'
        : on === 'fargate'
          ? 'Fargate (keep the profile that selects it)'
          : current?.type === 'managed-nodes' && current.nodePool !== undefined
            ? `Karpenter NodePool ${current.nodePool} (kept, with the Karpenter controller)`
            : 'EC2 managed nodes (keep its node group)';
    return shellComment(`${key} stays on ${where}: ${findings.map((f) => f.message).join(' ')}`);
  });
  return makeStep({
    id: 'waves/stays',
    title: `Keep ${keys.length} workload${keys.length === 1 ? '' : 's'} where ${keys.length === 1 ? 'it runs' : 'they run'}`,
    kind: 'stays',
    why: 'These workloads cannot run on the target as they are; the cluster keeps the capacity they need, and the decommission stage leaves it in place.',
    findings: [...input.staying.values()].flat().map((f) => f.id),
    dependsOn: after,
    commands: lines,
    verify: { command: 'kubectl get pods -A -o wide', expect: 'the listed workloads still Running where they ran before' },
    workloads: keys,
  });
}
