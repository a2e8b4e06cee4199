// The typed IR of a contract: names resolved, units normalised, calendars resolved.
// Types only; lowering lives in lower.ts. Every range is half-open. Spans point back into the
// source so that checks and verdict traces can name the clause (file:line) they come from.

import type { ClauseKind } from '../language/ast';
import type { Span } from '../language/span';

export type ObjectiveName = 'response' | 'restoration' | 'resolution';
export const OBJECTIVES: readonly ObjectiveName[] = ['response', 'restoration', 'resolution'];

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: 1 = Monday ... 7 = Sunday

/** An exact decimal as written ("99.96"), normalised (no trailing zeros), for exact arithmetic. */
export type DecimalText = string;

/** Minutes since local midnight; 0..1440 (1440 = `24:00`). */
export type LocalMinute = number;

export interface WeeklyRange {
  /** Day on which the range starts. */
  day: Weekday;
  /** Start minute on `day`. */
  from: LocalMinute;
  /** End minute; when `to <= from` (and not both 0..1440) the range crosses midnight into the next day. */
  to: LocalMinute;
  /** True when the range ends on the following day (written e.g. `21:00 to 01:00`). */
  crossesMidnight: boolean;
  span: Span;
}

export interface HolidayEdit {
  date: string; // YYYY-MM-DD, local to the contract's zone
  reason: string | null;
  span: Span;
}

export interface PinnedHolidays {
  year: number;
  dates: string[]; // YYYY-MM-DD, sorted, unique
  span: Span;
}

export interface Calendar {
  id: string;
  title: string | null;
  /** Weekly business hours; empty with `allDay` true means 24x7. */
  weekly: WeeklyRange[];
  /** True when declared `every day 00:00 to 24:00` or `24x7`: business time is wall time. */
  allDay: boolean;
  /** ISO 3166 country code (optionally with region, "US-NY") whose public holidays apply, or null. */
  holidayCountry: string | null;
  holidayCountrySpan: Span | null;
  added: HolidayEdit[];
  removed: HolidayEdit[];
  pinned: PinnedHolidays[];
  /** date-holidays' types the calendar takes (`holidays of SE: public, bank`); absent: public only. */
  holidayTypes?: ('public' | 'bank' | 'optional' | 'school' | 'observance')[];
  /** The IANA zone the calendar is read in (`calendar emea in Europe/London`); absent or null: the contract's zone. */
  zone?: string | null;
  /** Weekly ranges over several days whose ends may lie in other zones (`monday 00:00 in Asia/Tokyo to friday 17:00`). */
  spans?: WeekSpan[];
  span: Span;
}

/**
 * One weekly range from a day and time to a later day and time of the same week (or of the next,
 * when the end day comes first), each end read in its own zone (null: the calendar's zone). The
 * week is the start's: Monday 00:00 in Tokyo to Friday 17:00 in Los Angeles opens on a Monday date
 * in Tokyo and closes on the Friday date four days later, in Los Angeles.
 */
export interface WeekSpan {
  fromDay: Weekday;
  from: LocalMinute;
  fromZone: string | null;
  toDay: Weekday;
  to: LocalMinute;
  toZone: string | null;
  span: Span;
}

export interface Duration {
  /** The number as written, normalised ("2", "1.5"). */
  amount: DecimalText;
  unit: 'minute' | 'hour' | 'day';
  /** Calendar id for business time, null for wall-clock time. */
  calendar: string | null;
  /** Length in milliseconds: wall time, or counted business time (business days = N x day length). Null when unknown (business days on an uneven calendar). */
  ms: number | null;
  /** `1 regional business day`: counted on the calendar of the incident's region (calendar is then null, ms the wall length). */
  regional?: boolean;
  /** `end of next business day` (minute null) or `next business day by 12:00` (minute 720): due on the next business day of the calendar, not after a length (ms is null). */
  anchor?: { minute: number | null };
  span: Span;
}

export interface Target {
  objective: ObjectiveName;
  plan: string;
  severity: string;
  /** null = `none` (not applicable). */
  duration: Duration | null;
  /** How the target is communicated (`by email`), kept as data. */
  via: string[];
  /** The head line of the table the cell is in (`response targets ...`); absent for a target built by hand. */
  tableSpan?: Span;
  span: Span;
}

export interface CategoryTarget {
  objective: ObjectiveName;
  category: string;
  duration: Duration | null;
  via: string[];
  span: Span;
}

export interface Severity {
  id: string;
  title: string | null;
  description: string | null;
  aliases: string[];
  /** 0 = most severe (declaration order). */
  rank: number;
  span: Span;
}

export interface Plan {
  id: string;
  /** Position in the declared order, lowest plan first; meaningful only when `Plans.ordered`. */
  rank: number;
  span: Span;
}

export interface Category {
  id: string;
  description: string | null;
  span: Span;
}

export interface Cause {
  id: string;
  counted: boolean;
  description: string | null;
  span: Span;
}

export interface Channel {
  id: string;
  official: boolean;
  description: string | null;
  span: Span;
}

export interface ChannelRule {
  channels: Channel[];
  /** True when reports through channels other than the official ones are excluded. */
  othersExcluded: boolean;
  span: Span;
}

export interface Notice {
  duration: Duration;
  /** How notice is given (`by email then telephone`), as data. */
  via: string[];
  span: Span;
}

/** A covered service (`services` block). A contract without one has one implicit service, `default`. */
export interface Service {
  id: string;
  title: string | null;
  group: string | null;
  parts: ServicePart[];
  span: Span;
}

/** An operation or class of a service with targets of its own (`part read "DB cluster, read"`). */
export interface ServicePart {
  id: string;
  title: string | null;
  span: Span;
}

/** What a rule block applies to (`availability for service compute`); absent or null = everything not covered by a more specific one. */
export interface Scope {
  kind: 'service' | 'group';
  /** The service or group id. */
  id: string;
  /** With kind `service`: one part of it. */
  part: string | null;
  span: Span;
}

/**
 * What is judged on its own: a service, or a part of a service that declares parts, with the
 * rules that apply to it after precedence (part > service > group > unscoped).
 */
export interface ServiceUnit {
  /** `compute`, or `managed-postgres/read` for a part: the key records and periods use. */
  key: string;
  service: string;
  part: string | null;
  group: string | null;
  availability: Availability | null;
  credits: Credits | null;
  maintenance: Maintenance | null;
}

export interface Maintenance {
  scope?: Scope | null;
  windows: WeeklyRange[];
  /** True when the contract declares windows (even if empty); false when maintenance may happen any time. */
  hasWindows: boolean;
  notice: Notice | null;
  acknowledgementRequired: boolean;
  acknowledgementSpan: Span | null;
  /** Whether conforming maintenance counts as downtime. */
  countedAsDowntime: boolean;
  /** `kinds emergency, security`: what maintenance records may say in `kind` (absent: none declared). */
  kinds?: string[];
  /** The notice a kind needs instead of `notice`; null = none required (`as much as possible`). */
  kindNotices?: { kind: string; notice: Notice | null; span: Span }[];
  /** `allowance 8 hours per calendar month`: conforming maintenance beyond this much in a month counts (the excess). */
  allowanceMs?: number;
  allowanceSpan?: Span;
  /** `at most 4 windows per calendar month`: the maintenance after the first N of a month counts in full. */
  maxWindows?: number;
  maxWindowsSpan?: Span;
  span: Span;
}

/**
 * How downtime becomes minutes of a period: exact time; slots of N minutes (any downtime in a slot
 * marks it); full minutes (a minute counts when downtime covers all of it); started minutes (when
 * downtime touches it: slots of one minute).
 */
export type Measurement = { kind: 'exact' } | { kind: 'slots'; minutes: number } | { kind: 'full-minutes' } | { kind: 'started-minutes' };

/** `downtime when more than P% of requests fail in N minutes, with at least K requests`. */
export interface ErrorRateRule {
  /** Percent of requests: a window is down when failed / total is more than this. */
  threshold: DecimalText;
  /** The window the share is computed over, in minutes (1 for `in a minute`), aligned to the period's start. */
  windowMinutes: number;
  /** Fewer requests than this in a window: the window is not judged (null: any number). */
  minRequests: number | null;
  span: Span;
}

/**
 * The periods a target is judged over, in the zone of `periods in` (the contract's by default).
 * Quarters and years are runs of whole months: calendar ones start in January; fiscal ones in the
 * month of `fiscal year starts` (a fiscal year is named by the calendar year it ends in).
 */
export type PeriodKind = 'calendar-month' | 'calendar-quarter' | 'fiscal-quarter' | 'calendar-year' | 'fiscal-year';

/** A further target line of an availability block (`target 99.0% per calendar year, counted during business hours`): judged over its own periods, with the block's other rules. */
export interface AvailabilityTarget {
  target: DecimalText;
  targetSpan: Span;
  period: PeriodKind;
  countedDuring?: string;
  countedDuringSpan?: Span;
  span: Span;
}

export interface Availability {
  scope?: Scope | null;
  /** The first target line: the one credits are judged on. */
  target: DecimalText; // percent
  targetSpan: Span;
  period: PeriodKind;
  /** The block's further target lines, each of another period kind (absent: one target). */
  more?: AvailabilityTarget[];
  measurement: Measurement;
  /** `minimum downtime period N minutes`: a downtime episode shorter than this does not count (ms; absent = none). */
  minimumMs?: number | null;
  minimumSpan?: Span | null;
  /** Downtime from request counts (`requests` records), besides outages. */
  errorRates?: ErrorRateRule[];
  /** `counted during business hours`: only that calendar's business hours are measured (downtime outside them does not count, and the period is their length); absent = all the time. */
  countedDuring?: string;
  countedDuringSpan?: Span;
  /** `only with setup X`: the target applies only while the customer has setup X (`setup` records); absent = always. */
  setup?: string;
  setupSpan?: Span;
  span: Span;
}

export interface Reliability {
  maxIncidents: number;
  period: PeriodKind;
  span: Span;
}

export interface Bound {
  value: DecimalText; // percent
  inclusive: boolean;
}

export interface CreditBand {
  /** null = unbounded below (0%). */
  lower: Bound | null;
  /** null = unbounded above (100%). */
  upper: Bound | null;
  /** The number in the credit cell: percent of the basis, or (with `unit`) an amount or a number of days. */
  credit: DecimalText;
  /** `2.00 EUR` (an amount in the contract's currency) or `3 days of service` (days of the month's charge); absent: a percentage. */
  unit?: 'amount' | 'service-days';
  span: Span;
}

export type Rounding = 'started' | 'full' | 'pro-rata';

export interface LinearCredit {
  /** Credit percent per step. */
  percentPerStep: DecimalText;
  /** Step size in percentage points of availability below target. */
  step: DecimalText;
  rounding: Rounding | null;
  span: Span;
}

/** How amounts round to the currency's minor unit. */
export type MoneyRounding = 'half-up' | 'half-even';

/** `currency EUR, rounded half-even to the minor unit`: the currency of invoices and credits. */
export interface CurrencyRule {
  /** ISO 4217 code, upper case. */
  code: string;
  /** Digits after the point of the minor unit (2 for EUR, 0 for JPY), from Intl. */
  minorUnit: number;
  rounding: MoneyRounding;
  /** False when the contract did not say (`half-up` is used). */
  roundingStated: boolean;
  span: Span;
}

/** A cap on credits beyond the monthly percentage (`cap`): an amount, or a percentage over a year or 12 months. */
export interface CreditCap {
  kind: 'percent' | 'money';
  /** Percent of the charges of the months it looks at, or the amount in the contract's currency. */
  value: DecimalText;
  per: 'calendar-month' | 'calendar-year' | 'rolling-12-months';
  span: Span;
}

/** A credit owed for a period in which too many incidents missed an objective (GitHub: more than four missed responses in a fiscal quarter). */
export interface MissedTargetsCredit {
  /** Percent of the basis. */
  percent: DecimalText;
  /** More incidents than this must miss the objective. */
  more: number;
  /** The severities whose incidents count (ids); null: every severity. */
  severities: string[] | null;
  /** `of category hardware-replacement`: the categories whose incidents count (ids); absent: every category. */
  categories?: string[];
  objective: 'response' | 'restoration' | 'resolution';
  period: PeriodKind;
  span: Span;
}

export interface Credits {
  scope?: Scope | null;
  /** What the credit is a share of, as written: free text, or the words of `basis monthly charge of the service`. */
  basis: string | null;
  /** `basis monthly charge of the service` (only the service's own invoices) or `of the group` (the group's invoices and those of every service in it); absent for a basis in free text: the service's invoices, else its group's. */
  chargeOf?: 'service' | 'group';
  basisSpan?: Span;
  bands: CreditBand[];
  linear: LinearCredit | null;
  /** `20% when more than 4 incidents of severity urgent, high miss their response target per fiscal quarter`: a credit for each period in which more incidents than this missed the objective. Absent = none. */
  missedTargets?: MissedTargetsCredit;
  cap: DecimalText | null;
  capSpan: Span | null;
  /** How a credit is paid: on the next invoice, or within N days of the claim (of the invoice, without a claim window). Absent = not stated. */
  payment?: { kind: 'next-invoice'; span: Span } | { kind: 'within'; duration: Duration; span: Span };
  /** `expire at termination`: a credit not paid by the agreement's termination date is lost. */
  expiresAtTermination?: { span: Span };
  /** `no stacking` (of several credits for one month only the highest is paid) or `several credits add up` (the default when absent). */
  stacking?: { kind: 'no-stacking' | 'add-up'; span: Span };
  /** `withheld while invoices are unpaid`: nothing is payable while an invoice of the service issued by as-of is unpaid. */
  withheldWhileUnpaid?: { span: Span };
  /** Caps other than the monthly percentage, in source order: amounts, and caps over a year or 12 months. Absent = none. */
  caps?: CreditCap[];
  /** From the invoice date, the month's last day, or the day the month's last counted downtime ended (`after the incident`); `from` is absent in an IR built by hand (read from `after`). */
  claimWindow: { duration: Duration; after: string; from?: 'invoice' | 'month-end' | 'incident' } | null;
  span: Span;
}

/** The provider's report of each month, due within a number of days (or business days of a calendar) after the month's last day. */
export interface ReportObligation {
  every: 'calendar-month';
  /** `10 days` (calendar days) or `10 business days` (the dates with business time of that calendar). */
  within: Duration;
  /** `missing counts as a default`: a month whose report is not in by the deadline (late or never) owes the credit of a month at 0% availability. */
  missingIsDefault: boolean;
  span: Span;
}

export interface Note {
  kind: 'note' | 'clause';
  title: string;
  text: string;
  span: Span;
}

/**
 * A line the contract has but slac could not read (a syntax error), or a line lowering rejected
 * (a value out of range, a cell that is not a duration...). Its error is reported; whatever
 * depends on it is not (a check skips what such a line may have said).
 */
export interface Unreadable {
  /** The clause it is, or is a line of; null when it could be any clause. */
  clause: ClauseKind | null;
  /** The words written on it, as written: the names it may have declared. */
  words: string[];
  span: Span;
}

// ---- support SLAs: regions, pause reasons, clocks, recurring updates ----

export interface Region {
  id: string;
  title: string | null;
  /** The calendar `regional` durations count on for incidents of this region; null when none is named. */
  calendar: string | null;
  /** `zones Asia/Tokyo, Asia/Seoul`: a record giving the customer's `zone` (one of these IANA names) is of this region. */
  zones?: string[];
  span: Span;
}

// ---- incident targets that depend on more than plan x severity ----

/** A deployment environment incidents may name (`environments` block: `production "Production"`). */
export interface Environment {
  id: string;
  title: string | null;
  span: Span;
}

/** What an incident target table is for: `for environment production`, `for channel phone`, `for region japan`, `for service compute part read`. */
export interface TargetScope {
  kind: 'environment' | 'channel' | 'region' | 'service';
  /** The declared id (environment, channel, region or service). */
  id: string;
  /** With kind `service`: one part of it. */
  part: string | null;
  span: Span;
}

/**
 * A target table with a scope: its cells apply to the incidents the scope names. A table may give
 * only some plans x severities; a cell it does not give falls through to the next applicable table
 * (category > service > environment > channel > region > the unscoped table); a `none` cell does not.
 */
export interface TargetTable {
  objective: ObjectiveName;
  scope: TargetScope;
  targets: Target[];
  /** The head line (`response targets for environment production`). */
  span: Span;
}

/** The order in which tables apply to an incident, most specific first (categories are kept apart, in `categoryTargets`). */
export const TARGET_SCOPE_ORDER: readonly TargetScope['kind'][] = ['service', 'environment', 'channel', 'region'];

/** `environment staging`, `service compute part read`: a scope as messages and traces name it. */
export function describeTargetScope(scope: TargetScope): string {
  return `${scope.kind} ${scope.id}${scope.part ? ` part ${scope.part}` : ''}`;
}

export interface PauseReason {
  id: string;
  description: string | null;
  span: Span;
}

/** The instants of an incident a clock can start at. */
export type ClockEvent = 'opened' | 'prioritized' | 'acknowledged' | 'responded' | 'restored' | 'resolved';
export const CLOCK_EVENTS: readonly ClockEvent[] = ['opened', 'prioritized', 'acknowledged', 'responded', 'restored', 'resolved'];

/** An objective's clock, as the `clocks` block says (defaults: starts at opened, never pauses, reopened continues). */
export interface ClockRule {
  objective: ObjectiveName | 'update';
  startsAt: ClockEvent;
  /** Pause reasons (declared ids) that stop this clock; empty: it never pauses. */
  pausesWhile: string[];
  /** True when a pause suspends only business time: targets on the wall clock keep running. */
  businessOnly: boolean;
  /** How a reopened ticket is judged: a new cycle with a fresh target, or the clock of the first cycle continues. */
  reopened: 'new-cycle' | 'continue';
  span: Span;
}

/** `update every 8 hours until restored`: after the clock starts, an update is due every interval until the event. */
export interface UpdateObjective {
  every: Duration;
  until: 'restored' | 'resolved';
  /** Severities it applies to; null: every severity. */
  severities: string[] | null;
  span: Span;
}

export interface Contract {
  /** File the contract was read from (for traces and diagnostics). */
  file: string;
  name: string | null;
  version: string | null;
  /** YYYY-MM-DD, or null when `unspecified`/absent. */
  effective: string | null;
  provider: string | null;
  customer: string | null;
  /** IANA zone. A contract without one (or with an unknown one) has an error that cannot be silenced, so it is never evaluated; the field then holds 'UTC' only as a placeholder. */
  timeZone: string;
  calendars: Calendar[];
  /** In rank order: `severities[i].rank === i`. */
  severities: Severity[];
  /** In declared order, which is rank order: `plans[i].rank === i`. */
  plans: Plan[];
  /** True when plans were declared `a < b < c`. */
  plansOrdered: boolean;
  /** True when the contract declared no plans: records may omit `plan`; its id is `default`. */
  implicitPlan: boolean;
  categories: Category[];
  targets: Target[];
  categoryTargets: CategoryTarget[];
  causes: Cause[];
  channels: ChannelRule | null;
  maintenance: Maintenance | null;
  availability: Availability | null;
  reliability: Reliability | null;
  credits: Credits | null;
  notes: Note[];
  /** Support SLAs (absent in an IR built by hand: none). */
  regions?: Region[];
  pauseReasons?: PauseReason[];
  clocks?: ClockRule[];
  updates?: UpdateObjective[];
  /** Declared environments (`environments` block); absent: none. */
  environments?: Environment[];
  /** Target tables with a scope, in source order; absent: none. */
  targetTables?: TargetTable[];
  /** The declared services, in order; empty when the contract declares none (one implicit service, `default`). Lowering always sets it. */
  services?: Service[];
  /** The customer setups a target may depend on (`setups` block); lowering always sets it. */
  setups?: { id: string; title: string | null; span: Span }[];
  /** The rule blocks with a `for ...` scope, in source order (the unscoped ones are `availability`, `credits`, `maintenance`). */
  scoped?: { availability: Availability[]; credits: Credits[]; maintenance: Maintenance[] };
  /** What is judged, with the rules that apply to each; one unit, `default`, without services. Lowering always sets it. */
  units?: ServiceUnit[];
  /** `periods in UTC+02:00`: the zone months, quarters and years begin in (an IANA zone or `UTC+hh:mm`); absent: the contract's zone. */
  periodZone?: { zone: string; span: Span };
  /** `fiscal year starts february`: the month (1-12) fiscal quarters and years start in; absent: none declared. */
  fiscalYearStart?: { month: number; span: Span };
  /** `termination 2026-06-30`: the agreement ends that day (a `termination` record may give it too; the earlier counts). */
  termination?: { date: string; span: Span };
  /** `report monthly within 10 business days after the month ends, missing counts as a default`; absent without one. */
  report?: ReportObligation;
  /** The currency of invoices and credits in money; absent or null without a `currency` clause. */
  currency?: CurrencyRule | null;
  /** What could not be read, in source order. Lowering always sets it; absent (an IR built by hand) means read in full. */
  unreadable?: Unreadable[];
}
