// The downtime checks (SLA3603 slots, SLA3702 and SLA3704 minimum periods and error-rate windows,
// SLA3014 unreachable bands) weigh a target against the downtime it allows in the shortest period
// of its own kind: a quarter or a year allows three or twelve times what a month does, and a
// fiscal quarter from February (89 days) is shorter than any calendar quarter (90 days or more).

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';

function findings(body: string[], head: string[] = []) {
  const text = `${['contract "Periods"', 'version 1', 'effective 2026-01-01', 'time zone UTC', ...head, 'causes', '  counted provider', ...body].join('\n')}\n`;
  const c = compile(text, 'periods.sla');
  const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
  return c.diagnostics.map((d) => ({ code: d.code, at: at(d.span), message: d.message, related: d.related.map((r) => at(r.span)) }));
}

const availability = (...lines: string[]): string[] => ['availability', ...lines.map((l) => `  ${l}`)];

describe('slots against the allowance of the target period (SLA3603)', () => {
  it('a slot within a quarter\'s allowance but past a month\'s is fine for a quarterly target', () => {
    // 99.5% of a 90-day quarter allows 648 minutes; of a 28-day month, 201.6.
    expect(findings(availability('target 99.5% per calendar quarter', 'measured in slots of 300 minutes'))).toEqual([]);
    expect(findings(availability('target 99.5% per calendar month', 'measured in slots of 300 minutes')).map((f) => f.code)).toEqual(['SLA3603']);
  });

  it('a slot past the shortest quarter\'s allowance is reported with that quarter', () => {
    expect(findings(availability('target 99.5% per calendar quarter', 'measured in slots of 650 minutes'))).toEqual([
      {
        code: 'SLA3603',
        at: '650 minutes',
        message: 'a slot of 650 minutes is more than the 648 minutes of downtime that 99.5% allows in a 90-day quarter: one marked slot, even for a second of downtime, breaches the target',
        related: ['99.5%'],
      },
    ]);
  });

  it('a fiscal quarter from February is 89 days', () => {
    const found = findings(availability('target 99.5% per fiscal quarter', 'measured in slots of 645 minutes'), ['fiscal year starts february']);
    expect(found.map((f) => [f.code, f.message])).toEqual([
      ['SLA3603', 'a slot of 645 minutes is more than the 640.8 minutes of downtime that 99.5% allows in an 89-day fiscal quarter: one marked slot, even for a second of downtime, breaches the target'],
    ]);
    // From January the fiscal quarters are the calendar ones: 90 days at the shortest, 648 minutes.
    expect(findings(availability('target 99.5% per fiscal quarter', 'measured in slots of 645 minutes'), ['fiscal year starts january'])).toEqual([]);
  });

  it('every target line of a block is weighed with its own period', () => {
    // The year allows 525.6 minutes at 99.9%; the month line, 201.6 at 99.5%: the month line is the one reported.
    const found = findings(availability('target 99.9% per calendar year', 'target 99.5% per calendar month', 'measured in slots of 300 minutes'));
    expect(found.map((f) => [f.code, f.related[0], f.message.split(':')[0]])).toEqual([
      ['SLA3603', '99.5%', 'a slot of 300 minutes is more than the 201.6 minutes of downtime that 99.5% allows in a 28-day month'],
    ]);
    expect(found[0].related).toHaveLength(1);
  });

  it('a slot as long as a year', () => {
    const found = findings(availability('target 99.9% per calendar year', 'measured in slots of 525600 minutes'));
    expect(found.map((f) => [f.code, f.message])).toEqual([['SLA3603', 'a slot of 525600 minutes is as long as a year: any downtime marks the whole year, 0% availability']]);
  });
});

describe('minimum downtime periods and error-rate windows against the target period (SLA3702, SLA3704)', () => {
  it('a minimum of an hour is within a year\'s allowance at 99.9% (525.6 minutes), not a month\'s (40.32)', () => {
    expect(findings(availability('target 99.9% per calendar year', 'minimum downtime period 60 minutes'))).toEqual([]);
    expect(findings(availability('target 99.9% per calendar month', 'minimum downtime period 60 minutes')).map((f) => f.code)).toEqual(['SLA3702']);
  });

  it('a minimum past an 89-day fiscal quarter\'s allowance', () => {
    // 89 days x 1440 x 0.1% = 128.16 minutes.
    expect(findings(availability('target 99.9% per fiscal quarter', 'minimum downtime period 130 minutes'), ['fiscal year starts february'])).toEqual([
      {
        code: 'SLA3702',
        at: 'minimum downtime period 130 minutes',
        message:
          'a minimum downtime period of 130 minutes is longer than the 128.16 minutes of downtime that 99.9% allows in an 89-day fiscal quarter: outages longer than the allowance never count, and the first that counts breaches the quarter',
        related: ['99.9%'],
      },
    ]);
    expect(findings(availability('target 99.9% per fiscal quarter', 'minimum downtime period 128 minutes'), ['fiscal year starts february'])).toEqual([]);
  });

  it('a minimum as long as the shortest quarter', () => {
    const found = findings(availability('target 99% per calendar quarter', 'minimum downtime period 129600 minutes'));
    expect(found.map((f) => [f.code, f.message])).toEqual([['SLA3704', 'a minimum downtime period of 129600 minutes is as long as a 90-day quarter: no outage inside a quarter ever counts']]);
  });

  it('an error-rate window past a quarter\'s allowance, and one within it', () => {
    const rate = (minutes: number) => `downtime when more than 5% of requests fail in ${minutes} minutes`;
    // 99.99% of a 90-day quarter allows 12.96 minutes.
    expect(findings(availability('target 99.99% per calendar quarter', rate(10)))).toEqual([]);
    const found = findings(availability('target 99.99% per calendar quarter', rate(15)));
    expect(found.map((f) => [f.code, f.message])).toEqual([
      ['SLA3704', 'an error-rate window of 15 minutes is more than the 12.96 minutes of downtime that 99.99% allows in a 90-day quarter: one window above the threshold breaches the quarter'],
    ]);
  });
});

describe('unreachable bands with slots over the period credits are judged on (SLA3014)', () => {
  it('a band that a month cannot reach but a quarter can is fine for a quarterly target', () => {
    // Slots of a day: a 30-day month moves in steps of 3.33...%, a 90-day quarter in steps of 1.11...%.
    const credits = ['credits', '  | quarterly availability | credit |', '  | at least 98% and below 99% | 5% |', '  | below 98% | 10% |'];
    const codes = (period: string) => findings([...availability(`target 99% per ${period}`, 'measured in slots of 1440 minutes'), ...credits]).map((f) => f.code);
    expect(codes('calendar month')).toContain('SLA3014');
    expect(codes('calendar quarter')).not.toContain('SLA3014');
  });
});
