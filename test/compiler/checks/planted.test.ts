// Planted defects: a generator of clean contracts (random plans, severities, targets, holidays,
// night windows, credit bands), a clean corpus that must stay silent, and one planter per class
// of defect that changes a clean contract at a random place and expects its code on that line.
// The seeds and the clean fixtures get defects planted too, by text.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';

// ------------------------------------------------------------------------------- the clean model

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Model {
  year: number;
  effective: string;
  plans: string[];
  severities: string[];
  /** Response minutes [plan][severity]: later for milder levels, sooner for higher plans. */
  response: (number | null)[][];
  /** Restoration [plan][severity], as written (hours; `none` only on the mildest level). */
  restoration: (string | null)[][];
  /** Weekday holidays after the effective date. */
  holidays: string[];
  /** Weekdays (1 = Monday) with a night window 21:00 to 01:00. */
  nights: number[];
  noticeDays: number;
  target: string;
  slot: number | null;
  reliability: number;
  /** Band edges in hundredths of a percent, strictly inside (0, target). */
  cuts: number[];
  credits: number[];
  cap: number;
  /** Lines to add after a tagged line (planted defects), and tagged lines to leave out or replace. */
  extra: { after: string; line: string; tag?: string }[];
  replace: Map<string, string | null>;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const weekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const pct = (hundredths: number): string => String(hundredths / 100);

/** Every date of a year after a start date (exclusive) with the given weekdays. */
function datesAfter(start: string, weekdays: number[]): string[] {
  const out: string[] = [];
  const year = start.slice(0, 4);
  for (let t = Date.parse(`${start}T00:00:00Z`) + 86_400_000; isoDate(t).startsWith(year); t += 86_400_000) if (weekdays.includes(weekday(isoDate(t)))) out.push(isoDate(t));
  return out;
}

const modelArb: fc.Arbitrary<Model> = fc
  .record({
    year: fc.integer({ min: 2025, max: 2028 }),
    day: fc.integer({ min: 1, max: 28 }),
    plans: fc.integer({ min: 2, max: 4 }),
    severities: fc.integer({ min: 2, max: 4 }),
    base: fc.integer({ min: 10, max: 30 }),
    mildestNone: fc.boolean(),
    holidayPicks: fc.uniqueArray(fc.nat(150), { minLength: 1, maxLength: 4 }),
    nights: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 6 }),
    noticeDays: fc.integer({ min: 1, max: 5 }),
    target: fc.constantFrom('99', '99.5', '99.9'),
    slot: fc.constantFrom(null, 1, 5),
    reliability: fc.integer({ min: 1, max: 10 }),
    cutPicks: fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }),
  })
  .map((r) => {
    const effective = `${r.year}-06-${String(r.day).padStart(2, '0')}`;
    const P = r.plans;
    const S = r.severities;
    // Weekdays after the effective date, other than the pinned 12-25.
    const weekdays = datesAfter(effective, [1, 2, 3, 4, 5]).filter((d) => !d.endsWith('-12-25'));
    const top = Math.round(Number(r.target) * 100);
    // Edges at least 3 hundredths apart (wider than a 5-minute slot's step), below the target.
    const cuts = [...new Set(r.cutPicks.map((c) => top - 3 * c).filter((c) => c >= 3))].sort((a, b) => a - b);
    return {
      year: r.year,
      effective,
      plans: Array.from({ length: P }, (_, i) => `p${i}`),
      severities: Array.from({ length: S }, (_, i) => `s${i}`),
      response: Array.from({ length: P }, (_, p) => Array.from({ length: S }, (_, s) => r.base * (s + 1) * (P - p))),
      restoration: Array.from({ length: P }, (_, p) => Array.from({ length: S }, (_, s) => (r.mildestNone && s === S - 1 ? null : `${20 + (s + 1) * (P - p)} hours`))),
      holidays: [...new Set(r.holidayPicks.map((i) => weekdays[i % weekdays.length]))].sort(),
      nights: [...r.nights].sort((a, b) => a - b),
      noticeDays: r.noticeDays,
      target: r.target,
      slot: r.slot,
      reliability: r.reliability,
      cuts,
      credits: Array.from({ length: cuts.length + 1 }, (_, i) => 5 * (cuts.length + 1 - i)),
      cap: 5 * (cuts.length + 1),
      extra: [],
      replace: new Map(),
    };
  });

/** The contract's lines, and the line number of each tagged line. */
function render(m: Model): { text: string; lineOf: (tag: string) => number } {
  const lines: { text: string; tag?: string }[] = [];
  const add = (text: string, tag?: string): void => {
    const replaced = tag !== undefined && m.replace.has(tag) ? m.replace.get(tag) : text;
    if (replaced !== null && replaced !== undefined) lines.push({ text: replaced, tag });
    for (const e of m.extra) if (e.after === tag) lines.push({ text: e.line, tag: e.tag ?? 'planted' });
  };
  add('contract "Planted"');
  add('version 1');
  add(`effective ${m.effective}`, 'effective');
  add('time zone America/Bogota');
  add('calendar office "Office hours"', 'calendar');
  add('  monday to friday 08:00 to 18:00', 'hours');
  m.holidays.forEach((h, i) => add(`  holiday ${h} "generated"`, `holiday:${i}`));
  add(`  pinned holidays ${m.year}: ${m.year}-01-01, ${m.year}-12-25`, 'pinned');
  add(`plans ${m.plans.join(' < ')}`, 'plans');
  add('severities');
  m.severities.forEach((s) => add(`  ${s} "${s.toUpperCase()}"`));
  add('response targets', 'response');
  add(`  | plan | ${m.severities.join(' | ')} |`);
  m.plans.forEach((p, i) => add(`  | ${p} | ${m.response[i].map((x) => (x === null ? 'none' : `${x} minutes`)).join(' | ')} |`, `response:${i}`));
  add('restoration targets', 'restoration');
  add(`  | plan | ${m.severities.join(' | ')} |`);
  m.plans.forEach((p, i) => add(`  | ${p} | ${m.restoration[i].map((x) => x ?? 'none').join(' | ')} |`, `restoration:${i}`));
  add('maintenance', 'maintenance');
  add('  windows', 'windows');
  m.nights.forEach((d) => add(`    ${DAYS[d - 1]} 21:00 to 01:00`, `night:${d}`));
  add(`  notice at least ${m.noticeDays} office day${m.noticeDays === 1 ? '' : 's'} before the start`, 'notice');
  add('  not counted as downtime');
  add('availability');
  add(`  target ${m.target}% per calendar month`, 'target');
  add(m.slot === null ? '  measured as exact time' : `  measured in slots of ${m.slot} minute${m.slot === 1 ? '' : 's'}`, 'measured');
  add(`reliability at most ${m.reliability} counted incidents per calendar month`, 'reliability');
  add('credits');
  add('  | monthly availability | credit |', 'bands');
  const edges = [0, ...m.cuts, Math.round(Number(m.target) * 100)];
  for (let i = 0; i + 1 < edges.length; i++) {
    add(`  | ${i === 0 ? '' : `at least ${pct(edges[i])}% and `}below ${pct(edges[i + 1])}% | ${m.credits[i]}% |`, `band:${i}`);
  }
  add(`  at most ${m.cap}%`, 'cap');
  add('causes', 'causes');
  add('  counted provider', 'cause');
  const text = `${lines.map((l) => l.text).join('\n')}\n`;
  return {
    text,
    lineOf: (tag) => {
      const i = lines.findIndex((l) => l.tag === tag);
      if (i < 0) throw new Error(`no line tagged ${tag}`);
      return i + 1;
    },
  };
}

function findings(text: string): { code: string; line: number; severity: string }[] {
  const c = compile(text, 'planted.sla');
  return c.diagnostics.map((d) => ({ code: d.code, line: c.lines.position(d.span.start).line, severity: d.severity }));
}

// ------------------------------------------------------------------------------- the defects

/** A planter changes a copy of the model at a place chosen by `pick` and says where its code is expected. */
interface Defect {
  code: string;
  what: string;
  plant: (m: Model, pick: number) => string | null; // the tag of the line, or null when it does not apply
}

const band = (m: Model, i: number): [number, number] => {
  const edges = [0, ...m.cuts, Math.round(Number(m.target) * 100)];
  return [edges[i], edges[i + 1]];
};
const bandLine = (m: Model, i: number, low: string, high: string, credit = m.credits[i]): string => `  | ${[low, high].filter(Boolean).join(' and ')} | ${credit}% |`;

const DEFECTS: Defect[] = [
  {
    code: 'SLA3001', what: 'a credit band that starts above the end of the one below',
    plant: (m, pick) => {
      if (m.cuts.length === 0) return null;
      const i = 1 + (pick % m.cuts.length);
      const [lo, hi] = band(m, i);
      m.replace.set(`band:${i}`, bandLine(m, i, `at least ${pct(lo + 1)}%`, `below ${pct(hi)}%`));
      return `band:${i}`;
    },
  },
  {
    code: 'SLA3002', what: 'a credit band that starts inside the one below',
    plant: (m, pick) => {
      if (m.cuts.length === 0) return null;
      const i = 1 + (pick % m.cuts.length);
      const [lo, hi] = band(m, i);
      m.replace.set(`band:${i}`, bandLine(m, i, `at least ${pct(lo - 1)}%`, `below ${pct(hi)}%`));
      return `band:${i}`;
    },
  },
  {
    code: 'SLA3002', what: 'a repeated credit row',
    plant: (m, pick) => {
      const i = pick % (m.cuts.length + 1);
      const [lo, hi] = band(m, i);
      m.extra.push({ after: `band:${i}`, line: bandLine(m, i, i === 0 ? '' : `at least ${pct(lo)}%`, `below ${pct(hi)}%`) });
      return 'planted';
    },
  },
  {
    code: 'SLA3003', what: 'the top band reaching the target',
    plant: (m) => {
      const i = m.cuts.length;
      const [lo, hi] = band(m, i);
      m.replace.set(`band:${i}`, bandLine(m, i, i === 0 ? '' : `at least ${pct(lo)}%`, `at most ${pct(hi)}%`));
      return `band:${i}`;
    },
  },
  {
    code: 'SLA3004', what: 'two neighbouring credits swapped',
    plant: (m, pick) => {
      if (m.cuts.length === 0) return null;
      const i = pick % m.cuts.length;
      [m.credits[i], m.credits[i + 1]] = [m.credits[i + 1], m.credits[i]];
      return `band:${i}`;
    },
  },
  {
    code: 'SLA3005', what: 'a cap below the largest credit',
    plant: (m) => {
      m.replace.set('cap', `  at most ${m.cap - 1}%`);
      return 'band:0';
    },
  },
  {
    code: 'SLA3014', what: 'a credit band between two steps of hourly slots',
    plant: (m) => {
      m.slot = 60;
      m.target = '99';
      m.cuts = m.cuts.filter((c) => c < 9900);
      m.credits = Array.from({ length: m.cuts.length + 1 }, (_, i) => 5 * (m.cuts.length + 1 - i));
      m.cap = 5 * (m.cuts.length + 1);
      m.extra.push({ after: 'bands', line: '  | between 98.9001% and 98.9001% | 5% |' });
      return 'planted';
    },
  },
  {
    code: 'SLA3101', what: 'a window inside a night window',
    plant: (m, pick) => {
      const d = m.nights[pick % m.nights.length];
      m.extra.push({ after: `night:${d}`, line: `    ${DAYS[d - 1]} 22:00 to 23:00` });
      return 'planted';
    },
  },
  {
    code: 'SLA3101', what: 'a repeated window line',
    plant: (m, pick) => {
      const d = m.nights[pick % m.nights.length];
      m.extra.push({ after: `night:${d}`, line: `    ${DAYS[d - 1]} 21:00 to 01:00` });
      return 'planted';
    },
  },
  {
    code: 'SLA3102', what: 'a window starting 5 minutes after a night ends',
    plant: (m, pick) => {
      const d = m.nights[pick % m.nights.length];
      m.extra.push({ after: `night:${d}`, line: `    ${DAYS[d % 7]} 01:05 to 03:00` });
      return 'planted';
    },
  },
  {
    code: 'SLA3103', what: 'a window on a free evening that stops at 23:55',
    plant: (m, pick) => {
      const free = [1, 2, 3, 4, 5, 6, 7].filter((d) => !m.nights.includes(d));
      const d = free[pick % free.length];
      m.extra.push({ after: `night:${m.nights[m.nights.length - 1]}`, line: `    ${DAYS[d - 1]} 20:00 to 23:55` });
      return 'planted';
    },
  },
  {
    code: 'SLA3104', what: 'business hours inside the office hours',
    plant: (m, pick) => {
      m.extra.push({ after: 'hours', line: `  ${DAYS[pick % 5]} 12:00 to 13:00` });
      return 'planted';
    },
  },
  {
    code: 'SLA3105', what: 'an empty window',
    plant: (m, pick) => {
      const d = m.nights[pick % m.nights.length];
      m.extra.push({ after: `night:${d}`, line: `    ${DAYS[d - 1]} 18:00 to 18:00` });
      return 'planted';
    },
  },
  {
    code: 'SLA3109', what: 'a notice longer than a week',
    plant: (m, pick) => {
      m.replace.set('notice', pick % 2 ? '  notice at least 10 days before the start' : '  notice at least 6 office days before the start');
      return 'notice';
    },
  },
  {
    code: 'SLA3110', what: 'one night that stops at 23:00',
    plant: (m, pick) => {
      const d = m.nights[pick % m.nights.length];
      m.replace.set(`night:${d}`, `    ${DAYS[d - 1]} 21:00 to 23:00`);
      return `night:${d}`;
    },
  },
  {
    code: 'SLA3201', what: 'a plan row left out',
    plant: (m, pick) => {
      m.replace.set(`response:${pick % m.plans.length}`, null);
      return 'response';
    },
  },
  {
    code: 'SLA3202', what: 'two severities swapped in one plan',
    plant: (m, pick) => {
      const p = pick % m.plans.length;
      const s = (pick >> 3) % (m.severities.length - 1);
      const row = m.response[p];
      [row[s], row[s + 1]] = [row[s + 1], row[s]];
      return `response:${p}`;
    },
  },
  {
    code: 'SLA3203', what: 'a higher plan one minute slower in one cell',
    plant: (m, pick) => {
      const p = pick % (m.plans.length - 1);
      const s = (pick >> 3) % m.severities.length;
      m.response[p + 1][s] = (m.response[p][s] ?? 0) + 1;
      return `response:${p + 1}`;
    },
  },
  {
    code: 'SLA3204', what: 'a restoration due before its response',
    plant: (m, pick) => {
      const p = pick % m.plans.length;
      const s = (pick >> 3) % m.severities.length;
      m.restoration[p][s] = `${(m.response[p][s] ?? 2) - 1} minutes`;
      return `restoration:${p}`;
    },
  },
  {
    code: 'SLA3205', what: 'a category slower than every severity',
    plant: (m) => {
      m.extra.push({ after: 'cause', line: 'categories', tag: 'header' }, { after: 'cause', line: '  | category | description | response |', tag: 'header' });
      m.extra.push({ after: 'cause', line: '  | slow | "slow" | 2000 hours |' });
      return 'planted';
    },
  },
  {
    code: 'SLA3206', what: 'the plans ranked backwards',
    plant: (m) => {
      m.replace.set('plans', `plans ${[...m.plans].reverse().join(' < ')}`);
      return 'plans';
    },
  },
  {
    code: 'SLA3207', what: 'none on the most severe level',
    plant: (m, pick) => {
      const p = pick % m.plans.length;
      m.response[p][0] = null;
      return `response:${p}`;
    },
  },
  {
    code: 'SLA3301', what: 'office days of uneven length',
    plant: (m) => {
      m.extra.push({ after: 'hours', line: '  saturday 08:00 to 12:00' });
      return 'notice';
    },
  },
  {
    code: 'SLA3303', what: 'a zero response time',
    plant: (m, pick) => {
      const p = pick % m.plans.length;
      m.response[p][m.severities.length - 1] = 0;
      return `response:${p}`;
    },
  },
  {
    code: 'SLA3402', what: 'a holiday added twice',
    plant: (m, pick) => {
      const i = pick % m.holidays.length;
      m.extra.push({ after: `holiday:${i}`, line: `  holiday ${m.holidays[i]} "again"` });
      return 'planted';
    },
  },
  {
    code: 'SLA3403', what: 'a removed holiday that is no holiday',
    plant: (m, pick) => {
      const free = datesAfter(m.effective, [1, 2, 3, 4, 5]).filter((d) => !m.holidays.includes(d) && !d.endsWith('-12-25'));
      m.extra.push({ after: 'pinned', line: `  not a holiday ${free[pick % free.length]}` });
      return 'planted';
    },
  },
  {
    code: 'SLA3404', what: 'a holiday added and removed',
    plant: (m, pick) => {
      m.extra.push({ after: 'pinned', line: `  not a holiday ${m.holidays[pick % m.holidays.length]}` });
      return 'planted';
    },
  },
  {
    code: 'SLA3408', what: 'a holiday before the contract takes effect',
    plant: (m, pick) => {
      m.extra.push({ after: 'hours', line: `  holiday ${m.year}-0${1 + (pick % 5)}-0${1 + (pick % 9)} "too early"` });
      return 'planted';
    },
  },
  {
    code: 'SLA3409', what: 'a holiday on a weekend',
    plant: (m, pick) => {
      const weekend = datesAfter(m.effective, [6, 7]);
      m.extra.push({ after: 'hours', line: `  holiday ${weekend[pick % weekend.length]} "a weekend"` });
      return 'planted';
    },
  },
  {
    code: 'SLA3502', what: 'maintenance without a notice',
    plant: (m) => {
      m.replace.set('notice', null);
      return 'maintenance';
    },
  },
  {
    code: 'SLA3505', what: 'the only cause excluded',
    plant: (m) => {
      m.replace.set('cause', '  excluded provider');
      return 'causes';
    },
  },
  {
    code: 'SLA3507', what: 'an effective year typed wrong',
    plant: (m, pick) => {
      const wrong = pick % 2 ? m.year + 36 : 1926;
      m.replace.set('effective', `effective ${wrong}${m.effective.slice(4)}`);
      return 'effective';
    },
  },
  {
    code: 'SLA3601', what: 'a target of 100%',
    plant: (m) => {
      m.replace.set('target', '  target 100% per calendar month');
      return 'target';
    },
  },
  {
    code: 'SLA3602', what: 'a reliability limit of zero',
    plant: (m) => {
      m.reliability = 0;
      return 'reliability';
    },
  },
  {
    code: 'SLA3603', what: 'slots of a day',
    plant: (m) => {
      m.slot = 1440;
      return 'measured';
    },
  },
];

// ------------------------------------------------------------------------------- the tests

describe('generated clean contracts', () => {
  it('raise no warning and no error', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const bad = findings(render(m).text).filter((f) => f.severity !== 'info');
        expect(bad).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a defect planted at a random place is reported on its line', () => {
  for (const d of DEFECTS) {
    it(`${d.code}: ${d.what}`, () => {
      fc.assert(
        fc.property(modelArb, fc.nat(), (m, pick) => {
          const tag = d.plant(m, pick);
          fc.pre(tag !== null);
          const r = render(m);
          const line = r.lineOf(tag!);
          expect(findings(r.text), r.text).toContainEqual(expect.objectContaining({ code: d.code, line }));
        }),
        { numRuns: 15 },
      );
    });
  }

  it('covers every class of defect the brief names, old and new', () => {
    const planted = new Set(DEFECTS.map((d) => d.code));
    for (const code of ['SLA3001', 'SLA3002', 'SLA3003', 'SLA3004', 'SLA3101', 'SLA3102', 'SLA3201', 'SLA3202', 'SLA3203', 'SLA3014', 'SLA3109', 'SLA3110', 'SLA3206', 'SLA3207', 'SLA3408', 'SLA3409', 'SLA3507', 'SLA3601', 'SLA3602', 'SLA3603']) {
      expect(planted, code).toContain(code);
    }
  });
});

// ------------------------------------------------------------------------------- planted by text

const ROOT = join(import.meta.dirname, '../../..');
const GOOD = join(ROOT, 'test/fixtures/good');

/** The seeds and the clean fixtures (the fixtures' own expectation comments are only notes). */
const BASES = [
  { name: 'contracts/sagicc/v04.sla', text: readFileSync(join(ROOT, 'contracts/sagicc/v04.sla'), 'utf8') },
  { name: 'contracts/clever-ideas/v1.sla', text: readFileSync(join(ROOT, 'contracts/clever-ideas/v1.sla'), 'utf8') },
  ...readdirSync(GOOD)
    .filter((f) => f.endsWith('.sla'))
    .map((f) => ({ name: `good/${f}`, text: readFileSync(join(GOOD, f), 'utf8') })),
];

/** A text planter: the line to insert after line `i` (0-based, matching `where`), or null when it does not apply there. */
interface TextDefect {
  code: string;
  what: string;
  where: RegExp;
  line: (lines: string[], i: number) => string | null;
}

/** The clause (first word of the unindented line) that owns line `i`. */
function clauseOf(lines: string[], i: number): string {
  for (let j = i; j >= 0; j--) if (/^[a-z]/.test(lines[j])) return lines[j].split(/\s/)[0];
  return '';
}

const firstSaturdayAfter = (lines: string[]): string | null => {
  const effective = lines.map((l) => /^effective (\d{4}-\d{2}-\d{2})/.exec(l)?.[1]).find(Boolean);
  return effective ? (datesAfter(effective, [6])[0] ?? null) : null;
};

const TEXT_DEFECTS: TextDefect[] = [
  {
    code: 'SLA3101', what: 'a window line repeated',
    where: /^\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*\d\d:\d\d to \d\d:\d\d\s*$/,
    line: (lines, i) => (clauseOf(lines, i) === 'maintenance' ? lines[i] : null),
  },
  {
    code: 'SLA3002', what: 'a credit row repeated',
    where: /^\s+\|\s*(at least|above|below|at most|between)\b/,
    line: (lines, i) => (clauseOf(lines, i) === 'credits' ? lines[i] : null),
  },
  {
    code: 'SLA3409', what: 'a Saturday holiday in a Monday-to-Friday calendar',
    where: /^\s+monday to friday \d\d:\d\d to \d\d:\d\d\s*$/,
    line: (lines, i) => {
      const saturday = firstSaturdayAfter(lines);
      return saturday && clauseOf(lines, i) === 'calendar' ? `  holiday ${saturday} "planted"` : null;
    },
  },
];

describe('defects planted in the seeds and the clean fixtures, by text', () => {
  for (const d of TEXT_DEFECTS) {
    it(`${d.code}: ${d.what}`, () => {
      let planted = 0;
      for (const base of BASES) {
        const lines = base.text.split('\n');
        const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => d.where.test(l));
        fc.assert(
          fc.property(fc.nat(), (pick) => {
            if (candidates.length === 0) return;
            const { i } = candidates[pick % candidates.length];
            const inserted = d.line(lines, i);
            if (inserted === null) return;
            planted++;
            const text = [...lines.slice(0, i + 1), inserted, ...lines.slice(i + 1)].join('\n');
            expect(findings(text), `${base.name}, after line ${i + 1}`).toContainEqual(expect.objectContaining({ code: d.code, line: i + 2 }));
          }),
          { numRuns: 4 },
        );
      }
      expect(planted, 'planted in at least one base').toBeGreaterThan(0);
    });
  }
});
