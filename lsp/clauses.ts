// What the editor knows about each clause and keyword: a short explanation with an example (hover),
// a snippet for the whole clause and for each line of its block (completion), and its name in the
// outline. A new clause registers one entry here; the handlers read this table and need no change.

import type { Statement } from '../language/ast';
import { CLAUSE_EXAMPLES } from '../language/messages';

export interface LineDoc {
  label: string;
  /** LSP snippet syntax: ${1:placeholder}. */
  snippet: string;
  explain: string;
}

export interface ClauseDoc {
  /** The words that open the clause, as written. */
  keyword: string;
  /** The AST statement it becomes. */
  kind: Statement['kind'];
  explain: string;
  example: string;
  snippet: string;
  /** The lines a block of this clause may hold. */
  lines?: LineDoc[];
  /** Its name in the outline. */
  label?: (s: Statement) => string;
}

const hoursLine: LineDoc = {
  label: 'monday to friday 08:00 to 18:00',
  snippet: '${1:monday} to ${2:friday} ${3:08:00} to ${4:18:00}',
  explain: 'Weekly hours: days (`monday to friday`, `saturday, sunday`, `every day`) and one or more ranges; 24:00 is the end of the day, a range may cross midnight.',
};

export const CLAUSES: readonly ClauseDoc[] = [
  {
    keyword: 'contract',
    kind: 'contract',
    explain: 'Opens the contract with its name; every version file of one contract carries the same name.',
    example: CLAUSE_EXAMPLES.contractStmt,
    snippet: 'contract "${1:Service Level Agreement}"',
    label: (s) => (s.kind === 'contract' ? `contract "${s.name.value}"` : 'contract'),
  },
  {
    keyword: 'version',
    kind: 'version',
    explain: 'The version of the contract; verdicts name the version in force.',
    example: CLAUSE_EXAMPLES.versionStmt,
    snippet: 'version ${1:1}',
    label: (s) => (s.kind === 'version' ? `version ${s.value.value}` : 'version'),
  },
  {
    keyword: 'effective',
    kind: 'effective',
    explain: 'The date this version takes effect (local midnight in the contract\'s zone), or `unspecified`: in force from the beginning of time.',
    example: CLAUSE_EXAMPLES.effectiveStmt,
    snippet: 'effective ${1:2026-01-01}',
    label: (s) => (s.kind === 'effective' ? `effective ${s.date?.text ?? 'unspecified'}` : 'effective'),
  },
  { keyword: 'provider', kind: 'party', explain: 'The party that provides the service.', example: CLAUSE_EXAMPLES.partyStmt, snippet: 'provider "${1:Provider}"', label: partyLabel },
  { keyword: 'customer', kind: 'party', explain: 'The party that receives the service.', example: 'customer "the Client"', snippet: 'customer "${1:the Client}"', label: partyLabel },
  {
    keyword: 'time zone',
    kind: 'timeZone',
    explain: 'The IANA time zone calendars, maintenance windows and months are read in (DST-correct).',
    example: CLAUSE_EXAMPLES.timeZoneStmt,
    snippet: 'time zone ${1:America/Bogota}',
    label: (s) => (s.kind === 'timeZone' ? `time zone ${s.zone.value}` : 'time zone'),
  },
  {
    keyword: 'calendar',
    kind: 'calendar',
    explain: 'A business calendar: weekly hours minus holidays. A duration names it to count its time: `4 business hours` counts on the calendar `business`; `2 business days` is twice its working day.',
    example: `${CLAUSE_EXAMPLES.calendarBlock}\n  monday to friday 08:00 to 18:00\n  public holidays of CO`,
    snippet: 'calendar ${1:business} "${2:Business hours}"\n  ${3:monday} to ${4:friday} ${5:08:00} to ${6:18:00}\n  public holidays of ${7:CO}',
    lines: [
      hoursLine,
      { label: 'public holidays of', snippet: 'public holidays of ${1:CO}', explain: 'The public holidays of a country (date-holidays, ISO 3166 code, optionally with a region: US-NY).' },
      { label: 'holiday', snippet: 'holiday ${1:2026-12-24} "${2:reason}"', explain: 'Adds a date as a holiday.' },
      { label: 'not a holiday', snippet: 'not a holiday ${1:2026-05-18} "${2:reason}"', explain: 'Removes a date from the holidays.' },
      { label: 'pinned holidays', snippet: 'pinned holidays ${1:2026}: ${2:2026-01-01}', explain: 'Replaces the library\'s dates for that year, so a library upgrade never changes a past verdict.' },
    ],
    label: (s) => (s.kind === 'calendar' ? `calendar ${s.id.name}` : 'calendar'),
  },
  {
    keyword: 'severities',
    kind: 'severities',
    explain: 'The severity levels, most severe first; each with an optional title, aliases (what records may say instead) and description.',
    example: `severities\n  ${CLAUSE_EXAMPLES.severityLine}`,
    snippet: 'severities\n  ${1:critical} "${2:Critical Impact}" alias ${3:1}\n  ${4:high} "${5:High Impact}" alias ${6:2}',
    lines: [{ label: 'severity', snippet: '${1:name} "${2:Title}" alias ${3:1}', explain: 'One severity: its name, title, aliases and description.' }],
  },
  {
    keyword: 'plans',
    kind: 'plans',
    explain: 'The service plans: `a < b < c` ranks them lowest first (a higher plan promises more); `a, b, c` lists them unranked. A contract without plans has one implicit plan, `default`.',
    example: CLAUSE_EXAMPLES.plansStmt,
    snippet: 'plans ${1:essential} < ${2:standard} < ${3:professional}',
  },
  {
    keyword: 'categories',
    kind: 'categories',
    explain: 'Incident categories; a category target overrides the severity\'s target for the same objective.',
    example: '| category | description | resolution |\n| web-down | "Web page does not respond" | 10 minutes |',
    snippet: 'categories\n  | category | description | resolution |\n  | ${1:web-down} | "${2:description}" | ${3:10 minutes} |',
  },
  ...(['response', 'restoration', 'resolution'] as const).map(
    (o): ClauseDoc => ({
      keyword: o,
      kind: 'objective',
      explain: `The ${o} targets: opened -> ${o === 'response' ? 'responded' : o === 'restoration' ? 'restored' : 'resolved'}. A table by plan and severity (\`${o} targets\`), or one target for every incident. \`none\` means not applicable.`,
      example: `${o} targets\n  | plan      | critical | high                     |\n  | essential | 2 hours  | 2 business days by email |`,
      snippet: `${o} \${1:3 minutes} for every incident`,
      label: (s) => (s.kind === 'objective' ? (s.table ? `${s.objective} targets` : `${s.objective} for every incident`) : o),
    }),
  ),
  {
    keyword: 'causes',
    kind: 'causes',
    explain: 'The causes records may name: `counted` ones count against the provider, `excluded` ones do not (incidents and outages with that cause are excluded).',
    example: `causes\n  counted  provider      "attributable to the provider"\n  ${CLAUSE_EXAMPLES.causeLine}`,
    snippet: 'causes\n  counted ${1:provider} "${2:attributable to the provider}"\n  excluded ${3:third-party} "${4:services of third parties}"',
    lines: [
      { label: 'counted', snippet: 'counted ${1:provider} "${2:description}"', explain: 'A cause that counts against the provider.' },
      { label: 'excluded', snippet: 'excluded ${1:third-party} "${2:description}"', explain: 'A cause whose incidents and outages do not count.' },
    ],
  },
  {
    keyword: 'reporting channels',
    kind: 'channels',
    explain: 'The official channels incidents are reported through; with `other channels excluded`, a report through any other channel is excluded.',
    example: `reporting channels\n  ${CLAUSE_EXAMPLES.officialChannelLine}\n  ${CLAUSE_EXAMPLES.otherChannelsLine}`,
    snippet: 'reporting channels\n  official ${1:helpdesk} "${2:Help Desk ticket system}"\n  other channels ${3|excluded,counted|}',
    lines: [
      { label: 'official', snippet: 'official ${1:helpdesk} "${2:description}"', explain: 'An official reporting channel.' },
      { label: 'other channels', snippet: 'other channels ${1|excluded,counted|}', explain: 'Whether reports through other channels count.' },
    ],
  },
  {
    keyword: 'maintenance',
    kind: 'maintenance',
    explain: 'Planned maintenance: its windows, the notice required, whether the customer must acknowledge, and whether conforming maintenance counts as downtime.',
    example: 'maintenance\n  windows\n    saturday 17:00 to 24:00\n  notice at least 48 hours before the start, by email\n  not counted as downtime',
    snippet: 'maintenance\n  windows\n    ${1:saturday} ${2:17:00} to ${3:24:00}\n  notice at least ${4:48 hours} before the start\n  acknowledgement ${5|not required,required|}\n  not counted as downtime',
    lines: [
      { label: 'windows', snippet: 'windows', explain: 'The weekly windows follow, one line each (or: `windows any time`).' },
      { label: 'windows any time', snippet: 'windows any time', explain: 'Maintenance may happen at any time (with notice).' },
      hoursLine,
      { label: 'notice', snippet: 'notice at least ${1:48 hours} before the start', explain: 'The notice required before maintenance starts (measured on its own clock: `5 business days` is business time).' },
      { label: 'acknowledgement', snippet: 'acknowledgement ${1|required,not required|}', explain: 'Whether the customer must acknowledge the notice before the start.' },
      { label: 'counted as downtime', snippet: '${1|not counted,counted|} as downtime', explain: 'Whether conforming maintenance counts as downtime.' },
      { label: 'kinds', snippet: 'kinds ${1:emergency}', explain: 'Kinds of maintenance records may name in `kind`; a kind may have its own notice.' },
      { label: 'notice for', snippet: 'notice for ${1:emergency} ${2|as much as possible,at least 4 hours before the start|}', explain: 'The notice maintenance of one kind needs, instead of `notice`.' },
      { label: 'allowance', snippet: 'allowance ${1:8 hours} per calendar month', explain: 'Conforming maintenance up to this much a month is not counted; the excess is.' },
      { label: 'at most windows', snippet: 'at most ${1:4} windows per calendar month', explain: 'Maintenance after the first N of a month counts in full.' },
    ],
  },
  {
    keyword: 'availability',
    kind: 'availability',
    explain: 'The availability target of each month (or quarter, or year): (Z - downtime) / Z, compared exactly; measured as exact time, in slots, in full or started minutes; downtime from outages and from error rates, less episodes shorter than a minimum period. `availability for service X` scopes it.',
    example: `availability\n  ${CLAUSE_EXAMPLES.availabilityTargetLine}\n  measured as exact time`,
    snippet: 'availability\n  target ${1:99.9}% per calendar month\n  measured as exact time',
    lines: [
      { label: 'target', snippet: 'target ${1:99.9}% per ${2|calendar month,calendar quarter,fiscal quarter,calendar year,fiscal year|}', explain: 'The availability target of each period: a calendar month, a calendar or fiscal quarter, a calendar or fiscal year. A block may give one target per kind of period, each judged on its own periods; credits are judged on the first.' },
      { label: 'target during hours', snippet: 'target ${1:99.0}% per ${2:calendar year}, counted during ${3:business} hours', explain: 'A further target measured within a calendar\'s hours only (GC Forms: "no more than 1% downtime during regular business hours in a year").' },
      { label: 'measured', snippet: 'measured ${1|as exact time,in slots of 5 minutes,in full minutes,in started minutes|}', explain: 'Exact time; slots (any downtime in a slot marks the whole slot); full minutes (a minute counts when downtime covers all of it); started minutes (when downtime touches it).' },
      { label: 'only with setup', snippet: 'only with setup ${1:multi-zone}', explain: 'The target applies only while the customer has this setup (`setup` records).' },
      { label: 'counted during hours', snippet: 'counted during ${1:business} hours', explain: 'Availability measured within this calendar\'s hours only: the month is its business time, downtime outside it does not count.' },
      { label: 'minimum downtime period', snippet: 'minimum downtime period ${1:5 minutes}', explain: 'An episode of downtime shorter than this (consecutive) does not count.' },
      { label: 'downtime when', snippet: 'downtime when more than ${1:5}% of requests fail in ${2|a minute,5 minutes|}', explain: 'Error-rate downtime from `requests` records: a window is down when more than this share of its requests failed (optionally `, with at least 10 requests`).' },
    ],
  },
  {
    keyword: 'reliability',
    kind: 'reliability',
    explain: 'At most so many counted incidents opened per period (a calendar month, a calendar or fiscal quarter, a calendar or fiscal year); one more breaches it.',
    example: CLAUSE_EXAMPLES.reliabilityStmt,
    snippet: 'reliability at most ${1:4} counted incidents per ${2|calendar month,calendar quarter,fiscal quarter,calendar year,fiscal year|}',
  },
  {
    keyword: 'credits',
    kind: 'credits',
    explain: 'What the provider owes when availability misses the target: a table of bands (the band containing the exact availability) or a formula, an optional cap and claim window.',
    example: 'credits\n  | monthly availability             | credit |\n  | at least 99.00% and below 99.90% | 5%     |\n  at most 50%',
    snippet: 'credits\n  basis "${1:invoiced value of the affected service}"\n  | monthly availability | credit |\n  | at least ${2:99.00}% and below ${3:99.90}% | ${4:5}% |\n  | below ${2:99.00}% | ${5:10}% |\n  at most ${6:50}%',
    lines: [
      { label: 'basis', snippet: 'basis ${1|monthly charge of the service,monthly charge of the group|}', explain: 'Which invoices are the charge the credit is a share of: the service\'s own (`of the service`), its group\'s and its services\' (`of the group`); free text in quotes takes the service\'s, else its group\'s.' },
      { label: 'credit table', snippet: '| monthly availability | credit |\n  | at least ${1:99.00}% and below ${2:99.90}% | ${3:5}% |', explain: 'Bands of availability and their credit: a percentage (`5%`), an amount in the contract\'s currency (`2.00 EUR`) or days of service (`3 days of service`: the charge x 3 / the days of the month); bounds: at least, above, below, at most, between (inclusive).' },
      { label: 'credit formula', snippet: '${1:5}% for each ${2|started,full|} ${3:1}% below target', explain: 'A credit per step of shortfall: started steps round up, full steps round down, `pro rata` is proportional.' },
      { label: 'at most (cap)', snippet: 'at most ${1:50}%', explain: 'The cap of the credit.' },
      { label: 'at most (cap in money)', snippet: 'at most ${1:10000.00} ${2:EUR} per ${3|calendar month,calendar year,rolling 12 months|}', explain: 'A cap in money, in the contract\'s currency, per month, calendar year or rolling 12 months.' },
      { label: 'at most (cap over months)', snippet: 'at most ${1:50}% per ${2|calendar year,rolling 12 months|}', explain: 'A cap as a share of the charges of the months it looks at.' },
      { label: 'claim', snippet: 'claim within ${1:30 days} after ${2:invoice}', explain: 'How long the customer has to claim the credit.' },
      { label: 'expire at termination', snippet: 'expire at termination', explain: 'A credit not paid by the agreement\'s termination date is lost.' },
      { label: 'claim (business days, incident)', snippet: 'claim within ${1:10} business days after ${2|invoice,the month ends,the incident|}', explain: 'A claim window in business days of a calendar (its dates with business time), or from the incident: the day the month\'s last counted downtime ended.' },
      { label: 'credit for missed targets', snippet: '${1:20}% when more than ${2:4} incidents of severity ${3:urgent, high} miss their ${4|response,restoration,resolution|} target per ${5|fiscal quarter,calendar quarter,calendar month,calendar year|}', explain: 'A credit for each period in which more incidents than this (opened in it, of the severities named) missed the objective: GitHub refunds 20% of the quarterly fee after more than four missed responses in a fiscal quarter. In the credits block for every service it counts every service\'s incidents, on one period of the contract.' },
      { label: 'no stacking', snippet: '${1|no stacking,several credits add up|}', explain: 'Of several credits for one month (availability and a report default, the parts of a service), only the highest is paid; or they add up (the default).' },
    ],
  },
  {
    keyword: 'services',
    kind: 'services',
    explain: 'The covered services, one a line: an id, a title and an optional group; `part` lines under a service declare parts with targets of their own. Rules scope to them: `availability for service compute`, `credits for group databases` (part > service > group > unscoped). Records name them: `"service": "compute"`, `"services": ["compute", "dns"]`, `"service": "managed-postgres/read"`.',
    example: `services\n  compute "Compute Cloud" group infrastructure\n  managed-postgres "Managed Service for PostgreSQL" group databases\n    part read "DB cluster, read"`,
    snippet: 'services\n  ${1:compute} "${2:Compute Cloud}" group ${3:infrastructure}',
    lines: [
      { label: 'service', snippet: '${1:compute} "${2:Compute Cloud}" group ${3:infrastructure}', explain: 'A covered service: id, title, optional group.' },
      { label: 'part', snippet: 'part ${1:read} "${2:DB cluster, read}"', explain: 'A part of the service above, judged on its own (`availability for service X part read`).' },
    ],
  },
  {
    keyword: 'setups',
    kind: 'setups',
    explain: 'Setups a customer may have (three availability zones, a regional master): a target with `only with setup X` is judged over the time the customer had X, as `setup` records say.',
    example: 'setups\n  multi-zone "hosts in three availability zones"',
    snippet: 'setups\n  ${1:multi-zone} "${2:hosts in three availability zones}"',
    lines: [{ label: 'setup', snippet: '${1:multi-zone} "${2:description}"', explain: 'A setup: its id and what it is.' }],
  },
  {
    keyword: 'currency',
    kind: 'currency',
    explain: 'The currency of invoices and credits in money (ISO 4217) and how amounts round to its minor unit: `half-up` (the default) or `half-even`. Invoice records give the charge each credit is a share of.',
    example: CLAUSE_EXAMPLES.currencyStmt,
    snippet: 'currency ${1:EUR}, rounded ${2|half-up,half-even|} to the minor unit',
  },
  {
    keyword: 'report',
    kind: 'report',
    explain: 'The provider\'s monthly report, due within N days (or N business days of a calendar: its dates with business time) after the month\'s last day, as `report` records show; `, missing counts as a default`: a month whose report is late or missing owes the credit of a month at 0% availability, beside (or, with `no stacking`, instead of) its availability credit.',
    example: CLAUSE_EXAMPLES.reportStmt,
    snippet: 'report monthly within ${1:10 business days} after the month ends${2:, missing counts as a default}',
  },
  {
    keyword: 'termination',
    kind: 'termination',
    explain: 'The date the agreement ends (a `termination` record may give it too; the earlier counts): credits of a block with `expire at termination` not paid by then are lost.',
    example: CLAUSE_EXAMPLES.terminationStmt,
    snippet: 'termination ${1:2026-12-31}',
  },
  {
    keyword: 'periods',
    kind: 'periods',
    explain: 'The zone months, quarters and years begin in, when it is not the contract\'s: a fixed offset (`UTC+02:00`, what "GMT +2" means) or an IANA zone. Period starts and ends are printed in it.',
    example: CLAUSE_EXAMPLES.periodsStmt,
    snippet: 'periods in ${1:UTC+02:00}',
  },
  {
    keyword: 'fiscal',
    kind: 'fiscalYear',
    explain: 'The month fiscal quarters and years start in (on its 1st): `per fiscal quarter` and `per fiscal year` need it. A fiscal year is named by the calendar year it ends in: starting in February, FY2027 runs from 2026-02-01 to 2027-01-31.',
    example: CLAUSE_EXAMPLES.fiscalYearStmt,
    snippet: 'fiscal year starts ${1|january,february,march,april,may,june,july,august,september,october,november,december|}',
  },
  {
    keyword: 'note',
    kind: 'note',
    explain: 'Prose slac does not compute, kept in its place so every paragraph of the source SLA has a home.',
    example: CLAUSE_EXAMPLES.noteBlock,
    snippet: 'note "${1:Title}" """\n  ${2:text}\n  """',
    label: (s) => (s.kind === 'note' ? `${s.clause ? 'clause' : 'note'} "${s.title.value}"` : 'note'),
  },
  {
    keyword: 'clause',
    kind: 'note',
    explain: 'A clause of the SLA kept as prose (like `note`).',
    example: 'clause "Cooperation Policy" "A one-line clause."',
    snippet: 'clause "${1:Title}" """\n  ${2:text}\n  """',
  },
  {
    keyword: 'regions',
    kind: 'regions',
    explain: 'The customers\' regions, each with the calendar its `regional` targets count on (`1 regional business day`); an incident names its `region`, or the customer\'s `zone` when the region lists it (`zones Asia/Tokyo`).',
    example: `regions\n  ${CLAUSE_EXAMPLES.regionLine}`,
    snippet: 'regions\n  ${1:americas} "${2:North and South America}" calendar ${3:business}',
    lines: [{ label: 'region', snippet: '${1:emea} "${2:Europe}" calendar ${3:business}', explain: 'One region: its name, title and calendar, and optionally the IANA zones of its customers (`zones Europe/London, Europe/Paris`).' }],
  },
  {
    keyword: 'environments',
    kind: 'environments',
    explain: 'The environments incidents may happen in (production, staging): an incident names its `environment`, and `response targets for environment staging` gives a table for its incidents.',
    example: `environments\n  ${CLAUSE_EXAMPLES.environmentLine}\n  staging "Staging or test"`,
    snippet: 'environments\n  ${1:production} "${2:Production}"',
    lines: [{ label: 'environment', snippet: '${1:staging} "${2:Staging}"', explain: 'One environment: its name and title.' }],
  },
  {
    keyword: 'pause reasons',
    kind: 'pauseReasons',
    explain: 'Why a ticket may wait (on the customer, on a third party): incidents carry `pauses` with one of these reasons, and `clocks` says which objectives stop for which.',
    example: `pause reasons\n  ${CLAUSE_EXAMPLES.pauseReasonLine}`,
    snippet: 'pause reasons\n  ${1:waiting-on-customer} "${2:waiting on the customer}"',
    lines: [{ label: 'pause reason', snippet: '${1:waiting-on-customer} "${2:description}"', explain: 'One reason a clock may pause for.' }],
  },
  {
    keyword: 'clocks',
    kind: 'clocks',
    explain: 'When each objective\'s clock starts (`starts at prioritized`), what pauses it (`never pauses`, `pauses while waiting-on-customer`, `pauses on business time only`), and how a reopened ticket is judged (`reopened starts a new cycle` or `reopened continues the clock`).',
    example: `clocks\n  response   starts at prioritized, never pauses\n  ${CLAUSE_EXAMPLES.clockLine}`,
    snippet: 'clocks\n  ${1|response,restoration,resolution,update|} starts at ${2|opened,prioritized,acknowledged,responded|}, ${3:never pauses}',
    lines: [
      { label: 'starts at', snippet: '${1|response,restoration,resolution,update|} starts at ${2|opened,prioritized,acknowledged,responded|}', explain: 'The event the clock starts at.' },
      { label: 'pauses while', snippet: '${1|response,restoration,resolution,update|} pauses while ${2:waiting-on-customer}', explain: 'The pause reasons that stop the clock.' },
      { label: 'reopened', snippet: '${1|resolution,restoration|} reopened ${2|starts a new cycle,continues the clock|}', explain: 'How a reopened ticket is judged.' },
    ],
  },
  {
    keyword: 'update',
    kind: 'update',
    explain: 'A recurring objective: from the response (or the clock\'s start), an update is due within every interval until the event; each interval is judged.',
    example: CLAUSE_EXAMPLES.updateStmt,
    snippet: 'update every ${1:8 hours} until ${2|restored,resolved|}',
  },
];

function partyLabel(s: Statement): string {
  return s.kind === 'party' ? `${s.role} "${s.name.value}"` : 'party';
}

/** Words inside clauses, explained where they are hovered. */
export const WORDS: Record<string, { explain: string; example: string }> = {
  none: { explain: 'Not applicable: no target for this cell (also written `NA`).', example: '| essential | 4 hours | none |' },
  business: { explain: 'In `4 business hours`, the word between number and unit names the calendar whose time is counted.', example: '2 business days by email' },
  by: { explain: 'How a target or notice is communicated, kept as data.', example: '2 business days by email then telephone' },
  windows: { explain: 'The maintenance windows follow, one weekly range a line; or `windows any time`.', example: 'windows\n  saturday 17:00 to 24:00' },
  notice: { explain: 'The notice maintenance needs before its start; measured on its own clock.', example: CLAUSE_EXAMPLES.noticeLine },
  acknowledgement: { explain: 'Whether the customer must acknowledge a maintenance notice before the start.', example: CLAUSE_EXAMPLES.acknowledgementLine },
  target: { explain: 'The availability target of each period (`per calendar month`, `per calendar quarter`, `per fiscal year`...); in a table header, a column for every plan.', example: CLAUSE_EXAMPLES.availabilityTargetLine },
  miss: { explain: '`20% when more than 4 incidents of severity urgent, high miss their response target per fiscal quarter`: a credit owed for a period in which too many incidents missed an objective.', example: '20% when more than 4 incidents of severity urgent, high miss their response target per fiscal quarter' },
  quarter: { explain: 'Three months: a calendar quarter starts in January, April, July or October; a fiscal quarter counts from the month of `fiscal year starts`. Keys: `2026-Q1`, `FY2027-Q1`.', example: 'target 99.0% per calendar quarter' },
  year: { explain: 'Twelve months: a calendar year (`2026`), or a fiscal year from the month of `fiscal year starts` (`FY2027`, named by the calendar year it ends in).', example: 'target 99.0% per calendar year, counted during business hours' },
  measured: { explain: 'How downtime is measured: exact time, or slots of N minutes (any downtime marks the whole slot).', example: CLAUSE_EXAMPLES.measuredLine },
  pinned: { explain: 'Replaces the library\'s holidays of that year, so an upgrade of date-holidays never changes a past verdict.', example: CLAUSE_EXAMPLES.pinnedHolidaysLine },
  public: { explain: 'The public holidays of a country come from date-holidays (public type only).', example: CLAUSE_EXAMPLES.publicHolidaysLine },
  holiday: { explain: 'Adds a date as a holiday of the calendar.', example: CLAUSE_EXAMPLES.addHolidayLine },
  alias: { explain: 'Other names records may use for the severity (`"severity": 1`).', example: CLAUSE_EXAMPLES.aliasPart },
  aliases: { explain: 'Other names records may use for the severity.', example: CLAUSE_EXAMPLES.aliasPart },
  official: { explain: 'An official reporting channel.', example: CLAUSE_EXAMPLES.officialChannelLine },
  counted: { explain: 'Counts against the provider (a cause, other channels, maintenance as downtime).', example: 'counted provider "attributable to the provider"' },
  excluded: { explain: 'Does not count: incidents and outages with an excluded cause, or reports through other channels.', example: CLAUSE_EXAMPLES.causeLine },
  basis: { explain: 'Which invoices are the charge a credit is a share of: `monthly charge of the service` (its own), `of the group` (the group\'s and its services\'), or free text (the service\'s, else its group\'s).', example: CLAUSE_EXAMPLES.basisLine },
  claim: { explain: 'The window within which the customer claims the credit, from the invoice date (`after invoice`), the month\'s last day (`after the month ends`) or the incident (`after the incident`), in days or business days; a claim after it is late, none by then forfeited.', example: CLAUSE_EXAMPLES.claimLine },
  rounded: { explain: 'How amounts round to the currency\'s minor unit: half-up (0.005 -> 0.01) or half-even (0.005 -> 0.00).', example: CLAUSE_EXAMPLES.currencyStmt },
  per: { explain: 'The period a cap or target applies to: calendar month, calendar year, rolling 12 months.', example: 'at most 50% per rolling 12 months' },
  at: { explain: 'A bound: `at least` includes the value from below, `at most` from above.', example: CLAUSE_EXAMPLES.bound },
  above: { explain: 'A lower bound that excludes its value.', example: 'above 99.00% and at most 99.50%' },
  below: { explain: 'An upper bound that excludes its value: `below 99.90%` stops just short of 99.90%.', example: CLAUSE_EXAMPLES.bound },
  between: { explain: 'A band inclusive at both ends; two such bands that share an end overlap (SLA3002): prefer `at least X and below Y`.', example: 'between 98.50% and 99.00%' },
  started: { explain: 'A partial step of shortfall counts as a whole step (rounds up).', example: CLAUSE_EXAMPLES.linearCreditLine },
  full: { explain: 'Only whole steps of shortfall count (rounds down).', example: '5% for each full 1% below target' },
  pro: { explain: 'The credit is proportional to the shortfall.', example: '5% for each 1% below target, pro rata' },
  every: { explain: '`every day` in hours; `for every incident` for a single target; `update every 8 hours` for a recurring objective.', example: 'every day 00:00 to 24:00' },
  regional: { explain: 'Counted on the calendar of the incident\'s region (see `regions`).', example: '| normal | 1 regional business day |' },
  on: { explain: '`2 days on calendar support`: business time on a calendar whose name is not an adjective.', example: '| high | 2 days on calendar support |' },
  in: { explain: 'A calendar, or one end of a weekly range, read in its own IANA zone.', example: 'calendar emea in Europe/London\n  monday 09:00 in Australia/Sydney to friday 17:00' },
  end: { explain: 'Due at the end of the next business day of the calendar (a ticket opened on a Friday before a holiday Monday: Tuesday evening).', example: '| affected | end of next business day |' },
  next: { explain: 'Due on the next business day of the calendar, at a time (`by 12:00`) or at its end.', example: '| functioning | next business day by 12:00 |' },
  within: { explain: '`within 1 business day` reads as `1 business day`: the calendar\'s working day.', example: '| affected | within 5 business days |' },
  pauses: { explain: 'Which pause reasons stop this clock (`pauses while waiting-on-customer`); `never pauses`; `pauses on business time only` (wall-clock targets keep running).', example: CLAUSE_EXAMPLES.clockLine },
  reopened: { explain: 'A reopened ticket starts a new cycle (the whole target again, from the reopening) or continues the clock (the time between resolution and reopening not counted); each cycle is judged.', example: 'resolution reopened starts a new cycle' },
  starts: { explain: 'The event the clock starts at: opened, prioritized, acknowledged, responded.', example: 'response starts at prioritized' },
  allowance: { explain: 'Conforming maintenance up to this much a month is not counted; the excess is.', example: CLAUSE_EXAMPLES.allowanceLine },
  kinds: { explain: 'Kinds of maintenance (`emergency`): records say which in `kind`; `notice for KIND` gives a kind its own notice.', example: CLAUSE_EXAMPLES.kindsLine },
  during: { explain: '`counted during business hours`: availability is measured within that calendar\'s hours only; downtime outside them does not count, and the month is its business time.', example: CLAUSE_EXAMPLES.countedDuringLine },
  minimum: { explain: 'A downtime episode shorter than the minimum period does not count.', example: CLAUSE_EXAMPLES.minimumDowntimeLine },
  requests: { explain: 'Error-rate downtime, from the request counts of `requests` records.', example: CLAUSE_EXAMPLES.errorRateLine },
  service: { explain: 'Scopes a block to one declared service: the most specific rule applies (part > service > group > unscoped). After `targets`, a table for the incidents of that service, which comes before the environment, channel and region tables.', example: 'availability for service compute' },
  group: { explain: 'The group of a service (`compute "Compute Cloud" group infrastructure`), or a block scoped to every service of a group.', example: 'credits for group databases' },
  expire: { explain: '`expire at termination`: credits not paid by the agreement\'s termination date are lost.', example: CLAUSE_EXAMPLES.expireLine },
  stacking: { explain: '`no stacking`: of several credits for one month only the highest is paid (a period\'s availability credit and report default; the parts of a service). Without it, `several credits add up`.', example: CLAUSE_EXAMPLES.stackingLine },
  several: { explain: '`several credits add up` (the default): a month\'s credits are added, then capped.', example: CLAUSE_EXAMPLES.stackingLine },
  environment: { explain: 'A target table for the incidents of one environment (`environments` block); records name it in `environment`. Precedence: category > service > environment > channel > region > the table for every incident.', example: 'response targets for environment staging' },
  channel: { explain: 'A target table for the incidents reported through one official channel. Precedence: category > service > environment > channel > region > the table for every incident.', example: 'response targets for channel phone' },
  region: { explain: 'A target table for the incidents of one region\'s customers. Precedence: category > service > environment > channel > region > the table for every incident.', example: 'response targets for region japan' },
  zones: { explain: 'The IANA zones of a region\'s customers: a record giving its `zone` instead of its `region` is of this region (each zone of one region only).', example: 'japan "Japan" calendar japan-hours zones Asia/Tokyo' },
  part: { explain: 'A part of a service with its own targets (`part read "DB cluster, read"`); records name it `service/part`.', example: 'availability for service managed-postgres part read' },
};

export function clauseFor(s: Statement): ClauseDoc | undefined {
  if (s.kind === 'party') return CLAUSES.find((c) => c.keyword === s.role);
  if (s.kind === 'objective') return CLAUSES.find((c) => c.keyword === s.objective);
  if (s.kind === 'note') return CLAUSES.find((c) => c.keyword === (s.clause ? 'clause' : 'note'));
  return CLAUSES.find((c) => c.kind === s.kind);
}

/** The clause a reserved word opens (`time` -> time zone, `reporting` -> reporting channels). */
export function clauseByWord(word: string): ClauseDoc | undefined {
  const w = word.toLowerCase();
  return CLAUSES.find((c) => c.keyword.split(' ')[0] === w);
}

export function statementLabel(s: Statement): string {
  const doc = clauseFor(s);
  return doc?.label?.(s) ?? doc?.keyword ?? s.kind;
}
