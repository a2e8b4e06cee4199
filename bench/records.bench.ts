// Throughput of the record reader: 1,000,000 NDJSON records through readRecords + validateRecord,
// against a bare loop that only JSON.parses each line and Date.parses its timestamps (budget: 3x).
// Run: node --import tsx bench/records.bench.ts  (the data file is generated once into bench/.data/).

import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Contract } from '../compiler/ir';
import { writeNdjsonOnce } from './data';
import { readRecordLines, readRecords, type ContractFor } from '../runtime/records';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = join(HERE, '.data', 'records-1m.ndjson');
const COUNT = 1_000_000;
const TIMESTAMP_FIELDS = ['opened', 'responded', 'restored', 'resolved', 'start', 'end'] as const;

const span = { start: 0, end: 0 };
const CONTRACT: Contract = {
  file: 'bench.slac', name: 'Bench', version: '1', effective: null, provider: null, customer: null,
  timeZone: 'America/New_York', calendars: [],
  severities: [
    { id: 'critical', title: null, description: null, aliases: ['1'], rank: 0, span },
    { id: 'high', title: null, description: null, aliases: ['2'], rank: 1, span },
    { id: 'medium', title: null, description: null, aliases: [], rank: 2, span },
  ],
  plans: [{ id: 'essential', rank: 0, span }, { id: 'standard', rank: 1, span }],
  plansOrdered: true, implicitPlan: false,
  categories: [{ id: 'security', description: null, span }],
  targets: [], categoryTargets: [],
  causes: [
    { id: 'provider', counted: true, description: null, span },
    { id: 'third-party', counted: false, description: null, span },
  ],
  channels: { channels: [{ id: 'helpdesk', official: true, description: null, span }], othersExcluded: true, span },
  maintenance: null, availability: null, reliability: null, credits: null, notes: [],
};

const OFFSETS = ['-05:00', 'Z', '+05:30', '-04:00'];

function stamp(ms: number, k: number): string {
  const off = OFFSETS[k % OFFSETS.length]!;
  const shift = off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4))) * 60_000;
  return new Date(ms + shift).toISOString().slice(0, 19) + off;
}

/** The data file, generated once (see bench/data.ts). */
async function ensureData(): Promise<void> {
  const base = Date.UTC(2026, 0, 1);
  await writeNdjsonOnce(DATA, COUNT, (i) => {
    const t = base + i * 137_000;
    if (i % 5 === 4) {
      return { type: 'outage', id: `OUT-${i}`, start: stamp(t, i), end: stamp(t + 600_000, i + 1), cause: i % 2 ? 'provider' : 'third-party' };
    }
    return {
      type: 'incident', id: `S${i}`, plan: i % 2 ? 'essential' : 'standard', severity: ['critical', 'high', 'medium', '1'][i % 4],
      category: i % 7 === 0 ? 'security' : null, opened: stamp(t, i), responded: stamp(t + 300_000, i + 1),
      restored: stamp(t + 3_600_000, i + 2), resolved: i % 3 ? stamp(t + 7_200_000, i) : null,
      cause: 'provider', channel: 'helpdesk', ticket: `T-${i}`,
    };
  });
}

let peakRss = 0;
function sampleRss(): void {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
}

/** Runs `f` while sampling RSS every 25 ms; returns wall ms and the phase's peak RSS. */
async function timed(f: () => Promise<number>): Promise<{ ms: number; n: number; peakRssMb: number }> {
  peakRss = 0;
  const timer = setInterval(sampleRss, 25);
  const t0 = performance.now();
  const n = await f();
  const ms = performance.now() - t0;
  clearInterval(timer);
  sampleRss();
  return { ms, n, peakRssMb: Math.round(peakRss / 2 ** 20) };
}

function parseLine(text: string): number {
  const o = JSON.parse(text) as Record<string, unknown>;
  let s = 0;
  for (const f of TIMESTAMP_FIELDS) {
    const v = o[f];
    if (typeof v === 'string') s += Date.parse(v);
  }
  return s;
}

/** Baseline 1: node:readline over the file, JSON.parse + Date.parse per line. */
async function baselineReadline(): Promise<number> {
  let n = 0;
  let sink = 0;
  const rl = createInterface({ input: createReadStream(DATA, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.length === 0) continue;
    sink += parseLine(line);
    n++;
  }
  return sink === 0 ? -n : n;
}

/** Baseline 2: the same with a bare chunk splitter (the fastest bare loop we know). */
async function baselineSplitter(): Promise<number> {
  let n = 0;
  let sink = 0;
  let carry = '';
  const stream = createReadStream(DATA, { highWaterMark: 1 << 20, encoding: 'utf8' });
  for await (const chunk of stream as AsyncIterable<string>) {
    const buf = carry + chunk;
    let pos = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', pos)) {
      if (nl > pos) {
        sink += parseLine(buf.slice(pos, nl));
        n++;
      }
      pos = nl + 1;
    }
    carry = buf.slice(pos);
  }
  if (carry.length) {
    sink += parseLine(carry);
    n++;
  }
  return sink === 0 ? -n : n;
}

/** Line splitting alone: node:readline vs readRecordLines (one promise per line in both). */
async function linesReadline(): Promise<number> {
  let n = 0;
  const rl = createInterface({ input: createReadStream(DATA, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const _ of rl) n++;
  return n;
}

async function linesOurs(): Promise<number> {
  let n = 0;
  for await (const _ of readRecordLines(DATA)) n++;
  return n;
}

/**
 * The real thing: readRecords with a version-picking contractFor, as the evaluator uses it. The
 * incidents carry a `ticket` field the schema does not know, so each also costs a warning.
 */
async function full(): Promise<number> {
  const contractFor: ContractFor = () => CONTRACT;
  let accepted = 0;
  let rejected = 0;
  let warnings = 0;
  const counts = await readRecords(DATA, contractFor, () => accepted++, () => rejected++, { file: 'records-1m.ndjson', onWarning: () => warnings++ });
  if (rejected !== 0 || counts.lines !== counts.accepted + counts.rejected + counts.blank || warnings !== (COUNT * 4) / 5) {
    throw new Error(`bench data rejected: ${JSON.stringify({ ...counts, warnings })}`);
  }
  return accepted;
}

export interface Phase {
  name: string;
  /** Best of the runs (ms). */
  ms: number;
  /** Peak RSS seen during this phase's first run (MB). */
  peakRssMb: number;
}

export interface RecordsBench {
  records: number;
  fileMb: number;
  phases: Phase[];
  /** readRecords time over the faster baseline. */
  ratio: number;
  recordsPerSecond: number;
  /** Peak RSS over the whole run (MB). */
  peakRssMb: number;
}

const RUNS = 3;

async function phase(name: string, f: () => Promise<number>, expect: number): Promise<Phase> {
  let best = Infinity;
  let peak = 0;
  for (let k = 0; k < RUNS; k++) {
    const t = await timed(f);
    if (Math.abs(t.n) !== expect) throw new Error(`${name}: ${t.n} lines, expected ${expect}`);
    best = Math.min(best, t.ms);
    if (k === 0) peak = t.peakRssMb;
  }
  return { name, ms: Math.round(best), peakRssMb: peak };
}

export async function main(): Promise<RecordsBench> {
  await ensureData();
  // readRecords first, so the RSS of its first run is its own and not left over from other phases.
  // The machine may be shared: each phase runs RUNS times and the best time is kept.
  const phases = [
    await phase('readRecords + validateRecord', full, COUNT),
    await phase('baseline: readline + JSON.parse + Date.parse', baselineReadline, COUNT),
    await phase('baseline: splitter + JSON.parse + Date.parse', baselineSplitter, COUNT),
    await phase('lines only: node:readline', linesReadline, COUNT),
    await phase('lines only: readRecordLines', linesOurs, COUNT),
  ];
  const full1 = phases[0]!;
  const baseline = Math.min(phases[1]!.ms, phases[2]!.ms);
  return {
    records: COUNT,
    fileMb: Math.round(statSync(DATA).size / 2 ** 20),
    phases,
    ratio: Math.round((full1.ms / baseline) * 100) / 100,
    recordsPerSecond: Math.round(COUNT / (full1.ms / 1000)),
    peakRssMb: Math.max(...phases.map((p) => p.peakRssMb)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await main();
  console.log(`${r.records} records, ${r.fileMb} MB, best of ${RUNS} runs`);
  for (const p of r.phases) console.log(`  ${p.name.padEnd(46)} ${String(p.ms).padStart(6)} ms   peak RSS ${p.peakRssMb} MB`);
  console.log(`ratio readRecords / faster baseline: ${r.ratio}x (${r.recordsPerSecond} records/s); peak RSS ${r.peakRssMb} MB`);
}
