// Reads and validates the event log `slac evaluate` consumes (NDJSON or a JSON array of incident,
// outage and maintenance records) into typed records with epoch-ms instants, rejecting bad lines.
//
// Format: schemas/records.schema.json (the published schema, checked in schema.ts). What a schema
// cannot say is checked by hand: calendar-valid timestamps with a UTC offset (timestamp.ts), time
// order and names declared by the contract in force (validate.ts), unique ids per record type
// (id-index.ts). The lines themselves come from lines.ts.

import type { Contract } from '../../compiler/ir';
import { SeenIds } from './id-index';
import { lineBatches, type RecordInput, type RecordLine } from './lines';
import { inFile, type InputRecord, isRejected, type RecordWarning, type Rejected } from './record';
import { type ContractFor, elementNote, validateLine, type ValidateOptions } from './validate';

export { MAX_ARRAY_BYTES } from './array';
export { RecordsFormatError } from './format';
export { SeenIds } from './id-index';
export { lineBatches, MAX_LINE_BYTES, openRecordInput, readRecordLines, type RecordInput, type RecordLine } from './lines';
export * from './record';
export { explainTimestamp, inSupportedRange, parseTimestamp, SUPPORTED_RANGE } from './timestamp';
export { closestField } from './fields';
export { type ContractFor, recordInstant, validateLine, validateRecord, type ValidateOptions } from './validate';

export interface ReadCounts {
  /** Lines read (for a JSON array: elements). Always lines = accepted + rejected + blank. */
  lines: number;
  blank: number;
  accepted: number;
  rejected: number;
}

export type ReadEvent =
  | { kind: 'record'; record: InputRecord }
  | { kind: 'rejected'; rejected: Rejected }
  | { kind: 'warning'; warning: RecordWarning };

export interface ReadOptions {
  /** The records file as the user named it: every rejection and warning names it. */
  file?: string;
  /** Fields the schema does not know reject their record, instead of a warning each. */
  strict?: boolean;
  /** Each warning, in input order, before the record (or rejection) of its line. */
  onWarning?: (warning: RecordWarning) => void;
  /** Awaited after each batch of lines: lets a writer wait for its output to drain (backpressure). */
  afterBatch?: () => Promise<void> | void;
}

/** Takes lines one by one: validates, de-duplicates and counts them (lines = accepted + rejected + blank). */
class LineReader {
  readonly counts: ReadCounts = { lines: 0, blank: 0, accepted: 0, rejected: 0 };
  /** The warnings of the line taken last, in order. */
  // Stryker disable next-line ArrayDeclaration: take() empties it before anything is read from it
  readonly warnings: RecordWarning[] = [];
  private readonly seen = new SeenIds();
  private readonly validation: ValidateOptions;

  constructor(
    private readonly contractFor: Contract | ContractFor,
    private readonly file: string | undefined,
    strict: boolean | undefined,
  ) {
    this.validation = { warnings: this.warnings, strict };
  }

  /** The record or its rejection; null for a blank line. */
  take(item: RecordLine): InputRecord | Rejected | null {
    this.counts.lines++;
    this.warnings.length = 0;
    if (item.blank) {
      this.counts.blank++;
      return null;
    }
    let result = validateLine(item, this.contractFor, this.validation);
    if (!isRejected(result)) {
      const dup = this.seen.claim(result);
      if (dup) result = elementNote(item, dup);
    }
    // Without a file, inFile returns each warning as it is.
    for (let k = 0; k < this.warnings.length; k++) this.warnings[k] = inFile(this.warnings[k]!, this.file);
    if (!isRejected(result)) {
      this.counts.accepted++;
      return result;
    }
    this.counts.rejected++;
    return inFile(result, this.file);
  }
}

/**
 * Reads, validates and de-duplicates every record of `input`, calling `onRecord` for each accepted
 * record and `onRejected` for each rejected line, in input order; resolves to the counts. This is
 * the fast path (callbacks are called synchronously per chunk, no promise per record).
 * `contractFor` is a Contract, or a function choosing the version per record (see ContractFor).
 */
export async function readRecords(
  input: RecordInput,
  contractFor: Contract | ContractFor,
  onRecord: (record: InputRecord) => void,
  onRejected: (rejected: Rejected) => void,
  options: ReadOptions = {},
): Promise<ReadCounts> {
  const reader = new LineReader(contractFor, options.file, options.strict);
  const { afterBatch, onWarning } = options;
  for await (const batch of lineBatches(input)) {
    if (afterBatch) await afterBatch();
    for (const item of batch) {
      const result = reader.take(item);
      if (onWarning) for (const w of reader.warnings) onWarning(w);
      if (result === null) continue;
      if (isRejected(result)) onRejected(result);
      else onRecord(result);
    }
  }
  return reader.counts;
}

/**
 * The same as readRecords as an async generator of events; its return value (what the final
 * `next()` resolves to, e.g. via `yield*`) is the counts. One promise per event: prefer readRecords
 * for bulk work.
 */
export async function* streamRecords(
  input: RecordInput,
  contractFor: Contract | ContractFor,
  options: Pick<ReadOptions, 'file' | 'strict'> = {},
): AsyncGenerator<ReadEvent, ReadCounts, void> {
  const reader = new LineReader(contractFor, options.file, options.strict);
  for await (const batch of lineBatches(input)) {
    for (const item of batch) {
      const result = reader.take(item);
      for (const warning of reader.warnings) yield { kind: 'warning', warning };
      if (result === null) continue;
      yield isRejected(result) ? { kind: 'rejected', rejected: result } : { kind: 'record', record: result };
    }
  }
  return reader.counts;
}
