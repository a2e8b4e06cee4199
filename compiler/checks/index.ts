// The static checks: each family (one file) is a list of small named functions over the IR; this
// file lists the families in the order they run. Their codes live in codes.ts (SLA3xxx).

import type { ClauseKind } from '../../language/ast';
import { mayBeUnread } from '../unread';
import { availabilityChecks } from './availability';
import { calendarChecks } from './calendars';
import './codes';
import type { Check, CheckContext } from './context';
import { consistencyChecks } from './consistency';
import { coverageChecks } from './coverage';
import { creditChecks } from './credits';
import { maintenanceChecks } from './maintenance';
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
  { name: 'windows', checks: windowChecks, reads: ['maintenance', 'calendar', 'timeZone'] },
  { name: 'maintenance', checks: maintenanceChecks, reads: ['maintenance', 'calendar', 'timeZone'] },
  { name: 'availability', checks: availabilityChecks, reads: ['availability', 'reliability', 'credits'] },
  { name: 'coverage', checks: coverageChecks, reads: ['objective', 'severities', 'plans', 'categories'] },
  { name: 'consistency', checks: consistencyChecks, reads: ['objective', 'severities', 'plans', 'categories', 'calendar'] },
  { name: 'units', checks: unitChecks, reads: ['objective', 'categories', 'maintenance', 'availability', 'credits', 'calendar'] },
  { name: 'calendars', checks: calendarChecks, reads: ['calendar', 'effective'] },
  { name: 'support', checks: supportChecks, reads: ['clocks', 'pauseReasons', 'regions', 'calendar', 'objective', 'categories', 'update', 'effective'] },
  {
    name: 'names',
    checks: nameChecks,
    reads: ['contract', 'effective', 'calendar', 'objective', 'categories', 'maintenance', 'availability', 'reliability', 'credits', 'channels', 'causes'],
  },
];

export function runChecks(ctx: CheckContext): void {
  for (const family of CHECK_FAMILIES) {
    if (mayBeUnread(ctx.contract, ...family.reads)) continue;
    for (const check of family.checks) check(ctx);
  }
}
