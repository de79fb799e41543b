import type { Finding, RuleCatalogue, RuleEntry } from '@modeshift/plan';
import { RULES } from '../rules/engine/registry.js';
import type { Rule, RuleFinding } from '../rules/engine/types.js';

const KNOWN = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

/** Words of rule ids that are written in capitals. */
const ACRONYMS = new Set(['ebs', 'efs', 'gpu', 'iam', 'ec2', 'dns', 'ip', 'imds', 'csi', 'irsa', 'os', 'lb']);

/**
 * The title of a rule no rule of this version states (every registered rule has its own): the
 * simulation's findings ("simulation-capacity") read as the invariant they break; any other id, as
 * "auto-mode-ebs-volume" → "EBS volume", in words without the target it is named for.
 */
export function ruleTitle(ruleId: string): string {
  const invariant = /^simulation-(.+)$/.exec(ruleId)?.[1];
  if (invariant !== undefined) return `Broken invariant: ${invariant.replace(/-/g, ' ')}`;
  const words = ruleId
    .replace(/^(auto-mode|fargate)-/, '')
    .split('-')
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The value most items have; on a tie the one seen first (findings come sorted, so this is stable). */
function mostCommon<T>(items: readonly T[], key: (item: T) => string): T {
  const counts = new Map<string, { item: T; count: number }>();
  let best: { item: T; count: number } | undefined;
  for (const item of items) {
    const k = key(item);
    let entry = counts.get(k);
    if (!entry) counts.set(k, (entry = { item, count: 0 }));
    entry.count += 1;
    if (!best || entry.count > best.count) best = entry;
  }
  return best!.item;
}

/** Sources are URLs, never holding a NUL. */
const sourcesKey = (sources: readonly string[]) => sources.join('\u0000');

export interface CataloguedFindings {
  rules: RuleCatalogue;
  findings: Finding[];
}

function entryFor(id: string, list: readonly RuleFinding[]): RuleEntry {
  const first = list[0]!;
  const severity = list.every((f) => f.severity === first.severity) ? first.severity : undefined;
  // Built in sorted key order: the JSON writer then copies nothing.
  return {
    capability: first.capability,
    remediation: mostCommon(list, (f) => f.remediation).remediation,
    ...(severity ? { severity } : {}),
    sources: mostCommon(list, (f) => sourcesKey(f.sources)).sources,
    title: KNOWN.get(id)?.title ?? ruleTitle(id),
  };
}

/**
 * States once, per rule, what its findings share (title, remediation, sources; severity when they all
 * have the same), and leaves each finding only what is its own. 20,000 findings of one rule then carry
 * one remediation, not 20,000 copies of it. Findings keep their order; rules come out sorted by id.
 */
export function catalogueFindings(findings: readonly RuleFinding[]): CataloguedFindings {
  const byRule = new Map<string, RuleFinding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const rules: RuleCatalogue = {};
  for (const id of [...byRule.keys()].sort()) rules[id] = entryFor(id, byRule.get(id)!);
  return { rules, findings: findings.map((f) => ownParts(f, rules[f.rule]!)) };
}

/** The keys `ownParts` writes itself; any other key a rule added is carried over as it is. */
function isOwnKey(key: string): boolean {
  switch (key) {
    case 'action':
    case 'capability':
    case 'id':
    case 'message':
    case 'remediation':
    case 'resource':
    case 'rule':
    case 'severity':
    case 'sources':
      return true;
    default:
      return false;
  }
}

/** The finding without what its rule's entry already says, built in sorted key order. */
function ownParts(f: RuleFinding, rule: RuleEntry): Finding {
  const ownRemediation = f.remediation !== rule.remediation;
  const ownSources = f.sources !== rule.sources && sourcesKey(f.sources) !== sourcesKey(rule.sources);
  const own: Finding = {
    action: f.action,
    capability: f.capability,
    id: f.id,
    message: f.message,
    ...(ownRemediation ? { remediation: f.remediation } : {}),
    resource: f.resource,
    rule: f.rule,
    severity: f.severity,
    ...(ownSources ? { sources: f.sources } : {}),
  };
  for (const key in f) {
    if (!isOwnKey(key) && Object.hasOwn(f, key)) (own as unknown as Record<string, unknown>)[key] = (f as unknown as Record<string, unknown>)[key];
  }
  return own;
}

/** `rules` with the entries of `more` added (their rule ids are not in `rules`), sorted by id as the JSON writes them. */
export function mergeCatalogues(rules: RuleCatalogue, more: RuleCatalogue): RuleCatalogue {
  const merged: RuleCatalogue = {};
  for (const id of [...Object.keys(rules), ...Object.keys(more)].sort()) merged[id] = more[id] ?? rules[id]!;
  return merged;
}
