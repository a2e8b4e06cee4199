// Inputs for the line reader's tests: chunks of bytes cut where the test says, and the lines the
// reader makes of them.

import { Readable } from 'node:stream';
import { readRecordLines, type RecordLine } from '../../runtime/records';

export type Part = string | number[] | Buffer;

/** One Buffer per part: strings as UTF-8, numbers as raw bytes. */
export const chunks = (...parts: Part[]): Buffer[] => parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p as Uint8Array)));

/** Every line the reader yields for the input, streamed chunk by chunk. */
export async function lines(input: Iterable<Buffer | string> | AsyncIterable<Buffer | string>): Promise<RecordLine[]> {
  const out: RecordLine[] = [];
  for await (const l of readRecordLines(Readable.from(input))) out.push(l);
  return out;
}
