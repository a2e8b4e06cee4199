// AST -> IR for the clauses of support SLAs: calendars in their own zone and weekly ranges whose
// ends lie in other zones, regions (each with its calendar), pause reasons, the `clocks` block
// (when each objective's clock starts, what pauses it, how a reopened ticket is judged) and
// recurring `update every` objectives.

import { IANAZone } from 'luxon';
import type * as A from '../language/ast';
import { DIAGNOSTICS } from '../language/diagnostics';
import type * as I from './ir';
import { CLOCK_EVENTS } from './ir';
import {
  DAY_INDEX,
  declare,
  find,
  type LowerContext,
  lowerDuration,
  minutesOf,
  reject,
  type StatementOf,
  undeclared,
} from './lower';

/** The zone written on a calendar line, or null (reported) when IANA does not know it. */
export function validZone(ctx: LowerContext, zone: A.Text): string | null {
  if (IANAZone.isValidZone(zone.value)) return zone.value;
  ctx.report.report(DIAGNOSTICS.unknownTimeZone, zone.span, `"${zone.value}" is not a known IANA time zone`, {
    hint: 'for example Europe/London, Asia/Tokyo, America/Los_Angeles or UTC',
  });
  reject(ctx, zone.span);
  return null;
}

const HOLIDAY_TYPES = ['public', 'bank', 'optional', 'school', 'observance'] as const;

/** The types of `holidays of SE: public, bank`, or null (reported) when one is not date-holidays'. */
export function lowerHolidayTypes(l: Extract<A.CalendarLine, { kind: 'holidaysOf' }>, ctx: LowerContext): NonNullable<I.Calendar['holidayTypes']> | null {
  const out: NonNullable<I.Calendar['holidayTypes']> = [];
  for (const t of l.types) {
    const w = t.name.toLowerCase() as (typeof HOLIDAY_TYPES)[number];
    if (!HOLIDAY_TYPES.includes(w)) {
      ctx.report.report(DIAGNOSTICS.invalidValue, t.span, `"${t.name}" is not a holiday type of date-holidays`, { hint: `the types are ${HOLIDAY_TYPES.join(', ')}` });
      reject(ctx, l.span);
      return null;
    }
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

export function lowerWeekSpan(l: A.WeekSpanLine, ctx: LowerContext): I.WeekSpan {
  return {
    fromDay: DAY_INDEX[l.fromDay.name],
    from: minutesOf(l.from.text),
    fromZone: l.fromZone ? validZone(ctx, l.fromZone) : null,
    toDay: DAY_INDEX[l.toDay.name],
    to: minutesOf(l.to.text),
    toZone: l.toZone ? validZone(ctx, l.toZone) : null,
    span: l.span,
  };
}

/** Pass 1: region ids (their calendars are resolved in pass 2, when every calendar is declared). */
export function declareRegions(s: StatementOf<'regions'>, ctx: LowerContext): void {
  for (const it of s.items) {
    declare(ctx, ctx.regions, { id: it.id.name, title: it.title?.value ?? null, calendar: it.calendar?.name ?? null, span: it.span }, 'region');
  }
}

export function lowerRegions(s: StatementOf<'regions'>, ctx: LowerContext): void {
  for (const it of s.items) {
    const region = find(ctx.regions, it.id.name);
    if (!region || region.span !== it.span || !it.calendar) continue;
    const cal = find(ctx.calendars, it.calendar.name);
    if (cal) region.calendar = cal.id;
    else {
      undeclared(ctx, 'calendar', it.calendar.name, it.calendar.span, ctx.calendars.values());
      region.calendar = null;
      reject(ctx, it.span);
    }
  }
}

export function declarePauseReasons(s: StatementOf<'pauseReasons'>, ctx: LowerContext): void {
  for (const it of s.items) declare(ctx, ctx.pauseReasons, { id: it.id.name, description: it.description?.value ?? null, span: it.span }, 'pause reason');
}

function clockError(ctx: LowerContext, span: A.ClockPart['span'], message: string): void {
  ctx.report.report(DIAGNOSTICS.clockRule, span, message, {
    hint: 'resolution starts at opened, pauses while waiting-on-customer, reopened starts a new cycle',
  });
  reject(ctx, span);
}

export function lowerClocks(s: StatementOf<'clocks'>, ctx: LowerContext): void {
  const rules = (ctx.contract.clocks ??= []);
  for (const line of s.items) {
    const prev = rules.find((r) => r.objective === line.objective);
    if (prev) {
      ctx.report.report(DIAGNOSTICS.duplicateStatement, line.span, `the ${line.objective} clock is given twice`, { related: [{ span: prev.span, message: 'first given here' }] });
      reject(ctx, line.span);
      continue;
    }
    const rule: I.ClockRule = { objective: line.objective, startsAt: 'opened', pausesWhile: [], businessOnly: false, reopened: 'continue', span: line.span };
    let never: A.ClockPart | null = null;
    let pauses: A.ClockPart | null = null;
    for (const p of line.parts) {
      switch (p.kind) {
        case 'starts': {
          const ev = p.event.name.toLowerCase() as I.ClockEvent;
          if (!CLOCK_EVENTS.includes(ev)) clockError(ctx, p.event.span, `a clock cannot start at "${p.event.name}": the events are ${CLOCK_EVENTS.join(', ')}`);
          else rule.startsAt = ev;
          break;
        }
        case 'neverPauses':
          never = p;
          break;
        case 'pausesWhile':
          pauses = p;
          for (const r of p.reasons) {
            const reason = find(ctx.pauseReasons, r.name);
            if (reason) rule.pausesWhile.push(reason.id);
            // Without a `pause reasons` block the check SLA3801 says so once, for the whole clock.
            else if (ctx.pauseReasons.size === 0) rule.pausesWhile.push(r.name);
            else undeclared(ctx, 'pause reason', r.name, r.span, ctx.pauseReasons.values());
          }
          break;
        case 'businessOnly':
          if (p.calendarWord.name.toLowerCase() !== 'business') clockError(ctx, p.calendarWord.span, `write "pauses on business time only", not "${p.calendarWord.name} time"`);
          else rule.businessOnly = true;
          break;
        case 'reopened':
          rule.reopened = p.newCycle ? 'new-cycle' : 'continue';
          break;
      }
    }
    if (never && pauses) {
      ctx.report.report(DIAGNOSTICS.contradiction, never.span, `the ${line.objective} clock never pauses and pauses while ${rule.pausesWhile.join(' or ')}`, {
        related: [{ span: pauses.span, message: 'pauses here' }],
      });
      reject(ctx, line.span);
    }
    if (never) rule.pausesWhile = [];
    rules.push(rule);
  }
}

export function lowerUpdate(s: StatementOf<'update'>, ctx: LowerContext): void {
  const until = s.until.name.toLowerCase();
  if (until !== 'restored' && until !== 'resolved') {
    clockError(ctx, s.until.span, `updates run until restored or until resolved, not until "${s.until.name}"`);
    return;
  }
  let severities: string[] | null = null;
  if (s.scope) {
    if (s.scope.dimension.name.toLowerCase() !== 'severity') {
      clockError(ctx, s.scope.dimension.span, `an update is scoped by severity (for severity urgent, high), not by "${s.scope.dimension.name}"`);
      return;
    }
    severities = [];
    for (const n of s.scope.names) {
      // Stryker disable next-line StringLiteral: no severity is named by the fallback, whatever it is
      const sev = find(ctx.severities, n.name) ?? find(ctx.severities, ctx.aliasOwner.get(n.name.toLowerCase()) ?? '');
      if (sev) severities.push(sev.id);
      else undeclared(ctx, 'severity', n.name, n.span, ctx.severities.values());
    }
  }
  (ctx.contract.updates ??= []).push({ every: lowerDuration(s.every, ctx), until, severities, span: s.span });
}
