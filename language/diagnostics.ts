// The one table of diagnostics: every message slac reports comes from here, with a stable code.
// Bands: SLA1xxx syntax, SLA2xxx names and meaning (lowering), SLA3xxx static checks.

import type { Span } from './span';

export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticDef {
  code: string;
  severity: Severity;
  /** Short title, used for rule descriptors (SARIF) and `--explain`. */
  title: string;
  /** Longer explanation for `slac check --explain CODE`. */
  explain: string;
}

export interface Related {
  span: Span;
  message: string;
  /** Defaults to the diagnostic's own file. */
  file?: string;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related: Related[];
  /** A hint on how to fix it, when there is one. */
  hint?: string;
  /** Set when an inline `# slac-ignore CODE` comment silences it. */
  suppressed?: boolean;
}

function def(code: string, severity: Severity, title: string, explain: string): DiagnosticDef {
  return { code, severity, title, explain };
}

export const DIAGNOSTICS = {
  // ---- SLA1xxx: syntax -------------------------------------------------------------------
  unexpectedCharacter: def('SLA1001', 'error', 'Unexpected character',
    'The text contains a character that is not part of the slac language here, such as a stray symbol. Quote free text with "double quotes".'),
  unterminatedString: def('SLA1002', 'error', 'Unterminated text',
    'A "quoted text" or a """triple-quoted text""" is not closed before the end of the line or file.'),
  unexpectedToken: def('SLA1003', 'error', 'Unexpected word or symbol',
    'The parser expected something else at this point of the clause; the message lists what it expected.'),
  invalidTime: def('SLA1004', 'error', 'Invalid time of day',
    'Times of day are written HH:MM from 00:00 to 24:00 (24:00 means the end of the day).'),
  invalidDate: def('SLA1005', 'error', 'Invalid date',
    'Dates are written YYYY-MM-DD and must exist in the calendar (2026-02-30 does not).'),
  invalidNumber: def('SLA1006', 'error', 'Invalid number',
    'Numbers are written with digits and an optional decimal point (1.5); percentages end with %.'),
  tableShape: def('SLA1007', 'error', 'Table row does not match the header',
    'Every row of a table must have as many cells as its header row.'),
  invalidCell: def('SLA1008', 'error', 'Cell not understood',
    'A table cell holds a duration (4 hours, 2 business days), none, a percentage, a bound (at least 99.00% and below 99.90%), a name or "quoted text".'),
  mixedPlanSeparators: def('SLA1009', 'error', 'Mixed plan separators',
    'Plans are either listed with commas (no order) or ranked with < from lowest to highest, not both.'),
  // ---- SLA2xxx: names and meaning -----------------------------------------------------------
  undeclared: def('SLA2001', 'error', 'Undeclared name',
    'A plan, severity, category, cause, calendar, channel, service, part of a service or group of services is used but never declared.'),
  duplicateDeclaration: def('SLA2002', 'error', 'Declared twice',
    'The same plan, severity, category, cause, calendar, channel or table cell is declared twice.'),
  duplicateStatement: def('SLA2003', 'error', 'Clause given twice',
    'A clause that can appear once (contract, version, effective, time zone, a target of a table...) is given twice.'),
  missingTimeZone: def('SLA2004', 'error', 'Missing time zone',
    'Every contract declares the IANA time zone its calendars, windows and months are read in: `time zone America/Bogota`.'),
  unknownTimeZone: def('SLA2005', 'error', 'Unknown time zone',
    'The time zone is not an IANA zone name known to this system (for example America/Bogota, Europe/Madrid, UTC).'),
  unknownTableHeader: def('SLA2006', 'error', 'Table header not understood',
    'The first header cell of a target table names the rows (plan, severity or category); the others name plans, severities or objectives.'),
  unknownCalendarUnit: def('SLA2007', 'error', 'Business time without a calendar',
    'A duration in business units (4 business hours) names a calendar (here `business`) that the contract does not declare.'),
  missingContractName: def('SLA2008', 'error', 'Missing contract name',
    'Every contract opens with `contract "Its name"`.'),
  missingVersion: def('SLA2009', 'warning', 'Missing version',
    'A contract states its `version`, so that verdicts can name the version in force.'),
  missingEffective: def('SLA2010', 'warning', 'Missing effective date',
    'A contract states when it takes effect: `effective 2026-03-13` (or `effective unspecified`, which slac treats as always in force).'),
  invalidValue: def('SLA2011', 'error', 'Value out of range',
    'A number is outside what the clause allows (a percentage above 100, a zero-minute slot, a negative count).'),
  contradiction: def('SLA2012', 'error', 'Clauses contradict each other',
    'Two parts of one clause say opposite things: maintenance windows listed and `windows any time`, or a credit formula rounding two ways (`started` or `full`, and `pro rata`). slac will not pick one for you.'),
  noSeverities: def('SLA2013', 'error', 'Targets without severities',
    'A target `for every incident` applies to every declared severity; with no `severities` clause it applies to none, and every incident record would be rejected (its severity is unknown).'),
  caseDuplicate: def('SLA2014', 'error', 'Declared twice, in another case',
    'Names of plans, severities, categories, causes, channels and calendars ignore case, as records are matched to them: `force-majeure` and `Force-Majeure` are one name, declared twice. Keep one spelling.'),
  unusedIgnore: def('SLA2015', 'warning', 'Ignore comment that silences nothing',
    'A `# slac-ignore CODE` comment silences the finding CODE on its line (or, alone on a line, on the next one). This one silences nothing: no such finding is there, the code is not one of slac\'s, or it names an error that cannot be silenced (syntax errors, and a missing or unknown time zone, on which every verdict depends). Remove it or correct the code.'),
  // SLA2020-SLA2029: the versions of one contract in a folder (compiler/folder.ts).
  sameEffectiveDate: def('SLA2020', 'error', 'Two versions take effect on the same date',
    'The .sla files directly in a folder are the versions of one contract, and each incident is judged by the version in force when it was opened. Two versions with the same effective date (or both `effective unspecified`) leave that undecidable: give each version its own date, or move one to another folder.'),
  differentContracts: def('SLA2021', 'error', 'Different contracts in one folder',
    'The .sla files directly in a folder are the versions of one contract, so they carry the same `contract "name"`. Keep each contract in a folder of its own (contracts/sagicc/, contracts/clever-ideas/), or give the versions the same name.'),
  differentTimeZones: def('SLA2022', 'error', 'Versions in different time zones',
    'The versions of one contract are read in one time zone: months, business days and the version in force at an instant are all local to it. Every .sla file of a folder names the same `time zone`.'),
  // SLA2050-SLA2069: support SLAs (clocks, pauses, regions, updates).
  clockRule: def('SLA2050', 'error', 'Clock rule not understood',
    'A line of the `clocks` block, or an `update every` clause, names an event or a scope slac does not know, or says two things that cannot both hold. A clock starts at one of opened, prioritized, acknowledged, responded, restored, resolved (`response starts at prioritized`); it either `never pauses` or `pauses while` declared pause reasons; an update runs `until restored` or `until resolved`, optionally `for severity a, b`; one line per objective.'),
  targetTableTwice: def('SLA2055', 'error', 'Two target tables with one scope',
    'An objective may have one target table per scope: `response targets` for every incident, and one `response targets for environment production`, `for channel phone`, `for region japan`, `for service compute` each. Two tables with the same objective and scope both claim the same incidents; slac keeps the first and leaves the second out. Merge their rows into one table.'),
  zoneInTwoRegions: def('SLA2056', 'error', 'Zone of two regions',
    'A region line may list the IANA zones of its customers (`japan "Japan" calendar japanese-support zones Asia/Tokyo, Asia/Seoul`), so that a record giving the customer\'s `zone` instead of its `region` finds the region. A zone listed for two regions would make such a record of both: give each zone to one region (a record may still name its region).'),
  // SLA2030-SLA2049: services, their parts and groups, and the rules scoped to them.
  scopeClaimedTwice: def('SLA2030', 'error', 'Two rules claim one service',
    'Availability, credits and maintenance may be given once for everything (`availability`), once per group of services (`availability for group databases`), once per service (`availability for service compute`) and once per part of a service (`availability for service managed-postgres part read`); the most specific one applies (part > service > group > everything). Two blocks with the same scope both claim the same services, and slac will not pick one: keep one.'),
  partWithoutService: def('SLA2031', 'error', 'Part before any service',
    'A `part` line in the `services` block belongs to the service on the line above it (indented under it): `managed-postgres "Managed Service for PostgreSQL"`, then `part read "DB cluster, read"`. A part before the first service belongs to none.'),
  // SLA2035-SLA2049: periods other than the calendar month.
  periodNotUnderstood: def('SLA2035', 'error', 'Period not understood',
    'A target is judged `per calendar month`, `per calendar quarter`, `per calendar year`, `per fiscal quarter` or `per fiscal year`. Fiscal quarters and years start in the month the contract names once with `fiscal year starts february` (on its 1st; a fiscal year is named by the calendar year it ends in); without that line they have no start. A fiscal month is a calendar month: write `per calendar month`.'),
  differentPeriods: def('SLA2036', 'error', 'Versions whose periods begin differently',
    'The versions of one contract are judged on one set of periods: a month, quarter or year of one version must be the same time as in the next, or a period judged across a version change would be two different periods. Every .sla file of a folder gives the same `periods in` and `fiscal year starts` lines (or none).'),
  // SLA2070-SLA2089: money (currency, amounts, caps in money).
  unknownCurrency: def('SLA2070', 'error', 'Unknown currency',
    'A currency is an ISO 4217 code that the platform\'s Intl knows (EUR, USD, GBP, COP, JPY): its minor unit (cents, or none for JPY) fixes how amounts round. `currency EUR`.'),
  unknownRounding: def('SLA2071', 'error', 'Rounding not understood',
    'Amounts round to the currency\'s minor unit, `half-up` (0.005 -> 0.01) or `half-even` (0.005 -> 0.00, 0.015 -> 0.02): `currency EUR, rounded half-even to the minor unit`.'),
  moneyWithoutCurrency: def('SLA2072', 'error', 'Amount without the contract currency',
    'An amount (`at most 10000.00 EUR per calendar year`) needs the contract\'s currency, stated once with `currency EUR`; an amount in another currency than the contract\'s is not comparable with its invoices (slac converts no currencies).'),
  unknownPaymentRule: def('SLA2074', 'error', 'Payment rule not understood',
    'A credit is `paid on the next invoice` or `paid within 30 days` (of the claim; of the invoice when no claim is needed), and may be `withheld while invoices are unpaid`.'),
  unknownReportRule: def('SLA2076', 'error', 'Report obligation not understood',
    'The provider\'s report reads `report monthly within N days after the month ends` (or `N business days`, counted as dates with business time on that calendar), optionally followed by `, missing counts as a default`: a month whose report is not in by the deadline then owes the credit of a month at 0% availability.'),
  unknownClaimStart: def('SLA2077', 'error', 'Claim window start not understood',
    'A claim window runs `after invoice` (the invoice date; `after invoice issuance date` reads the same), `after the month ends` (the month\'s last day) or `after the incident` (the day the month\'s last counted downtime ended): other words do not say when it starts.'),
  unknownBasis: def('SLA2075', 'error', 'Basis not understood',
    'The basis of a credit says which invoices are the charge it is a share of: `basis monthly charge of the service` (the invoices naming the service), `basis monthly charge of the group` (those naming its group or any service of the group), or free text in quotes (`basis "invoiced value of the affected service"`: the service\'s invoices, else its group\'s). Other words are not understood.'),
  unknownCapPeriod: def('SLA2073', 'error', 'Cap period not understood',
    'A credit cap applies per calendar month (the default), per calendar year or per rolling 12 months: `at most 50% per rolling 12 months`.'),
} as const satisfies Record<string, DiagnosticDef>;

export type DiagnosticKey = keyof typeof DIAGNOSTICS;

/** Why `# slac-ignore CODE` cannot silence findings of this code (a sentence), or null when it can. */
export function whyNotSilenceable(code: string): string | null {
  if (code.startsWith('SLA1')) return `${code} is a syntax error, and syntax errors cannot be silenced: correct the line`;
  if (code === DIAGNOSTICS.missingTimeZone.code || code === DIAGNOSTICS.unknownTimeZone.code) return `${code} cannot be silenced: every verdict depends on the time zone`;
  if (code === DIAGNOSTICS.unusedIgnore.code) return `${code} cannot be silenced: remove or correct the ignore comment instead`;
  return null;
}

/** Extra definitions registered by later phases (the static checks), keyed by code. */
const registry = new Map<string, DiagnosticDef>(Object.values(DIAGNOSTICS).map((d) => [d.code, d]));

export function registerDiagnostics(defs: Record<string, DiagnosticDef>): void {
  for (const d of Object.values(defs)) registry.set(d.code, d);
}

export function allDiagnostics(): DiagnosticDef[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function diagnosticDef(code: string): DiagnosticDef | undefined {
  return registry.get(code);
}

export function diagnostic(
  d: DiagnosticDef,
  span: Span,
  message: string,
  extra: { related?: Related[]; hint?: string; severity?: Severity } = {},
): Diagnostic {
  const out: Diagnostic = {
    code: d.code,
    severity: extra.severity ?? d.severity,
    message,
    span: { start: span.start, end: Math.max(span.start, span.end) },
    related: extra.related ?? [],
  };
  if (extra.hint) out.hint = extra.hint;
  return out;
}

/** Collects diagnostics of one file across phases. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(d: DiagnosticDef, span: Span, message: string, extra?: { related?: Related[]; hint?: string; severity?: Severity }): void {
    this.diagnostics.push(diagnostic(d, span, message, extra));
  }

  hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
