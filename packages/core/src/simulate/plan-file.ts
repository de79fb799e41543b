import { UserError } from '../errors.js';
import type { EffectType } from '@modeshift/plan';
import type { Plan } from '@modeshift/plan';
import type { RuleContext } from '../rules/engine/types.js';

// A record, not a list, so that a new effect type fails to compile until it is accepted here.
const KNOWN_EFFECTS: Record<EffectType, true> = {
  'patch-pod-template': true,
  'recreate-workload': true,
  'restart-workload': true,
  'scale-workload': true,
  'delete-workload': true,
  'create-object': true,
  'delete-object': true,
  'annotate-object': true,
  'patch-object': true,
  'retire-load-balancer': true,
  'migrate-web-acl': true,
  'associate-web-acl': true,
  'create-fargate-profile': true,
  'delete-fargate-profile': true,
  'enable-auto-mode': true,
  'disable-auto-mode': true,
  'install-addon': true,
  'remove-addon': true,
  'upgrade-addon': true,
  'attach-role-policies': true,
  'detach-role-policies': true,
  'create-role': true,
  'update-role-trust': true,
  'create-pod-identity-association': true,
  'create-oidc-provider': true,
  'set-authentication-mode': true,
  'upgrade-kubernetes': true,
  'move-data': true,
  'suspend-reconciliation': true,
  'resume-reconciliation': true,
};
const EFFECT_TYPES: ReadonlySet<string> = new Set(Object.keys(KNOWN_EFFECTS));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A parsed plan JSON (as `plan --format json` writes it, possibly edited) checked to be a plan this
 * simulator can replay, and one for this inventory and direction. Any problem is one message naming
 * the file.
 */
export function readPlanValue(value: unknown, file: string, ctx: RuleContext): Plan {
  const bad = (problem: string) => new UserError('input', `${file}: ${problem}`);
  if (!isObject(value) || value.schemaVersion !== 2) throw bad('not a modeshift plan (schemaVersion 2 expected)');
  if (!Array.isArray(value.stages) || !Array.isArray(value.workloads) || !isObject(value.cluster))
    throw bad('not a modeshift plan (stages, workloads and cluster expected)');
  const ids = new Set<string>();
  for (const stage of value.stages) {
    if (!isObject(stage) || !Array.isArray(stage.steps)) throw bad('a stage without steps');
    for (const step of stage.steps) {
      if (!isObject(step) || typeof step.id !== 'string' || typeof step.title !== 'string') throw bad('a step without an id or title');
      if (ids.has(step.id)) throw bad(`step ${step.id} appears twice`);
      ids.add(step.id);
      if (!isStrings(step.dependsOn)) throw bad(`step ${step.id}: dependsOn must be a list of step ids`);
      if (!Array.isArray(step.manifests)) throw bad(`step ${step.id}: manifests must be a list`);
      if (!Array.isArray(step.effects)) throw bad(`step ${step.id} has no effects (a plan written before steps carried effects: plan again)`);
      for (const effect of step.effects) {
        if (!isObject(effect) || typeof effect.type !== 'string' || !EFFECT_TYPES.has(effect.type))
          throw bad(`step ${step.id} has an effect of unknown type ${isObject(effect) ? JSON.stringify(effect.type) : 'none'}`);
      }
    }
  }
  const plan = value as unknown as Plan;
  const cluster = ctx.inventory.cluster?.name ?? null;
  if ((plan.cluster.name ?? null) !== cluster)
    throw bad(`a plan for cluster ${plan.cluster.name ?? 'unnamed'}, but the inventory is of ${cluster ?? 'an unnamed cluster'}`);
  if (plan.to !== ctx.target) throw bad(`a plan to ${plan.to}, but --to is ${ctx.target}`);
  if (plan.from !== ctx.placement.from) throw bad(`a plan from ${plan.from}, but the inventory runs on ${ctx.placement.from}`);
  const planned = new Set(plan.workloads.map((w) => w.workload));
  const missing = ctx.inventory.workloads.filter((w) => !planned.has(w.key)).map((w) => w.key);
  const extra = [...planned].filter((k) => !ctx.index.workload(k));
  if (missing.length > 0 || extra.length > 0) {
    const what =
      missing.length > 0
        ? `does not know ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`
        : `names ${extra.slice(0, 3).join(', ')}, which the inventory does not have`;
    throw bad(`a plan for other workloads: it ${what}`);
  }
  return plan;
}
