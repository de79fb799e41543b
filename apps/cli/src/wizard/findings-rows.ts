import { SEVERITIES, type Finding, type Plan, type Severity } from '@modeshift/core';

export type FindingRow =
  { kind: 'group'; severity: Severity; capability: string; rule: string; title: string; count: number } | { kind: 'finding'; finding: Finding; index: number };

export interface FindingRows {
  /** Rows in all: a header per group, then its findings. */
  count: number;
  row(index: number): FindingRow;
  /** The findings the cursor moves over, in row order. */
  items: Finding[];
  /** The row that items[i] sits at. */
  rowOf(item: number): number;
}

interface Group {
  severity: Severity;
  capability: string;
  rule: string;
  title: string;
  findings: Finding[];
  /** Its header's row. */
  row: number;
  /** Its first finding's index in `items`. */
  first: number;
}

export function resourceLabel(f: Finding): string {
  if (!f.resource) return 'cluster';
  const { kind, namespace, name } = f.resource;
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

/** `/` searches by name or namespace; the capability, the rule and the resource kind match too, as typed in a group header. */
export function matches(f: Finding, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const r = f.resource;
  const fields = r ? [r.name, r.namespace ?? '', `${r.namespace ?? ''}/${r.name}`, r.kind] : ['cluster'];
  return [...fields, f.capability, f.rule].some((field) => field.toLowerCase().includes(q));
}

/** The last group whose `key` is at most `n`: groups are in row order, so both keys ascend. */
function groupAt(groups: Group[], key: 'row' | 'first', n: number): Group {
  let lo = 0;
  let hi = groups.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (groups[mid]![key] <= n) lo = mid;
    else hi = mid - 1;
  }
  return groups[lo]!;
}

/**
 * Findings grouped by severity (worst first), then rule: one header per rule, saying what it is once,
 * with its resources under it. Linear in the number of findings, and rows are made only when shown: a plan with 50,000 findings opens the screen without building 50,000 rows.
 */
export function findingRows(plan: Plan, query: string): FindingRows {
  const bySeverity = SEVERITIES.map(() => new Map<string, Finding[]>());
  const rank = new Map(SEVERITIES.map((s, i) => [s, i]));
  for (const f of plan.findings) {
    if (!matches(f, query)) continue;
    const rules = bySeverity[rank.get(f.severity)!]!;
    const list = rules.get(f.rule);
    if (list) list.push(f);
    else rules.set(f.rule, [f]);
  }
  const groups: Group[] = [];
  const items: Finding[] = [];
  let row = 0;
  bySeverity.forEach((rules, i) => {
    for (const rule of [...rules.keys()].sort()) {
      const findings = rules.get(rule)!;
      const capability = findings[0]!.capability;
      groups.push({ severity: SEVERITIES[i]!, capability, rule, title: plan.rules[rule]?.title ?? rule, findings, row, first: items.length });
      for (const f of findings) items.push(f);
      row += 1 + findings.length;
    }
  });
  return {
    count: row,
    items,
    row(index) {
      const g = groupAt(groups, 'row', index);
      if (index === g.row) return { kind: 'group', severity: g.severity, capability: g.capability, rule: g.rule, title: g.title, count: g.findings.length };
      const at = index - g.row - 1;
      return { kind: 'finding', finding: g.findings[at]!, index: g.first + at };
    },
    rowOf: (item) => {
      const g = groupAt(groups, 'first', item);
      return g.row + 1 + (item - g.first);
    },
  };
}
