import { stringify } from 'yaml';
import type { Manifest } from '@modeshift/plan';
import { REDACTED } from '../../inventory/redact.js';
import { code, fence } from './syntax.js';
import type { ManifestUse } from '../../plan/manifest-use.js';

/** Manifests longer than this are named, not shown, so the checklist stays readable. */
const INLINE_LINES = 25;

export { REDACTED };

/** How many values the inventory reader replaced (see inventory/redact.ts): the document says so next to the manifest. */
function countRedacted(text: string): number {
  let count = 0;
  for (let at = text.indexOf(REDACTED); at !== -1; at = text.indexOf(REDACTED, at + REDACTED.length)) count++;
  return count;
}

/**
 * YAML 1.1 quoting: kubectl reads manifests with a YAML 1.1 parser, where an unquoted `yes` or `on` is a
 * boolean. No aliases: anchors are legal but make a manifest hard to read and edit. Key order is the
 * planner's, which is deterministic; sorting would put `kind` after `data`.
 */
export function manifestText(manifest: Manifest): { text: string; redacted: number } {
  const object = manifest.object;
  const text = manifest.file.toLowerCase().endsWith('.json')
    ? `${JSON.stringify(object, null, 2)}\n`
    : stringify(object, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0, sortMapEntries: false });
  return { text, redacted: countRedacted(text) };
}

function language(file: string): string {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

/**
 * One manifest as Markdown lines, inside a list item (`indent`). When no command of the step names the
 * file, the caption says how to apply it, so no manifest is left without a command; one that only the
 * rollback names is the object as it was, saved first and applied only to roll back. One longer than a
 * screen is named, not shown: the wizard shows it and `modeshift export` writes the Kubernetes ones as
 * files, which is how a long manifest is used anyway.
 */
export function manifestBlock(manifest: Manifest, indent: string, use: ManifestUse): { lines: string[]; redacted: number } {
  const { text, redacted } = manifestText(manifest);
  const count = text.replace(/\n$/, '').split('\n').length;
  const how =
    use === 'rollback'
      ? ' before the step, as it is now (only the rollback applies it)'
      : use === 'none' && language(manifest.file) === 'yaml'
        ? ` and apply it with ${code(`kubectl apply -f ${manifest.file}`)}`
        : '';
  // `modeshift export` keeps a rollback copy apart, in the folder's rollback/ (applying the folder would undo the step).
  const where = use === 'rollback' ? "`modeshift export` writes it in the step folder's `rollback/`" : '`modeshift export` writes it';
  if (count > INLINE_LINES) return { lines: [`${indent}Save as ${code(manifest.file)}${how} (${count} lines: the wizard shows it, ${where})`], redacted: 0 };
  return { lines: [`${indent}Save as ${code(manifest.file)}${how}:`, '', ...fence(language(manifest.file), text, indent)], redacted };
}
