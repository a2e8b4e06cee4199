// Generated SAGICC logs for tests that need volume: incidents, outages and maintenance interleaved
// in time order, the way a help desk export comes.

import { writeFileSync } from 'node:fs';

function iso(ms: number): string {
  // Bogota is UTC-5 all year: local wall time with its offset.
  return `${new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
}

/** Record `i` of a generated log: 1 in 10 an outage, 1 in 50 maintenance, the rest incidents. */
export function sagiccRecord(i: number): object {
  const t = Date.UTC(2026, 2, 13, 5) + i * 600_000;
  if (i % 10 === 3) return { type: 'outage', id: `OUT-${i}`, start: iso(t), end: iso(t + ((i % 7) + 1) * 60_000), cause: i % 3 ? 'provider' : 'cloud-provider' };
  if (i % 50 === 7) return { type: 'maintenance', id: `MW-${i}`, start: iso(t), end: iso(t + 3_600_000), notified: iso(t - (i % 5) * 86_400_000) };
  const plans = ['essential', 'standard', 'professional'];
  const severities = ['critical', 'high', 'medium', 'low'];
  return {
    type: 'incident',
    id: `S${i}`,
    plan: plans[i % 3],
    severity: severities[(i >> 2) % 4],
    opened: iso(t),
    responded: iso(t + (i % 97) * 60_000),
    restored: i % 4 ? iso(t + (i % 300) * 60_000) : null,
    cause: i % 11 ? 'provider' : 'third-party',
    channel: i % 19 ? 'helpdesk' : 'email',
  };
}

/** Writes `count` generated records to `file` as NDJSON, with a bad line every `badEvery` lines. */
export function writeSagiccLog(file: string, count: number, badEvery = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(badEvery && i % badEvery === badEvery - 1 ? `{"type":"incident","id":"BAD-${i}"}` : JSON.stringify(sagiccRecord(i)));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
