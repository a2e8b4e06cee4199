// A list of a report that the document prints later than the run produces it (downtime records
// come between incidents in a log, but a report lists all incidents first): kept on disk, one JSON
// line per item, in a private file of the temporary folder instead of in memory, and read back in order.

import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fsReason, UsageError } from '../io';
import { removeNow, removeOnExit } from '../temp-files';

const CHUNK = 1 << 20;

export class Spool<T> implements Iterable<T> {
  private fd: number | null = null;
  private path = '';
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private size = 0;
  private count = 0;

  /** `encode` writes an item as one line of JSON that JSON.parse reads back as the same item. */
  constructor(private readonly encode: (item: T) => string = JSON.stringify) {}

  get length(): number {
    return this.count;
  }

  add(item: T): void {
    const line = this.encode(item);
    // A UTF-16 unit takes at most 3 bytes in UTF-8; one more for the newline.
    if (this.used + line.length * 3 + 1 > this.buf.length) {
      this.flush();
      if (line.length * 3 + 1 > this.buf.length) this.buf = Buffer.allocUnsafe(line.length * 3 + 1);
    }
    this.used += this.buf.write(line, this.used);
    this.buf[this.used++] = 10;
    this.count++;
  }

  private flush(): void {
    if (this.used === 0) return;
    try {
      if (this.fd === null) {
        // Created on the first flush: most runs never spool a rejected record.
        this.path = join(tmpdir(), `slac-${process.pid}-${randomBytes(6).toString('hex')}.ndjson`);
        this.fd = openSync(this.path, 'wx+', 0o600);
        removeOnExit(this.path);
      }
      let done = 0;
      while (done < this.used) done += writeSync(this.fd, this.buf, done, this.used - done, this.size + done);
    } catch (e) {
      throw new UsageError(`the temporary folder ${tmpdir()} (TMPDIR): cannot write: ${fsReason(e)}`);
    }
    this.size += this.used;
    this.used = 0;
  }

  /** The items in the order they were added (read from disk when they did not fit in the buffer). */
  *[Symbol.iterator](): Iterator<T> {
    if (this.fd === null) {
      yield* this.lines(this.buf.subarray(0, this.used));
      return;
    }
    this.flush();
    let rest: Buffer = Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (let at = 0; at < this.size; ) {
      const n = readSync(this.fd, chunk, 0, chunk.length, at);
      if (n === 0) break;
      at += n;
      const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      const end = data.lastIndexOf(10) + 1;
      yield* this.lines(data.subarray(0, end));
      rest = Buffer.from(data.subarray(end));
    }
  }

  private *lines(data: Buffer): Generator<T> {
    for (let start = 0; start < data.length; ) {
      const nl = data.indexOf(10, start);
      yield JSON.parse(data.toString('utf8', start, nl)) as T;
      start = nl + 1;
    }
  }

  /** Removes the file; call it however the run ends (an interrupted run removes it on exit). */
  dispose(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    removeNow(this.path);
  }
}
