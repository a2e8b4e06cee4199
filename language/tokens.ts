// The tokens of the slac language. Top-level keywords are reserved; the words inside clauses are
// "soft": they also count as names, so a severity may be called `high` or a cause `emergency`.

import { createToken, Lexer, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, label: 'end of line' });

/** Every token but the end of line: what an unreadable line is made of. */
export const NotNewline = createToken({ name: 'NotNewline', pattern: Lexer.NA, label: 'anything' });
/** What may start an unreadable line: anything but a reserved keyword (which starts a clause). */
export const LineStart = createToken({ name: 'LineStart', pattern: Lexer.NA, categories: [NotNewline], label: 'a word' });

/** A word at the start of an unindented line that is nearly a clause keyword (keywords.ts retypes it). */
export const MisspeltKeyword = createToken({ name: 'MisspeltKeyword', pattern: Lexer.NA, categories: [NotNewline], label: 'a clause keyword' });

/** Any word that may stand in a table header cell. */
export const HeaderWord = createToken({ name: 'HeaderWord', pattern: Lexer.NA, categories: [NotNewline], label: 'a word' });
/** Anything that may name a declared thing (identifiers and soft keywords). */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, categories: [HeaderWord], label: 'a name' });
/** A day of the week. */
export const DayName = createToken({ name: 'DayName', pattern: Lexer.NA, categories: [Name, HeaderWord], label: 'a day of the week' });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*/,
  categories: [Name, HeaderWord, LineStart, NotNewline],
  label: 'a name',
});

export const TripleString = createToken({ name: 'TripleString', pattern: /"""[\s\S]*?"""/, line_breaks: true, categories: [LineStart, NotNewline], label: '"""text"""' });
/** An unclosed """: the lexer keeps going and the parser reports SLA1002. */
export const UnterminatedTriple = createToken({ name: 'UnterminatedTriple', pattern: /"""[\s\S]*/, line_breaks: true, categories: [LineStart, NotNewline], label: '"""text"""' });
export const StringLit = createToken({ name: 'StringLit', pattern: /"(?:[^"\\\r\n]|\\.)*"/, categories: [LineStart, NotNewline], label: '"quoted text"' });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*/, categories: [LineStart, NotNewline], label: '"quoted text"' });

export const DateLit = createToken({ name: 'DateLit', pattern: /\d{4}-\d{2}-\d{2}/, categories: [LineStart, NotNewline], label: 'a date (YYYY-MM-DD)' });
export const TimeLit = createToken({ name: 'TimeLit', pattern: /\d{1,2}:\d{2}/, categories: [LineStart, NotNewline], label: 'a time (HH:MM)' });
export const PercentLit = createToken({ name: 'PercentLit', pattern: /\d+(?:[.,]\d+)?[ \t]*%/, categories: [LineStart, NotNewline], label: 'a percentage' });
/** A fixed UTC offset, `UTC+02:00` (periods in a zone that is not the contract's; GMT+2 is `UTC+02:00`). */
export const UtcOffsetLit = createToken({ name: 'UtcOffsetLit', pattern: /UTC[+-]\d{2}:\d{2}(?![A-Za-z0-9_.:-])/, categories: [LineStart, NotNewline], label: 'a UTC offset (UTC+02:00)' });
export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d+(?:\.\d+)*/, categories: [LineStart, NotNewline], label: 'a number' });

export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, categories: [LineStart, NotNewline], label: '|' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, categories: [LineStart, NotNewline], label: ',' });
export const Colon = createToken({ name: 'Colon', pattern: /:/, categories: [LineStart, NotNewline], label: ':' });
export const Less = createToken({ name: 'Less', pattern: /</, categories: [LineStart, NotNewline], label: '<' });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [LineStart, NotNewline], label: '/' });
// Bounds as SLAs print them: `99.00% to < 99.99%`, `< 95%`, `>= 99.9%`, `99.0 - 99.9 %`.
export const LessEqual = createToken({ name: 'LessEqual', pattern: /<=/, categories: [LineStart, NotNewline], label: '<=' });
export const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=/, categories: [LineStart, NotNewline], label: '>=' });
export const Greater = createToken({ name: 'Greater', pattern: />/, categories: [LineStart, NotNewline], label: '>' });
export const Minus = createToken({ name: 'Minus', pattern: /-/, categories: [LineStart, NotNewline], label: '-' });

const keywordTokens: TokenType[] = [];

function keyword(word: string, kind: 'reserved' | 'soft' | 'strict' | 'day', pattern?: RegExp): TokenType {
  const categories =
    kind === 'soft'
      ? [Name, HeaderWord, LineStart, NotNewline]
      : kind === 'day'
        ? [DayName, Name, HeaderWord, LineStart, NotNewline]
        : kind === 'reserved'
          ? [HeaderWord, NotNewline]
          : [LineStart, NotNewline];
  const t = createToken({
    name: word.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    pattern: pattern ?? new RegExp(word, 'i'),
    longer_alt: Identifier,
    categories,
    label: `'${word}'`,
  });
  keywordTokens.push(t);
  return t;
}

// Reserved: they open a clause at the start of a line.
export const Contract = keyword('contract', 'reserved');
export const Version = keyword('version', 'reserved');
export const Effective = keyword('effective', 'reserved');
export const Provider = keyword('provider', 'reserved');
export const Customer = keyword('customer', 'reserved');
export const Time = keyword('time', 'reserved');
export const Calendar = keyword('calendar', 'reserved');
export const Severities = keyword('severities', 'reserved');
export const Plans = keyword('plans', 'reserved');
export const Categories = keyword('categories', 'reserved');
export const Response = keyword('response', 'reserved');
export const Restoration = keyword('restoration', 'reserved');
export const Resolution = keyword('resolution', 'reserved');
export const Causes = keyword('causes', 'reserved');
export const Reporting = keyword('reporting', 'reserved');
export const Maintenance = keyword('maintenance', 'reserved');
export const Availability = keyword('availability', 'reserved');
export const Reliability = keyword('reliability', 'reserved');
export const Credits = keyword('credits', 'reserved');
export const Note = keyword('note', 'reserved');
export const Clause = keyword('clause', 'reserved');
// Support SLAs: regions, pause reasons, clocks, recurring updates.
export const Regions = keyword('regions', 'reserved');
export const Pause = keyword('pause', 'reserved');
export const Clocks = keyword('clocks', 'reserved');
export const Update = keyword('update', 'reserved');
export const Services = keyword('services', 'reserved');
export const Setups = keyword('setups', 'reserved');
// Money (credits in a currency): `currency EUR, rounded half-even to the minor unit`.
export const Currency = keyword('currency', 'reserved');
// The provider's monthly report: `report monthly within 10 business days after the month ends, missing counts as a default`.
export const Report = keyword('report', 'reserved');
// The end of the agreement: `termination 2026-06-30`; in a credits block, `expire at termination`.
export const Termination = keyword('termination', 'reserved');
// Periods other than the calendar month: `periods in UTC+02:00`, `fiscal year starts february`,
// `target 99.0% per calendar quarter` (also `fiscal quarter`, `calendar year`, `fiscal year`).
export const Periods = keyword('periods', 'reserved');
export const Fiscal = keyword('fiscal', 'reserved');

// Strict: they start a value in a table cell, so they cannot be names.
export const None = keyword('none', 'strict', /none|NA(?![A-Za-z0-9_-])/i);
export const At = keyword('at', 'strict');
export const Above = keyword('above', 'strict');
export const Below = keyword('below', 'strict');
export const Between = keyword('between', 'strict');

// Units of time (plural optional); `business hours` is a calendar name followed by a unit.
export const Minutes = keyword('minutes', 'strict', /minutes?|mins?(?![A-Za-z0-9_-])/i);
export const Hours = keyword('hours', 'strict', /hours?|hrs?(?![A-Za-z0-9_-])/i);
export const Days = keyword('days', 'strict', /days?/i);

// Days of the week.
export const Monday = keyword('monday', 'day');
export const Tuesday = keyword('tuesday', 'day');
export const Wednesday = keyword('wednesday', 'day');
export const Thursday = keyword('thursday', 'day');
export const Friday = keyword('friday', 'day');
export const Saturday = keyword('saturday', 'day');
export const Sunday = keyword('sunday', 'day');

// Soft: words inside clauses.
export const Zone = keyword('zone', 'soft');
export const Unspecified = keyword('unspecified', 'soft');
export const Every = keyword('every', 'soft');
export const To = keyword('to', 'soft');
export const Public = keyword('public', 'soft');
export const Holidays = keyword('holidays', 'soft');
export const Holiday = keyword('holiday', 'soft');
export const Of = keyword('of', 'soft');
export const Not = keyword('not', 'soft');
export const A = keyword('a', 'soft');
export const Pinned = keyword('pinned', 'soft');
export const Alias = keyword('alias', 'soft');
export const Aliases = keyword('aliases', 'soft');
export const By = keyword('by', 'soft');
export const Then = keyword('then', 'soft');
export const For = keyword('for', 'soft');
export const Incident = keyword('incident', 'soft');
export const Incidents = keyword('incidents', 'soft');
export const Targets = keyword('targets', 'soft');
export const Target = keyword('target', 'soft');
export const Counted = keyword('counted', 'soft');
export const Excluded = keyword('excluded', 'soft');
export const Official = keyword('official', 'soft');
export const Other = keyword('other', 'soft');
export const Channels = keyword('channels', 'soft');
export const Windows = keyword('windows', 'soft');
export const Any = keyword('any', 'soft');
export const Notice = keyword('notice', 'soft');
export const Least = keyword('least', 'soft');
export const Most = keyword('most', 'soft');
export const Before = keyword('before', 'soft');
export const The = keyword('the', 'soft');
export const Start = keyword('start', 'soft');
export const Acknowledgement = keyword('acknowledgement', 'soft');
export const Required = keyword('required', 'soft');
export const As = keyword('as', 'soft');
export const Downtime = keyword('downtime', 'soft');
export const Per = keyword('per', 'soft');
export const Month = keyword('month', 'soft');
export const Quarter = keyword('quarter', 'soft');
export const Year = keyword('year', 'soft');
export const Measured = keyword('measured', 'soft');
export const Exact = keyword('exact', 'soft');
export const In = keyword('in', 'soft');
export const Slots = keyword('slots', 'soft');
export const Basis = keyword('basis', 'soft');
export const Each = keyword('each', 'soft');
export const Started = keyword('started', 'soft');
export const Full = keyword('full', 'soft');
export const Pro = keyword('pro', 'soft');
export const Rata = keyword('rata', 'soft');
export const And = keyword('and', 'soft');
export const Claim = keyword('claim', 'soft');
export const Within = keyword('within', 'soft');
export const After = keyword('after', 'soft');
export const On = keyword('on', 'soft');
export const Reasons = keyword('reasons', 'soft');
export const Starts = keyword('starts', 'soft');
export const Never = keyword('never', 'soft');
export const Pauses = keyword('pauses', 'soft');
export const While = keyword('while', 'soft');
export const Or = keyword('or', 'soft');
export const Reopened = keyword('reopened', 'soft');
export const New = keyword('new', 'soft');
export const Cycle = keyword('cycle', 'soft');
export const Continues = keyword('continues', 'soft');
export const Clock = keyword('clock', 'soft');
export const Until = keyword('until', 'soft');
export const Only = keyword('only', 'soft');
// `counted during business hours`: availability counted within a calendar's hours only.
export const During = keyword('during', 'soft');
export const End = keyword('end', 'soft');
export const Next = keyword('next', 'soft');
// Cloud SLAs: covered services, their groups and parts, scopes (`availability for service compute`).
export const Service = keyword('service', 'soft');
export const Group = keyword('group', 'soft');
export const Part = keyword('part', 'soft');
// What a downtime minute is: `minimum downtime period 5 minutes`, error-rate downtime.
export const Minimum = keyword('minimum', 'soft');
export const Period = keyword('period', 'soft');
export const When = keyword('when', 'soft');
export const More = keyword('more', 'soft');
export const Than = keyword('than', 'soft');
// `20% when more than 4 incidents of severity urgent, high miss their response target per fiscal quarter`.
export const Miss = keyword('miss', 'soft');
export const Their = keyword('their', 'soft');
export const Requests = keyword('requests', 'soft');
export const Fail = keyword('fail', 'soft');
export const With = keyword('with', 'soft');
// Maintenance kinds, allowances and limits.
export const Kinds = keyword('kinds', 'soft');
// `only with setup multi-zone`: a target that applies only to customers with that setup (`only` is declared above).
export const Setup = keyword('setup', 'soft');
export const Allowance = keyword('allowance', 'soft');
export const Much = keyword('much', 'soft');
export const Possible = keyword('possible', 'soft');
// Money: `currency EUR, rounded half-up`, `at most 10000.00 EUR per calendar year`.
export const Rounded = keyword('rounded', 'soft');
// Paying credits: `paid on the next invoice`, `paid within 30 days`, `withheld while invoices are unpaid`.
export const Paid = keyword('paid', 'soft');
export const Withheld = keyword('withheld', 'soft');
// Several credits for one month: `no stacking`, or `several credits add up`.
export const No = keyword('no', 'soft');
export const Stacking = keyword('stacking', 'soft');
export const Several = keyword('several', 'soft');
export const Add = keyword('add', 'soft');
export const Up = keyword('up', 'soft');
export const Expire = keyword('expire', 'soft');
// Scoped incident target tables: `response targets for environment production`, `for channel
// phone`, `for region japan`; `zones Asia/Tokyo, Asia/Seoul` on a region line.
export const Environment = keyword('environment', 'soft');
export const Channel = keyword('channel', 'soft');
export const Region = keyword('region', 'soft');
export const Zones = keyword('zones', 'soft');

/**
 * `environments` starts a clause only as the only word of an unindented line (keywords.ts retypes
 * it there): anywhere else it is a name, so contracts that call a category `environments` still read.
 */
export const Environments = createToken({ name: 'Environments', pattern: Lexer.NA, categories: [HeaderWord, NotNewline], label: "'environments'" });

// Longer keywords first, so that `a` never steals the start of `above`.
const orderedKeywords = [...keywordTokens].sort((x, y) => y.name.length - x.name.length);

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  Newline,
  TripleString,
  UnterminatedTriple,
  StringLit,
  UnterminatedString,
  DateLit,
  TimeLit,
  PercentLit,
  UtcOffsetLit,
  NumberLit,
  Pipe,
  Comma,
  Colon,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Slash,
  Minus,
  ...orderedKeywords,
  Environments,
  Identifier,
  NotNewline,
  LineStart,
  MisspeltKeyword,
  HeaderWord,
  Name,
  DayName,
];
