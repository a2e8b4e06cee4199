// Friendly syntax-error messages: what was expected in words, and an example of the clause.

import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

/** An example of each clause, shown as a hint when a line of that kind does not parse. */
export const CLAUSE_EXAMPLES: Record<string, string> = {
  contractStmt: 'contract "SAGICC Service Level Agreement"',
  versionStmt: 'version 04',
  effectiveStmt: 'effective 2026-03-13   (or: effective unspecified)',
  partyStmt: 'provider "SAGICC"',
  timeZoneStmt: 'time zone America/Bogota',
  calendarBlock: 'calendar business "Colombian business hours"',
  hoursLine: 'monday to friday 08:00 to 18:00',
  daySpec: 'monday to friday   (or: every day, or: saturday, sunday)',
  dayRange: 'monday to friday',
  timeRange: '08:00 to 18:00',
  publicHolidaysLine: 'public holidays of CO',
  addHolidayLine: 'holiday 2026-12-24 "Christmas Eve"',
  removeHolidayLine: 'not a holiday 2026-05-18 "worked by agreement"',
  pinnedHolidaysLine: 'pinned holidays 2026: 2026-01-01, 2026-01-12',
  severitiesBlock: 'severities   (then one line per severity)',
  severityLine: 'critical "Critical Impact" alias 1 "service completely inoperative"',
  aliasPart: 'alias 1, sev1',
  plansStmt: 'plans essential < standard < professional',
  categoriesBlock: 'categories   (then a table | category | description | resolution |)',
  categoryLine: 'web-down "Web page does not respond"',
  objectiveBlock: 'response targets   (then a table; or response targets for environment staging, for a table of some incidents), or: response 3 minutes for every incident',
  targetValue: '2 business days by email   (or: none)',
  duration: '4 hours, 30 minutes, 2 business days',
  via: 'by email then telephone',
  tableRow: '| essential | 2 hours | 2 business days by email |',
  cellValue: '4 hours, none, 5%, 2.00 EUR, 3 days of service, at least 99.00% and below 99.90% (or 99.00% to < 99.90%, < 95%, >= 99.9%), "text"',
  bound: 'at least 99.00% and below 99.90%   (or: 99.00% to < 99.90%, below 98.50%, < 95%, >= 99.9%, between 98.5% and 99%)',
  boundSide: 'at least 99.00%',
  causesBlock: 'causes   (then: counted provider / excluded third-party "...")',
  causeLine: 'excluded third-party "services provided by third parties"',
  channelsBlock: 'reporting channels',
  officialChannelLine: 'official helpdesk "Help Desk ticket system"',
  otherChannelsLine: 'other channels excluded',
  maintenanceBlock: 'maintenance',
  windowsLine: 'windows   (or: windows any time)',
  noticeLine: 'notice at least 48 hours before the start, by email then telephone   (per kind: notice for emergency as much as possible)',
  kindsLine: 'kinds emergency, security',
  allowanceLine: 'allowance 8 hours per calendar month',
  windowLimitLine: 'at most 4 windows per calendar month',
  acknowledgementLine: 'acknowledgement required',
  downtimeLine: 'not counted as downtime',
  availabilityBlock: 'availability',
  availabilityTargetLine: 'target 99.96% per calendar month',
  perMonth: 'per calendar month',
  perPeriod: 'per calendar month   (or: per calendar quarter, per fiscal quarter, per calendar year, per fiscal year)',
  periodsStmt: 'periods in UTC+02:00   (or an IANA zone: periods in Asia/Jerusalem)',
  fiscalYearStmt: 'fiscal year starts february',
  measuredLine: 'measured as exact time   (or: measured in slots of 5 minutes, measured in full minutes, measured in started minutes)',
  minimumDowntimeLine: 'minimum downtime period 5 minutes',
  errorRateLine: 'downtime when more than 5% of requests fail in a minute, with at least 10 requests   (or: in 5 minutes)',
  reliabilityStmt: 'reliability at most 4 counted incidents per calendar month',
  creditsBlock: 'credits',
  basisLine: 'basis monthly charge of the service   (or: basis monthly charge of the group, basis "invoiced value of the affected service")',
  serviceDaysCell: '3 days of service',
  moneyCell: '2.00 EUR',
  linearCreditLine: '5% for each started 1% below target',
  capLine: 'at most 50%   (or: at most 10000.00 EUR per calendar year, at most 50% per rolling 12 months)',
  paymentLine: 'paid on the next invoice   (or: paid within 30 days)',
  withheldLine: 'withheld while invoices are unpaid',
  stackingLine: 'no stacking   (or: several credits add up)',
  expireLine: 'expire at termination',
  terminationStmt: 'termination 2026-06-30',
  currencyStmt: 'currency EUR, rounded half-even to the minor unit',
  claimLine: 'claim within 30 days after invoice',
  reportStmt: 'report monthly within 10 business days after the month ends, missing counts as a default',
  noteBlock: 'note "Escalation" """ ...text... """',
  zoneName: 'Europe/London',
  holidaysOfLine: 'holidays of SE: public, bank, observance',
  weekSpanLine: 'monday 00:00 in Asia/Tokyo to friday 17:00',
  regionsBlock: 'regions   (then: americas "North and South America" calendar english-support)',
  regionLine: 'americas "North and South America" calendar english-support',
  environmentsBlock: 'environments   (then one line each: production "Production")',
  environmentLine: 'production "Production"',
  targetScope: 'for environment production   (or: for channel phone, for region japan, for service compute)',
  pauseReasonsBlock: 'pause reasons   (then: waiting-on-customer "waiting on the customer")',
  pauseReasonLine: 'waiting-on-customer "waiting on the customer"',
  clocksBlock: 'clocks   (then: resolution starts at opened, pauses while waiting-on-customer)',
  clockLine: 'resolution starts at opened, pauses while waiting-on-customer',
  clockPart: 'starts at prioritized   (or: never pauses, pauses while waiting-on-customer, reopened starts a new cycle)',
  updateStmt: 'update every 8 hours until restored for severity unavailable',
  servicesBlock: 'services   (then one line per service: compute "Compute Cloud" group infrastructure)',
  serviceLine: 'compute "Compute Cloud" group infrastructure',
  partLine: 'part read "DB cluster, read"',
  setupsBlock: 'setups   (then one line per setup: multi-zone "hosts in three availability zones")',
  setupLine: 'multi-zone "hosts in three availability zones"',
  onlyWithSetupLine: 'only with setup multi-zone',
  countedDuringLine: 'counted during business hours',
  scope: 'availability for service compute   (or: for service mdb part read, for group databases)',
};

/** What the lines of each block look like, for a line of it that reads as none of them. */
export const BLOCK_EXAMPLES: Record<string, string> = {
  calendarBlock: 'monday to friday 08:00 to 18:00; public holidays of CO; holiday 2026-12-24 "Christmas Eve"',
  severitiesBlock: 'critical "Critical Impact" alias 1',
  categoriesBlock: '| category | description | resolution |   (then one row per category)',
  objectiveBlock: '| plan | critical | high |   (then one row per plan)',
  causesBlock: 'counted provider "..."; excluded third-party "..."',
  channelsBlock: 'official helpdesk "Help Desk ticket system"; other channels excluded',
  maintenanceBlock: 'windows; monday to friday 21:00 to 01:00; notice at least 48 hours before the start; not counted as downtime; kinds emergency; allowance 8 hours per calendar month',
  availabilityBlock: 'target 99.9% per calendar month; measured as exact time; minimum downtime period 5 minutes; downtime when more than 5% of requests fail in a minute',
  creditsBlock: 'basis monthly charge of the service; | monthly availability | credit |; 5% for each started 1% below target; at most 50%; claim within 30 days after invoice',
  regionsBlock: 'americas "North and South America" calendar english-support',
  pauseReasonsBlock: 'waiting-on-customer "waiting on the customer"',
  clocksBlock: 'resolution starts at opened, pauses while waiting-on-customer; resolution reopened starts a new cycle',
  servicesBlock: 'compute "Compute Cloud" group infrastructure; part read "DB cluster, read"',
  setupsBlock: 'multi-zone "hosts in three availability zones"',
};

function label(t: TokenType): string {
  return t.LABEL ?? t.name;
}

export function describeToken(t: IToken | undefined): string {
  if (!t || t.tokenType.name === 'EOF') return 'the end of the file';
  if (t.tokenType.name === 'Newline') return 'the end of the line';
  const img = t.image.length > 30 ? `${t.image.slice(0, 30)}…` : t.image;
  return `'${img}'`;
}

function oneOf(labels: string[]): string {
  const uniq = [...new Set(labels)];
  if (uniq.length === 1) return uniq[0];
  if (uniq.length <= 6) return `${uniq.slice(0, -1).join(', ')} or ${uniq[uniq.length - 1]}`;
  return `${uniq.slice(0, 6).join(', ')}, …`;
}

export const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${label(expected)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}: a clause starts with a keyword such as contract, calendar, severities, response, maintenance, availability or credits`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const firsts = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => (path[0] ? label(path[0]) : 'end of line')));
    return `expected ${oneOf(firsts)}, found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const firsts = expectedIterationPaths.map((path) => (path[0] ? label(path[0]) : 'something'));
    return `expected ${oneOf(firsts)}, found ${describeToken(actual[0])}`;
  },
};
