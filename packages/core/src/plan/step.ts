import type { Step, StepKind } from './types.js';

export type StepInput = Pick<Step, 'id' | 'title' | 'kind' | 'why'> & Partial<Omit<Step, 'id' | 'title' | 'kind' | 'why'>>;

export function makeStep(input: StepInput): Step {
  return {
    dependsOn: [],
    commands: [],
    manifests: [],
    infrastructure: [],
    verify: { command: '', expect: '' },
    rollback: { description: 'Nothing to roll back.', commands: [] },
    workloads: [],
    namespaces: [],
    ...input,
    findings: [...new Set(input.findings ?? [])].sort(),
  };
}

/** A DNS-label-ish fragment for step ids and object names: lower case, [a-z0-9-]. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export type { StepKind };
