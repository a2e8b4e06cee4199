// The "Evaluate" lens: which records file goes with a contract, and a run of `slac evaluate` on the
// saved version files of its folder. The run is the command line's own, in a child process, so the
// lens shows exactly what `slac evaluate` reports and the server never blocks on a large log.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

export interface RecordsSettings {
  /** One records file for every contract, or contract file/folder (relative to the workspace) -> records file. */
  records?: string | Record<string, string>;
}

export interface EvaluationCounts {
  /** Objective verdicts by status (met, breached, pending, excluded, not-applicable). */
  objectives: Record<string, number>;
  /** Months whose availability or reliability is breached. */
  breachedPeriods: number;
  rejected: number;
}

export interface EvaluationRun {
  contract: string;
  records: string;
  asOf: string;
  counts: EvaluationCounts | null;
  /** Why there are no counts (the contract has errors, the records cannot be read...). */
  error?: string;
}

/**
 * The records for a contract file: the workspace setting, else an NDJSON file in an `examples/`
 * folder inside or beside the contract's folder whose name starts with the folder's first word
 * (contracts/examples/sagicc-2026-03.ndjson for contracts/sagicc/v04.sla).
 */
export function recordsFor(file: string, workspace: string | null, settings: RecordsSettings): string | null {
  const r = settings.records;
  const base = workspace ?? dirname(file);
  if (typeof r === 'string' && r) return resolve(base, r);
  if (r && typeof r === 'object') {
    for (const [key, value] of Object.entries(r)) {
      const target = resolve(base, key);
      if (target === file || target === dirname(file) || !relative(target, file).startsWith('..')) return isAbsolute(value) ? value : resolve(base, value);
    }
  }
  const folder = dirname(file);
  const word = basename(folder).split(/[-_.]/)[0].toLowerCase();
  for (const dir of [join(folder, 'examples'), join(dirname(folder), 'examples')]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    const hit = readdirSync(dir)
      .filter((f) => f.endsWith('.ndjson') && f.toLowerCase().startsWith(word))
      .sort()[0];
    if (hit) return join(dir, hit);
  }
  return null;
}

/** The command that runs slac: this very process's entry (bin/slac.mjs, or the extension's bundle). */
export type SlacCommand = readonly string[];

export function defaultSlacCommand(): SlacCommand {
  return [process.execPath, process.argv[1]];
}

function run(command: SlacCommand, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(command[0], [...command.slice(1), ...args], { cwd, maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** `slac evaluate --format json` on the contract's folder; counts of what it found. */
export async function evaluateContract(command: SlacCommand, contractFile: string, records: string, asOf: string): Promise<EvaluationRun> {
  const contract = dirname(contractFile);
  const base = { contract, records, asOf };
  const r = await run(command, ['evaluate', contract, records, '--format', 'json', '--as-of', asOf, '--quiet'], contract);
  if (r.code !== 0 && r.code !== 3) return { ...base, counts: null, error: r.stderr.split('\n').filter(Boolean).pop() ?? `slac evaluate exited ${r.code}` };
  try {
    const doc = JSON.parse(r.stdout) as {
      incidents: { objectives: { status: string }[] }[];
      periods: { availability?: { status: string } | null; reliability?: { status: string } | null; report?: { status: string } | null }[];
      rejected: unknown[];
    };
    const objectives: Record<string, number> = {};
    for (const i of doc.incidents) for (const o of i.objectives) objectives[o.status] = (objectives[o.status] ?? 0) + 1;
    const breachedPeriods = doc.periods.filter((p) => p.availability?.status === 'breached' || p.reliability?.status === 'breached' || p.report?.status === 'breached').length;
    return { ...base, counts: { objectives, breachedPeriods, rejected: doc.rejected.length } };
  } catch (e) {
    return { ...base, counts: null, error: `the report could not be read: ${(e as Error).message}` };
  }
}

/** `slac evaluate --format markdown`: the report the lens opens. */
export async function evaluationReport(command: SlacCommand, contract: string, records: string, asOf: string): Promise<string> {
  const r = await run(command, ['evaluate', contract, records, '--format', 'markdown', '--as-of', asOf, '--quiet'], contract);
  if (r.code !== 0 && r.code !== 3 && r.code !== 1) return `slac evaluate failed:\n\n\`\`\`\n${r.stderr}\n\`\`\`\n`;
  return r.stdout;
}
