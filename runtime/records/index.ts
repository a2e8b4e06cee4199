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
import { type InputRecord, isRejected, type Rejected } from './record';
import { type ContractFor, elementNote, validateLine } from './validate';

export { MAX_ARRAY_BYTES, RecordsFormatError } from './array';
export { SeenIds } from './id-index';
export { lineBatches, MAX_LINE_BYTES, readRecordLines, type RecordInput, type RecordLine } from './lines';
export * from './record';
export { explainTimestamp, inSupportedRange, parseTimestamp, SUPPORTED_RANGE } from './timestamp';
export { type ContractFor, recordInstant, validateLine, validateRecord } from './validate';

export interface ReadCounts {
  /** Lines read (for a JSON array: elements). Always lines = accepted + rejected + blank. */
  lines: number;
  blank: number;
  accepted: number;
  rejected: number;
}

export type ReadEvent = { kind: 'record'; record: InputRecord } | { kind: 'rejected'; rejected: Rejected };

function processLine(item: RecordLine, contractFor: Contract | ContractFor, seen: SeenIds): InputRecord | Rejected {
  const result = validateLine(item, contractFor);
  if (isRejected(result)) return result;
  const dup = seen.claim(result);
  return dup ? elementNote(item, dup) : result;
}

/** Takes lines one by one: validates, de-duplicates and counts them (lines = accepted + rejected + blank). */
class LineReader {
  readonly counts: ReadCounts = { lines: 0, blank: 0, accepted: 0, rejected: 0 };
  private readonly seen = new SeenIds();

  constructor(private readonly contractFor: Contract | ContractFor) {}

  /** The record or its rejection; null for a blank line. */
  take(item: RecordLine): InputRecord | Rejected | null {
    this.counts.lines++;
    if (item.blank) {
      this.counts.blank++;
      return null;
    }
    const result = processLine(item, this.contractFor, this.seen);
    if (isRejected(result)) this.counts.rejected++;
    else this.counts.accepted++;
    return result;
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
  /** Awaited after each batch of lines: lets a writer wait for its output to drain (backpressure). */
  afterBatch?: () => Promise<void> | void,
): Promise<ReadCounts> {
  const reader = new LineReader(contractFor);
  for await (const batch of lineBatches(input)) {
    if (afterBatch) await afterBatch();
    for (const item of batch) {
      const result = reader.take(item);
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
): AsyncGenerator<ReadEvent, ReadCounts, void> {
  const reader = new LineReader(contractFor);
  for await (const batch of lineBatches(input)) {
    for (const item of batch) {
      const result = reader.take(item);
      if (result === null) continue;
      yield isRejected(result) ? { kind: 'rejected', rejected: result } : { kind: 'record', record: result };
    }
  }
  return reader.counts;
}
