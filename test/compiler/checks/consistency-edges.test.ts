// The target consistency checks (SLA3202 to SLA3207) in the words a user reads: where a finding
// names its plan and its table for some incidents, the related cells listed on a reversed ranking
// (six at most) and the ranking the hint proposes, a category's targets met by severity targets
// (and the other way), and the count of what is not listed. consistency.test.ts checks which cells
// are found against a brute-force oracle; this pins the messages.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';

/** The SLA32xx findings: `code line text: message`, then the hint and each related `line text: message`. */
function told(body: string[]): string[] {
  const text = `${['contract "Targets"', 'version 1', 'effective 2026-01-01', 'time zone UTC', 'causes', '  counted provider', ...body].join('\n')}\n`;
  const at = (s: { start: number; end: number }): string => `${text.slice(0, s.start).split('\n').length} ${text.slice(s.start, s.end)}`;
  return compile(text, 'targets.sla')
    .diagnostics.filter((d) => d.code.startsWith('SLA32'))
    .map((d) => [`${d.code} ${at(d.span)}: ${d.message}`, ...(d.hint === undefined ? [] : [`  hint: ${d.hint}`]), ...d.related.map((r) => `  ${at(r.span)}: ${r.message}`)].join('\n'));
}

const severities = (...ids: string[]): string[] => ['severities', ...ids.map((s) => `  ${s}`)];
const table = (objective: string, header: string, ...rows: string[]): string[] => [`${objective} targets`, `  | ${header} |`, ...rows.map((r) => `  | ${r} |`)];
const EIGHT = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];

describe('where a finding is', () => {
  it('a severity inversion in a table for some incidents names the plan and the table', () => {
    const body = [
      'environments',
      '  staging "Staging"',
      'plans basic < premium',
      ...severities('urgent', 'high'),
      ...table('response', 'plan    | urgent | high   ', 'basic   | 1 hour | 4 hours', 'premium | 1 hour | 4 hours'),
      'response targets for environment staging',
      '  | plan  | urgent  | high    |',
      '  | basic | 8 hours | 4 hours |',
    ];
    expect(told(body)).toEqual([
      'SLA3202 19 8 hours: urgent is more severe than high but its response target of 8 hours is due later than 4 hours (plan basic for environment staging)\n  19 4 hours: the response target of high',
    ]);
  });

  it('a cell that stands for every plan is told once, at the first plan', () => {
    const body = ['plans basic < premium', ...severities('urgent', 'high'), ...table('response', 'severity | target ', 'urgent | 4 hours', 'high | 1 hour')];
    expect(told(body)).toEqual(['SLA3202 13 4 hours: urgent is more severe than high but its response target of 4 hours is due later than 1 hour (plan basic)\n  14 1 hour: the response target of high']);
  });

  it('a table for some incidents is read cell by cell, falling through only where it has none', () => {
    const body = [
      'environments',
      '  staging "Staging"',
      ...severities('urgent', 'high'),
      ...table('response', 'severity | target ', 'urgent | 1 hour', 'high | 4 hours'),
      'response targets for environment staging',
      '  | severity | target  |',
      '  | urgent   | 2 hours |',
      '  | high     | 1 hour  |',
    ];
    expect(told(body)).toEqual([
      'SLA3202 18 2 hours: urgent is more severe than high but its response target of 2 hours is due later than 1 hour (for environment staging)\n  19 1 hour: the response target of high',
    ]);
  });

  it('a severe level without a target names its plan', () => {
    const body = ['plans basic < premium', ...severities('urgent', 'high'), ...table('response', 'plan    | urgent | high   ', 'basic   | none   | 4 hours', 'premium | 1 hour | 2 hours')];
    expect(told(body)).toEqual([
      "SLA3207 13 none: urgent has no response target, but the less severe high has one (4 hours) (plan basic)\n  hint: write a target no later than the less severe level's\n  13 4 hours: the response target of high",
    ]);
  });

  it('objectives out of order name the plan and severity; a higher plan due later names the lower one', () => {
    const body = [
      'plans basic < premium',
      ...severities('p1'),
      ...table('response', 'plan    | p1     ', 'basic   | 4 hours', 'premium | 4 hours'),
      ...table('restoration', 'plan    | p1     ', 'basic   | 2 hours', 'premium | 8 hours'),
    ];
    expect(told(body)).toEqual([
      'SLA3204 16 2 hours: restoration of basic / p1 is due in 2 hours, before its response (4 hours)\n  12 4 hours: the response target',
      "SLA3203 17 8 hours: plan premium is above basic but its restoration target for p1 (8 hours) is due later than basic's 2 hours\n  16 2 hours: the restoration target of basic / p1",
    ]);
  });
});

describe('plans ranked the wrong way round (SLA3206)', () => {
  it('plans listed with commas have no order: nothing is above anything', () => {
    const body = ['plans a, b, c', ...severities('s1', 's2'), ...table('response', 'plan | s1      | s2     ', 'a    | 4 hours | 8 hours', 'b    | 1 hour  | 2 hours', 'c    | 2 hours | 4 hours')];
    expect(told(body)).toEqual([]);
  });


  it('lists the first six comparisons against the ranking and proposes the ranking reversed', () => {
    const body = [
      'plans a < b < c',
      ...severities('s1', 's2', 's3', 's4'),
      ...table('response', 'plan | s1      | s2      | s3      | s4     ', 'a    | 1 hour  | 2 hours | 3 hours | 4 hours', 'b    | 2 hours | 3 hours | 4 hours | 5 hours', 'c    | none    | 4 hours | 5 hours | 6 hours'),
    ];
    expect(told(body)).toEqual([
      [
        'SLA3206 7 a < b < c: every target table promises less to higher plans (8 comparisons, none the other way): ranked the wrong way round? `<` ranks plans lowest first',
        '  hint: plans c < b < a',
        '  16 2 hours: response of b / s1: 2 hours, against 1 hour for a',
        '  17 none: response of c / s1: none, against 2 hours for b',
        '  16 3 hours: response of b / s2: 3 hours, against 2 hours for a',
        '  17 4 hours: response of c / s2: 4 hours, against 3 hours for b',
        '  16 4 hours: response of b / s3: 4 hours, against 3 hours for a',
        '  17 5 hours: response of c / s3: 5 hours, against 4 hours for b',
      ].join('\n'),
      "SLA3207 17 none: s1 has no response target, but the less severe s2 has one (4 hours) (plan c)\n  hint: write a target no later than the less severe level's\n  17 4 hours: the response target of s2",
    ]);
  });
});

describe('category targets (SLA3204, SLA3205)', () => {
  it('a category looser than more severity targets than are listed counts the rest; `none` removes them all', () => {
    const body = [
      ...severities(...EIGHT),
      ...table('response', 'severity | target ', ...EIGHT.map((p, i) => `${p} | ${i + 1} hours`)),
      'categories',
      '  | category | description | response |',
      '  | slow     | "Slow"      | 20 hours |',
      '  | dropped  | "Dropped"   | none     |',
    ];
    const related = EIGHT.slice(0, 6).map((p, i) => `  ${18 + i} ${i + 1} hours: the response target of ${p}`);
    const listed = 'p1 1 hour, p2 2 hours, p3 3 hours, p4 4 hours, p5 5 hours, p6 6 hours and 2 more';
    expect(told(body)).toEqual([
      [`SLA3205 28 20 hours: the response target of category slow (20 hours) is looser than severity targets it overrides: ${listed}`, ...related].join('\n'),
      [`SLA3205 29 none: category dropped has no response target, which removes the severity targets (${listed}) for its incidents`, ...related].join('\n'),
    ]);
  });

  it('a restoration due before the responses of more categories than are listed names six and counts the rest', () => {
    const body = [
      ...severities('p1', 'p2'),
      ...table('response', 'severity | target', 'p1 | 1 hour', 'p2 | 1 hour'),
      ...table('restoration', 'severity | target  ', 'p1 | 2 hours', 'p2 | 30 hours'),
      'categories',
      '  | category | description | response |',
      ...EIGHT.map((_, i) => `  | c${i} | "C" | ${12 + i} hours |`),
    ];
    const finding = told(body).filter((f) => f.startsWith('SLA3204'));
    expect(finding).toEqual([
      [
        'SLA3204 16 2 hours: for incidents of p1 that are also of category c0 or category c1 or category c2 or category c3 or category c4 or category c5 (or others), restoration (2 hours) is due before response (12 hours for category c0, 13 hours for category c1, 14 hours for category c2, 15 hours for category c3, 16 hours for category c4, 17 hours for category c5 and 2 more)',
        ...[0, 1, 2, 3, 4, 5].map((i) => `  ${20 + i} ${12 + i} hours: the response target of category c${i}`),
      ].join('\n'),
    ]);
  });

  it("a severity's own response and a category's are listed together, as a finding about every incident of the severity", () => {
    const body = [...severities('p1'), ...table('response', 'severity | target ', 'p1 | 4 hours'), ...table('restoration', 'severity | target ', 'p1 | 2 hours'), 'categories', '  | category | description | response |', '  | slow | "Slow" | 12 hours |'];
    expect(told(body)).toEqual([
      'SLA3204 14 2 hours: restoration of p1 is due in 2 hours, before its response (4 hours, 12 hours for category slow)\n  11 4 hours: the response target\n  17 12 hours: the response target of category slow',
      'SLA3205 17 12 hours: the response target of category slow (12 hours) is looser than severity targets it overrides: p1 4 hours\n  11 4 hours: the response target of p1',
    ]);
  });

  it('six of the responses a restoration comes before are listed, its own first, and the rest counted', () => {
    const body = [
      ...severities('p1'),
      ...table('response', 'severity | target ', 'p1 | 4 hours'),
      ...table('restoration', 'severity | target ', 'p1 | 2 hours'),
      'categories',
      '  | category | description | response |',
      ...EIGHT.slice(0, 7).map((_, i) => `  | c${i} | "C" | ${12 + i} hours |`),
    ];
    expect(told(body).filter((f) => f.startsWith('SLA3204'))).toEqual([
      [
        'SLA3204 14 2 hours: restoration of p1 is due in 2 hours, before its response (4 hours, 12 hours for category c0, 13 hours for category c1, 14 hours for category c2, 15 hours for category c3, 16 hours for category c4 and 2 more)',
        '  11 4 hours: the response target',
        ...[0, 1, 2, 3, 4].map((i) => `  ${17 + i} ${12 + i} hours: the response target of category c${i}`),
      ].join('\n'),
    ]);
  });

  it('a category that sets only the later objective meets the earlier target of every plan and severity, each cell once', () => {
    const body = [
      'plans basic < premium',
      ...severities('p1', 'p2'),
      ...table('response', 'severity | target ', 'p1 | 1 hour', 'p2 | 2 hours'),
      'categories',
      '  | category | description | restoration |',
      '  | fast     | "Fast"      | 30 minutes  |',
    ];
    expect(told(body)).toEqual([
      'SLA3201 17 30 minutes: the restoration targets are given only by category: an incident outside those categories has no restoration target (basic/p1, basic/p2, premium/p1, premium/p2)\n  hint: every plan and severity needs a restoration target or none',
      'SLA3204 17 30 minutes: for incidents of category fast that are also of basic / p1 or basic / p2, restoration (30 minutes) is due before response (1 hour for basic / p1, 2 hours for basic / p2)\n  13 1 hour: the response target of basic / p1\n  14 2 hours: the response target of basic / p2',
    ]);
  });

  it("a category whose own targets are in order is not told, though looser than a severity's", () => {
    const body = [
      ...severities('p1'),
      ...table('response', 'severity | target ', 'p1 | 1 hour'),
      ...table('restoration', 'severity | target ', 'p1 | 8 hours'),
      'categories',
      '  | category | description | response | restoration |',
      '  | calm     | "Calm"      | 2 hours  | 4 hours     |',
    ];
    expect(told(body)).toEqual(['SLA3205 17 2 hours: the response target of category calm (2 hours) is looser than severity targets it overrides: p1 1 hour\n  11 1 hour: the response target of p1']);
  });

  it('with plans, the severity targets a category overrides are named by plan and severity', () => {
    const body = ['plans basic < premium', ...severities('p1'), ...table('response', 'plan    | p1     ', 'basic   | 2 hours', 'premium | 1 hour'), 'categories', '  | category | description | response |', '  | slow | "S" | 8 hours |'];
    expect(told(body)).toEqual([
      'SLA3205 16 8 hours: the response target of category slow (8 hours) is looser than severity targets it overrides: basic / p1 2 hours, premium / p1 1 hour\n  12 2 hours: the response target of basic / p1\n  13 1 hour: the response target of premium / p1',
    ]);
  });

  it("a category's own restoration before its own response", () => {
    const body = [
      ...severities('p1', 'p2'),
      ...table('response', 'severity | target ', 'p1 | 1 hour', 'p2 | 2 hours'),
      ...table('restoration', 'severity | target ', 'p1 | 4 hours', 'p2 | 8 hours'),
      'categories',
      '  | category | description | response | restoration |',
      '  | odd      | "Odd"       | 3 hours  | 2 hours     |',
      '  | fast     | "Fast"      | 1 hour   | 30 minutes  |',
    ];
    expect(told(body)).toEqual([
      'SLA3205 20 3 hours: the response target of category odd (3 hours) is looser than severity targets it overrides: p1 1 hour, p2 2 hours\n  12 1 hour: the response target of p1\n  13 2 hours: the response target of p2',
      'SLA3204 20 2 hours: restoration of category odd is due in 2 hours, before its response (3 hours)\n  20 3 hours: the response target',
      'SLA3204 21 30 minutes: restoration of category fast is due in 30 minutes, before its response (1 hour)\n  21 1 hour: the response target',
    ]);
  });
});
