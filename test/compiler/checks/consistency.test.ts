// The target consistency checks against a brute-force oracle that compares every cell with every
// other (the quadratic reading of each rule): on random tables of wall-clock and business-time
// targets and `none`, the indexed checks find exactly the same cells and relate the same ones.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDue } from '../../../compiler/checks/due-order';
import { compile } from '../../../compiler/compile';
import type { Contract, Target } from '../../../compiler/ir';

const cellArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant('none') },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('hours', 'office hours')).map(([n, u]) => `${n} ${u}`) },
);

const tableArb = fc
  .record({ plans: fc.integer({ min: 2, max: 5 }), severities: fc.integer({ min: 2, max: 5 }), categories: fc.array(cellArb, { maxLength: 4 }) })
  .chain(({ plans, severities, categories }) =>
    fc.record({
      cells: fc.array(fc.array(cellArb, { minLength: severities, maxLength: severities }), { minLength: plans, maxLength: plans }),
      categories: fc.constant(categories),
    }),
  );

function contractText(t: { cells: string[][]; categories: string[] }): string {
  const plans = t.cells.map((_, i) => `p${i}`);
  const sevs = t.cells[0].map((_, i) => `s${i}`);
  const lines = [
    'contract "Random table"',
    'version 1',
    'effective 2026-01-01',
    'time zone America/Bogota',
    'calendar office "Office"',
    '  monday to friday 08:00 to 18:00',
    `plans ${plans.join(' < ')}`,
    'severities',
    ...sevs.map((s) => `  ${s} "${s}"`),
    'response targets',
    `  | plan | ${sevs.join(' | ')} |`,
    ...t.cells.map((row, i) => `  | ${plans[i]} | ${row.join(' | ')} |`),
  ];
  if (t.categories.length) {
    lines.push('categories', '  | category | description | response |', ...t.categories.map((c, i) => `  | c${i} | "c" | ${c} |`));
  }
  lines.push('causes', '  counted provider');
  return `${lines.join('\n')}\n`;
}

type Finding = { code: string; at: number; related: number[] };
const key = (f: Finding): string => `${f.code}@${f.at}->${f.related.join(',')}`;

/** Every cell with every other, in the rules' own words. */
function oracle(c: Contract): Finding[] {
  const wallLike = () => false;
  const out: Finding[] = [];
  const cell = (p: string, s: string): Target | undefined => c.targets.find((t) => t.plan === p && t.severity === s);
  const sevs = [...c.severities].sort((a, b) => a.rank - b.rank);
  const plans = [...c.plans].sort((a, b) => a.rank - b.rank);
  // SLA3202: for each more severe cell, the first less severe one always due earlier.
  for (const p of plans) {
    for (let i = 0; i < sevs.length; i++) {
      const severe = cell(p.id, sevs[i].id);
      if (!severe?.duration) continue;
      for (let j = i + 1; j < sevs.length; j++) {
        const mild = cell(p.id, sevs[j].id);
        if (mild?.duration && compareDue(severe.duration, mild.duration, wallLike) === 'later') {
          out.push({ code: 'SLA3202', at: severe.span.start, related: [mild.span.start] });
          break;
        }
      }
    }
  }
  // SLA3207: none on a level more severe than one with a target, reported once, against the nearest.
  for (const p of plans) {
    for (let i = 0; i < sevs.length; i++) {
      const t = cell(p.id, sevs[i].id);
      if (!t || t.duration !== null) continue;
      const milder = sevs.slice(i + 1).map((s) => cell(p.id, s.id)).find((x) => x?.duration);
      if (milder) out.push({ code: 'SLA3207', at: t.span.start, related: [milder.span.start] });
    }
  }
  // SLA3206 or SLA3203: neighbouring plans all against the ranking, or each higher cell against the first lower one.
  let against = 0;
  let agree = 0;
  for (const s of sevs) {
    const column = plans.map((p) => cell(p.id, s.id)).filter((t): t is Target => !!t);
    for (let k = 1; k < column.length; k++) {
      const low = column[k - 1];
      const high = column[k];
      const order = low.duration === null ? (high.duration === null ? null : 'earlier') : high.duration === null ? 'later' : compareDue(high.duration, low.duration, wallLike);
      if (order === 'later') against++;
      if (order === 'earlier') agree++;
    }
  }
  if (against >= 2 && agree === 0) out.push({ code: 'SLA3206', at: -1, related: [] });
  else {
    for (const s of sevs) {
      for (let j = plans.length - 1; j > 0; j--) {
        const high = cell(plans[j].id, s.id);
        if (!high) continue;
        for (let i = 0; i < j; i++) {
          const low = cell(plans[i].id, s.id);
          if (!low?.duration) continue;
          if (high.duration === null || compareDue(high.duration, low.duration, wallLike) === 'later') {
            out.push({ code: 'SLA3203', at: high.span.start, related: [low.span.start] });
            break;
          }
        }
      }
    }
  }
  // SLA3205: a category target against every severity target always due before it (the first six related).
  for (const ct of c.categoryTargets) {
    const tighter = c.targets.filter((t) => t.duration && (ct.duration === null || compareDue(ct.duration, t.duration, wallLike) === 'later'));
    if (tighter.length) out.push({ code: 'SLA3205', at: ct.span.start, related: tighter.slice(0, 6).map((t) => t.span.start) });
  }
  return out;
}

describe('consistency checks against every-pair comparison', () => {
  it('find the same cells, relating the same ones', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const c = compile(contractText(t), 'random.sla');
        const codes = new Set(['SLA3202', 'SLA3203', 'SLA3205', 'SLA3206', 'SLA3207']);
        const found = c.diagnostics
          .filter((d) => codes.has(d.code))
          .map((d) => ({ code: d.code, at: d.code === 'SLA3206' ? -1 : d.span.start, related: d.code === 'SLA3206' ? [] : d.related.map((r) => r.span.start) }));
        expect(found.map(key).sort()).toEqual(oracle(c.contract).map(key).sort());
      }),
      { numRuns: 300 },
    );
  });
});
