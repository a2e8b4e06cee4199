// Availability counted during a calendar's business hours only (`counted during business hours`,
// test/fixtures/good/availability-business-hours.sla: 9 to 5 in Toronto on weekdays, Good Friday
// 2026-04-03 off, 99% a month). April 2026 has 22 weekdays, 21 without Good Friday: 168 business
// hours. Downtime outside them does not count, and says why.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { runSlac } from '../helpers/io';
import { outputSchemaErrors } from '../helpers/output-schema';
import { readRepoFile } from '../helpers/ir';

const fmt = (t: string): string => format(parse(t).ast, t);
const CONTRACT = 'test/fixtures/good/availability-business-hours.sla';
const dir = mkdtempSync(join(tmpdir(), 'slac-hours-'));

async function april(outages: [string, string][]) {
  const log = join(dir, `log-${outages.length}-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(log, outages.map(([start, end], i) => JSON.stringify({ type: 'outage', id: `O${i + 1}`, start, end, cause: 'provider' })).join('\n'));
  const { out } = await runSlac(['evaluate', CONTRACT, log, '--as-of', '2026-05-01T00:00:00-04:00', '--format', 'json']);
  const doc = JSON.parse(out);
  expect(outputSchemaErrors(doc)).toBe('');
  return doc.periods.find((p: { period: string }) => p.period === '2026-04').availability;
}

describe('availability counted during business hours', () => {
  it('counts the business hours of the month, and only the downtime inside them', async () => {
    // A night (20:00-08:00, none of it business time), Good Friday 10-12 (a holiday), and 16-18 on
    // a Wednesday (16-17 counts): 60 of 168 h x 60 = 10,080 min, 99.40476...% (met).
    const a = await april([
      ['2026-04-07T20:00:00-04:00', '2026-04-08T08:00:00-04:00'],
      ['2026-04-03T10:00:00-04:00', '2026-04-03T12:00:00-04:00'],
      ['2026-04-08T16:00:00-04:00', '2026-04-08T18:00:00-04:00'],
    ]);
    expect(a).toMatchObject({ status: 'met', downtimeMinutes: 60, periodMinutes: 168 * 60, exact: '99.4047619047', measurement: 'exact time, during business hours' });
    expect(a.breakdown.counted).toEqual([{ start: '2026-04-08T16:00:00-04:00', end: '2026-04-08T17:00:00-04:00', minutes: 60 }]);
    expect(a.breakdown.uncounted.map((u: { start: string; minutes: number }) => [u.start, u.minutes])).toEqual([
      ['2026-04-03T10:00:00-04:00', 120],
      ['2026-04-07T20:00:00-04:00', 720],
      ['2026-04-08T17:00:00-04:00', 60],
    ]);
    expect(a.breakdown.uncounted[0].reason).toBe(`outside the hours of calendar business (counted during business hours, ${CONTRACT}:15)`);
  });

  it('breaches the target with less downtime than the wall clock would allow', async () => {
    // 2 business hours down: 1 - 2/168 = 98.8095...% < 99%. Over the whole month (720 h) the
    // same 2 hours would be 99.72%.
    const a = await april([['2026-04-14T09:00:00-04:00', '2026-04-14T11:00:00-04:00']]);
    expect(a).toMatchObject({ status: 'breached', downtimeMinutes: 120, exact: '98.8095238095' });
    // At most 1% of 168 h = 100.8 min: 100 minutes meet it, 101 do not.
    expect((await april([['2026-04-14T09:00:00-04:00', '2026-04-14T10:40:00-04:00']])).status).toBe('met');
    expect((await april([['2026-04-14T09:00:00-04:00', '2026-04-14T10:41:00-04:00']])).status).toBe('breached');
  });

  it('is written back by fmt, names a declared calendar, and once', () => {
    const text = readRepoFile(CONTRACT);
    expect(fmt(text.replace('  counted during business hours', '  Counted   DURING business   hours'))).toBe(text);
    const codes = (t: string) => compile(t, 'x.sla').diagnostics.map((d) => [d.code, t.slice(d.span.start, d.span.end)]);
    expect(codes(text.replace('\n  counted during business hours', '\n  counted during office hours'))).toEqual([['SLA2007', 'office']]);
    expect(codes(text.replace('  counted during business hours', '  counted during business hours\n  counted during business hours'))).toEqual([['SLA2003', 'counted during business hours']]);
  });
});
