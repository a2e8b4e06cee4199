// --output FILE: refused when it is one of the inputs, and replaced atomically: the report is
// written to a hidden temporary file beside it and renamed over the old file only once complete,
// so a run that fails or is interrupted leaves the old file as it was. `slac fmt` rewrites
// contracts the same way.

import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { expandContractPaths } from './files';
import { fsReason, type Io, UsageError } from './io';
import { release, removeNow, removeOnExit } from './temp-files';

/** An input of a run, named as the user knows it ("the records file log.ndjson"). */
export interface Input {
  what: string;
  path?: string;
  /** An input already open (standard input). */
  fd?: number;
}

function statOf(get: () => Stats): Stats | null {
  try {
    return get();
  } catch {
    return null; // not there (yet): the command reports it where it reads or writes
  }
}

/** Every contract file that `paths` name, as inputs; none when they cannot be listed. */
export function contractInputs(paths: string[], cwd: string): Input[] {
  try {
    return expandContractPaths(paths, cwd).map((file) => ({ what: `the contract file ${file}`, path: file }));
  } catch {
    return [];
  }
}

/** The records file, or standard input when it is a file (`< log.ndjson`). */
export function recordsInput(path: string, io: Pick<Io, 'stdinFd'>): Input[] {
  if (path !== '-') return [{ what: `the records file ${path}`, path }];
  return io.stdinFd === undefined ? [] : [{ what: 'the standard input', fd: io.stdinFd }];
}

/**
 * Refuses, before anything is read or written, an --output that is the same file as an input
 * (same device and inode: through symbolic and hard links too).
 */
export function refuseInputAsOutput(output: string | undefined, inputs: Input[], cwd: string): void {
  if (!output) return;
  const out = statOf(() => statSync(resolve(cwd, output)));
  if (!out?.isFile()) return;
  for (const input of inputs) {
    const st = input.fd !== undefined ? statOf(() => fstatSync(input.fd!)) : statOf(() => statSync(resolve(cwd, input.path!)));
    if (st && st.dev === out.dev && st.ino === out.ino) {
      throw new UsageError(`--output ${output} is ${input.what}: the report would destroy it; nothing was written`);
    }
  }
}

/** A file being written: a temporary file until `commit`, or the target itself when it is not a regular file. */
export class OutputFile {
  private open = true;

  private constructor(
    readonly fd: number,
    private readonly temp: string | null,
    private readonly target: string,
  ) {}

  /** Opens `name` for writing; a bad path is a usage error (exit 2) naming it. */
  static open(name: string, cwd: string): OutputFile {
    try {
      return OutputFile.openAt(resolve(cwd, name));
    } catch (e) {
      throw new UsageError(`${name}: cannot write: ${fsReason(e)}`);
    }
  }

  private static openAt(path: string): OutputFile {
    const old = statOf(() => statSync(path));
    // A device, FIFO or folder (which fails here, as it should) is written as it is; so is a
    // dangling symbolic link, which creates the file it points to.
    if ((old && !old.isFile()) || (!old && statOf(() => lstatSync(path))?.isSymbolicLink())) {
      return new OutputFile(openSync(path, 'w'), null, path);
    }
    // Through a symbolic link, the file it points to is replaced and the link kept.
    const target = old ? realpathSync(path) : path;
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    let fd: number;
    try {
      fd = openSync(temp, 'wx', old ? old.mode & 0o7777 : 0o666);
    } catch (e) {
      // A writable file in a folder that is not: written in place, as slac did before it replaced files.
      const code = (e as NodeJS.ErrnoException).code;
      if (old && (code === 'EACCES' || code === 'EPERM')) return new OutputFile(openSync(path, 'w'), null, path);
      throw e;
    }
    removeOnExit(temp);
    if (old) {
      try {
        keepOwnerAndMode(fd, old);
      } catch (e) {
        closeSync(fd);
        removeNow(temp);
        throw e;
      }
    }
    return new OutputFile(fd, temp, target);
  }

  /** Puts the written file in place of the old one (on disk first, so a crash cannot leave it empty). */
  commit(): void {
    if (!this.open) return;
    this.open = false;
    if (this.temp === null) {
      closeSync(this.fd);
      return;
    }
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.temp, this.target);
      release(this.temp);
    } catch (e) {
      removeNow(this.temp);
      throw e;
    }
  }

  /** Gives up: the old file stays as it was. */
  discard(): void {
    if (!this.open) return;
    this.open = false;
    try {
      closeSync(this.fd);
    } catch {
      // closed already
    }
    if (this.temp !== null) removeNow(this.temp);
  }
}

/** The new file gets the old one's permissions (exactly: no umask) and, when allowed, its owner. */
function keepOwnerAndMode(fd: number, old: Stats): void {
  if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.()) {
    try {
      fchownSync(fd, old.uid, old.gid);
    } catch {
      // only root may give a file away: it then belongs to whoever ran slac
    }
  }
  fchmodSync(fd, old.mode & 0o7777);
}

/** Replaces the file `name` by `text`, atomically (see OutputFile). */
export function replaceFile(name: string, cwd: string, text: string): void {
  const file = OutputFile.open(name, cwd);
  try {
    writeFileSync(file.fd, text);
    file.commit();
  } catch (e) {
    file.discard();
    throw new UsageError(`${name}: cannot write: ${fsReason(e)}`);
  }
}
