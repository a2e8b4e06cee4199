// Support SLAs as they are run, on the support desk of test/fixtures/good/support.sla (9:00-17:00
// in Toronto, Monday to Friday; Good Friday 2026-04-03 and Victoria Day 2026-05-18 off): pauses
// over a weekend and during a holiday, reopened tickets (a new cycle, or the clock continues),
// updates every N hours, targets on the next business day, and the records that are rejected.
// Every expected due time is computed by hand in the comment beside it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { type CompiledContract, compileContract } from '../../runtime/contract';
import { evaluateIncident, type IncidentVerdict, type ObjectiveVerdict } from '../../runtime/evaluate';
import { type IncidentRecord, isRejected, parseTimestamp, validateRecord } from '../../runtime/records';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DESK_FILE = 'test/fixtures/good/support.sla';
const DESK_TEXT = readFileSync(ROOT + DESK_FILE, 'utf8');

function load(text: string, file = 'desk.sla'): CompiledContract {
  const c = compile(text, file, { checks: false });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`${file}: ${errors.map((d) => `${c.lines.position(d.span.start).line}: ${d.message}`).join('; ')}`);
  return compileContract(c.contract, (span) => `${file}:${c.lines.position(span.start).line}`);
}

const at = (iso: string): number => parseTimestamp(iso);

function judge(c: CompiledContract, raw: Record<string, unknown>, asOf: string): IncidentVerdict {
  const r = validateRecord({ type: 'incident', id: 'T', cause: 'provider', ...raw }, 1, c.ir);
  if (isRejected(r)) throw new Error(r.message);
  return evaluateIncident(c, r as IncidentRecord, at(asOf));
}

function rejection(c: CompiledContract, raw: Record<string, unknown>): string {
  const r = validateRecord({ type: 'incident', id: 'T', cause: 'provider', ...raw }, 7, c.ir);
  if (!isRejected(r)) throw new Error('accepted');
  return r.message;
}

function objective(v: IncidentVerdict, name: string, cycle?: number): ObjectiveVerdict {
  const o = v.objectives.find((x) => x.objective === name && x.cycle === cycle);
  if (!o) throw new Error(`no ${name}${cycle ? ` #${cycle}` : ''} in ${JSON.stringify(v.objectives.map((x) => [x.objective, x.cycle]))}`);
  return o;
}

const desk = load(DESK_TEXT, DESK_FILE);

describe('pauses', () => {
  it('a pause over a weekend stops the resolution clock for the business time it covers', () => {
    // affected: within 5 business days = 40 h. Opened Fri 2026-03-06 15:00 EST, waiting on the
    // customer from Fri 16:00 to Mon 2026-03-09 11:00 EDT (DST began Sunday). Counted: Fri 15-16
    // (1 h), Mon 11-17 (6 h: 7), Tue, Wed, Thu, Fri 8 h each (39), Mon 2026-03-16 09-10 (40).
    const v = judge(desk, {
      severity: 'affected',
      opened: '2026-03-06T15:00:00-05:00',
      resolved: '2026-03-16T09:30:00-04:00',
      pauses: [{ from: '2026-03-06T16:00:00-05:00', to: '2026-03-09T11:00:00-04:00', reason: 'waiting-on-customer' }],
    }, '2026-03-20T00:00:00-04:00');
    const o = objective(v, 'resolution');
    expect(o.due).toBe('2026-03-16T10:00:00-04:00');
    expect(o.status).toBe('met');
    // Counted until the resolution: 39 h + 30 min. Paused by the reason: the business time inside
    // the pause, Fri 16-17 and Mon 09-11 (3 h). The rest of the wall time is the calendar's: Fri
    // 15:00 EST to Mon 09:30 EDT is 9 days 18.5 h = 234.5 h, less the hour DST skipped: 233.5 h.
    expect(o.elapsedMinutes).toBe(39.5 * 60);
    expect(o.trace?.pausedByReasonMinutes).toBe(3 * 60);
    expect(o.trace?.pausedByCalendarMinutes).toBe((233.5 - 39.5 - 3) * 60);
    // The response clock never pauses: end of next business day, Mon 2026-03-09 17:00.
    expect(objective(v, 'response').due).toBe('2026-03-09T17:00:00-04:00');
  });

  it('without the pause the same ticket is breached', () => {
    // 40 h from Fri 15:00: Fri 2 h, then four days of 8 h (34), Fri 2026-03-13 09-15 (40).
    const v = judge(desk, { severity: 'affected', opened: '2026-03-06T15:00:00-05:00', resolved: '2026-03-16T09:30:00-04:00' }, '2026-03-20T00:00:00-04:00');
    expect(objective(v, 'resolution')).toMatchObject({ due: '2026-03-13T15:00:00-04:00', status: 'breached' });
  });

  it('a pause during a holiday: the holiday is the calendar\'s, not the pause\'s', () => {
    // Opened Thu 2026-04-02 10:00 EDT, waiting from Thu 16:00 to Mon 2026-04-06 12:00 (over Good
    // Friday and the weekend). Counted: Thu 10-16 (6 h), Mon 12-17 (5: 11), Tue, Wed, Thu 8 h
    // (35), Fri 2026-04-10 09-14 (40). Paused by the reason: Thu 16-17 and Mon 09-12 = 4 h.
    const v = judge(desk, {
      severity: 'affected',
      opened: '2026-04-02T10:00:00-04:00',
      pauses: [{ from: '2026-04-02T16:00:00-04:00', to: '2026-04-06T12:00:00-04:00', reason: 'waiting-on-customer' }],
    }, '2026-04-10T12:00:00-04:00');
    const o = objective(v, 'resolution');
    expect(o.due).toBe('2026-04-10T14:00:00-04:00');
    expect(o.status).toBe('pending');
    // As of Fri 12:00: 38 h counted, 2 h left.
    expect(o.remainingMinutes).toBe(120);
    expect(o.trace?.pausedByReasonMinutes).toBe(4 * 60);
  });

  it('a pause still open at as-of stops the clock until then', () => {
    // Opened Mon 2026-03-02 09:00 EST; waiting since 10:00 with no end. 1 h counted, never due.
    const v = judge(desk, {
      severity: 'affected',
      opened: '2026-03-02T09:00:00-05:00',
      pauses: [{ from: '2026-03-02T10:00:00-05:00', reason: 'waiting-on-customer' }],
    }, '2026-03-20T00:00:00-04:00');
    const o = objective(v, 'resolution');
    expect(o.status).toBe('pending');
    expect(o.elapsedMinutes).toBe(60);
    expect(o.due).toBeNull();
    expect(o.reason).toBe('paused (waiting-on-customer) since 2026-03-02T10:00:00-05:00 and still paused at as-of: the due time is known when the clock resumes');
  });

  it('an undeclared reason rejects the record, with its place', () => {
    expect(rejection(desk, { severity: 'affected', opened: '2026-03-02T09:00:00-05:00', pauses: [{ from: '2026-03-02T10:00:00-05:00', reason: 'lunch' }] })).toBe(
      'pauses[0]: undeclared pause reason "lunch" (declared: waiting-on-customer)',
    );
    expect(rejection(desk, { severity: 'affected', opened: '2026-03-02T09:00:00-05:00', pauses: [{ from: '2026-03-02T10:00:00', reason: 'waiting-on-customer' }] })).toBe(
      'field "pauses[0].from": timestamp "2026-03-02T10:00:00" has no UTC offset (write e.g. 2026-03-07T22:15:00-05:00)',
    );
    expect(rejection(desk, { severity: 'affected', opened: '2026-03-02T09:00:00-05:00', region: 'mars' })).toBe('unknown region "mars" (the contract declares none)');
  });
});

describe('reopened tickets', () => {
  const ticket = {
    severity: 'unavailable',
    opened: '2026-03-02T09:00:00-05:00',
    responded: '2026-03-02T09:30:00-05:00',
    restored: '2026-03-02T15:00:00-05:00',
    resolved: '2026-03-02T15:00:00-05:00',
    reopened: [{ at: '2026-03-04T16:00:00-05:00', resolved: '2026-03-05T17:00:00-05:00' }],
  };

  it('a new cycle: each cycle has the whole target from its start, and is judged', () => {
    // 1 business day = 8 h. Cycle 1: Mon 09:00 -> Mon 17:00, resolved 15:00: met. Cycle 2 from the
    // reopening, Wed 16:00: Wed 1 h, Thu 09-16 (8 h) -> Thu 16:00; resolved 17:00: breached.
    const v = judge(desk, ticket, '2026-03-10T00:00:00-04:00');
    expect(objective(v, 'resolution', 1)).toMatchObject({ due: '2026-03-02T17:00:00-05:00', status: 'met' });
    expect(objective(v, 'resolution', 2)).toMatchObject({ due: '2026-03-05T16:00:00-05:00', status: 'breached', elapsedMinutes: 9 * 60 });
  });

  it('the old clock continues: the time between the resolution and the reopening is not counted', () => {
    const continues = load(DESK_TEXT.replace('reopened starts a new cycle', 'reopened continues the clock'));
    // Counted Mon 09-15 (6 h); Mon 15:00 to Wed 16:00 not counted; Wed 16-17 (7 h), Thu 09-10 (8 h).
    // One due time, Thu 10:00: cycle 1 (resolved Mon 15:00) met, cycle 2 (Thu 17:00) breached.
    const v = judge(continues, ticket, '2026-03-10T00:00:00-04:00');
    expect(objective(v, 'resolution', 1)).toMatchObject({ due: '2026-03-05T10:00:00-05:00', status: 'met' });
    expect(objective(v, 'resolution', 2)).toMatchObject({ due: '2026-03-05T10:00:00-05:00', status: 'breached' });
  });

  it('a reopening before the resolution it reopens is rejected', () => {
    expect(rejection(desk, { ...ticket, reopened: [{ at: '2026-03-02T14:00:00-05:00' }] })).toBe(
      'reopened[0]: "at" (2026-03-02T14:00:00-05:00) is before the resolution it reopens (2026-03-02T15:00:00-05:00)',
    );
  });
});

describe('updates every N hours until restored', () => {
  it('judges each interval from the response, and the next starts at the update that closed it', () => {
    // Responded Mon 10:00; updates at 17:00 (due 18:00: met) and Tue 03:00 (due 17:00 + 8 h =
    // Tue 01:00: breached); restored Tue 05:00 (due 03:00 + 8 h = 11:00: met).
    const v = judge(desk, {
      severity: 'unavailable',
      opened: '2026-03-02T09:00:00-05:00',
      responded: '2026-03-02T10:00:00-05:00',
      restored: '2026-03-03T05:00:00-05:00',
      updates: ['2026-03-02T17:00:00-05:00', '2026-03-03T03:00:00-05:00'],
    }, '2026-03-10T00:00:00-04:00');
    const o = objective(v, 'update');
    expect(o.status).toBe('breached');
    expect(o.due).toBe('2026-03-03T01:00:00-05:00');
    expect(o.intervals).toEqual([
      { from: '2026-03-02T10:00:00-05:00', due: '2026-03-02T18:00:00-05:00', happened: '2026-03-02T17:00:00-05:00', status: 'met' },
      { from: '2026-03-02T17:00:00-05:00', due: '2026-03-03T01:00:00-05:00', happened: '2026-03-03T03:00:00-05:00', status: 'breached' },
      { from: '2026-03-03T03:00:00-05:00', due: '2026-03-03T11:00:00-05:00', happened: '2026-03-03T05:00:00-05:00', status: 'met' },
    ]);
  });

  it('every 2 business days until resolved, pending while the interval runs', () => {
    // affected: responded Fri 2026-03-06 10:00 EST; 16 business hours: Fri 10-17 (7), Mon 09-17
    // (15), Tue 09-10 (16) -> Tue 2026-03-10 10:00 EDT. As of Mon noon: pending.
    const v = judge(desk, { severity: 'affected', opened: '2026-03-06T09:00:00-05:00', responded: '2026-03-06T10:00:00-05:00' }, '2026-03-09T12:00:00-04:00');
    expect(objective(v, 'update')).toMatchObject({ status: 'pending', due: '2026-03-10T10:00:00-04:00' });
  });

  it('does not start before the response', () => {
    const v = judge(desk, { severity: 'unavailable', opened: '2026-03-02T09:00:00-05:00' }, '2026-03-02T09:30:00-05:00');
    expect(objective(v, 'update')).toMatchObject({ status: 'pending', due: null });
    expect(v.objectives.map((o) => o.objective)).toEqual(['response', 'resolution', 'update']);
  });
});

describe('targets on the next business day', () => {
  it('end of next business day on a Friday before a holiday is the end of Tuesday', () => {
    // Opened Fri 2026-05-15 10:00; Monday 2026-05-18 is Victoria Day: the next business day is
    // Tuesday, which ends at 17:00.
    const v = judge(desk, { severity: 'affected', opened: '2026-05-15T10:00:00-04:00', responded: '2026-05-19T16:00:00-04:00' }, '2026-05-30T00:00:00-04:00');
    expect(objective(v, 'response')).toMatchObject({ due: '2026-05-19T17:00:00-04:00', status: 'met', target: 'end of next business day' });
  });

  it('next business day by 12:00', () => {
    // Same Friday: Tuesday 2026-05-19 12:00; answered at 12:30, breached.
    const v = judge(desk, { severity: 'functioning', opened: '2026-05-15T10:00:00-04:00', responded: '2026-05-19T12:30:00-04:00' }, '2026-05-30T00:00:00-04:00');
    expect(objective(v, 'response')).toMatchObject({ due: '2026-05-19T12:00:00-04:00', status: 'breached' });
  });

  it('opened before the day starts, the next business day is still the next date', () => {
    // Opened Tue 2026-05-19 07:00, before opening: end of Wednesday 2026-05-20.
    const v = judge(desk, { severity: 'affected', opened: '2026-05-19T07:00:00-04:00' }, '2026-05-19T08:00:00-04:00');
    expect(objective(v, 'response')).toMatchObject({ due: '2026-05-20T17:00:00-04:00', status: 'pending', remainingMinutes: 16 * 60 });
  });

  it('a pause before the next business day ends moves the target by the business time it paused', () => {
    // A desk whose response clock pauses while waiting on the customer. affected: end of next
    // business day. Opened Tue 2026-03-10 10:00 EDT: fixed due Wed 17:00, 15 business hours
    // (Tue 10-17, Wed 9-17). Waiting from Tue 14:00 to Wed 11:00: 5 business hours paused
    // (Tue 14-17, Wed 9-11). Counted by Wed 17:00: Tue 10-14 (4 h) + Wed 11-17 (6 h) = 10 h;
    // 5 h are left, Thu 09:00-14:00: due Thu 2026-03-12 14:00.
    const paused = load(DESK_TEXT.replace('response   never pauses', 'response   pauses while waiting-on-customer'));
    const pause = [{ from: '2026-03-10T14:00:00-04:00', to: '2026-03-11T11:00:00-04:00', reason: 'waiting-on-customer' }];
    const v = judge(paused, { severity: 'affected', opened: '2026-03-10T10:00:00-04:00', responded: '2026-03-12T13:00:00-04:00', pauses: pause }, '2026-03-20T00:00:00-04:00');
    expect(objective(v, 'response')).toMatchObject({ due: '2026-03-12T14:00:00-04:00', status: 'met', target: 'end of next business day' });
    // next business day by 12:00 (functioning): fixed Wed 12:00, 10 business hours (Tue 10-17,
    // Wed 9-12); 5 paused, counted by Wed 12:00: Tue 10-14 + Wed 11-12 = 5 h; 5 left, Wed 12-17: due Wed 17:00.
    const f = judge(paused, { severity: 'functioning', opened: '2026-03-10T10:00:00-04:00', pauses: pause }, '2026-03-11T12:30:00-04:00');
    expect(objective(f, 'response')).toMatchObject({ due: '2026-03-11T17:00:00-04:00', status: 'pending', remainingMinutes: 4.5 * 60 });
    // A pause over the weekend only (no business time) leaves the due where it was: opened Fri
    // 2026-03-13 10:00, end of next business day Mon 2026-03-16 17:00.
    const weekend = [{ from: '2026-03-13T18:00:00-04:00', to: '2026-03-16T08:00:00-04:00', reason: 'waiting-on-customer' }];
    const w = judge(paused, { severity: 'affected', opened: '2026-03-13T10:00:00-04:00', pauses: weekend }, '2026-03-16T12:00:00-04:00');
    expect(objective(w, 'response')).toMatchObject({ due: '2026-03-16T17:00:00-04:00', status: 'pending', remainingMinutes: 5 * 60 });
    // As of Saturday the pause is still running: no due yet, and the reason says why.
    // Counted Fri 10:00-17:00 = 7 h of the 15 h (Fri 10-17, Mon 9-17): 8 h left.
    const sat = objective(judge(paused, { severity: 'affected', opened: '2026-03-13T10:00:00-04:00', pauses: weekend }, '2026-03-14T00:00:00-05:00'), 'response');
    expect(sat).toMatchObject({ due: null, status: 'pending', elapsedMinutes: 7 * 60, remainingMinutes: 8 * 60 });
    expect(sat.reason).toBe('paused (waiting-on-customer) since 2026-03-13T18:00:00-04:00 and still paused at as-of: the due time is known when the clock resumes');
    // The desk's own response clock never pauses: the same ticket is due Wed 17:00 and late.
    const never = judge(desk, { severity: 'affected', opened: '2026-03-10T10:00:00-04:00', responded: '2026-03-12T13:00:00-04:00', pauses: pause }, '2026-03-20T00:00:00-04:00');
    expect(objective(never, 'response')).toMatchObject({ due: '2026-03-11T17:00:00-04:00', status: 'breached' });
  });

  it('within 5 business days is 5 times the working day', () => {
    expect(desk.ir.targets.find((t) => t.objective === 'resolution' && t.severity === 'affected')?.duration?.ms).toBe(40 * 3_600_000);
    expect(desk.ir.targets.find((t) => t.objective === 'resolution' && t.severity === 'functioning')?.duration).toMatchObject({ calendar: 'business', ms: 40 * 3_600_000 });
  });
});

describe('calendars in their own zone', () => {
  it('a calendar in London counts London hours for a contract in Toronto, DST-correct in both', () => {
    // 2026-03-09 (Mon): Toronto is on EDT (since Mar 8), London still on GMT (until Mar 29):
    // 09:00-17:00 London is 05:00-13:00 Toronto. Opened 04:00 Toronto -> starts 05:00; 4 London
    // hours -> 09:00 Toronto.
    const text = `contract "London"
version 1
effective 2026-01-01
time zone America/Toronto
calendar london in Europe/London "London office"
  monday to friday 09:00 to 17:00
severities
  high "High"
response targets
  | severity | target         |
  | high     | 4 london hours |
causes
  counted provider
`;
    const c = load(text);
    const v = judge(c, { severity: 'high', opened: '2026-03-09T04:00:00-04:00' }, '2026-03-09T05:00:00-04:00');
    expect(objective(v, 'response').due).toBe('2026-03-09T09:00:00-04:00');
    // After London's change too (Mar 30, BST): 09:00 London is 04:00 Toronto; due 08:00.
    const w = judge(c, { severity: 'high', opened: '2026-03-30T03:00:00-04:00' }, '2026-03-30T03:00:00-04:00');
    expect(objective(w, 'response').due).toBe('2026-03-30T08:00:00-04:00');
  });
});

describe('holiday types beyond the public ones', () => {
  const text = (types: string) => `contract "Stockholm"
version 1
effective 2026-01-01
time zone Europe/Stockholm
calendar office "Stockholm office"
  monday to friday 09:00 to 17:00
  holidays of SE: ${types}
severities
  high "High"
response targets
  | severity | target            |
  | high     | 4 office hours    |
causes
  counted provider
`;
  it('bank holidays close Midsummer Eve and Christmas Eve without hand-added dates', () => {
    // Thu 2026-06-18 16:00: 1 h on Thursday; Friday 2026-06-19 is Midsummer Eve (a bank holiday
    // in date-holidays), so 3 h on Monday 2026-06-22: 12:00.
    const withBank = load(text('public, bank'));
    const v = judge(withBank, { severity: 'high', opened: '2026-06-18T16:00:00+02:00' }, '2026-06-18T16:00:00+02:00');
    expect(objective(v, 'response').due).toBe('2026-06-22T12:00:00+02:00');
    expect(withBank.ir.calendars[0]).toMatchObject({ holidayCountry: 'SE', holidayTypes: ['public', 'bank'] });
    // Public holidays only: Midsummer Eve is a working day, due Friday 12:00.
    const publicOnly = load(text('public'));
    expect(objective(judge(publicOnly, { severity: 'high', opened: '2026-06-18T16:00:00+02:00' }, '2026-06-18T16:00:00+02:00'), 'response').due).toBe('2026-06-19T12:00:00+02:00');
  });

  it('a type date-holidays does not have is an error on its word, and fmt writes the line back', () => {
    const c = compile(text('public, banking'), 'se.sla');
    expect(c.diagnostics.map((d) => [d.code, text('public, banking').slice(d.span.start, d.span.end)])).toContainEqual(['SLA2011', 'banking']);
  });
});

