// The SLA3xxx part of the diagnostic table: one entry per static check, in sub-bands by family
// (30xx credits, 31xx windows and hours, 32xx target matrix, 33xx units, 34xx calendars and
// holidays, 35xx names and structure). Importing this module registers them with the language's table.

import { type DiagnosticDef, registerDiagnostics, type Severity } from '../../language/diagnostics';

function def(code: string, severity: Severity, title: string, explain: string): DiagnosticDef {
  return { code, severity, title, explain };
}

/** Minutes: a gap between two maintenance windows shorter than this reads as a slip of the pen. */
export const SHORT_GAP_MINUTES = 15;

export const CHECKS = {
  // ---- SLA30xx: credits ------------------------------------------------------------------------
  creditGap: def('SLA3001', 'warning', 'Availability with no credit band',
    'Some availability below the target is covered by no credit band, so a month that bad earns no credit at all. The bands should tile [0%, target) without holes; availability at or above the target normally earns nothing. Bounds are compared exactly: `below 99%` and `above 99%` leave exactly 99% uncovered.'),
  creditOverlap: def('SLA3002', 'warning', 'Credit bands overlap',
    'Two credit bands claim the same availability, so the credit for it is ambiguous. `between 98.50% and 99.00%` and `between 99.00% and 99.90%` are both inclusive and share exactly 99.00%: write `at least 99.00% and below 99.90%` to make each band half-open.'),
  creditAboveTarget: def('SLA3003', 'warning', 'Credit band reaches the target',
    'A credit band covers availability at or above the availability target, so the provider owes a credit in a month that met the target. Usually the upper bound should be `below` the target.'),
  creditDecreasing: def('SLA3004', 'warning', 'Credit falls as availability falls',
    'A band for lower availability pays a smaller credit than a band for higher availability: a worse month earns less. Credits should not decrease as availability falls.'),
  creditAboveCap: def('SLA3005', 'warning', 'Band credit above the cap',
    'The credit cap (`at most N%`) is lower than the credit of a band, so that band can never be paid as written.'),
  linearNoRounding: def('SLA3006', 'warning', 'Credit formula does not say how partial steps count',
    'A credit per step of shortfall (`5% for each 1% below target`) must say whether a partial step counts: `for each started 1%`, `for each full 1%`, or `pro rata`. A shortfall of 0.2 points earns 5%, 0% or 1% depending on the choice.'),
  linearNoCap: def('SLA3007', 'warning', 'Credit formula without a cap',
    'A credit per step of shortfall grows without limit: state a cap (`at most 50%`), or the credit can exceed the fee.'),
  linearZeroStep: def('SLA3008', 'error', 'Credit step of zero',
    'A credit per step of 0 percentage points cannot be computed: the step must be more than zero.'),
  linearCapReached: def('SLA3009', 'info', 'Availability at which the credit cap is reached',
    'Where a credit formula has a cap, this note says at which availability the cap is reached (or that it never is), so that the parties can see what the formula and the cap mean together.'),
  creditsWithoutTarget: def('SLA3010', 'error', 'Credits without an availability target',
    'Credits are owed when monthly availability misses its target: a credit formula (steps below the target) or a table of bands needs an `availability` clause with a target, or no credit is ever owed.'),
  creditsTableAndFormula: def('SLA3011', 'warning', 'Both a credit table and a credit formula',
    'The credits clause gives both a table of bands and a formula: it is not clear which applies, or whether both add up.'),
  creditEmptyBand: def('SLA3012', 'error', 'Empty credit band',
    'The bounds of a credit band leave no availability in it (`at least 99.9% and below 99%`): the row can never apply. Check the order of the bounds.'),
  creditsEmpty: def('SLA3013', 'warning', 'Credits clause without credits',
    'The credits clause has neither a table of bands nor a formula, so no credit is ever owed.'),

  // ---- SLA31xx: maintenance windows and business hours -------------------------------------------
  windowOverlap: def('SLA3101', 'warning', 'Maintenance windows overlap',
    'Two maintenance windows cover the same time of the week. The union is used, but overlapping windows usually mean a typo in a day or an hour.'),
  windowsAlmostTouch: def('SLA3102', 'warning', 'Maintenance windows almost touch',
    `Two maintenance windows leave a gap shorter than ${SHORT_GAP_MINUTES} minutes between them (Saturday 17:00 to 24:00, then Sunday 00:01 to 23:59 leaves 00:00 to 00:01 uncovered). Maintenance running through that minute is outside the windows and counts as downtime. Longer gaps between windows are normal and not reported.`),
  windowShortOfMidnight: def('SLA3103', 'warning', 'Maintenance window stops just short of midnight',
    `A maintenance window ends less than ${SHORT_GAP_MINUTES} minutes before midnight (23:59) or starts less than ${SHORT_GAP_MINUTES} minutes after it (00:01) while no window covers the minutes in between: usually "until midnight" was meant (write 24:00 or 00:00).`),
  hoursOverlap: def('SLA3104', 'warning', 'Business hours overlap',
    'Two ranges of a business calendar cover the same time of the week. Business time is counted once, but the overlap usually means a typo. Gaps between business hours are normal.'),
  emptyRange: def('SLA3105', 'error', 'Empty time range',
    'A range of hours starts and ends at the same time (`08:00 to 08:00`), so it covers nothing. Write `00:00 to 24:00` for a whole day.'),
  hoursOvernight: def('SLA3106', 'warning', 'Business hours run past midnight',
    'A range of business hours ends before it starts (`18:00 to 08:00`), which slac reads as running overnight into the next day. If the day was meant, swap the times. Maintenance windows that cross midnight (`21:00 to 01:00`) are normal and not reported.'),
  dstSkipped: def('SLA3107', 'warning', 'Local time skipped by a daylight-saving change',
    'A business-hours range or maintenance window starts or ends at a local time that does not exist on some day, because clocks jump forward in the contract\'s time zone (02:30 on 2026-03-08 in America/New_York). The years checked are the effective year and the two after it, plus any pinned holiday years; 2025 to 2027 when the contract states no effective date.'),
  dstRepeated: def('SLA3108', 'warning', 'Local time repeated by a daylight-saving change',
    'A business-hours range or maintenance window starts or ends at a local time that happens twice on some day, because clocks fall back in the contract\'s time zone (01:30 on 2026-11-01 in America/New_York): which of the two is meant is ambiguous. Years checked as for SLA3107.'),

  // ---- SLA32xx: the target matrix --------------------------------------------------------------
  missingTarget: def('SLA3201', 'error', 'No target for a plan and severity',
    'An objective (response, restoration, resolution) that the contract uses must give every plan x severity a target or an explicit `none`; otherwise an incident of that plan and severity has no due time. Names that are undeclared or cells given twice are reported as SLA2001 and SLA2002.'),
  severityInversion: def('SLA3202', 'warning', 'More severe level with a looser target',
    'For one plan and objective, a more severe level (declared earlier in `severities`) has a later due time than a less severe one. Targets are compared when both count on the same clock (both wall-clock or both business time of the same calendar), or when a business-time target is longer than a wall-clock one (it is then always due later); other pairs cannot be decided statically. `none` on the more severe level is not reported.'),
  planInversion: def('SLA3203', 'warning', 'Higher plan with a looser target',
    'Plans declared in order (`plans essential < standard < professional`) promise more as they go up, but here a higher plan has a later due time, or `none` where a lower plan has a target, for the same severity and objective. Durations are compared as for SLA3202.'),
  objectiveOrder: def('SLA3204', 'warning', 'Later objective due before an earlier one',
    'Restoration or resolution is due before the response for the same plan, severity and category (or resolution before restoration): the provider may restore a service it has not yet acknowledged. Durations are compared as for SLA3202; category targets are taken into account where they override.'),
  categoryLooser: def('SLA3205', 'warning', 'Category target looser than a severity target',
    'A target keyed by category overrides the severity\'s target for every severity, so an incident of a severe level in that category gets a later due time (or none) than its severity promises. Say so explicitly if intended. Durations are compared as for SLA3202.'),

  // ---- SLA33xx: units ------------------------------------------------------------------------------
  businessDaysUneven: def('SLA3301', 'error', 'Business days on a calendar with uneven days',
    '`N business days` means N times the length of one business day, so every working day of the calendar must have the same length. Use business hours instead, or make the days even.'),
  businessOn24x7: def('SLA3302', 'info', 'Business time on a 24x7 calendar',
    'The calendar covers the whole week and has no holidays, so its business time is plain wall-clock time: `4 business hours` is `4 hours`.'),
  zeroDuration: def('SLA3303', 'warning', 'Duration of zero',
    'A target, notice or claim window of zero time is due the instant its clock starts: it is almost always a typo. Percentages outside 0-100 are reported as SLA2011.'),
  businessWithoutHours: def('SLA3304', 'error', 'Business time on a calendar without hours',
    'The calendar declares no weekly business hours, so business time on it never passes and the target is never due.'),

  // ---- SLA34xx: calendars and holidays -----------------------------------------------------------
  unknownCountry: def('SLA3401', 'error', 'Unknown holiday country',
    'date-holidays knows no country (or state or region) with this code, so the calendar would silently have no public holidays. Use an ISO 3166 code such as CO, US or US-NY.'),
  holidayAddedTwice: def('SLA3402', 'warning', 'Holiday added twice',
    'The same date is added as a holiday twice, or is added although it is already a public holiday of the calendar (pinned, or from date-holidays).'),
  holidayRemovedAbsent: def('SLA3403', 'warning', 'Removed holiday is not a holiday',
    '`not a holiday D` removes a date that is not a holiday of the calendar in that year (neither pinned, nor from date-holidays, nor added): the line has no effect; check the date.'),
  holidayAddedAndRemoved: def('SLA3404', 'warning', 'Holiday added and removed',
    'The same date is both added as a holiday and removed: slac applies the removal, but the contract contradicts itself.'),
  holidayDrift: def('SLA3405', 'warning', 'Pinned holidays differ from date-holidays',
    'The holidays pinned for a year differ from what the installed date-holidays returns for the country (public holidays, by local date). A law or a library change moved them: verdicts use the pinned dates; review them and update the pin if the law changed. The message lists the dates on each side.'),
  pinnedOutsideYear: def('SLA3406', 'error', 'Pinned holiday outside its year',
    'A date listed under `pinned holidays YEAR` belongs to another year, so it is never used.'),
  holidaysNotPinned: def('SLA3407', 'info', 'Public holidays not pinned',
    'The calendar takes public holidays from date-holidays but pins no year, so upgrading the library could change a past verdict. Pin the years in use: `pinned holidays 2026: ...`.'),

  // ---- SLA35xx: names and structure --------------------------------------------------------------
  unusedCalendar: def('SLA3501', 'warning', 'Calendar never used',
    'No duration counts business time on this calendar. Categories and causes that no target names are not reported: records name them.'),
  maintenanceNoNotice: def('SLA3502', 'warning', 'Maintenance without a notice period',
    'The maintenance clause says no notice period (`notice at least 48 hours before the start`), so any maintenance counts as notified; or it requires an acknowledgement of a notice that is never given.'),
  maintenanceNoWindows: def('SLA3503', 'warning', 'Maintenance without windows',
    'The maintenance clause does not say when maintenance may happen: list the windows, or write `windows any time` if it may happen at any time (with notice).'),
  noOfficialChannel: def('SLA3504', 'error', 'Every reporting channel excluded',
    'Reports through other channels are excluded, but no official channel is declared, so every incident is excluded.'),
  noCountedCause: def('SLA3505', 'warning', 'No counted cause',
    'Every declared cause is excluded, so no incident or outage ever counts against the provider.'),
  noCauses: def('SLA3506', 'warning', 'No causes declared',
    'Every incident and outage record names its cause, and a cause the contract does not declare is rejected: without a `causes` clause no record can be evaluated. Declare at least the counted one: `causes` then `counted provider`.'),
} as const satisfies Record<string, DiagnosticDef>;

export type CheckKey = keyof typeof CHECKS;

registerDiagnostics(CHECKS);
