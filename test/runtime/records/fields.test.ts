// Fields a record's type does not have: each is a warning (or, with `strict`, part of the one
// rejection) that names the field and either the field it was probably meant to be (did you mean,
// within one edit for a short name and two for a longer one) or the fields the type has; past ten
// such fields the last names how many more there are.

import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../compiler/ir';
import { closestField, type RecordWarning, validateLine } from '../../../runtime/records';
import { minimalContract } from '../../helpers/minimal-contract';

const CONTRACT: Contract = minimalContract('fields.sla');

const INCIDENT = { type: 'incident', id: 'I1', severity: 'high', opened: '2026-03-01T10:00:00Z', cause: 'provider' };
const OUTAGE = { type: 'outage', id: 'O1', start: '2026-03-01T10:00:00Z', end: '2026-03-01T11:00:00Z', cause: 'provider' };
const MAINTENANCE = { type: 'maintenance', id: 'M1', start: '2026-03-01T10:00:00Z', end: '2026-03-01T11:00:00Z' };

const INCIDENT_HAS =
  'an incident has type, id, plan, severity, category, opened, responded, restored, resolved, cause, channel, region, prioritized, acknowledged, pauses, reopened, updates, service, services, environment, zone';
const OUTAGE_HAS = 'an outage has type, id, start, end, cause, service, services';
const MAINTENANCE_HAS = 'a maintenance has type, id, start, end, notified, acknowledged, kind, service, services';

/** The warnings validateLine gives for `record` on line 7 (the record itself must be accepted). */
function warningsOf(record: object): RecordWarning[] {
  const warnings: RecordWarning[] = [];
  const result = validateLine({ line: 7, text: JSON.stringify(record) }, CONTRACT, { warnings });
  expect(result).toMatchObject({ type: (record as { type: string }).type, line: 7 });
  return warnings;
}

/** The one message each unknown field of `record` gets (in the record's order). */
const messages = (record: object) => warningsOf(record).map((w) => w.message);

describe('did you mean', () => {
  it('names the field a misspelt one was meant to be, two edits away in a longer name', () => {
    expect(warningsOf({ ...INCIDENT, resovled: null })).toEqual([
      { line: 7, id: 'I1', field: 'resovled', message: 'unknown field "resovled" is ignored (did you mean "resolved"?)' },
    ]);
  });

  it('ignores case when comparing, and shows the field as the record wrote it', () => {
    expect(messages({ ...INCIDENT, RESOLVED: null })).toEqual(['unknown field "RESOLVED" is ignored (did you mean "resolved"?)']);
  });

  it('allows one edit in a name of up to four characters, not two', () => {
    expect(messages({ ...OUTAGE, ennd: null, ned: null })).toEqual([
      'unknown field "ennd" is ignored (did you mean "end"?)',
      `unknown field "ned" is ignored (${OUTAGE_HAS})`,
    ]);
    expect(messages({ ...INCIDENT, plen: 'x', plna: 'x' })).toEqual([
      'unknown field "plen" is ignored (did you mean "plan"?)',
      `unknown field "plna" is ignored (${INCIDENT_HAS})`,
    ]);
  });

  it('allows two edits in a name of five characters or more, not three', () => {
    expect(messages({ ...OUTAGE, strat: null, tsrat: null })).toEqual([
      'unknown field "strat" is ignored (did you mean "start"?)',
      `unknown field "tsrat" is ignored (${OUTAGE_HAS})`,
    ]);
  });

  it('picks the nearest known field, the first of the type when two are as near', () => {
    expect(closestField('incident', 'opend')).toBe('opened');
    expect(closestField('incident', 'Restord')).toBe('restored');
    // "servce" is one edit from "service" and two from "services".
    expect(closestField('outage', 'servce')).toBe('service');
    // "sta" is two edits from "start", and a name of three characters may differ by one.
    expect(closestField('outage', 'sta')).toBeNull();
    // "id" and "end" are both one edit from "ed": the first in the schema's order wins.
    expect(closestField('outage', 'ed')).toBe('id');
  });
});

describe('the fields the type has', () => {
  it('lists them, with the article of the type, when no field is near', () => {
    expect(messages({ ...INCIDENT, zzzzzzzz: 1 })).toEqual([`unknown field "zzzzzzzz" is ignored (${INCIDENT_HAS})`]);
    expect(messages({ ...OUTAGE, zzzzzzzz: 1 })).toEqual([`unknown field "zzzzzzzz" is ignored (${OUTAGE_HAS})`]);
    expect(messages({ ...MAINTENANCE, zzzzzzzz: 1 })).toEqual([`unknown field "zzzzzzzz" is ignored (${MAINTENANCE_HAS})`]);
  });

  it('gives each field of a record its own hint, and the same field its hint again', () => {
    const record = { ...OUTAGE, strat: null, zzzzzzzz: 1 };
    const expected = ['unknown field "strat" is ignored (did you mean "start"?)', `unknown field "zzzzzzzz" is ignored (${OUTAGE_HAS})`];
    expect(messages(record)).toEqual(expected);
    expect(messages(record)).toEqual(expected);
    expect(messages({ ...INCIDENT, strat: null })).toEqual([`unknown field "strat" is ignored (${INCIDENT_HAS})`]);
  });
});

describe('many unknown fields', () => {
  const extra = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${String(i + 1).padStart(2, '0')}`, i]));
  const each = (n: number) => Array.from({ length: n }, (_, i) => `unknown field "x${String(i + 1).padStart(2, '0')}" is ignored (${OUTAGE_HAS})`);

  it('reports ten one by one', () => {
    expect(messages({ ...OUTAGE, ...extra(10) })).toEqual(each(10));
  });

  it('reports the eleventh in the hint of the tenth', () => {
    const got = messages({ ...OUTAGE, ...extra(11) });
    expect(got).toEqual([...each(9), `unknown field "x10" is ignored (${OUTAGE_HAS}; and 1 more unknown field)`]);
  });

  it('counts all the fields past the tenth', () => {
    const got = messages({ ...OUTAGE, ...extra(13) });
    expect(got).toEqual([...each(9), `unknown field "x10" is ignored (${OUTAGE_HAS}; and 3 more unknown fields)`]);
  });

  it('puts them all in the one rejection with strict', () => {
    const result = validateLine({ line: 4, text: JSON.stringify({ ...OUTAGE, ...extra(12) }) }, CONTRACT, { strict: true });
    const parts = Array.from({ length: 10 }, (_, i) => `unknown field "x${String(i + 1).padStart(2, '0')}" (${OUTAGE_HAS}`);
    expect(result).toEqual({
      line: 4,
      id: 'O1',
      message: `${parts.join('); ')}; and 2 more unknown fields); --strict rejects fields the schema does not know`,
    });
  });
});

describe('a long field name', () => {
  it('is kept whole up to 100 characters and cut to 99 and an ellipsis beyond', () => {
    const hundred = 'q'.repeat(100);
    const longer = 'r'.repeat(101);
    const got = warningsOf({ ...OUTAGE, [hundred]: 1, [longer]: 2 });
    expect(got.map((w) => w.field)).toEqual([hundred, `${'r'.repeat(99)}…`]);
    expect(got.map((w) => w.message)).toEqual([
      `unknown field "${'q'.repeat(59)}… is ignored (${OUTAGE_HAS})`,
      `unknown field "${'r'.repeat(59)}… is ignored (${OUTAGE_HAS})`,
    ]);
  });
});
