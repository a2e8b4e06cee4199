// Generated NDJSON data files for the benchmarks, written once: to a temporary name first, so an
// interrupted run leaves no half file behind.

import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '.data');

export async function writeNdjsonOnce(file: string, count: number, record: (i: number) => object): Promise<string> {
  if (existsSync(file) && statSync(file).size > 0) return file;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += `${JSON.stringify(record(i))}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(tmp, file);
  return file;
}

const PLANS = ['essential', 'standard', 'professional'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const EXCLUDED = ['third-party', 'cloud-provider', 'customer-configuration'];

function iso(ms: number): string {
  // Bogota is UTC-5 all year: write local wall time with its offset, as a help desk would.
  return `${new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
}

/**
 * `count` time-ordered SAGICC records from 2026-03-13 (90% incidents, 8% outages, 2% maintenance),
 * in bench/.data/sagicc-COUNT.ndjson; returns the file's path.
 */
export async function sagiccRecords(count: number): Promise<string> {
  const base = Date.UTC(2026, 2, 13, 5);
  const step = Math.floor((300 * 86_400_000) / count); // spread over ~10 months
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  return writeNdjsonOnce(join(DATA_DIR, `sagicc-${count}.ndjson`), count, (i) => {
    const t = base + i * step;
    const k = i % 50;
    if (k < 4) {
      return { type: 'outage', id: `OUT-${i}`, start: iso(t), end: iso(t + Math.floor(rnd() * 40) * 60_000 + 60_000), cause: rnd() < 0.8 ? 'provider' : 'cloud-provider' };
    }
    if (k === 4) {
      return { type: 'maintenance', id: `MW-${i}`, start: iso(t), end: iso(t + 3_600_000), notified: iso(t - Math.floor(rnd() * 10) * 86_400_000) };
    }
    const responded = t + Math.floor(rnd() * 2000) * 60_000;
    return {
      type: 'incident',
      id: `S${i}`,
      plan: PLANS[i % 3],
      severity: SEVERITIES[(i >> 2) % 4],
      opened: iso(t),
      responded: iso(responded),
      restored: rnd() < 0.7 ? iso(responded + Math.floor(rnd() * 3000) * 60_000) : null,
      cause: rnd() < 0.9 ? 'provider' : EXCLUDED[i % 3],
      channel: rnd() < 0.95 ? 'helpdesk' : 'email',
    };
  });
}
