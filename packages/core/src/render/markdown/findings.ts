import { CAPABILITY_MATRIX } from '../../capabilities/matrix.js';
import { sourcesOf, type Action, type Finding } from '@modeshift/plan';
import { findingRef, groupKey, stepRef, type Context } from './context.js';
import { findingResource, type FindingGroup } from '../finding-groups.js';
import { groupInOrder } from '../../util/group-by.js';
import { code, inline, plural, tableRow, url } from './syntax.js';

const STAY_ON: Record<Extract<Action, { type: 'stay' }>['on'], string> = {
  'managed-nodes': 'EC2 managed nodes (its node group is kept)',
  'auto-mode': 'Auto Mode (a NodePool that fits it is kept)',
  fargate: 'Fargate (the profile that selects it is kept)',
};

function capabilityLink(ctx: Context, f: Finding): string {
  const doc = sourcesOf(ctx.plan.rules, f)[0];
  return doc ? `[${code(f.capability)}](${url(doc)})` : code(f.capability);
}

/** What the target offers for the capability, from the same matrix the rules read. */
function targetFact(ctx: Context, g: FindingGroup): string | null {
  const row = CAPABILITY_MATRIX[ctx.plan.to]?.[g.capability];
  // Many messages already quote the matrix; saying it twice adds nothing.
  if (!row || g.variants.some((v) => v.why?.includes(row.summary))) return null;
  const condition = row.condition ? ` Condition: ${inline(row.condition)}` : '';
  return `${inline(row.summary)}${condition}`;
}

/**
 * The resources of one namespace as a table cell or list item: their names, and what their findings say
 * that the rule's other findings do not, once for all the resources that say the same (a namespace's 40
 * workloads that move to the same Fargate profile name it once).
 */
function resourceList(g: FindingGroup, list: readonly Finding[], detailed: boolean): string {
  const byDetail = new Map<string, Set<string>>();
  for (const f of list) {
    const r = f.resource;
    const name = !r ? 'cluster' : r.namespace === null ? findingResource(f) : `${r.kind}/${r.name}`;
    const detail = detailed ? g.detail(f) : '';
    const own = detailed ? g.ownRemediation(f) : null;
    const key = `${detail ? ` (${inline(detail)})` : ''}${own ? ` (remediation: ${inline(own)})` : ''}`;
    const names = byDetail.get(key);
    if (names) names.add(code(name));
    else byDetail.set(key, new Set([code(name)]));
  }
  // A resource with two findings of the rule (one per step that breaks it) is named once per detail.
  return [...byDetail].map(([detail, names]) => `${[...names].join(', ')}${detail}`).join('; ');
}

/** The group's findings by namespace, in first-seen order. */
function byNamespace(findings: readonly Finding[]): Map<string, Finding[]> {
  return groupInOrder(findings, (f) => f.resource?.namespace ?? '');
}

/** "**Why:** …", once per thing the group's messages say. */
function whyLines(g: FindingGroup): string[] {
  if (g.findings.length === 1) return [`- **Why:** ${inline(g.findings[0]!.message)}`];
  if (g.variants.length === 1) return g.variants[0]!.why === null ? [] : [`- **Why:** ${inline(g.variants[0]!.why)}`];
  return ['- **Why:**', ...g.variants.map((v) => `  - ${v.findings.length} × ${inline(v.why ?? '')}`)];
}

/** A rule's resources are a table of one row per namespace up to this many namespaces, else one paragraph. */
const TABLE_NAMESPACES = 6;
/**
 * A rule with more resources than this lists their names only: what each finding says of its own is left
 * to --verbose, the wizard and the plan JSON (at 20,000 workloads the details alone were megabytes).
 */
const DETAILED_RESOURCES = 1000;
/** Steps named where a rule's findings are answered; more are counted. */
const NAMED_STEPS = 6;

/** The steps that answer these findings, each once, in the order the findings name them. */
function stepsOf(ctx: Context, findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => ctx.findingStep.get(f.id)).filter((s): s is string => s !== undefined))];
}

function stepList(ctx: Context, steps: readonly string[]): string {
  const named = steps.slice(0, NAMED_STEPS).map((s) => stepRef(ctx, s));
  return steps.length > NAMED_STEPS ? `${named.join(', ')} and ${steps.length - NAMED_STEPS} more` : named.join(', ');
}

/** "[1](…) [2](…)": the rule's sources, numbered. */
function sourceLinks(ctx: Context, g: FindingGroup): string {
  const sources = [...new Set(g.findings.flatMap((f) => sourcesOf(ctx.plan.rules, f)))];
  return sources.map((s, i) => `[${i + 1}](${url(s)})`).join(' ');
}

function sourceLine(ctx: Context, g: FindingGroup): string[] {
  const links = sourceLinks(ctx, g);
  return links ? [`- **Sources:** ${links}`] : [];
}

function blocker(ctx: Context, g: FindingGroup): string[] {
  const n = ctx.findingNumber.get(g.findings[0]!.id) ?? 0;
  const one = g.findings.length === 1 ? findingResource(g.findings[0]!) : null;
  const what = one ?? `${g.title}, ${plural(g.findings.length, 'resource')}`;
  const heading = ctx.anchors.heading(
    3,
    `blocker:${g.rule}`,
    `B${n}. ${what} (${g.capability})`,
    `B${n}. ${one ? code(one) : inline(what)} (${inline(g.capability)})`,
  );
  const fact = targetFact(ctx, g);
  const first = g.findings[0]!;
  const steps = stepsOf(ctx, g.findings);
  const stepText = steps.length > 0 ? `: step ${stepList(ctx, steps)}` : '';
  const options = [`- ${inline(g.remediation)}`];
  if (first.action.type === 'stay') options.push(`- If nothing changes, ${one ? 'it stays' : 'they stay'} on ${STAY_ON[first.action.on]}${stepText}.`);
  else if (steps.length > 0) options.push(`- The plan handles ${one ? 'it' : 'them'} in step ${stepList(ctx, steps)}.`);
  const lines = [
    heading,
    '',
    ...(one ? [`- **Resource:** ${code(one)}`] : []),
    ...whyLines(g),
    `- **Capability:** ${capabilityLink(ctx, first)}${fact ? `: ${fact}` : ''}`,
    '- **Options:**',
    ...options.map((o) => `  ${o}`),
    ...sourceLine(ctx, g),
  ];
  lines.push(`- **Rule:** ${code(g.rule)}${one ? '' : `, its ${plural(g.findings.length, 'resource')} listed in ${findingRef(ctx, first.id)}`}`);
  return [...lines, ''];
}

export function blockersSection(ctx: Context): string[] {
  const groups = ctx.groups.filter((g) => g.severity === 'blocker');
  const lines = [ctx.anchors.heading(2, 'blockers', 'Blockers'), ''];
  if (groups.length === 0) return [...lines, 'None: nothing keeps a workload from moving.'];
  const count = groups.reduce((n, g) => n + g.findings.length, 0);
  lines.push(
    `${plural(count, 'blocker')}, from ${plural(groups.length, 'rule')}. Decide each one before starting: the options say what changes, and what the plan does if nothing does.`,
    '',
  );
  for (const g of groups) lines.push(...blocker(ctx, g));
  lines.pop();
  return lines;
}

/** One rule's entry in "All findings": what it says once, then its resources by namespace with the steps that answer them. */
function findingGroup(ctx: Context, g: FindingGroup, n: number): string[] {
  const first = g.findings[0]!;
  const heading = ctx.anchors.heading(3, groupKey(g), `R${n}. ${g.title} (${g.severity}, ${plural(g.findings.length, 'resource')})`);
  const sources = sourceLinks(ctx, g);
  const lines = [
    heading,
    '',
    `- **Rule:** ${code(g.rule)} · **Capability:** ${capabilityLink(ctx, first)}${sources ? ` · **Sources:** ${sources}` : ''}`,
    ...whyLines(g),
    `- **Remediation:** ${inline(g.remediation)}`,
    '',
  ];
  const detailed = g.findings.length <= DETAILED_RESOURCES;
  const namespaces = byNamespace(g.findings);
  if (namespaces.size > TABLE_NAMESPACES) {
    lines.pop();
    return [...lines, ...resourceParagraph(ctx, g, namespaces, detailed), ''];
  }
  lines.push(tableRow(['Namespace', 'Resources', 'Step']), '|---|---|---|');
  for (const [ns, list] of namespaces) {
    lines.push(tableRow([ns ? code(ns) : '', resourceList(g, list, detailed), stepList(ctx, stepsOf(ctx, list))]));
  }
  if (!detailed) lines.push('', OWN_DETAIL);
  return [...lines, ''];
}

const OWN_DETAIL = `What each resource's finding says of its own: ${code('modeshift plan … --format text --verbose')}, the wizard or the plan JSON.`;

/**
 * A rule across many namespaces: one paragraph, not a row per namespace. The steps that answer the
 * findings are named once when every namespace's are the same (one pinning step for 15,000 workloads).
 */
function resourceParagraph(ctx: Context, g: FindingGroup, namespaces: Map<string, Finding[]>, detailed: boolean): string[] {
  const stepsByNs = [...namespaces.values()].map((list) => stepList(ctx, stepsOf(ctx, list)));
  const shared = stepsByNs.every((s) => s === stepsByNs[0]) ? stepsByNs[0]! : null;
  const parts = [...namespaces].map(([ns, list], i) => {
    const steps = shared === null && stepsByNs[i] ? ` (${stepsByNs[i]})` : '';
    return `${ns ? code(ns) : '(cluster)'}${steps}: ${resourceList(g, list, detailed)}`;
  });
  const head = `- **Resources (${g.findings.length})**`;
  const answered = shared ? `, answered in ${stepsOf(ctx, g.findings).length === 1 ? 'step' : 'steps'} ${shared},` : '';
  const intro = shared === null ? `${head} by namespace (step):` : `${head}${answered} by namespace:`;
  return [`${intro} ${parts.join(' · ')}`, ...(detailed ? [] : [`- ${OWN_DETAIL}`])];
}

export function findingsSection(ctx: Context): string[] {
  const lines = [ctx.anchors.heading(2, 'findings', 'All findings'), ''];
  if (ctx.plan.findings.length === 0) return [...lines, 'No findings.'];
  lines.push(
    `${plural(ctx.plan.findings.length, 'finding')} from ${plural(ctx.groups.length, 'rule')}, worst first; each rule once, with the resources it found. Steps refer to them by number (R1, R2, …).`,
    '',
  );
  ctx.groups.forEach((g, i) => lines.push(...findingGroup(ctx, g, i + 1)));
  lines.pop();
  return lines;
}

export function sourcesSection(ctx: Context): string[] {
  const capabilities = new Map<string, Set<string>>();
  for (const f of ctx.plan.findings) {
    for (const s of sourcesOf(ctx.plan.rules, f)) {
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
