// The support fields of an incident read in-process: region and the customer's zone, environment,
// the instants a clock may start at, pauses with their reasons, reopenings and updates; each
// rejection with its exact message and line, each accepted record exactly as read (absent stays absent).

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import type { Contract } from '../../../compiler/ir';
import { type InputRecord, type Rejected, validateLine } from '../../../runtime/records';

function contract(text: string): Contract {
  const c = compile(text, 'desk.sla', { checks: false });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('; '));
  return c.contract;
}

const HEAD = `contract "Support records"
version 1
effective 2026-01-01
time zone America/Toronto

calendar business "9 to 5"
  monday to friday 09:00 to 17:00

severities
  urgent "Urgent"

causes
  counted provider
`;

/** Regions (amer, first, lists no zones), environments and pause reasons. */
const DESK = contract(`${HEAD}
regions
  amer  "Americas" calendar business
  emea  "Europe"   calendar business zones Europe/London, Europe/Paris
  japan "Japan"    calendar business zones Asia/Tokyo

environments
  production "Production"
  staging    "Staging"

pause reasons
  waiting-on-customer "Waiting on the customer"
  waiting-on-vendor   "Waiting on a vendor"
`);
/** Regions, none of which lists zones. */
const NO_ZONES = contract(`${HEAD}
regions
  amer "Americas" calendar business
  emea "Europe"   calendar business
`);
/** None of regions, environments or pause reasons. */
const PLAIN = contract(HEAD);
/** The same as the IR may be built by hand: without those lists at all. */
const { regions: _r, environments: _e, pauseReasons: _p, ...BARE } = PLAIN;

const OPENED = '2026-03-06T15:00:00-05:00';
const RESOLVED = '2026-03-09T12:00:00-04:00';

function read(c: Contract, extra: Record<string, unknown>, line = 4): InputRecord | Rejected {
  const raw = { type: 'incident', id: 'T-1', severity: 'urgent', opened: OPENED, cause: 'provider', ...extra };
  return validateLine({ line, text: JSON.stringify(raw) }, c);
}

/** The record read from the base incident, with `fields` added. */
function record(fields: Record<string, unknown> = {}, resolved: number | null = null) {
  return {
    type: 'incident', id: 'T-1', plan: 'default', severity: 'urgent', category: null,
    opened: Date.parse(OPENED), responded: null, restored: null, resolved, cause: 'provider', channel: null, line: 4,
    ...fields,
  };
}

const rejected = (message: string) => ({ line: 4, id: 'T-1', message });
const ms = (iso: string) => Date.parse(iso);

describe('region', () => {
  it('a declared region is read with its declared spelling; null or absent leaves it out', () => {
    expect(read(DESK, { region: 'EMEA' })).toStrictEqual(record({ region: 'emea' }));
    expect(read(DESK, { region: null })).toStrictEqual(record());
    expect(read(DESK, {})).toStrictEqual(record());
  });

  it('an undeclared region is rejected with the declared ones, or with none declared', () => {
    expect(read(DESK, { region: 'apac' })).toEqual(rejected('unknown region "apac" (declared: amer, emea, japan)'));
    expect(read(PLAIN, { region: 'apac' })).toEqual(rejected('unknown region "apac" (the contract declares none)'));
    expect(read(BARE, { region: 'apac' })).toEqual(rejected('unknown region "apac" (the contract declares none)'));
  });
});

describe('zone', () => {
  it('the customer\'s zone gives the region that lists it, ignoring case; null leaves it out', () => {
    expect(read(DESK, { zone: 'europe/paris' })).toStrictEqual(record({ region: 'emea' }));
    expect(read(DESK, { zone: 'Asia/Tokyo' })).toStrictEqual(record({ region: 'japan' }));
    expect(read(DESK, { zone: null })).toStrictEqual(record());
  });

  it('a zone beside the region it is of is read', () => {
    expect(read(DESK, { region: 'emea', zone: 'Europe/London' })).toStrictEqual(record({ region: 'emea' }));
  });

  it('a zone of another region than the one named is rejected', () => {
    expect(read(DESK, { region: 'amer', zone: 'Asia/Tokyo' })).toEqual(rejected('region "amer" and zone "Asia/Tokyo" disagree: the zone is of region japan'));
  });

  it('a zone of no region is rejected with the zones each region lists, or with none listed', () => {
    expect(read(DESK, { zone: 'America/Lima' })).toEqual(rejected('zone "America/Lima" is of no region (zones of the regions: emea: Europe/London, Europe/Paris; japan: Asia/Tokyo)'));
    expect(read(NO_ZONES, { zone: 'America/Lima' })).toEqual(rejected('zone "America/Lima" is of no region (no region of the contract lists zones)'));
    expect(read(BARE, { zone: 'America/Lima' })).toEqual(rejected('zone "America/Lima" is of no region (no region of the contract lists zones)'));
  });
});

describe('environment', () => {
  it('a declared environment is read with its declared spelling; null leaves it out', () => {
    expect(read(DESK, { environment: 'Staging' })).toStrictEqual(record({ environment: 'staging' }));
    expect(read(DESK, { environment: null })).toStrictEqual(record());
  });

  it('an undeclared environment is rejected with the declared ones, or with none declared', () => {
    expect(read(DESK, { environment: 'test' })).toEqual(rejected('unknown environment "test" (declared: production, staging)'));
    expect(read(PLAIN, { environment: 'test' })).toEqual(rejected('unknown environment "test" (the contract declares none)'));
    expect(read(BARE, { environment: 'test' })).toEqual(rejected('unknown environment "test" (the contract declares none)'));
  });
});

describe('prioritized and acknowledged', () => {
  it('are read as instants; null is kept as null, absent stays absent', () => {
    expect(read(DESK, { prioritized: '2026-03-06T15:10:00-05:00', acknowledged: '2026-03-06T20:20:00Z' }))
      .toStrictEqual(record({ prioritized: ms('2026-03-06T20:10:00Z'), acknowledged: ms('2026-03-06T20:20:00Z') }));
    expect(read(DESK, { prioritized: null })).toStrictEqual(record({ prioritized: null }));
    expect(read(DESK, { acknowledged: null })).toStrictEqual(record({ acknowledged: null }));
  });

  it('an impossible or out-of-range instant is rejected with its field', () => {
    expect(read(DESK, { prioritized: '2026-02-30T10:00:00Z' })).toEqual(rejected('field "prioritized": timestamp "2026-02-30T10:00:00Z" is not a real date/time'));
    expect(read(DESK, { acknowledged: '2026-02-30T10:00:00Z' })).toEqual(rejected('field "acknowledged": timestamp "2026-02-30T10:00:00Z" is not a real date/time'));
  });

  it('of two bad fields, the first one is reported', () => {
    expect(read(DESK, { prioritized: '2026-02-30T10:00:00Z', acknowledged: '1969-12-31T00:00:00Z' }))
      .toEqual(rejected('field "prioritized": timestamp "2026-02-30T10:00:00Z" is not a real date/time'));
  });
});

describe('pauses', () => {
  it('are read in order, with the declared reason; "to" null or absent is still waiting', () => {
    const got = read(DESK, {
      pauses: [
        { from: '2026-03-06T16:00:00-05:00', to: '2026-03-09T11:00:00-04:00', reason: 'Waiting-On-Customer' },
        { from: '2026-03-09T12:00:00-04:00', to: null, reason: 'waiting-on-vendor' },
        { from: '2026-03-09T13:00:00-04:00', reason: 'waiting-on-vendor' },
      ],
    });
    expect(got).toStrictEqual(record({
      pauses: [
        { from: ms('2026-03-06T21:00:00Z'), to: ms('2026-03-09T15:00:00Z'), reason: 'waiting-on-customer' },
        { from: ms('2026-03-09T16:00:00Z'), to: null, reason: 'waiting-on-vendor' },
        { from: ms('2026-03-09T17:00:00Z'), to: null, reason: 'waiting-on-vendor' },
      ],
    }));
    expect(read(DESK, { pauses: [] })).toStrictEqual(record({ pauses: [] }));
  });

  it('a pause that ends when it starts is read', () => {
    expect(read(DESK, { pauses: [{ from: '2026-03-06T16:00:00-05:00', to: '2026-03-06T16:00:00-05:00', reason: 'waiting-on-vendor' }] }))
      .toStrictEqual(record({ pauses: [{ from: ms('2026-03-06T21:00:00Z'), to: ms('2026-03-06T21:00:00Z'), reason: 'waiting-on-vendor' }] }));
  });

  it('a pause that ends before it starts is rejected, both instants in the contract\'s zone', () => {
    expect(read(DESK, {
      pauses: [
        { from: '2026-03-06T16:00:00-05:00', to: '2026-03-06T17:00:00-05:00', reason: 'waiting-on-vendor' },
        { from: '2026-03-06T22:00:00Z', to: '2026-03-06T21:59:59Z', reason: 'waiting-on-vendor' },
      ],
    })).toEqual(rejected('pauses[1]: "to" (2026-03-06T16:59:59-05:00) is before "from" (2026-03-06T17:00:00-05:00)'));
  });

  it('an undeclared reason is rejected with the declared ones, or with none declared', () => {
    const pauses = [{ from: '2026-03-06T16:00:00-05:00', reason: 'lunch' }];
    expect(read(DESK, { pauses })).toEqual(rejected('pauses[0]: undeclared pause reason "lunch" (declared: waiting-on-customer, waiting-on-vendor)'));
    expect(read(PLAIN, { pauses })).toEqual(rejected('pauses[0]: undeclared pause reason "lunch" (the contract declares none)'));
    expect(read(BARE, { pauses })).toEqual(rejected('pauses[0]: undeclared pause reason "lunch" (the contract declares none)'));
  });

  it('a bad instant is rejected with its place, before the reason or the order is looked at', () => {
    expect(read(DESK, { pauses: [{ from: '2026-03-06T16:00:00-05:00', to: '1969-12-31T23:00:00Z', reason: 'waiting-on-vendor' }] }))
      .toEqual(rejected('field "pauses[0].to": timestamp "1969-12-31T23:00:00Z" is outside the supported range (1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z)'));
    expect(read(DESK, { pauses: [{ from: '2026-02-30T16:00:00-05:00', reason: 'lunch' }] }))
      .toEqual(rejected('field "pauses[0].from": timestamp "2026-02-30T16:00:00-05:00" is not a real date/time'));
  });
});

describe('reopened', () => {
  it('each reopening is read with its resolution; the last may be unresolved', () => {
    const got = read(DESK, {
      resolved: RESOLVED,
      reopened: [
        { at: '2026-03-10T09:00:00-04:00', resolved: '2026-03-10T10:00:00-04:00' },
        { at: '2026-03-11T09:00:00-04:00', resolved: null },
      ],
    });
    expect(got).toStrictEqual(record({
      reopened: [
        { at: ms('2026-03-10T13:00:00Z'), resolved: ms('2026-03-10T14:00:00Z') },
        { at: ms('2026-03-11T13:00:00Z'), resolved: null },
      ],
    }, ms(RESOLVED)));
  });

  it('a reopening at the very instant of the resolution, resolved at the very instant it reopened, is read', () => {
    expect(read(DESK, { resolved: RESOLVED, reopened: [{ at: RESOLVED, resolved: RESOLVED }, { at: RESOLVED }] }))
      .toStrictEqual(record({ reopened: [{ at: ms(RESOLVED), resolved: ms(RESOLVED) }, { at: ms(RESOLVED), resolved: null }] }, ms(RESOLVED)));
  });

  it('a reopening before the resolution it reopens is rejected', () => {
    expect(read(DESK, { resolved: RESOLVED, reopened: [{ at: '2026-03-09T11:59:00-04:00' }] }))
      .toEqual(rejected('reopened[0]: "at" (2026-03-09T11:59:00-04:00) is before the resolution it reopens (2026-03-09T12:00:00-04:00)'));
  });

  it('the second reopening must come after the first one\'s resolution, not only after its reopening', () => {
    expect(read(DESK, {
      resolved: RESOLVED,
      reopened: [
        { at: '2026-03-10T09:00:00-04:00', resolved: '2026-03-10T12:00:00-04:00' },
        { at: '2026-03-10T11:00:00-04:00' },
      ],
    })).toEqual(rejected('reopened[1]: "at" (2026-03-10T11:00:00-04:00) is before the resolution it reopens (2026-03-10T12:00:00-04:00)'));
  });

  it('a cycle resolved before it reopened is rejected', () => {
    expect(read(DESK, { resolved: RESOLVED, reopened: [{ at: '2026-03-10T09:00:00-04:00', resolved: '2026-03-10T08:59:00-04:00' }] }))
      .toEqual(rejected('reopened[0]: "resolved" (2026-03-10T08:59:00-04:00) is before "at" (2026-03-10T09:00:00-04:00)'));
  });

  it('an unresolved cycle followed by another reopening is rejected', () => {
    expect(read(DESK, { resolved: RESOLVED, reopened: [{ at: '2026-03-10T09:00:00-04:00' }, { at: '2026-03-11T09:00:00-04:00' }] }))
      .toEqual(rejected('reopened[0] is not resolved, but the ticket is reopened again after it'));
  });

  it('reopenings of a ticket never resolved are rejected; an empty list is read', () => {
    expect(read(DESK, { reopened: [{ at: '2026-03-10T09:00:00-04:00' }] })).toEqual(rejected('"reopened" is given, but the ticket was never "resolved"'));
    expect(read(DESK, { reopened: [] })).toStrictEqual(record({ reopened: [] }));
  });

  it('a bad instant is rejected with its place, before the order is looked at', () => {
    expect(read(DESK, { resolved: RESOLVED, reopened: [{ at: '2026-03-10T09:00:00-04:00', resolved: '1969-12-31T23:00:00Z' }] }))
      .toEqual(rejected('field "reopened[0].resolved": timestamp "1969-12-31T23:00:00Z" is outside the supported range (1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z)'));
    expect(read(DESK, { resolved: RESOLVED, reopened: [{ at: '2026-02-30T09:00:00-04:00' }] }))
      .toEqual(rejected('field "reopened[0].at": timestamp "2026-02-30T09:00:00-04:00" is not a real date/time'));
  });
});

describe('updates', () => {
  it('are read sorted, whatever their order in the record', () => {
    const updates = ['2026-03-08T12:00:00Z', '2026-03-06T21:00:00Z', '2026-03-09T00:00:00Z', '2026-03-07T05:00:00Z'];
    expect(read(DESK, { updates })).toStrictEqual(record({ updates: [ms('2026-03-06T21:00:00Z'), ms('2026-03-07T05:00:00Z'), ms('2026-03-08T12:00:00Z'), ms('2026-03-09T00:00:00Z')] }));
    expect(read(DESK, { updates: [] })).toStrictEqual(record({ updates: [] }));
  });

  it('a bad one is rejected with its place', () => {
    expect(read(DESK, { updates: ['2026-03-07T05:00:00Z', '9999-01-01T00:00:00Z'] }))
      .toEqual(rejected('field "updates[1]": timestamp "9999-01-01T00:00:00Z" is outside the supported range (1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z)'));
  });
});
