import type { Step } from '@modeshift/plan';

/**
 * Where a step's commands name one of its manifests: in the step itself; only in its rollback (the object
 * as it is before the step, kept so that a rollback after a deletion can re-create it); or nowhere (the
 * reader applies it as the caption says).
 */
export type ManifestUse = 'step' | 'rollback' | 'none';

export function manifestUses(step: Step): (file: string) => ManifestUse {
  const commands = step.commands.join('\n');
  const rollback = step.rollback.commands.join('\n');
  return (file) => (commands.includes(file) ? 'step' : rollback.includes(file) ? 'rollback' : 'none');
}
