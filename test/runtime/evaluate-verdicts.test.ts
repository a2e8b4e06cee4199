// The verdicts of one incident (evaluateIncident in runtime/evaluate.ts), whole objects: the
// objectives no clock can be built for (a regional target without a region or its calendar, no
// target for the plan / severity, a length the calendar cannot fix, excluded causes), the trace
// (clause, calendar, start, paused time split by calendar and by reason, region), the fields the
// record echoes, reopened cycles, updates judged interval by interval, and the as-of cut.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { type CompiledContract, compileContract } from '../../runtime/contract';
import { evaluateIncident, type IncidentVerdict, type ObjectiveVerdict } from '../../runtime/evaluate';
import { type IncidentRecord, isRejected, parseTimestamp, validateRecord } from '../../runtime/records';
import { versionsOf } from '../helpers/evaluate';

/**
 * Compiles without the checks, so that a contract the checks would refuse (a region without a
 * calendar, a missing cell) can still be judged; any error other than the `allowed` codes fails.
 */
function load(text: string, file: string, allowed: string[] = []): CompiledContract {
  const c = compile(text, file, { checks: false });
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(allowed);
  return compileContract(c.contract, (s) => `${file}:${c.lines.position(s.start).line}`);
}

function judge(c: CompiledContract, raw: Record<string, unknown>, asOf: string): IncidentVerdict {
  const r = validateRecord({ type: 'incident', id: 'T', cause: 'provider', ...raw }, 1, c.ir);
  if (isRejected(r)) throw new Error(r.message);
  return evaluateIncident(c, r as IncidentRecord, parseTimestamp(asOf));
}

function objective(v: IncidentVerdict, name: string, cycle?: number): ObjectiveVerdict {
  const o = v.objectives.find((x) => x.objective === name && x.cycle === cycle);
  if (!o) throw new Error(`no ${name} in ${JSON.stringify(v.objectives.map((x) => [x.objective, x.cycle]))}`);
  return o;
}

// UTC contract. Tokyo's 09:00-17:00 is 00:00-08:00 UTC; 2026-03-02 is a Monday.
const FILE = 'v.sla';
const TEXT = `contract "Verdicts"
version 3
effective 2026-01-01
time zone UTC

calendar office "Office hours"
  monday to friday 09:00 to 17:00

calendar tokyo in Asia/Tokyo "Tokyo office"
  monday to friday 09:00 to 17:00

calendar uneven "Short Fridays"
  monday to thursday 09:00 to 17:00
  friday 09:00 to 12:00

regions
  apac  "Asia Pacific" calendar tokyo zones Asia/Tokyo
  emea  "Europe" calendar uneven zones Europe/Paris
  latam "Latin America" zones America/Lima

plans basic < gold

severities
  p1 "Critical"
  p2 "High"
  p3 "Low"

causes
  counted  provider "ours"
  excluded isp      "the ISP"

pause reasons
  waiting "Waiting on the customer"
  lunch   "Lunch"

clocks
  response   starts at acknowledged, pauses while waiting
  resolution pauses while waiting, reopened continues the clock
  update     starts at responded

response targets
  | plan  | p1                        | p2                     | p3      |
  | basic | 2 hours                   | end of next office day | none    |
  | gold  | 4 regional business hours | 1 hour                 | 8 hours |

resolution targets
  | plan  | p1                       | p2     | p3     |
  | basic | 3 regional business days | 3 days | 5 days |
  | gold  | 2 regional business days | 2 days | 1 day  |

update every 4 hours until resolved for severity p1
update every 2 regional business days until resolved for severity p2
`;
// Lines: 37 clocks response, 38 resolution, 39 update; 43/44 response basic/gold; 48/49 resolution
// basic/gold; 51/52 the updates for p1/p2; 30 the excluded cause.
const c = load(TEXT, FILE);

// No plans, Bogota (UTC-05:00). p2 has no targets (the checks, off here, would report SLA3201); p3's targets lie
// beyond the 100-year horizon of due times.
const CYCLES_FILE = 'cycles.sla';
const CYCLES = `contract "Cycles"
version 1
effective 2026-01-01
time zone America/Bogota

severities
  p1 "Critical"
  p2 "High"
  p3 "Low"

causes
  counted provider "ours"

clocks
  restoration reopened continues the clock
  resolution  reopened starts a new cycle

restoration targets
  | severity | target      |
  | p1       | 4 hours     |
  | p3       | 50000 days  |

resolution targets
  | severity | target      |
  | p1       | 8 hours     |
  | p3       | 50000 days  |
`;
const cycles = load(CYCLES, CYCLES_FILE);
const LC = (n: number): string => `${CYCLES_FILE}:${n}`;
const L = (n: number): string => `${FILE}:${n}`;

describe('a regional target the incident gives no calendar for', () => {
  it('names no region: every regional objective, updates too, is not applicable and says so', () => {
    const v = judge(c, { plan: 'gold', severity: 'p1', opened: '2026-03-02T10:00:00Z', acknowledged: '2026-03-02T10:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(v.objectives).toEqual([
      { objective: 'response', status: 'not-applicable', due: null, target: '4 regional business hours', happened: null, elapsedMinutes: null, remainingMinutes: null, reason: `the target is regional, but the incident names no region, ${L(44)}` },
      { objective: 'resolution', status: 'not-applicable', due: null, target: '2 regional business days', happened: null, elapsedMinutes: null, remainingMinutes: null, reason: `the target is regional, but the incident names no region, ${L(49)}` },
      // The p1 updates are every 4 (wall) hours: not regional, they wait for the response.
      { objective: 'update', status: 'pending', due: null, target: 'every 4 hours until resolved', happened: null, elapsedMinutes: 0, remainingMinutes: null, reason: `updates start at responded, which has not happened yet, ${L(51)}` },
    ]);
  });

  it('keeps the time an event happened on a not-applicable verdict', () => {
    const v = judge(c, { plan: 'gold', severity: 'p1', opened: '2026-03-02T10:00:00Z', resolved: '2026-03-02T11:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'resolution')).toEqual({
      objective: 'resolution', status: 'not-applicable', due: null, target: '2 regional business days', happened: '2026-03-02T11:00:00Z', elapsedMinutes: null, remainingMinutes: null,
      reason: `the target is regional, but the incident names no region, ${L(49)}`,
    });
  });

  it('names a region without a calendar', () => {
    const v = judge(c, { plan: 'gold', severity: 'p1', region: 'latam', opened: '2026-03-02T10:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(v.objectives.slice(0, 2)).toEqual([
      { objective: 'response', status: 'not-applicable', due: null, target: '4 regional business hours', happened: null, elapsedMinutes: null, remainingMinutes: null, reason: `the target is regional, but region latam has no calendar, ${L(44)}` },
      { objective: 'resolution', status: 'not-applicable', due: null, target: '2 regional business days', happened: null, elapsedMinutes: null, remainingMinutes: null, reason: `the target is regional, but region latam has no calendar, ${L(49)}` },
    ]);
  });

  it('regional updates without a region are not applicable, with the update clause', () => {
    const v = judge(c, { plan: 'gold', severity: 'p2', opened: '2026-03-02T10:00:00Z', responded: '2026-03-02T10:30:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'update')).toEqual({
      objective: 'update', status: 'not-applicable', due: null, target: 'every 2 regional business days until resolved', happened: null, elapsedMinutes: null, remainingMinutes: null,
      reason: `the target is regional, but the incident names no region, ${L(52)}`,
    });
  });
});

describe('a length the calendar cannot fix', () => {
  // emea counts on "uneven": 8 h Monday to Thursday, 3 h on Friday: a business day has no one length.
  it('regional business days on a calendar whose days differ are not applicable', () => {
    const v = judge(c, { plan: 'basic', severity: 'p1', region: 'emea', opened: '2026-03-02T10:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'resolution')).toEqual({
      objective: 'resolution', status: 'not-applicable', due: null, target: '3 regional business days', happened: null, elapsedMinutes: null, remainingMinutes: null,
      reason: `3 regional business days has no fixed length on this calendar, ${L(48)}`,
    });
  });

  it('and so are regional updates on it', () => {
    const v = judge(c, { plan: 'gold', severity: 'p2', region: 'emea', opened: '2026-03-02T10:00:00Z', responded: '2026-03-02T10:30:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'update')).toEqual({
      objective: 'update', status: 'not-applicable', due: null, target: 'every 2 regional business days until resolved', happened: null, elapsedMinutes: null, remainingMinutes: null,
      reason: `every 2 regional business days until resolved has no fixed length on this calendar, ${L(52)}`,
    });
  });

  it('regional business hours need no fixed day: 4 hours on Tokyo time, with the region in the trace', () => {
    // gold / p1 in apac, acknowledged Mon 01:00 UTC (10:00 JST): 4 Tokyo hours -> 05:00 UTC.
    // As of 03:00: 2 h counted, 2 h left; the hour before the acknowledgement is the calendar's.
    const v = judge(c, { plan: 'gold', severity: 'p1', region: 'apac', opened: '2026-03-02T00:00:00Z', acknowledged: '2026-03-02T01:00:00Z' }, '2026-03-02T03:00:00Z');
    expect(objective(v, 'response')).toEqual({
      objective: 'response', status: 'pending', due: '2026-03-02T05:00:00Z', target: '4 regional business hours', happened: null, elapsedMinutes: 120, remainingMinutes: 120,
      trace: { clause: L(44), from: 'plan gold, severity p1', calendar: 'tokyo', pausedMinutes: 60, started: '2026-03-02T01:00:00Z', pausedByCalendarMinutes: 60, pausedByReasonMinutes: 0, region: 'apac' },
    });
  });
});

describe('no target for the plan and severity', () => {
  it('says which plan and severity, and the verdict has no target', () => {
    // An empty cell (gold / p3) is an error the checks report; the runtime has no target for it.
    const holes = load(TEXT.replace('| gold  | 4 regional business hours | 1 hour                 | 8 hours |', '| gold  | 4 regional business hours | 1 hour                 |         |'), FILE, ['SLA1008']);
    const v = judge(holes, { plan: 'gold', severity: 'p3', opened: '2026-03-02T10:00:00Z', responded: '2026-03-02T10:20:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'response')).toEqual({
      objective: 'response', status: 'not-applicable', due: null, target: null, happened: '2026-03-02T10:20:00Z', elapsedMinutes: null, remainingMinutes: null,
      reason: 'the contract sets no response target for plan gold, severity p3',
    });
  });

  it('a contract without plans names the severity only', () => {
    const v = judge(cycles, { severity: 'p2', opened: '2026-03-02T10:00:00-05:00' }, '2026-03-02T12:00:00-05:00');
    expect(v.objectives).toEqual([
      { objective: 'restoration', status: 'not-applicable', due: null, target: null, happened: null, elapsedMinutes: null, remainingMinutes: null, reason: 'the contract sets no restoration target for severity p2' },
      { objective: 'resolution', status: 'not-applicable', due: null, target: null, happened: null, elapsedMinutes: null, remainingMinutes: null, reason: 'the contract sets no resolution target for severity p2' },
    ]);
  });

  it('a none cell: not applicable, with the cell it came from', () => {
    const v = judge(c, { plan: 'basic', severity: 'p3', opened: '2026-03-02T10:00:00Z', acknowledged: '2026-03-02T10:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'response')).toEqual({
      objective: 'response', status: 'not-applicable', due: null, target: 'none', happened: null, elapsedMinutes: null, remainingMinutes: null, reason: `plan basic, severity p3: none, ${L(43)}`,
    });
  });
});

describe('excluded causes', () => {
  it('every objective, updates too, is excluded with the reason, and keeps the event times', () => {
    const v = judge(c, { plan: 'gold', severity: 'p2', cause: 'isp', opened: '2026-03-02T10:00:00Z', responded: '2026-03-02T10:30:00Z' }, '2026-03-02T12:00:00Z');
    const why = `cause isp is excluded (the ISP), ${L(30)}`;
    expect(v.excluded).toBe(why);
    expect(v.objectives).toEqual([
      { objective: 'response', status: 'excluded', due: null, target: null, happened: '2026-03-02T10:30:00Z', elapsedMinutes: null, remainingMinutes: null, reason: why },
      { objective: 'resolution', status: 'excluded', due: null, target: null, happened: null, elapsedMinutes: null, remainingMinutes: null, reason: why },
      { objective: 'update', status: 'excluded', due: null, target: null, happened: null, elapsedMinutes: null, remainingMinutes: null, reason: why },
    ]);
  });
});

describe('the clock that starts at another event', () => {
  it('pending until it starts, with the clocks clause', () => {
    const v = judge(c, { plan: 'gold', severity: 'p2', opened: '2026-03-02T10:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'response')).toEqual({
      objective: 'response', status: 'pending', due: null, target: '1 hour', happened: null, elapsedMinutes: 0, remainingMinutes: null,
      reason: `the clock starts at acknowledged, which has not happened yet, ${L(37)}`,
    });
  });

  it('an acknowledgement after as-of has not happened yet', () => {
    const v = judge(c, { plan: 'gold', severity: 'p2', opened: '2026-03-02T10:00:00Z', acknowledged: '2026-03-02T12:00:01Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'response').reason).toBe(`the clock starts at acknowledged, which has not happened yet, ${L(37)}`);
  });

  it('a response before the clock starts is met', () => {
    const v = judge(c, { plan: 'gold', severity: 'p2', opened: '2026-03-02T10:00:00Z', responded: '2026-03-02T10:30:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'response')).toEqual({
      objective: 'response', status: 'met', due: null, target: '1 hour', happened: '2026-03-02T10:30:00Z', elapsedMinutes: 0, remainingMinutes: null,
      reason: `done before the clock started (it starts at acknowledged), ${L(37)}`,
    });
  });

  it('started at the acknowledgement exactly at as-of: started, nothing counted yet', () => {
    // basic / p1, 2 hours on the wall clock from 10:30.
    const v = judge(c, { plan: 'basic', severity: 'p1', region: 'emea', opened: '2026-03-02T10:00:00Z', acknowledged: '2026-03-02T10:30:00Z' }, '2026-03-02T10:30:00Z');
    expect(objective(v, 'response')).toEqual({
      objective: 'response', status: 'pending', due: '2026-03-02T12:30:00Z', target: '2 hours', happened: null, elapsedMinutes: 0, remainingMinutes: 120,
      trace: { clause: L(43), from: 'plan basic, severity p1', calendar: null, pausedMinutes: 30, started: '2026-03-02T10:30:00Z', pausedByCalendarMinutes: 30, pausedByReasonMinutes: 0 },
    });
  });
});

describe('pauses, split from the calendar in the trace', () => {
  // gold / p1 in apac (Tokyo hours, 00:00-08:00 UTC), acknowledged 01:00; waiting 02:00-03:00 and
  // again from 05:00 with no end. Lunch pauses no clock.
  const rec = {
    plan: 'gold', severity: 'p1', region: 'apac', opened: '2026-03-02T00:00:00Z', acknowledged: '2026-03-02T01:00:00Z', responded: '2026-03-02T06:00:00Z',
    pauses: [
      { from: '2026-03-02T02:00:00Z', to: '2026-03-02T03:00:00Z', reason: 'waiting' },
      { from: '2026-03-02T03:30:00Z', to: '2026-03-02T04:00:00Z', reason: 'lunch' },
      { from: '2026-03-02T05:00:00Z', reason: 'waiting' },
    ],
  };

  it('a response during a pause still open: counted 01-02 and 03-05, due unknown, met', () => {
    // Until 06:00: 3 h counted; 2 h paused by the reason (02-03, 05-06), 1 h before the start.
    const v = judge(c, rec, '2026-03-02T16:00:00Z');
    expect(objective(v, 'response')).toEqual({
      objective: 'response', status: 'met', due: null, target: '4 regional business hours', happened: '2026-03-02T06:00:00Z', elapsedMinutes: 180, remainingMinutes: null,
      reason: 'paused (waiting) since 2026-03-02T05:00:00Z and still paused at as-of: the due time is known when the clock resumes',
      trace: { clause: L(44), from: 'plan gold, severity p1', calendar: 'tokyo', pausedMinutes: 180, started: '2026-03-02T01:00:00Z', pausedByCalendarMinutes: 60, pausedByReasonMinutes: 120, region: 'apac' },
    });
  });

  it('the resolution clock: 16 Tokyo hours, 4 counted by as-of, 12 left', () => {
    // From opened 00:00: 00-02, 03-05 counted (4 h); paused by the reason 02-03 and 05-08 (4 h);
    // 08:00-16:00 is the calendar's (8 h). No `started`: it starts at opened.
    const v = judge(c, rec, '2026-03-02T16:00:00Z');
    expect(objective(v, 'resolution')).toEqual({
      objective: 'resolution', status: 'pending', due: null, target: '2 regional business days', happened: null, elapsedMinutes: 240, remainingMinutes: 720,
      reason: 'paused (waiting) since 2026-03-02T05:00:00Z and still paused at as-of: the due time is known when the clock resumes',
      trace: { clause: L(49), from: 'plan gold, severity p1', calendar: 'tokyo', pausedMinutes: 720, pausedByCalendarMinutes: 480, pausedByReasonMinutes: 240, region: 'apac' },
    });
  });

  it('a pause that starts after as-of has not happened; one that ends after as-of is still open', () => {
    // As of 04:30: the pause from 05:00 is in the future. Counted 00-02, 03-04:30 = 3.5 h; 16 h
    // need 12.5 more: Mon 04:30-08:00 (7 in all), Tue 00:00-08:00 (15), Wed 00:00-01:00 -> due Wed 01:00.
    const v = judge(c, rec, '2026-03-02T04:30:00Z');
    expect(objective(v, 'resolution')).toEqual({
      objective: 'resolution', status: 'pending', due: '2026-03-04T01:00:00Z', target: '2 regional business days', happened: null, elapsedMinutes: 210, remainingMinutes: 750,
      trace: { clause: L(49), from: 'plan gold, severity p1', calendar: 'tokyo', pausedMinutes: 60, pausedByCalendarMinutes: 0, pausedByReasonMinutes: 60, region: 'apac' },
    });
    // As of 02:30, inside the first pause (which ends at 03:00, after as-of): still paused, due unknown.
    const w = judge(c, rec, '2026-03-02T02:30:00Z');
    expect(objective(w, 'resolution')).toMatchObject({ status: 'pending', due: null, elapsedMinutes: 120, remainingMinutes: 840 });
    expect(objective(w, 'resolution').reason).toBe('paused (waiting) since 2026-03-02T02:00:00Z and still paused at as-of: the due time is known when the clock resumes');
  });

  it('of two waits, the one that ended exactly at as-of is not the one still open', () => {
    const both = {
      ...rec,
      pauses: [
        { from: '2026-03-02T02:00:00Z', to: '2026-03-02T05:00:00Z', reason: 'waiting' },
        { from: '2026-03-02T04:00:00Z', reason: 'waiting' },
      ],
    };
    const v = judge(c, both, '2026-03-02T05:00:00Z');
    expect(objective(v, 'resolution').reason).toBe('paused (waiting) since 2026-03-02T04:00:00Z and still paused at as-of: the due time is known when the clock resumes');
  });

  it('a pause that starts exactly at as-of is open at as-of', () => {
    const v = judge(c, rec, '2026-03-02T05:00:00Z');
    expect(objective(v, 'resolution').reason).toBe('paused (waiting) since 2026-03-02T05:00:00Z and still paused at as-of: the due time is known when the clock resumes');
    // A pause that ended exactly at as-of is over: 03:00 as-of, counted 00-02 = 2 h, 14 left from 03:00.
    const w = judge(c, rec, '2026-03-02T03:00:00Z');
    expect(objective(w, 'resolution')).toMatchObject({ status: 'pending', due: '2026-03-04T01:00:00Z', elapsedMinutes: 120, remainingMinutes: 840 });
  });
});

describe('due times beyond the horizon', () => {
  // p3: 50000 days, some 137 years: past the 100-year horizon no due time is computed.
  it('pending, judged by the time counted until as-of', () => {
    const v = judge(cycles, { severity: 'p3', opened: '2026-03-02T10:00:00-05:00' }, '2026-03-02T12:00:00-05:00');
    expect(objective(v, 'resolution')).toEqual({
      objective: 'resolution', status: 'pending', due: null, target: '50000 days', happened: null, elapsedMinutes: 120, remainingMinutes: 50000 * 1440 - 120,
      reason: 'due more than 100 years after opening, beyond the horizon of due times: judged by the time counted until as-of',
      trace: { clause: LC(26), from: 'severity p3', calendar: null, pausedMinutes: 0 },
    });
  });

  it('met when the event came, judged by the time counted until the event', () => {
    const v = judge(cycles, { severity: 'p3', opened: '2026-03-02T10:00:00-05:00', restored: '2026-03-02T11:00:00-05:00', resolved: '2026-03-02T11:00:00-05:00' }, '2026-03-02T12:00:00-05:00');
    expect(objective(v, 'resolution')).toEqual({
      objective: 'resolution', status: 'met', due: null, target: '50000 days', happened: '2026-03-02T11:00:00-05:00', elapsedMinutes: 60, remainingMinutes: null,
      reason: 'due more than 100 years after opening, beyond the horizon of due times: judged by the time counted until the event',
      trace: { clause: LC(26), from: 'severity p3', calendar: null, pausedMinutes: 0 },
    });
  });
});

describe('reopened tickets', () => {
  // Opened Mon 10:00, restored and resolved 11:00; reopened 13:00 (resolved 20:00), reopened
  // again Tue 10:00. Restoration (4 hours) continues its clock: 10-11, then from 13:00: one due
  // time, 16:00. Resolution (8 hours) starts a new cycle at each reopening.
  const ticket = {
    severity: 'p1', opened: '2026-03-02T10:00:00-05:00', restored: '2026-03-02T11:00:00-05:00', resolved: '2026-03-02T11:00:00-05:00',
    reopened: [{ at: '2026-03-02T13:00:00-05:00', resolved: '2026-03-02T20:00:00-05:00' }, { at: '2026-03-03T10:00:00-05:00' }],
  };
  const restoration = { objective: 'restoration', due: '2026-03-02T16:00:00-05:00', target: '4 hours', remainingMinutes: null };
  const traceR = { clause: LC(20), from: 'severity p1', calendar: null };
  const traceS = { clause: LC(25), from: 'severity p1', calendar: null, pausedMinutes: 0 };

  it('one verdict per cycle begun by as-of; a reopening after as-of is not a cycle yet', () => {
    // As of Tue 09:00: restoration cycle 2 has counted 23 h less the 2 h gap (11:00-13:00).
    const v = judge(cycles, ticket, '2026-03-03T09:00:00-05:00');
    expect(v.objectives).toEqual([
      { ...restoration, status: 'met', happened: '2026-03-02T11:00:00-05:00', elapsedMinutes: 60, trace: { ...traceR, pausedMinutes: 0, pausedByCalendarMinutes: 0, pausedByReasonMinutes: 0 }, cycle: 1 },
      { ...restoration, status: 'breached', happened: null, elapsedMinutes: 1260, trace: { ...traceR, pausedMinutes: 120, pausedByCalendarMinutes: 0, pausedByReasonMinutes: 120 }, cycle: 2 },
      { objective: 'resolution', status: 'met', due: '2026-03-02T18:00:00-05:00', target: '8 hours', happened: '2026-03-02T11:00:00-05:00', elapsedMinutes: 60, remainingMinutes: null, trace: traceS, cycle: 1 },
      { objective: 'resolution', status: 'met', due: '2026-03-02T21:00:00-05:00', target: '8 hours', happened: '2026-03-02T20:00:00-05:00', elapsedMinutes: 420, remainingMinutes: null, trace: traceS, cycle: 2 },
    ]);
  });

  it('a reopening exactly at as-of begins its cycle; no gap is made before a cycle with no end', () => {
    // Restoration cycle 3: the cycle before it has no restoration event, so only the 11:00-13:00
    // gap is skipped: 24 h less 2 h = 22 h counted by Tue 10:00.
    const v = judge(cycles, ticket, '2026-03-03T10:00:00-05:00');
    expect(objective(v, 'restoration', 3)).toEqual({ ...restoration, status: 'breached', happened: null, elapsedMinutes: 1320, trace: { ...traceR, pausedMinutes: 120, pausedByCalendarMinutes: 0, pausedByReasonMinutes: 120 }, cycle: 3 });
    expect(objective(v, 'resolution', 3)).toEqual({
      objective: 'resolution', status: 'pending', due: '2026-03-03T18:00:00-05:00', target: '8 hours', happened: null, elapsedMinutes: 0, remainingMinutes: 480, trace: traceS, cycle: 3,
    });
  });

  it('a cycle resolved after as-of is pending', () => {
    const v = judge(cycles, ticket, '2026-03-02T15:00:00-05:00');
    expect(objective(v, 'resolution', 2)).toEqual({
      objective: 'resolution', status: 'pending', due: '2026-03-02T21:00:00-05:00', target: '8 hours', happened: null, elapsedMinutes: 120, remainingMinutes: 360, trace: traceS, cycle: 2,
    });
    expect(v.objectives.map((o) => [o.objective, o.cycle])).toEqual([['restoration', 1], ['restoration', 2], ['resolution', 1], ['resolution', 2]]);
  });

  it('a resolution exactly at as-of has happened, in the first cycle and in a reopened one', () => {
    const v = judge(cycles, ticket, '2026-03-02T20:00:00-05:00');
    expect(objective(v, 'resolution', 2)).toEqual({
      objective: 'resolution', status: 'met', due: '2026-03-02T21:00:00-05:00', target: '8 hours', happened: '2026-03-02T20:00:00-05:00', elapsedMinutes: 420, remainingMinutes: null, trace: traceS, cycle: 2,
    });
    const w = judge(cycles, { ...ticket, reopened: [{ at: '2026-03-02T13:00:00-05:00' }] }, '2026-03-02T11:00:00-05:00');
    expect(objective(w, 'restoration', 1)).toMatchObject({ status: 'met', happened: '2026-03-02T11:00:00-05:00', elapsedMinutes: 60 });
  });

  it('a ticket never reopened gets one verdict per objective, with no cycle', () => {
    const v = judge(cycles, { ...ticket, reopened: [] }, '2026-03-03T09:00:00-05:00');
    expect(v.objectives.map((o) => [o.objective, o.cycle, o.status])).toEqual([['restoration', undefined, 'met'], ['resolution', undefined, 'met']]);
  });
});

describe('updates every 4 hours until resolved', () => {
  // gold / p1 in apac; updates start at the response, 06:00, on the wall clock.
  const base = { plan: 'gold', severity: 'p1', region: 'apac', opened: '2026-03-02T00:00:00Z', acknowledged: '2026-03-02T00:00:00Z', responded: '2026-03-02T06:00:00Z' };
  const update = (over: Record<string, unknown>, asOf: string) => objective(judge(c, { ...base, ...over }, asOf), 'update');
  const head = { objective: 'update', target: 'every 4 hours until resolved', elapsedMinutes: null, remainingMinutes: null };
  const iv = (from: string, due: string | null, happened: string | null, status: string) => ({
    from: `2026-03-02T${from}:00Z`, due: due && `2026-03-02T${due}:00Z`, happened: happened && `2026-03-02T${happened}:00Z`, status,
  });

  it('each interval judged; the verdict shows the first breached due time', () => {
    const o = update({ updates: ['2026-03-02T09:00:00Z', '2026-03-02T14:00:00Z'] }, '2026-03-02T16:00:00Z');
    expect(o).toEqual({ ...head, status: 'breached', due: '2026-03-02T13:00:00Z', happened: null, intervals: [iv('06:00', '10:00', '09:00', 'met'), iv('09:00', '13:00', '14:00', 'breached'), iv('14:00', '18:00', null, 'pending')] });
  });

  it('two late updates: the first breach is the one shown', () => {
    const o = update({ updates: ['2026-03-02T11:00:00Z', '2026-03-02T16:00:00Z'] }, '2026-03-02T17:00:00Z');
    expect(o).toEqual({ ...head, status: 'breached', due: '2026-03-02T10:00:00Z', happened: null, intervals: [iv('06:00', '10:00', '11:00', 'breached'), iv('11:00', '15:00', '16:00', 'breached'), iv('16:00', '20:00', null, 'pending')] });
  });

  it('the resolution closes the last interval: met, with the last due time and the resolution', () => {
    const o = update({ updates: ['2026-03-02T09:00:00Z'], resolved: '2026-03-02T12:00:00Z' }, '2026-03-02T16:00:00Z');
    expect(o).toEqual({ ...head, status: 'met', due: '2026-03-02T13:00:00Z', happened: '2026-03-02T12:00:00Z', intervals: [iv('06:00', '10:00', '09:00', 'met'), iv('09:00', '13:00', '12:00', 'met')] });
  });

  it('no update by as-of: pending up to the due time, breached after it', () => {
    expect(update({}, '2026-03-02T10:00:00Z')).toEqual({ ...head, status: 'pending', due: '2026-03-02T10:00:00Z', happened: null, intervals: [iv('06:00', '10:00', null, 'pending')] });
    expect(update({}, '2026-03-02T10:00:01Z')).toEqual({ ...head, status: 'breached', due: '2026-03-02T10:00:00Z', happened: null, intervals: [iv('06:00', '10:00', null, 'breached')] });
  });

  it('an update or a resolution exactly at as-of counts; later ones do not', () => {
    expect(update({ updates: ['2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z'] }, '2026-03-02T09:00:00Z')).toEqual({
      ...head, status: 'pending', due: '2026-03-02T13:00:00Z', happened: null, intervals: [iv('06:00', '10:00', '09:00', 'met'), iv('09:00', '13:00', null, 'pending')],
    });
    expect(update({ resolved: '2026-03-02T09:00:00Z' }, '2026-03-02T09:00:00Z')).toEqual({ ...head, status: 'met', due: '2026-03-02T10:00:00Z', happened: '2026-03-02T09:00:00Z', intervals: [iv('06:00', '10:00', '09:00', 'met')] });
    expect(update({ resolved: '2026-03-02T09:00:01Z' }, '2026-03-02T09:00:00Z')).toEqual({ ...head, status: 'pending', due: '2026-03-02T10:00:00Z', happened: null, intervals: [iv('06:00', '10:00', null, 'pending')] });
  });

  it('an update at the response itself opens no interval', () => {
    expect(update({ updates: ['2026-03-02T06:00:00Z'] }, '2026-03-02T07:00:00Z')).toEqual({ ...head, status: 'pending', due: '2026-03-02T10:00:00Z', happened: null, intervals: [iv('06:00', '10:00', null, 'pending')] });
  });

  it('resolved when the updates start: no interval, met, no due time', () => {
    expect(update({ resolved: '2026-03-02T06:00:00Z' }, '2026-03-02T07:00:00Z')).toEqual({ ...head, status: 'met', due: null, happened: '2026-03-02T06:00:00Z', intervals: [] });
  });

  it('resolved before updates start (no response by as-of): met, with the clause', () => {
    expect(update({ responded: null, resolved: '2026-03-02T05:00:00Z' }, '2026-03-02T07:00:00Z')).toEqual({
      ...head, status: 'met', due: null, happened: null, elapsedMinutes: 0, reason: `updates start at responded, which has not happened yet, ${L(51)}`,
    });
  });

  it('an update objective for every severity applies to all', () => {
    const every = load(`${CYCLES}\nupdate every 2 hours until restored\n`, CYCLES_FILE);
    const v = judge(every, { severity: 'p2', opened: '2026-03-02T10:00:00-05:00' }, '2026-03-02T12:00:00-05:00');
    expect(v.objectives.map((o) => o.objective)).toEqual(['restoration', 'resolution', 'update']);
  });
});

describe('fields the record echoes', () => {
  const SCOPED = `contract "Scoped"
version 1
effective 2026-01-01
time zone UTC

regions
  emea "Europe" zones Europe/Paris

environments
  production "Production"

services
  web "Web"

severities
  p1 "Critical"

causes
  counted provider "ours"

response targets
  | severity | target  |
  | p1       | 4 hours |

response targets for environment production
  | severity | target  |
  | p1       | 1 hour  |
`;
  const scoped = versionsOf(SCOPED, 'scoped.sla').latest;

  it('services, environment and region, with target tables', () => {
    const v = judge(scoped, { severity: 'p1', opened: '2026-03-02T10:00:00Z', service: 'web', environment: 'production', zone: 'Europe/Paris' }, '2026-03-02T10:30:00Z');
    expect(v).toEqual({
      id: 'T', line: 1, version: '1', plan: 'default', severity: 'p1', category: null, cause: 'provider', channel: null, opened: '2026-03-02T10:00:00Z', excluded: null,
      services: ['web'], environment: 'production', region: 'emea',
      objectives: [{
        objective: 'response', status: 'pending', due: '2026-03-02T11:00:00Z', target: '1 hour', happened: null, elapsedMinutes: 30, remainingMinutes: 30,
        trace: { clause: 'scoped.sla:27', from: 'environment production: severity p1', calendar: null, pausedMinutes: 0, table: { scope: 'environment production', clause: 'scoped.sla:25' } },
      }],
    });
  });

  it('none of them when the record names none, and no region without target tables', () => {
    const v = judge(scoped, { severity: 'p1', opened: '2026-03-02T10:00:00Z' }, '2026-03-02T10:30:00Z');
    expect(Object.keys(v)).toEqual(['id', 'line', 'version', 'plan', 'severity', 'category', 'cause', 'channel', 'opened', 'excluded', 'objectives']);
    const w = judge(c, { plan: 'gold', severity: 'p2', region: 'apac', opened: '2026-03-02T10:00:00Z' }, '2026-03-02T10:30:00Z');
    expect(Object.keys(w)).toEqual(['id', 'line', 'version', 'plan', 'severity', 'category', 'cause', 'channel', 'opened', 'excluded', 'objectives']);
  });
});

describe('pauses on business time only', () => {
  // The resolution clock of c, but its pauses suspend business time only.
  const only = load(TEXT.replace('resolution pauses while waiting, reopened continues the clock', 'resolution pauses while waiting, reopened continues the clock, pauses on business time only'), FILE);
  const pause = [{ from: '2026-03-02T10:00:00Z', to: '2026-03-02T12:00:00Z', reason: 'waiting' }];

  it('a target on the wall clock keeps running through the pause', () => {
    // basic / p2: 3 days from Mon 10:00 -> Thu 10:00; as of 14:00, 4 h counted, nothing paused.
    const v = judge(only, { plan: 'basic', severity: 'p2', opened: '2026-03-02T10:00:00Z', pauses: pause }, '2026-03-02T14:00:00Z');
    expect(objective(v, 'resolution')).toStrictEqual({
      objective: 'resolution', status: 'pending', due: '2026-03-05T10:00:00Z', target: '3 days', happened: null, elapsedMinutes: 240, remainingMinutes: 3 * 1440 - 240,
      trace: { clause: L(48), from: 'plan basic, severity p2', calendar: null, pausedMinutes: 0 },
    });
    // Without `business time only` the pause stops it: 2 h counted, due 2 h later.
    const w = judge(c, { plan: 'basic', severity: 'p2', opened: '2026-03-02T10:00:00Z', pauses: pause }, '2026-03-02T14:00:00Z');
    expect(objective(w, 'resolution')).toStrictEqual({
      objective: 'resolution', status: 'pending', due: '2026-03-05T12:00:00Z', target: '3 days', happened: null, elapsedMinutes: 120, remainingMinutes: 3 * 1440 - 120,
      trace: { clause: L(48), from: 'plan basic, severity p2', calendar: null, pausedMinutes: 120, pausedByCalendarMinutes: 0, pausedByReasonMinutes: 120 },
    });
  });

  it('a target on a calendar is still paused', () => {
    // gold / p1 in apac (Tokyo hours): waiting 02:00-04:00 UTC; as of 06:00, counted 00-02 and 04-06
    // (4 h); 12 more: 06-08 (6), Tue 00-08 (14), Wed 00-02 -> due Wed 02:00.
    const v = judge(only, { plan: 'gold', severity: 'p1', region: 'apac', opened: '2026-03-02T00:00:00Z', pauses: [{ from: '2026-03-02T02:00:00Z', to: '2026-03-02T04:00:00Z', reason: 'waiting' }] }, '2026-03-02T06:00:00Z');
    expect(objective(v, 'resolution')).toStrictEqual({
      objective: 'resolution', status: 'pending', due: '2026-03-04T02:00:00Z', target: '2 regional business days', happened: null, elapsedMinutes: 240, remainingMinutes: 720,
      trace: { clause: L(49), from: 'plan gold, severity p1', calendar: 'tokyo', pausedMinutes: 120, pausedByCalendarMinutes: 0, pausedByReasonMinutes: 120, region: 'apac' },
    });
  });
});

describe('the shape of a verdict', () => {
  it('has no reason or trace key when it has none', () => {
    const v = judge(c, { plan: 'basic', severity: 'p2', opened: '2026-03-02T10:00:00Z' }, '2026-03-02T14:00:00Z');
    expect(Object.keys(objective(v, 'resolution'))).toEqual(['objective', 'status', 'due', 'target', 'happened', 'elapsedMinutes', 'remainingMinutes', 'trace']);
    expect(Object.keys(objective(v, 'response'))).toEqual(['objective', 'status', 'due', 'target', 'happened', 'elapsedMinutes', 'remainingMinutes', 'reason']);
  });

  it('reopened cycles are for restoration and resolution only: the response has one verdict', () => {
    const v = judge(c, {
      plan: 'basic', severity: 'p2', opened: '2026-03-02T10:00:00Z', acknowledged: '2026-03-02T10:00:00Z', resolved: '2026-03-02T11:00:00Z',
      reopened: [{ at: '2026-03-02T12:00:00Z' }],
    }, '2026-03-02T14:00:00Z');
    expect(v.objectives.map((o) => [o.objective, o.cycle])).toEqual([['response', undefined], ['resolution', 1], ['resolution', 2], ['update', undefined]]);
  });
});

describe('edges of the as-of cut and of due times', () => {
  it('a response exactly at as-of has happened', () => {
    // basic / p1: 2 hours from the acknowledgement at 10:00.
    const v = judge(c, { plan: 'basic', severity: 'p1', region: 'apac', opened: '2026-03-02T10:00:00Z', acknowledged: '2026-03-02T10:00:00Z', responded: '2026-03-02T11:00:00Z' }, '2026-03-02T11:00:00Z');
    expect(objective(v, 'response')).toStrictEqual({
      objective: 'response', status: 'met', due: '2026-03-02T12:00:00Z', target: '2 hours', happened: '2026-03-02T11:00:00Z', elapsedMinutes: 60, remainingMinutes: null,
      trace: { clause: L(43), from: 'plan basic, severity p1', calendar: null, pausedMinutes: 0 },
    });
    // A response after as-of has not happened yet.
    expect(objective(judge(c, { plan: 'basic', severity: 'p1', opened: '2026-03-02T10:00:00Z', acknowledged: '2026-03-02T10:00:00Z', responded: '2026-03-02T11:00:01Z' }, '2026-03-02T11:00:00Z'), 'response')).toMatchObject({
      status: 'pending', happened: null, elapsedMinutes: 60, remainingMinutes: 60,
    });
  });

  it('regional business minutes are minutes of the region\'s calendar', () => {
    // 90 Tokyo minutes from 07:00 UTC (16:00 JST): 60 on Monday, 30 on Tuesday from 00:00 UTC.
    const minutes = load(TEXT.replace('| 4 regional business hours |', '| 90 regional business minutes |'), FILE);
    const v = judge(minutes, { plan: 'gold', severity: 'p1', region: 'apac', opened: '2026-03-02T07:00:00Z', acknowledged: '2026-03-02T07:00:00Z' }, '2026-03-02T07:30:00Z');
    expect(objective(v, 'response')).toMatchObject({ status: 'pending', due: '2026-03-03T00:30:00Z', target: '90 regional business minutes', elapsedMinutes: 30, remainingMinutes: 60 });
  });
});

describe('update intervals: closing edges', () => {
  const base = { plan: 'gold', severity: 'p1', region: 'apac', opened: '2026-03-02T00:00:00Z', acknowledged: '2026-03-02T00:00:00Z', responded: '2026-03-02T06:00:00Z' };
  const update = (over: Record<string, unknown>, asOf: string) => objective(judge(c, { ...base, ...over }, asOf), 'update');

  it('a wait still open at as-of leaves the interval with no due time', () => {
    const paused = load(TEXT.replace('  update     starts at responded', '  update     starts at responded, pauses while waiting'), FILE);
    const v = judge(paused, { ...base, pauses: [{ from: '2026-03-02T07:00:00Z', reason: 'waiting' }] }, '2026-03-02T16:00:00Z');
    expect(objective(v, 'update')).toEqual({
      objective: 'update', status: 'pending', due: null, target: 'every 4 hours until resolved', happened: null, elapsedMinutes: null, remainingMinutes: null,
      intervals: [{ from: '2026-03-02T06:00:00Z', due: null, happened: null, status: 'pending' }],
    });
  });

  it('an update exactly at the due time is in time', () => {
    expect(update({ updates: ['2026-03-02T10:00:00Z'], resolved: '2026-03-02T11:00:00Z' }, '2026-03-02T16:00:00Z').intervals).toEqual([
      { from: '2026-03-02T06:00:00Z', due: '2026-03-02T10:00:00Z', happened: '2026-03-02T10:00:00Z', status: 'met' },
      { from: '2026-03-02T10:00:00Z', due: '2026-03-02T14:00:00Z', happened: '2026-03-02T11:00:00Z', status: 'met' },
    ]);
  });

  it('the resolution before the next update closes the interval, and ends the updates', () => {
    const o = update({ updates: ['2026-03-02T09:00:00Z', '2026-03-02T13:00:00Z'], resolved: '2026-03-02T12:00:00Z' }, '2026-03-02T16:00:00Z');
    expect(o).toEqual({
      objective: 'update', status: 'met', due: '2026-03-02T13:00:00Z', target: 'every 4 hours until resolved', happened: '2026-03-02T12:00:00Z', elapsedMinutes: null, remainingMinutes: null,
      intervals: [
        { from: '2026-03-02T06:00:00Z', due: '2026-03-02T10:00:00Z', happened: '2026-03-02T09:00:00Z', status: 'met' },
        { from: '2026-03-02T09:00:00Z', due: '2026-03-02T13:00:00Z', happened: '2026-03-02T12:00:00Z', status: 'met' },
      ],
    });
  });
});

describe('a calendar with no business time, and updates of no length', () => {
  // "never" has no weekly hours at all; an update every 0 hours has no interval to judge.
  const NEVER = `contract "Never"
version 1
effective 2026-01-01
time zone UTC

calendar never "Never open"
  holiday 2026-03-02 "Closed"

severities
  p1 "Critical"
  p2 "High"

causes
  counted provider "ours"

response targets
  | severity | target        |
  | p1       | 2 never hours |
  | p2       | 2 never hours |

update every 0 hours until resolved for severity p1
update every 2 never hours until resolved for severity p2

resolution targets
  | severity | target                |
  | p1       | end of next never day |
  | p2       | end of next never day |
`;
  const never = load(NEVER, 'never.sla');

  it('a target on it is not applicable, and says why', () => {
    const v = judge(never, { severity: 'p1', opened: '2026-03-02T10:00:00Z', responded: '2026-03-02T10:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(v.objectives).toStrictEqual([
      { objective: 'response', status: 'not-applicable', due: null, target: '2 never hours', happened: '2026-03-02T10:00:00Z', elapsedMinutes: null, remainingMinutes: null, reason: 'the calendar never has business time after the clock started, never.sla:18' },
      { objective: 'resolution', status: 'not-applicable', due: null, target: 'end of next never day', happened: null, elapsedMinutes: null, remainingMinutes: null, reason: 'the calendar never has business time after the clock started, never.sla:26' },
      { objective: 'update', status: 'not-applicable', due: null, target: 'every 0 hours until resolved', happened: null, elapsedMinutes: null, remainingMinutes: null, reason: 'every 0 hours until resolved has no fixed length on this calendar, never.sla:21' },
    ]);
  });

  it('updates on it are pending with no due time', () => {
    const v = judge(never, { severity: 'p2', opened: '2026-03-02T10:00:00Z', responded: '2026-03-02T10:00:00Z' }, '2026-03-02T12:00:00Z');
    expect(objective(v, 'update')).toStrictEqual({
      objective: 'update', status: 'pending', due: null, target: 'every 2 never hours until resolved', happened: null, elapsedMinutes: null, remainingMinutes: null,
      intervals: [{ from: '2026-03-02T10:00:00Z', due: null, happened: null, status: 'pending' }],
    });
  });
});
