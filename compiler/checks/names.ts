// Checks of names and structure: an implausible effective date, calendars no duration uses,
// maintenance clauses that leave out the notice or the windows, channel rules that exclude every
// report, causes that never count.
// Undeclared and duplicate names, and a missing version or effective date, are reported by lowering.

import type { Span } from '../../language/span';
import { CHECKS, EFFECTIVE_EARLIEST_YEAR, EFFECTIVE_LATEST_YEAR, EFFECTIVE_PINNED_DISTANCE_YEARS } from './codes';
import type { Check, CheckContext } from './context';
import { durationsOf } from './units';
import { namedWhereUnread } from '../unread';

function headerOf(ctx: CheckContext, kind: 'maintenance' | 'channels' | 'causes'): Span | null {
  // With services, several maintenance blocks: the one the checked rule was lowered from.
  const at = kind === 'maintenance' ? ctx.contract.maintenance?.span.start : undefined;
  for (const s of ctx.ast.statements) if (s.kind === kind && (at === undefined || s.span.start === at)) return s.headerSpan;
  return null;
}

/** The calendars durations name in the text (lower case), lowered or not: a row dropped for an undeclared severity still uses its calendar. */
function calendarsWritten(ast: CheckContext['ast']): Set<string> {
  const out = new Set<string>();
  // Arrays are objects too: their values are their items.
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const node = v as { kind?: unknown; calendar?: { name?: unknown } | null };
    // Stryker disable next-line ConditionalExpression: besides durations only regions and `counted during` name a calendar, and those are used (below)
    if (node.kind === 'duration' && typeof node.calendar?.name === 'string') out.add(node.calendar.name.toLowerCase());
    for (const x of Object.values(v)) visit(x);
  };
  visit(ast.statements);
  return out;
}

const unusedCalendars: Check = (ctx) => {
  // Stryker disable next-line ArrowFunction: a lowered duration is written in the text, so `written` names its calendar too
  const used = new Set<string | null>(durationsOf(ctx.contract).map((d) => d.duration.calendar));
  const written = calendarsWritten(ctx.ast);
  // A region's calendar is used by the `regional` targets of its incidents.
  // Stryker disable next-line ArrayDeclaration: without regions nothing is added that names a calendar
  for (const r of ctx.contract.regions ?? []) used.add(r.calendar);
  // A report's deadline in business days counts the calendar's business dates.
  // Stryker disable next-line ConditionalExpression: the deadline is a duration written in the text, so `written` names its calendar too
  if (ctx.contract.report) used.add(ctx.contract.report.within.calendar);
  // Availability counted during a calendar's hours uses it.
  // Stryker disable next-line ArrayDeclaration,OptionalChaining: lowering always sets `scoped`
  for (const a of [ctx.contract.availability, ...(ctx.contract.scoped?.availability ?? [])]) if (a?.countedDuring) used.add(a.countedDuring);
  const lowered = new Set(ctx.contract.calendars.map((c) => c.span.start));
  for (const s of ctx.ast.statements) {
    if (s.kind !== 'calendar' || used.has(s.id.name) || written.has(s.id.name.toLowerCase()) || namedWhereUnread(ctx.contract, s.id.name)) continue;
    // A duplicate (SLA2002) is a calendar clause left unread, which names the calendar: skipped above already.
    // Stryker disable next-line ConditionalExpression: see above
    if (!lowered.has(s.span.start)) continue;
    ctx.report.report(CHECKS.unusedCalendar, s.id.span, `calendar ${s.id.name} is declared but no duration counts ${s.id.name} time`, {
      hint: `use it (4 ${s.id.name} hours) or remove it`,
    });
  }
};

const maintenanceNotice: Check = (ctx) => {
  const m = ctx.contract.maintenance;
  const header = headerOf(ctx, 'maintenance');
  if (!m || m.notice || !header) return;
  ctx.report.report(
    CHECKS.maintenanceNoNotice,
    m.acknowledgementRequired && m.acknowledgementSpan ? m.acknowledgementSpan : header,
    m.acknowledgementRequired ? 'an acknowledgement is required, but the maintenance clause gives no notice to acknowledge' : 'the maintenance clause gives no notice period: maintenance needs no warning',
    { hint: 'notice at least 48 hours before the start' },
  );
};

const maintenanceWindows: Check = (ctx) => {
  const m = ctx.contract.maintenance;
  const header = headerOf(ctx, 'maintenance');
  if (!m || !header) return;
  // Stryker disable next-line ConditionalExpression: only a maintenance clause starts where the rule was lowered from
  const statement = ctx.ast.statements.find((s) => s.kind === 'maintenance' && s.span.start === m.span.start);
  // Stryker disable next-line ConditionalExpression,OptionalChaining: that clause is always found
  const windowsLine = statement?.kind === 'maintenance' ? statement.items.find((l) => l.kind === 'windows') : undefined;
  if (m.windows.length > 0 || (windowsLine?.kind === 'windows' && windowsLine.anyTime)) return;
  ctx.report.report(
    CHECKS.maintenanceNoWindows,
    windowsLine?.span ?? header,
    windowsLine ? 'the maintenance clause announces windows but lists none: maintenance can never happen inside one' : 'the maintenance clause does not say when maintenance may happen',
    { hint: 'list the windows (monday to friday 21:00 to 01:00), or write `windows any time`' },
  );
};

const officialChannel: Check = (ctx) => {
  const rule = ctx.contract.channels;
  if (!rule || !rule.othersExcluded || rule.channels.some((c) => c.official)) return;
  ctx.report.report(CHECKS.noOfficialChannel, headerOf(ctx, 'channels') ?? rule.span, 'other channels are excluded but no official channel is declared: every report is excluded', {
    hint: 'official helpdesk "Help Desk ticket system"',
  });
};

const countedCause: Check = (ctx) => {
  const causes = ctx.contract.causes;
  if (causes.length === 0 || causes.some((c) => c.counted)) return;
  ctx.report.report(CHECKS.noCountedCause, headerOf(ctx, 'causes') ?? causes[0].span, 'every declared cause is excluded: no incident or outage ever counts against the provider', {
    hint: 'counted provider "attributable to the provider"',
  });
};

/** Records must name a declared cause: a contract that judges anything needs a causes clause. */
const causesDeclared: Check = (ctx) => {
  const c = ctx.contract;
  if (c.causes.length > 0) return;
  if (c.targets.length === 0 && c.categoryTargets.length === 0 && !c.availability && !c.reliability) return;
  const first = ctx.ast.statements.find((s) => s.kind === 'contract') ?? ctx.ast.statements[0];
  // Stryker disable next-line ObjectLiteral: a contract that judges anything has a line to tell it at
  const at = first ? { start: first.span.start, end: first.span.end } : { start: 0, end: 0 };
  ctx.report.report(CHECKS.noCauses, at, 'the contract declares no causes, so every incident and outage record will be rejected (its cause is unknown)', {
    hint: 'add: causes, then a line such as `counted provider "attributable to the provider"`',
  });
};

/** An effective year outside fixed bounds, or far from every pinned holiday year: a typo in the year. */
const effectiveDate: Check = (ctx) => {
  const effective = ctx.contract.effective;
  const statement = ctx.ast.statements.find((s) => s.kind === 'effective');
  // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: lowering sets `effective` only from an effective clause with its date
  if (!effective || statement?.kind !== 'effective' || !statement.date) return;
  const year = Number(effective.slice(0, 4));
  const pinned = [...new Set(ctx.contract.calendars.flatMap((c) => c.pinned.map((p) => p.year)))].sort((a, b) => a - b);
  // Years from the nearest pinned year; 0 when none is pinned, which is never too far.
  const distance = pinned.length ? Math.min(...pinned.map((y) => Math.abs(y - year))) : 0;
  let why: string | null = null;
  if (year < EFFECTIVE_EARLIEST_YEAR || year > EFFECTIVE_LATEST_YEAR) why = `outside ${EFFECTIVE_EARLIEST_YEAR} to ${EFFECTIVE_LATEST_YEAR}`;
  else if (distance > EFFECTIVE_PINNED_DISTANCE_YEARS) why = `${distance} years away from the holidays it pins (${pinned.join(', ')})`;
  if (!why) return;
  ctx.report.report(CHECKS.effectiveImplausible, statement.date.span, `the contract takes effect on ${effective}, ${why}: is the year right?`);
};

export const nameChecks: readonly Check[] = [effectiveDate, unusedCalendars, maintenanceNotice, maintenanceWindows, officialChannel, countedCause, causesDeclared];
