import { remediationOf, SEVERITIES, type Finding, type Plan, type Severity } from '@modeshift/plan';
import { findingResource, groupFindings, type FindingGroup } from './finding-groups.js';
import { forTerminal as t } from './terminal.js';
import { wrap } from './wrap.js';
import { groupInOrder } from '../util/group-by.js';

export type Paint = (style: Severity | 'bold' | 'dim', text: string) => string;

export interface TextContext {
  plan: Plan;
  paint: Paint;
  width: number;
  push: (...lines: string[]) => void;
}

/** Resource lines a group shows before "… and N more": a summary, not an inventory (--verbose lists all). */
const RESOURCE_LINES = 6;
/** The same for resources packed by namespace, which hold many names a line. */
const PACKED_LINES = 4;

/** "batch-0002: CronJob/cart-0, CronJob/indexer-6": resources packed by namespace. */
function packedResources(findings: readonly Finding[]): { namespace: string; names: string[] }[] {
  const byNamespace = groupInOrder(findings, (f) => (f.resource ? (f.resource.namespace ?? '(cluster-scoped)') : '(cluster)'));
  return [...byNamespace].map(([namespace, list]) => ({
    namespace,
    names: list.map((f) => (f.resource ? `${f.resource.kind}/${f.resource.name}` : 'cluster')),
  }));
}

function resourceLines(ctx: TextContext, g: FindingGroup, findings: readonly Finding[]): string[] {
  const { width } = ctx;
  const lines: string[] = [];
  const detailed = findings.some((f) => g.detail(f) !== '' || g.ownRemediation(f) !== null);
  if (detailed) {
    // Resources whose findings add the same detail (and remediation) share one entry: "a, b: detail".
    const byDetail = groupInOrder(findings, (f) => `${g.detail(f)}\u0000${g.ownRemediation(f) ?? ''}`);
    for (const list of byDetail.values()) {
      const first = list[0]!;
      const names = list.map((f) => t(findingResource(f))).join(', ');
      lines.push(...wrap(`${names}: ${t(g.detail(first))}`, width, '      ', '        '));
      const own = g.ownRemediation(first);
      if (own !== null) lines.push(...wrap(t(own), width, '        → ', '          '));
    }
  } else {
    // Namespaces follow one another on a line: 250 resources in 30 namespaces fit in a few lines.
    const packed = packedResources(findings).map(({ namespace, names }) => `${t(namespace)}: ${names.map(t).join(', ')}`);
    lines.push(...wrap(packed.join('; '), width, '      '));
  }
  const limit = detailed ? RESOURCE_LINES : PACKED_LINES;
  if (lines.length <= limit + 1) return lines;
  const shown = lines.slice(0, limit);
  return [...shown, ...note(ctx, `… ${lines.length - limit} more lines (--verbose lists every finding; --format md gives the table)`, '      ')];
}

/** A remark in dim text, wrapped. */
export function note(ctx: TextContext, text: string, indent: string): string[] {
  return wrap(text, ctx.width, indent, `${indent}  `).map((l) => ctx.paint('dim', l));
}

/** A heading line wrapped to the width, its severity painted. */
function heading(ctx: TextContext, severity: Severity, label: string, text: string): string[] {
  const [first, ...rest] = wrap(`${label} ${text}`, ctx.width, '  ', '    ');
  return [`  ${ctx.paint(severity, label)}${first!.slice(2 + label.length)}`, ...rest];
}

function groupLines(ctx: TextContext, g: FindingGroup): string[] {
  const { width } = ctx;
  const label = g.severity.toUpperCase();
  if (g.findings.length === 1) {
    // One resource: it reads as the finding itself.
    const f = g.findings[0]!;
    return [
      ...heading(ctx, g.severity, label, `${t(findingResource(f))} [${f.capability}] ${g.rule}`),
      ...wrap(t(f.message), width, '    '),
      ...wrap(t(remediationOf(ctx.plan.rules, f)), width, '    → ', '      '),
    ];
  }
  const header = heading(ctx, g.severity, label, `${t(g.title)} [${g.capability}] ${g.rule} · ${g.findings.length} resources`);
  const remediation = wrap(t(g.remediation), width, '    → ', '      ');
  const [only, ...more] = g.variants;
  if (more.length === 0) {
    return [
      ...header,
      ...(only!.why !== null ? wrap(t(only!.why), width, '    ') : []),
      ...remediation,
      `    resources (${g.findings.length}):`,
      ...resourceLines(ctx, g, g.findings),
    ];
  }
  // A few different messages: each once, with the resources it is about.
  const lines = [...header, ...remediation];
  for (const v of g.variants) lines.push(...wrap(t(v.why ?? ''), width, `    ${v.findings.length} × `, '      '), ...resourceLines(ctx, g, v.findings));
  return lines;
}

/** Findings one entry per rule, worst first: the summary's detail, short enough to read. */
export function groupedFindingLines(ctx: TextContext): void {
  const groups = groupFindings(ctx.plan);
  if (groups.length === 0) return;
  ctx.push('', ctx.paint('bold', `Findings (${ctx.plan.findings.length}, by rule: ${groups.length})`));
  for (const g of groups) ctx.push(...groupLines(ctx, g));
}

/** Every finding on its own, as `--verbose` shows them: blockers and changes in full, the rest on a line. */
export function everyFindingLines(ctx: TextContext): void {
  const { plan, paint, width } = ctx;
  const bySeverity = new Map<Severity, Finding[]>(SEVERITIES.map((s) => [s, []]));
  for (const f of plan.findings) bySeverity.get(f.severity)!.push(f);
  for (const severity of ['blocker', 'change'] as const) {
    const list = bySeverity.get(severity)!;
    if (list.length === 0) continue;
    ctx.push('', paint('bold', `${severity === 'blocker' ? 'Blockers' : 'Changes'} (${list.length})`));
    for (const f of list) {
      ctx.push(...heading(ctx, severity, severity.toUpperCase(), `${t(findingResource(f))} [${f.capability}]`));
      ctx.push(...wrap(t(f.message), width, '    '));
      ctx.push(...wrap(t(remediationOf(plan.rules, f)), width, '    → ', '      '));
    }
  }
  const rest = [...bySeverity.get('advisory')!, ...bySeverity.get('gain')!];
  if (rest.length === 0) return;
  ctx.push('', paint('bold', `Advisories and gains (${rest.length})`));
  for (const f of rest) {
    const [first, ...more] = wrap(t(f.message), width, `  ${f.severity} ${t(findingResource(f))}: `, '    ');
    ctx.push(first!.replace(`  ${f.severity} `, `  ${paint(f.severity, f.severity)} `), ...more);
  }
}
