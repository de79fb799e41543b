import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync, fstatSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '@modeshift/core/base';

/** The streams a command writes to; tests pass their own. */
export interface Io {
  /** Only its TTY-ness is read: the wizard starts only when a person can type into it. */
  stdin?: { isTTY?: boolean };
  stdout: { write(text: string): unknown; isTTY?: boolean };
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
    for (let done = 0; done < end; ) done += writeSync(1, bytes, done, end - done);
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

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  const noColor = io.env.NO_COLOR;
  return Boolean(io[stream].isTTY) && (noColor === undefined || noColor === '');
}

/**
 * Writes a file so that readers see the old content or the new, never half of it:
 * temporary file in the same directory, fsync, rename.
 */
export function writeFileAtomic(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UserError('input', `${path}: cannot create its directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    syncDirectory(dirname(path));
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UserError('input', `${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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
