// Module-resolution hooks (node:module register) that append every resolved URL to a file. They run
// on the loader's own thread, so they report through the file rather than through memory.
import { appendFileSync } from 'node:fs';
import type { InitializeHook, ResolveHook } from 'node:module';

let log: string | null = null;

export const initialize: InitializeHook<{ log: string }> = (data) => {
  log = data.log;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const result = await nextResolve(specifier, context);
  if (log !== null) appendFileSync(log, `${result.url}\n`);
  return result;
};
