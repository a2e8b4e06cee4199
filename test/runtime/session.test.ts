// One record judged by the session (runtime/session.ts), in-process: which version judges it and
// the note when none was in force yet or the incident opens after as-of; whether it is listed
// under --period (its month's first instant in, the next month's out; downtime that only touches
// the month is not listed); whether an incident counts toward reliability; the units and the
// missed objectives it gives the periods; money records and their rejection with the file; the
// name indexes worker threads share; and the warnings count of a run.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ContractVersions } from '../../runtime/contract';
import type { IncidentRecord, InvoiceRecord, OutageRecord, RecordWarning } from '../../runtime/records';
import { categoryIndex, contractForRecords, evaluateRecords, RecordJudge, type SessionOptions, SessionState, setupIndex, severityIndex, unitIndex } from '../../runtime/session';
import { versionsOf } from '../helpers/evaluate';

const at = (iso: string): number => Date.parse(iso);

const version = (n: number, effective: string, more = '') => `contract "Session"
version ${n}
effective ${effective}
time zone UTC

severities
  p1 "Critical"
${n === 2 ? '  p2 "High"\n' : ''}
categories
  | category | description |
  | web-${n}  | "Web ${n}"   |

services
  api "API"
  web "Web"
${n === 2 ? '  db "Database"\n' : ''}
causes
  counted provider
  excluded customer "caused by the customer"

response targets
  | severity | target |
  | p1       | 1 hour |
${n === 2 ? '  | p2       | 4 hours |\n' : ''}${more}`;

/** Two versions: v1 from 2026-02-01, v2 (with p2, db and a setup) from 2026-04-01. */
function two(): ContractVersions {
  const v1 = versionsOf(version(1, '2026-02-01'), 'v1.sla').latest;
  const v2 = versionsOf(version(2, '2026-04-01', '\nsetups\n  ha "High availability"\n'), 'v2.sla').latest;
  return new ContractVersions([v2, v1]);
}

let line = 0;
const incident = (opened: string, more: Partial<IncidentRecord> = {}): IncidentRecord => ({
  type: 'incident',
  id: `I${++line}`,
  plan: 'default',
  severity: 'p1',
  category: null,
  opened: at(opened),
  responded: null,
  restored: null,
  resolved: null,
  cause: 'provider',
  channel: null,
  line,
  ...more,
});
const outage = (start: string, end: string, more: Partial<OutageRecord> = {}): OutageRecord => ({ type: 'outage', id: `O${++line}`, start: at(start), end: at(end), cause: 'provider', line, ...more });

const judge = (options: Partial<SessionOptions> = {}) => new RecordJudge(two(), { asOf: at('2026-06-01T00:00:00Z'), ...options });

describe('the version that judges a record', () => {
  it('is the one in force when the incident opened, or the outage started', () => {
    const j = judge();
    const march = j.judge(incident('2026-03-10T10:00:00Z', { responded: at('2026-03-10T10:30:00Z') }));
    const april = j.judge(incident('2026-04-10T10:00:00Z'));
    expect([march.kind === 'incident' && march.verdict.version, april.kind === 'incident' && april.verdict.version]).toEqual(['1', '2']);
    const o = j.judge(outage('2026-04-01T00:00:00Z', '2026-04-01T01:00:00Z'));
    expect(o.kind === 'downtime' && [o.verdict.version, o.verdict.note]).toEqual(['2', undefined]);
  });

  it('before the first version took effect, the earliest judges, and the verdict says so', () => {
    const j = judge();
    const early = j.judge(incident('2026-01-20T10:00:00Z'));
    expect(early.kind === 'incident' && [early.verdict.version, early.verdict.note]).toEqual(['1', 'opened before version 1 took effect on 2026-02-01; judged by that version, the earliest']);
    const o = j.judge(outage('2026-01-20T10:00:00Z', '2026-01-20T11:00:00Z'));
    expect(o.kind === 'downtime' && o.verdict.note).toBe('started before version 1 took effect on 2026-02-01; judged by that version, the earliest');
  });

  it('an incident opened after as-of is pending, and says so beside the version note', () => {
    const j = new RecordJudge(two(), { asOf: at('2026-01-10T00:00:00Z') });
    const later = j.judge(incident('2026-01-20T10:00:00Z'));
    expect(later.kind === 'incident' && later.verdict.note).toBe(
      'opened after as-of (2026-01-10T00:00:00Z): not yet open then, so every target is pending; opened before version 1 took effect on 2026-02-01; judged by that version, the earliest',
    );
    expect(later.kind === 'incident' && later.countsForReliability).toBe(false);
  });

  it('the contract records are validated against: the version in force at an instant, the earliest before any, the latest without one', () => {
    const pick = contractForRecords(two());
    if (typeof pick !== 'function') throw new Error('two versions give a function');
    const version = (t: number | null) => pick(t, {}, 1).version;
    expect([version(at('2026-03-01T00:00:00Z')), version(at('2026-04-01T00:00:00Z')), version(at('2025-01-01T00:00:00Z')), version(null)]).toEqual(['1', '2', '1', '2']);
    const one = new ContractVersions([two().list[0]]);
    expect(contractForRecords(one)).toBe(one.list[0].ir);
  });
});

describe('with --period, what is listed', () => {
  const march = () => judge({ period: '2026-03' });
  const listed = (j: ReturnType<typeof judge>, r: IncidentRecord | OutageRecord) => j.judge(r).listed;

  it('an incident opened from the month\'s first instant up to, not at, the next month\'s', () => {
    const j = march();
    expect([
      listed(j, incident('2026-02-28T23:59:59.999Z')),
      listed(j, incident('2026-03-01T00:00:00Z')),
      listed(j, incident('2026-03-31T23:59:59.999Z')),
      listed(j, incident('2026-04-01T00:00:00Z')),
    ]).toEqual([false, true, true, false]);
    // Without --period everything is.
    expect(listed(judge(), incident('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('downtime that meets the month, not downtime that ends as it begins or begins as it ends', () => {
    const j = march();
    expect([
      listed(j, outage('2026-02-28T23:00:00Z', '2026-03-01T00:00:00Z')),
      listed(j, outage('2026-02-28T23:00:00Z', '2026-03-01T00:00:01Z')),
      listed(j, outage('2026-03-31T23:59:59Z', '2026-04-01T01:00:00Z')),
      listed(j, outage('2026-04-01T00:00:00Z', '2026-04-01T01:00:00Z')),
    ]).toEqual([false, true, true, false]);
  });
});

describe('what an incident gives the periods', () => {
  it('counts toward reliability when it counts, its cause is counted, and it opened by as-of', () => {
    const j = judge();
    const counts = (more: Partial<IncidentRecord>, opened = '2026-03-10T10:00:00Z') => {
      const x = j.judge(incident(opened, more));
      return x.kind === 'incident' && x.countsForReliability;
    };
    expect([counts({}), counts({ cause: 'customer' }), counts({ cause: 'third-party' }), counts({}, '2026-06-01T00:00:00Z'), counts({}, '2026-06-01T00:00:00.001Z')]).toEqual([true, false, false, true, false]);
  });

  it('the units it names, and the objectives it missed or has pending; none when it met them or is excluded', () => {
    const j = judge();
    const late = j.judge(incident('2026-03-10T10:00:00Z', { responded: at('2026-03-10T12:00:00Z'), services: ['api'] }));
    expect(late.kind === 'incident' && [late.units, late.missed]).toEqual([['api'], { id: late.kind === 'incident' ? late.verdict.id : '', severity: 'p1', category: null, objectives: ['response'], pending: [] }]);
    const open = j.judge(incident('2026-05-31T23:30:00Z'));
    expect(open.kind === 'incident' && [open.units, open.missed?.objectives, open.missed?.pending]).toEqual([undefined, [], ['response']]);
    const met = j.judge(incident('2026-03-10T10:00:00Z', { responded: at('2026-03-10T10:30:00Z') }));
    expect(met.kind === 'incident' && met.missed).toBeUndefined();
    const excluded = j.judge(incident('2026-03-10T10:00:00Z', { cause: 'customer' }));
    expect(excluded.kind === 'incident' && excluded.missed).toBeUndefined();
  });

  it('a setup is listed whatever the period, and money records are taken as they are', () => {
    const j = judge({ period: '2026-03' });
    const setup = j.judge({ type: 'setup', id: 'S1', setup: 'ha', from: at('2026-05-01T00:00:00Z'), to: null, services: ['db'], line: 1 });
    expect(setup).toEqual({ kind: 'setup', listed: true, setup: 'ha', from: at('2026-05-01T00:00:00Z'), to: Number.POSITIVE_INFINITY, units: ['db'] });
    const inv: InvoiceRecord = { type: 'invoice', id: 'INV', period: '2026-05', service: null, group: null, amount: '10.00', currency: 'EUR', issued: '2026-06-01', paid: null, line: 2 };
    expect(j.judge(inv)).toEqual({ kind: 'money', record: inv, listed: true });
  });
});

describe('the session state', () => {
  it('an invoice in a second currency is rejected with its line and id, and the file when one is named', () => {
    const versions = two();
    const state = new SessionState(versions, { asOf: at('2026-06-01T00:00:00Z') });
    const inv = (id: string, currency: string, ln: number): InvoiceRecord => ({ type: 'invoice', id, period: '2026-03', service: null, group: null, amount: '10.00', currency, issued: '2026-04-01', paid: null, line: ln });
    expect(state.money({ kind: 'money', record: inv('A', 'EUR', 1), listed: true }, 'log.ndjson')).toBeNull();
    const message = 'the invoice is in USD, earlier invoices are in EUR: one contract\'s invoices are in one currency (slac converts no currencies; state it with `currency EUR`)';
    expect(state.money({ kind: 'money', record: inv('B', 'USD', 2), listed: true }, 'log.ndjson')).toEqual({ line: 2, file: 'log.ndjson', id: 'B', message });
    expect(state.money({ kind: 'money', record: inv('C', 'USD', 3), listed: true }, undefined)).toEqual({ line: 3, id: 'C', message });
    expect(state.evaluated).toBe(1);
    expect(state.apply({ kind: 'money', record: inv('D', 'EUR', 4), listed: true })).toBe(false);
  });

  it('counts listed records as evaluated and the others as outside the period', () => {
    const versions = two();
    const options = { asOf: at('2026-06-01T00:00:00Z'), period: '2026-03' };
    const state = new SessionState(versions, options);
    const j = new RecordJudge(versions, options);
    expect([state.apply(j.judge(incident('2026-03-02T10:00:00Z'))), state.apply(j.judge(incident('2026-04-02T10:00:00Z'))), state.apply(j.judge(outage('2026-03-05T00:00:00Z', '2026-03-05T01:00:00Z')))]).toEqual([true, false, true]);
    expect([state.evaluated, state.outsidePeriod]).toEqual([2, 1]);
  });

  it('the name indexes hold every version\'s names once, in version order', () => {
    const versions = two();
    expect(unitIndex(versions)).toEqual(['api', 'web', 'db']);
    expect(severityIndex(versions)).toEqual(['p1', 'p2']);
    expect(categoryIndex(versions)).toEqual(['web-1', 'web-2']);
    expect(setupIndex(versions)).toEqual(['ha']);
  });
});

describe('a downtime verdict', () => {
  it('says why it counts or not, and echoes the services it names', () => {
    const j = judge();
    const counted = j.judge(outage('2026-03-05T00:00:00Z', '2026-03-05T01:30:00Z', { services: ['api'] }));
    expect(counted.kind === 'downtime' && counted.verdict).toStrictEqual({
      type: 'outage',
      id: counted.kind === 'downtime' ? counted.verdict.id : '',
      line: counted.kind === 'downtime' ? counted.verdict.line : 0,
      version: '1',
      start: '2026-03-05T00:00:00Z',
      end: '2026-03-05T01:30:00Z',
      countedMinutes: 90,
      reason: 'cause provider is counted',
      services: ['api'],
    });
    const excluded = j.judge(outage('2026-03-05T00:00:00Z', '2026-03-05T01:00:00Z', { cause: 'customer' }));
    expect(excluded.kind === 'downtime' && [excluded.verdict.countedMinutes, excluded.verdict.reason, 'services' in excluded.verdict]).toEqual([0, 'cause customer is excluded (caused by the customer), v1.sla:19', false]);
    const unknown = j.judge(outage('2026-03-05T00:00:00Z', '2026-03-05T01:00:00Z', { cause: 'third-party' }));
    expect(unknown.kind === 'downtime' && unknown.verdict.reason).toBe('cause third-party is not counted');
  });

  it('an outage of the whole contract that counts gives the periods its time, without per-unit effects', () => {
    const whole = judge().judge(outage('2026-03-05T00:00:00Z', '2026-03-05T01:00:00Z'));
    expect(whole.kind === 'downtime' && [whole.counted, whole.effects]).toEqual([[[at('2026-03-05T00:00:00Z'), at('2026-03-05T01:00:00Z')]], undefined]);
  });
});

describe('a run', () => {
  it('reports progress every 10,000 records, and only to a listener', async () => {
    const lines = Array.from({ length: 20_001 }, (_, i) => JSON.stringify({ type: 'outage', id: `P${i}`, start: '2026-03-05T00:00:00Z', end: '2026-03-05T00:01:00Z', cause: 'provider', services: ['api'] }));
    const seen: number[] = [];
    const res = await evaluateRecords(two(), Readable.from([`${lines.join('\n')}\n`]), { asOf: at('2026-06-01T00:00:00Z') }, { incident: () => {}, rejected: () => {}, progress: (n) => seen.push(n) });
    expect(res.counts).toMatchObject({ accepted: 20_001, rejected: 0 });
    expect(seen).toEqual([10_000, 20_000]);
    const quiet = await evaluateRecords(two(), Readable.from([`${lines.join('\n')}\n`]), { asOf: at('2026-06-01T00:00:00Z') }, { incident: () => {}, rejected: () => {} });
    expect(quiet.counts.accepted).toBe(20_001);
  });

  it('counts each warning and passes it on', async () => {
    const warnings: RecordWarning[] = [];
    const body = `${JSON.stringify({ type: 'incident', id: 'W1', severity: 'p1', opened: '2026-03-10T10:00:00Z', cause: 'provider', respnded: '2026-03-10T10:10:00Z' })}\n`;
    const res = await evaluateRecords(two(), Readable.from([body]), { asOf: at('2026-06-01T00:00:00Z') }, { incident: () => {}, rejected: () => {}, warning: (w) => warnings.push(w) });
    expect(res.counts).toMatchObject({ lines: 1, accepted: 1, rejected: 0, evaluated: 1, warnings: 1 });
    expect(warnings.map((w) => [w.line, w.message])).toEqual([[1, expect.stringContaining('"respnded"')]]);
    // Without a listener the count is kept all the same.
    const quiet = await evaluateRecords(two(), Readable.from([body]), { asOf: at('2026-06-01T00:00:00Z') }, { incident: () => {}, rejected: () => {} });
    expect(quiet.counts.warnings).toBe(1);
  });
});
