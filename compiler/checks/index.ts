// The static checks: each family (one file) is a list of small named functions over the IR; this
// file lists the families in the order they run. Their codes live in codes.ts (SLA3xxx).

import type { ClauseKind } from '../../language/ast';
import { type Diagnostic, Reporter } from '../../language/diagnostics';
import type { Contract } from '../ir';
import { serviceChecks } from './services';
import { mayBeUnread } from '../unread';
import { availabilityChecks } from './availability';
import { calendarChecks } from './calendars';
import './codes';
import type { Check, CheckContext } from './context';
import { consistencyChecks } from './consistency';
import { coverageChecks } from './coverage';
import { boundChecks } from './bounds';
import { creditChecks } from './credits';
import { downtimeChecks } from './downtime';
import { maintenanceChecks } from './maintenance';
import { moneyChecks } from './money';
import { nameChecks } from './names';
import { supportChecks } from './support';
import { unitChecks } from './units';
import { windowChecks } from './windows';

/**
 * `reads`: the clauses a family's checks look at. While a line of one of them could not be read,
 * the family does not run: it would report what that line may have said as missing or wrong.
 */
export const CHECK_FAMILIES: readonly { name: string; checks: readonly Check[]; reads: readonly ClauseKind[] }[] = [
  { name: 'credits', checks: creditChecks, reads: ['credits', 'availability'] },
  { name: 'money', checks: moneyChecks, reads: ['credits', 'currency', 'termination', 'effective', 'severities', 'objective', 'categories'] },
  { name: 'windows', checks: windowChecks, reads: ['maintenance', 'calendar', 'timeZone'] },
  { name: 'maintenance', checks: maintenanceChecks, reads: ['maintenance', 'calendar', 'timeZone'] },
  { name: 'availability', checks: availabilityChecks, reads: ['availability', 'reliability', 'credits'] },
  { name: 'downtime', checks: downtimeChecks, reads: ['availability'] },
  { name: 'bounds', checks: boundChecks, reads: ['credits'] },
  { name: 'coverage', checks: coverageChecks, reads: ['objective', 'severities', 'plans', 'categories'] },
  { name: 'consistency', checks: consistencyChecks, reads: ['objective', 'severities', 'plans', 'categories', 'calendar'] },
  { name: 'units', checks: unitChecks, reads: ['objective', 'categories', 'maintenance', 'availability', 'credits', 'calendar'] },
  { name: 'calendars', checks: calendarChecks, reads: ['calendar', 'effective'] },
  { name: 'support', checks: supportChecks, reads: ['clocks', 'pauseReasons', 'regions', 'calendar', 'objective', 'categories', 'update', 'effective', 'maintenance'] },
  {
    name: 'names',
    checks: nameChecks,
    reads: ['contract', 'effective', 'calendar', 'objective', 'categories', 'maintenance', 'availability', 'reliability', 'credits', 'channels', 'causes', 'report'],
  },
];

/** The families that judge one set of availability, credit and maintenance rules: run once per set a service has. */
const RULE_FAMILIES = new Set(['credits', 'windows', 'maintenance', 'availability', 'downtime']);

export function runChecks(ctx: CheckContext): void {
  // With services, the rules are checked as each service gets them (runPerService).
  const perService = (ctx.contract.services ?? []).length > 0;
  for (const family of CHECK_FAMILIES) {
    if (mayBeUnread(ctx.contract, ...family.reads) || (perService && RULE_FAMILIES.has(family.name))) continue;
    for (const check of family.checks) check(ctx);
  }
  if (!mayBeUnread(ctx.contract, 'services', 'availability', 'credits', 'maintenance')) for (const check of serviceChecks) check(ctx);
  runPerService(ctx);
}

/**
 * The credit-band, window, maintenance and availability checks of every other set of rules a
 * service gets (`availability for service compute` with `credits for group databases`): each set
 * is checked as the rules of a contract without services are, and a finding shared by several sets
 * is reported once.
 */
function runPerService(ctx: CheckContext): void {
  const c = ctx.contract;
  if ((c.services ?? []).length === 0) return;
  const seen = new Set<string>();
  const reported = new Set(ctx.report.diagnostics.map(key));
  for (const u of c.units ?? []) {
    const id = `${u.availability?.span.start}|${u.credits?.span.start}|${u.maintenance?.span.start}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const view: Contract = { ...c, availability: u.availability, credits: u.credits, maintenance: u.maintenance };
    const sink = new Reporter();
    const viewCtx: CheckContext = { ...ctx, contract: view, report: sink };
    for (const family of CHECK_FAMILIES) {
      if (!RULE_FAMILIES.has(family.name) || mayBeUnread(c, ...family.reads)) continue;
      for (const check of family.checks) check(viewCtx);
    }
    for (const d of sink.diagnostics) {
      if (reported.has(key(d))) continue;
      reported.add(key(d));
      ctx.report.diagnostics.push(d);
    }
  }
}

function key(d: Diagnostic): string {
  return `${d.code}|${d.span.start}|${d.span.end}|${d.message}`;
}
