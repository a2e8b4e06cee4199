// The static checks: each family (one file) is a list of small named functions over the IR; this
// file lists the families in the order they run. Their codes live in codes.ts (SLA3xxx).

import { availabilityChecks } from './availability';
import { calendarChecks } from './calendars';
import './codes';
import type { Check, CheckContext } from './context';
import { consistencyChecks } from './consistency';
import { coverageChecks } from './coverage';
import { creditChecks } from './credits';
import { maintenanceChecks } from './maintenance';
import { nameChecks } from './names';
import { unitChecks } from './units';
import { windowChecks } from './windows';

export const CHECK_FAMILIES: readonly { name: string; checks: readonly Check[] }[] = [
  { name: 'credits', checks: creditChecks },
  { name: 'windows', checks: windowChecks },
  { name: 'maintenance', checks: maintenanceChecks },
  { name: 'availability', checks: availabilityChecks },
  { name: 'coverage', checks: coverageChecks },
  { name: 'consistency', checks: consistencyChecks },
  { name: 'units', checks: unitChecks },
  { name: 'calendars', checks: calendarChecks },
  { name: 'names', checks: nameChecks },
];

export function runChecks(ctx: CheckContext): void {
  for (const family of CHECK_FAMILIES) for (const check of family.checks) check(ctx);
}
