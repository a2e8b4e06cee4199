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

export interface Maintenance {
  windows: WeeklyRange[];
  /** True when the contract declares windows (even if empty); false when maintenance may happen any time. */
  hasWindows: boolean;
  notice: Notice | null;
  acknowledgementRequired: boolean;
  acknowledgementSpan: Span | null;
  /** Whether conforming maintenance counts as downtime. */
  countedAsDowntime: boolean;
  span: Span;
}

export type Measurement = { kind: 'exact' } | { kind: 'slots'; minutes: number };

export interface Availability {
  target: DecimalText; // percent
  targetSpan: Span;
  period: 'calendar-month';
  measurement: Measurement;
  span: Span;
}

export interface Reliability {
  maxIncidents: number;
  period: 'calendar-month';
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
  credit: DecimalText; // percent of the basis
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

export interface Credits {
  basis: string | null;
  bands: CreditBand[];
  linear: LinearCredit | null;
  cap: DecimalText | null;
  capSpan: Span | null;
  claimWindow: { duration: Duration; after: string } | null;
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
  span: Span;
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
  severities: Severity[];
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
  /** What could not be read, in source order. Lowering always sets it; absent (an IR built by hand) means read in full. */
  unreadable?: Unreadable[];
}
