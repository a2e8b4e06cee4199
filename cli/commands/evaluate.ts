// `slac evaluate`: replay an incident log against the contract version in force and report verdicts.

import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { inSupportedRange, parseTimestamp, SUPPORTED_RANGE } from '../../runtime/records';
import type { IncidentVerdict } from '../../runtime/evaluate';
import { evaluateRecords, periodKeyProblem, type SessionResult } from '../../runtime/session';
import { formatInstant, localMidnight } from '../../runtime/time';
import { PERIOD_KEY_FORMS } from '../../runtime/period-kinds';
import { loadContracts, reportContractErrors } from '../contracts';
import { CONTRACT_EXTENSION } from '../files';
import { openRecords, recordsFailure } from '../records';
import { evaluateParallel, workerCount, workersAvailable } from './evaluate-parallel';
import { evaluateFormat } from '../formats/infer';
import { ReportWriter } from '../formats/report';
import { OutputWriter } from '../formats/writer';
import { incidentLine } from '../formats/ndjson';
import { contractInputs, recordsInput, refuseInputAsOutput } from '../output-file';
import { colorsFor, type Io, UsageError } from '../io';


export interface EvaluateOptions {
  /** Default: from the --output extension, else text (formats/infer.ts). */
  format?: string;
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

/** A contract is a .sla file or a folder holding them; anything else in that place is likely the records. */
function looksLikeContract(path: string, cwd: string): boolean {
  if (path.toLowerCase().endsWith(CONTRACT_EXTENSION)) return true;
  try {
    return readdirSync(resolve(cwd, path)).some((f) => f.endsWith(CONTRACT_EXTENSION));
  } catch {
    return false; // not a folder, or not there: the usual checks say so
  }
}

export async function evaluateCommand(contractPath: string, recordsPath: string, opts: EvaluateOptions, io: Io): Promise<number> {
  // Before anything is read or written: records given first and the contract second.
  if (looksLikeContract(recordsPath, io.cwd) && !looksLikeContract(contractPath, io.cwd)) {
    throw new UsageError(`the arguments are swapped: the contract comes first, then the records: slac evaluate ${recordsPath} ${contractPath}`);
  }
  if (recordsPath.toLowerCase().endsWith(CONTRACT_EXTENSION)) {
    throw new UsageError(`${recordsPath}: a contract where the records are expected; evaluate takes one contract (a file, or a folder of its versions), then the records`);
  }
  const format = evaluateFormat(opts.format, opts.output);
  if (opts.failOn !== undefined && opts.failOn !== 'breach') throw new UsageError(`--fail-on takes "breach", not "${opts.failOn}"`);
  if (opts.period !== undefined && !/^(\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?|FY\d{4}(-Q[1-4])?)$/.test(opts.period)) {
    throw new UsageError(`--period is ${PERIOD_KEY_FORMS}, not "${opts.period}"`);
  }

  refuseInputAsOutput(opts.output, [...contractInputs([contractPath], io.cwd), ...recordsInput(recordsPath, io)], io.cwd);

  const loaded = loadContracts(contractPath, io.cwd);
  if (reportContractErrors(loaded, contractPath, io, opts.color, 'evaluating')) return 1;
  const versions = loaded.versions;
  const periodProblem = opts.period === undefined ? null : periodKeyProblem(opts.period, versions, contractPath);
  if (periodProblem) throw new UsageError(periodProblem);
  const zone = versions.zone;
  // Now, in whole seconds: a report says 09:00:00-05:00, not 09:00:00.437-05:00.
  const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf, zone) : Math.floor((opts.now ?? Date.now()) / 1000) * 1000;
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
  // A records file that cannot be read, or is not records, is reported before --output is created (or emptied).
  const { input, label } = await openRecords(recordsPath, io, 'evaluate');
  const out = OutputWriter.open(io, opts.output);
  const session = { asOf, period: opts.period, recordsFile: label, strict: opts.strict };
  const head = { contract: contractInfo, asOf: formatInstant(asOf, zone), period: opts.period ?? null };
  try {
    if (format === 'ndjson') {
      const threads = recordsPath === '-' ? 0 : parallelWorkers(resolve(io.cwd, recordsPath), io.env);
      if (threads > 0) {
        const setup = { contract: contractPath, cwd: io.cwd, asOf, period: opts.period, recordsFile: session.recordsFile, strict: opts.strict };
        const hooks = { rejected: () => {}, breach: () => (breach = true), progress: onProgress };
        result = await evaluateParallel(versions, setup, input, session, threads, out, hooks);
      } else {
        result = await evaluateRecords(versions, input, session, {
          incident: (v) => {
            noteBreach(v);
            out.raw(incidentLine(v));
          },
          downtime: (d) => out.line('downtime', d),
          rejected: (r) => out.line('rejected', r),
          warning: (w) => out.line('warning', w),
          progress: onProgress,
          drain: () => out.drain(),
        });
      }
      for (const p of result.periods) out.line('period', p);
      out.line('summary', { ...head, counts: result.counts });
    } else {
      const report = new ReportWriter(format, head, out, colorsFor(io, 'stdout', !opts.color || !!opts.output));
      try {
        result = await evaluateRecords(versions, input, session, {
          incident: (v) => {
            noteBreach(v);
            report.incident(v);
          },
          downtime: (d) => report.downtime(d),
          rejected: (r) => report.rejected(r),
          warning: (w) => report.warning(w),
          progress: onProgress,
          drain: () => out.drain(),
        });
        await report.finish(result.periods, result.counts);
      } finally {
        report.dispose();
      }
    }
    await out.end();
  } catch (e) {
    // The old --output file stays as it was.
    await out.abort();
    throw recordsFailure(e, recordsPath, 'evaluate');
  } finally {
    if (onProgress) io.stderr('\r\x1b[K');
  }
  if (!breach) breach = result.periods.some((p) => p.availability?.status === 'breached' || p.reliability?.status === 'breached' || p.report?.status === 'breached');
  const warned = result.counts.warnings;
  if (warned > 0 && !opts.quiet) io.stderr(`slac: ${warned} warning${warned === 1 ? '' : 's'}: record fields the schema does not know were ignored (see the report)\n`);
  const rejected = result.counts.rejected;
  if (rejected > 0) {
    if (!opts.quiet) io.stderr(`slac: ${rejected} record${rejected === 1 ? ' was' : 's were'} rejected (see the report)\n`);
    return 3;
  }
  return opts.failOn === 'breach' && breach ? 1 : 0;
}
