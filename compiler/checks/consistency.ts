// Checks that the targets agree with each other: more severe levels and higher plans are not
// looser, restoration and resolution are not due before response, category overrides do not loosen.

import type { Span } from '../../language/span';
import type { CategoryTarget, Contract, Duration, ObjectiveName, Target } from '../ir';
import { CHECKS } from './codes';
import type { Check } from './context';

export type DueOrder = 'earlier' | 'same' | 'later';

/**
 * How the due time of target `a` compares with that of `b` for every incident, when that can be
 * decided statically. Same clock (both wall time, or both business time of one calendar): compare
 * their lengths. Business time never runs faster than wall time, so a business target longer than
 * a wall-clock one is always due later (and a shorter wall-clock one always earlier). Anything else
 * depends on when the incident opens: null.
 */
export function compareDue(a: Duration, b: Duration, wallLike: (calendar: string) => boolean = () => false): DueOrder | null {
  if (a.ms === null || b.ms === null) return null;
  const ca = a.calendar !== null && wallLike(a.calendar) ? null : a.calendar;
  const cb = b.calendar !== null && wallLike(b.calendar) ? null : b.calendar;
  if (ca === cb) return a.ms < b.ms ? 'earlier' : a.ms > b.ms ? 'later' : 'same';
  // Business time pauses (nights, weekends, holidays): the same amount of it ends later.
  if (ca !== null && cb === null && a.ms >= b.ms) return 'later';
  if (ca === null && cb !== null && a.ms <= b.ms) return 'earlier';
  return null;
}

/** Calendars whose business time is wall time: 24x7 with no holidays. */
function wallLikeCalendars(ctx: { contract: { calendars: readonly { id: string; allDay: boolean; holidayCountry: string | null; added: unknown[]; pinned: unknown[] }[] } }): (id: string) => boolean {
  const ids = new Set(ctx.contract.calendars.filter((c) => c.allDay && c.holidayCountry === null && c.added.length === 0 && c.pinned.length === 0).map((c) => c.id));
  return (id) => ids.has(id);
}

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

function targetsOf(c: Contract, objective: ObjectiveName, plan: string): Map<string, Target> {
  return new Map(c.targets.filter((t) => t.objective === objective && t.plan === plan).map((t) => [t.severity, t]));
}

const severityOrder: Check = (ctx) => {
  const wallLike = wallLikeCalendars(ctx);
  const c = ctx.contract;
  const first = oncePerPair();
  const objectives = new Set(c.targets.map((t) => t.objective));
  for (const objective of objectives) {
    for (const plan of c.plans) {
      const byRank = [...c.severities].sort((a, b) => a.rank - b.rank);
      const cells = targetsOf(c, objective, plan.id);
      for (let i = 0; i < byRank.length; i++) {
        const severe = cells.get(byRank[i].id);
        if (!severe?.duration) continue;
        for (let j = i + 1; j < byRank.length; j++) {
          const mild = cells.get(byRank[j].id);
          if (!mild?.duration || compareDue(severe.duration, mild.duration, wallLike) !== 'later') continue;
          if (!first(severe.span, mild.span)) break;
          const where = c.implicitPlan ? '' : ` (plan ${plan.id})`;
          ctx.report.report(
            CHECKS.severityInversion,
            severe.span,
            `${byRank[i].id} is more severe than ${byRank[j].id} but its ${objective} target of ${describeDuration(severe.duration)} is due later than ${describeDuration(mild.duration)}${where}`,
            { related: [{ span: mild.span, message: `the ${objective} target of ${byRank[j].id}` }] },
          );
          break;
        }
      }
    }
  }
};

const planOrder: Check = (ctx) => {
  const wallLike = wallLikeCalendars(ctx);
  const c = ctx.contract;
  if (!c.plansOrdered) return;
  const first = oncePerPair();
  const plans = [...c.plans].sort((a, b) => a.rank - b.rank);
  const objectives = new Set(c.targets.map((t) => t.objective));
  for (const objective of objectives) {
    const byPlan = plans.map((p) => targetsOf(c, objective, p.id));
    for (const sev of c.severities) {
      for (let j = plans.length - 1; j > 0; j--) {
        const high = byPlan[j].get(sev.id);
        if (!high) continue;
        for (let i = 0; i < j; i++) {
          const low = byPlan[i].get(sev.id);
          if (!low?.duration) continue;
          const worse = high.duration === null || compareDue(high.duration, low.duration, wallLike) === 'later';
          if (!worse) continue;
          if (!first(high.span, low.span)) break;
          ctx.report.report(
            CHECKS.planInversion,
            high.span,
            high.duration === null
              ? `plan ${plans[j].id} is above ${plans[i].id} but has no ${objective} target for ${sev.id}, where ${plans[i].id} promises ${describeDuration(low.duration)}`
              : `plan ${plans[j].id} is above ${plans[i].id} but its ${objective} target for ${sev.id} (${describeDuration(high.duration)}) is due later than ${plans[i].id}'s ${describeDuration(low.duration)}`,
            { related: [{ span: low.span, message: `the ${objective} target of ${plans[i].id} / ${sev.id}` }] },
          );
          break;
        }
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

const objectiveOrder: Check = (ctx) => {
  const wallLike = wallLikeCalendars(ctx);
  const c = ctx.contract;
  const categories: (string | null)[] = [null, ...new Set(c.categoryTargets.map((t) => t.category))];
  // One finding per later cell (a category cell stands for every plan and severity), with every
  // earlier cell it comes before.
  const findings = new Map<string, { later: ObjectiveName; earlier: ObjectiveName; cell: Cell; before: Map<number, Cell> }>();
  for (const plan of c.plans) {
    for (const sev of c.severities) {
      for (const category of categories) {
        // The target that applies to an incident of this plan, severity and category.
        const cell = (objective: ObjectiveName): Cell | null => {
          const byCategory = category === null ? undefined : c.categoryTargets.find((t) => t.category === category && t.objective === objective);
          if (byCategory) return { ...byCategory, label: `category ${category}` };
          const t = c.targets.find((x) => x.objective === objective && x.plan === plan.id && x.severity === sev.id);
          return t ? { ...t, label: c.implicitPlan ? sev.id : `${plan.id} / ${sev.id}` } : null;
        };
        for (const [earlier, later] of OBJECTIVE_PAIRS) {
          const e = cell(earlier);
          const l = cell(later);
          if (!e?.duration || !l?.duration || compareDue(l.duration, e.duration, wallLike) !== 'earlier') continue;
          const key = `${l.span.start}:${earlier}`;
          const f = findings.get(key) ?? { later, earlier, cell: l, before: new Map<number, Cell>() };
          if (!f.before.has(e.span.start)) f.before.set(e.span.start, e);
          findings.set(key, f);
        }
      }
    }
  }
  for (const { later, earlier, cell: l, before } of findings.values()) {
    const cells = [...before.values()];
    const listed = cells
      .slice(0, LISTED_TARGETS)
      .map((e) => (e.label === l.label ? describeDuration(e.duration) : `${describeDuration(e.duration)} for ${e.label}`))
      .join(', ');
    const more = cells.length > LISTED_TARGETS ? ` and ${cells.length - LISTED_TARGETS} more` : '';
    // When a category target meets a severity target, the finding concerns only incidents of both.
    const others = [...new Set(cells.map((e) => e.label).filter((x) => x !== l.label))];
    const message =
      others.length === 0
        ? `${later} of ${l.label} is due in ${describeDuration(l.duration)}, before its ${earlier} (${listed}${more})`
        : `for incidents of ${l.label} that are also of ${others.join(' or ')}, ${later} (${describeDuration(l.duration)}) is due before ${earlier} (${listed}${more})`;
    ctx.report.report(
      CHECKS.objectiveOrder,
      l.span,
      message,
      { related: cells.slice(0, LISTED_TARGETS).map((e) => ({ span: e.span, message: `the ${earlier} target${e.label === l.label ? '' : ` of ${e.label}`}` })) },
    );
  }
};

const categoryOverrides: Check = (ctx) => {
  const wallLike = wallLikeCalendars(ctx);
  const c = ctx.contract;
  for (const ct of c.categoryTargets) {
    const tighter = new Map<number, Target>();
    for (const t of c.targets) {
      if (t.objective !== ct.objective || !t.duration) continue;
      const looser = ct.duration === null || compareDue(ct.duration, t.duration, wallLike) === 'later';
      if (looser && !tighter.has(t.span.start)) tighter.set(t.span.start, t);
    }
    if (tighter.size === 0) continue;
    const cells = [...tighter.values()];
    const label = (t: Target): string => (c.implicitPlan ? t.severity : `${t.plan} / ${t.severity}`);
    const listed = cells
      .slice(0, LISTED_TARGETS)
      .map((t) => `${label(t)} ${describeDuration(t.duration)}`)
      .join(', ');
    const more = cells.length > LISTED_TARGETS ? ` and ${cells.length - LISTED_TARGETS} more` : '';
    ctx.report.report(
      CHECKS.categoryLooser,
      ct.span,
      ct.duration === null
        ? `category ${ct.category} has no ${ct.objective} target, which removes the severity targets (${listed}${more}) for its incidents`
        : `the ${ct.objective} target of category ${ct.category} (${describeDuration(ct.duration)}) is looser than severity targets it overrides: ${listed}${more}`,
      { related: cells.slice(0, LISTED_TARGETS).map((t) => ({ span: t.span, message: `the ${ct.objective} target of ${label(t)}` })) },
    );
  }
};

export const consistencyChecks: readonly Check[] = [severityOrder, planOrder, objectiveOrder, categoryOverrides];
