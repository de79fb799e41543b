import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync, fstatSync, fchmodSync, lstatSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '@modeshift/core/base';

/** The streams a command writes to; tests pass their own. */
export interface Io {
  /** Only its TTY-ness is read: the wizard starts only when a person can type into it. */
  stdin?: { isTTY?: boolean };
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  endQuietlyWhenStdoutCloses();
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

let watchingStdout = false;

/**
 * `modeshift plan … | head`: the reader has all it wanted once it closes the pipe, so the write that fails
 * with EPIPE ends the process quietly and successfully, as other command-line tools do. Any other error
 * on stdout is still one.
 */
function endQuietlyWhenStdoutCloses(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export interface OutputWriter {
  write(chunk: string): void;
  /** Writes out what is still buffered. */
  end(): void;
}

/**
 * Where a command streams a large output. When that is the process's own stdout and stdout is a file
 * or /dev/null (written synchronously), pieces are encoded into one reused 1 MiB buffer and written
 * in few system calls: through the stream, each 32 KB piece of a plan of tens of megabytes cost a
 * Buffer of its own and a write. Terminals, pipes and test doubles get the pieces as they come.
 */
export function outputWriter(io: Io): OutputWriter {
  if (io.stdout !== process.stdout || io.stdout.isTTY || !isFileOrDevice(1)) {
    return { write: (chunk) => void io.stdout.write(chunk), end: () => undefined };
  }
  const buffer = Buffer.allocUnsafeSlow(1 << 20);
  let used = 0;
  const writeAll = (bytes: Uint8Array, end: number) => {
    for (let done = 0; done < end;) done += writeSync(1, bytes, done, end - done);
  };
  const flush = () => {
    writeAll(buffer, used);
    used = 0;
  };
  return {
    write(chunk) {
      // UTF-8 takes at most three bytes per UTF-16 unit.
      if (used + chunk.length * 3 > buffer.length) flush();
      if (chunk.length * 3 > buffer.length) {
        const bytes = Buffer.from(chunk);
        writeAll(bytes, bytes.length);
        return;
      }
      used += buffer.write(chunk, used);
    },
    end: flush,
  };
}

function isFileOrDevice(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFile() || stat.isCharacterDevice();
  } catch {
    return false;
  }
}

/** The text plan's width: the terminal's columns when stdout is one, else the renderer's default. */
export function textWidth(io: Io): number | undefined {
  const columns = io.stdout.columns;
  return io.stdout.isTTY && typeof columns === 'number' && columns > 0 ? columns : undefined;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  const noColor = io.env.NO_COLOR;
  return Boolean(io[stream].isTTY) && (noColor === undefined || noColor === '');
}

/** What a path is, in words, for messages about things modeshift will not replace. */
export function fileKind(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a regular file';
}

/** The path's own status (a link is not followed), or null when nothing is there. */
export function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError('input', `${path}: cannot check it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * An `--out` value as given: absent means "print to stdout", but an empty one (`--out ''`, often an unset
 * shell variable) is a mistake and is refused rather than taken for absent.
 */
export function outOption(value: string | undefined, what: string): string | undefined {
  if (value === '') throw new UserError('usage', `--out is empty: name the ${what} to write`);
  return value;
}

/** Refuses a path that is there but is not a regular file; returns what is there. Commands call it before any work. */
export function checkReplaceable(path: string): Stats | null {
  const existing = lstatOrNull(path);
  if (existing && !existing.isFile()) {
    throw new UserError('usage', `${path} is ${fileKind(existing)}: modeshift replaces only regular files, so name another path`);
  }
  return existing;
}

/** What a file is written from: its text, or a producer that hands the text over in pieces (a large plan is never one string). */
export type FileContent = string | ((write: (chunk: string) => void) => void);

/**
 * Writes a file so that readers see the old content or the new, never half of it: temporary file in the
 * same directory, fsync, rename. Only a regular file is ever replaced: the rename would put a new file in
 * place of a symbolic link, a named pipe or a device node (as root, `/dev/null` itself), so those are
 * refused, as is a directory. A replaced file keeps its permission bits (a 0600 file stays 0600).
 */
export function writeFileAtomic(path: string, content: FileContent): void {
  const existing = checkReplaceable(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserError('input', `${path}: cannot create its directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  let own: { error: unknown } | null = null;
  try {
    // 'wx': the temporary name is ours alone; never follow or reuse something already there.
    const fd = openSync(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    try {
      // The mode given to open is narrowed by the umask; an existing file's bits are restored exactly.
      if (existing) fchmodSync(fd, existing.mode & 0o7777);
      // writeFileSync on a descriptor writes at its position and retries short writes.
      if (typeof content === 'string') writeFileSync(fd, content);
      else own = produceInto(fd, content);
      if (own === null) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (own === null) {
      renameSync(temp, path);
      syncDirectory(dirname(path));
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UserError('input', `${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // The producer's own failure (rendering, a file of its own it could not read) is passed on as it is, with no file left behind.
  if (own !== null) {
    rmSync(temp, { force: true });
    throw own.error;
  }
}

/**
 * Runs a producer that writes into `fd`. A failed write is thrown (a write failure, whatever the producer
 * made of it: one that caught it must not get a short file renamed into place); anything else the
 * producer throws is returned, as its own failure; null when it finished.
 */
function produceInto(fd: number, produce: (write: (chunk: string) => void) => void): { error: unknown } | null {
  const failed: { write: { error: unknown } | null } = { write: null };
  let own: { error: unknown } | null = null;
  try {
    produce((chunk) => {
      if (failed.write) throw failed.write.error;
      try {
        writeFileSync(fd, chunk);
      } catch (error) {
        failed.write = { error };
        throw error;
      }
    });
  } catch (error) {
    own = { error };
  }
  if (failed.write) throw failed.write.error;
  return own;
}

/** The rename itself is durable only once the directory is synced; some platforms cannot, and lose nothing by trying. */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (e.g. Windows); the rename is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
