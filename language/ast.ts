// The syntax tree of a contract, close to what was written (one node per line of the source).
// Types only, discriminated by `kind`; built by cst-to-ast.ts, lowered to the IR by compiler/lower.ts.

import type { Span } from './span';

export interface Ident {
  name: string;
  span: Span;
}

export interface Text {
  value: string;
  span: Span;
}

/** A number as written ("99.00", "04"). */
export interface NumberText {
  text: string;
  span: Span;
}

export interface DurationNode {
  kind: 'duration';
  amount: NumberText;
  /** The calendar a business unit counts on (`business` in `4 business hours`, `support` in `2 days on calendar support`). */
  calendar: Ident | null;
  /** Written `N unit on calendar X` rather than `N X units`. */
  onCalendar?: boolean;
  /** `1 regional business day`: counted on the calendar of the incident's region. */
  regional?: boolean;
  /** `end of next business day`, `next business day by 12:00`: due at a time of the next business day (amount 1, unit day). */
  anchor?: { kind: 'end-of-next-day' } | { kind: 'next-day-by'; time: NumberText };
  /** Written `within 1 business day` (read as `1 business day`). */
  within?: boolean;
  unit: 'minute' | 'hour' | 'day';
  span: Span;
}

export interface ViaNode {
  methods: Ident[];
  span: Span;
}

export interface TargetValueNode {
  kind: 'target';
  /** null = `none` / `NA`. */
  duration: DurationNode | null;
  via: ViaNode | null;
  span: Span;
}

export interface BoundSide {
  op: 'at least' | 'at most' | 'above' | 'below';
  value: NumberText; // percent without %
}

export interface BoundNode {
  kind: 'bound';
  /** `between X and Y` (inclusive at both ends) is written with op 'between'. */
  between: boolean;
  /** Lower bound first. Symbols (`99% to < 99.9%`, `< 95%`, `>= 99.9%`) are read into these words. */
  sides: BoundSide[];
  /** `X - Y%`: read as at least X and below Y, but ambiguous at its ends (SLA3705); fmt keeps the dash. */
  dash?: boolean;
  span: Span;
}

export type CellValue =
  | TargetValueNode
  | { kind: 'percent'; value: NumberText; span: Span }
  /** `2.00 EUR`: a fixed credit in money. */
  | { kind: 'money'; amount: NumberText; currency: Ident; span: Span }
  /** `3 days of service`: a credit of that many days of the month's charge. */
  | { kind: 'serviceDays'; days: NumberText; span: Span }
  | BoundNode
  | { kind: 'text'; value: string; span: Span }
  | { kind: 'words'; words: Ident[]; span: Span }
  | { kind: 'empty'; span: Span };

export interface TableRow {
  cells: CellValue[];
  span: Span;
}

export interface Table {
  kind: 'table';
  header: TableRow;
  rows: TableRow[];
  span: Span;
}

export interface DayRange {
  from: Ident; // day names
  to: Ident | null;
  span: Span;
}

export interface TimeRangeNode {
  from: NumberText; // "08:00"
  to: NumberText;
  span: Span;
}

export interface HoursLine {
  kind: 'hours';
  everyDay: boolean;
  days: DayRange[];
  ranges: TimeRangeNode[];
  span: Span;
}

/** `monday 00:00 in Asia/Tokyo to friday 17:00`: one weekly range over days, each end in its own zone. */
export interface WeekSpanLine {
  kind: 'weekSpan';
  fromDay: Ident;
  from: NumberText;
  fromZone: Text | null;
  toDay: Ident;
  to: NumberText;
  toZone: Text | null;
  span: Span;
}

export type CalendarLine =
  | HoursLine
  | WeekSpanLine
  | { kind: 'publicHolidays'; country: Ident; span: Span }
  | { kind: 'holidaysOf'; country: Ident; types: Ident[]; span: Span }
  | { kind: 'addHoliday'; date: NumberText; reason: Text | null; span: Span }
  | { kind: 'removeHoliday'; date: NumberText; reason: Text | null; span: Span }
  | { kind: 'pinnedHolidays'; year: NumberText; dates: NumberText[]; span: Span };

export interface SeverityLine {
  kind: 'severity';
  id: Ident;
  title: Text | null;
  aliases: Ident[];
  description: Text | null;
  span: Span;
}

export type MaintenanceLine =
  | { kind: 'windows'; anyTime: boolean; span: Span }
  | HoursLine
  | { kind: 'notice'; duration: DurationNode; via: ViaNode | null; span: Span }
  | { kind: 'acknowledgement'; required: boolean; span: Span }
  | { kind: 'downtime'; counted: boolean; span: Span }
  | { kind: 'kinds'; names: Ident[]; span: Span }
  /** `notice for emergency at least 4 hours before the start`, or `as much as possible` (duration null: no notice required). */
  | { kind: 'kindNotice'; forKind: Ident; duration: DurationNode | null; via: ViaNode | null; span: Span }
  | { kind: 'allowance'; duration: DurationNode; span: Span }
  | { kind: 'windowLimit'; count: NumberText; span: Span };

/** The words of `per calendar month` / `per fiscal quarter` / `per calendar year`: `calendar` or `fiscal`, then the unit. */
export interface PeriodWords {
  fiscal: boolean;
  unit: 'month' | 'quarter' | 'year';
  span: Span;
}

export type AvailabilityLine =
  /** `target 99.0% per calendar quarter` (`per`: the words after `per`), optionally `, counted during business hours`. */
  | { kind: 'target'; percent: NumberText; per: PeriodWords; countedDuring?: Ident; span: Span }
  /** `measured as exact time` (slot null), `in slots of N minutes`, or `in full minutes` / `in started minutes` (`minutes`). */
  | { kind: 'measured'; slot: DurationNode | null; minutes?: 'full' | 'started'; span: Span }
  | { kind: 'minimumDowntime'; duration: DurationNode; span: Span }
  | { kind: 'onlyWithSetup'; setup: Ident; span: Span }
  /** `counted during business hours`: availability measured within that calendar's hours only. */
  | { kind: 'countedDuring'; calendar: Ident; span: Span }
  /** `downtime when more than P% of requests fail in a minute` (window null) or `in N minutes`, optionally `with at least K requests`. */
  | { kind: 'errorRate'; percent: NumberText; window: DurationNode | null; minRequests: NumberText | null; span: Span };

export type CreditLine =
  /** `basis "free text"` (text), or `basis monthly charge of the service` (words, text null). */
  | { kind: 'basis'; text: Text | null; words?: Ident[]; span: Span }
  | Table
  | { kind: 'linear'; percent: NumberText; rounding: 'started' | 'full' | 'pro-rata' | null; step: NumberText; span: Span }
  /** `20% when more than 4 incidents of severity urgent, high miss their response target per fiscal quarter`. */
  | { kind: 'missedTargets'; percent: NumberText; more: NumberText; severityWord: Ident | null; severities: Ident[]; objective: 'response' | 'restoration' | 'resolution'; per: PeriodWords; span: Span }
  | CapLine
  | { kind: 'payment'; within: DurationNode | null; words: Ident[]; span: Span }
  | { kind: 'withheld'; words: Ident[]; span: Span }
  /** `expire at termination`. */
  | { kind: 'expire'; span: Span }
  /** `no stacking` (noStacking true) or `several credits add up`. */
  | { kind: 'stacking'; noStacking: boolean; span: Span }
  | { kind: 'claim'; duration: DurationNode; after: Ident[]; span: Span };

/** `at most 50%`, `at most 10000.00 EUR per calendar year`: a percentage or an amount, over a period (`per` words; none = per month). */
export interface CapLine {
  kind: 'cap';
  /** The percentage, or null for an amount. */
  percent: NumberText | null;
  money?: { amount: NumberText; currency: Ident };
  /** The words after `per` (`calendar month`, `rolling 12 months`), or absent. */
  per?: Ident[];
  span: Span;
}

/** `for service compute`, `for service mdb part read`, `for group databases` on a block's head line. */
export interface ScopeNode {
  kind: 'service' | 'group';
  name: Ident;
  part: Ident | null;
  span: Span;
}

/** The scope of an incident target table: `for environment production`, `for channel phone`, `for region japan`, `for service compute part read`. */
export interface TargetScopeNode {
  kind: 'environment' | 'channel' | 'region' | 'service';
  name: Ident;
  part: Ident | null;
  span: Span;
}

/** A line of the `services` block: a service (with its title and group), or a part of the service above it. */
export type ServiceLine =
  | { kind: 'service'; id: Ident; title: Text | null; group: Ident | null; span: Span }
  | { kind: 'part'; id: Ident; title: Text | null; span: Span };

export type Statement =
  | { kind: 'contract'; name: Text; span: Span }
  | { kind: 'version'; value: Text; span: Span }
  | { kind: 'effective'; date: NumberText | null; span: Span }
  | { kind: 'party'; role: 'provider' | 'customer'; name: Text; span: Span }
  | { kind: 'timeZone'; zone: Text; quoted: boolean; span: Span }
  | { kind: 'calendar'; id: Ident; zone?: Text | null; title: Text | null; lines: CalendarLine[]; headerSpan: Span; span: Span }
  | { kind: 'severities'; items: SeverityLine[]; headerSpan: Span; span: Span }
  | { kind: 'plans'; names: Ident[]; separators: (',' | '<')[]; span: Span }
  | { kind: 'categories'; items: (Table | { kind: 'category'; id: Ident; description: Text | null; span: Span })[]; headerSpan: Span; span: Span }
  | {
      kind: 'objective';
      objective: 'response' | 'restoration' | 'resolution';
      table: Table | null;
      value: TargetValueNode | null;
      forEveryIncident: boolean;
      /** `response targets for environment production`: the incidents the table is for; absent: every incident. */
      scope?: TargetScopeNode;
      headerSpan: Span;
      span: Span;
    }
  | { kind: 'causes'; items: { kind: 'cause'; counted: boolean; id: Ident; description: Text | null; span: Span }[]; headerSpan: Span; span: Span }
  | {
      kind: 'channels';
      items: ({ kind: 'official'; id: Ident; description: Text | null; span: Span } | { kind: 'others'; excluded: boolean; span: Span })[];
      headerSpan: Span;
      span: Span;
    }
  | { kind: 'maintenance'; items: MaintenanceLine[]; scope?: ScopeNode; headerSpan: Span; span: Span }
  | { kind: 'availability'; items: AvailabilityLine[]; scope?: ScopeNode; headerSpan: Span; span: Span }
  | { kind: 'reliability'; max: NumberText; per: PeriodWords; span: Span }
  /** `periods in UTC+02:00` or `periods in Asia/Jerusalem`: the zone months, quarters and years begin in. */
  | { kind: 'periods'; zone: Text; quoted: boolean; span: Span }
  /** `fiscal year starts february` (`day`: an optional `1`). */
  | { kind: 'fiscalYear'; month: Ident; day: NumberText | null; span: Span }
  | { kind: 'credits'; items: CreditLine[]; scope?: ScopeNode; headerSpan: Span; span: Span }
  | { kind: 'services'; items: ServiceLine[]; headerSpan: Span; span: Span }
  | { kind: 'setups'; items: { kind: 'setup'; id: Ident; title: Text | null; span: Span }[]; headerSpan: Span; span: Span }
  | { kind: 'currency'; code: Ident; rounding: Ident[]; span: Span }
  /** `termination 2026-06-30`. */
  | { kind: 'termination'; date: NumberText; span: Span }
  /** `report monthly within 10 business days after the month ends, missing counts as a default`: `every` the word before `within`, `after` the words after `after` (and after the comma, `then`). */
  | { kind: 'report'; every: Ident; within: DurationNode; after: Ident[]; then: Ident[]; span: Span }
  | { kind: 'note'; clause: boolean; title: Text; text: Text; triple: boolean; span: Span }
  | SupportStatement;

/** A line of a `clocks` block: `resolution starts at opened, pauses while waiting-on-customer`. */
export type ClockPart =
  | { kind: 'starts'; event: Ident; span: Span }
  | { kind: 'neverPauses'; span: Span }
  | { kind: 'pausesWhile'; reasons: Ident[]; span: Span }
  | { kind: 'businessOnly'; calendarWord: Ident; span: Span }
  | { kind: 'reopened'; newCycle: boolean; span: Span };

export interface ClockLineNode {
  objective: 'response' | 'restoration' | 'resolution' | 'update';
  parts: ClockPart[];
  span: Span;
}

/** The clauses of support SLAs (regions, pause reasons, clocks, recurring updates). */
export type SupportStatement =
  | { kind: 'regions'; items: { id: Ident; title: Text | null; calendar: Ident | null; zones?: Text[]; span: Span }[]; headerSpan: Span; span: Span }
  | { kind: 'environments'; items: { id: Ident; title: Text | null; span: Span }[]; headerSpan: Span; span: Span }
  | { kind: 'pauseReasons'; items: { id: Ident; description: Text | null; span: Span }[]; headerSpan: Span; span: Span }
  | { kind: 'clocks'; items: ClockLineNode[]; headerSpan: Span; span: Span }
  | { kind: 'update'; every: DurationNode; until: Ident; scope: { dimension: Ident; names: Ident[] } | null; span: Span };

/** The kinds of clause: what a line that could not be read was (a line of). */
export type ClauseKind = Statement['kind'];

/** A clause, or a line of a block, that could not be read: its error is reported, and it is left out. */
export interface Unreadable {
  /** The clause it is (or is a line of); null when it could be any clause. */
  clause: ClauseKind | null;
  /** The words written on it: the names it may have declared. */
  words: string[];
  span: Span;
}

export interface ContractFile {
  statements: Statement[];
  unreadable: Unreadable[];
  comments: { text: string; span: Span }[];
  span: Span;
}
