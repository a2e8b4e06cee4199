// Lowering the clauses of support SLAs as a contract author meets it: what each `clocks`,
// `update`, `regions`, calendar zone and holiday-type line becomes, and the error (code, the text
// under its range, the message) when one cannot mean anything.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { told } from '../helpers/findings';

function lowered(...body: string[]) {
  const text = [
    'contract "Support"',
    'version 1',
    'effective 2026-01-01',
    'time zone America/Toronto',
    '',
    'calendar business "Business"',
    '  monday to friday 09:00 to 17:00',
    '',
    'severities',
    '  urgent "Urgent" alias critical',
    '  normal "Normal"',
    '',
    'response 4 hours for every incident',
    'resolution 5 business days for every incident',
    '',
    ...body,
    '',
    'causes',
    '  counted provider',
    '',
  ].join('\n');
  const c = compile(text, 'support.sla');
  return {
    contract: c.contract,
    errors: c.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ code: d.code, at: text.slice(d.span.start, d.span.end), message: d.message, related: d.related.map((r) => `${text.slice(r.span.start, r.span.end)}: ${r.message}`) })),
  };
}

const reasons = ['pause reasons', '  waiting-on-customer "Waiting on the customer"', '  waiting-on-vendor "Waiting on a vendor"', ''];

describe('clocks', () => {
  it('each objective: where it starts, what pauses it, on business time only, and how a reopened ticket counts', () => {
    const { contract, errors } = lowered(
      ...reasons,
      'clocks',
      '  response   starts at Acknowledged, never pauses',
      '  resolution pauses while waiting-on-customer or Waiting-On-Vendor, reopened starts a new cycle',
      '  update     starts at responded, pauses on business time only',
    );
    expect(errors).toEqual([]);
    expect(contract.clocks!.map(({ span: _span, ...r }) => r)).toEqual([
      { objective: 'response', startsAt: 'acknowledged', pausesWhile: [], businessOnly: false, reopened: 'continue' },
      { objective: 'resolution', startsAt: 'opened', pausesWhile: ['waiting-on-customer', 'waiting-on-vendor'], businessOnly: false, reopened: 'new-cycle' },
      { objective: 'update', startsAt: 'responded', pausesWhile: [], businessOnly: true, reopened: 'continue' },
    ]);
  });

  it('an event that is no clock event, a word other than business, a clock given twice', () => {
    const { contract, errors } = lowered(
      ...reasons,
      'clocks',
      '  response   starts at escalated',
      '  resolution pauses on office time only',
      '  response   never pauses',
    );
    expect(errors).toEqual([
      { code: 'SLA2050', at: 'escalated', message: 'a clock cannot start at "escalated": the events are opened, prioritized, acknowledged, responded, restored, resolved', related: [] },
      { code: 'SLA2050', at: 'office', message: 'write "pauses on business time only", not "office time"', related: [] },
      { code: 'SLA2003', at: 'response   never pauses', message: 'the response clock is given twice', related: ['response   starts at escalated: first given here'] },
    ]);
    expect(contract.clocks!.map((r) => [r.objective, r.startsAt, r.businessOnly])).toEqual([
      ['response', 'opened', false],
      ['resolution', 'opened', false],
    ]);
  });

  it('a reason not declared is named with the declared ones; without a `pause reasons` block it is kept for SLA3801', () => {
    const declared = lowered(...reasons, 'clocks', '  resolution pauses while waiting-on-customr');
    expect(declared.errors.map((e) => [e.code, e.at])).toEqual([['SLA2001', 'waiting-on-customr']]);
    expect(declared.errors[0].message).toContain('waiting-on-customr');
    expect(declared.contract.clocks![0].pausesWhile).toEqual([]);
    const none = lowered('clocks', '  resolution pauses while waiting-on-customer');
    expect(none.errors.map((e) => [e.code, e.message])).toEqual([['SLA3801', 'the resolution clock pauses while waiting-on-customer, but the contract declares no pause reasons']]);
    expect(none.contract.clocks![0].pausesWhile).toEqual(['waiting-on-customer']);
  });

  it('never pauses and pauses while: a contradiction, and the clock never pauses', () => {
    const { contract, errors } = lowered(...reasons, 'clocks', '  resolution never pauses, pauses while waiting-on-customer or waiting-on-vendor');
    expect(errors).toEqual([
      {
        code: 'SLA2012',
        at: 'never pauses',
        message: 'the resolution clock never pauses and pauses while waiting-on-customer or waiting-on-vendor',
        related: ['pauses while waiting-on-customer or waiting-on-vendor: pauses here'],
      },
    ]);
    expect(contract.clocks![0].pausesWhile).toEqual([]);
  });
});

describe('update every', () => {
  it('until restored or resolved, for every incident or for severities by id or alias', () => {
    const { contract, errors } = lowered('update every 8 hours until Restored', 'update every 2 business days until resolved for severity urgent, critical, normal');
    expect(errors).toEqual([]);
    expect(contract.updates!.map((u) => [u.every?.ms, u.every?.calendar, u.until, u.severities])).toEqual([
      [8 * 3_600_000, null, 'restored', null],
      [2 * 8 * 3_600_000, 'business', 'resolved', ['urgent', 'urgent', 'normal']],
    ]);
  });

  it('another end, another scope, or an undeclared severity', () => {
    const { contract, errors } = lowered(
      'update every 8 hours until responded',
      'update every 8 hours until restored for plan gold',
      'update every 8 hours until restored for severity urgnt',
    );
    expect(errors.map((e) => [e.code, e.at, e.message])).toEqual([
      ['SLA2050', 'responded', 'updates run until restored or until resolved, not until "responded"'],
      ['SLA2050', 'plan', 'an update is scoped by severity (for severity urgent, high), not by "plan"'],
      ['SLA2001', 'urgnt', expect.stringContaining('urgnt')],
    ]);
    expect(contract.updates!.map((u) => u.severities)).toEqual([[]]);
  });
});

describe('calendar zones, holiday types and regions', () => {
  it('a calendar in its own zone, and a range whose ends lie in other zones', () => {
    const { contract, errors } = lowered('calendar follow in Asia/Tokyo "Follow"', '  monday 09:00 in Australia/Sydney to friday 17:00 in America/Los_Angeles');
    expect(errors).toEqual([]);
    const cal = contract.calendars.find((k) => k.id === 'follow')!;
    expect(cal.zone).toBe('Asia/Tokyo');
    expect(cal.spans!.map(({ span: _s, ...w }) => w)).toEqual([{ fromDay: 1, from: 540, fromZone: 'Australia/Sydney', toDay: 5, to: 1020, toZone: 'America/Los_Angeles' }]);
  });

  it('a zone IANA does not know, on the calendar or an end of a range', () => {
    const { errors } = lowered('calendar follow in Mars/Olympus "Follow"', '  monday 09:00 in Asia/Tokio to friday 17:00');
    expect(errors.map((e) => [e.code, e.at, e.message])).toEqual([
      ['SLA2005', 'Mars/Olympus', '"Mars/Olympus" is not a known IANA time zone'],
      ['SLA2005', 'Asia/Tokio', '"Asia/Tokio" is not a known IANA time zone'],
    ]);
  });

  it('holiday types of date-holidays, each once, in any case; another word is an error naming the types', () => {
    const ok = lowered('calendar se "Sweden"', '  monday to friday 09:00 to 17:00', '  holidays of SE: Public, bank, public');
    expect(ok.contract.calendars.find((k) => k.id === 'se')!.holidayTypes).toEqual(['public', 'bank']);
    const bad = lowered('calendar se "Sweden"', '  monday to friday 09:00 to 17:00', '  holidays of SE: public, religious');
    expect(bad.errors.map((e) => [e.code, e.at, e.message])).toEqual([['SLA2011', 'religious', '"religious" is not a holiday type of date-holidays']]);
  });

  it('a region names its calendar, declared before or after it; an undeclared one is an error and the region has none', () => {
    const { contract, errors } = lowered('regions', '  japan "Japan" calendar tokyo', '  emea "EMEA" calendar londn', '  other "Elsewhere"', '', 'calendar tokyo in Asia/Tokyo', '  monday to friday 09:00 to 17:00');
    expect(errors.map((e) => [e.code, e.at])).toEqual([['SLA2001', 'londn']]);
    expect(contract.regions!.map((r) => [r.id, r.title, r.calendar])).toEqual([
      ['japan', 'Japan', 'tokyo'],
      ['emea', 'EMEA', null],
      ['other', 'Elsewhere', null],
    ]);
  });
});

describe('what each error of a support clause says, and its hint', () => {
  const errors = (...body: string[]) => {
    const text = ['contract "Support"', 'version 1', 'effective 2026-01-01', 'time zone UTC', '', 'severities', '  urgent "Urgent"', '', ...body, '', 'causes', '  counted provider', ''].join('\n');
    return told(text, compile(text, 'support.sla').diagnostics.filter((d) => d.severity === 'error')).map((f) => [f.code, f.at, f.message, f.hint ?? null]);
  };

  it('a holiday type that date-holidays lacks names the types it has', () => {
    expect(errors('calendar se "Sweden"', '  monday to friday 09:00 to 17:00', '  holidays of SE: religious')).toEqual([
      ['SLA2011', 'religious', '"religious" is not a holiday type of date-holidays', 'the types are public, bank, optional, school, observance'],
    ]);
  });

  it('a region or a pause reason declared twice keeps the first; a calendar a region names must be declared', () => {
    const found = errors(
      'calendar tokyo in Asia/Tokyo',
      '  monday to friday 09:00 to 17:00',
      '',
      'regions',
      '  japan "Japan" calendar tokyo',
      '  japan "Again" calendar nowhere',
      '  emea "EMEA" calendar londn',
      '',
      'pause reasons',
      '  waiting "Waiting on the customer"',
      '  waiting "Again"',
      '  vendor',
      '',
      'clocks',
      '  resolution pauses while waitng, reopened continues the clock',
      '',
      'update every 8 hours until restored for severity urgnt',
    );
    expect(found).toEqual([
      ['SLA2002', 'japan "Again" calendar nowhere', 'region "japan" is declared twice', null],
      ['SLA2001', 'londn', 'calendar "londn" is not declared', 'declared calendars: tokyo'],
      ['SLA2002', 'waiting "Again"', 'pause reason "waiting" is declared twice', null],
      ['SLA2001', 'waitng', 'pause reason "waitng" is not declared', 'declared pause reasons: waiting, vendor'],
      ['SLA2001', 'urgnt', 'severity "urgnt" is not declared', 'declared severities: urgent'],
    ]);
  });

  it('what a region and a pause reason keep, and a reopened ticket that continues the clock', () => {
    const text = ['contract "Support"', 'version 1', 'effective 2026-01-01', 'time zone UTC', '', 'pause reasons', '  waiting "Waiting on the customer"', '  vendor', '', 'clocks', '  resolution pauses while waiting, reopened continues the clock', '', 'causes', '  counted provider', ''].join('\n');
    const c = compile(text, 'support.sla').contract;
    expect(c.pauseReasons!.map((r) => [r.id, r.description])).toEqual([
      ['waiting', 'Waiting on the customer'],
      ['vendor', null],
    ]);
    expect(c.clocks!.map((r) => r.reopened)).toEqual(['continue']);
  });
});
