import type { Action, Finding } from '@modeshift/plan';
import type { RuleContext } from '../rules/engine/types.js';
import { groupInOrder } from '../util/group-by.js';

type ActionOf<T extends Action['type']> = Extract<Action, { type: T }>;

/** What every stage builder reads: the rule context, the findings, and names derived once. */
export interface PlanInput {
  ctx: RuleContext;
  findings: Finding[];
  cluster: string;
  region: string;
  accountId: string;
  /** Workload keys that cannot move, with the findings that keep them. */
  staying: Map<string, Finding[]>;
  /** Findings by action type, in finding order: every stage asks for one or two types. */
  byAction: ReadonlyMap<Action['type'], readonly { finding: Finding; action: Action }[]>;
}

export function planInput(ctx: RuleContext, findings: Finding[]): PlanInput {
  const cluster = ctx.inventory.cluster;
  const arnAccount = cluster?.arn?.split(':')[4];
  const staying = new Map<string, Finding[]>();
  const byAction = new Map<Action['type'], { finding: Finding; action: Action }[]>();
  for (const f of findings) {
    const action = f.action;
    const list = byAction.get(action.type);
    if (list) list.push({ finding: f, action });
    else byAction.set(action.type, [{ finding: f, action }]);
  }
  for (const f of findings) {
    if (f.action.type !== 'stay' || !f.resource) continue;
    const key = `${f.resource.kind}/${f.resource.namespace}/${f.resource.name}`;
    const list = staying.get(key);
    if (list) list.push(f);
    else staying.set(key, [f]);
  }
  return {
    ctx,
    findings,
    cluster: cluster?.name ?? '<cluster-name>',
    region: cluster?.region ?? '<region>',
    accountId: arnAccount && arnAccount !== '' ? arnAccount : '<account-id>',
    staying,
    byAction,
  };
}

/** Findings whose action has the given type, with the action narrowed. Shared: callers filter, never change it. */
export function withAction<T extends Action['type']>(input: PlanInput, type: T): readonly { finding: Finding; action: ActionOf<T> }[] {
  return (input.byAction.get(type) ?? []) as readonly { finding: Finding; action: ActionOf<T> }[];
}

/** Items grouped by key, in key order. A key of a union type (a task's kind, say) stays that type. */
export function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  return new Map([...groupInOrder(items, key).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The items whose `what` is of one kind, with `what` narrowed to it. Used on a group already keyed by
 * that kind (every item passes), so a stage reads a task's fields without casting it.
 */
export function ofKind<X extends { what: { kind: string } }, K extends X['what']['kind']>(
  items: readonly X[],
  kind: K,
): (X & { what: Extract<X['what'], { kind: K }> })[] {
  return items.filter((item): item is X & { what: Extract<X['what'], { kind: K }> } => item.what.kind === kind);
}

export function ids(items: readonly { finding: Finding }[]): string[] {
  return items.map((i) => i.finding.id);
}

export function roleName(arn: string | null | undefined, fallback: string): string {
  return arn?.split('/').pop() || fallback;
}
