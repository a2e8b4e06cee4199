// The SLA3xxx part of the diagnostic table: one entry per static check, in sub-bands by family
// (30xx credits, 31xx windows and hours, 32xx target matrix, 33xx units, 34xx calendars and
// holidays, 35xx names and structure, 36xx availability and reliability, 37xx services and downtime definitions). Importing this module
// registers them with the language's table.

import { type DiagnosticDef, registerDiagnostics, type Severity } from '../../language/diagnostics';

function def(code: string, severity: Severity, title: string, explain: string): DiagnosticDef {
  return { code, severity, title, explain };
}

/** Minutes: a gap between two maintenance windows shorter than this reads as a slip of the pen. */
export const SHORT_GAP_MINUTES = 15;

/** Effective years outside [EARLIEST, LATEST] are implausible: fixed bounds, never today's date. */
export const EFFECTIVE_EARLIEST_YEAR = 1990;
export const EFFECTIVE_LATEST_YEAR = 2100;
/** An effective year further than this from every pinned holiday year is implausible too. */
export const EFFECTIVE_PINNED_DISTANCE_YEARS = 5;

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
  creditBandUnreachable: def('SLA3014', 'warning', 'Credit band no month can fall in',
    'Availability measured in slots moves in whole slots: a month of 30 days has 720 slots of an hour, so its availability is 100%, 99.8611...% (one slot down), 99.7222...%, and nothing in between. A band whose minimum lies between two such steps in every month (`at least 99.9% and below 99.95%` with hourly slots) can never apply. Months of 28 to 31 days in the contract\'s zone (daylight-saving months included) are considered.'),

  // ---- SLA31xx: maintenance windows and business hours -------------------------------------------
  windowOverlap: def('SLA3101', 'warning', 'Maintenance windows overlap',
    'Two maintenance windows cover the same time of the week. The union is used, but overlapping windows usually mean a typo in a day or an hour.'),
  windowsAlmostTouch: def('SLA3102', 'warning', 'Maintenance windows almost touch',
    `Two maintenance windows leave a gap shorter than ${SHORT_GAP_MINUTES} minutes between them (Saturday 17:00 to 24:00, then Sunday 00:01 to 23:59 leaves 00:00 to 00:01 uncovered). Maintenance running through that minute is outside the windows and counts as downtime. Longer gaps between windows are normal and not reported, unless the other days do not have them (SLA3110).`),
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
  noticeLongerThanCycle: def('SLA3109', 'info', 'Notice longer than the week of windows',
    'Maintenance windows repeat every week, but the notice period is longer than a week on its own clock (`10 days`, or `6 business days` on a calendar with 50 business hours a week): no window of the coming week can be used for maintenance decided now; every maintenance must be planned more than a week ahead. Usually intended for major work; check that it is.'),
  windowPatternGap: def('SLA3110', 'warning', 'Window that stops or starts unlike the others',
    `A maintenance window stops while the windows starting at the same time on at least two other days all go on (every other night runs 21:00 to 01:00, Wednesday stops at 23:00), or starts while those ending at the same time on at least two other days are all already running. The gap it leaves is outside every window, and maintenance running through it counts as downtime. Such a gap is reported whatever its length, because the windows' own pattern says it is probably a slip; gaps that the days share, days that differ alike (Saturday and Sunday both shorter), and gaps shorter than ${SHORT_GAP_MINUTES} minutes or next to midnight (SLA3102, SLA3103) are not reported here.`),

  // ---- SLA32xx: the target matrix --------------------------------------------------------------
  missingTarget: def('SLA3201', 'error', 'No target for a plan and severity',
    'An objective (response, restoration, resolution) that the contract uses must give every plan x severity a target or an explicit `none`; otherwise an incident of that plan and severity has no due time. Names that are undeclared or cells given twice are reported as SLA2001 and SLA2002.'),
  severityInversion: def('SLA3202', 'warning', 'More severe level with a looser target',
    'For one plan and objective, a more severe level (declared earlier in `severities`) has a later due time than a less severe one. Targets are compared when both count on the same clock (both wall-clock or both business time of the same calendar), or when a business-time target is longer than a wall-clock one (it is then always due later); other pairs cannot be decided statically. `none` on the more severe level is SLA3207.'),
  planInversion: def('SLA3203', 'warning', 'Higher plan with a looser target',
    'Plans declared in order (`plans essential < standard < professional`) promise more as they go up, but here a higher plan has a later due time, or `none` where a lower plan has a target, for the same severity and objective. Durations are compared as for SLA3202. When every comparison goes against the ranking, one SLA3206 on the `plans` line replaces these.'),
  objectiveOrder: def('SLA3204', 'warning', 'Later objective due before an earlier one',
    'Restoration or resolution is due before the response for the same plan, severity and category (or resolution before restoration): the provider may restore a service it has not yet acknowledged. Durations are compared as for SLA3202; category targets are taken into account where they override.'),
  plansReversed: def('SLA3206', 'warning', 'Plans ranked the wrong way round',
    'Every comparison the target tables allow between plans goes against the declared ranking (`plans a < b < c` ranks them lowest first): each higher plan has later due times, or `none` where a lower plan has a target. The ranking is probably written the wrong way round; one finding on the `plans` line replaces one per table cell (SLA3203).'),
  severeWithoutTarget: def('SLA3207', 'warning', 'More severe level without a target',
    'For one plan and objective, a more severe level (declared earlier in `severities`) has `none` while a less severe level has a target: the worst incidents get no due time at all. Write a target, or check the order of `severities`.'),
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
    'The calendar takes public holidays from date-holidays but pins no year, so upgrading the library could change a past verdict. Pin the years in use: `slac holidays CO 2026` prints a ready `pinned holidays 2026: ...` line.'),
  holidayBeforeEffective: def('SLA3408', 'warning', 'Holiday before the contract takes effect',
    'A holiday is added on a date before the effective date: incidents of that day are judged by an earlier version, if any, so the line has no effect (an incident older than every version is judged by the earliest one, which is the only case it could matter). Usually the year is wrong.'),
  holidayOnClosedDay: def('SLA3409', 'warning', 'Holiday on a day the calendar is closed',
    'A holiday is added on a date on which the calendar has no business hours anyway (a Saturday of a Monday-to-Friday calendar): the line removes nothing. Usually the date is wrong, or a working day was meant.'),

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
  effectiveImplausible: def('SLA3507', 'warning', 'Effective date implausibly far',
    `The effective date is before ${EFFECTIVE_EARLIEST_YEAR} or after ${EFFECTIVE_LATEST_YEAR}, or more than ${EFFECTIVE_PINNED_DISTANCE_YEARS} years away from every year whose holidays the contract pins: usually a typo in the year (2062 for 2026). The bounds are fixed, not today's date: checks never read the machine's clock.`),
  noCauses: def('SLA3506', 'warning', 'No causes declared',
    'Every incident and outage record names its cause, and a cause the contract does not declare is rejected: without a `causes` clause no record can be evaluated. Declare at least the counted one: `causes` then `counted provider`.'),

  // ---- SLA36xx: availability and reliability ---------------------------------------------------
  availabilityHundred: def('SLA3601', 'warning', 'Availability target of 100%',
    'A target of 100% allows no downtime at all: a single counted second breaches the month, and credits fall due for it. Targets are normally below 100% (99.9%), leaving an allowance.'),
  reliabilityZero: def('SLA3602', 'warning', 'Reliability limit of zero',
    '`at most 0 counted incidents` breaches the month with its first counted incident, however small: the objective cannot be met by any month that has an incident at all. Usually a positive limit was meant.'),
  slotTooCoarse: def('SLA3603', 'warning', 'Measurement slot as coarse as the allowance',
    `With \`measured in slots of N minutes\`, one marked slot counts N minutes of downtime. When N is more than the downtime the target allows in a month (a 1-hour slot at 99.95%: 0.05% of a 28-day month is 20.16 minutes), any downtime at all, even a second, breaches the month; a slot as long as the month makes every month with downtime 0%. The shortest month (28 days) is used.`),

  // ---- SLA38xx: support clocks, pauses, regions ------------------------------------------------
  pausedWithoutReasons: def('SLA3801', 'error', 'Paused clock without pause reasons',
    'A clock `pauses while` some reason, but the contract declares no `pause reasons`, so no record can carry such a pause (an undeclared reason rejects the record) and the clock never pauses. Declare the reasons: `pause reasons` then `waiting-on-customer "waiting on the customer"`.'),
  regionWithoutCalendar: def('SLA3802', 'error', 'Regional target without a region calendar',
    'A target counts `regional` business time, that is on the calendar of the incident\'s region, but a region names no calendar (or the contract declares no regions): incidents of that region cannot be judged. Give every region a calendar: `americas "Americas" calendar english-support`.'),
  spanEmptyPartOfYear: def('SLA3803', 'warning', 'Cross-zone range empty for part of the year',
    'A weekly range whose ends lie in different zones (`monday 09:00 in Asia/Tokyo to monday 10:30 in Australia/Sydney`) closes before it opens in some weeks of the year, because daylight-saving time moves the zones\' offsets apart: those weeks have no business time from it. The year checked is the effective year (2026 without one); the message names the first and last such week.'),
  windowsPastLimit: def('SLA3810', 'info', 'Maintenance windows past the monthly limit',
    'The maintenance windows allow more maintenance in every month than the limit that stands beside them: with `allowance 8 hours per calendar month`, weekly windows of 4 hours give at least 16 hours in the shortest month (28 days, four of each weekday); with `at most 2 windows per calendar month`, nightly windows give 28. Maintenance within the windows past the limit counts as downtime (the excess, or the later windows in full), which readers of the windows alone may not expect. Say so where the contract states the windows, or align the two.'),
  // ---- SLA37xx: cloud SLAs (services, downtime definitions) ------------------------------------
  serviceWithoutAvailability: def('SLA3701', 'warning', 'Service without an availability rule',
    'The contract declares services and judges the availability of some, but no availability rule reaches this one (or one of its parts): not `availability for service X`, nor `for group G` of its group, nor an unscoped `availability` clause. Its outages are read but judged by nothing, so no credit can ever fall due for it. Add a rule, or an unscoped clause for every service not covered.'),
  minimumPastAllowance: def('SLA3702', 'warning', 'Minimum downtime period longer than the allowance',
    'With `minimum downtime period N minutes`, an outage shorter than N minutes does not count. When N is more than the downtime the target allows in a month (99.99% of a 28-day month allows 4.032 minutes), outages far past the allowance never count, and the first one that does breaches the month: the target says less than it seems. The shortest month (28 days) is used.'),
  errorThresholdAtEnd: def('SLA3703', 'warning', 'Error-rate threshold of 0% or 100%',
    '`downtime when more than 0% of requests fail` marks a window down for a single failed request; `more than 100%` never marks one down, since no more requests can fail than were made. Usually a threshold in between (5%, 10%) was meant.'),
  boundAmbiguous: def('SLA3705', 'warning', 'Bound ambiguous at its ends',
    'A credit band written `99.0 - 99.9 %` (as SLAs print them) does not say whether 99.0% and 99.9% belong to it. slac reads it as at least the first and below the second, [99.0%, 99.9%), so that bands written this way tile without overlap; the other reading, both ends included, makes two such bands share their common end (SLA3002), and the top band pay a credit at the target itself (SLA3003). Write the words meant: `at least 99.0% and below 99.9%` (or `99.0% to < 99.9%`), or `between 99.0% and 99.9%`.'),
  downtimeDefinitionMeaningless: def('SLA3704', 'warning', 'Downtime definition that makes the target meaningless',
    'An error-rate window longer than the downtime the target allows in a month (a window of 5 minutes at 99.99%: 4.032 minutes in 28 days) breaches the month with one window above the threshold; a minimum downtime period as long as a month lets no outage inside one count at all.'),

  capNeverBinds: def('SLA3901', 'warning', 'Cap over several months that never binds',
    'A cap in percent per calendar year or per rolling 12 months is a share of the charges of the months it looks at. When no single month can credit more than that share of its own charge (the largest band credit, or the monthly cap), no sum of months can exceed it either: the cap never binds. Usually a lower share was meant (50% of the year against credits of up to 100% a month).'),
  amountBeyondMinorUnit: def('SLA3902', 'warning', 'Amount finer than the currency',
    'An amount has more decimals than the currency\'s minor unit (EUR has cents: 100.005 EUR): no invoice or credit can be that amount. Round it to the minor unit.'),
  serviceDaysBeyondMonth: def('SLA3905', 'warning', 'More days of service than a month has',
    'A band credits `N days of service`: in money, the month\'s charge x N / the days of the month. With more days than the shortest month has (February: 28, 29 in a leap year), that credit is more than the whole charge of such a month. A cap (`at most 100%`) may be meant to stop it; otherwise fewer days were probably meant.'),
  groupBasisWithoutGroup: def('SLA3906', 'warning', 'Basis of the group for a service without a group',
    'The credits say `basis monthly charge of the group`, but they apply to a service the `services` block puts in no group (or the contract declares no services): its charge can never be found, so its credit is never put in money. Give the service a group, or use `basis monthly charge of the service`.'),
  terminationBeforeEffective: def('SLA3907', 'warning', 'Termination before the contract takes effect',
    'The `termination` date comes before the `effective` date: the agreement ends before it begins, so every credit it owes with `expire at termination` is lost at once. One of the two dates is probably wrong.'),
  missedTargetsNeverOwed: def('SLA3909', 'warning', 'Credit for missed targets that is never owed',
    'A credit for missed targets (`20% when more than 4 incidents of severity urgent, high miss their response target per fiscal quarter`) counts incidents whose objective was breached; when no incident of the severities it names has a target for that objective (no table gives one, or every cell is `none`), no incident can miss it and the credit is never owed. Name the severities the SLA guarantees, or the objective it means.'),
  terminationWithoutExpiry: def('SLA3908', 'info', 'Termination date that changes nothing',
    'The contract gives a `termination` date, but no credits block says `expire at termination`: credits not paid by that date stay payable, and the date changes no verdict. Add `expire at termination` to the credits that end with the agreement, if they do.'),
} as const satisfies Record<string, DiagnosticDef>;

export type CheckKey = keyof typeof CHECKS;

registerDiagnostics(CHECKS);
