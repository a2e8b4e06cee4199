// Where `slac evaluate` and `slac check` write: stdout or the --output file (replaced atomically,
// see output-file.ts), through one reusable UTF-8 buffer, waiting for the stream to drain between
// batches of input so memory stays flat. Every write error ends the run with exit 2.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { fsReason, type Io, UsageError } from '../io';
import { OutputFile } from '../output-file';

export class OutputWriter {
  private buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private failure: Error | null = null;

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    /** The --output file; null for standard output. */
    private readonly file: OutputFile | null,
    private readonly name: string,
  ) {
    stream.on('error', (e: Error) => {
      this.failure ??= e;
    });
  }

  /** Opens --output (reporting a bad path as a usage error, exit 2) or takes stdout. */
  static open(io: Io, output: string | undefined): OutputWriter {
    if (!output) {
      // An injected Io (tests, embedding) may have no stream: write through its stdout function.
      const stream =
        io.stdoutStream?.() ??
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            io.stdout(chunk.toString('utf8'));
            done();
          },
        });
      return new OutputWriter(stream, null, 'standard output');
    }
    const file = OutputFile.open(output, io.cwd);
    // The file closes itself (after writing it to disk), so the stream must not.
    return new OutputWriter(createWriteStream('', { fd: file.fd, autoClose: false }), file, output);
  }

  /** Writes `obj` as one NDJSON line with a leading "kind" field (without copying the object). */
  line(kind: string, obj: object): void {
    const json = JSON.stringify(obj);
    this.raw(json === '{}' ? `{"kind":"${kind}"}` : `{"kind":"${kind}",${json.slice(1)}`);
  }

  /** Writes one already serialized line and a newline. */
  raw(text: string): void {
    this.text(text);
    this.byte(10);
  }

  /** Writes text as it is. */
  text(s: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.used + s.length * 3 > this.buf.length) {
      this.flush();
      if (s.length * 3 > this.buf.length) {
        this.stream.write(s);
        return;
      }
    }
    this.used += this.buf.write(s, this.used);
  }

  /** Writes bytes already encoded as UTF-8. */
  bytes(b: Uint8Array): void {
    if (this.used + b.length > this.buf.length) {
      this.flush();
      if (b.length > this.buf.length) {
        this.stream.write(Buffer.from(b));
        return;
      }
    }
    this.buf.set(b, this.used);
    this.used += b.length;
  }

  private byte(c: number): void {
    if (this.used >= this.buf.length) this.flush();
    this.buf[this.used++] = c;
  }

  private flush(): void {
    if (this.used === 0) return;
    // The stream keeps the chunk until written: hand it this buffer and take a new one.
    this.stream.write(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.used = 0;
  }

  /** Lets the stream catch up when it asks to (a slow disk or pipe): awaited between input batches. */
  async drain(): Promise<void> {
    this.check();
    if (this.used > 1 << 19) this.flush();
    const s = this.stream as NodeJS.WritableStream & { writableNeedDrain?: boolean };
    // Only while the stream still needs it: a 'drain' that already happened will not come again.
    // once() also gives up on an 'error', and removes both its listeners when either comes.
    if (s.writableNeedDrain) {
      try {
        await once(s, 'drain');
      } catch (e) {
        this.failure ??= e as Error;
      }
    }
    this.check();
  }

  /** Writes out what is left and waits for it; then the --output file replaces the old one. */
  async end(): Promise<void> {
    this.flush();
    this.check();
    // A write's callback comes once it and every write before it are done (or failed).
    if (this.file === null) await new Promise<void>((res) => this.stream.write('', () => res()));
    else await new Promise<void>((res) => this.stream.end(() => res()));
    this.check();
    if (this.file === null) return;
    try {
      this.file.commit();
    } catch (e) {
      throw new UsageError(`${this.name}: cannot write: ${fsReason(e)}`);
    }
  }

  /** After a failure: the --output file is not replaced, its temporary file is removed. */
  async abort(): Promise<void> {
    if (this.file === null) return;
    // Writes still under way must end before their file descriptor is closed (by the file, not
    // the stream: destroying the stream would close it too).
    await new Promise<void>((res) => this.stream.end(() => res()));
    this.file.discard();
  }

  private check(): void {
    if (this.failure) {
      throw new UsageError(`${this.name}: cannot write: ${fsReason(this.failure)}`);
    }
  }
}
