// Verdicts of `slac evaluate`, computed by hand: the two seed contracts (SAGICC v04 and Clever
// IDEAS), monthly periods (downtime union, maintenance rules, exact band edges, linear credits,
// slots), contracts in DST zones, and versions. Every expected value below is derived in the
// comment next to it from the contract's words, never copied from the program's output.
//
// Calendar facts used throughout (2026): March 1 is a Sunday; April 1 a Wednesday; May 1 a Friday;
// June 1 a Monday; July 1 a Wednesday. Colombian holidays pinned in SAGICC v04 include Mon 03-23
// (San José), Thu 04-02 and Fri 04-03 (Holy Week) and Mon 07-13 (added by a 2026 law).
// America/Bogota is UTC-05:00 all year (no DST).

import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { type CompiledContract, compileContract, ContractVersions } from '../../runtime/contract';
import { evaluateIncident, type IncidentVerdict, type ObjectiveVerdict } from '../../runtime/evaluate';
import { judgeMaintenance, type PeriodVerdict } from '../../runtime/periods';
import { type IncidentRecord, isRejected, type MaintenanceRecord, parseTimestamp, type Rejected, validateRecord } from '../../runtime/records';
import { type DowntimeVerdict, evaluateRecords, type SessionCounts } from '../../runtime/session';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAGICC_FILE = 'contracts/sagicc/v04.sla';
const CLEVER_FILE = 'contracts/clever-ideas/v1.sla';
const SAGICC_TEXT = readFileSync(ROOT + SAGICC_FILE, 'utf8');
const CLEVER_TEXT = readFileSync(ROOT + CLEVER_FILE, 'utf8');

// ------------------------------------------------------------------------------------ helpers

/** Compiles contract text (syntax and name errors fail the test) with a file:line locator. */
function load(text: string, file: string): CompiledContract {
  const c = compile(text, file, { checks: false });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`${file}: ${errors.map((d) => `${c.lines.position(d.span.start).line}: ${d.message}`).join('; ')}`);
  return compileContract(c.contract, (span) => `${file}:${c.lines.position(span.start).line}`);
}

/** 1-based line of the first line of `text` containing `needle` (so tests survive edits above it). */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + 1;
}

function at(iso: string): number {
  const t = parseTimestamp(iso);
  if (Number.isNaN(t)) throw new Error(`bad timestamp ${iso}`);
  return t;
}

function record<T>(c: CompiledContract, raw: Record<string, unknown>): T {
  const r = validateRecord(raw, 1, c.ir);
  if (isRejected(r)) throw new Error(r.message);
  return r as T;
}

function judge(c: CompiledContract, raw: Record<string, unknown>, asOf: string): IncidentVerdict {
  return evaluateIncident(c, record<IncidentRecord>(c, { type: 'incident', id: 'X', cause: 'provider', ...raw }), at(asOf));
}

function obj(v: IncidentVerdict, name: string): ObjectiveVerdict {
  const o = v.objectives.find((x) => x.objective === name);
  if (!o) throw new Error(`no ${name} objective in ${JSON.stringify(v.objectives.map((x) => x.objective))}`);
  return o;
}

interface RunResult {
  incidents: IncidentVerdict[];
  downtime: DowntimeVerdict[];
  rejected: Rejected[];
  periods: PeriodVerdict[];
  counts: SessionCounts;
}

/** Streams records (objects, one NDJSON line each) through evaluateRecords. */
async function session(versions: CompiledContract | CompiledContract[], records: object[], asOf: string, period?: string): Promise<RunResult> {
  const list = Array.isArray(versions) ? versions : [versions];
  const out: RunResult = { incidents: [], downtime: [], rejected: [], periods: [], counts: undefined as unknown as SessionCounts };
  const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const res = await evaluateRecords(new ContractVersions(list), Readable.from([text]), { asOf: at(asOf), period }, {
    incident: (v) => out.incidents.push(v),
    downtime: (d) => out.downtime.push(d),
    rejected: (r) => out.rejected.push(r),
  });
  expect(out.rejected).toEqual([]);
  out.periods = res.periods;
  out.counts = res.counts;
  return out;
}

function periodOf(r: RunResult, key: string): PeriodVerdict {
  const p = r.periods.find((x) => x.period === key);
  if (!p) throw new Error(`no period ${key} in ${r.periods.map((x) => x.period).join(', ')}`);
  return p;
}

let seq = 0;
const outage = (start: string, end: string, cause = 'provider'): object => ({ type: 'outage', id: `O${++seq}`, start, end, cause });

// ------------------------------------------------------------------------------ SAGICC seed

describe('SAGICC v04: incidents', () => {
  const S = load(SAGICC_TEXT, SAGICC_FILE);
  const LATER = '2027-01-01T00:00:00-05:00';
  const sg = (over: Record<string, unknown>) => ({ channel: 'helpdesk', ...over });

  describe('opened on Saturday 22:00 before the San José holiday (essential / high)', () => {
    // Opened Sat 2026-03-21 22:00. Business time: Sat and Sun none; Mon 03-23 is San José (pinned
    // holiday); so the clock starts Tue 03-24 08:00. Response "2 business days" = 2 x 10 h = 20 h:
    // Tue 08-18 (10 h) + Wed 08-18 (10 h) -> due Wed 2026-03-25 18:00, the END of Wednesday's
    // business hours (the earliest instant the counted time reaches 20 h, not Thursday 08:00).
    // Restoration "4 business days" = 40 h: Tue, Wed, Thu 26, Fri 27 -> Fri 2026-03-27 18:00.
    const base = sg({ plan: 'essential', severity: 'high', opened: '2026-03-21T22:00:00-05:00' });

    it('is due at the end of the second business day after the holiday', () => {
      const v = judge(S, base, LATER);
      expect(obj(v, 'response').due).toBe('2026-03-25T18:00:00-05:00');
      expect(obj(v, 'restoration').due).toBe('2026-03-27T18:00:00-05:00');
      expect(obj(v, 'response').target).toBe('2 business days by email');
      expect(v.version).toBe('04');
      expect(v.excluded).toBeNull();
    });

    it('an event at exactly the due instant is met (inclusive)', () => {
      const o = obj(judge(S, { ...base, responded: '2026-03-25T18:00:00-05:00' }, LATER), 'response');
      expect(o.status).toBe('met');
      expect(o.happened).toBe('2026-03-25T18:00:00-05:00');
      expect(o.elapsedMinutes).toBe(20 * 60);
      expect(o.remainingMinutes).toBeNull();
      // Sat 22:00 -> Wed 18:00 is 92 wall hours, 20 of them counted: 72 h = 4320 min paused.
      expect(o.trace?.pausedMinutes).toBe(4320);
      expect(o.trace?.calendar).toBe('business');
      expect(o.trace?.from).toBe('plan essential, severity high');
      expect(o.trace?.clause).toBe(`${SAGICC_FILE}:${lineOf(SAGICC_TEXT, '| essential    | 2 hours  | 2 business days')}`);
    });

    it('one millisecond or one second later is breached', () => {
      expect(obj(judge(S, { ...base, responded: '2026-03-25T18:00:00.001-05:00' }, LATER), 'response').status).toBe('breached');
      expect(obj(judge(S, { ...base, responded: '2026-03-25T18:00:01-05:00' }, LATER), 'response').status).toBe('breached');
      // The same instant written in UTC is the same instant: still met.
      expect(obj(judge(S, { ...base, responded: '2026-03-25T23:00:00Z' }, LATER), 'response').status).toBe('met');
    });
  });

  describe('opened on Friday 17:30 (professional / high: restoration due before response)', () => {
    // Fri 2026-03-20 17:30: 30 min of business time left on Friday; Mon 03-23 is a holiday.
    // Response 4 business hours: 0.5 h Fri + 3.5 h from Tue 08:00 -> Tue 2026-03-24 11:30.
    // Restoration 2 business hours: 0.5 h Fri + 1.5 h Tue -> Tue 2026-03-24 09:30.
    const base = sg({ plan: 'professional', severity: 'high', opened: '2026-03-20T17:30:00-05:00' });

    it('counts the Friday half hour and resumes after the holiday', () => {
      const v = judge(S, { ...base, responded: '2026-03-24T11:00:00-05:00', restored: '2026-03-24T09:31:00-05:00' }, LATER);
      // Responded Tue 11:00: 0.5 h Fri + 3 h Tue = 210 min counted.
      expect(obj(v, 'response')).toMatchObject({ due: '2026-03-24T11:30:00-05:00', status: 'met', elapsedMinutes: 210 });
      // 0.5 h Fri + 1 h 31 min Tue = 121 min > 120.
      expect(obj(v, 'restoration')).toMatchObject({ due: '2026-03-24T09:30:00-05:00', status: 'breached', elapsedMinutes: 121 });
    });
  });

  describe('opened on a weekday at 19:00 (standard / medium)', () => {
    it('Wednesday 19:00 before Holy Week: Thursday and Friday are holidays', () => {
      // Wed 2026-04-01 19:00 is after hours; Thu 04-02 and Fri 04-03 are holidays; weekend.
      // Response 2 business days = 20 h: Mon 04-06 + Tue 04-07 -> Tue 2026-04-07 18:00.
      // Restoration 5 business days = 50 h: Mon 6 .. Fri 10 -> Fri 2026-04-10 18:00.
      const v = judge(S, sg({ plan: 'standard', severity: 'medium', opened: '2026-04-01T19:00:00-05:00' }), LATER);
      expect(obj(v, 'response').due).toBe('2026-04-07T18:00:00-05:00');
      expect(obj(v, 'restoration').due).toBe('2026-04-10T18:00:00-05:00');
    });

    it('the same a week later, without holidays', () => {
      // Wed 2026-04-08 19:00: response 20 h = Thu 9 + Fri 10 -> Fri 2026-04-10 18:00.
      // Restoration 50 h: Thu 9, Fri 10, Mon 13, Tue 14, Wed 15 -> Wed 2026-04-15 18:00.
      const v = judge(S, sg({ plan: 'standard', severity: 'medium', opened: '2026-04-08T19:00:00-05:00' }), LATER);
      expect(obj(v, 'response').due).toBe('2026-04-10T18:00:00-05:00');
      expect(obj(v, 'restoration').due).toBe('2026-04-15T18:00:00-05:00');
    });
  });

  describe('pending by as-of across Holy Week (essential / medium)', () => {
    // Opened Wed 2026-04-01 10:00. Response 3 business days = 30 h: Wed 10-18 (8 h), Thu/Fri
    // holidays, Mon 6 (18 h), Tue 7 (28 h), Wed 8 08:00 + 2 h -> due Wed 2026-04-08 10:00.
    // Restoration 5 business days = 50 h: ... Wed 8 (38 h), Thu 9 (48 h), Fri 10 08:00 + 2 h -> 10:00.
    // As of Wed 2026-04-08 09:00 the counted time is 8 + 10 + 10 + 1 = 29 h.
    const base = sg({ plan: 'essential', severity: 'medium', opened: '2026-04-01T10:00:00-05:00' });

    it('is pending with the remaining business minutes', () => {
      const v = judge(S, base, '2026-04-08T09:00:00-05:00');
      expect(obj(v, 'response')).toMatchObject({ status: 'pending', due: '2026-04-08T10:00:00-05:00', elapsedMinutes: 29 * 60, remainingMinutes: 60, happened: null });
      // 50 h - 29 h = 21 h.
      expect(obj(v, 'restoration')).toMatchObject({ status: 'pending', due: '2026-04-10T10:00:00-05:00', remainingMinutes: 21 * 60 });
      // Wed 04-01 10:00 -> Wed 04-08 09:00 is 167 wall hours, 29 counted: 138 h = 8280 min paused.
      expect(obj(v, 'response').trace?.pausedMinutes).toBe(138 * 60);
    });

    it('is still pending at exactly the due instant, breached one millisecond after', () => {
      expect(obj(judge(S, base, '2026-04-08T10:00:00-05:00'), 'response')).toMatchObject({ status: 'pending', remainingMinutes: 0 });
      expect(obj(judge(S, base, '2026-04-08T10:00:00.001-05:00'), 'response')).toMatchObject({ status: 'breached', remainingMinutes: null });
    });

    it('an event after as-of has not happened yet', () => {
      const o = obj(judge(S, { ...base, responded: '2026-04-08T09:30:00-05:00' }, '2026-04-08T09:00:00-05:00'), 'response');
      expect(o).toMatchObject({ status: 'pending', happened: null, remainingMinutes: 60 });
      // The same record judged after the event: met.
      expect(obj(judge(S, { ...base, responded: '2026-04-08T09:30:00-05:00' }, LATER), 'response').status).toBe('met');
    });
  });

  describe('2026-07-13, the holiday added by a 2026 law, is pinned', () => {
    // Fri 2026-07-10 17:00, professional / medium, response 1 business day = 10 h:
    // 1 h on Friday, Mon 07-13 is a holiday, Tue 07-14 08:00 + 9 h -> Tue 2026-07-14 17:00.
    const base = sg({ plan: 'professional', severity: 'medium', opened: '2026-07-10T17:00:00-05:00' });

    it('skips Monday 2026-07-13', () => {
      expect(obj(judge(S, base, LATER), 'response').due).toBe('2026-07-14T17:00:00-05:00');
    });

    it('a contract that removes the date counts Monday as a business day', () => {
      // `not a holiday 2026-07-13` is applied after the pinned list: Mon 08:00 + 9 h -> Mon 17:00.
      const text = SAGICC_TEXT.replace('  public holidays of CO\n', '  public holidays of CO\n  not a holiday 2026-07-13\n');
      expect(text).not.toBe(SAGICC_TEXT);
      const edited = load(text, 'sagicc-edited.sla');
      expect(obj(judge(edited, base, LATER), 'response').due).toBe('2026-07-13T17:00:00-05:00');
    });
  });

  describe('critical incidents run on the wall clock (7x24x365)', () => {
    it('across midnight, on a holiday, into the next day', () => {
      // Holy Thursday 2026-04-02 23:30 (a holiday: irrelevant for wall-clock targets).
      // Professional / critical: response 1 hour -> Fri 2026-04-03 00:30; restoration 4 hours -> 03:30.
      const v = judge(S, sg({ plan: 'professional', severity: 'critical', opened: '2026-04-02T23:30:00-05:00', responded: '2026-04-03T00:30:00-05:00', restored: '2026-04-03T03:31:00-05:00' }), LATER);
      expect(obj(v, 'response')).toMatchObject({ due: '2026-04-03T00:30:00-05:00', status: 'met', elapsedMinutes: 60, target: '1 hour' });
      expect(obj(v, 'restoration')).toMatchObject({ due: '2026-04-03T03:30:00-05:00', status: 'breached', elapsedMinutes: 241 });
      expect(obj(v, 'response').trace).toMatchObject({ calendar: null, pausedMinutes: 0 });
    });

    it('across the month end: essential / critical opened 2026-03-31 23:00', () => {
      // Response 2 hours -> 2026-04-01 01:00; restoration 4 hours -> 03:00. Not responded by as-of 04-01 01:00:00.001.
      const v = judge(S, sg({ plan: 'essential', severity: 'critical', opened: '2026-03-31T23:00:00-05:00' }), '2026-04-01T01:00:00.001-05:00');
      expect(obj(v, 'response')).toMatchObject({ due: '2026-04-01T01:00:00-05:00', status: 'breached' });
      expect(obj(v, 'restoration')).toMatchObject({ due: '2026-04-01T03:00:00-05:00', status: 'pending' });
      // Remaining: 4 h - (2 h + 1 ms) = 119.99998... min.
      expect(obj(v, 'restoration').remainingMinutes).toBeCloseTo(120 - 1 / 60_000, 9);
    });
  });

  describe('not applicable and the professional / high case', () => {
    it('low impact has no restoration target (NA): not-applicable, no due', () => {
      // Standard / low: response 2 business days; restoration `none`.
      // Thu 2026-03-26 11:00: Thu 7 h, Fri 10 h (17 h), Mon 03-30 08:00 + 3 h -> 11:00.
      const v = judge(S, sg({ plan: 'standard', severity: 'low', opened: '2026-03-26T11:00:00-05:00', restored: '2026-03-26T12:00:00-05:00' }), LATER);
      expect(obj(v, 'response').due).toBe('2026-03-30T11:00:00-05:00');
      const r = obj(v, 'restoration');
      expect(r).toMatchObject({ status: 'not-applicable', due: null, target: 'none', remainingMinutes: null, elapsedMinutes: null });
      expect(r.reason).toContain('none');
      expect(r.reason).toContain(`${SAGICC_FILE}:${lineOf(SAGICC_TEXT, '| standard     | 4 hours  | 3 business days')}`);
    });

    it('professional / high: restoration (2 business hours) is due before response (4 business hours), as written', () => {
      // Tue 2026-03-24 09:00 (a working day): restoration due 11:00, response due 13:00.
      const base = sg({ plan: 'professional', severity: 'high', opened: '2026-03-24T09:00:00-05:00' });
      const v = judge(S, { ...base, responded: '2026-03-24T12:00:00-05:00', restored: '2026-03-24T10:30:00-05:00' }, LATER);
      expect(obj(v, 'restoration')).toMatchObject({ due: '2026-03-24T11:00:00-05:00', status: 'met', elapsedMinutes: 90 });
      expect(obj(v, 'response')).toMatchObject({ due: '2026-03-24T13:00:00-05:00', status: 'met', elapsedMinutes: 180 });
      // Restored before responding, but a second after 11:00: restoration breached, response still met.
      const late = judge(S, { ...base, responded: '2026-03-24T12:00:00-05:00', restored: '2026-03-24T11:00:01-05:00' }, LATER);
      expect(obj(late, 'restoration').status).toBe('breached');
      expect(obj(late, 'response').status).toBe('met');
    });
  });

  describe('clock edges', () => {
    it('opened exactly at 18:00 on Friday starts on Monday 08:00; at 08:00 it starts at once', () => {
      // Fri 2026-03-27 18:00 is the end of business time (half-open 08:00-18:00): nothing counts
      // until Mon 03-30 08:00. Professional / high response 4 business hours -> Mon 12:00.
      const fri = judge(S, sg({ plan: 'professional', severity: 'high', opened: '2026-03-27T18:00:00-05:00' }), LATER);
      expect(obj(fri, 'response').due).toBe('2026-03-30T12:00:00-05:00');
      // Opened Mon 2026-03-30 08:00: response due 12:00 the same day.
      const mon = judge(S, sg({ plan: 'professional', severity: 'high', opened: '2026-03-30T08:00:00-05:00' }), LATER);
      expect(obj(mon, 'response').due).toBe('2026-03-30T12:00:00-05:00');
    });

    it('an event at the opening instant is met with 0 counted minutes', () => {
      const v = judge(S, sg({ plan: 'essential', severity: 'high', opened: '2026-03-28T10:00:00-05:00', responded: '2026-03-28T10:00:00-05:00' }), LATER);
      expect(obj(v, 'response')).toMatchObject({ status: 'met', elapsedMinutes: 0 });
      // A Saturday response to a Saturday report: still no business time counted, met.
      const later = judge(S, sg({ plan: 'essential', severity: 'high', opened: '2026-03-28T10:00:00-05:00', responded: '2026-03-29T20:00:00-05:00' }), LATER);
      expect(obj(later, 'response')).toMatchObject({ status: 'met', elapsedMinutes: 0 });
      expect(obj(later, 'response').trace?.pausedMinutes).toBe(34 * 60);
    });
  });

  describe('exclusions', () => {
    const causeLine = lineOf(SAGICC_TEXT, 'excluded third-party');
    const channelLine = lineOf(SAGICC_TEXT, 'reporting channels');

    it('an excluded cause excludes every objective, with the reason and the clause line', () => {
      const v = judge(S, sg({ plan: 'professional', severity: 'critical', opened: '2026-03-27T15:00:00-05:00', cause: 'third-party' }), LATER);
      expect(v.excluded).toContain('cause third-party is excluded');
      expect(v.excluded).toContain(`${SAGICC_FILE}:${causeLine}`);
      expect(v.objectives.map((o) => o.objective)).toEqual(['response', 'restoration']);
      for (const o of v.objectives) {
        expect(o).toMatchObject({ status: 'excluded', due: null, target: null, remainingMinutes: null });
        expect(o.reason).toBe(v.excluded);
      }
    });

    it('a report through a channel other than the official help desk is excluded', () => {
      const v = judge(S, sg({ plan: 'essential', severity: 'high', opened: '2026-03-30T10:00:00-05:00', channel: 'email', responded: '2026-03-30T11:00:00-05:00' }), LATER);
      expect(v.excluded).toContain('channel email');
      expect(v.excluded).toContain('helpdesk');
      expect(v.excluded).toContain(`${SAGICC_FILE}:${channelLine}`);
      expect(v.objectives.every((o) => o.status === 'excluded' && o.due === null)).toBe(true);
    });

    it('the cause is named first when both rules exclude', () => {
      const v = judge(S, sg({ plan: 'essential', severity: 'high', opened: '2026-03-30T10:00:00-05:00', channel: 'whatsapp', cause: 'force-majeure' }), LATER);
      expect(v.excluded).toContain('cause force-majeure is excluded');
    });
  });
});

// ------------------------------------------------------------------------------ Clever seed

describe('Clever IDEAS: incidents', () => {
  const C = load(CLEVER_TEXT, CLEVER_FILE);
  const LATER = '2027-01-01T00:00:00-05:00';

  it('responds within 3 minutes (wall clock): exactly 3 min met, 1 ms more breached', () => {
    // Mon 2026-05-04 09:00 + 3 min = 09:03.
    const base = { severity: 'p1', opened: '2026-05-04T09:00:00-05:00' };
    const met = judge(C, { ...base, responded: '2026-05-04T09:03:00-05:00' }, LATER);
    expect(obj(met, 'response')).toMatchObject({ due: '2026-05-04T09:03:00-05:00', status: 'met', elapsedMinutes: 3, target: '3 minutes by email' });
    expect(obj(met, 'response').trace?.from).toBe('severity p1');
    expect(obj(judge(C, { ...base, responded: '2026-05-04T09:03:00.001-05:00' }, LATER), 'response').status).toBe('breached');
    // Plain minutes ignore nights: Sat 23:59 -> Sun 00:02.
    expect(obj(judge(C, { severity: 'p2', opened: '2026-05-09T23:59:00-05:00' }, LATER), 'response').due).toBe('2026-05-10T00:02:00-05:00');
    // The single implicit plan is `default`.
    expect(met.plan).toBe('default');
  });

  it('resolution by severity: p1 10 min, p2 45 min, p3 90 min', () => {
    const opened = '2026-05-20T16:00:00-05:00';
    expect(obj(judge(C, { severity: 'p1', opened }, LATER), 'resolution').due).toBe('2026-05-20T16:10:00-05:00');
    expect(obj(judge(C, { severity: 'p2', opened }, LATER), 'resolution').due).toBe('2026-05-20T16:45:00-05:00');
    expect(obj(judge(C, { severity: 'p3', opened }, LATER), 'resolution').due).toBe('2026-05-20T17:30:00-05:00');
    // Severity aliases: "1" is p1.
    expect(judge(C, { severity: 1, opened }, LATER).severity).toBe('p1');
  });

  it('a category target overrides the severity target (web-down 10 min vs p3 90 min)', () => {
    // p3 opened Wed 2026-05-06 20:00, resolved 20:30. As web-down: due 20:10 -> breached.
    // Without a category: p3's 90 minutes -> due 21:30 -> met.
    const base = { severity: 'p3', opened: '2026-05-06T20:00:00-05:00', responded: '2026-05-06T20:02:00-05:00', resolved: '2026-05-06T20:30:00-05:00' };
    const web = judge(C, { ...base, category: 'web-down' }, LATER);
    expect(obj(web, 'resolution')).toMatchObject({ due: '2026-05-06T20:10:00-05:00', status: 'breached', target: '10 minutes' });
    expect(obj(web, 'resolution').trace?.from).toBe('category web-down');
    expect(obj(web, 'resolution').trace?.clause).toBe(`${CLEVER_FILE}:${lineOf(CLEVER_TEXT, '| web-down ')}`);
    // The category sets no response target: the 3 minutes for every incident still apply.
    expect(obj(web, 'response')).toMatchObject({ due: '2026-05-06T20:03:00-05:00', status: 'met' });
    const plain = judge(C, base, LATER);
    expect(obj(plain, 'resolution')).toMatchObject({ due: '2026-05-06T21:30:00-05:00', status: 'met', target: '90 minutes' });
    // A category can also lengthen: p1 (10 min) as repository-sync gets 2 hours -> 16:00 + 2 h = 18:00.
    const sync = judge(C, { severity: 'p1', category: 'repository-sync', opened: '2026-05-05T16:00:00-05:00', resolved: '2026-05-05T17:50:00-05:00' }, LATER);
    expect(obj(sync, 'resolution')).toMatchObject({ due: '2026-05-05T18:00:00-05:00', status: 'met' });
  });

  it('excluded causes exclude every objective', () => {
    const v = judge(C, { severity: 'p2', opened: '2026-05-12T08:00:00-05:00', cause: 'whatsapp-provider' }, LATER);
    expect(v.excluded).toContain('cause whatsapp-provider is excluded');
    expect(v.excluded).toContain(`${CLEVER_FILE}:${lineOf(CLEVER_TEXT, 'excluded whatsapp-provider')}`);
    expect(v.objectives.map((o) => o.status)).toEqual(['excluded', 'excluded']);
  });

  describe('reliability: at most 4 counted incidents per calendar month', () => {
    // June 2026. Counted = opened in the month, not excluded. Excluded causes do not count.
    const inc = (id: string, day: number, cause = 'provider') => ({
      type: 'incident', id, severity: 'p2', opened: `2026-06-${String(day).padStart(2, '0')}T10:00:00-05:00`,
      responded: `2026-06-${String(day).padStart(2, '0')}T10:01:00-05:00`, resolved: `2026-06-${String(day).padStart(2, '0')}T10:30:00-05:00`, cause,
    });
    const four = [inc('R1', 2), inc('R2', 5), inc('X1', 6, 'isp'), inc('R3', 10), inc('X2', 11, 'whatsapp-provider'), inc('R4', 15)];
    const AFTER = '2026-07-01T00:00:00-05:00';

    it('4 counted incidents (plus 2 excluded) meet it', async () => {
      const r = await session(C, four, AFTER);
      expect(r.periods.map((p) => p.period)).toEqual(['2026-06']);
      expect(periodOf(r, '2026-06').reliability).toMatchObject({ count: 4, limit: 4, status: 'met' });
      expect(periodOf(r, '2026-06').reliability?.clause).toBe(`${CLEVER_FILE}:${lineOf(CLEVER_TEXT, 'reliability at most 4')}`);
    });

    it('a fifth counted incident breaches it', async () => {
      const r = await session(C, [...four, inc('R5', 30)], AFTER);
      expect(periodOf(r, '2026-06').reliability).toMatchObject({ count: 5, status: 'breached' });
    });

    it('while the month is not over: pending at 4, breached as soon as the fifth is opened', async () => {
      const mid = '2026-06-20T00:00:00-05:00';
      expect(periodOf(await session(C, four, mid), '2026-06').reliability).toMatchObject({ count: 4, status: 'pending' });
      expect(periodOf(await session(C, [...four, inc('R5', 16)], mid), '2026-06').reliability).toMatchObject({ count: 5, status: 'breached' });
      // An incident opened after as-of has not happened yet: not counted.
      expect(periodOf(await session(C, [...four, inc('R5', 25)], mid), '2026-06').reliability).toMatchObject({ count: 4, status: 'pending' });
    });

    it('an incident opened on the first local minute of July counts for July', async () => {
      // 2026-07-01T00:00-05:00 is 05:00Z: July in Bogota, although 2026-06-30 evening is already July in UTC.
      const r = await session(C, [...four, { ...inc('R5', 1), opened: '2026-07-01T00:00:00-05:00', responded: null, resolved: null }, { ...inc('R6', 1), opened: '2026-07-01T04:59:59Z', responded: null, resolved: null }], '2026-08-01T00:00:00-05:00');
      expect(periodOf(r, '2026-06').reliability).toMatchObject({ count: 5, status: 'breached' }); // R6 is 2026-06-30 23:59:59 local
      expect(periodOf(r, '2026-07').reliability).toMatchObject({ count: 1, status: 'met' });
    });
  });
});

// ------------------------------------------------------------------------------ periods

describe('periods: downtime union, month boundaries, exclusions', () => {
  const S = load(SAGICC_TEXT, SAGICC_FILE);
  const C = load(CLEVER_TEXT, CLEVER_FILE);

  it('an outage across the month end is split 30 / 30 minutes (SAGICC)', async () => {
    // 2026-03-31 23:30 -> 2026-04-01 00:30 (Bogota): 30 min in March, 30 min in April.
    // March: Z = 31 x 1440 = 44640 min; (44640 - 30) / 44640 x 100 = 99.93279569892...% -> "99.9327956989" (cut at 10 places).
    // April: Z = 30 x 1440 = 43200 min; (43200 - 30) / 43200 x 100 = 99.9305555...% -> "99.930556".
    // Both below 99.96%: breached; shortfall < 1 point -> 5% (one started point).
    const r = await session(S, [outage('2026-03-31T23:30:00-05:00', '2026-04-01T00:30:00-05:00')], '2026-05-01T00:00:00-05:00');
    expect(r.periods.map((p) => p.period)).toEqual(['2026-03', '2026-04']);
    expect(periodOf(r, '2026-03').availability).toMatchObject({ downtimeMinutes: 30, periodMinutes: 44640, exact: '99.9327956989', status: 'breached', target: 99.96 });
    expect(periodOf(r, '2026-04').availability).toMatchObject({ downtimeMinutes: 30, periodMinutes: 43200, exact: '99.9305555555', status: 'breached' });
    expect(periodOf(r, '2026-03').availability?.percent).toBeCloseTo(99.93279569892473, 10);
    expect(periodOf(r, '2026-03').credit?.percent).toBe(5);
    expect(periodOf(r, '2026-04').credit?.percent).toBe(5);
    expect(r.downtime[0]).toMatchObject({ type: 'outage', countedMinutes: 60, start: '2026-03-31T23:30:00-05:00', end: '2026-04-01T00:30:00-05:00' });
  });

  it('an outage ending exactly at local midnight of the 1st touches only the earlier month', async () => {
    // 2026-03-31 23:00 -> 2026-04-01 00:00 (Bogota): 60 min, all in March; April is not touched.
    const r = await session(S, [outage('2026-03-31T23:00:00-05:00', '2026-04-01T00:00:00-05:00')], '2026-05-01T00:00:00-05:00');
    expect(r.periods.map((p) => p.period)).toEqual(['2026-03']);
    expect(periodOf(r, '2026-03').availability?.downtimeMinutes).toBe(60);
    // Written in UTC (05:00Z is Bogota midnight) the result is the same.
    const z = await session(S, [outage('2026-04-01T04:00:00Z', '2026-04-01T05:00:00Z')], '2026-05-01T00:00:00-05:00');
    expect(z.periods.map((p) => p.period)).toEqual(['2026-03']);
  });

  it('overlapping outages count once; an excluded cause does not count (Clever, May)', async () => {
    // Given in shuffled order: 11:30-12:00, 10:00-11:00, 10:15-10:45 (inside), 10:30-11:30
    // (overlaps), and 09:00-13:00 caused by the ISP (excluded). Union of the counted ones:
    // 10:00-12:00 = 120 min. May: Z = 44640; (44640 - 120) / 44640 = 99.7311827956989...%.
    // Below 99.9: breached; in [99.00, 99.90) -> 5%.
    const day = '2026-05-12T';
    const recs = [
      outage(`${day}11:30:00-05:00`, `${day}12:00:00-05:00`),
      outage(`${day}10:00:00-05:00`, `${day}11:00:00-05:00`),
      outage(`${day}09:00:00-05:00`, `${day}13:00:00-05:00`, 'isp'),
      outage(`${day}10:15:00-05:00`, `${day}10:45:00-05:00`),
      outage(`${day}10:30:00-05:00`, `${day}11:30:00-05:00`),
    ];
    const r = await session(C, recs, '2026-06-01T00:00:00-05:00');
    const may = periodOf(r, '2026-05');
    expect(may.availability).toMatchObject({ downtimeMinutes: 120, periodMinutes: 44640, exact: '99.7311827956', status: 'breached' });
    expect(may.credit?.percent).toBe(5);
    // Per record: each outage's own length; the ISP one counts nothing, and says why.
    expect(r.downtime.map((d) => d.countedMinutes)).toEqual([30, 60, 0, 30, 60]);
    expect(r.downtime[2].reason).toContain('cause isp is excluded');
  });

  it('an outage still going on at as-of counts only up to as-of; the month stays pending while at or above target', async () => {
    // June (43200 min). Outage from 06-10 00:00 to 06-10 02:00.
    // As of 00:30: 30 min down -> 99.93055...% >= 99.9 -> pending (month not over), credit unknown.
    // As of 01:00: 60 min down -> 99.8611...% < 99.9 -> already breached, credit 5%.
    const rec = outage('2026-06-10T00:00:00-05:00', '2026-06-10T02:00:00-05:00');
    const early = periodOf(await session(C, [rec], '2026-06-10T00:30:00-05:00'), '2026-06');
    expect(early).toMatchObject({ final: false });
    expect(early.availability).toMatchObject({ downtimeMinutes: 30, status: 'pending' });
    expect(early.credit?.percent).toBeNull();
    const later = periodOf(await session(C, [rec], '2026-06-10T01:00:00-05:00'), '2026-06');
    expect(later.availability).toMatchObject({ downtimeMinutes: 60, status: 'breached' });
    expect(later.credit?.percent).toBe(5);
  });

  it('a month with no downtime is met once over, pending before', async () => {
    const rec = outage('2026-06-10T00:00:00-05:00', '2026-06-10T00:00:00-05:00'); // zero length
    expect(periodOf(await session(C, [rec], '2026-07-01T00:00:00-05:00'), '2026-06').availability).toMatchObject({ downtimeMinutes: 0, exact: '100', status: 'met' });
    // As-of exactly at the month's end: the month is over (final).
    expect(periodOf(await session(C, [rec], '2026-07-01T00:00:00-05:00'), '2026-06').final).toBe(true);
    expect(periodOf(await session(C, [rec], '2026-06-30T23:59:59.999-05:00'), '2026-06')).toMatchObject({ final: false, availability: { status: 'pending' } });
  });
});

describe('periods: maintenance (Clever: 48 h notice, acknowledgement, windows)', () => {
  const C = load(CLEVER_TEXT, CLEVER_FILE);
  // Windows (America/Bogota): Mon-Fri 21:00-01:00 (crossing midnight), Sat 17:00-24:00, Sun 00:01-23:59.
  let n = 0;
  const mw = (start: string, end: string, notified?: string, acknowledged?: string) => ({
    type: 'maintenance', id: `M${++n}`, start, end, ...(notified ? { notified } : {}), ...(acknowledged ? { acknowledged } : {}),
  });
  const counted = (raw: Record<string, unknown>) => {
    const j = judgeMaintenance(C, record<MaintenanceRecord>(C, raw));
    return { minutes: j.counted.reduce((s, [a, b]) => s + (b - a), 0) / 60_000, reason: j.reason };
  };

  const cases = {
    // Wed 05-13 22:00 -> Thu 05-14 00:30, inside Wednesday's 21:00-01:00 window; notice 61 h, acknowledged.
    crossesMidnight: mw('2026-05-13T22:00:00-05:00', '2026-05-14T00:30:00-05:00', '2026-05-11T09:00:00-05:00', '2026-05-11T10:00:00-05:00'),
    // Sat 05-16 16:00-18:00: the Saturday window starts at 17:00, so 16:00-17:00 (60 min) counts.
    partlyOutside: mw('2026-05-16T16:00:00-05:00', '2026-05-16T18:00:00-05:00', '2026-05-13T09:00:00-05:00', '2026-05-13T12:00:00-05:00'),
    // Wed 05-20 22:00-23:00 notified Mon 05-18 22:00: exactly 48 h of notice -> enough -> 0.
    exactNotice: mw('2026-05-20T22:00:00-05:00', '2026-05-20T23:00:00-05:00', '2026-05-18T22:00:00-05:00', '2026-05-18T23:00:00-05:00'),
    // Thu 05-21 22:00-23:00 notified Tue 05-19 22:01: 47 h 59 min -> too short -> all 60 min count.
    shortNotice: mw('2026-05-21T22:00:00-05:00', '2026-05-21T23:00:00-05:00', '2026-05-19T22:01:00-05:00', '2026-05-19T23:00:00-05:00'),
    // Fri 05-22 22:00-23:00, notice fine, never acknowledged -> 60 min count.
    noAck: mw('2026-05-22T22:00:00-05:00', '2026-05-22T23:00:00-05:00', '2026-05-18T09:00:00-05:00'),
    // Mon 05-25 22:00-22:30, acknowledged at 22:10 (after the start) -> 30 min count.
    lateAck: mw('2026-05-25T22:00:00-05:00', '2026-05-25T22:30:00-05:00', '2026-05-20T09:00:00-05:00', '2026-05-25T22:10:00-05:00'),
    // Tue 05-26 22:00-22:30, acknowledged exactly at the start: accepted ("not after the start") -> 0.
    ackAtStart: mw('2026-05-26T22:00:00-05:00', '2026-05-26T22:30:00-05:00', '2026-05-20T09:00:00-05:00', '2026-05-26T22:00:00-05:00'),
    // Fri 05-29 23:30 -> Sat 05-30 01:30: Friday's window runs to Sat 01:00; Saturday's opens at
    // 17:00 -> 01:00-01:30 (30 min) counts.
    fridayNight: mw('2026-05-29T23:30:00-05:00', '2026-05-30T01:30:00-05:00', '2026-05-25T09:00:00-05:00', '2026-05-25T10:00:00-05:00'),
    // Sun 05-24 00:00-00:30: Saturday's window ended at 24:00, Sunday's opens at 00:01 ->
    // the literal one-minute gap 00:00-00:01 counts (1 min).
    sundayGap: mw('2026-05-24T00:00:00-05:00', '2026-05-24T00:30:00-05:00', '2026-05-20T09:00:00-05:00', '2026-05-20T10:00:00-05:00'),
    // Wed 05-27 22:00-23:00 with no notice at all -> 60 min count.
    noNotice: mw('2026-05-27T22:00:00-05:00', '2026-05-27T23:00:00-05:00'),
  };

  it('judges each maintenance', () => {
    expect(counted(cases.crossesMidnight).minutes).toBe(0);
    expect(counted(cases.partlyOutside)).toMatchObject({ minutes: 60 });
    expect(counted(cases.partlyOutside).reason).toContain('outside the maintenance windows');
    const j = judgeMaintenance(C, record<MaintenanceRecord>(C, cases.partlyOutside));
    expect(j.counted).toEqual([[at('2026-05-16T16:00:00-05:00'), at('2026-05-16T17:00:00-05:00')]]);
    expect(counted(cases.exactNotice).minutes).toBe(0);
    expect(counted(cases.shortNotice).minutes).toBe(60);
    expect(counted(cases.shortNotice).reason).toContain('notice was shorter than required');
    expect(counted(cases.shortNotice).reason).toContain(`${CLEVER_FILE}:${lineOf(CLEVER_TEXT, 'notice at least 48 hours')}`);
    expect(counted(cases.noAck).minutes).toBe(60);
    expect(counted(cases.noAck).reason).toContain('did not acknowledge');
    expect(counted(cases.noAck).reason).toContain(`${CLEVER_FILE}:${lineOf(CLEVER_TEXT, 'acknowledgement required')}`);
    expect(counted(cases.lateAck).minutes).toBe(30);
    expect(counted(cases.ackAtStart).minutes).toBe(0);
    expect(counted(cases.fridayNight).minutes).toBe(30);
    expect(counted(cases.sundayGap).minutes).toBe(1);
    expect(counted(cases.noNotice).minutes).toBe(60);
    expect(counted(cases.noNotice).reason).toContain('no notice');
  });

  it('adds the counted parts to the month', async () => {
    // 0 + 60 + 0 + 60 + 60 + 30 + 0 + 30 + 1 + 60 = 301 min in May (44640 min):
    // (44640 - 301) / 44640 = 99.3257168458781...% -> breached, band [99.00, 99.90) -> 5%.
    const r = await session(C, Object.values(cases), '2026-06-01T00:00:00-05:00');
    expect(periodOf(r, '2026-05').availability).toMatchObject({ downtimeMinutes: 301, exact: '99.3257168458', status: 'breached' });
    expect(periodOf(r, '2026-05').credit?.percent).toBe(5);
    expect(r.downtime.map((d) => d.countedMinutes)).toEqual([0, 60, 0, 60, 60, 30, 0, 30, 1, 60]);
  });
});

describe('periods: maintenance (SAGICC: 5 business days of notice, any time)', () => {
  const S = load(SAGICC_TEXT, SAGICC_FILE);
  const counted = (notified: string, start: string, end: string) => {
    const j = judgeMaintenance(S, record<MaintenanceRecord>(S, { type: 'maintenance', id: 'W', start, end, notified }));
    return j.counted.reduce((s, [a, b]) => s + (b - a), 0) / 60_000;
  };

  it('notice is measured on the business clock: 5 x 10 h = 50 business hours', () => {
    // Notified Mon 2026-03-16 08:00, start Sat 03-21 02:00: Mon-Fri 08-18 = 50 h -> exactly enough.
    expect(counted('2026-03-16T08:00:00-05:00', '2026-03-21T02:00:00-05:00', '2026-03-21T03:00:00-05:00')).toBe(0);
    // One minute later: 49 h 59 min -> the whole hour counts.
    expect(counted('2026-03-16T08:01:00-05:00', '2026-03-21T02:00:00-05:00', '2026-03-21T03:00:00-05:00')).toBe(60);
    // Across San José: notified Fri 03-20 08:00, start Sat 03-28 02:00: Fri 10 h, Mon 23 holiday,
    // Tue-Fri 40 h -> 50 h, enough (although 186 wall hours passed).
    expect(counted('2026-03-20T08:00:00-05:00', '2026-03-28T02:00:00-05:00', '2026-03-28T04:00:00-05:00')).toBe(0);
    // Notified an hour later (09:00): 49 h -> both hours count.
    expect(counted('2026-03-20T09:00:00-05:00', '2026-03-28T02:00:00-05:00', '2026-03-28T04:00:00-05:00')).toBe(120);
  });

  it('needs no acknowledgement and has no windows', () => {
    // Acknowledgement absent; a Tuesday 10:00 start (business hours): counts nothing with due notice.
    expect(counted('2026-03-02T08:00:00-05:00', '2026-03-10T10:00:00-05:00', '2026-03-10T12:00:00-05:00')).toBe(0);
  });
});

describe('credits at exact band edges (Clever, June 2026 = 30 days = 43200 min)', () => {
  const C = load(CLEVER_TEXT, CLEVER_FILE);
  const AFTER = '2026-07-01T00:00:00-05:00';
  const june = async (end: string) => periodOf(await session(C, [outage('2026-06-10T00:00:00-05:00', end)], AFTER), '2026-06');

  it('exactly 99.00% (432 min down) is in the band starting at 99.00%: 5%', async () => {
    // 1% of 43200 min = 432 min = 7 h 12 min.
    const p = await june('2026-06-10T07:12:00-05:00');
    expect(p.availability).toMatchObject({ exact: '99', percent: 99, status: 'breached', downtimeMinutes: 432 });
    expect(p.credit).toMatchObject({ percent: 5 });
    expect(p.credit?.rule).toContain('at least 99');
  });

  it('one millisecond more (just below 99.00%): 10%', async () => {
    const p = await june('2026-06-10T07:12:00.001-05:00');
    expect(p.availability?.status).toBe('breached');
    expect(p.credit?.percent).toBe(10);
  });

  it('exactly 99.90% (43 min 12 s down) meets the target: no credit', async () => {
    // 0.1% of 43200 min = 43.2 min = 43 min 12 s.
    const p = await june('2026-06-10T00:43:12-05:00');
    expect(p.availability).toMatchObject({ exact: '99.9', status: 'met', downtimeMinutes: 43.2 });
    expect(p.credit?.percent).toBe(0);
  });

  it('one millisecond more (just below 99.90%): 5%', async () => {
    const p = await june('2026-06-10T00:43:12.001-05:00');
    expect(p.availability?.status).toBe('breached');
    expect(p.credit?.percent).toBe(5);
  });

  it('exactly 98.50% (648 min) is 10%; one millisecond more is 15%', async () => {
    // 1.5% of 43200 = 648 min = 10 h 48 min.
    expect((await june('2026-06-10T10:48:00-05:00')).credit?.percent).toBe(10);
    expect((await june('2026-06-10T10:48:00.001-05:00')).credit?.percent).toBe(15);
  });
});

describe('linear credits (SAGICC: 5% per started point below 99.96%, at most 50%; June = 43200 min)', () => {
  const S = load(SAGICC_TEXT, SAGICC_FILE);
  const AFTER = '2026-07-01T00:00:00-05:00';
  // Downtime for a shortfall of s points: (0.04 + s)% of 43200 min = (0.04 + s)% x 2,592,000,000 ms.
  const june = async (end: string) => periodOf(await session(S, [outage('2026-06-10T00:00:00-05:00', end)], AFTER), '2026-06');

  it('shortfall 0.2 points -> 5%', async () => {
    // 0.24% x 2,592,000,000 ms = 6,220,800 ms = 1 h 43 min 40.8 s -> 99.76%.
    const p = await june('2026-06-10T01:43:40.800-05:00');
    expect(p.availability).toMatchObject({ exact: '99.76', status: 'breached' });
    expect(p.credit?.percent).toBe(5);
  });

  it('shortfall 1.97 points -> 10%', async () => {
    // 2.01% x 2,592,000,000 ms = 52,099,200 ms = 14 h 28 min 19.2 s -> 97.99%.
    const p = await june('2026-06-10T14:28:19.200-05:00');
    expect(p.availability?.exact).toBe('97.99');
    expect(p.credit?.percent).toBe(10);
  });

  it('exactly 1.00 point -> 5%; one millisecond more -> 10%', async () => {
    // 1.04% x 2,592,000,000 ms = 26,956,800 ms = 7 h 29 min 16.8 s -> 98.96%.
    const p = await june('2026-06-10T07:29:16.800-05:00');
    expect(p.availability?.exact).toBe('98.96');
    expect(p.credit?.percent).toBe(5);
    expect((await june('2026-06-10T07:29:16.801-05:00')).credit?.percent).toBe(10);
  });

  it('a large shortfall is capped at 50%', async () => {
    // 20 days down of 30: 33.33...% -> shortfall 66.63 points -> 67 started points x 5% = 335% -> 50%.
    const p = await june('2026-06-30T00:00:00-05:00');
    expect(p.availability?.downtimeMinutes).toBe(20 * 1440);
    expect(p.credit?.percent).toBe(50);
    expect(p.credit?.rule).toContain('capped at 50%');
  });

  it('met at exactly 99.96% (17 min 16.8 s down)', async () => {
    // 0.04% x 2,592,000,000 ms = 1,036,800 ms = 17 min 16.8 s.
    const p = await june('2026-06-10T00:17:16.800-05:00');
    expect(p.availability).toMatchObject({ exact: '99.96', status: 'met' });
    expect(p.credit?.percent).toBe(0);
  });
});

// Small inline contracts for rounding and slots, in America/Bogota (no DST: not the point here).
function roundingContract(creditLine: string, cap = ''): string {
  return `contract "Rounding"
version 1
effective 2026-01-01
time zone America/Bogota

severities
  p1

response targets
  | severity | target    |
  | p1       | 1 hour    |

causes
  counted provider

availability
  target 99% per calendar month
  measured as exact time

credits
  ${creditLine}
${cap ? `  ${cap}\n` : ''}`;
}

describe('full-step and pro-rata rounding (target 99%, June = 43200 min: 1 point = 432 min)', () => {
  const AFTER = '2026-07-01T00:00:00-05:00';
  /** Credit for a June whose availability is `shortfall` points below 99%: (1 + shortfall) x 432 min down. */
  const creditFor = async (c: CompiledContract, shortfall: number) => {
    const start = at('2026-06-10T00:00:00-05:00');
    const end = new Date(start + Math.round((1 + shortfall) * 432 * 60_000)).toISOString();
    const p = periodOf(await session(c, [outage(new Date(start).toISOString(), end)], AFTER), '2026-06');
    expect(p.availability?.status).toBe('breached');
    return p.credit?.percent;
  };

  it('`for each full 1%`: only whole points count, then the cap', async () => {
    const full = load(roundingContract('10% for each full 1% below target', 'at most 30%'), 'full.sla');
    expect(full.ir.credits?.linear?.rounding).toBe('full');
    expect(await creditFor(full, 0.5)).toBe(0); // 0 full points: breached, but no credit
    expect(await creditFor(full, 1)).toBe(10); // exactly 1 point
    expect(await creditFor(full, 1.97)).toBe(10); // 1.97 -> 1
    expect(await creditFor(full, 2)).toBe(20);
    expect(await creditFor(full, 2.5)).toBe(20); // 2 -> 20%
    expect(await creditFor(full, 5)).toBe(30); // 5 -> 50% -> capped at 30%
  });

  it('`pro rata`: proportional to the exact shortfall', async () => {
    const pro = load(roundingContract('5% for each 1% below target, pro rata'), 'pro.sla');
    expect(pro.ir.credits?.linear?.rounding).toBe('pro-rata');
    expect(await creditFor(pro, 0.5)).toBe(2.5); // 0.5 x 5
    expect(await creditFor(pro, 0.2)).toBeCloseTo(1, 12); // 0.2 x 5
    expect(await creditFor(pro, 1.97)).toBeCloseTo(9.85, 12); // 1.97 x 5
  });

  it('`for each started 1%` (and no word at all) rounds up', async () => {
    const started = load(roundingContract('5% for each started 1% below target'), 'started.sla');
    expect(await creditFor(started, 0.2)).toBe(5);
    expect(await creditFor(started, 1)).toBe(5);
    expect(await creditFor(started, 1.97)).toBe(10);
    const bare = load(roundingContract('5% for each 1% below target'), 'bare.sla');
    expect(await creditFor(bare, 0.2)).toBe(5);
  });
});

describe('slot measurement (`measured in slots of 5 minutes`)', () => {
  const text = roundingContract('5% for each started 1% below target')
    .replace('measured as exact time', 'measured in slots of 5 minutes')
    .replace('target 99% per', 'target 99.99% per');
  const C = load(text, 'slots.sla');
  const AFTER = '2026-07-01T00:00:00-05:00';
  const down = async (...pairs: [string, string][]) =>
    periodOf(await session(C, pairs.map(([a, b]) => outage(`2026-06-10T${a}-05:00`, `2026-06-10T${b}-05:00`)), AFTER), '2026-06').availability;

  it('one 1-minute outage marks the whole 5-minute slot', async () => {
    // 12:01-12:02 lies in the slot 12:00-12:05 (slots are aligned to the month's start, local midnight).
    // 5 min of 43200: (43200 - 5) / 43200 = 99.98842592...% -> below 99.99: breached.
    const a = await down(['12:01:00', '12:02:00']);
    expect(a).toMatchObject({ downtimeMinutes: 5, measurement: 'slots of 5 minutes', exact: '99.9884259259', status: 'breached' });
  });

  it('an outage across a slot boundary marks both slots; two outages in one slot mark it once', async () => {
    expect((await down(['12:04:00', '12:06:00']))?.downtimeMinutes).toBe(10);
    expect((await down(['12:01:00', '12:02:00'], ['12:03:00', '12:04:00']))?.downtimeMinutes).toBe(5);
    expect((await down(['12:00:00', '12:05:00']))?.downtimeMinutes).toBe(5);
    expect((await down(['12:05:00', '12:05:00.001']))?.downtimeMinutes).toBe(5);
    // 12:01-12:02 and 12:09-12:11: slots 12:00, 12:05 and 12:10 -> 15 min.
    expect((await down(['12:01:00', '12:02:00'], ['12:09:00', '12:11:00']))?.downtimeMinutes).toBe(15);
  });
});

// ------------------------------------------------------------------------------ DST zones

const NEW_YORK = `contract "DST New York"
version 1
effective 2026-01-01
time zone America/New_York

calendar office "New York office hours"
  monday to friday 09:00 to 17:00

severities
  urgent
  normal
  minor

response targets
  | severity | target         |
  | urgent   | 2 hours        |
  | normal   | 4 office hours |
  | minor    | 1 office day   |

causes
  counted provider

availability
  target 99.9% per calendar month
  measured as exact time
`;

describe('a contract in America/New_York (DST 2026-03-08 and 2026-11-01)', () => {
  const NY = load(NEW_YORK, 'ny.sla');
  const LATER = '2027-01-01T00:00:00-05:00';

  it('business hours across the spring change: Fri 16:00 EST + 4 office hours = Mon 12:00 EDT', () => {
    // Fri 2026-03-06 16:00-17:00 (1 h, -05:00); Sunday 03-08 the clocks go 02:00 -> 03:00;
    // Mon 03-09 09:00 + 3 h = 12:00 (-04:00). Real elapsed: 67 h (68 on the wall readings, minus the lost hour).
    const o = obj(judge(NY, { severity: 'normal', opened: '2026-03-06T16:00:00-05:00', responded: '2026-03-09T12:00:00-04:00' }, LATER), 'response');
    expect(o).toMatchObject({ due: '2026-03-09T12:00:00-04:00', status: 'met', elapsedMinutes: 240 });
    expect(at('2026-03-09T12:00:00-04:00') - at('2026-03-06T16:00:00-05:00')).toBe(67 * 3_600_000);
    // "1 office day" = 8 h: Fri 13:00-17:00 (4 h) + Mon 09:00-13:00 -> Mon 13:00 EDT.
    expect(obj(judge(NY, { severity: 'minor', opened: '2026-03-06T13:00:00-05:00' }, LATER), 'response').due).toBe('2026-03-09T13:00:00-04:00');
  });

  it('business hours across the fall change: Fri 16:00 EDT + 4 office hours = Mon 12:00 EST', () => {
    const o = obj(judge(NY, { severity: 'normal', opened: '2026-10-30T16:00:00-04:00' }, LATER), 'response');
    expect(o.due).toBe('2026-11-02T12:00:00-05:00');
  });

  it('wall-clock hours are real elapsed time across both changes', () => {
    // Spring: 01:30 EST (06:30Z) + 2 h = 08:30Z = 04:30 EDT (02:00-03:00 does not exist).
    expect(obj(judge(NY, { severity: 'urgent', opened: '2026-03-08T01:30:00-05:00' }, LATER), 'response').due).toBe('2026-03-08T04:30:00-04:00');
    // Fall: the first 01:30 (EDT, 05:30Z) + 2 h = 07:30Z = 02:30 EST (01:00-02:00 happens twice).
    expect(obj(judge(NY, { severity: 'urgent', opened: '2026-11-01T01:30:00-04:00' }, LATER), 'response').due).toBe('2026-11-01T02:30:00-05:00');
    // The second 01:30 (EST, 06:30Z) + 2 h = 08:30Z = 03:30 EST.
    expect(obj(judge(NY, { severity: 'urgent', opened: '2026-11-01T01:30:00-05:00' }, LATER), 'response').due).toBe('2026-11-01T03:30:00-05:00');
  });

  it('a DST month has Z = its real length in minutes', async () => {
    // March 2026: 31 x 1440 - 60 = 44580 min (the 02:00-03:00 hour of 03-08 never happens).
    // November 2026: 30 x 1440 + 60 = 43260 min (01:00-02:00 of 11-01 happens twice).
    // I agree with real elapsed time: downtime is measured in real time, so Z must be too; with
    // Z = 24 x days, a month of 100% downtime in November would be 100.14% down.
    // An outage over the spring gap, 01:30 EST -> 03:30 EDT, lasts 60 real minutes.
    const r = await session(NY, [outage('2026-03-08T01:30:00-05:00', '2026-03-08T03:30:00-04:00'), outage('2026-11-10T10:00:00-05:00', '2026-11-10T10:30:00-05:00')], LATER);
    // (44580 - 60) / 44580 = 99.86541049798...% -> "99.86541".
    expect(periodOf(r, '2026-03').availability).toMatchObject({ periodMinutes: 44580, downtimeMinutes: 60, exact: '99.8654104979', status: 'breached' });
    // (43260 - 30) / 43260 = 99.9306518723...% -> "99.930652".
    expect(periodOf(r, '2026-11').availability).toMatchObject({ periodMinutes: 43260, downtimeMinutes: 30, exact: '99.9306518723', status: 'met' });
  });

  it('months start at local midnight: 2026-03-31 23:30 EDT is March, 2026-04-01 00:00 EDT is April', async () => {
    const r = await session(NY, [outage('2026-03-31T23:30:00-04:00', '2026-04-01T00:15:00-04:00')], LATER);
    expect(periodOf(r, '2026-03').availability?.downtimeMinutes).toBe(30);
    expect(periodOf(r, '2026-04').availability?.downtimeMinutes).toBe(15);
  });
});

const MADRID = `contract "DST Madrid"
version 1
effective 2026-01-01
time zone Europe/Madrid

calendar business "Madrid support hours"
  monday to friday 09:00 to 18:00
  sunday 01:00 to 05:00

severities
  p1
  p2
  p3

response targets
  | severity | target           |
  | p1       | 2 business hours |
  | p2       | 3 business hours |
  | p3       | 90 minutes       |

causes
  counted provider

availability
  target 99.9% per calendar month
  measured as exact time
`;

describe('a contract in Europe/Madrid (DST 2026-03-29 and 2026-10-25)', () => {
  const M = load(MADRID, 'madrid.sla');
  const LATER = '2027-01-01T00:00:00+01:00';

  it('the Sunday 01:00-05:00 range lasts 3 real hours in spring, 5 in autumn', () => {
    // Spring: Fri 2026-03-27 17:00-18:00 (+01:00) is 1 h; Sunday 03-29 01:00 CET (00:00Z) to
    // 05:00 CEST (03:00Z) is 3 real hours; 2 more from 00:00Z -> 02:00Z = 04:00+02:00.
    expect(obj(judge(M, { severity: 'p2', opened: '2026-03-27T17:00:00+01:00' }, LATER), 'response').due).toBe('2026-03-29T04:00:00+02:00');
    // Autumn: Fri 2026-10-23 17:00-18:00 (+02:00) is 1 h; Sunday 10-25 01:00 CEST (23:00Z on the 24th)
    // to 05:00 CET (04:00Z) is 5 real hours. p1 (2 h): 1 more -> 00:00Z = 02:00+02:00 (first 02:00).
    // p2 (3 h): 2 more -> 01:00Z = 02:00+01:00 (the repeated 02:00, after the change).
    expect(obj(judge(M, { severity: 'p1', opened: '2026-10-23T17:00:00+02:00' }, LATER), 'response').due).toBe('2026-10-25T02:00:00+02:00');
    expect(obj(judge(M, { severity: 'p2', opened: '2026-10-23T17:00:00+02:00' }, LATER), 'response').due).toBe('2026-10-25T02:00:00+01:00');
  });

  it('plain minutes across the changes', () => {
    // 2026-03-29 01:30 CET (00:30Z) + 90 min = 02:00Z = 04:00 CEST.
    expect(obj(judge(M, { severity: 'p3', opened: '2026-03-29T01:30:00+01:00' }, LATER), 'response').due).toBe('2026-03-29T04:00:00+02:00');
    // 2026-10-25 01:30 CEST (23:30Z) + 90 min = 01:00Z = 02:00 CET.
    expect(obj(judge(M, { severity: 'p3', opened: '2026-10-25T01:30:00+02:00' }, LATER), 'response').due).toBe('2026-10-25T02:00:00+01:00');
    // Output is written in the contract's zone whatever offset the record used.
    expect(judge(M, { severity: 'p3', opened: '2026-10-24T23:30:00Z' }, LATER).opened).toBe('2026-10-25T01:30:00+02:00');
  });

  it('March has 44580 minutes, October 44700', async () => {
    const r = await session(M, [outage('2026-03-10T10:00:00+01:00', '2026-03-10T10:10:00+01:00'), outage('2026-10-10T10:00:00+02:00', '2026-10-10T10:10:00+02:00')], LATER);
    expect(periodOf(r, '2026-03').availability).toMatchObject({ periodMinutes: 31 * 1440 - 60, downtimeMinutes: 10 });
    expect(periodOf(r, '2026-10').availability).toMatchObject({ periodMinutes: 31 * 1440 + 60, downtimeMinutes: 10 });
  });
});

// ------------------------------------------------------------------------------ versions

function versioned(version: string, effective: string, p1: string, target: string): string {
  return `contract "Versioned"
version ${version}
effective ${effective}
time zone America/Bogota

severities
  p1

response targets
  | severity | target |
  | p1       | ${p1} |

causes
  counted provider

availability
  target ${target}% per calendar month
  measured as exact time
`;
}

describe('versions: incidents by the version in force when opened, months by the one in force at their start', () => {
  // v1 from 2026-01-01: p1 responds in 30 minutes, availability 99.5%.
  // v2 from 2026-06-01: p1 responds in 15 minutes, availability 99.9%.
  const v1 = load(versioned('1', '2026-01-01', '30 minutes', '99.5'), 'v1.sla');
  const v2 = load(versioned('2', '2026-06-01', '15 minutes', '99.9'), 'v2.sla');
  const LATER = '2027-01-01T00:00:00-05:00';
  const inc = (id: string, opened: string) => ({ type: 'incident', id, severity: 'p1', opened, cause: 'provider' });

  it('picks the version per incident, by local midnight of the effective date', async () => {
    const r = await session([v2, v1], [
      inc('MAY', '2026-05-31T23:50:00-05:00'), // v1: + 30 min -> 2026-06-01 00:20
      inc('JUN', '2026-06-01T00:00:00-05:00'), // v2 (in force from exactly this instant): + 15 min -> 00:15
      inc('UTC', '2026-06-01T04:59:00Z'), // = 2026-05-31 23:59 in Bogota: still v1 -> 00:29
      inc('OLD', '2025-12-31T12:00:00-05:00'), // before any version: the earliest (v1), with a note
    ], LATER);
    const by = Object.fromEntries(r.incidents.map((v) => [v.id, v]));
    expect(by.MAY).toMatchObject({ version: '1' });
    expect(obj(by.MAY, 'response').due).toBe('2026-06-01T00:20:00-05:00');
    expect(by.MAY.note).toBeUndefined();
    expect(by.JUN).toMatchObject({ version: '2' });
    expect(obj(by.JUN, 'response').due).toBe('2026-06-01T00:15:00-05:00');
    expect(by.UTC.version).toBe('1');
    expect(by.OLD.version).toBe('1');
    expect(by.OLD.note).toContain('before version 1');
  });

  it('judges each month by the version in force at its start', async () => {
    // 60 min down in May (44640): 99.8655...% >= 99.5 (v1) -> met.
    // 60 min down in June (43200): 99.8611...% < 99.9 (v2) -> breached.
    const r = await session([v1, v2], [outage('2026-05-20T10:00:00-05:00', '2026-05-20T11:00:00-05:00'), outage('2026-06-20T10:00:00-05:00', '2026-06-20T11:00:00-05:00')], LATER);
    expect(periodOf(r, '2026-05')).toMatchObject({ version: '1', availability: { target: 99.5, status: 'met' } });
    expect(periodOf(r, '2026-06')).toMatchObject({ version: '2', availability: { target: 99.9, status: 'breached' } });
  });

  it('a version taking effect mid-month governs incidents from then on, the month only from the next', async () => {
    // v3 from 2026-06-15: June started under v1 -> the June period uses v1's 99.5% (met with 60 min),
    // while an incident of June 20 is judged by v3 (15 minutes).
    const v3 = load(versioned('3', '2026-06-15', '15 minutes', '99.9'), 'v3.sla');
    const r = await session([v1, v3], [outage('2026-06-20T10:00:00-05:00', '2026-06-20T11:00:00-05:00'), inc('J20', '2026-06-20T10:00:00-05:00'), inc('J10', '2026-06-10T10:00:00-05:00')], LATER);
    expect(periodOf(r, '2026-06')).toMatchObject({ version: '1', availability: { target: 99.5, status: 'met' } });
    const by = Object.fromEntries(r.incidents.map((v) => [v.id, v]));
    expect(by.J20.version).toBe('3');
    expect(obj(by.J20, 'response').due).toBe('2026-06-20T10:15:00-05:00');
    expect(by.J10.version).toBe('1');
    expect(obj(by.J10, 'response').due).toBe('2026-06-10T10:30:00-05:00');
  });

  it('a month that ends before any version takes effect has nothing to judge: not-applicable, no credit', async () => {
    const r = await session([v1, v2], [outage('2025-12-20T10:00:00-05:00', '2025-12-20T10:10:00-05:00')], LATER);
    const dec = periodOf(r, '2025-12');
    expect(dec.version).toBe('1');
    expect(dec.availability).toMatchObject({ status: 'not-applicable', percent: null, exact: null, downtimeMinutes: 10 });
    expect(dec.availability?.reason).toBe('no version of the contract is in force in 2025-12 (the first, version 1, takes effect on 2026-01-01): nothing to judge');
    expect(dec.credit).toBeUndefined();
  });

  it('a month in which the first version takes effect is judged by it, with a note', async () => {
    const v3 = load(versioned('3', '2026-01-15', '15 minutes', '99.9'), 'v3.sla');
    const r = await session([v3], [outage('2026-01-20T10:00:00-05:00', '2026-01-20T10:10:00-05:00')], LATER);
    expect(periodOf(r, '2026-01')).toMatchObject({ version: '3', availability: { status: 'met', downtimeMinutes: 10 } });
    expect(periodOf(r, '2026-01').note).toContain('no version was in force on 2026-01-01');
  });

  it('ContractVersions.inForce', () => {
    const vs = new ContractVersions([v2, v1]);
    expect(vs.list.map((v) => v.version)).toEqual(['1', '2']);
    expect(vs.inForce(at('2026-05-31T23:59:59.999-05:00'))?.version).toBe('1');
    expect(vs.inForce(at('2026-06-01T00:00:00-05:00'))?.version).toBe('2');
    expect(vs.inForce(at('2025-12-31T23:59:59-05:00'))).toBeNull();
  });
});

describe('targets due after the horizon of due times (100 years)', () => {
  const HUGE = [
    'contract "Huge"',
    'version 1',
    'effective 2026-01-01',
    'time zone America/Bogota',
    'calendar business "Office"',
    '  monday to friday 08:00 to 18:00',
    '  public holidays of CO',
    '  pinned holidays 2026: 2026-01-01',
    'severities',
    '  high "High"',
    'response 9999999999 business days for every incident',
    'restoration 4 hours for every incident',
    'causes',
    '  counted provider',
  ].join('\n');
  const huge = load(HUGE, 'huge.sla');

  // The vitest timeout is a safety net: walking the years to the due time took minutes.
  it('a response an hour after opening is met, with no due time and the reason', { timeout: 30_000 }, () => {
    const v = judge(huge, { severity: 'high', opened: '2026-03-02T09:00:00-05:00', responded: '2026-03-02T10:00:00-05:00' }, '2026-03-03T00:00:00-05:00');
    expect(obj(v, 'response')).toMatchObject({ status: 'met', due: null, happened: '2026-03-02T10:00:00-05:00', elapsedMinutes: 60 });
    expect(obj(v, 'response').reason).toContain('more than 100 years');
    // The wall-clock target next to it is unaffected.
    expect(obj(v, 'restoration')).toMatchObject({ status: 'breached', due: '2026-03-02T13:00:00-05:00' });
  });

  it('no response yet: pending, with the business time counted so far', { timeout: 30_000 }, () => {
    // Opened Monday 09:00; as-of Tuesday 12:00: 9 + 4 = 13 business hours.
    const v = judge(huge, { severity: 'high', opened: '2026-03-02T09:00:00-05:00' }, '2026-03-03T12:00:00-05:00');
    expect(obj(v, 'response')).toMatchObject({ status: 'pending', due: null, elapsedMinutes: 13 * 60 });
  });
});

// ------------------------------------------------------------------------------ edges

// Behaviours at their edges that mutation testing (`npm run mutate`) found no test deciding: a
// zero target inside business hours, an incident opened exactly at as-of, `above X%` at exactly
// X%, and a last slot shorter than the slot size. March 2026: Tue 03-10 is a working day in Bogota.
const EDGES = `contract "Edges"
version 1
effective 2026-01-01
time zone America/Bogota

calendar office "Office"
  monday to friday 08:00 to 18:00

severities
  p1
  p2

response targets
  | severity | target         |
  | p1       | 0 office hours |
  | p2       | 30 minutes     |

causes
  counted provider

reliability at most 1 counted incidents per calendar month

availability
  target 99.5% per calendar month
  measured in slots of 7 minutes

credits
  | monthly availability          | credit |
  | at least 99% and below 99.5%  | 2%     |
  | above 98% and below 99%       | 5%     |
  | at most 98%                   | 10%    |
`;

describe('edges: zero targets, as-of, exclusive band bounds, the last slot', () => {
  const E = load(EDGES, 'edges.sla');
  const LATER = '2026-04-01T00:00:00-05:00';

  it('a zero business-time target on an incident opened inside business hours is due at once, not next morning', () => {
    const v = judge(E, { severity: 'p1', opened: '2026-03-10T10:00:00-05:00' }, LATER);
    expect(obj(v, 'response')).toMatchObject({ due: '2026-03-10T10:00:00-05:00', status: 'breached' });
    // Answered at the opening instant: met; one millisecond later: breached.
    expect(obj(judge(E, { severity: 'p1', opened: '2026-03-10T10:00:00-05:00', responded: '2026-03-10T10:00:00-05:00' }, LATER), 'response')).toMatchObject({ status: 'met', elapsedMinutes: 0 });
    expect(obj(judge(E, { severity: 'p1', opened: '2026-03-10T10:00:00-05:00', responded: '2026-03-10T10:00:00.001-05:00' }, LATER), 'response').status).toBe('breached');
    // Opened at night (19:00), the clock starts at the next business instant: Wednesday 08:00.
    expect(obj(judge(E, { severity: 'p1', opened: '2026-03-10T19:00:00-05:00' }, LATER), 'response').due).toBe('2026-03-11T08:00:00-05:00');
  });

  it('an incident opened exactly at as-of is open: pending with its whole target left, and counted in its month', async () => {
    const asOf = '2026-03-10T10:00:00-05:00';
    const v = judge(E, { severity: 'p2', opened: asOf }, asOf);
    // 30 wall minutes from 10:00: due 10:30, nothing counted yet.
    expect(obj(v, 'response')).toMatchObject({ status: 'pending', due: '2026-03-10T10:30:00-05:00', elapsedMinutes: 0, remainingMinutes: 30 });
    const inc = (id: string, opened: string) => ({ type: 'incident', id, severity: 'p2', cause: 'provider', opened });
    const first = inc('I1', '2026-03-02T10:00:00-05:00');
    const at = await session(E, [first, inc('I2', asOf)], asOf);
    expect(at.incidents[1].note).toBeUndefined();
    // The limit is 1 incident a month: the second, opened at as-of, breaches it.
    expect(periodOf(at, '2026-03').reliability).toMatchObject({ count: 2, status: 'breached' });
    // One millisecond after as-of it has not happened yet: listed with a note, not counted.
    const after = await session(E, [first, inc('I2', '2026-03-10T10:00:00.001-05:00')], asOf);
    expect(after.incidents[1].note).toContain('opened after as-of');
    expect(obj(after.incidents[1], 'response')).toMatchObject({ status: 'pending', elapsedMinutes: 0 });
    expect(periodOf(after, '2026-03').reliability).toMatchObject({ count: 1, status: 'pending' });
  });

  describe('credits (June 2026: 43200 min = 6171 slots of 7 minutes + one of 3)', () => {
    const AFTER = '2026-07-01T00:00:00-05:00';
    const june = async (...pairs: [string, string][]) =>
      periodOf(await session(E, pairs.map(([a, b]) => outage(`2026-06-${a}-05:00`, `2026-06-${b}-05:00`)), AFTER), '2026-06');

    it('`above 98%` at exactly 98% is not in that band: the `at most 98%` one pays', async () => {
      // 2% of 43200 min = 864 min = 123 slots of 7 (861 min) + 3 min: from June 1 00:00 to 14:24
      // the slots 0..123 are marked, the last of them (14:21-14:28) whole: 124 x 7 = 868 min.
      // So take the outage to 14:21 (123 slots = 861 min) and add the 3-minute last slot of the
      // month (30th 23:57-24:00): 864 min exactly, availability exactly 98%.
      const p = await june(['01T00:00:00', '01T14:21:00'], ['30T23:58:00', '30T23:59:00']);
      expect(p.availability).toMatchObject({ downtimeMinutes: 864, exact: '98', status: 'breached' });
      expect(p.credit).toMatchObject({ percent: 10, rule: 'at most 98%: 10%' });
      // One slot less (857 min: 98.0162...%) is above 98%: 5%.
      const q = await june(['01T00:00:00', '01T14:14:00'], ['30T23:58:00', '30T23:59:00']);
      expect(q.availability?.downtimeMinutes).toBe(857);
      expect(q.credit).toMatchObject({ percent: 5, rule: 'above 98% and below 99%: 5%' });
    });

    it('the last slot of the month is only as long as what is left of the month', async () => {
      // 30th 23:58-23:59 lies in the last slot, 23:57-24:00: 3 minutes, not 7.
      expect((await june(['30T23:58:00', '30T23:59:00'])).availability?.downtimeMinutes).toBe(3);
      // The slot before it (23:50-23:57) is whole: 7 + 3.
      expect((await june(['30T23:56:00', '30T23:58:00'])).availability?.downtimeMinutes).toBe(10);
      // The first slot of the month is whole.
      expect((await june(['01T00:00:00', '01T00:01:00'])).availability?.downtimeMinutes).toBe(7);
    });
  });
});

describe('periods: the credit rule as the report states it, and months at their edges', () => {
  const AFTER = '2026-07-01T00:00:00-05:00';
  // June 2026 in Bogota: 43200 minutes; against a 99% target one percentage point is 432 minutes.
  const juneDown = async (c: CompiledContract, minutes: number, asOf = AFTER) => {
    const start = at('2026-06-10T00:00:00-05:00');
    return periodOf(await session(c, [{ type: 'outage', id: 'O', cause: 'provider', start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() }], asOf), '2026-06');
  };

  it('started steps: the shortfall, singular for one point, and the cap when it bites', async () => {
    const c = load(roundingContract('5% for each started 1% below target', 'at most 10%'), 'started.sla');
    // 864 min down = 2 points: 98%, a shortfall of 1 point, 1 started step = 5%.
    expect((await juneDown(c, 864)).credit).toMatchObject({ percent: 5, rule: '5% for each started 1% below target: shortfall of 1 percentage point' });
    // 1512 min = 3.5 points: 96.5%, shortfall 2.5, 3 started steps = 15%, capped at 10%.
    expect((await juneDown(c, 1512)).credit).toMatchObject({ percent: 10, rule: '5% for each started 1% below target: shortfall of 2.5 percentage points; capped at 10%' });
    // Exactly at the cap (2 steps = 10%): not "capped".
    expect((await juneDown(c, 1296)).credit).toMatchObject({ percent: 10, rule: '5% for each started 1% below target: shortfall of 2 percentage points' });
  });

  it('full steps and pro rata name their rounding', async () => {
    const full = load(roundingContract('10% for each full 1% below target'), 'full.sla');
    // 1512 min: shortfall 2.5 -> 2 full steps = 20%.
    expect((await juneDown(full, 1512)).credit).toMatchObject({ percent: 20, rule: '10% for each full 1% below target: shortfall of 2.5 percentage points' });
    const pro = load(roundingContract('5% for each 1% below target, pro rata'), 'pro.sla');
    // 648 min = 1.5 points: shortfall 0.5 -> 2.5%.
    expect((await juneDown(pro, 648)).credit).toMatchObject({ percent: 2.5, rule: '5% for each 1% below target, pro rata: shortfall of 0.5 percentage points' });
  });

  it('a met month owes 0 ("target met"); a month not over owes what is not yet known', async () => {
    const c = load(roundingContract('5% for each started 1% below target', 'at most 10%'), 'started.sla');
    expect((await juneDown(c, 60)).credit).toMatchObject({ percent: 0, rule: 'target met' });
    const mid = await juneDown(c, 60, '2026-06-20T00:00:00-05:00');
    expect(mid.final).toBe(false);
    expect(mid.availability?.status).toBe('pending');
    expect(mid.credit).toMatchObject({ percent: null, rule: 'month not over' });
  });

  it('a breached month that no band covers owes nothing, and says so', async () => {
    const text = roundingContract('| monthly availability | credit |').replace('credits\n  | monthly availability | credit |\n', 'credits\n  | monthly availability | credit |\n  | at least 98% and below 99% | 5% |\n');
    const c = load(text, 'gap.sla');
    // 1512 min: 96.5%, below every band.
    expect((await juneDown(c, 1512)).credit).toMatchObject({ percent: 0, rule: 'no credit band covers this availability' });
    expect((await juneDown(c, 648)).credit).toMatchObject({ percent: 5, rule: 'at least 98% and below 99%: 5%' });
  });

  it('an outage over three months lists the month between, wholly down', async () => {
    const c = load(roundingContract('5% for each started 1% below target', 'at most 10%'), 'started.sla');
    const r = await session(c, [outage('2026-03-31T12:00:00-05:00', '2026-05-01T12:00:00-05:00')], AFTER);
    expect(r.periods.map((p) => p.period)).toEqual(['2026-03', '2026-04', '2026-05']);
    // April: 30 days = 43200 min, all of them down: 0%.
    expect(periodOf(r, '2026-04').availability).toMatchObject({ downtimeMinutes: 43200, exact: '0', status: 'breached' });
    expect(periodOf(r, '2026-03').availability?.downtimeMinutes).toBe(12 * 60);
    expect(periodOf(r, '2026-05').availability?.downtimeMinutes).toBe(12 * 60);
  });

  it('downtime after as-of has not happened: counted until as-of; an outage starting after it adds no month', async () => {
    const c = load(roundingContract('5% for each started 1% below target', 'at most 10%'), 'started.sla');
    const asOf = '2026-06-11T00:00:00-05:00';
    const r = await session(c, [outage('2026-06-10T00:00:00-05:00', '2026-06-12T00:00:00-05:00'), outage('2026-07-02T00:00:00-05:00', '2026-07-03T00:00:00-05:00')], asOf);
    expect(r.periods.map((p) => p.period)).toEqual(['2026-06']);
    expect(periodOf(r, '2026-06').availability?.downtimeMinutes).toBe(1440);
  });

  it('a month asked for with --period that no record falls in is listed with nothing to judge', async () => {
    const c = load(roundingContract('5% for each started 1% below target', 'at most 10%'), 'started.sla');
    const r = await session(c, [outage('2026-06-10T00:00:00-05:00', '2026-06-10T01:00:00-05:00')], AFTER, '2026-05');
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0]).toMatchObject({ period: '2026-05', final: true });
    expect(r.periods[0].availability).toMatchObject({ status: 'not-applicable', percent: null, exact: null, reason: 'no record falls in 2026-05: nothing to judge', downtimeMinutes: 0, periodMinutes: 31 * 1440 });
  });

  it('maintenance under a contract without a maintenance clause is downtime, and says why', () => {
    const c = load(roundingContract('5% for each started 1% below target', 'at most 10%'), 'started.sla');
    const j = judgeMaintenance(c, record<MaintenanceRecord>(c, { type: 'maintenance', id: 'M', start: '2026-06-10T00:00:00-05:00', end: '2026-06-10T01:00:00-05:00' }));
    expect(j).toEqual({ id: 'M', counted: [[at('2026-06-10T00:00:00-05:00'), at('2026-06-10T01:00:00-05:00')]], reason: 'the contract has no maintenance clause: counted as downtime' });
  });
});

describe('periods: which months a log touches, and bands in any order', () => {
  const AFTER = '2027-08-01T00:00:00-05:00';
  const C = load(roundingContract('5% for each started 1% below target', 'at most 10%'), 'started.sla');
  const months = async (records: object[], asOf = AFTER, period?: string) => (await session(C, records, asOf, period)).periods.map((p) => p.period);

  it('an outage ending exactly at midnight of the 1st touches only the month before; one over a year touches every month', async () => {
    expect(await months([outage('2026-06-30T23:00:00-05:00', '2026-07-01T00:00:00-05:00')])).toEqual(['2026-06']);
    // From June 2026 to June 2027: 13 months, across December.
    const year = await session(C, [outage('2026-06-30T00:00:00-05:00', '2027-06-01T00:00:00-05:00')], AFTER);
    expect(year.periods.map((p) => p.period)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05']);
    // Exact time is the measurement named.
    expect(periodOf(year, '2026-12').availability).toMatchObject({ downtimeMinutes: 31 * 1440, measurement: 'exact time', exact: '0' });
  });

  it('records after as-of add no month; an outage starting exactly at as-of does, with nothing down yet', async () => {
    const asOf = '2026-06-15T00:00:00-05:00';
    const inc = { type: 'incident', id: 'I', severity: 'p1', cause: 'provider', opened: '2026-08-01T10:00:00-05:00' };
    expect(await months([outage('2026-06-10T00:00:00-05:00', '2026-06-10T01:00:00-05:00'), inc], asOf)).toEqual(['2026-06']);
    const r = await session(C, [outage('2026-05-10T00:00:00-05:00', '2026-05-10T01:00:00-05:00'), outage('2026-06-15T00:00:00-05:00', '2026-06-15T01:00:00-05:00')], asOf);
    expect(r.periods.map((p) => p.period)).toEqual(['2026-05', '2026-06']);
    expect(periodOf(r, '2026-06').availability?.downtimeMinutes).toBe(0);
  });

  it('--period keeps its month only; no records at all give no month', async () => {
    expect(await months([outage('2026-05-10T00:00:00-05:00', '2026-05-10T01:00:00-05:00'), outage('2026-06-10T00:00:00-05:00', '2026-06-10T01:00:00-05:00')], AFTER, '2026-06')).toEqual(['2026-06']);
    expect(await months([])).toEqual([]);
  });

  it('bands are chosen by both bounds, whatever their order in the table', async () => {
    // Lowest band first: 98.5% must not fall into `below 98%` for want of an upper-bound test.
    const text = roundingContract('| monthly availability | credit |').replace(
      'credits\n  | monthly availability | credit |\n',
      'credits\n  | monthly availability | credit |\n  | below 98% | 10% |\n  | at least 98% and at most 98.5% | 5% |\n  | above 98.5% | 2% |\n',
    );
    const c = load(text, 'order.sla');
    const june = async (minutes: number) => {
      const start = at('2026-06-10T00:00:00-05:00');
      return periodOf(await session(c, [{ type: 'outage', id: 'O', cause: 'provider', start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString() }], '2026-07-01T00:00:00-05:00'), '2026-06').credit;
    };
    // 648 min = 1.5 points of 432: exactly 98.5%, inside `at most 98.5%`.
    expect(await june(648)).toMatchObject({ percent: 5, rule: 'at least 98% and at most 98.5%: 5%' });
    // 600 min: 98.6111...%, above 98.5% (a band with no upper bound, though the target is 99%).
    expect(await june(600)).toMatchObject({ percent: 2, rule: 'above 98.5%: 2%' });
    // 1000 min: 97.68...%, below 98%.
    expect(await june(1000)).toMatchObject({ percent: 10, rule: 'below 98%: 10%' });
  });

  it('a credits clause with neither table nor formula owes 0 with no rule; a formula without rounding counts started steps', async () => {
    const start = at('2026-06-10T00:00:00-05:00');
    const june = async (c: CompiledContract) =>
      periodOf(await session(c, [{ type: 'outage', id: 'O', cause: 'provider', start: new Date(start).toISOString(), end: new Date(start + 1512 * 60_000).toISOString() }], '2026-07-01T00:00:00-05:00'), '2026-06').credit;
    expect(await june(load(roundingContract('at most 10%'), 'cap-only.sla'))).toMatchObject({ percent: 0, rule: null });
    // 1512 min: shortfall 2.5 points, 3 started steps of 5%.
    expect(await june(load(roundingContract('5% for each 1% below target'), 'no-rounding.sla'))).toMatchObject({ percent: 15, rule: '5% for each started 1% below target: shortfall of 2.5 percentage points' });
  });
});

describe('periods of a contract with a reliability clause and no availability', () => {
  const text = EDGES.slice(0, EDGES.indexOf('availability\n'));
  const R = load(text, 'reliability.sla');
  const inc = (id: string, opened: string) => ({ type: 'incident', id, severity: 'p2', cause: 'provider', opened });

  it('a month is judged on its incidents alone', async () => {
    const r = await session(R, [inc('A', '2026-03-02T10:00:00-05:00')], '2026-04-01T00:00:00-05:00');
    expect(periodOf(r, '2026-03')).toEqual({ period: '2026-03', periodKind: 'calendar-month', start: '2026-03-01T00:00:00-05:00', end: '2026-04-01T00:00:00-05:00', version: '1', final: true, reliability: { count: 1, limit: 1, status: 'met', clause: `reliability.sla:${lineOf(text, 'reliability at most')}` } });
  });

  it('a month before the first version has nothing to judge, and counts its incidents all the same', async () => {
    const r = await session(R, [inc('A', '2025-12-15T10:00:00-05:00')], '2026-04-01T00:00:00-05:00');
    expect(periodOf(r, '2025-12')).toEqual({
      period: '2025-12',
      periodKind: 'calendar-month',
      start: '2025-12-01T00:00:00-05:00',
      end: '2026-01-01T00:00:00-05:00',
      version: '1',
      final: true,
      reliability: {
        count: 1,
        limit: 1,
        status: 'not-applicable',
        reason: 'no version of the contract is in force in 2025-12 (the first, version 1, takes effect on 2026-01-01): nothing to judge',
        clause: `reliability.sla:${lineOf(text, 'reliability at most')}`,
      },
    });
  });
});

describe('maintenance judged by the clause', () => {
  const base = roundingContract('5% for each started 1% below target', 'at most 10%');
  const mw = { type: 'maintenance', id: 'M', start: '2026-06-10T00:00:00-05:00', end: '2026-06-10T02:00:00-05:00' };
  const whole = [[at(mw.start), at(mw.end)]];

  it('`counted as downtime`: all of it, with the clause', () => {
    const c = load(`${base}\nmaintenance\n  counted as downtime\n`, 'counted.sla');
    expect(judgeMaintenance(c, record<MaintenanceRecord>(c, mw))).toEqual({ id: 'M', counted: whole, reason: `maintenance counts as downtime, counted.sla:${lineOf(`${base}\nmaintenance\n`, 'maintenance')}` });
  });

  it('no notice asked and no windows: conforming maintenance is not counted', () => {
    const c = load(`${base}\nmaintenance\n  not counted as downtime\n`, 'free.sla');
    expect(judgeMaintenance(c, record<MaintenanceRecord>(c, mw))).toEqual({ id: 'M', counted: [], reason: 'conforming maintenance is not counted' });
  });
});
