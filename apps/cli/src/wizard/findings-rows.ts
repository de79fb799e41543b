import { SEVERITIES, type Finding, type Plan, type Severity } from '@modeshift/core';

export type FindingRow =
  | { kind: 'group'; severity: Severity; capability: string; count: number }
  | { kind: 'finding'; finding: Finding; index: number };

export interface FindingRows {
  rows: FindingRow[];
  /** The findings the cursor moves over, in row order. */
  items: Finding[];
  /** items[i] sits at rows[rowOf[i]]. */
  rowOf: number[];
}

export function resourceLabel(f: Finding): string {
  if (!f.resource) return 'cluster';
  const { kind, namespace, name } = f.resource;
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

/** `/` searches by name or namespace; the capability and the resource kind match too, as typed in a group header. */
export function matches(f: Finding, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const r = f.resource;
  const fields = r ? [r.name, r.namespace ?? '', `${r.namespace ?? ''}/${r.name}`, r.kind] : ['cluster'];
  return [...fields, f.capability].some((field) => field.toLowerCase().includes(q));
}

/** Findings grouped by severity (worst first), then capability. Linear in the number of findings. */
export function findingRows(plan: Plan, query: string): FindingRows {
  const groups = new Map<string, Finding[]>();
  const rank = new Map(SEVERITIES.map((s, i) => [s, i]));
  for (const f of plan.findings) {
    if (!matches(f, query)) continue;
    const key = `${rank.get(f.severity)}\u0000${f.capability}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const rows: FindingRow[] = [];
  const items: Finding[] = [];
  const rowOf: number[] = [];
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key)!;
    rows.push({ kind: 'group', severity: list[0]!.severity, capability: list[0]!.capability, count: list.length });
    for (const finding of list) {
      rowOf.push(rows.length);
      rows.push({ kind: 'finding', finding, index: items.length });
      items.push(finding);
    }
  }
  return { rows, items, rowOf };
}
