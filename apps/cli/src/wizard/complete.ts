import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';

export interface Completion {
  value: string;
  /** Every entry that matched when there was more than one. */
  candidates: string[];
}

function commonPrefix(names: string[]): string {
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Tab completion for the Source path field, like a shell: the longest unambiguous part, then the choices. */
export function completePath(value: string, cwd: string): Completion {
  const cut = value.lastIndexOf('/') + 1;
  const head = value.slice(0, cut);
  const prefix = value.slice(cut);
  const dir = head === '' ? cwd : resolve(cwd, head.startsWith('~/') ? `${homedir()}/${head.slice(2)}` : head);
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.name.startsWith(prefix) && (prefix.startsWith('.') || !e.name.startsWith('.')))
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
      .sort();
  } catch {
    return { value, candidates: [] };
  }
  if (names.length === 0) return { value, candidates: [] };
  if (names.length === 1) return { value: head + names[0], candidates: [] };
  return { value: head + commonPrefix(names), candidates: names };
}
