// A schema error as the one line a user reads (schemaMessage): a missing field, at the top or in a
// list item (with its place, pauses[10].reason), a wrong type (null, a timestamp, a list of types,
// with the value given), an empty name, a wrong constant, an unknown field in a list item, and
// ajv's own words for the rest. Each through validateLine where a record can produce it, exact.

import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../compiler/ir';
import { type InputRecord, type Rejected, validateLine } from '../../../runtime/records';
import { schemaMessage, VALIDATORS } from '../../../runtime/records/schema';
import { minimalContract } from '../../helpers/minimal-contract';

const AT = '2026-03-01T10:00:00Z';
const LATER = '2026-03-01T11:00:00Z';
const incident = (over: Record<string, unknown> = {}) => ({ type: 'incident', id: 'I1', severity: 'high', opened: AT, cause: 'provider', ...over });
const outage = (over: Record<string, unknown> = {}) => ({ type: 'outage', id: 'O1', start: AT, end: LATER, cause: 'provider', ...over });
const maintenance = (over: Record<string, unknown> = {}) => ({ type: 'maintenance', id: 'M1', start: AT, end: LATER, ...over });
const requests = (over: Record<string, unknown> = {}) => ({ type: 'requests', id: 'Q1', start: AT, end: LATER, total: 10, failed: 0, ...over });
const setup = (over: Record<string, unknown> = {}) => ({ type: 'setup', id: 'S1', setup: 'x', from: AT, ...over });

function read(c: Contract, raw: Record<string, unknown>): InputRecord | Rejected {
  return validateLine({ line: 5, text: JSON.stringify(raw) }, c);
}

/** The rejection of `raw` (its id is I1, O1, ...), as read against the minimal contract on line 5. */
function rejected(raw: Record<string, unknown>, message: string): void {
  expect(read(minimalContract('schema.sla'), raw)).toStrictEqual({ line: 5, id: raw.id, message });
}

/** An error as ajv gives it, for the kinds no record of the published validators produces. */
function error(keyword: string, instancePath: string, params: Record<string, unknown>, message?: string): ErrorObject {
  return { keyword, instancePath, schemaPath: '#', params, ...(message !== undefined && { message }) };
}

describe('a missing field', () => {
  it('is named at the top of the record', () => {
    rejected(incident({ severity: undefined }), 'missing required field "severity"');
    rejected(outage({ end: undefined }), 'missing required field "end"');
  });

  it('is named with its place in a list', () => {
    rejected(incident({ pauses: [{ from: AT }] }), 'missing required field "pauses[0].reason"');
    rejected(incident({ resolved: AT, reopened: [{ at: LATER, resolved: LATER }, {}] }), 'missing required field "reopened[1].at"');
  });

  it('is named with a place of two digits', () => {
    const pauses = Array.from({ length: 12 }, (_, i) => (i === 11 ? { from: AT } : { from: AT, reason: 'r' }));
    rejected(incident({ pauses }), 'missing required field "pauses[11].reason"');
  });
});

describe('a value of the wrong type', () => {
  it('says a field must not be null', () => {
    rejected(incident({ id: 'I1', severity: null }), 'field "severity" must not be null');
    rejected(outage({ cause: null }), 'field "cause" must not be null');
  });

  it('says what a field must be, leaving out that it may be null, and what it got', () => {
    rejected(incident({ plan: 5 }), 'field "plan" must be string, got number 5');
    rejected(incident({ category: ['a'] }), 'field "category" must be string, got an array');
    rejected(outage({ service: { id: 'x' } }), 'field "service" must be string, got an object');
  });

  it('lists the types a field may have', () => {
    rejected(incident({ severity: true }), 'field "severity" must be string or number, got boolean true');
  });

  it('calls every timestamp field a timestamp string', () => {
    for (const f of ['opened', 'responded', 'restored', 'resolved', 'prioritized', 'acknowledged']) {
      rejected(incident({ [f]: 20260301 }), `field "${f}" must be a timestamp string, got number 20260301`);
    }
    for (const f of ['start', 'end']) rejected(outage({ [f]: false }), `field "${f}" must be a timestamp string, got boolean false`);
    for (const f of ['notified', 'acknowledged']) rejected(maintenance({ [f]: 1 }), `field "${f}" must be a timestamp string, got number 1`);
    for (const f of ['from', 'to']) rejected(setup({ [f]: 2 }), `field "${f}" must be a timestamp string, got number 2`);
  });

  it('shows the value given in a list item, and says when it is null', () => {
    rejected(incident({ pauses: [{ from: 5, reason: 'r' }] }), 'field "pauses[0].from" must be string, got number 5');
    rejected(incident({ pauses: [{ from: AT, reason: null }] }), 'field "pauses[0].reason" must not be null');
    rejected(incident({ updates: [AT, 7] }), 'field "updates[1]" must be string, got number 7');
  });

  it('says a count must be an integer', () => {
    rejected(requests({ total: 1.5 }), 'field "total" must be integer, got number 1.5');
  });
});

describe('other errors', () => {
  it('says a name or an id must not be empty', () => {
    rejected(incident({ cause: '' }), 'field "cause" must not be empty');
    expect(read(minimalContract('schema.sla'), outage({ id: '' }))).toStrictEqual({ line: 5, id: '', message: 'field "id" must not be empty' });
  });

  it('names an unknown field of a list item', () => {
    rejected(incident({ pauses: [{ from: AT, reason: 'r', note: 'x' }] }), 'field "pauses[0]" has an unknown field "note"');
  });

  it("gives ajv's words for the rest", () => {
    rejected(requests({ failed: -1 }), 'field "failed" must be >= 0');
    rejected(outage({ services: [] }), 'field "services" must NOT have fewer than 1 items');
    rejected(
      { type: 'report', id: 'R1', period: '2026-3', submitted: '2026-04-01' },
      'field "period" must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])$"',
    );
  });

  it('says which constant a field must be', () => {
    const raw = { ...incident(), type: 'outage' };
    const validate = VALIDATORS.incident;
    expect(validate(raw)).toBe(false);
    expect(schemaMessage(validate.errors![0]!, raw)).toBe('field "type" must be "incident"');
  });
});

describe('errors no published validator gives', () => {
  it('asks for a timestamp with an offset in a list item that fails a pattern', () => {
    const raw = incident({ pauses: [{ from: 'soon', reason: 'r' }] });
    expect(schemaMessage(error('pattern', '/pauses/0/from', { pattern: '^x$' }, 'must match pattern "^x$"'), raw)).toBe(
      'field "pauses[0].from" must be a timestamp with an offset (2026-03-07T22:15:00-05:00)',
    );
  });

  it('reads an error about the whole record other than a missing field by its words', () => {
    expect(schemaMessage(error('minProperties', '', { limit: 1 }, 'must NOT have fewer than 1 properties'), {})).toBe(
      'field "" must NOT have fewer than 1 properties',
    );
  });

  it('says a field is invalid when ajv gives no words', () => {
    expect(schemaMessage(error('maximum', '/total', { limit: 5 }), { total: 6 })).toBe('field "total" is invalid');
  });
});
