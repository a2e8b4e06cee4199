// `slac evaluate` on a contract with target tables for some incidents (test/fixtures/good/
// targets-scoped.sla): every format says which table answered, the JSON report follows the
// published schema, and each NDJSON incident line is the JSON report's incident, byte for byte.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';
import { outputSchemaErrors } from '../helpers/output-schema';

const CONTRACT = 'test/fixtures/good/targets-scoped.sla';
const dir = mkdtempSync(join(tmpdir(), 'slac-tables-'));
const log = join(dir, 'tickets.ndjson');
const base = { type: 'incident', cause: 'provider', plan: 'premium', channel: 'portal', opened: '2026-03-02T10:00:00Z' };
writeFileSync(
  log,
  [
    { ...base, id: 'STG', severity: 'urgent', environment: 'staging', responded: '2026-03-02T13:00:00Z' },
    { ...base, id: 'JP', severity: 'normal', zone: 'Asia/Tokyo', opened: '2026-03-06T06:00:00Z' },
    { ...base, id: 'SEC', severity: 'urgent', service: 'security' },
    { ...base, id: 'PH', severity: 'urgent', channel: 'phone', responded: '2026-03-02T10:20:00Z' },
    { ...base, id: 'LIMA', severity: 'high', zone: 'America/Lima' },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);
const args = [CONTRACT, log, '--as-of', '2026-03-20T00:00:00Z'];

describe('evaluate with target tables for some incidents', () => {
  it('json: the table, environment and region of each verdict, valid against the schema', async () => {
    const { out } = await runSlac(['evaluate', ...args, '--format', 'json']);
    const doc = JSON.parse(out);
    expect(outputSchemaErrors(doc)).toBe('');
    const byId = new Map(doc.incidents.map((i: { id: string }) => [i.id, i]));
    expect(byId.get('STG')).toMatchObject({ environment: 'staging', objectives: [{ status: 'met', due: '2026-03-02T14:00:00+00:00', trace: { table: { scope: 'environment staging', clause: `${CONTRACT}:44` } } }] });
    expect(byId.get('JP')).toMatchObject({ region: 'japan', objectives: [{ due: '2026-03-09T06:00:00+00:00', trace: { table: { scope: 'region japan' } } }] });
    expect(byId.get('SEC')).toMatchObject({ objectives: [{ status: 'not-applicable', due: null }] });
    // 15 minutes by phone from 10:00: answered at 10:20, late.
    expect(byId.get('PH')).toMatchObject({ objectives: [{ status: 'breached', due: '2026-03-02T10:15:00+00:00', trace: { table: { scope: 'channel phone' } } }] });
    expect(doc.rejected).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('zone "America/Lima" is of no region') })]);
  });

  it('ndjson: each incident line is the JSON report\'s incident, byte for byte', async () => {
    const json = JSON.parse((await runSlac(['evaluate', ...args, '--format', 'json'])).out);
    const lines = (await runSlac(['evaluate', ...args, '--format', 'ndjson'])).out.trim().split('\n');
    const incidents = lines.filter((l) => l.startsWith('{"kind":"incident"'));
    expect(incidents).toEqual(json.incidents.map((i: object) => JSON.stringify({ kind: 'incident', ...i })));
  });

  it('ndjson: the trace of a paused ticket too (the paused time split by calendar and by reason)', async () => {
    const paused = join(dir, 'paused.ndjson');
    const rec = { type: 'incident', id: 'P', severity: 'affected', cause: 'provider', opened: '2026-03-06T15:00:00-05:00', resolved: '2026-03-16T09:30:00-04:00', pauses: [{ from: '2026-03-06T16:00:00-05:00', to: '2026-03-09T11:00:00-04:00', reason: 'waiting-on-customer' }] };
    writeFileSync(paused, JSON.stringify(rec));
    const a = ['test/fixtures/good/support.sla', paused, '--as-of', '2026-03-20T00:00:00-04:00'];
    const json = JSON.parse((await runSlac(['evaluate', ...a, '--format', 'json'])).out);
    expect(json.incidents[0].objectives.some((o: { trace?: { pausedByReasonMinutes?: number } }) => (o.trace?.pausedByReasonMinutes ?? 0) > 0)).toBe(true);
    const lines = (await runSlac(['evaluate', ...a, '--format', 'ndjson'])).out.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('{"kind":"incident"'))).toEqual([JSON.stringify({ kind: 'incident', ...json.incidents[0] })]);
  });

  it('text and markdown name the table and what picked it', async () => {
    const text = (await runSlac(['evaluate', ...args])).out;
    expect(text).toContain('STG  staging / premium / urgent');
    expect(text).toContain('4 hours (environment staging: plan premium, severity urgent, test/fixtures/good/targets-scoped.sla:47)');
    expect(text).toContain('JP  japan / premium / normal');
    const md = (await runSlac(['evaluate', ...args, '--format', 'markdown'])).out;
    expect(md).toContain('| STG (staging) | premium / urgent | response | met |');
    expect(md).toContain('| SEC (security) | premium / urgent | response | not-applicable |');
  });
});
