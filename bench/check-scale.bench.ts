// `slac check` of a generated 100,000-line contract against a 10,000-line one of the same mix
// (credit bands, a ranked target table, categories, maintenance windows, holidays; distinct lines
// with some repeated), in the same run. Goal: at most 10x, i.e. the checks grow near-linearly.
// Whole processes (start-up included), interleaved, best of 3; the ratio is of CPU time (user +
// system), which a machine busy with other work disturbs less than wall time.
// Run: npm run bench -- check-scale   (or node --import tsx bench/check-scale.bench.ts)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, 'bench', '.data');
const SMALL = 10_000;
const LARGE = 100_000;
const RUNS = 3;
const GOAL = 10;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const clock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * A contract of about `lines` lines: 30% credit bands tiling 0-99.9% (one row in ten repeats the
 * row before it), 30% rows of a target table over ranked plans, 10% category rows, 15% maintenance
 * windows (10 minutes every 30 minutes of the week, then the same windows again), 15% holidays.
 */
export function generateContract(lines: number): string {
  const share = (p: number): number => Math.floor(lines * p);
  const bands = share(0.3);
  const plans = share(0.3);
  const categories = share(0.1);
  const windows = share(0.15);
  const holidays = share(0.15);
  const out = ['contract "Generated"', 'version 1', 'effective 2026-01-01', 'time zone America/Bogota', ''];
  out.push('calendar office "Office hours"', '  monday to friday 08:00 to 18:00');
  for (let i = 0; i < holidays; i++) out.push(`  holiday ${new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)} "generated"`);
  out.push('', 'severities', '  high "High"', '  low "Low"', '');
  const names = Array.from({ length: plans }, (_, i) => `p${i}`);
  out.push(`plans ${names.join(' < ')}`, '', 'response targets', '  | plan | high | low |');
  // Higher plans answer sooner, in office hours.
  names.forEach((p, i) => out.push(`  | ${p} | ${plans - i} office minutes | ${plans - i + 1} office minutes |`));
  out.push('', 'resolution 5 days for every incident', '', 'categories', '  | category | description | resolution |');
  for (let i = 0; i < categories; i++) out.push(`  | c${i} | "generated" | ${1 + (i % 48)} hours |`);
  out.push('', 'maintenance', '  windows');
  for (let i = 0; i < windows; i++) {
    const start = (i * 30) % (7 * 1440);
    out.push(`    ${DAYS[Math.floor(start / 1440)]} ${clock(start % 1440)} to ${clock((start % 1440) + 10)}`);
  }
  out.push('  notice at least 48 hours before the start', '  not counted as downtime', '');
  out.push('availability', '  target 99.9% per calendar month', '', 'credits', '  | monthly availability | credit |');
  const distinct = Math.ceil((bands * 9) / 10);
  const edge = (k: number): string => ((k * 99.9) / distinct).toFixed(8);
  for (let k = 0; k < distinct; k++) {
    const row = `  | ${k === 0 ? '' : `at least ${edge(k)}% and `}below ${edge(k + 1)}% | ${(50 - (k * 45) / distinct).toFixed(6)}% |`;
    out.push(row);
    if (k % 9 === 8) out.push(row);
  }
  out.push('', 'causes', '  counted provider');
  return `${out.join('\n')}\n`;
}

function ensureContract(lines: number): string {
  const file = join(DATA_DIR, `check-scale-${lines}.sla`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, generateContract(lines));
  renameSync(tmp, file);
  return file;
}

interface Run {
  wallMs: number;
  /** User + system CPU time: on a machine shared with other work, steadier than wall time. */
  cpuMs: number;
  maxRssMb: number;
  summary: string;
}

/** One `slac check` process under /usr/bin/time; exit 0 or 1 (the repeats are findings). */
function timedCheck(file: string): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, 'bin/slac.mjs', 'check', file, '--no-color'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`slac check ${file} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const [user, system, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, maxRssMb: kb / 1024, summary: r.stdout.trim().split('\n').pop() ?? '' };
}

export async function main(): Promise<Record<string, number | string>> {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const small = ensureContract(SMALL);
  const large = ensureContract(LARGE);
  const runs = { small: [] as Run[], large: [] as Run[] };
  // Interleaved, so that a busy moment of the machine hits both sizes alike.
  for (let i = 0; i < RUNS; i++) {
    runs.small.push(timedCheck(small));
    runs.large.push(timedCheck(large));
  }
  const best = (rs: Run[]): Run => ({
    wallMs: Math.min(...rs.map((r) => r.wallMs)),
    cpuMs: Math.min(...rs.map((r) => r.cpuMs)),
    maxRssMb: Math.max(...rs.map((r) => r.maxRssMb)),
    summary: rs[0].summary,
  });
  const s = best(runs.small);
  const l = best(runs.large);
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  const result = {
    smallLines: SMALL,
    largeLines: LARGE,
    smallCpuMs: Math.round(s.cpuMs),
    largeCpuMs: Math.round(l.cpuMs),
    ratio: r2(l.cpuMs / s.cpuMs),
    smallWallMs: Math.round(s.wallMs),
    largeWallMs: Math.round(l.wallMs),
    wallRatio: r2(l.wallMs / s.wallMs),
    smallPeakRssMb: Math.round(s.maxRssMb),
    largePeakRssMb: Math.round(l.maxRssMb),
    goal: GOAL,
  };
  console.log(`slac check of generated contracts of the same mix (best of ${RUNS}, interleaved, whole process)`);
  for (const [lines, run] of [[SMALL, s], [LARGE, l]] as const) {
    console.log(`  ${lines.toLocaleString('en').padStart(7)} lines  cpu ${String(Math.round(run.cpuMs)).padStart(6)} ms  wall ${String(Math.round(run.wallMs)).padStart(6)} ms  peak ${Math.round(run.maxRssMb)} MiB   ${run.summary}`);
  }
  console.log(`  ratio ${result.ratio}x cpu (${result.wallRatio}x wall) for 10x the lines (goal <= ${GOAL}x)${result.ratio > GOAL ? ': OVER THE GOAL' : ''}`);
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
