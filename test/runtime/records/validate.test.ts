// One record line as the reader judges it (validateLine, validateRecord): what a line must be
// (JSON, an object, of a known type), each record type accepted exactly as read, each timestamp
// field outside the supported range, the time order rules in the contract's zone, every name
// checked against the contract (plans, severities, categories, causes, channels, services,
// setups, maintenance kinds, regions), unknown fields warned about or rejected with --strict,
// ids kept only when they are strings, array elements named in messages, and the money types
// handed to the money validator. Every rejection is compared whole.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../../../compiler/compile';
import type { Contract } from '../../../compiler/ir';
import {
  type ContractFor,
  type InputRecord,
  type RecordLine,
  type RecordWarning,
  recordInstant,
  type Rejected,
  validateLine,
  type ValidateOptions,
  validateRecord,
} from '../../../runtime/records';
import { minimalContract } from '../../helpers/minimal-contract';

const TYPES = '(expected "incident", "outage", "maintenance", "requests", "setup", "invoice", "claim", "report" or "termination")';
const OUTSIDE = '(1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z)';

/** UTC, one severity `high`, one cause `provider`, no plans, services or channel rule. */
const minimal = (): Contract => minimalContract('validate.sla');

/** Bogota (UTC-5): two plans, a severity alias, a category, three services (one with a part), a setup, a channel rule, a region, a maintenance kind. */
function desk(): Contract {
  const c = compile(
    `contract "Desk"
version 1
effective 2026-01-01
time zone America/Bogota

calendar business "9 to 5"
  monday to friday 09:00 to 17:00

plans gold < silver

severities
  urgent "Urgent" alias 1
  high   "High"

categories
  security "Security"

services
  compute "Compute Cloud"
  mdb     "Managed Databases"
    part read "DB cluster, read"
  dns     "Cloud DNS"

setups
  three-zones "three zones"

regions
  amer "Americas" calendar business

causes
  counted provider
  counted network

reporting channels
  official portal "the portal"
  other channels excluded

maintenance
  kinds emergency
  windows any time

availability
  target 99.9% per calendar month
`,
    'desk.sla',
    { checks: false },
  );
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return c.contract;
}

const OPENED = '2026-03-01T10:00:00-05:00';
const LATER = '2026-03-01T11:00:00-05:00';
const ms = (text: string) => Date.parse(text);

const incident = (over: Record<string, unknown> = {}) => ({ type: 'incident', id: 'I1', severity: 'high', opened: OPENED, cause: 'provider', ...over });
const deskIncident = (over: Record<string, unknown> = {}) => incident({ plan: 'gold', severity: 'urgent', channel: 'portal', ...over });
const outage = (over: Record<string, unknown> = {}) => ({ type: 'outage', id: 'O1', start: OPENED, end: LATER, cause: 'provider', ...over });
const maintenance = (over: Record<string, unknown> = {}) => ({ type: 'maintenance', id: 'M1', start: OPENED, end: LATER, ...over });
const requests = (over: Record<string, unknown> = {}) => ({ type: 'requests', id: 'Q1', start: OPENED, end: LATER, total: 10, failed: 2, ...over });
const setup = (over: Record<string, unknown> = {}) => ({ type: 'setup', id: 'S1', setup: 'three-zones', from: OPENED, service: 'mdb', ...over });

/** `raw` as line 7 of an NDJSON log. */
function read(c: Contract, raw: unknown, options?: ValidateOptions): InputRecord | Rejected {
  return validateLine({ line: 7, text: JSON.stringify(raw) }, c, options);
}
/** The rejection on line 7 of a record with id `id`. */
const no = (message: string, id = 'I1') => ({ line: 7, id, message });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a line that is not a record', () => {
  it('is malformed JSON, with the parser\'s words', () => {
    expect(validateLine({ line: 4, text: '{"type":' }, minimal())).toStrictEqual({ line: 4, message: 'malformed JSON: Unexpected end of JSON input' });
  });

  it('shows a parser message of 200 characters whole and cuts a longer one to 200 and an ellipsis', () => {
    vi.spyOn(JSON, 'parse')
      .mockImplementationOnce(() => {
        throw new SyntaxError('x'.repeat(200));
      })
      .mockImplementationOnce(() => {
        throw new SyntaxError(`${'y'.repeat(200)}z`);
      });
    expect(validateLine({ line: 1, text: '{' }, minimal())).toStrictEqual({ line: 1, message: `malformed JSON: ${'x'.repeat(200)}` });
    expect(validateLine({ line: 2, text: '{' }, minimal())).toStrictEqual({ line: 2, message: `malformed JSON: ${'y'.repeat(200)}…` });
  });

  it('is not an object, and the contract is not asked for', () => {
    const asked: unknown[] = [];
    const cf: ContractFor = (at, raw, line) => {
      asked.push([at, raw, line]);
      return minimal();
    };
    const got = ['null', '5', '"incident"', '[{"type":"incident"}]', 'true'].map((text, i) => validateLine({ line: i + 1, text }, cf));
    expect(got).toStrictEqual([
      { line: 1, message: 'record must be a JSON object, got null' },
      { line: 2, message: 'record must be a JSON object, got number 5' },
      { line: 3, message: 'record must be a JSON object, got string "incident"' },
      { line: 4, message: 'record must be a JSON object, got an array' },
      { line: 5, message: 'record must be a JSON object, got boolean true' },
    ]);
    expect(asked).toEqual([]);
  });

  it('is rejected with the error the line reader gave, without being read', () => {
    expect(validateLine({ line: 3, text: '{"type":"incident"}', error: 'line is too long' }, minimal())).toStrictEqual({ line: 3, message: 'line is too long' });
    expect(validateLine({ line: 3, text: '', value: {}, element: 2, error: 'too big' }, minimal())).toStrictEqual({ line: 3, message: 'array element 2: too big' });
  });

  it('is not an object when validateRecord is called with one', () => {
    const c = minimal();
    expect(validateRecord(null, 2, c)).toStrictEqual({ line: 2, message: 'record must be a JSON object, got null' });
    expect(validateRecord(7, 2, c)).toStrictEqual({ line: 2, message: 'record must be a JSON object, got number 7' });
    expect(validateRecord('x', 2, c)).toStrictEqual({ line: 2, message: 'record must be a JSON object, got string "x"' });
    expect(validateRecord([incident()], 2, c)).toStrictEqual({ line: 2, message: 'record must be a JSON object, got an array' });
  });
});

describe('the record type', () => {
  it('must be given', () => {
    expect(read(minimal(), { id: 'X1' })).toStrictEqual(no(`missing required field "type" ${TYPES}`, 'X1'));
    expect(read(minimal(), { id: 5 })).toStrictEqual({ line: 7, message: `missing required field "type" ${TYPES}` });
    expect(read(minimal(), {})).toStrictEqual({ line: 7, message: `missing required field "type" ${TYPES}` });
  });

  it('must be one slac knows, in its spelling', () => {
    expect(read(minimal(), { type: 'alert', id: 'A1' })).toStrictEqual(no(`unknown record type "alert" in field "type" ${TYPES}`, 'A1'));
    expect(read(minimal(), incident({ type: 'Incident' }))).toStrictEqual(no(`unknown record type "Incident" in field "type" ${TYPES}`));
    expect(read(minimal(), { type: 5 })).toStrictEqual({ line: 7, message: `unknown record type number 5 in field "type" ${TYPES}` });
    expect(read(minimal(), { type: null })).toStrictEqual({ line: 7, message: `unknown record type null in field "type" ${TYPES}` });
  });

  it('then the record must match the schema of its type', () => {
    expect(read(minimal(), incident({ cause: undefined }))).toStrictEqual(no('missing required field "cause"'));
    expect(read(minimal(), { type: 'requests', start: OPENED, end: LATER, total: 1 })).toStrictEqual({ line: 7, message: 'missing required field "failed"' });
  });
});

describe('each type, accepted exactly as read', () => {
  it('reads an incident with only its required fields', () => {
    expect(read(minimal(), incident())).toStrictEqual({
      type: 'incident', id: 'I1', plan: 'default', severity: 'high', category: null, opened: ms(OPENED),
      responded: null, restored: null, resolved: null, cause: 'provider', channel: null, line: 7,
    });
  });

  it('reads an incident with every field of its own', () => {
    const raw = deskIncident({
      plan: 'Silver', severity: 1, category: 'SECURITY', responded: '2026-03-01T15:10:00Z', restored: LATER,
      resolved: '2026-03-02T09:00:00-05:00', cause: 'Network', channel: 'PORTAL', service: 'MDB/Read', region: 'AMER',
    });
    expect(read(desk(), raw)).toStrictEqual({
      type: 'incident', id: 'I1', plan: 'silver', severity: 'urgent', category: 'security', opened: ms(OPENED),
      responded: ms('2026-03-01T15:10:00Z'), restored: ms(LATER), resolved: ms('2026-03-02T09:00:00-05:00'),
      cause: 'network', channel: 'portal', services: ['mdb/read'], line: 7, region: 'amer',
    });
  });

  it('reads an outage, maintenance, requests and a setup', () => {
    expect(read(minimal(), outage())).toStrictEqual({ type: 'outage', id: 'O1', start: ms(OPENED), end: ms(LATER), cause: 'provider', line: 7 });
    expect(read(minimal(), maintenance())).toStrictEqual({
      type: 'maintenance', id: 'M1', start: ms(OPENED), end: ms(LATER), notified: null, acknowledged: null, line: 7,
    });
    expect(read(minimal(), requests())).toStrictEqual({ type: 'requests', id: 'Q1', start: ms(OPENED), end: ms(LATER), total: 10, failed: 2, line: 7 });
    expect(read(desk(), setup({ to: LATER }))).toStrictEqual({
      type: 'setup', id: 'S1', setup: 'three-zones', from: ms(OPENED), to: ms(LATER), services: ['mdb'], line: 7,
    });
  });

  it('reads a setup of a contract with no services, which names none', () => {
    const c = compile(
      'contract "Setups"\nversion 1\neffective 2026-01-01\ntime zone UTC\n\nseverities\n  high "High"\n\nsetups\n  three-zones "three zones"\n\ncauses\n  counted provider\n',
      'setups.sla',
      { checks: false },
    ).contract;
    expect(read(c, setup({ service: undefined }))).toStrictEqual({ type: 'setup', id: 'S1', setup: 'three-zones', from: ms(OPENED), to: null, line: 7 });
  });

  it('gives requests and setups without an id the id ""', () => {
    expect(read(minimal(), requests({ id: undefined }))).toStrictEqual({ type: 'requests', id: '', start: ms(OPENED), end: ms(LATER), total: 10, failed: 2, line: 7 });
    expect(read(desk(), setup({ id: undefined, to: null }))).toStrictEqual({
      type: 'setup', id: '', setup: 'three-zones', from: ms(OPENED), to: null, services: ['mdb'], line: 7,
    });
  });

  it('hands invoices, claims, reports and terminations to the money validator', () => {
    const c = minimal();
    expect(read(c, { type: 'invoice', id: 'INV-1', period: '2026-03', amount: '100.50', currency: 'eur', issued: '2026-04-01' })).toStrictEqual({
      type: 'invoice', id: 'INV-1', period: '2026-03', service: null, group: null, amount: '100.50', currency: 'EUR', issued: '2026-04-01', paid: null, line: 7,
    });
    expect(read(c, { type: 'claim', id: 'CL-1', period: '2026-03', submitted: '2026-04-10' })).toStrictEqual({
      type: 'claim', id: 'CL-1', period: '2026-03', service: null, submitted: '2026-04-10', line: 7,
    });
    expect(read(c, { type: 'report', id: 'R-1', period: '2026-03', submitted: '2026-04-05' })).toStrictEqual({
      type: 'report', id: 'R-1', period: '2026-03', submitted: '2026-04-05', line: 7,
    });
    expect(read(c, { type: 'termination', id: 'T-1', date: '2026-12-31' })).toStrictEqual({ type: 'termination', id: 'T-1', date: '2026-12-31', line: 7 });
    expect(read(c, { type: 'termination', id: 'T-1', date: '2026-02-29' })).toStrictEqual(no('field "date": 2026-02-29 is not a date that exists', 'T-1'));
  });
});

describe('timestamps outside the supported range or not real', () => {
  it('rejects each incident timestamp, naming its field', () => {
    const c = minimal();
    expect(read(c, incident({ opened: '1969-12-31T23:59:59Z' }))).toStrictEqual(no(`field "opened": timestamp "1969-12-31T23:59:59Z" is outside the supported range ${OUTSIDE}`));
    expect(read(c, incident({ opened: '2026-02-30T10:00:00Z' }))).toStrictEqual(no('field "opened": timestamp "2026-02-30T10:00:00Z" is not a real date/time'));
    for (const f of ['responded', 'restored', 'resolved']) {
      expect(read(c, incident({ [f]: '9999-01-01T00:00:00Z' }))).toStrictEqual(no(`field "${f}": timestamp "9999-01-01T00:00:00Z" is outside the supported range ${OUTSIDE}`));
    }
    expect(read(c, incident({ resolved: 'tomorrow' }))).toStrictEqual(
      no('field "resolved": timestamp "tomorrow" is not an ISO 8601 date-time with offset (write e.g. 2026-03-07T22:15:00-05:00)'),
    );
  });

  it('names the first bad field when several are bad', () => {
    const c = minimal();
    expect(read(c, incident({ responded: '2026-02-30T00:00:00Z', resolved: '1900-01-01T00:00:00Z' }))).toStrictEqual(
      no('field "responded": timestamp "2026-02-30T00:00:00Z" is not a real date/time'),
    );
    expect(read(c, incident({ opened: '1900-01-01T00:00:00Z', restored: '2026-02-30T00:00:00Z' }))).toStrictEqual(
      no(`field "opened": timestamp "1900-01-01T00:00:00Z" is outside the supported range ${OUTSIDE}`),
    );
    expect(read(c, maintenance({ start: '2026-13-01T00:00:00Z', notified: '1900-01-01T00:00:00Z' }))).toStrictEqual(
      no('field "start": timestamp "2026-13-01T00:00:00Z" is not a real date/time', 'M1'),
    );
  });

  it('rejects each timestamp of an outage, requests, maintenance and a setup', () => {
    const c = minimal();
    const bad = '2026-04-31T00:00:00Z';
    const why = (f: string) => `field "${f}": timestamp "${bad}" is not a real date/time`;
    expect(read(c, outage({ start: bad }))).toStrictEqual(no(why('start'), 'O1'));
    expect(read(c, outage({ end: bad }))).toStrictEqual(no(why('end'), 'O1'));
    expect(read(c, requests({ start: bad }))).toStrictEqual(no(why('start'), 'Q1'));
    expect(read(c, requests({ end: bad }))).toStrictEqual(no(why('end'), 'Q1'));
    for (const f of ['start', 'end', 'notified', 'acknowledged']) expect(read(c, maintenance({ [f]: bad }))).toStrictEqual(no(why(f), 'M1'));
    expect(read(desk(), setup({ from: bad }))).toStrictEqual(no(why('from'), 'S1'));
    expect(read(desk(), setup({ to: bad }))).toStrictEqual(no(why('to'), 'S1'));
  });

  it('reads the optional instants of maintenance', () => {
    expect(read(minimal(), maintenance({ notified: '2026-02-20T00:00:00Z', acknowledged: null }))).toStrictEqual({
      type: 'maintenance', id: 'M1', start: ms(OPENED), end: ms(LATER), notified: ms('2026-02-20T00:00:00Z'), acknowledged: null, line: 7,
    });
    expect(read(minimal(), maintenance({ acknowledged: '2026-02-21T00:00:00Z' }))).toMatchObject({ notified: null, acknowledged: ms('2026-02-21T00:00:00Z') });
  });
});

describe('time order, shown in the contract\'s zone', () => {
  const EARLY = '2026-03-01T14:30:00Z'; // 09:30 in Bogota, before OPENED
  const order = (f: string, ref: string, refText: string) =>
    `"${f}" (${EARLY}) is before "${ref}" (${refText}); 2026-03-01T09:30:00-05:00 < 2026-03-01T10:00:00-05:00`;

  it('rejects responded, restored or resolved before opened', () => {
    const c = desk();
    for (const f of ['responded', 'restored', 'resolved']) expect(read(c, deskIncident({ [f]: EARLY }))).toStrictEqual(no(order(f, 'opened', OPENED)));
  });

  it('names the first field out of order', () => {
    expect(read(desk(), deskIncident({ restored: EARLY, resolved: EARLY }))).toStrictEqual(no(order('restored', 'opened', OPENED)));
    expect(read(desk(), deskIncident({ responded: EARLY, resolved: EARLY }))).toStrictEqual(no(order('responded', 'opened', OPENED)));
  });

  it('accepts instants equal to opened, and instants not given', () => {
    const same = '2026-03-01T15:00:00Z';
    expect(read(desk(), deskIncident({ responded: same, restored: same, resolved: same }))).toMatchObject({ responded: ms(OPENED), restored: ms(OPENED), resolved: ms(OPENED) });
    expect(read(desk(), deskIncident({ responded: null, restored: null, resolved: null }))).toMatchObject({ responded: null, restored: null, resolved: null });
  });

  it('rejects an end before the start of an outage, requests or maintenance, and a setup ending before it begins', () => {
    const c = desk();
    const end = (ref: string) => `"end" (${EARLY}) is before "${ref}" (${OPENED}); 2026-03-01T09:30:00-05:00 < 2026-03-01T10:00:00-05:00`;
    expect(read(c, outage({ end: EARLY, service: 'dns' }))).toStrictEqual(no(end('start'), 'O1'));
    expect(read(c, requests({ end: EARLY, service: 'dns' }))).toStrictEqual(no(end('start'), 'Q1'));
    expect(read(c, maintenance({ end: EARLY }))).toStrictEqual(no(end('start'), 'M1'));
    expect(read(c, setup({ to: EARLY }))).toStrictEqual(no(order('to', 'from', OPENED), 'S1'));
  });

  it('accepts an end at the start', () => {
    const c = desk();
    expect(read(c, outage({ end: OPENED, service: 'dns' }))).toMatchObject({ start: ms(OPENED), end: ms(OPENED) });
    expect(read(c, requests({ end: OPENED, service: 'dns' }))).toMatchObject({ start: ms(OPENED), end: ms(OPENED) });
    expect(read(c, maintenance({ end: OPENED }))).toMatchObject({ start: ms(OPENED), end: ms(OPENED) });
    expect(read(c, setup({ to: OPENED }))).toMatchObject({ from: ms(OPENED), to: ms(OPENED) });
  });
});

describe('names checked against the contract', () => {
  it('plans: the only one (or `default`) when omitted, required among several', () => {
    expect(read(minimal(), incident({ plan: null }))).toMatchObject({ plan: 'default' });
    expect(read(desk(), deskIncident({ plan: undefined }))).toStrictEqual(no('missing field "plan" (the contract declares several plans: gold, silver)'));
    expect(read(desk(), deskIncident({ plan: null }))).toStrictEqual(no('missing field "plan" (the contract declares several plans: gold, silver)'));
    expect(read(desk(), deskIncident({ plan: 'bronze' }))).toStrictEqual(no('unknown plan "bronze" (declared: gold, silver)'));
    expect(read(desk(), deskIncident({ plan: 'GOLD' }))).toMatchObject({ plan: 'gold' });
  });

  it('severities: ids and aliases, a number read as the alias it spells', () => {
    const c = desk();
    expect(read(c, deskIncident({ severity: 1 }))).toMatchObject({ severity: 'urgent' });
    expect(read(c, deskIncident({ severity: '1' }))).toMatchObject({ severity: 'urgent' });
    expect(read(c, deskIncident({ severity: 'High' }))).toMatchObject({ severity: 'high' });
    expect(read(c, deskIncident({ severity: 'low' }))).toStrictEqual(no('unknown severity "low" (declared: urgent, high; aliases: 1 = urgent)'));
    expect(read(c, deskIncident({ severity: 3 }))).toStrictEqual(no('unknown severity 3 (declared: urgent, high; aliases: 1 = urgent)'));
  });

  it('categories: none when omitted or null, else a declared one', () => {
    const c = desk();
    expect(read(c, deskIncident({ category: null }))).toMatchObject({ category: null });
    expect(read(c, deskIncident({ category: 'Security' }))).toMatchObject({ category: 'security' });
    expect(read(c, deskIncident({ category: 'billing' }))).toStrictEqual(no('unknown category "billing" (declared: security)'));
    expect(read(minimal(), incident({ category: 'billing' }))).toStrictEqual(no('unknown category "billing" (the contract declares no categories)'));
  });

  it('causes: of incidents and outages', () => {
    const c = desk();
    expect(read(c, deskIncident({ cause: 'weather' }))).toStrictEqual(no('unknown cause "weather" (declared: provider, network)'));
    expect(read(c, outage({ cause: 'weather', service: 'dns' }))).toStrictEqual(no('unknown cause "weather" (declared: provider, network)', 'O1'));
    expect(read(c, outage({ cause: 'NETWORK', service: 'dns' }))).toMatchObject({ cause: 'network' });
  });

  it('channels: required by a channel rule, kept as given when the rule does not list them', () => {
    const c = desk();
    const missing = no('missing field "channel" (the contract has a channel rule: portal (official))');
    expect(read(c, deskIncident({ channel: undefined }))).toStrictEqual(missing);
    expect(read(c, deskIncident({ channel: null }))).toStrictEqual(missing);
    expect(read(c, deskIncident({ channel: 'Portal' }))).toMatchObject({ channel: 'portal' });
    expect(read(c, deskIncident({ channel: 'Chat' }))).toMatchObject({ channel: 'Chat' });
    expect(read(minimal(), incident({ channel: null }))).toMatchObject({ channel: null });
    expect(read(minimal(), incident({ channel: 'Chat' }))).toMatchObject({ channel: 'Chat' });
  });

  it('regions of support tickets: an unknown one rejects the incident', () => {
    expect(read(desk(), deskIncident({ region: 'mars' }))).toStrictEqual(no('unknown region "mars" (declared: amer)'));
  });

  it('setups: a declared one', () => {
    expect(read(desk(), setup({ setup: 'Three-Zones' }))).toMatchObject({ setup: 'three-zones' });
    expect(read(desk(), setup({ setup: 'two-zones' }))).toStrictEqual(no('unknown setup "two-zones" (declared: three-zones)', 'S1'));
  });

  it('maintenance kinds: absent or null is planned maintenance, else a declared kind', () => {
    const c = desk();
    const plain = { type: 'maintenance', id: 'M1', start: ms(OPENED), end: ms(LATER), notified: null, acknowledged: null, line: 7 };
    expect(read(c, maintenance({ kind: null }))).toStrictEqual(plain);
    expect(read(c, maintenance({ kind: 'EMERGENCY' }))).toStrictEqual({ ...plain, kind: 'emergency' });
    expect(read(c, maintenance({ kind: 'security' }))).toStrictEqual(no('unknown maintenance kind "security" (declared: emergency)', 'M1'));
  });
});

describe('services', () => {
  const SERVICES = 'compute, mdb (parts: mdb/read), dns';
  const missing = (id: string) => no(`missing field "service" (the contract declares several services: ${SERVICES}; "services" names several)`, id);

  it('are required of outages, requests and setups when the contract declares several', () => {
    const c = desk();
    expect(read(c, outage())).toStrictEqual(missing('O1'));
    expect(read(c, outage({ service: null }))).toStrictEqual(missing('O1'));
    expect(read(c, requests())).toStrictEqual(missing('Q1'));
    expect(read(c, setup({ service: undefined }))).toStrictEqual(missing('S1'));
  });

  it('may be omitted by incidents and maintenance, which then concern every service', () => {
    const c = desk();
    expect(read(c, deskIncident())).not.toHaveProperty('services');
    expect(read(c, maintenance())).toStrictEqual({ type: 'maintenance', id: 'M1', start: ms(OPENED), end: ms(LATER), notified: null, acknowledged: null, line: 7 });
  });

  it('may be omitted when the contract declares none, or name `default`', () => {
    expect(read(minimal(), outage({ service: 'default' }))).toStrictEqual({
      type: 'outage', id: 'O1', start: ms(OPENED), end: ms(LATER), cause: 'provider', services: ['default'], line: 7,
    });
  });

  it('are given as declared, once each, from "service" or "services"', () => {
    const c = desk();
    expect(read(c, outage({ service: 'DNS' }))).toMatchObject({ services: ['dns'] });
    expect(read(c, outage({ services: ['dns', 'Compute', 'DNS'] }))).toMatchObject({ services: ['dns', 'compute'] });
    expect(read(c, outage({ service: null, services: ['mdb/read'] }))).toMatchObject({ services: ['mdb/read'] });
    expect(read(c, requests({ service: 'mdb' }))).toStrictEqual({
      type: 'requests', id: 'Q1', start: ms(OPENED), end: ms(LATER), total: 10, failed: 2, services: ['mdb'], line: 7,
    });
    expect(read(c, maintenance({ services: ['compute'] }))).toMatchObject({ services: ['compute'] });
    expect(read(c, deskIncident({ services: ['compute', 'dns'] }))).toMatchObject({ services: ['compute', 'dns'] });
  });

  it('must be declared', () => {
    const c = desk();
    const unknown = (id: string) => no(`unknown service "web" (declared: ${SERVICES})`, id);
    expect(read(c, outage({ service: 'web' }))).toStrictEqual(unknown('O1'));
    expect(read(c, outage({ services: ['dns', 'web'] }))).toStrictEqual(unknown('O1'));
    expect(read(c, requests({ service: 'web' }))).toStrictEqual(unknown('Q1'));
    expect(read(c, maintenance({ service: 'web' }))).toStrictEqual(unknown('M1'));
    expect(read(c, setup({ service: 'web' }))).toStrictEqual(unknown('S1'));
    expect(read(c, deskIncident({ service: 'web' }))).toStrictEqual(unknown('I1'));
  });

  it('are given by "service" or "services", not both', () => {
    expect(read(desk(), outage({ service: 'dns', services: ['dns'] }))).toStrictEqual(no('give "service" or "services", not both', 'O1'));
  });
});

describe('request counts', () => {
  it('accept as many failed requests as there were requests, and no more', () => {
    expect(read(minimal(), requests({ total: 5, failed: 5 }))).toMatchObject({ total: 5, failed: 5 });
    expect(read(minimal(), requests({ total: 5, failed: 6 }))).toStrictEqual(no('"failed" (6) is more than "total" (5)', 'Q1'));
  });
});

describe('unknown fields', () => {
  it('are ignored when nobody asks for them', () => {
    expect(read(minimal(), outage({ resovled: 1 }))).toStrictEqual({ type: 'outage', id: 'O1', start: ms(OPENED), end: ms(LATER), cause: 'provider', line: 7 });
  });

  it('are each reported in a warning, with the id when the record has one', () => {
    const warnings: RecordWarning[] = [];
    expect(read(minimal(), incident({ resovled: null, chanel: 'x' }), { warnings })).toMatchObject({ type: 'incident', id: 'I1' });
    expect(read(minimal(), requests({ id: undefined, totl: 4 }), { warnings })).toMatchObject({ type: 'requests', id: '' });
    expect(read(minimal(), incident(), { warnings })).toMatchObject({ type: 'incident' });
    expect(warnings).toStrictEqual([
      { line: 7, id: 'I1', field: 'resovled', message: 'unknown field "resovled" is ignored (did you mean "resolved"?)' },
      { line: 7, id: 'I1', field: 'chanel', message: 'unknown field "chanel" is ignored (did you mean "channel"?)' },
      { line: 7, field: 'totl', message: 'unknown field "totl" is ignored (did you mean "total"?)' },
    ]);
  });

  it('are reported without the id when the id is not a string (and the schema rejects the record)', () => {
    const warnings: RecordWarning[] = [];
    expect(read(minimal(), outage({ id: 5, strat: 1 }), { warnings })).toStrictEqual({ line: 7, message: 'field "id" must be string, got number 5' });
    expect(warnings).toStrictEqual([{ line: 7, field: 'strat', message: 'unknown field "strat" is ignored (did you mean "start"?)' }]);
  });

  it('reject the record with --strict, all named in one message', () => {
    const warnings: RecordWarning[] = [];
    expect(read(minimal(), incident({ resovled: null, sevrity: 'x' }), { strict: true, warnings })).toStrictEqual(
      no('unknown field "resovled" (did you mean "resolved"?); unknown field "sevrity" (did you mean "severity"?); --strict rejects fields the schema does not know'),
    );
    expect(read(minimal(), { type: 'outage', strat: 1 }, { strict: true })).toStrictEqual({
      line: 7, message: 'unknown field "strat" (did you mean "start"?); --strict rejects fields the schema does not know',
    });
    expect(warnings).toStrictEqual([]);
  });

  it('leave a record with none accepted under --strict', () => {
    expect(read(minimal(), outage(), { strict: true })).toStrictEqual({ type: 'outage', id: 'O1', start: ms(OPENED), end: ms(LATER), cause: 'provider', line: 7 });
  });
});

describe('JSON array elements', () => {
  const element = (value: unknown, element: number, line = 2): RecordLine => ({ line, text: 'not read', value, element });

  it('are read from their parsed value, and accepted records say nothing of the element', () => {
    expect(validateLine(element(outage(), 1), minimal())).toStrictEqual({ type: 'outage', id: 'O1', start: ms(OPENED), end: ms(LATER), cause: 'provider', line: 2 });
  });

  it('name the element in a rejection', () => {
    expect(validateLine(element(outage({ cause: 'x' }), 3), minimal())).toStrictEqual({ line: 2, id: 'O1', message: 'array element 3: unknown cause "x" (declared: provider)' });
    expect(validateLine(element(5, 4), minimal())).toStrictEqual({ line: 2, message: 'array element 4: record must be a JSON object, got number 5' });
    expect(validateLine(element({ type: 'x' }, 5), minimal())).toStrictEqual({ line: 2, message: `array element 5: unknown record type "x" in field "type" ${TYPES}` });
  });

  it('name the element in their warnings, and leave the warnings of earlier elements alone', () => {
    const warnings: RecordWarning[] = [];
    validateLine(element(outage({ strat: 1 }), 1), minimal(), { warnings });
    validateLine(element(outage({ id: 'O2', ende: 2 }), 2), minimal(), { warnings });
    validateLine({ line: 3, text: JSON.stringify(outage({ id: 'O3', caus: 3 })) }, minimal(), { warnings });
    expect(warnings).toStrictEqual([
      { line: 2, id: 'O1', field: 'strat', message: 'array element 1: unknown field "strat" is ignored (did you mean "start"?)' },
      { line: 2, id: 'O2', field: 'ende', message: 'array element 2: unknown field "ende" is ignored (did you mean "end"?)' },
      { line: 3, id: 'O3', field: 'caus', message: 'unknown field "caus" is ignored (did you mean "cause"?)' },
    ]);
  });
});

describe('the contract in force', () => {
  it('is picked by the record\'s own instant, and judges it', () => {
    const asked: unknown[] = [];
    const one = minimal();
    const several = desk();
    const cf: ContractFor = (at, raw, line) => {
      asked.push([at, raw, line]);
      return at !== null && at >= ms('2026-03-01T12:00:00Z') ? several : one;
    };
    expect(validateLine({ line: 1, text: JSON.stringify(incident({ opened: '2026-03-01T06:00:00-05:00' })) }, cf)).toMatchObject({ type: 'incident', plan: 'default' });
    expect(validateLine({ line: 2, text: JSON.stringify(incident()) }, cf)).toStrictEqual({
      line: 2, id: 'I1', message: 'missing field "plan" (the contract declares several plans: gold, silver)',
    });
    expect(validateLine({ line: 3, text: JSON.stringify(incident({ opened: 'soon' })) }, cf)).toStrictEqual({
      line: 3, id: 'I1', message: 'field "opened": timestamp "soon" is not an ISO 8601 date-time with offset (write e.g. 2026-03-07T22:15:00-05:00)',
    });
    expect(asked).toEqual([
      [ms('2026-03-01T11:00:00Z'), incident({ opened: '2026-03-01T06:00:00-05:00' }), 1],
      [ms(OPENED), incident(), 2],
      [null, incident({ opened: 'soon' }), 3],
    ]);
  });
});

describe('recordInstant', () => {
  it('is the opened of an incident, the from of a setup, and the start of anything else', () => {
    expect(recordInstant(incident({ start: LATER }))).toBe(ms(OPENED));
    expect(recordInstant(setup({ start: LATER }))).toBe(ms(OPENED));
    expect(recordInstant(outage({ opened: LATER, from: LATER }))).toBe(ms(OPENED));
    expect(recordInstant(maintenance())).toBe(ms(OPENED));
    expect(recordInstant({ start: OPENED })).toBe(ms(OPENED));
  });

  it('is null when that field is missing, not a string, not a timestamp or outside the supported range', () => {
    expect(recordInstant({ type: 'incident', start: OPENED })).toBeNull();
    expect(recordInstant({ type: 'setup', start: OPENED })).toBeNull();
    expect(recordInstant({ type: 'outage', opened: OPENED })).toBeNull();
    expect(recordInstant(outage({ start: 20260301 }))).toBeNull();
    expect(recordInstant(outage({ start: 'soon' }))).toBeNull();
    expect(recordInstant(outage({ start: '1969-12-31T23:59:59Z' }))).toBeNull();
    expect(recordInstant(outage({ start: '9998-12-31T00:00:00Z' }))).toBe(Date.UTC(9998, 11, 31));
  });

  it('is null for what is not an object', () => {
    expect(recordInstant(null)).toBeNull();
    expect(recordInstant(OPENED)).toBeNull();
    expect(recordInstant(Object.assign(() => 0, { type: 'outage', start: OPENED }))).toBeNull();
  });
});
