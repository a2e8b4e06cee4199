// A worker thread of `slac evaluate --format ndjson`: parses, validates and judges batches of input
// lines and serializes their verdicts. What spans records (duplicate ids, periods, counts, the
// order of output) stays on the main thread: see cli/commands/evaluate-parallel.ts.

import { parentPort, workerData } from 'node:worker_threads';
import { OBJECTIVE_BITS, RecordJudge, categoryIndex, contractForRecords, setupIndex, severityIndex, unitIndex } from '../../runtime/session';
import { inFile, isRejected, type RecordWarning, validateLine } from '../../runtime/records';
import { loadContracts } from '../contracts';
import { incidentLine } from '../formats/ndjson';
import { type BatchRequest, type BatchResult, KIND, FLAG, type WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
// The main thread already checked these files: errors stopped it before any worker started.
const loaded = loadContracts(setup.contract, setup.cwd, { checks: false });
const versions = loaded.versions;
const judge = new RecordJudge(versions, { asOf: setup.asOf, period: setup.period });
const contractFor = contractForRecords(versions);
const file = setup.recordsFile;
const unitAt = new Map(unitIndex(versions).map((k, i) => [k, i]));
const setupAt = new Map(setupIndex(versions).map((k, i) => [k, i]));
const severityAt = new Map(severityIndex(versions).map((k, i) => [k, i]));
const categoryAt = new Map(categoryIndex(versions).map((k, i) => [k, i]));
/** Unit keys as indexes (see unitIndex), after their count; -1 for every unit. */
function pushUnits(facts: number[], units: readonly string[] | null | undefined): void {
  if (!units) {
    facts.push(-1);
    return;
  }
  facts.push(units.length);
  for (const u of units) facts.push(unitAt.get(u)!);
}
const warnings: RecordWarning[] = [];
const validation = { warnings, strict: setup.strict };

function kindLine(kind: string, obj: object): string {
  return `{"kind":"${kind}",${JSON.stringify(obj).slice(1)}`;
}

/** A growable UTF-8 byte buffer: lines are encoded here, once, and the bytes move to the main thread. */
class Bytes {
  buf = Buffer.allocUnsafe(1 << 22);
  used = 0;

  /** Appends `s` (and a newline when `nl`); returns the number of bytes written. */
  add(s: string, nl: boolean): number {
    const need = s.length * 3 + 1;
    if (this.used + need > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + need));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    const start = this.used;
    this.used += this.buf.write(s, this.used);
    if (nl) this.buf[this.used++] = 10;
    return this.used - start;
  }

  /** The bytes so far, in a fresh ArrayBuffer that can be transferred. */
  take(): Uint8Array {
    const out = new Uint8Array(this.used);
    out.set(this.buf.subarray(0, this.used));
    this.used = 0;
    return out;
  }
}

const out = new Bytes();
const idBytes = new Bytes();

parentPort!.on('message', (req: BatchRequest) => {
  const texts = req.text.split('\n');
  const n = texts.length;
  const kinds = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const idLen = new Int32Array(n);
  const outLen = new Int32Array(n);
  const warnLen = new Int32Array(n);
  const warnCount = new Int32Array(n);
  // Facts for the periods, per record from facts[factAt[i]]: an incident's opened instant and its
  // units; a downtime's start, end, number of counted pieces, the pieces' start and end, then its
  // effects per unit (how many, then each: its units, number of pieces, the pieces, the allowed
  // pieces, the uncounted pieces and, when there are any, the index of their reason in `reasons`).
  const facts: number[] = [];
  const reasons: string[] = [];
  const reasonAt = new Map<string, number>();
  const factAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (req.blank[i]) {
      kinds[i] = KIND.blank;
      continue;
    }
    warnings.length = 0;
    const r = validateLine({ line: req.lines[i], text: texts[i], error: req.errors?.[i] }, contractFor, validation);
    // The line's warnings come first in its output, whatever becomes of the record.
    let w = 0;
    for (const x of warnings) w += out.add(kindLine('warning', inFile(x, file)), true);
    warnLen[i] = outLen[i] = w;
    warnCount[i] = warnings.length;
    if (isRejected(r)) {
      kinds[i] = KIND.rejected;
      outLen[i] += out.add(kindLine('rejected', inFile(r, file)), true);
      continue;
    }
    idLen[i] = idBytes.add(r.id, false);
    factAt[i] = facts.length;
    const j = judge.judge(r);
    if (j.listed) flags[i] |= FLAG.listed;
    if (j.kind === 'money') {
      kinds[i] = KIND.money;
      outLen[i] += out.add(JSON.stringify(j.record), false);
    } else if (j.kind === 'incident') {
      kinds[i] = KIND.incident;
      if (j.countsForReliability) flags[i] |= FLAG.countsForReliability;
      if (j.listed && j.verdict.objectives.some((o) => o.status === 'breached')) flags[i] |= FLAG.breach;
      facts.push(j.opened);
      // The objectives it breached and those still pending (one mask, the pending bits above the
      // breached) and its severity (an index), for credits for missed targets.
      const bit = (o: string): number => OBJECTIVE_BITS.indexOf(o as (typeof OBJECTIVE_BITS)[number]);
      facts.push(j.missed ? j.missed.objectives.reduce((m, o) => m | (1 << bit(o)), 0) | j.missed.pending.reduce((m, o) => m | (1 << (bit(o) + OBJECTIVE_BITS.length)), 0) : 0);
      facts.push(j.missed ? severityAt.get(j.missed.severity)! : -1);
      facts.push(j.missed?.category != null ? categoryAt.get(j.missed.category)! : -1);
      pushUnits(facts, j.units);
      if (j.listed) outLen[i] += out.add(incidentLine(j.verdict), true);
    } else if (j.kind === 'setup') {
      kinds[i] = KIND.setup;
      facts.push(j.from, j.to, setupAt.get(j.setup)!);
      pushUnits(facts, j.units);
    } else if (j.kind === 'requests') {
      kinds[i] = KIND.requests;
      facts.push(j.start, j.end, j.total, j.failed);
      pushUnits(facts, j.units);
    } else {
      kinds[i] = j.verdict.type === 'outage' ? KIND.outage : KIND.maintenance;
      facts.push(j.start, j.end, j.counted.length);
      for (const [s, e] of j.counted) facts.push(s, e);
      facts.push(j.effects?.length ?? 0);
      for (const fx of j.effects ?? []) {
        pushUnits(facts, fx.units);
        facts.push(fx.counted.length);
        for (const [s, e] of fx.counted) facts.push(s, e);
        facts.push(fx.allowed?.length ?? 0);
        for (const [s, e] of fx.allowed ?? []) facts.push(s, e);
        facts.push(fx.uncounted?.pieces.length ?? 0);
        if (fx.uncounted) {
          for (const [s, e] of fx.uncounted.pieces) facts.push(s, e);
          let r = reasonAt.get(fx.uncounted.reason);
          if (r === undefined) reasonAt.set(fx.uncounted.reason, (r = reasons.push(fx.uncounted.reason) - 1));
          facts.push(r);
        }
      }
      if (j.listed) outLen[i] += out.add(kindLine('downtime', j.verdict), true);
    }
  }
  const result: BatchResult = {
    seq: req.seq,
    kinds,
    flags,
    ids: idBytes.take(),
    idLen,
    out: out.take(),
    outLen,
    warnLen,
    warnCount,
    facts: Float64Array.from(facts),
    factAt,
    reasons,
  };
  const transfer = [kinds, flags, result.ids, idLen, result.out, outLen, warnLen, warnCount, result.facts, factAt].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage(result, transfer);
});
