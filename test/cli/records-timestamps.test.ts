// The range of instants slac judges (1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z): a record
// outside it is rejected with its line and field while the others are judged, --as-of outside it
// is a usage error, and every accepted instant prints as valid ISO 8601, also in a zone whose
// offset was not whole minutes (Africa/Monrovia before 1972).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';
import { outputSchemaErrors } from '../helpers/output-schema';

const dir = mkdtempSync(join(tmpdir(), 'slac-range-'));
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

function log(name: string, records: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

const outage = (id: string, start: string, end: string) => ({ type: 'outage', id, start, end, cause: 'provider' });
const incident = (id: string, opened: string, responded?: string) => ({ type: 'incident', id, plan: 'essential', severity: 'critical', opened, responded, restored: responded, cause: 'provider', channel: 'helpdesk' });

/** Every timestamp-like string of a report: they must all be ISO 8601 with a whole-minute offset. */
function stamps(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^\d{4,}-\d{2}-\d{2}T/.test(value)) out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stamps(v, out);
  return out;
}

describe('records at the edges of the supported range', () => {
  const records = [
    incident('Y0999', '0999-03-07T22:15:00-05:00'), //          line 1: year 999, crashed the run
    incident('Y1000', '1000-01-01T00:00:00Z'), //                line 2
    outage('Y1900', '1900-03-07T22:15:00-05:00', '1900-03-07T23:15:00-05:00'), // line 3: Bogota's LMT
    outage('JUST-BEFORE', '1969-12-31T23:59:59.999Z', '1970-01-01T00:10:00Z'), // line 4
    outage('FIRST', '1970-01-01T00:00:00Z', '1970-01-01T00:10:00Z'), // line 5: accepted
    incident('OK-2026', '2026-03-20T10:00:00-05:00', '2026-03-20T10:30:00-05:00'), // line 6: accepted
    outage('LAST', '9998-12-30T23:00:00Z', '9998-12-31T00:00:00Z'), // line 7: accepted
    outage('JUST-AFTER', '9998-12-30T23:00:00Z', '9998-12-31T00:00:00.001Z'), // line 8
    outage('Y9999', '9998-12-31T22:00:00-05:00', '9998-12-31T23:30:00-05:00'), // line 9: year 9999 in UTC, whose year ends in 10000
  ];

  it('rejects each instant outside it with the line and the field, and judges the others', async () => {
    const r = await runSlac(['evaluate', 'contracts/sagicc', log('edges.ndjson', records), '--as-of', '9998-12-31T00:00:00Z', '--format', 'json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.out);
    expect(outputSchemaErrors(doc)).toBe('');
    const range = 'is outside the supported range (1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z)';
    expect(doc.rejected.map((x: { line: number; id: string; message: string }) => [x.line, x.id, x.message])).toEqual([
      [1, 'Y0999', `field "opened": timestamp "0999-03-07T22:15:00-05:00" ${range}`],
      [2, 'Y1000', `field "opened": timestamp "1000-01-01T00:00:00Z" ${range}`],
      [3, 'Y1900', `field "start": timestamp "1900-03-07T22:15:00-05:00" ${range}`],
      [4, 'JUST-BEFORE', `field "start": timestamp "1969-12-31T23:59:59.999Z" ${range}`],
      [8, 'JUST-AFTER', `field "end": timestamp "9998-12-31T00:00:00.001Z" ${range}`],
      [9, 'Y9999', `field "start": timestamp "9998-12-31T22:00:00-05:00" ${range}`],
    ]);
    expect(doc.downtime.map((d: { id: string; start: string; end: string }) => [d.id, d.start, d.end])).toEqual([
      ['FIRST', '1969-12-31T19:00:00-05:00', '1969-12-31T19:10:00-05:00'],
      ['LAST', '9998-12-30T18:00:00-05:00', '9998-12-30T19:00:00-05:00'],
    ]);
    expect(doc.incidents.map((i: { id: string }) => i.id)).toEqual(['OK-2026']);
    expect(doc.periods.map((p: { period: string }) => p.period)).toEqual(['1969-12', '2026-03', '9998-12']);
    for (const s of stamps(doc)) expect(s).toMatch(ISO);
  });

  it('--as-of outside the range is a usage error (exit 2), inside it is accepted', async () => {
    const path = log('one.ndjson', [records[4]!]);
    for (const asOf of ['0999-06-01', '1969-12-31T23:59:59Z', '9999-01-01', '9998-12-31T00:00:01Z']) {
      const r = await runSlac(['evaluate', 'contracts/sagicc', path, '--as-of', asOf]);
      expect(r.code, asOf).toBe(2);
      expect(r.err).toBe(`slac: --as-of ${asOf} is outside the supported range (1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z)\n`);
    }
    for (const asOf of ['1970-01-01', '1970-01-01T00:00:00Z', '9998-12-31T00:00:00Z']) {
      expect((await runSlac(['evaluate', 'contracts/sagicc', path, '--as-of', asOf])).code, asOf).toBe(0);
    }
  });
});

describe('a zone whose offset was not whole minutes', () => {
  const contract = join(dir, 'monrovia.sla');
  writeFileSync(contract, [
    'contract "Monrovia"', 'version 1', 'effective unspecified', 'time zone Africa/Monrovia',
    'severities', '  s1', 'response 1 hour for every incident', 'causes', '  counted provider',
    'availability', '  target 99.9% per calendar month', '  measured as exact time',
  ].join('\n'));

  it('prints instants before 1972 exactly in UTC with Z, later ones with their offset', async () => {
    const path = log('monrovia.ndjson', [
      { type: 'incident', id: 'M1', severity: 's1', opened: '1971-06-01T10:00:00Z', responded: '1971-06-01T10:20:00Z', cause: 'provider' },
      { type: 'outage', id: 'O1', start: '1972-01-06T23:00:00Z', end: '1972-01-07T02:00:00Z', cause: 'provider' },
      { type: 'incident', id: 'M2', severity: 's1', opened: '1973-06-01T10:00:00Z', cause: 'provider' },
    ]);
    const r = await runSlac(['evaluate', contract, path, '--as-of', '1973-06-01T12:00:00Z', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(outputSchemaErrors(doc)).toBe('');
    expect(doc.incidents.map((i: { opened: string; objectives: { due: string; happened: string | null }[] }) => [i.opened, i.objectives[0]!.due, i.objectives[0]!.happened])).toEqual([
      ['1971-06-01T10:00:00Z', '1971-06-01T11:00:00Z', '1971-06-01T10:20:00Z'],
      ['1973-06-01T10:00:00+00:00', '1973-06-01T11:00:00+00:00', null],
    ]);
    // The change to GMT came at 1972-01-07T00:44:30Z: the outage starts before it and ends after.
    expect(doc.downtime.map((d: { start: string; end: string }) => [d.start, d.end])).toEqual([['1972-01-06T23:00:00Z', '1972-01-07T02:00:00+00:00']]);
    expect(doc.asOf).toBe('1973-06-01T12:00:00+00:00');
    for (const s of stamps(doc)) expect(s).toMatch(ISO);
    const text = await runSlac(['evaluate', contract, path, '--as-of', '1973-06-01T12:00:00Z', '--no-color']);
    expect(text.out).toContain('M1  s1  opened 1971-06-01T10:00:00Z');
  });
});
