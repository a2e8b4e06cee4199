// `slac evaluate`: replay an incident log against the contract version in force and report verdicts.

import { closeSync, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTimestamp, type Rejected } from '../../runtime/records';
import type { IncidentVerdict } from '../../runtime/evaluate';
import { evaluateRecords, type DowntimeVerdict } from '../../runtime/session';
import { formatInstant, localMidnight } from '../../runtime/time';
import { loadContracts } from '../contracts';
import { evaluateParallel, workerCount, workersAvailable } from './evaluate-parallel';
import { type EvaluationReport, toJson, toMarkdown, toText } from '../formats/evaluation';
import { incidentLine } from '../formats/ndjson';
import { summarize } from '../formats/located';
import { formatText } from '../formats/text';
import { EVALUATE_FORMATS } from '../options';
import { colorsFor, type Io, UsageError } from '../io';
import { emit } from '../output';


export interface EvaluateOptions {
  format: string;
  asOf?: string;
  period?: string;
  failOn?: string;
  output?: string;
  color: boolean;
  quiet?: boolean;
  /** The instant "now" for a missing --as-of; injected by tests. */
  now?: number;
}

/** Inputs smaller than this are evaluated on one thread: starting workers costs more than it saves. */
const PARALLEL_MIN_BYTES = 8 << 20;

/**
 * Worker threads for an NDJSON file: none for a small file or a JSON array (which is not streamed);
 * SLAC_WORKERS forces a count (0 = one thread), for tests and for machines shared with other work.
 */
function parallelWorkers(file: string, env: Record<string, string | undefined>): number {
  const forced = env.SLAC_WORKERS !== undefined;
  const threads = workerCount(env);
  if (threads === 0 || !workersAvailable()) return 0;
  try {
    if (!forced && statSync(file).size < PARALLEL_MIN_BYTES) return 0;
    // A JSON array starts with `[` after optional white space (and a byte order mark).
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const first = head.subarray(0, n).toString('utf8').replace(/^\ufeff/, '').trimStart()[0];
    return first === '[' ? 0 : threads;
  } catch {
    return 0; // unreadable: the one-thread path reports it
  }
}

/** --as-of: an ISO timestamp with offset, or a date (local midnight in the contract's zone). */
function parseAsOf(text: string, zone: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const t = parseTimestamp(`${text}T00:00:00Z`);
    if (Number.isNaN(t)) throw new UsageError(`--as-of ${text} is not a real date`);
    return localMidnight(Number(date[1]), Number(date[2]), Number(date[3]), zone);
  }
  const t = parseTimestamp(text);
  if (Number.isNaN(t)) throw new UsageError(`--as-of must be a date (2026-04-01) or a timestamp with offset (2026-04-01T00:00:00-05:00), not "${text}"`);
  return t;
}

/**
 * Buffers NDJSON lines as UTF-8 in one reusable Buffer and writes it in 1 MiB chunks, waiting for
 * the stream to drain between batches of input: encoding line by line into a Buffer is about three
 * times cheaper than building one long string and having the stream encode it.
 */
class LineWriter {
  private buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private pending = true;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Writes `obj` as one line, with a leading "kind" field (without copying the object). */
  line(kind: string, obj: object): void {
    const json = JSON.stringify(obj);
    this.raw(json === '{}' ? `{"kind":"${kind}"}` : `{"kind":"${kind}",${json.slice(1)}`);
  }

  /** Writes lines already encoded as UTF-8 (each ending with a newline). */
  bytes(b: Uint8Array): void {
    if (this.used + b.length > this.buf.length) {
      this.flushSync();
      if (b.length > this.buf.length) {
        this.pending = this.stream.write(Buffer.from(b));
        return;
      }
    }
    this.buf.set(b, this.used);
    this.used += b.length;
  }

  /** Writes one already serialized JSON line. */
  raw(json: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    const need = json.length * 3 + 1;
    if (this.used + need > this.buf.length) {
      this.flushSync();
      if (need > this.buf.length) this.buf = Buffer.allocUnsafe(need);
    }
    this.used += this.buf.write(json, this.used);
    this.buf[this.used++] = 10;
  }

  private flushSync(): void {
    if (this.used === 0) return;
    // The stream keeps the chunk until written: hand it a copy-free slice and take a new buffer.
    this.pending = this.stream.write(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.used = 0;
  }

  async drain(): Promise<void> {
    if (this.used > 1 << 19) this.flushSync();
    const s = this.stream as NodeJS.WritableStream & { writableNeedDrain?: boolean };
    if (!this.pending || s.writableNeedDrain) {
      await new Promise<void>((res) => s.once('drain', () => res()));
      this.pending = true;
    }
  }

  async end(): Promise<void> {
    this.flushSync();
    if (this.stream === process.stdout) return;
    await new Promise<void>((res, rej) => {
      this.stream.on('error', rej);
      this.stream.end(() => res());
    });
  }
}

export async function evaluateCommand(contractPath: string, recordsPath: string, opts: EvaluateOptions, io: Io): Promise<number> {
  if (!(EVALUATE_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}" for evaluate (choose ${EVALUATE_FORMATS.join(', ')})`);
  }
  if (opts.failOn !== undefined && opts.failOn !== 'breach') throw new UsageError(`--fail-on takes "breach", not "${opts.failOn}"`);
  if (opts.period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.period)) throw new UsageError(`--period is a month written YYYY-MM, not "${opts.period}"`);

  const loaded = loadContracts(contractPath, io.cwd);
  if (loaded.hasErrors) {
    const bad = loaded.diagnostics.filter((d) => d.diagnostics.length);
    io.stderr(formatText(bad, summarize(bad), colorsFor(io, 'stderr', !opts.color)));
    io.stderr(`slac: the contract has errors; fix them before evaluating (slac check ${contractPath})\n`);
    return 1;
  }
  const versions = loaded.versions;
  const zone = versions.zone;
  const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf, zone) : (opts.now ?? Date.now());
  const latest = versions.latest;
  const contractInfo = {
    name: latest.ir.name,
    version: latest.version,
    file: latest.ir.file,
    versions: versions.list.map((v) => ({ version: v.version, effective: v.ir.effective, file: v.ir.file })),
  };

  const input = recordsPath === '-' ? io.stdinStream() : resolve(io.cwd, recordsPath);
  let breach = false;
  const progress = io.stderrIsTTY && !opts.quiet && !opts.output?.endsWith('/dev/stderr');
  let nextReport = 100_000;
  const onProgress = progress
    ? (n: number): void => {
        if (n < nextReport) return;
        nextReport = (Math.floor(n / 100_000) + 1) * 100_000;
        io.stderr(`\rslac: ${n.toLocaleString('en-US')} records read…`);
      }
    : undefined;
  const noteBreach = (v: IncidentVerdict): void => {
    if (!breach && v.objectives.some((o) => o.status === 'breached')) breach = true;
  };

  let result;
  const rejected: Rejected[] = [];
  try {
    if (opts.format === 'ndjson') {
      const stream = opts.output ? createWriteStream(resolve(io.cwd, opts.output)) : (io.stdoutStream?.() ?? process.stdout);
      const w = new LineWriter(stream);
      const threads = recordsPath === '-' ? 0 : parallelWorkers(resolve(io.cwd, recordsPath), io.env);
      if (threads > 0) {
        result = await evaluateParallel(
          versions,
          { contract: contractPath, cwd: io.cwd, asOf, period: opts.period },
          input,
          { asOf, period: opts.period },
          threads,
          w,
          { rejected: (r) => rejected.push(r), breach: () => (breach = true), progress: onProgress },
        );
      } else {
        result = await evaluateRecords(versions, input, { asOf, period: opts.period }, {
          incident: (v) => {
            noteBreach(v);
            w.raw(incidentLine(v));
          },
          downtime: (d) => w.line('downtime', d),
          rejected: (r) => {
            rejected.push(r);
            w.line('rejected', r);
          },
          progress: onProgress,
          drain: () => w.drain(),
        });
      }
      for (const p of result.periods) w.line('period', p);
      w.line('summary', { contract: contractInfo, asOf: formatInstant(asOf, zone), period: opts.period ?? null, counts: result.counts });
      await w.end();
    } else {
      const incidents: IncidentVerdict[] = [];
      const downtime: DowntimeVerdict[] = [];
      result = await evaluateRecords(versions, input, { asOf, period: opts.period }, {
        incident: (v) => {
          noteBreach(v);
          incidents.push(v);
        },
        downtime: (d) => downtime.push(d),
        rejected: (r) => rejected.push(r),
        progress: onProgress,
      });
      const report: EvaluationReport = {
        contract: contractInfo,
        asOf: formatInstant(asOf, zone),
        period: opts.period ?? null,
        incidents,
        downtime,
        periods: result.periods,
        rejected,
        counts: result.counts,
      };
      const text =
        opts.format === 'json'
          ? toJson(report)
          : opts.format === 'markdown'
            ? toMarkdown(report)
            : toText(report, colorsFor(io, 'stdout', !opts.color || !!opts.output));
      emit(io, text, opts.output);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES') throw new UsageError(`${recordsPath}: cannot read (${err.code})`);
    throw e;
  } finally {
    if (onProgress) io.stderr('\r\x1b[K');
  }
  if (!breach) breach = result.periods.some((p) => p.availability?.status === 'breached' || p.reliability?.status === 'breached');
  if (rejected.length > 0) {
    if (!opts.quiet) io.stderr(`slac: ${rejected.length} record${rejected.length === 1 ? ' was' : 's were'} rejected (see the report)\n`);
    return 3;
  }
  return opts.failOn === 'breach' && breach ? 1 : 0;
}
