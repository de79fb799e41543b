import type { Plan } from '@modeshift/plan';
import { buildContext, type MarkdownOptions } from './context.js';
import { blockersSection, findingsSection, sourcesSection } from './findings.js';
import { incompleteSection } from './incomplete.js';
import { costSection } from './cost.js';
import { stageSection } from './steps.js';
import { stageOrderSection, summarySection, titleSection } from './summary.js';

export type { MarkdownOptions, StepProgress, StepStatus } from './context.js';
/** GitHub's heading anchors, for tools that link into an exported plan. */
export { githubSlug } from './syntax.js';
/** Encoders for other Markdown written from plan text (the generated stack's README). */
export { code as markdownCode, fence as markdownFence, inline as markdownInline } from './syntax.js';

/**
 * The plan as one GitHub-flavoured Markdown change ticket: summary, stage diagram, blockers, a task
 * list per stage, then every finding and the sources. Pure and deterministic: the same plan (and
 * progress) gives the same bytes; the only date in it is the inventory's own.
 */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const ctx = buildContext(plan, options);
  // Sections are rendered in document order: heading anchors are numbered the way GitHub numbers them.
  const incomplete = incompleteSection(ctx);
  const sections: string[][] = [
    titleSection(ctx),
    summarySection(ctx),
    ...(incomplete.length > 0 ? [incomplete] : []),
    costSection(ctx),
    stageOrderSection(ctx),
    blockersSection(ctx),
  ];
  plan.stages.forEach((stage, i) => sections.push(stageSection(ctx, stage, i)));
  sections.push(findingsSection(ctx), sourcesSection(ctx));
  const document = sections.map((lines) => lines.join('\n')).join('\n\n');
  return `${ctx.anchors.resolve(document)}\n`;
}
export { manifestText } from './manifests.js';
