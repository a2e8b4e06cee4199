// `slac evaluate`: replay an incident log against the contract version in force and report verdicts.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inSupportedRange, parseTimestamp, type RecordWarning, type Rejected, SUPPORTED_RANGE } from '../../runtime/records';
import type { IncidentVerdict } from '../../runtime/evaluate';
import { evaluateRecords, type DowntimeVerdict, type SessionResult } from '../../runtime/session';
import { formatInstant, localMidnight } from '../../runtime/time';
import { loadContracts, reportContractErrors } from '../contracts';
import { openRecords, recordsFailure } from '../records';
import { evaluateParallel, workerCount, workersAvailable } from './evaluate-parallel';
import { type EvaluationReport, JsonReport, toMarkdown, toText } from '../formats/evaluation';
import { OutputWriter } from '../formats/writer';
import { incidentLine } from '../formats/ndjson';
import { LISTED } from '../formats/record-issues';
import { EVALUATE_FORMATS } from '../options';
import { colorsFor, type Io, UsageError } from '../io';


export interface EvaluateOptions {
  format: string;
  asOf?: string;
  period?: string;
  failOn?: string;
  output?: string;
  color: boolean;
  quiet?: boolean;
  /** Fields the schema does not know reject their record instead of a warning each. */
  strict?: boolean;
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

/** --as-of: an ISO timestamp with offset, or a date (local midnight in the contract's zone), in the range records have. */
function parseAsOf(text: string, zone: string): number {
  const t = asOfInstant(text, zone);
  if (!inSupportedRange(t)) throw new UsageError(`--as-of ${text} is outside the supported range (${SUPPORTED_RANGE})`);
  return t;
}

function asOfInstant(text: string, zone: string): number {
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

export async function evaluateCommand(contractPath: string, recordsPath: string, opts: EvaluateOptions, io: Io): Promise<number> {
  if (!(EVALUATE_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}" for evaluate (choose ${EVALUATE_FORMATS.join(', ')})`);
  }
  if (opts.failOn !== undefined && opts.failOn !== 'breach') throw new UsageError(`--fail-on takes "breach", not "${opts.failOn}"`);
  if (opts.period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.period)) throw new UsageError(`--period is a month written YYYY-MM, not "${opts.period}"`);

  const loaded = loadContracts(contractPath, io.cwd);
  if (reportContractErrors(loaded, contractPath, io, opts.color, 'evaluating')) return 1;
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

  let result: SessionResult;
  const rejected: Rejected[] = [];
  // A records file that cannot be read, or is not records, is reported before --output is created (or emptied).
  const { input, label } = await openRecords(recordsPath, io, 'evaluate');
  const out = OutputWriter.open(io, opts.output);
  const session = { asOf, period: opts.period, recordsFile: label, strict: opts.strict };
  const warnings: RecordWarning[] = []; // for text and markdown, only those they list
  const head = { contract: contractInfo, asOf: formatInstant(asOf, zone), period: opts.period ?? null };
  try {
    if (opts.format === 'ndjson') {
      const threads = recordsPath === '-' ? 0 : parallelWorkers(resolve(io.cwd, recordsPath), io.env);
      if (threads > 0) {
        const setup = { contract: contractPath, cwd: io.cwd, asOf, period: opts.period, recordsFile: session.recordsFile, strict: opts.strict };
        const hooks = { rejected: (r: Rejected) => rejected.push(r), breach: () => (breach = true), progress: onProgress };
        result = await evaluateParallel(versions, setup, input, session, threads, out, hooks);
      } else {
        result = await evaluateRecords(versions, input, session, {
          incident: (v) => {
            noteBreach(v);
            out.raw(incidentLine(v));
          },
          downtime: (d) => out.line('downtime', d),
          rejected: (r) => {
            rejected.push(r);
            out.line('rejected', r);
          },
          warning: (w) => out.line('warning', w),
          progress: onProgress,
          drain: () => out.drain(),
        });
      }
      for (const p of result.periods) out.line('period', p);
      out.line('summary', { ...head, counts: result.counts });
    } else {
      // JSON is written as incidents are judged; text and markdown need them all first.
      const json = opts.format === 'json' ? new JsonReport((t) => out.text(t)) : null;
      json?.start(head);
      const incidents: IncidentVerdict[] = [];
      const downtime: DowntimeVerdict[] = [];
      result = await evaluateRecords(versions, input, session, {
        incident: (v) => {
          noteBreach(v);
          if (json) json.incident(v);
          else incidents.push(v);
        },
        downtime: (d) => downtime.push(d),
        rejected: (r) => rejected.push(r),
        warning: (w) => {
          if (json || warnings.length < LISTED) warnings.push(w);
        },
        progress: onProgress,
        drain: () => out.drain(),
      });
      if (json) json.finish({ downtime, periods: result.periods, rejected, warnings, counts: result.counts });
      else {
        const report: EvaluationReport = { ...head, incidents, downtime, periods: result.periods, rejected, warnings, counts: result.counts };
        const lines = opts.format === 'markdown' ? toMarkdown(report) : toText(report, colorsFor(io, 'stdout', !opts.color || !!opts.output));
        for (const line of lines) out.raw(line);
      }
    }
    await out.end();
  } catch (e) {
    throw recordsFailure(e, recordsPath, 'evaluate');
  } finally {
    if (onProgress) io.stderr('\r\x1b[K');
  }
  if (!breach) breach = result.periods.some((p) => p.availability?.status === 'breached' || p.reliability?.status === 'breached');
  const warned = result.counts.warnings;
  if (warned > 0 && !opts.quiet) io.stderr(`slac: ${warned} warning${warned === 1 ? '' : 's'}: record fields the schema does not know were ignored (see the report)\n`);
  if (rejected.length > 0) {
    if (!opts.quiet) io.stderr(`slac: ${rejected.length} record${rejected.length === 1 ? ' was' : 's were'} rejected (see the report)\n`);
    return 3;
  }
  return opts.failOn === 'breach' && breach ? 1 : 0;
}
