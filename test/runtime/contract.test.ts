// runtime/contract.ts on small contracts, each compiled inside its test: how a target is written
// (describeDuration), which target an incident gets (category > service > environment > channel >
// region > the table for every incident; a missing cell falls through, a `none` cell answers),
// what a trace says about it (`from`, the clause's file:line, the `table` only when scoped tables
// exist), the objectives a contract sets, clocks per calendar, clock rules and their defaults, the
// maintenance window clock, the units a record names, exclusions by cause and channel, and the
// versions of a contract (order by effective date, the one in force, the one taking effect in a
// range, the latest).
//
// Dates used: 2026-03-02 is a Monday, 2026-03-07 a Saturday. Every contract's zone is UTC unless
// it says otherwise.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import type { Contract, Duration } from '../../compiler/ir';
import { wallClock } from '../../runtime/business-clock';
import { type CompiledContract, compileContract, ContractVersions, describeDuration, type TargetKeys } from '../../runtime/contract';
import { versionsOf } from '../helpers/evaluate';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + 1;
}

/** The contract compiled (no error diagnostics), its clauses named `file:line`. */
function contractOf(text: string, file: string): CompiledContract {
  return versionsOf(text, file).latest;
}

/** The IR of `text` as the compiler gives it (no error diagnostics). */
function irOf(text: string, file: string): Contract {
  const c = compile(text, file);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return c.contract;
}

const keys = (k: Partial<TargetKeys>): TargetKeys => ({ plan: 'default', severity: 'p1', category: null, channel: null, ...k });

// ------------------------------------------------------------------------------ contracts

const PLANS_FILE = 'plans.sla';
const PLANS = `contract "Support"
version 2
effective 2026-01-01
time zone UTC

calendar office "Office hours"
  monday to friday 09:00 to 17:00

calendar tokyo-office in Asia/Tokyo "Office hours in Tokyo"
  monday to friday 09:00 to 17:00

regions
  apac "Asia Pacific" calendar tokyo-office

plans basic < gold

severities
  p1 "Critical"
  p2 "High"
  p3 "Low"

causes
  counted provider

pause reasons
  waiting "Waiting on the customer"

clocks
  response starts at acknowledged, pauses while waiting

response targets
  | plan  | p1      | p2                                | p3                     |
  | basic | 2 hours | 2 office days by email then phone | end of next office day |
  | gold  | 1 hour  | next office day by 09:30          | none                   |

resolution targets
  | plan  | p1                       | p2     | p3     |
  | basic | 3 regional business days | 3 days | 5 days |
  | gold  | 1.5 hours                | 2 days | none   |

maintenance
  windows
    saturday 17:00 to 24:00
`;

const IMPLICIT_FILE = 'implicit.sla';
const IMPLICIT = `contract "No plans"
version 1
effective 2026-01-01
time zone UTC

severities
  p1 "Critical"

causes
  counted provider

response targets
  | severity | target  |
  | p1       | 4 hours |
`;

// Scoped tables written in the reverse of their precedence (region first, a service's part after
// its service) with a distinct target each, so the answer says which table gave it.
const SCOPED_FILE = 'scoped.sla';
const SCOPED = `contract "Scoped"
version 1
effective 2026-01-01
time zone UTC

calendar office
  monday to friday 09:00 to 17:00

regions
  apac "Asia Pacific" calendar office

environments
  production "Production"
  staging    "Staging"

services
  compute "Compute"
  mdb     "Managed Databases"
    part read  "Reads"
    part write "Writes"

severities
  p1 "Critical"
  p2 "High"

causes
  counted provider

reporting channels
  official portal "Portal"
  official phone  "Phone"

response targets
  | severity | target  |
  | p1       | 8 hours |
  | p2       | 9 hours |

response targets for region apac
  | severity | target  |
  | p1       | 5 hours |
  | p2       | 6 hours |

response targets for channel phone
  | severity | target  |
  | p1       | 4 hours |

response targets for environment production
  | severity | target  |
  | p1       | 3 hours |
  | p2       | none    |

response targets for service mdb
  | severity | target  |
  | p1       | 2 hours |

response targets for service mdb part read
  | severity | target |
  | p1       | 1 hour |

restoration targets for environment staging
  | severity | target   |
  | p1       | 12 hours |

resolution targets for environment production
  | severity | target |

categories
  | category | description     | response   |
  | web-down | "Web page down" | 10 minutes |
  | db-down  | "Database down" | 20 minutes |
`;

const CLOUD_FILE = 'cloud.sla';
const CLOUD = `contract "Cloud"
version 1
effective 2026-01-01
time zone UTC

services
  compute "Compute"
  mdb     "Managed Databases"
    part read  "Reads"
    part write "Writes"
  dns     "DNS"

causes
  counted provider

availability
  target 99.9% per calendar month

maintenance
  windows
    saturday 17:00 to 24:00

maintenance for service compute
  windows any time
`;

const EXCLUSIONS_FILE = 'exclusions.sla';
const EXCLUSIONS = `contract "Exclusions"
version 1
effective 2026-01-01
time zone UTC

severities
  p1 "Critical"

causes
  counted  provider     "attributable to the provider"
  excluded customer     "caused by the customer"
  excluded third-party

reporting channels
  official helpdesk "Help desk"
  official email    "Support mailbox"
  other channels excluded

response targets
  | severity | target  |
  | p1       | 4 hours |
`;

/** A one-target contract of `version` (none: no version line) taking effect on `effective`. */
const versionText = (version: string | null, effective: string, zone = 'UTC'): string => `contract "Versions"
${version === null ? '' : `version ${version}\n`}effective ${effective}
time zone ${zone}

severities
  p1 "Critical"

causes
  counted provider

response targets
  | severity | target  |
  | p1       | 4 hours |
`;

const version = (v: string | null, effective: string, zone?: string): CompiledContract =>
  compileContract(irOf(versionText(v, effective, zone), `v${v ?? '-none'}.sla`));

// ------------------------------------------------------------------------------ describeDuration

const duration = (d: Partial<Duration>): Duration => ({ amount: '1', unit: 'hour', calendar: null, ms: null, span: { start: 0, end: 0 }, ...d });

describe('describeDuration: a target as the contract writes it', () => {
  it('writes a wall-clock duration with the unit singular for 1 only', () => {
    expect(describeDuration(duration({ amount: '1', unit: 'hour' }))).toBe('1 hour');
    expect(describeDuration(duration({ amount: '2', unit: 'hour' }))).toBe('2 hours');
    expect(describeDuration(duration({ amount: '1.5', unit: 'minute' }))).toBe('1.5 minutes');
  });

  it('names the calendar of business time, and `regional business` for the region\'s calendar', () => {
    expect(describeDuration(duration({ amount: '2', unit: 'day', calendar: 'office' }))).toBe('2 office days');
    expect(describeDuration(duration({ amount: '1', unit: 'day', calendar: 'office' }))).toBe('1 office day');
    expect(describeDuration(duration({ amount: '3', unit: 'day', regional: true }))).toBe('3 regional business days');
  });

  it('adds how the target is communicated, `by A then B`; without a via it says nothing more', () => {
    expect(describeDuration(duration({ amount: '2', unit: 'day', calendar: 'office' }), ['email', 'phone'])).toBe('2 office days by email then phone');
    expect(describeDuration(duration({ amount: '4', unit: 'hour' }), ['email'])).toBe('4 hours by email');
    expect(describeDuration(duration({ amount: '4', unit: 'hour' }), [])).toBe('4 hours');
  });

  it('writes a next-day target: `end of next office day`, `next office day by 09:30`, with their via', () => {
    expect(describeDuration(duration({ unit: 'day', calendar: 'office', anchor: { minute: null } }))).toBe('end of next office day');
    expect(describeDuration(duration({ unit: 'day', calendar: 'office', anchor: { minute: 570 } }))).toBe('next office day by 09:30');
    expect(describeDuration(duration({ unit: 'day', calendar: 'office', anchor: { minute: 1005 } }))).toBe('next office day by 16:45');
    expect(describeDuration(duration({ unit: 'day', calendar: 'office', anchor: { minute: null } }), ['email', 'phone'])).toBe('end of next office day by email then phone');
    expect(describeDuration(duration({ unit: 'day', calendar: 'office', anchor: { minute: 720 } }), ['phone'])).toBe('next office day by 12:00 by phone');
  });
});

// ------------------------------------------------------------------------------ targets by plan and severity

describe('compileContract: targets by plan and severity', () => {
  it('gives each cell its text, `plan P, severity S`, and the file:line of its row', () => {
    const c = contractOf(PLANS, PLANS_FILE);
    const row = (plan: string) => `${PLANS_FILE}:${lineOf(PLANS, plan === 'gold' ? '| gold  | 1 hour ' : '| basic | 2 hours')}`;
    const t = c.incidentTarget('response', keys({ plan: 'basic', severity: 'p2' }));
    expect(t?.text).toBe('2 office days by email then phone');
    expect(t?.via).toEqual(['email', 'phone']);
    expect(t?.from).toBe('plan basic, severity p2');
    expect(t?.clause).toBe(row('basic'));
    expect(c.incidentTarget('response', keys({ plan: 'basic', severity: 'p1' }))?.text).toBe('2 hours');
    expect(c.incidentTarget('response', keys({ plan: 'basic', severity: 'p3' }))?.text).toBe('end of next office day');
    const gold = c.incidentTarget('response', keys({ plan: 'gold', severity: 'p1' }));
    expect([gold?.text, gold?.from, gold?.clause]).toEqual(['1 hour', 'plan gold, severity p1', row('gold')]);
    expect(c.incidentTarget('response', keys({ plan: 'gold', severity: 'p2' }))?.text).toBe('next office day by 09:30');
    expect(c.incidentTarget('resolution', keys({ plan: 'basic', severity: 'p1' }))?.text).toBe('3 regional business days');
    expect(c.incidentTarget('resolution', keys({ plan: 'gold', severity: 'p1' }))?.text).toBe('1.5 hours');
  });

  it('a `none` cell is a target with no duration, written `none`', () => {
    const c = contractOf(PLANS, PLANS_FILE);
    const t = c.incidentTarget('response', keys({ plan: 'gold', severity: 'p3' }));
    expect(t).toMatchObject({ objective: 'response', duration: null, via: [], text: 'none', from: 'plan gold, severity p3' });
    expect(t?.clause).toBe(`${PLANS_FILE}:${lineOf(PLANS, '| gold  | 1 hour ')}`);
  });

  it('says `severity S` alone when the contract has no plans', () => {
    const c = contractOf(IMPLICIT, IMPLICIT_FILE);
    const t = c.incidentTarget('response', keys({ severity: 'p1' }));
    expect([t?.text, t?.from, t?.clause]).toEqual(['4 hours', 'severity p1', `${IMPLICIT_FILE}:${lineOf(IMPLICIT, '| p1 ')}`]);
  });

  it('no target (null) for an objective without a table, or a plan or severity the table does not have', () => {
    const c = contractOf(PLANS, PLANS_FILE);
    expect(c.incidentTarget('restoration', keys({ plan: 'basic', severity: 'p1' }))).toBeNull();
    expect(c.incidentTarget('response', keys({ plan: 'platinum', severity: 'p1' }))).toBeNull();
    expect(c.incidentTarget('response', keys({ plan: 'basic', severity: 'p9' }))).toBeNull();
  });

  it('without scoped tables a target names no table', () => {
    const c = contractOf(PLANS, PLANS_FILE);
    const t = c.incidentTarget('response', keys({ plan: 'basic', severity: 'p1' }));
    expect(t && Object.keys(t)).toEqual(['objective', 'duration', 'via', 'text', 'from', 'clause']);
  });

  it('without a locator, a clause is named `file@offset`', () => {
    const c = compileContract(irOf(IMPLICIT, IMPLICIT_FILE));
    expect(c.incidentTarget('response', keys({ severity: 'p1' }))?.clause).toBe(`${IMPLICIT_FILE}@${IMPLICIT.indexOf('4 hours')}`);
    expect(c.locate({ start: 7, end: 9 })).toBe(`${IMPLICIT_FILE}@7`);
  });

  it('lists the objectives it sets targets for, in the order response, restoration, resolution', () => {
    expect(contractOf(PLANS, PLANS_FILE).objectives).toEqual(['response', 'resolution']);
    expect(contractOf(IMPLICIT, IMPLICIT_FILE).objectives).toEqual(['response']);
  });
});

// ------------------------------------------------------------------------------ precedence

describe('compileContract: which table answers an incident', () => {
  const scopedLine = (needle: string): string => `${SCOPED_FILE}:${lineOf(SCOPED, needle)}`;

  it('a category\'s target comes before every table', () => {
    const c = contractOf(SCOPED, SCOPED_FILE);
    const everything = { services: ['mdb/read'], environment: 'production', channel: 'phone', region: 'apac' };
    const t = c.incidentTarget('response', keys({ category: 'web-down', ...everything }));
    expect([t?.text, t?.from, t?.clause]).toEqual(['10 minutes', 'category web-down', scopedLine('| web-down')]);
    expect(t?.table).toEqual({ scope: 'category web-down', clause: scopedLine('| web-down') });
    expect(c.incidentTarget('response', keys({ category: 'db-down', ...everything }))?.text).toBe('20 minutes');
    // A category without a target: the tables answer.
    expect(c.incidentTarget('response', keys({ category: 'other', ...everything }))?.text).toBe('1 hour');
  });

  it('a service part\'s table comes before its service\'s, though written after it', () => {
    const c = contractOf(SCOPED, SCOPED_FILE);
    const t = c.incidentTarget('response', keys({ services: ['mdb/read'], environment: 'production', channel: 'phone', region: 'apac' }));
    expect([t?.text, t?.from]).toEqual(['1 hour', 'service mdb part read: severity p1']);
    expect(t?.table).toEqual({ scope: 'service mdb part read', clause: scopedLine('response targets for service mdb part read') });
    expect(c.incidentTarget('response', keys({ services: ['compute', 'mdb/read'] }))?.text).toBe('1 hour');
  });

  it('another part of the service, and the whole service, get the service\'s table', () => {
    const c = contractOf(SCOPED, SCOPED_FILE);
    const write = c.incidentTarget('response', keys({ services: ['mdb/write'] }));
    expect([write?.text, write?.from]).toEqual(['2 hours', 'service mdb: severity p1']);
    expect(write?.table).toEqual({ scope: 'service mdb', clause: scopedLine('response targets for service mdb') });
    expect(c.incidentTarget('response', keys({ services: ['mdb'] }))?.text).toBe('2 hours');
    // A service without a table: the table for every incident.
    expect(c.incidentTarget('response', keys({ services: ['compute'] }))?.text).toBe('8 hours');
  });

  it('environment > channel > region > the table for every incident', () => {
    const c = contractOf(SCOPED, SCOPED_FILE);
    const env = c.incidentTarget('response', keys({ environment: 'production', channel: 'phone', region: 'apac' }));
    expect([env?.text, env?.from]).toEqual(['3 hours', 'environment production: severity p1']);
    expect(env?.table).toEqual({ scope: 'environment production', clause: scopedLine('response targets for environment production') });
    const channel = c.incidentTarget('response', keys({ environment: 'staging', channel: 'phone', region: 'apac' }));
    expect([channel?.text, channel?.from]).toEqual(['4 hours', 'channel phone: severity p1']);
    const region = c.incidentTarget('response', keys({ channel: 'portal', region: 'apac' }));
    expect([region?.text, region?.from]).toEqual(['5 hours', 'region apac: severity p1']);
    const base = c.incidentTarget('response', keys({ environment: 'staging', channel: 'portal', region: null, services: ['compute'] }));
    expect([base?.text, base?.from]).toEqual(['8 hours', 'severity p1']);
    expect(base?.table).toEqual({ scope: null, clause: scopedLine('response targets') });
  });

  it('a table without the incident\'s cell falls through to the next', () => {
    const c = contractOf(SCOPED, SCOPED_FILE);
    // The phone table has no p2: the region's answers; without a region, the table for every incident.
    expect(c.incidentTarget('response', keys({ severity: 'p2', channel: 'phone', region: 'apac' }))?.text).toBe('6 hours');
    expect(c.incidentTarget('response', keys({ severity: 'p2', channel: 'phone', services: ['mdb/read'] }))?.text).toBe('9 hours');
  });

  it('a `none` cell answers: nothing falls through past it', () => {
    const c = contractOf(SCOPED, SCOPED_FILE);
    const t = c.incidentTarget('response', keys({ severity: 'p2', environment: 'production', region: 'apac' }));
    expect(t).toMatchObject({ duration: null, text: 'none', from: 'environment production: severity p2' });
  });

  it('a table answers its own objective only', () => {
    const c = contractOf(SCOPED, SCOPED_FILE);
    expect(c.incidentTarget('response', keys({ environment: 'staging' }))?.text).toBe('8 hours');
    expect(c.incidentTarget('restoration', keys({ environment: 'staging' }))?.text).toBe('12 hours');
    // No restoration table for production, and none for every incident.
    expect(c.incidentTarget('restoration', keys({ environment: 'production' }))).toBeNull();
  });

  it('objectives count scoped tables with cells, not empty ones, and categories', () => {
    // restoration: only the staging table; resolution: only a table with no rows.
    expect(contractOf(SCOPED, SCOPED_FILE).objectives).toEqual(['response', 'restoration']);
    // An IR built by hand whose only targets are the categories'.
    const ir = irOf(SCOPED, SCOPED_FILE);
    expect(compileContract({ ...ir, targets: [], targetTables: [] }).objectives).toEqual(['response']);
  });
});

// ------------------------------------------------------------------------------ clocks

describe('compileContract: clocks', () => {
  it('the null calendar is the wall clock', () => {
    expect(contractOf(PLANS, PLANS_FILE).clock(null)).toBe(wallClock);
  });

  it('a calendar\'s clock counts its hours in its zone, and is built once', () => {
    const c = contractOf(PLANS, PLANS_FILE);
    const office = c.clock('office');
    // Monday 2026-03-02, 08:00 to 18:00 UTC: 09:00 to 17:00 count.
    expect(office.elapsed(at('2026-03-02T08:00:00Z'), at('2026-03-02T18:00:00Z'))).toBe(8 * HOUR);
    expect(c.clock('office')).toBe(office);
    // Tokyo is UTC+9: 09:00 to 17:00 there is 00:00 to 08:00 UTC.
    expect(c.clock('tokyo-office').elapsed(at('2026-03-02T00:00:00Z'), at('2026-03-02T12:00:00Z'))).toBe(8 * HOUR);
  });

  it('an undeclared calendar is a RangeError `unknown calendar X`', () => {
    const c = contractOf(PLANS, PLANS_FILE);
    expect(() => c.clock('nowhere')).toThrow(RangeError);
    expect(() => c.clock('nowhere')).toThrow(/^unknown calendar nowhere$/);
  });

  it('a clock the `clocks` block names has its rule', () => {
    const rule = contractOf(PLANS, PLANS_FILE).clockRule('response');
    expect([rule.objective, rule.startsAt, rule.pausesWhile, rule.businessOnly, rule.reopened]).toEqual(['response', 'acknowledged', ['waiting'], false, 'continue']);
  });

  it('a clock the block does not name starts at opened (updates: at the response) and never pauses', () => {
    const c = contractOf(PLANS, PLANS_FILE);
    const rest = { pausesWhile: [], businessOnly: false, reopened: 'continue', span: { start: 0, end: 0 } };
    expect(c.clockRule('resolution')).toEqual({ objective: 'resolution', startsAt: 'opened', ...rest });
    expect(c.clockRule('update')).toEqual({ objective: 'update', startsAt: 'responded', ...rest });
    expect(contractOf(IMPLICIT, IMPLICIT_FILE).clockRule('response')).toEqual({ objective: 'response', startsAt: 'opened', ...rest });
  });
});

// ------------------------------------------------------------------------------ maintenance windows

describe('compileContract: the maintenance window clock', () => {
  it('counts the unscoped clause\'s windows, no holidays, and is built once', () => {
    const c = contractOf(CLOUD, CLOUD_FILE);
    const w = c.windowClock();
    expect(w).not.toBeNull();
    // The week of Monday 2026-03-02: Saturday 17:00 to 24:00.
    expect(w?.elapsed(at('2026-03-02T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(7 * HOUR);
    expect(w?.intervals(at('2026-03-07T00:00:00Z'), at('2026-03-08T12:00:00Z'))).toEqual([[at('2026-03-07T17:00:00Z'), at('2026-03-08T00:00:00Z')]]);
    // Christmas 2026 is a Friday; Saturday 26 still has its window.
    expect(w?.elapsed(at('2026-12-26T00:00:00Z'), at('2026-12-27T00:00:00Z'))).toBe(7 * HOUR);
    expect(c.windowClock()).toBe(w);
    const m = c.ir.maintenance;
    expect(w?.calendar).toEqual({
      id: 'maintenance-windows', title: null, weekly: m?.windows, allDay: false, holidayCountry: null, holidayCountrySpan: null, added: [], removed: [], pinned: [], span: m?.span,
    });
  });

  it('a clause of `windows any time`, or no maintenance clause, has no window clock', () => {
    const c = contractOf(CLOUD, CLOUD_FILE);
    const compute = c.unitsOf(['compute'])[0];
    expect(compute.maintenance?.hasWindows).toBe(false);
    expect(c.windowClock(compute.maintenance)).toBeNull();
    expect(c.windowClock(compute.maintenance)).toBeNull();
    expect(contractOf(IMPLICIT, IMPLICIT_FILE).windowClock()).toBeNull();
    expect(c.windowClock(null)).toBeNull();
  });
});

// ------------------------------------------------------------------------------ units

describe('compileContract: units a record names', () => {
  const keysOf = (units: { key: string }[]): string[] => units.map((u) => u.key);

  it('every unit when a record names no services', () => {
    const c = contractOf(CLOUD, CLOUD_FILE);
    expect(keysOf(c.units)).toEqual(['compute', 'mdb/read', 'mdb/write', 'dns']);
    expect(c.unitsOf(null)).toBe(c.units);
    expect(c.unitsOf(undefined)).toBe(c.units);
  });

  it('one service: its unit, or all its parts; `service/part`: that part; an unknown name: none', () => {
    const c = contractOf(CLOUD, CLOUD_FILE);
    expect(keysOf(c.unitsOf(['compute']))).toEqual(['compute']);
    expect(keysOf(c.unitsOf(['mdb']))).toEqual(['mdb/read', 'mdb/write']);
    expect(keysOf(c.unitsOf(['mdb/write']))).toEqual(['mdb/write']);
    expect(c.unitsOf(['nothing'])).toEqual([]);
  });

  it('several services: their units, each once, in the order named', () => {
    const c = contractOf(CLOUD, CLOUD_FILE);
    expect(keysOf(c.unitsOf(['mdb/read', 'dns', 'mdb', 'dns']))).toEqual(['mdb/read', 'dns', 'mdb/write']);
    expect(keysOf(c.unitsOf(['nothing', 'compute']))).toEqual(['compute']);
  });

  it('a contract without services has the one unit `default`', () => {
    const c = contractOf(IMPLICIT, IMPLICIT_FILE);
    expect(c.units.map((u) => [u.key, u.service, u.part])).toEqual([['default', 'default', null]]);
    expect(keysOf(c.unitsOf(['default']))).toEqual(['default']);
  });

  it('an IR without units (built by hand) gets them resolved from its services', () => {
    const ir = irOf(CLOUD, CLOUD_FILE);
    expect(keysOf(compileContract({ ...ir, units: undefined }).units)).toEqual(['compute', 'mdb/read', 'mdb/write', 'dns']);
  });
});

// ------------------------------------------------------------------------------ exclusions

describe('compileContract: exclusions by cause and channel', () => {
  const line = (needle: string): string => `${EXCLUSIONS_FILE}:${lineOf(EXCLUSIONS, needle)}`;

  it('an excluded cause, with its description when it has one, and its line', () => {
    const c = contractOf(EXCLUSIONS, EXCLUSIONS_FILE);
    expect(c.exclusion('customer', 'helpdesk')).toBe(`cause customer is excluded (caused by the customer), ${line('excluded customer')}`);
    expect(c.exclusion('third-party', 'email')).toBe(`cause third-party is excluded, ${line('excluded third-party')}`);
    // The cause is said first, whatever the channel.
    expect(c.exclusion('customer', null)).toBe(`cause customer is excluded (caused by the customer), ${line('excluded customer')}`);
  });

  it('with other channels excluded: a report through no channel, or another channel, is excluded', () => {
    const c = contractOf(EXCLUSIONS, EXCLUSIONS_FILE);
    expect(c.exclusion('provider', null)).toBe(`reported through no channel, not an official channel (helpdesk, email), ${line('reporting channels')}`);
    expect(c.exclusion('provider', 'phone')).toBe(`reported through channel phone, not an official channel (helpdesk, email), ${line('reporting channels')}`);
    expect(c.exclusion('provider', 'helpdesk')).toBeNull();
    expect(c.exclusion('provider', 'email')).toBeNull();
  });

  it('a channel the IR marks not official is not an official one', () => {
    const ir = irOf(EXCLUSIONS, EXCLUSIONS_FILE);
    const channels = ir.channels;
    if (!channels) throw new Error('no channels');
    const chat = { id: 'chat', official: false, description: null, span: channels.span };
    const c = compileContract({ ...ir, channels: { ...channels, channels: [...channels.channels, chat] } });
    expect(c.exclusion('provider', 'chat')).toBe(`reported through channel chat, not an official channel (helpdesk, email), ${EXCLUSIONS_FILE}@${channels.span.start}`);
  });

  it('with other channels counted, or no channels clause, every channel counts', () => {
    const counted = contractOf(EXCLUSIONS.replace('other channels excluded', 'other channels counted'), EXCLUSIONS_FILE);
    expect(counted.exclusion('provider', 'phone')).toBeNull();
    expect(counted.exclusion('provider', null)).toBeNull();
    expect(contractOf(IMPLICIT, IMPLICIT_FILE).exclusion('provider', null)).toBeNull();
  });

  it('causeCounted: a counted cause is, an excluded or undeclared one is not', () => {
    const c = contractOf(EXCLUSIONS, EXCLUSIONS_FILE);
    expect(c.causeCounted('provider')).toBe(true);
    expect(c.causeCounted('customer')).toBe(false);
    expect(c.causeCounted('weather')).toBe(false);
  });
});

// ------------------------------------------------------------------------------ versions

describe('ContractVersions', () => {
  it('a version states its name and the local midnight it takes effect; `(unversioned)` and null otherwise', () => {
    const v = version('3', '2026-03-01');
    expect([v.version, v.effectiveFrom]).toEqual(['3', at('2026-03-01T00:00:00Z')]);
    expect(version('3', '2026-03-01', 'America/Bogota').effectiveFrom).toBe(at('2026-03-01T05:00:00Z'));
    const none = version(null, 'unspecified');
    expect([none.version, none.effectiveFrom]).toEqual(['(unversioned)', null]);
  });

  it('orders versions by effective date, one effective `unspecified` first, whatever order they are given in', () => {
    const v1 = version('1', 'unspecified');
    const v2 = version('2', '2026-01-01');
    const v3 = version('3', '2026-03-01');
    const orders = [[v1, v2, v3], [v1, v3, v2], [v2, v1, v3], [v2, v3, v1], [v3, v1, v2], [v3, v2, v1]];
    for (const given of orders) {
      const vs = new ContractVersions(given);
      expect(vs.list.map((v) => v.version)).toEqual(['1', '2', '3']);
      expect(vs.latest.version).toBe('3');
    }
    expect(new ContractVersions([v2, v1]).list.map((v) => v.version)).toEqual(['1', '2']);
    expect(new ContractVersions([v1, v2]).list.map((v) => v.version)).toEqual(['1', '2']);
  });

  it('without versions is a RangeError `no contract versions`', () => {
    expect(() => new ContractVersions([])).toThrow(RangeError);
    expect(() => new ContractVersions([])).toThrow(/^no contract versions$/);
  });

  it('in force at an instant: the last version effective at or before it', () => {
    const vs = new ContractVersions([version('3', '2026-03-01'), version('2', '2026-01-01')]);
    expect(vs.inForce(at('2025-12-31T23:59:59Z'))).toBeNull();
    expect(vs.inForce(at('2026-01-01T00:00:00Z'))?.version).toBe('2');
    expect(vs.inForce(at('2026-02-28T23:59:59Z'))?.version).toBe('2');
    expect(vs.inForce(at('2026-03-01T00:00:00Z'))?.version).toBe('3');
    expect(vs.inForce(at('2027-01-01T00:00:00Z'))?.version).toBe('3');
    // A version effective `unspecified` is in force before any dated one.
    const withUnspecified = new ContractVersions([version('2', '2026-01-01'), version('1', 'unspecified')]);
    expect(withUnspecified.inForce(at('2025-06-01T00:00:00Z'))?.version).toBe('1');
    expect(withUnspecified.inForce(at('2026-06-01T00:00:00Z'))?.version).toBe('2');
  });

  it('the version taking effect in [from, to): the first one effective in it', () => {
    const vs = new ContractVersions([version('1', 'unspecified'), version('2', '2026-01-01'), version('3', '2026-03-01')]);
    expect(vs.firstEffectiveIn(at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))?.version).toBe('3');
    expect(vs.firstEffectiveIn(at('2025-12-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))?.version).toBe('2');
    // Effective at `to`: not in the range; effective before `from`: not either.
    expect(vs.firstEffectiveIn(at('2026-02-01T00:00:00Z'), at('2026-03-01T00:00:00Z'))).toBeNull();
    expect(vs.firstEffectiveIn(at('2026-03-02T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toBeNull();
    // A version effective `unspecified` takes effect in no range, not even January 1970.
    expect(vs.firstEffectiveIn(at('1970-01-01T00:00:00Z'), at('1970-02-01T00:00:00Z'))).toBeNull();
  });
});
