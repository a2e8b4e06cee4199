// Checks that the targets agree with each other: more severe levels and higher plans are not
// looser (nor without a target), plans are not ranked backwards, restoration and resolution are
// not due before response, category overrides do not loosen.

import type * as A from '../../language/ast';
import type { Span } from '../../language/span';
import { type CategoryTarget, type Contract, type Duration, describeTargetScope, type ObjectiveName, type Target, type TargetTable } from '../ir';
import { CHECKS } from './codes';
import type { Check } from './context';
import { compareDue, DueIndex, firstPositions, type WallLike, wallLikeCalendars } from './due-order';

/** `4 business hours`, `10 minutes`, `none`. */
export function describeDuration(d: Duration | null): string {
  if (!d) return 'none';
  return `${d.amount} ${d.calendar ? `${d.calendar} ` : ''}${d.unit}${d.amount === '1' ? '' : 's'}`;
}

/** Reports each pair of cells once, however many plans or severities share them. */
function oncePerPair(): (a: Span, b: Span) => boolean {
  const seen = new Set<string>();
  return (a, b) => {
    const key = `${a.start}:${b.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** The objectives the targets use, in the order they first appear. */
const objectivesOf = (c: Contract): ObjectiveName[] => [...new Set(c.targets.map((t) => t.objective))];

/** Targets by objective, plan and severity (lowering keeps one of each: a second is SLA2002). */
type Cells = Map<ObjectiveName, Map<string, Map<string, Target>>>;

const cellsCache = new WeakMap<Contract, Cells>();

/** The target of an objective, plan and severity: indexed once per contract. */
function cellOf(c: Contract, objective: ObjectiveName, plan: string, severity: string): Target | undefined {
  let cells = cellsCache.get(c);
  // Stryker disable next-line ConditionalExpression: the index only saves time
  if (!cells) {
    cells = new Map();
    for (const t of c.targets) {
      let plans = cells.get(t.objective);
      if (!plans) cells.set(t.objective, (plans = new Map()));
      let row = plans.get(t.plan);
      if (!row) plans.set(t.plan, (row = new Map()));
      row.set(t.severity, t);
    }
    cellsCache.set(c, cells);
  }
  return cells.get(objective)?.get(plan)?.get(severity);
}

/** The cells of a table for some incidents only, by plan and severity (one of each, as in cellOf). */
function tableCells(t: TargetTable): Map<string, Target> {
  return new Map(t.targets.map((x) => [`${x.plan}\u0000${x.severity}`, x]));
}

const severityOrder: Check = (ctx) => {
  const c = ctx.contract;
  const wallLike = wallLikeCalendars(c);
  const first = oncePerPair();
  // In rank order (most severe first), as the IR keeps them.
  const byRank = c.severities;
  // The table for every incident, then each table for some incidents: an incident of its scope
  // gets the table's cell, else the one of the table for every incident (what it falls through to).
  const tables: { objective: ObjectiveName; scope: string; cell: (plan: string, sev: string) => Target | undefined }[] = objectivesOf(c).map((objective) => ({
    objective,
    scope: '',
    cell: (plan, sev) => cellOf(c, objective, plan, sev),
  }));
  for (const t of c.targetTables ?? []) {
    const own = tableCells(t);
    tables.push({
      objective: t.objective,
      scope: ` for ${describeTargetScope(t.scope)}`,
      cell: (plan, sev) => own.get(`${plan}\u0000${sev}`) ?? cellOf(c, t.objective, plan, sev),
    });
  }
  for (const { objective, scope, cell } of tables) {
    for (const plan of c.plans) {
      const column = byRank.map((sev) => cell(plan.id, sev.id));
      const index = new DueIndex(column.map((t) => t?.duration), wallLike);
      column.forEach((severe, i) => {
        if (!severe?.duration) return;
        // The first less severe level whose target is always due earlier.
        const j = index.firstEarlier(severe.duration, i + 1, column.length);
        // Stryker disable next-line EqualityOperator: found from i + 1 on, j is never 0
        if (j < 0) return;
        const mild = column[j]!;
        if (!first(severe.span, mild.span)) return;
        const where = c.implicitPlan ? (scope ? ` (${scope.slice(1)})` : '') : ` (plan ${plan.id}${scope})`;
        ctx.report.report(
          CHECKS.severityInversion,
          severe.span,
          `${byRank[i].id} is more severe than ${byRank[j].id} but its ${objective} target of ${describeDuration(severe.duration)} is due later than ${describeDuration(mild.duration)}${where}`,
          { related: [{ span: mild.span, message: `the ${objective} target of ${byRank[j].id}` }] },
        );
      });
    }
  }
};

/** Related cells listed on the `plans` line when the ranking is reversed. */
const LISTED_REVERSALS = 6;

/**
 * Plans ranked the wrong way round: each pair of neighbouring plans (in rank order, both with a
 * cell for the same objective and severity) whose due times can be compared, every one of them
 * against the ranking, and at least two. Returns the pairs, the higher plan's cell first.
 */
function reversedRanking(c: Contract, plans: readonly { id: string }[], wallLike: WallLike): [Target, Target][] | null {
  const against: [Target, Target][] = [];
  for (const objective of objectivesOf(c)) {
    for (const sev of c.severities) {
      let low: Target | undefined;
      for (const p of plans) {
        const high = cellOf(c, objective, p.id, sev.id);
        if (!high) continue;
        if (low) {
          const order = low.duration === null ? (high.duration === null ? null : 'earlier') : high.duration === null ? 'later' : compareDue(high.duration, low.duration, wallLike);
          if (order === 'earlier') return null;
          if (order === 'later') against.push([high, low]);
        }
        low = high;
      }
    }
  }
  return against.length >= 2 ? against : null;
}

const planOrder: Check = (ctx) => {
  const c = ctx.contract;
  if (!c.plansOrdered) return;
  const wallLike = wallLikeCalendars(c);
  const plans = c.plans;
  const reversed = reversedRanking(c, plans, wallLike);
  if (reversed) {
    // Plans are ordered only by a `plans a < b` line, so it is there, with two names at least.
    const names = ctx.ast.statements.find((s): s is Extract<A.Statement, { kind: 'plans' }> => s.kind === 'plans')!.names;
    ctx.report.report(
      CHECKS.plansReversed,
      { start: names[0].span.start, end: names[names.length - 1].span.end },
      `every target table promises less to higher plans (${reversed.length} comparisons, none the other way): ranked the wrong way round? \`<\` ranks plans lowest first`,
      {
        related: reversed.slice(0, LISTED_REVERSALS).map(([high, low]) => ({ span: high.span, message: `${high.objective} of ${high.plan} / ${high.severity}: ${describeDuration(high.duration)}, against ${describeDuration(low.duration)} for ${low.plan}` })),
        hint: `plans ${[...plans].reverse().map((p) => p.id).join(' < ')}`,
      },
    );
    return;
  }
  const first = oncePerPair();
  for (const objective of objectivesOf(c)) {
    for (const sev of c.severities) {
      const column = plans.map((p) => cellOf(c, objective, p.id, sev.id));
      const index = new DueIndex(column.map((t) => t?.duration), wallLike);
      const lowestWithTarget = column.findIndex((t) => !!t?.duration);
      // Stryker disable next-line ArithmeticOperator,EqualityOperator: past the last plan there is no cell, and the lowest plan has none below it
      for (let j = plans.length - 1; j > 0; j--) {
        const high = column[j];
        if (!high) continue;
        // The lowest plan that promises more: any target where this one has none, else one always due earlier.
        // Stryker disable next-line EqualityOperator: the lowest plan with a target is not this one, which has none
        const i = high.duration === null ? (lowestWithTarget < j ? lowestWithTarget : -1) : index.firstEarlier(high.duration, 0, j);
        if (i < 0) continue;
        const low = column[i]!;
        // A cell stands for several severities only when it is the one target for every incident, the same for every plan.
        // Stryker disable next-line ConditionalExpression,BooleanLiteral
        if (!first(high.span, low.span)) continue;
        ctx.report.report(
          CHECKS.planInversion,
          high.span,
          high.duration === null
            ? `plan ${plans[j].id} is above ${plans[i].id} but has no ${objective} target for ${sev.id}, where ${plans[i].id} promises ${describeDuration(low.duration)}`
            : `plan ${plans[j].id} is above ${plans[i].id} but its ${objective} target for ${sev.id} (${describeDuration(high.duration)}) is due later than ${plans[i].id}'s ${describeDuration(low.duration)}`,
          { related: [{ span: low.span, message: `the ${objective} target of ${plans[i].id} / ${sev.id}` }] },
        );
      }
    }
  }
};

/** `none` on a level more severe than one with a target: its worst incidents have no due time. */
const severeWithoutTarget: Check = (ctx) => {
  const c = ctx.contract;
  const byRank = c.severities;
  const seen = new Set<number>();
  for (const objective of objectivesOf(c)) {
    for (const plan of c.plans) {
      // From the mildest level up: the nearest less severe level with a target.
      let milder: Target | undefined;
      for (let i = byRank.length - 1; i >= 0; i--) {
        const t = cellOf(c, objective, plan.id, byRank[i].id);
        if (!t) continue;
        if (t.duration !== null) {
          milder = t;
          continue;
        }
        if (!milder || seen.has(t.span.start)) continue;
        seen.add(t.span.start);
        const where = c.implicitPlan ? '' : ` (plan ${plan.id})`;
        ctx.report.report(CHECKS.severeWithoutTarget, t.span, `${t.severity} has no ${objective} target, but the less severe ${milder.severity} has one (${describeDuration(milder.duration)})${where}`, {
          related: [{ span: milder.span, message: `the ${objective} target of ${milder.severity}` }],
          hint: 'write a target no later than the less severe level\'s',
        });
      }
    }
  }
};

/** Objectives in the order their events happen: a later one should not be due before an earlier one. */
const OBJECTIVE_PAIRS: readonly [ObjectiveName, ObjectiveName][] = [
  ['response', 'restoration'],
  ['response', 'resolution'],
  ['restoration', 'resolution'],
];

/** Related locations listed in one finding at most. */
const LISTED_TARGETS = 6;

type Cell = Pick<Target | CategoryTarget, 'duration' | 'span'> & { label: string };

/** What comes before a later cell: cells listed by span (deduplicated), plus a counted remainder. */
interface OrderFinding {
  later: ObjectiveName;
  earlier: ObjectiveName;
  cell: Cell;
  before: Map<number, Cell>;
  /** Cells found by an index: the first few of them, and how many there are in all. */
  indexed: { cells: Cell[]; count: number };
}

const objectiveOrder: Check = (ctx) => {
  const c = ctx.contract;
  const wallLike = wallLikeCalendars(c);
  const severityCell = (t: Target): Cell => ({ ...t, label: c.implicitPlan ? t.severity : `${t.plan} / ${t.severity}` });
  const categoryCell = (t: CategoryTarget): Cell => ({ ...t, label: `category ${t.category}` });
  // The category target of each category and objective (lowering keeps one of each).
  const byCategory = new Map<string, Map<ObjectiveName, CategoryTarget>>();
  for (const t of c.categoryTargets) {
    const own = byCategory.get(t.category) ?? new Map<ObjectiveName, CategoryTarget>();
    own.set(t.objective, t);
    byCategory.set(t.category, own);
  }
  // One finding per later cell (a category cell stands for every plan and severity), with every
  // earlier cell it comes before. An incident of a plan, severity and category gets the
  // category's target where the category sets one, else the severity's.
  const findings = new Map<string, OrderFinding>();
  const finding = (later: ObjectiveName, earlier: ObjectiveName, l: Cell): OrderFinding => {
    const key = `${l.span.start}:${earlier}`;
    let f = findings.get(key);
    if (!f) findings.set(key, (f = { later, earlier, cell: l, before: new Map(), indexed: { cells: [], count: 0 } }));
    return f;
  };
  const cellsOf = (objective: ObjectiveName): Target[] => {
    // Stryker disable next-line ArrayDeclaration: an entry without a duration is never found due after anything
    const out: Target[] = [];
    const seen = new Set<number>();
    for (const plan of c.plans) {
      for (const sev of c.severities) {
        const t = cellOf(c, objective, plan.id, sev.id);
        if (t && !seen.has(t.span.start)) {
          seen.add(t.span.start);
          out.push(t);
        }
      }
    }
    return out;
  };
  /** The first cells of `cells` that `index` finds due after `d`, and how many there are. */
  const dueAfter = (cells: Cell[], index: DueIndex, d: Duration): { cells: Cell[]; count: number } => ({
    cells: firstPositions((from) => index.firstLater(d, from, cells.length), LISTED_TARGETS).map((i) => cells[i]),
    count: index.countLater(d),
  });

  for (const [earlier, later] of OBJECTIVE_PAIRS) {
    // Categories that set the earlier objective but not the later one: for their incidents, the
    // severity's later target meets the category's earlier one.
    const earlierOnly = [...byCategory.values()].filter((own) => own.has(earlier) && !own.has(later)).map((own) => categoryCell(own.get(earlier)!));
    const earlierOnlyIndex = new DueIndex(earlierOnly.map((e) => e.duration), wallLike);
    const asked = new Set<number>();
    for (const plan of c.plans) {
      for (const sev of c.severities) {
        const e = cellOf(c, earlier, plan.id, sev.id);
        const l = cellOf(c, later, plan.id, sev.id);
        if (!l?.duration) continue;
        if (e?.duration && compareDue(l.duration, e.duration, wallLike) === 'earlier') {
          finding(later, earlier, severityCell(l)).before.set(e.span.start, severityCell(e));
        }
        // Asking again for a cell that stands for several plans finds the same categories.
        // Stryker disable next-line ConditionalExpression,LogicalOperator: as above; with no such category nothing is found
        if (earlierOnly.length === 0 || asked.has(l.span.start)) continue;
        asked.add(l.span.start);
        const found = dueAfter(earlierOnly, earlierOnlyIndex, l.duration);
        if (found.count > 0) finding(later, earlier, severityCell(l)).indexed = found;
      }
    }
    // Categories that set the later objective: against their own earlier target, or else against
    // the severity targets of every plan and severity.
    const earlierCells = cellsOf(earlier).map(severityCell);
    const earlierIndex = new DueIndex(earlierCells.map((e) => e.duration), wallLike);
    for (const own of byCategory.values()) {
      const l = own.get(later);
      if (!l?.duration) continue;
      const e = own.get(earlier);
      if (e) {
        if (e.duration && compareDue(l.duration, e.duration, wallLike) === 'earlier') finding(later, earlier, categoryCell(l)).before.set(e.span.start, categoryCell(e));
        continue;
      }
      const found = dueAfter(earlierCells, earlierIndex, l.duration);
      if (found.count > 0) finding(later, earlier, categoryCell(l)).indexed = found;
    }
  }

  for (const { later, earlier, cell: l, before, indexed } of findings.values()) {
    const cells = [...before.values(), ...indexed.cells];
    const shown = cells.slice(0, LISTED_TARGETS);
    const total = before.size + indexed.count;
    const listed = shown.map((e) => (e.label === l.label ? describeDuration(e.duration) : `${describeDuration(e.duration)} for ${e.label}`)).join(', ');
    const more = total > shown.length ? ` and ${total - shown.length} more` : '';
    // When a category target meets a severity target, the finding concerns only incidents of both,
    // unless the cell's own earlier target is among them: then it concerns every incident of the cell.
    const others = [...new Set(shown.map((e) => e.label).filter((x) => x !== l.label))];
    const message =
      shown.some((e) => e.label === l.label)
        ? `${later} of ${l.label} is due in ${describeDuration(l.duration)}, before its ${earlier} (${listed}${more})`
        : `for incidents of ${l.label} that are also of ${others.join(' or ')}${more ? ' (or others)' : ''}, ${later} (${describeDuration(l.duration)}) is due before ${earlier} (${listed}${more})`;
    ctx.report.report(CHECKS.objectiveOrder, l.span, message, {
      related: shown.map((e) => ({ span: e.span, message: `the ${earlier} target${e.label === l.label ? '' : ` of ${e.label}`}` })),
    });
  }
};

const categoryOverrides: Check = (ctx) => {
  const c = ctx.contract;
  const wallLike = wallLikeCalendars(c);
  const label = (t: Target): string => (c.implicitPlan ? t.severity : `${t.plan} / ${t.severity}`);
  // The severity targets of each objective, one per cell (a cell may stand for several plans).
  const byObjective = new Map<ObjectiveName, { targets: Target[]; index: DueIndex }>();
  for (const objective of new Set(c.categoryTargets.map((t) => t.objective))) {
    const seen = new Set<number>();
    const targets = c.targets.filter((t) => t.objective === objective && t.duration && !seen.has(t.span.start) && seen.add(t.span.start));
    byObjective.set(objective, { targets, index: new DueIndex(targets.map((t) => t.duration), wallLike) });
  }
  for (const ct of c.categoryTargets) {
    const { targets, index } = byObjective.get(ct.objective)!;
    // `none` removes every target; a duration loosens those always due before it.
    const d = ct.duration;
    const count = d === null ? targets.length : index.countEarlier(d);
    if (count === 0) continue;
    const cells = d === null ? targets.slice(0, LISTED_TARGETS) : firstPositions((from) => index.firstEarlier(d, from, targets.length), LISTED_TARGETS).map((i) => targets[i]);
    const listed = cells.map((t) => `${label(t)} ${describeDuration(t.duration)}`).join(', ');
    const more = count > cells.length ? ` and ${count - cells.length} more` : '';
    ctx.report.report(
      CHECKS.categoryLooser,
      ct.span,
      d === null
        ? `category ${ct.category} has no ${ct.objective} target, which removes the severity targets (${listed}${more}) for its incidents`
        : `the ${ct.objective} target of category ${ct.category} (${describeDuration(d)}) is looser than severity targets it overrides: ${listed}${more}`,
      { related: cells.map((t) => ({ span: t.span, message: `the ${ct.objective} target of ${label(t)}` })) },
    );
  }
};

export const consistencyChecks: readonly Check[] = [severityOrder, severeWithoutTarget, planOrder, objectiveOrder, categoryOverrides];
