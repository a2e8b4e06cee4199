// The json, text and markdown reports are written while the log is read, with the lists they print
// later than they are produced spooled to disk: the result must be exactly the report of the same
// verdicts held in memory, for a log where downtime, incidents and bad lines interleave.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { type EvaluationReport, markdownLines, textLines } from '../../cli/formats/evaluation';
import { Spool } from '../../cli/formats/spool';
import { runSlac } from '../helpers/io';
import { sagiccRecord } from '../helpers/records';

const dir = mkdtempSync(join(tmpdir(), 'slac-stream-'));

/**
 * 12,000 lines: every other one an outage (megabytes of downtime, more than the spool keeps in
 * memory), incidents between them, a bad line every 50 and a blank one every 333.
 */
function mixedLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 12_000; i++) {
    if (i % 333 === 332) lines.push('');
    else if (i % 50 === 49) lines.push(`{"type":"incident","id":"BAD-${i}","plan":"gold"}`);
    else if (i % 2) lines.push(JSON.stringify({ type: 'outage', id: `OUT-${i}`, start: '2026-03-20T10:00:00-05:00', end: '2026-03-20T10:05:00-05:00', cause: i % 3 ? 'provider' : 'third-party' }));
    else lines.push(JSON.stringify(sagiccRecord(i)));
  }
  const file = join(dir, 'mixed.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const log = mixedLog();
const args = ['evaluate', 'contracts/sagicc', log, '--as-of', '2026-09-01'];

/** The same run's verdicts, as the NDJSON output lists them, in memory. */
async function inMemory(): Promise<EvaluationReport> {
  const rows = (await runSlac([...args, '--format', 'ndjson'])).out.trim().split('\n').map((l) => JSON.parse(l));
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ kind: _, ...r }) => r);
  const summary = rows.at(-1);
  return { contract: summary.contract, asOf: summary.asOf, period: summary.period, incidents: of('incident'), downtime: of('downtime'), periods: of('period'), rejected: of('rejected'), warnings: of('warning'), counts: summary.counts };
}

describe('reports written while the log is read', () => {
  it('json is byte-identical to JSON.stringify(document, null, 2) of the same verdicts', async () => {
    const r = await runSlac([...args, '--format', 'json']);
    expect(r.code).toBe(3);
    const m = await inMemory();
    expect(m.downtime.length).toBeGreaterThan(5000);
    const doc = { contract: m.contract, asOf: m.asOf, period: m.period, incidents: m.incidents, downtime: m.downtime, periods: m.periods, rejected: m.rejected, warnings: m.warnings, summary: m.counts };
    expect(r.out).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('text and markdown are the reports of the same verdicts held in memory, line for line', async () => {
    const m = await inMemory();
    const text = await runSlac([...args, '--format', 'text']);
    expect(text.out).toBe(`${[...textLines(m, pc.createColors(false))].join('\n')}\n`);
    const md = await runSlac([...args, '--format', 'markdown']);
    expect(md.out).toBe(`${[...markdownLines(m)].join('\n')}\n`);
  });
});

describe('a spool', () => {
  it('gives back every item in order, across its buffer and read chunks, with any characters and sizes', () => {
    const spool = new Spool<{ n: number; s: string }>();
    const items = Array.from({ length: 4000 }, (_, n) => ({ n, s: `é€😀 ${'x'.repeat(n % 997)} "\\\n\u2028` }));
    items.splice(1234, 0, { n: -1, s: 'y'.repeat(3_000_000) }); // larger than the buffer
    for (const item of items) spool.add(item);
    expect(spool.length).toBe(items.length);
    expect([...spool]).toEqual(items);
    spool.dispose();
  });

  it('an empty spool lists nothing and creates no file', () => {
    const spool = new Spool<number>();
    expect([...spool]).toEqual([]);
    spool.dispose();
  });
});
