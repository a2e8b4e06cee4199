// The records file a command reads (`slac evaluate`, `slac records check`), opened before any
// output is created, so a file that cannot be read or is not records leaves no half report; and
// its read errors in words.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openRecordInput, type RecordInput, RecordsFormatError } from '../runtime/records';
import { fsReason, type Io, UsageError } from './io';

export interface OpenedRecords {
  input: RecordInput;
  /** How rejections and warnings name the file: as the user wrote it, `<stdin>` for `-`. */
  label: string;
}

/** A failure to read the records, as the user should read it (other errors are returned as they are). */
export function recordsFailure(e: unknown, recordsPath: string, command: string): unknown {
  const err = e as NodeJS.ErrnoException;
  // Output errors are usage errors already; a file error here is the records'.
  if (typeof err?.code === 'string' && typeof err.syscall === 'string') return new UsageError(`${recordsPath}: cannot read: ${fsReason(err)}`);
  if (e instanceof RecordsFormatError) return new UsageError(e.describe(recordsPath === '-' ? 'standard input' : recordsPath, command));
  return e;
}

export async function openRecords(recordsPath: string, io: Io, command: string): Promise<OpenedRecords> {
  try {
    if (recordsPath !== '-' && statSync(resolve(io.cwd, recordsPath)).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR', syscall: 'read' });
    const input = await openRecordInput(recordsPath === '-' ? io.stdinStream() : resolve(io.cwd, recordsPath));
    return { input, label: recordsPath === '-' ? '<stdin>' : recordsPath };
  } catch (e) {
    throw recordsFailure(e, recordsPath, command);
  }
}
