// The names a contract declares, as records meet them: matched ignoring case and given back as the
// contract spells them (ids, severity aliases, services and their parts, setups, maintenance
// kinds), and the exact lists a rejection shows when a name is not declared, or what the contract
// lacks when it declares none.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import type { Contract } from '../../../compiler/ir';
import { type InputRecord, type Rejected, validateLine } from '../../../runtime/records';

function compiled(name: string, body: string): Contract {
  const c = compile(`contract "${name}"\nversion 1\neffective 2026-01-01\ntime zone UTC\n\n${body}`, `${name}.sla`);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return c.contract;
}

/** No plans, no categories, services, setups, channel rule or maintenance kinds; ids and aliases in mixed case. */
const PLAIN = compiled(
  'Plain',
  `severities
  P1 "Critical" alias Sev-A
  high "High" alias 2, two

causes
  counted provider
`,
);

const SEVERAL = compiled(
  'Several',
  `plans gold < silver

severities
  urgent "Urgent"
  high   "High"

categories
  security    "Security"
  performance "Performance"

services
  compute "Compute Cloud"
  mdb     "Managed Databases"
    part read  "DB cluster, read"
    part write "DB cluster, write"
  dns     "Cloud DNS"

setups
  three-zones     "three zones"
  regional-master "a regional master"

causes
  counted provider

reporting channels
  official portal "the portal"
  official phone "the phone line"
  other channels excluded

maintenance
  kinds emergency
  windows any time

maintenance for service compute
  kinds security, emergency
  windows any time

availability
  target 99.9% per calendar month
`,
);

const ONE_SERVICE = compiled(
  'One',
  `severities
  high "High"

services
  api "The API"

causes
  counted provider

availability
  target 99.9% per calendar month
`,
);

const span = { start: 0, end: 0 };

/** An IR built by hand, as a caller may pass one: no plans at all (not even `default`), and no services, setups or scoped blocks. */
const BY_HAND: Contract = {
  file: 'hand.slac', name: 'Hand', version: '1', effective: null, provider: null, customer: null,
  timeZone: 'UTC', calendars: [],
  severities: [{ id: 'high', title: null, description: null, aliases: [], rank: 0, span }],
  plans: [], plansOrdered: false, implicitPlan: false,
  categories: [], targets: [], categoryTargets: [],
  causes: [{ id: 'provider', counted: true, description: null, span }],
  channels: {
    channels: [{ id: 'portal', official: true, description: null, span }, { id: 'email', official: false, description: null, span }],
    othersExcluded: false, span,
  },
  maintenance: null, availability: null, reliability: null, credits: null, notes: [],
};

const OPENED = '2026-03-01T10:00:00Z';
const incident = (over: Record<string, unknown> = {}) => ({ type: 'incident', id: 'I1', severity: 'high', opened: OPENED, cause: 'provider', ...over });
const outage = (over: Record<string, unknown> = {}) => ({ type: 'outage', id: 'O1', start: OPENED, end: '2026-03-01T11:00:00Z', cause: 'provider', ...over });
const maintenance = (over: Record<string, unknown> = {}) => ({ type: 'maintenance', id: 'M1', start: OPENED, end: '2026-03-01T11:00:00Z', ...over });
const setup = (over: Record<string, unknown> = {}) => ({ type: 'setup', setup: 'three-zones', from: OPENED, ...over });

function check(contract: Contract, record: object): InputRecord | Rejected {
  return validateLine({ line: 9, text: JSON.stringify(record) }, contract);
}
/** The message `record` is rejected with (it must be rejected, on line 9). */
function rejection(contract: Contract, record: object): string {
  const r = check(contract, record) as Rejected;
  expect(r.line).toBe(9);
  expect(r.message, JSON.stringify(r)).toBeTypeOf('string');
  return r.message;
}

describe('names match ignoring case and come out as declared', () => {
  it('gives a severity id in mixed case for any case the record uses', () => {
    for (const given of ['P1', 'p1']) expect(check(PLAIN, incident({ severity: given }))).toMatchObject({ severity: 'P1' });
    for (const given of ['high', 'High']) expect(check(PLAIN, incident({ severity: given }))).toMatchObject({ severity: 'high' });
  });

  it('resolves an alias in any case, and a number as the alias it spells', () => {
    for (const given of ['Sev-A', 'sev-a', 'SEV-A']) expect(check(PLAIN, incident({ severity: given }))).toMatchObject({ severity: 'P1' });
    expect(check(PLAIN, incident({ severity: 2 }))).toMatchObject({ severity: 'high' });
    expect(check(PLAIN, incident({ severity: 'TWO' }))).toMatchObject({ severity: 'high' });
  });

  it('gives the declared service, part, setup and maintenance kind', () => {
    expect(check(SEVERAL, outage({ service: 'MDB/Read' }))).toMatchObject({ services: ['mdb/read'] });
    expect(check(SEVERAL, outage({ services: ['DNS', 'Compute', 'dns'] }))).toMatchObject({ services: ['dns', 'compute'] });
    expect(check(SEVERAL, setup({ setup: 'Regional-Master', service: 'mdb' }))).toEqual({
      type: 'setup', id: '', setup: 'regional-master', from: Date.parse(OPENED), to: null, services: ['mdb'], line: 9,
    });
    expect(check(SEVERAL, maintenance({ kind: 'SECURITY' }))).toMatchObject({ kind: 'security' });
    expect(check(SEVERAL, maintenance({ kind: 'Emergency' }))).toMatchObject({ kind: 'emergency' });
  });
});

describe('plans', () => {
  it('lets a record of a contract without plans omit the plan, or name `default`', () => {
    expect(check(PLAIN, incident())).toMatchObject({ plan: 'default' });
    expect(check(PLAIN, incident({ plan: 'default' }))).toMatchObject({ plan: 'default' });
    expect(check(PLAIN, incident({ plan: 'Default' }))).toMatchObject({ plan: 'default' });
  });

  it('rejects any other plan of a contract without plans, saying to omit it', () => {
    expect(rejection(PLAIN, incident({ plan: 'gold' }))).toBe('unknown plan "gold" (the contract declares no plans: omit "plan")');
  });

  it('reads an IR with no plan at all as a contract without plans', () => {
    expect(check(BY_HAND, incident({ channel: 'portal' }))).toMatchObject({ plan: 'default' });
    expect(rejection(BY_HAND, incident({ plan: 'gold', channel: 'portal' }))).toBe('unknown plan "gold" (the contract declares no plans: omit "plan")');
  });

  it('requires the plan when there are several, listing them', () => {
    expect(rejection(SEVERAL, incident({ channel: 'portal' }))).toBe('missing field "plan" (the contract declares several plans: gold, silver)');
    expect(rejection(SEVERAL, incident({ plan: 'bronze', channel: 'portal' }))).toBe('unknown plan "bronze" (declared: gold, silver)');
  });
});

describe('severities', () => {
  it('lists the ids, then the aliases with the id each stands for', () => {
    expect(rejection(PLAIN, incident({ severity: 'sev-b' }))).toBe('unknown severity "sev-b" (declared: P1, high; aliases: Sev-A = P1, 2 = high, two = high)');
  });

  it('lists only the ids when there are no aliases', () => {
    expect(rejection(SEVERAL, incident({ plan: 'gold', channel: 'portal', severity: 'low' }))).toBe('unknown severity "low" (declared: urgent, high)');
  });
});

describe('what a contract declares none of', () => {
  it('says so for categories, services, setups and maintenance kinds', () => {
    expect(rejection(PLAIN, incident({ category: 'billing' }))).toBe('unknown category "billing" (the contract declares no categories)');
    expect(rejection(PLAIN, outage({ service: 'compute' }))).toBe('unknown service "compute" (the contract declares no services: omit "service")');
    expect(rejection(PLAIN, setup())).toBe('unknown setup "three-zones" (the contract declares no setups)');
    expect(rejection(PLAIN, maintenance({ kind: 'emergency' }))).toBe('unknown maintenance kind "emergency" (the contract declares no maintenance kinds)');
  });

  it('says so for setups of an IR that has no setups list', () => {
    expect(rejection(BY_HAND, setup())).toBe('unknown setup "three-zones" (the contract declares no setups)');
  });

  it('accepts the one implicit service, `default`, and no service at all', () => {
    expect(check(PLAIN, outage({ service: 'default' }))).toMatchObject({ services: ['default'] });
    expect(check(PLAIN, outage())).not.toHaveProperty('services');
  });
});

describe('the lists a rejection shows', () => {
  it('lists categories', () => {
    expect(rejection(SEVERAL, incident({ plan: 'gold', channel: 'portal', category: 'billing' }))).toBe(
      'unknown category "billing" (declared: security, performance)',
    );
  });

  it('lists services with their parts', () => {
    const services = 'compute, mdb (parts: mdb/read, mdb/write), dns';
    expect(rejection(SEVERAL, outage({ service: 'mdb/replica' }))).toBe(`unknown service "mdb/replica" (declared: ${services})`);
    expect(rejection(SEVERAL, outage())).toBe(`missing field "service" (the contract declares several services: ${services}; "services" names several)`);
  });

  it('lists setups', () => {
    expect(rejection(SEVERAL, setup({ setup: 'two-zones', service: 'compute' }))).toBe('unknown setup "two-zones" (declared: three-zones, regional-master)');
  });

  it('lists each maintenance kind once, over the unscoped and the scoped maintenance clauses', () => {
    expect(rejection(SEVERAL, maintenance({ kind: 'planned' }))).toBe('unknown maintenance kind "planned" (declared: emergency, security)');
  });

  it('lists the channels of the rule, marking the official ones', () => {
    expect(rejection(SEVERAL, incident({ plan: 'gold' }))).toBe('missing field "channel" (the contract has a channel rule: portal (official), phone (official))');
    expect(rejection(BY_HAND, incident())).toBe('missing field "channel" (the contract has a channel rule: portal (official), email)');
  });
});

describe('services', () => {
  it('lets outages of a contract with one service omit it', () => {
    expect(check(ONE_SERVICE, outage())).toEqual({
      type: 'outage', id: 'O1', start: Date.parse(OPENED), end: Date.parse('2026-03-01T11:00:00Z'), cause: 'provider', line: 9,
    });
    expect(check(ONE_SERVICE, outage({ service: 'API' }))).toMatchObject({ services: ['api'] });
    expect(rejection(ONE_SERVICE, outage({ service: 'web' }))).toBe('unknown service "web" (declared: api)');
  });
});

describe('channels', () => {
  it('keeps the name a record gives for a channel the rule does not declare, and the declared spelling of one it does', () => {
    expect(check(SEVERAL, incident({ plan: 'gold', channel: 'Phone' }))).toMatchObject({ channel: 'phone' });
    expect(check(SEVERAL, incident({ plan: 'gold', channel: 'Chat' }))).toMatchObject({ channel: 'Chat' });
    expect(check(PLAIN, incident({ channel: 'Chat' }))).toMatchObject({ channel: 'Chat' });
  });
});
