// Runs a benchmark's contender as a whole process (start-up included) under /usr/bin/time, for
// its wall time and peak memory.

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Run {
  ms: number;
  maxRssMb: number;
}

/** Runs a command (its standard output discarded) for wall time and peak RSS; throws when it fails. */
export function timed(args: string[], env: Record<string, string> = {}): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { ms, maxRssMb: kb / 1024 };
}
