import { remediationOf, SEVERITIES, type CapabilityId, type Finding, type Plan, type Severity } from '@modeshift/plan';
import { resourceKey } from '../rules/engine/run.js';
import { sharedWords } from './shared-words.js';
import { groupInOrder } from '../util/group-by.js';

/**
 * The findings of one rule at one severity, as people read them: what and why once, the remediation
 * once, then the resources with only what differs between them. 20,000 CronJobs that need the same
 * annotation are one entry, not 20,000 copies of the same two paragraphs.
 */
export interface FindingGroup {
  rule: string;
  severity: Severity;
  capability: CapabilityId;
  title: string;
  findings: Finding[];
  /**
   * The findings by what their messages say, with `<resource>` where each names its own: one variant
   * when they all say the same, a few when they say one of a few things; `why` is null when they share nothing.
   */
  variants: { why: string | null; findings: Finding[] }[];
  /** The remediation most of the group's findings have (the others are in `ownRemediation`). */
  remediation: string;
  /** Per finding: the part of its message the others do not share ('' when `why` says it all). */
  detail(f: Finding): string;
  /** The finding's remediation when it is not the group's, else null. */
  ownRemediation(f: Finding): string | null;
}

/** The placeholder a shared message has where each finding names its own resource. */
export const RESOURCE_PLACEHOLDER = '<resource>';

/** Characters a name is made of: "cart-1" inside "cart-10" or "shop/cart-1x" is not the word "cart-1". */
function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 95 || code === 47;
}

/** Whether the text around `at` continues a name; a dot does only inside one ("my.app"), not at a sentence's end. */
function continues(text: string, at: number, step: 1 | -1): boolean {
  const code = text.charCodeAt(at);
  if (Number.isNaN(code)) return false;
  if (code === 46) return isNameChar(text.charCodeAt(at + step));
  return isNameChar(code);
}

/** `text` with every whole-word `word` replaced by `by`. */
function replaceWord(text: string, word: string, by: string): string {
  let at = text.indexOf(word);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const end = at + word.length;
    if (!continues(text, at - 1, -1) && !continues(text, end, 1)) {
      out += text.slice(from, at) + by;
      from = end;
    }
    at = text.indexOf(word, end);
  }
  return out + text.slice(from);
}

/**
 * The message with the finding's own resource named generically, so messages of one rule compare equal:
 * "Ingress/shop/web", "Ingress shop/web", "shop/web" and the bare name "web" all become the placeholder.
 */
function genericMessage(f: Finding): string {
  const r = f.resource;
  if (!r) return f.message;
  const name = r.namespace === null ? r.name : `${r.namespace}/${r.name}`;
  let text = f.message;
  for (const form of [`${r.kind}/${name}`, `${r.kind} ${name}`, name, r.name]) text = replaceWord(text, form, RESOURCE_PLACEHOLDER);
  return text;
}

/**
 * A finding's own words with its resource named again: the detail is printed beside the resource, and
 * "9 workloads in namespace <resource> move" reads as a template, not as what this namespace holds.
 */
function ownName(detail: string, f: Finding): string {
  return f.resource && detail.includes(RESOURCE_PLACEHOLDER) ? detail.split(RESOURCE_PLACEHOLDER).join(f.resource.name) : detail;
}

/** At most this many distinct messages are each shown once with their resources; more are summarised. */
const MESSAGE_VARIANTS = 4;

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = values[0] ?? '';
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/**
 * The comma, semicolon or colon every detail ends with, if they all end with the same one: "After step a,"
 * and "After step b," differ in "a" and "b", and the comma belongs to the words they share.
 */
function sharedMark(details: readonly string[]): string {
  const mark = details[0]?.at(-1) ?? '';
  if (!',;:'.includes(mark) || mark === '') return '';
  return details.every((d) => d.length > 1 && d.endsWith(mark)) ? mark : '';
}

function group(plan: Plan, rule: string, severity: Severity, findings: Finding[]): FindingGroup {
  const entry = plan.rules[rule];
  const generic = findings.map(genericMessage);
  const remediations = findings.map((f) => remediationOf(plan.rules, f));
  const remediation = mostCommon(remediations);
  const ownRemediation = new Map<Finding, string>();
  findings.forEach((f, i) => {
    if (remediations[i] !== remediation) ownRemediation.set(f, remediations[i]!);
  });
  const details = new Map<Finding, string>();
  const genericOf = new Map(findings.map((f, i) => [f, generic[i]!]));
  const byMessage = groupInOrder(findings, (f) => genericOf.get(f)!);
  let variants: FindingGroup['variants'];
  if (byMessage.size <= MESSAGE_VARIANTS) {
    variants = [...byMessage].map(([why, list]) => ({ why, findings: list }));
  } else {
    // Many different messages: say what they share once, and per finding only the words that differ.
    const { head, tail, start, end, parts: own } = sharedWords(generic);
    const mark = sharedMark(own);
    variants = [{ why: head + tail === 0 ? null : [start, `…${mark}`, end].filter((s) => s !== '').join(' '), findings }];
    findings.forEach((f, i) => details.set(f, ownName(mark ? own[i]!.slice(0, -1) : own[i]!, f)));
  }
  return {
    rule,
    severity,
    capability: findings[0]!.capability,
    title: entry?.title ?? rule,
    findings,
    variants,
    remediation,
    detail: (f) => details.get(f) ?? '',
    ownRemediation: (f) => ownRemediation.get(f) ?? null,
  };
}

/** Groups by rule and severity: worst severity first, then by rule id; findings keep the plan's order. */
export function groupFindings(plan: Plan): FindingGroup[] {
  const keyed = groupInOrder(plan.findings, (f) => `${f.severity}\u0000${f.rule}`);
  const rank = new Map(SEVERITIES.map((s, i) => [s, i]));
  return [...keyed.values()]
    .map((list) => group(plan, list[0]!.rule, list[0]!.severity, list))
    .sort((a, b) => rank.get(a.severity)! - rank.get(b.severity)! || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** "Deployment/shop/web", or "cluster" for a finding about the whole cluster. */
export function findingResource(f: Finding): string {
  return resourceKey(f.resource);
}
