// `slac evaluate --format ndjson` on large NDJSON files, on every core: worker threads parse,
// validate, judge and serialize batches of lines; this thread reads the input, keeps the output in
// input order, and does what spans records (duplicate ids, periods, counts), exactly as the
// one-thread path does (a test compares their output byte for byte).

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ContractVersions } from '../../runtime/contract';
import type { InputRecord, MoneyRecord, ReadCounts, RecordInput, Rejected } from '../../runtime/records';
import { inFile, lineBatches, SeenIds } from '../../runtime/records';
import type { DowntimeEffect } from '../../runtime/periods';
import { categoryIndex, type Judged, OBJECTIVE_BITS, type SessionOptions, type SessionResult, SessionState, setupIndex, severityIndex, unitIndex } from '../../runtime/session';
import { type BatchRequest, type BatchResult, FLAG, KIND, type WorkerSetup } from '../workers/protocol';

export interface LineSink {
  line(kind: string, obj: object): void;
  /** Lines already encoded as UTF-8, each ending with a newline. */
  bytes(b: Uint8Array): void;
  drain(): Promise<void>;
}

export interface ParallelHooks {
  rejected(r: Rejected): void;
  breach(): void;
  progress?(linesRead: number): void;
}

/**
 * Worker threads to use: SLAC_WORKERS when set (0 = none); none on a single core (threads would
 * only compete); else one per core, the main thread's reading and writing being light.
 */
export function workerCount(env: Record<string, string | undefined>): number {
  if (env.SLAC_WORKERS !== undefined) return Math.max(0, Math.floor(Number(env.SLAC_WORKERS)) || 0);
  const cores = availableParallelism();
  return cores < 2 ? 0 : cores;
}

/** False when running from the TypeScript sources (tests), where the bundled worker does not exist. */
export function workersAvailable(): boolean {
  return !import.meta.url.endsWith('.ts');
}

/** The bundled worker: dist/evaluate-worker.mjs, next to dist/chunks/ where this code lives. */
function workerUrl(): URL {
  return new URL('../evaluate-worker.mjs', import.meta.url);
}

/** How many batches may be out at once: enough to keep every worker busy, bounded for memory. */
const IN_FLIGHT_PER_WORKER = 3;

export async function evaluateParallel(
  versions: ContractVersions,
  setup: WorkerSetup,
  input: RecordInput,
  options: SessionOptions,
  threads: number,
  sink: LineSink,
  hooks: ParallelHooks,
): Promise<SessionResult> {
  const url = workerUrl();
  // A worker keeps nothing between batches but small caches: a bounded old generation makes V8
  // collect instead of growing the heap with the length of the log (peak memory stays flat).
  const workers = Array.from({ length: threads }, () => new Worker(url, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 128 } }));
  const waiting = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  for (const w of workers) {
    w.on('message', (r: BatchResult) => {
      const p = waiting.get(r.seq);
      waiting.delete(r.seq);
      p?.resolve(r);
    });
    w.on('error', (e) => {
      failure = new Error(`a worker thread failed (${e.message}); SLAC_WORKERS=0 evaluates on one thread`);
      for (const p of waiting.values()) p.reject(failure);
      waiting.clear();
    });
  }

  const state = new SessionState(versions, options);
  const seen = new SeenIds();
  const unitNames = unitIndex(versions);
  const setupNames = setupIndex(versions);
  const severityNames = severityIndex(versions);
  const categoryNames = categoryIndex(versions);
  /** Reads units written by the worker's pushUnits at facts[at]; returns them and the next position. */
  const readUnits = (facts: Float64Array, at: number): [string[] | null, number] => {
    const n = facts[at];
    if (n < 0) return [null, at + 1];
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(unitNames[facts[at + 1 + k]]);
    return [out, at + 1 + n];
  };
  const counts: ReadCounts = { lines: 0, blank: 0, accepted: 0, rejected: 0 };
  const reject = (r: Rejected): void => {
    counts.rejected++;
    hooks.rejected(r);
    sink.line('rejected', r);
  };

  const apply = (req: BatchRequest, res: BatchResult): void => {
    const { kinds, flags, ids, idLen, out, outLen, warnLen, warnCount, facts, factAt, reasons } = res;
    const idText = Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength);
    let idPos = 0;
    let outPos = 0;
    // Runs of consecutive lines to write go out as one slice of the worker's bytes.
    let runStart = 0;
    let runEnd = 0;
    const flush = (): void => {
      if (runEnd > runStart) sink.bytes(out.subarray(runStart, runEnd));
    };
    const keep = (from: number, len: number): void => {
      if (from !== runEnd) {
        flush();
        runStart = from;
      }
      runEnd = from + len;
    };
    for (let i = 0; i < kinds.length; i++) {
      counts.lines++;
      const kind = kinds[i];
      // The line's warnings are written whatever becomes of its record; then the record's own line.
      if (warnLen[i] > 0) {
        keep(outPos, warnLen[i]);
        state.warnings += warnCount[i];
      }
      const at = outPos + warnLen[i];
      const len = outLen[i] - warnLen[i];
      outPos += outLen[i];
      if (kind === KIND.blank) {
        counts.blank++;
        continue;
      }
      if (kind === KIND.rejected) {
        counts.rejected++;
        const { kind: _, ...r } = JSON.parse(Buffer.from(out.buffer, out.byteOffset + at, len).toString('utf8')) as Rejected & { kind: string };
        hooks.rejected(r);
        keep(at, len);
        continue;
      }
      const id = idText.toString('utf8', idPos, idPos + idLen[i]);
      idPos += idLen[i];
      if (kind === KIND.money) {
        // An invoice, claim or report: its typed record, never written out.
        const record = JSON.parse(Buffer.from(out.buffer, out.byteOffset + at, len).toString('utf8')) as MoneyRecord;
        flush();
        runStart = runEnd = outPos;
        const dup = seen.claim(record);
        if (dup) {
          reject(inFile(dup, setup.recordsFile));
          continue;
        }
        const refused = state.money({ kind: 'money', record, listed: true }, setup.recordsFile);
        if (refused) reject(refused);
        else counts.accepted++;
        continue;
      }
      const type = kind === KIND.incident ? 'incident' : kind === KIND.outage ? 'outage' : kind === KIND.requests ? 'requests' : kind === KIND.setup ? 'setup' : 'maintenance';
      const dup = seen.claim({ type, id, line: req.lines[i] } as InputRecord);
      if (dup) {
        flush();
        runStart = runEnd = outPos;
        reject(inFile(dup, setup.recordsFile));
        continue;
      }
      counts.accepted++;
      const f = factAt[i];
      const listed = (flags[i] & FLAG.listed) !== 0;
      let judged: Judged;
      if (kind === KIND.setup) {
        // from, to, the setup's index, then its units (evaluate-worker.ts pushes three facts first).
        const [units] = readUnits(facts, f + 3);
        judged = { kind: 'setup', listed, from: facts[f], to: facts[f + 1], setup: setupNames[facts[f + 2]], units };
      } else if (kind === KIND.requests) {
        const [units] = readUnits(facts, f + 4);
        judged = { kind: 'requests', listed, start: facts[f], end: facts[f + 1], total: facts[f + 2], failed: facts[f + 3], units };
      } else if (kind === KIND.incident) {
        const [units] = readUnits(facts, f + 4);
        judged = { kind: 'incident', listed, opened: facts[f], countsForReliability: (flags[i] & FLAG.countsForReliability) !== 0, units } as Judged;
        const mask = facts[f + 1];
        if (mask !== 0) {
          const objectives = OBJECTIVE_BITS.filter((_, b) => (mask & (1 << b)) !== 0);
          const pending = OBJECTIVE_BITS.filter((_, b) => (mask & (1 << (b + OBJECTIVE_BITS.length))) !== 0);
          const category = facts[f + 3] < 0 ? null : categoryNames[facts[f + 3]];
          (judged as Extract<Judged, { kind: 'incident' }>).missed = { id, severity: severityNames[facts[f + 2]], category, objectives: [...objectives], pending: [...pending] };
        }
      } else {
        const pieces: [number, number][] = [];
        for (let k = 0; k < facts[f + 2]; k++) pieces.push([facts[f + 3 + 2 * k], facts[f + 4 + 2 * k]]);
        judged = { kind: 'downtime', listed, start: facts[f], end: facts[f + 1], counted: pieces } as Judged;
        let at = f + 3 + 2 * facts[f + 2];
        const nEffects = facts[at++];
        if (nEffects > 0) {
          const effects: DowntimeEffect[] = [];
          for (let e = 0; e < nEffects; e++) {
            const [units, next] = readUnits(facts, at);
            at = next;
            const counted: [number, number][] = [];
            const n = facts[at++];
            for (let k = 0; k < n; k++, at += 2) counted.push([facts[at], facts[at + 1]]);
            const fx: DowntimeEffect = { units, counted };
            const na = facts[at++];
            if (na > 0) {
              fx.allowed = [];
              for (let k = 0; k < na; k++, at += 2) fx.allowed.push([facts[at], facts[at + 1]]);
            }
            const nu = facts[at++];
            if (nu > 0) {
              const pieces: [number, number][] = [];
              for (let k = 0; k < nu; k++, at += 2) pieces.push([facts[at], facts[at + 1]]);
              fx.uncounted = { pieces, reason: reasons[facts[at++]] };
            }
            effects.push(fx);
          }
          (judged as Extract<Judged, { kind: 'downtime' }>).effects = effects;
        }
      }
      if (!state.apply(judged)) continue;
      if (flags[i] & FLAG.breach) hooks.breach();
      keep(at, len);
    }
    flush();
    if (hooks.progress) hooks.progress(counts.lines);
  };

  const queue: { req: BatchRequest; res: Promise<BatchResult> }[] = [];
  let seq = 0;
  try {
    for await (const batch of lineBatches(input)) {
      if (failure) throw failure;
      if (batch.length > 0 && 'value' in batch[0]) throw new Error('a JSON array input is evaluated on one thread');
      const req: BatchRequest = {
        seq: seq++,
        text: batch.map((b) => b.text).join('\n'),
        lines: Int32Array.from(batch, (b) => b.line),
        blank: Uint8Array.from(batch, (b) => (b.blank ? 1 : 0)),
      };
      batch.forEach((b, i) => {
        if (b.error !== undefined) (req.errors ??= {})[i] = b.error;
      });
      const w = workers[req.seq % workers.length];
      const res = new Promise<BatchResult>((resolve, rejectP) => waiting.set(req.seq, { resolve, reject: rejectP }));
      w.postMessage(req);
      queue.push({ req, res });
      while (queue.length >= threads * IN_FLIGHT_PER_WORKER) {
        const head = queue.shift()!;
        apply(head.req, await head.res);
        await sink.drain();
      }
    }
    while (queue.length) {
      const head = queue.shift()!;
      apply(head.req, await head.res);
      await sink.drain();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return state.result(counts);
}
