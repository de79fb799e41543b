import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { UserError, type LoadProblem } from '@modeshift/core/base';

const INVENTORY_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

const PULUMI_PROJECT_FILE = 'Pulumi.yaml';

export const isInventoryFile = (file: string) => INVENTORY_EXTENSIONS.has(extname(file).toLowerCase());

export interface InputFiles {
  /** In reading order: the paths in the order given, each directory's files sorted. */
  files: string[];
  problems: LoadProblem[];
}

/** The OS reason, without the path Node puts in error messages (the problem already names it). */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case undefined: // not an OS error: its own message
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * Expands the paths into the files to read. A path that does not exist is a usage mistake and throws;
 * anything found inside a directory that cannot be read is a problem, and the rest is still read.
 * Inside directories only .yaml/.yml/.json files are read and dot-entries (.git) are ignored, so a
 * README.md next to the manifests makes no noise; a non-inventory file named explicitly is reported.
 */
export async function findInputFiles(paths: string[]): Promise<InputFiles> {
  const files: string[] = [];
  const problems: LoadProblem[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = (file: string) => {
    const key = resolve(file);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(file);
  };

  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      // A symbolic link back up the tree would otherwise be walked forever.
      const real = await realpath(dir);
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: dir, line: null, severity: 'error', message: `cannot read the directory: ${reasonOf(error)}` });
      return;
    }

    // A stack `modeshift stack` wrote (or any Pulumi project) is code and a copy of a plan, not cluster
    // objects: its plan.json would otherwise be read as a second describe-cluster.
    if (entries.some((e) => e.name === PULUMI_PROJECT_FILE && (e.isFile() || e.isSymbolicLink()))) {
      problems.push({
        file: dir,
        line: null,
        severity: 'skipped',
        message: `a Pulumi project (it has ${PULUMI_PROJECT_FILE}, as the stacks modeshift writes do), not an inventory`,
      });
      return;
    }

    const names = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of names) {
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          // A broken link to what would be read is worth a word; one to anything else is as ignorable as its target.
          if (isInventoryFile(path)) {
            problems.push({ file: path, line: null, severity: 'error', message: `cannot follow the link: ${reasonOf(error)}` });
          }
          continue;
        }
      }
      if (isDirectory) await walk(path);
      else if (isFile && isInventoryFile(path)) addFile(path);
    }
  };

  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new UserError('input', `${path}: ${reasonOf(error)}`);
    }
    if (info.isDirectory()) await walk(path);
    else if (!info.isFile()) problems.push({ file: path, line: null, severity: 'skipped', message: 'not a regular file' });
    else if (isInventoryFile(path)) addFile(path);
    else problems.push({ file: path, line: null, severity: 'skipped', message: 'not a .yaml, .yml or .json file' });
  }
  return { files, problems };
}
