import { CAPABILITY_MATRIX } from '../../capabilities/matrix.js';
import type { Action, Finding } from '@modeshift/plan';
import { findingKey, findingRef, resourceOf, stepRef, type Context } from './context.js';
import { code, inline, plural, tableRow, url } from './syntax.js';

const STAY_ON: Record<Extract<Action, { type: 'stay' }>['on'], string> = {
  'managed-nodes': 'EC2 managed nodes (its node group is kept)',
  'auto-mode': 'Auto Mode (a NodePool that fits it is kept)',
  fargate: 'Fargate (the profile that selects it is kept)',
};

function capabilityLink(f: Finding): string {
  const doc = f.sources[0];
  return doc ? `[${code(f.capability)}](${url(doc)})` : code(f.capability);
}

/** What the target offers for the capability, from the same matrix the rules read. */
function targetFact(ctx: Context, f: Finding): string | null {
  const row = CAPABILITY_MATRIX[ctx.plan.to]?.[f.capability];
  // Many messages already quote the matrix; saying it twice adds nothing.
  if (!row || f.message.includes(row.summary)) return null;
  const condition = row.condition ? ` Condition: ${inline(row.condition)}` : '';
  return `${inline(row.summary)}${condition}`;
}

function blocker(ctx: Context, f: Finding): string[] {
  const n = ctx.findingNumber.get(f.id) ?? 0;
  const resource = resourceOf(f);
  const heading = ctx.anchors.heading(3, findingKey(f.id), `F${n}. ${resource} (${f.capability})`, `F${n}. ${code(resource)} (${inline(f.capability)})`);
  const fact = targetFact(ctx, f);
  const step = ctx.findingStep.get(f.id);
  const options = [`- ${inline(f.remediation)}`];
  if (f.action.type === 'stay') options.push(`- If nothing changes, it stays on ${STAY_ON[f.action.on]}${step ? `: step ${stepRef(ctx, step)}` : ''}.`);
  else if (step) options.push(`- The plan handles it in step ${stepRef(ctx, step)}.`);
  return [
    heading,
    '',
    `- **Resource:** ${code(resource)}`,
    `- **Why:** ${inline(f.message)}`,
    `- **Capability:** ${capabilityLink(f)}${fact ? `: ${fact}` : ''}`,
    '- **Options:**',
    ...options.map((o) => `  ${o}`),
    ...(f.sources.length > 0 ? [`- **Sources:** ${f.sources.map((s, i) => `[${i + 1}](${url(s)})`).join(' ')}`] : []),
    `- **Finding id:** ${code(f.id)}`,
    '',
  ];
}

export function blockersSection(ctx: Context): string[] {
  const blockers = ctx.plan.findings.filter((f) => f.severity === 'blocker');
  const lines = [ctx.anchors.heading(2, 'blockers', 'Blockers'), ''];
  if (blockers.length === 0) return [...lines, 'None: nothing keeps a workload from moving.'];
  lines.push(
    `${plural(blockers.length, 'blocker')}. Decide each one before starting: the options say what changes, and what the plan does if nothing does.`,
    '',
  );
  for (const f of blockers) lines.push(...blocker(ctx, f));
  lines.pop();
  return lines;
}

export function findingsSection(ctx: Context): string[] {
  const lines = [ctx.anchors.heading(2, 'findings', 'All findings'), ''];
  if (ctx.plan.findings.length === 0) return [...lines, 'No findings.'];
  lines.push(
    `${plural(ctx.plan.findings.length, 'finding')}, worst first. Steps refer to them by number.`,
    '',
    tableRow(['#', 'Severity', 'Capability', 'Resource', 'Message', 'Step']),
    '|--:|---|---|---|---|---|',
  );
  for (const f of ctx.plan.findings) {
    const step = ctx.findingStep.get(f.id);
    lines.push(tableRow([findingRef(ctx, f.id), f.severity, code(f.capability), code(resourceOf(f)), inline(f.message), step ? stepRef(ctx, step) : '']));
  }
  return lines;
}

export function sourcesSection(ctx: Context): string[] {
  const capabilities = new Map<string, Set<string>>();
  for (const f of ctx.plan.findings) {
    for (const s of f.sources) {
      let set = capabilities.get(s);
      if (!set) capabilities.set(s, (set = new Set()));
      set.add(f.capability);
    }
  }
  const lines = [ctx.anchors.heading(2, 'sources', 'Sources'), ''];
  if (capabilities.size === 0) return [...lines, 'No findings, so no sources cited.'];
  lines.push('The AWS documentation the findings rest on.', '');
  for (const source of [...capabilities.keys()].sort()) {
    const caps = [...(capabilities.get(source) ?? [])].sort().map(code).join(', ');
    lines.push(`- <${url(source)}>: ${caps}`);
  }
  return lines;
}
