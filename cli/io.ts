// The CLI's connection to the outside world, injectable so commands are tested in-process.

import pc from 'picocolors';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  stdinStream: () => NodeJS.ReadableStream;
  /** The file descriptor behind stdinStream, when there is one: an --output must not be that file. */
  stdinFd?: number;
  /** A writable for streamed output (NDJSON); defaults to process.stdout. */
  stdoutStream?: () => NodeJS.WritableStream;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** True when a person can answer questions (`slac init`); absent = no. */
  stdinIsTTY?: boolean;
}

let stdoutWatched = false;

/**
 * A reader that stops early (`slac evaluate ... | head`) is not an error of slac's: exit quietly.
 * Any other failure of standard output (a full disk) is one line and exit 2, never a stack trace.
 */
function watchStdout(): void {
  if (stdoutWatched) return;
  stdoutWatched = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`slac: standard output: cannot write: ${fsReason(e)}\n`);
    process.exit(2);
  });
}

export function processIo(): Io {
  watchStdout();
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinStream: () => process.stdin,
    stdinFd: 0,
    stdoutStream: () => process.stdout,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    stdinIsTTY: !!process.stdin.isTTY,
  };
}

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours when the stream is a terminal, unless --no-color or NO_COLOR; FORCE_COLOR forces them. */
export function colorsFor(io: Io, stream: 'stdout' | 'stderr', noColor: boolean): Colors {
  const env = io.env;
  let enabled = stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') enabled = true;
  if (noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) enabled = false;
  return pc.createColors(enabled);
}

/** A failure the user can fix (bad path, bad flag): reported as one line, exit code 2. */
export class UsageError extends Error {}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is larger than allowed',
  EROFS: 'the file system is read-only',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
  EBADF: 'not open for this',
  EPIPE: 'the reader closed the pipe',
};

/** Why a file operation failed, in words ("no such file or directory"), never a bare errno code. */
export function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  return code ?? (err instanceof Error ? err.message : String(e));
}
