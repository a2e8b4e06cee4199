// GitHub Premium Support (contracts/github-premium-support/) against its example tickets
// (contracts/examples/github-2026.ndjson): the response clock that starts when the priority is
// set, the follow-the-sun English week in both hemispheres' summers, a customer in another region
// (Japanese support, 9:00-17:00 JST), US holidays, and a pause that does not stop the clock.
// Every expected due time is computed by hand in the comment beside it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileContract } from '../../runtime/contract';
import { evaluateIncident, type ObjectiveVerdict } from '../../runtime/evaluate';
import { type IncidentRecord, isRejected, parseTimestamp, validateRecord } from '../../runtime/records';
import { compileFile, ROOT } from '../helpers/ir';

const compiled = compileFile('contracts/github-premium-support/v2021-11.sla');
const contract = compileContract(compiled.contract);
const records = new Map(
  readFileSync(`${ROOT}contracts/examples/github-2026.ndjson`, 'utf8')
    .trim()
    .split('\n')
    .map((line, i) => {
      const r = validateRecord(JSON.parse(line), i + 1, compiled.contract);
      if (isRejected(r)) throw new Error(r.message);
      return [(r as IncidentRecord).id, r as IncidentRecord] as const;
    }),
);
const AS_OF = parseTimestamp('2026-07-20T00:00:00-07:00');

function response(id: string, asOf = AS_OF): ObjectiveVerdict {
  return evaluateIncident(contract, records.get(id)!, asOf).objectives.find((o) => o.objective === 'response')!;
}

describe('GitHub Premium Support', () => {
  it('checks clean: no error, no warning', () => {
    expect(compiled.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(compiled.contract.regions?.map((r) => [r.id, r.calendar])).toEqual([
      ['english', 'english-support'],
      ['japanese', 'japanese-support'],
    ]);
  });

  it('starts the response clock when the priority is set', () => {
    // Urgent, 30 minutes on the wall clock from prioritized 10:20: due 10:50, answered 10:45. From
    // opened (10:00) it would have been breached.
    expect(response('GH-1')).toMatchObject({ due: '2026-03-02T10:50:00-08:00', status: 'met', elapsedMinutes: 25 });
    expect(response('GH-1').trace).toMatchObject({ started: '2026-03-02T10:20:00-08:00', pausedByCalendarMinutes: 20, pausedByReasonMinutes: 0 });
  });

  it('never pauses the response clock, even while waiting on the customer over a weekend', () => {
    // High, 4 hours from prioritized Fri 22:00: due Sat 02:00, answered 02:30.
    expect(response('GH-2')).toMatchObject({ due: '2026-03-07T02:00:00-08:00', status: 'breached' });
  });

  it('the English 24 x 5 week in the southern summer: Sydney on AEDT, Los Angeles on PST', () => {
    // Normal, 24 hours of the English week from Fri 2026-01-09 16:00 PST: Fri 16-17 (1 h). The
    // week opens Mon 2026-01-12 09:00 AEDT (UTC+11) = Sun 2026-01-11 22:00Z = Sun 14:00 PST; 23 h
    // more: Mon 13:00 PST. Answered Mon 12:00: met.
    expect(response('GH-3')).toMatchObject({ due: '2026-01-12T13:00:00-08:00', status: 'met' });
  });

  it('the English 24 x 5 week in the northern summer: Sydney on AEST, Los Angeles on PDT', () => {
    // From Fri 2026-07-10 16:00 PDT: Fri 16-17 (1 h). Opens Mon 2026-07-13 09:00 AEST (UTC+10) =
    // Sun 23:00Z = Sun 16:00 PDT; 23 h more: Mon 15:00 PDT, two hours later in the local week
    // than in January. Answered Mon 15:30: breached.
    expect(response('GH-4')).toMatchObject({ due: '2026-07-13T15:00:00-07:00', status: 'breached' });
  });

  it('a customer in another region counts on the Japanese calendar', () => {
    // Same ticket, Japanese support: from Fri 2026-03-13 16:00 JST, 9:00-17:00 JST: Fri 1 h, Mon
    // 16 and Tue 17 (8 h each: 17), Wed 2026-03-18 09:00 + 7 h = 16:00 JST = 00:00 PDT. Answered
    // Wed 15:00 JST: met.
    expect(response('GH-5')).toMatchObject({ due: '2026-03-18T00:00:00-07:00', status: 'met' });
    expect(response('GH-5').trace).toMatchObject({ calendar: 'japanese-support', region: 'japanese' });
    // In English: from Fri 00:00 PDT, 17 h to Friday 17:00 PDT; the week opens Mon 2026-03-16
    // 09:00 AEDT = Sun 22:00Z = Sun 15:00 PDT; 7 h more: Sun 22:00 PDT. Breached.
    expect(response('GH-6')).toMatchObject({ due: '2026-03-15T22:00:00-07:00', status: 'breached' });
  });

  it('skips US holidays: Martin Luther King, Jr. Day', () => {
    // Low, from Fri 2026-01-16 16:00 PST: Fri 1 h; the week opens Sun 2026-01-18 14:00 PST, 10 h
    // to midnight (11); Mon 2026-01-19 is a holiday; Tue from 00:00, 13 h: 13:00 PST.
    expect(response('GH-7', parseTimestamp('2026-01-19T12:00:00-08:00'))).toMatchObject({ due: '2026-01-20T13:00:00-08:00', status: 'pending', remainingMinutes: 13 * 60 });
  });

  it('judges each product by its own priorities: Actions Runner Controller has no Normal target', () => {
    // ARC, Normal: directed to the open source repository, no target.
    const arc = response('GH-9');
    expect(arc.status).toBe('not-applicable');
    expect(arc.reason).toMatch(/^service arc: plan premium, severity normal: none, /);
    // ARC, Urgent: not in ARC's table, so the table for every ticket: 30 minutes from 09:05, due
    // 09:35; answered 09:40, late.
    expect(response('GH-10')).toMatchObject({ due: '2026-04-07T09:35:00-07:00', status: 'breached' });
    expect(response('GH-10').trace?.table?.scope).toBeNull();
    // Advanced Security, High: 4 hours from 09:00, due 13:00; answered 12:00.
    expect(response('GH-11')).toMatchObject({ due: '2026-04-08T13:00:00-07:00', status: 'met' });
  });

  it('excludes requests outside the scope of support', () => {
    expect(response('GH-8').status).toBe('excluded');
  });
});
