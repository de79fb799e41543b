// The README's suggested `kubectl get` commands are how a person without `collect` builds an inventory:
// a kind they leave out is a kind the rules never see, so they must name every kind `collect` reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds.js';

const README = new URL('../../../README.md', import.meta.url);

function suggestedResources(): Set<string> {
  const markdown = readFileSync(README, 'utf8');
  const resources = new Set<string>();
  for (const [, list] of markdown.matchAll(/(?:^\s*|\(`)kubectl get ([a-z0-9.,-]+) -A -o yaml/gm)) for (const r of list!.split(',')) resources.add(r);
  return resources;
}

describe("the README's kubectl get commands", () => {
  it('list every kind the collector reads, custom resources by their group', () => {
    const resources = suggestedResources();
    for (const spec of KINDS) expect(resources, spec.kind).toContain(spec.optional ? `${spec.plural}.${spec.group}` : spec.plural);
  });
});
