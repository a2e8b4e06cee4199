// Record timestamps as a user meets them: the supported range pinned at both ends (1970-01-01T00:00:00Z
// and 9998-12-31T00:00:00Z included, a millisecond beyond rejected), a timestamp without an offset,
// an impossible date and malformed text each rejected with its line, field and the exact reason.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import {
  explainTimestamp,
  inSupportedRange,
  type InputRecord,
  parseTimestamp,
  type Rejected,
  SUPPORTED_RANGE,
  validateLine,
} from '../../../runtime/records';

const C = compile('contract "Times"\nversion 1\neffective 2026-01-01\ntime zone UTC\nseverities\n  urgent "Urgent"\ncauses\n  counted provider\n', 'times.sla', { checks: false }).contract;

/** An outage starting at `start` (and ending at `end`), read as line `line` of a log. */
function outage(start: string, end = start, line = 9): InputRecord | Rejected {
  return validateLine({ line, text: JSON.stringify({ type: 'outage', id: 'O1', start, end, cause: 'provider' }) }, C);
}

const accepted = (start: number, end = start) => ({ type: 'outage', id: 'O1', start, end, cause: 'provider', line: 9 });
const rejected = (message: string, line = 9) => ({ line, id: 'O1', message });
const EXAMPLE = '2026-03-07T22:15:00-05:00';
const OUTSIDE = '(1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z)';
const LAST = Date.UTC(9998, 11, 31);

describe('the supported range', () => {
  it('is stated as the README states it', () => {
    expect(SUPPORTED_RANGE).toBe('1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z');
  });

  it('includes 1970-01-01T00:00:00Z, however it is written, and rejects a millisecond before', () => {
    expect(outage('1970-01-01T00:00:00Z')).toStrictEqual(accepted(0));
    expect(outage('1970-01-01T01:00:00+01:00', '1970-01-01T00:00:00.001Z')).toStrictEqual(accepted(0, 1));
    expect(outage('1969-12-31T23:59:59.999Z')).toEqual(rejected(`field "start": timestamp "1969-12-31T23:59:59.999Z" is outside the supported range ${OUTSIDE}`));
    expect(outage('1970-01-01T00:59:59+01:00', '1970-01-01T00:00:00Z', 3))
      .toEqual(rejected(`field "start": timestamp "1970-01-01T00:59:59+01:00" is outside the supported range ${OUTSIDE}`, 3));
  });

  it('includes 9998-12-31T00:00:00Z, however it is written, and rejects a millisecond after', () => {
    expect(outage('9998-12-30T19:00:00-05:00', '9998-12-31T00:00:00Z')).toStrictEqual(accepted(LAST, LAST));
    expect(outage('9998-12-30T23:59:59.999Z', '9998-12-31T00:00:00.001Z'))
      .toEqual(rejected(`field "end": timestamp "9998-12-31T00:00:00.001Z" is outside the supported range ${OUTSIDE}`));
    expect(outage('9998-12-31T00:00:00Z', '9998-12-30T19:01:00-04:59')).toStrictEqual(accepted(LAST, LAST));
    expect(outage('9998-12-31T00:00:00Z', '9998-12-30T19:02:00-04:59'))
      .toEqual(rejected(`field "end": timestamp "9998-12-30T19:02:00-04:59" is outside the supported range ${OUTSIDE}`));
  });

  it('inSupportedRange answers at both ends', () => {
    expect([inSupportedRange(-1), inSupportedRange(0), inSupportedRange(LAST), inSupportedRange(LAST + 1), inSupportedRange(NaN)]).toEqual([false, true, true, false, false]);
  });
});

describe('a timestamp without an offset', () => {
  it('is rejected with its line and field, and how to write one', () => {
    for (const text of ['2026-03-07T22:15', '2026-03-07T22:15:00', '2026-03-07T22:15:00.5', '2026-03-07T22:15:00.123']) {
      expect(outage(text, '2026-03-08T00:00:00Z', 4)).toEqual(rejected(`field "start": timestamp "${text}" has no UTC offset (write e.g. ${EXAMPLE})`, 4));
    }
  });
});

describe('an impossible date or time', () => {
  it('is rejected with its line and field', () => {
    for (const text of ['2026-02-30T10:00:00Z', '2026-02-29T10:00:00Z', '2100-02-29T10:00:00Z', '2026-04-31T10:00:00Z', '2026-03-07T24:00:00Z', '2026-03-07T22:60:00Z', '2026-03-07T22:15:60Z', '2026-03-07T22:15:00+24:00', '2026-03-07T22:15:00+05:60', '2026-13-07T22:15:00Z', '2026-03-00T22:15:00Z']) {
      expect(outage('2026-01-01T00:00:00Z', text, 5)).toEqual(rejected(`field "end": timestamp "${text}" is not a real date/time`, 5));
    }
  });

  it('leap days of leap years are read', () => {
    expect(outage('2024-02-29T10:00:00Z', '2000-02-29T10:00:00Z')).toEqual(rejected('"end" (2000-02-29T10:00:00Z) is before "start" (2024-02-29T10:00:00Z); 2000-02-29T10:00:00Z < 2024-02-29T10:00:00Z'));
    expect(outage('2024-02-29T10:00:00Z')).toStrictEqual(accepted(Date.UTC(2024, 1, 29, 10)));
  });
});

describe('text that is not an ISO 8601 date-time with offset', () => {
  // Each has a character out of place: a digit that is not one, a separator, an offset sign or
  // length, or trailing text. None is guessed at.
  const MALFORMED = [
    'x2026-03-07T22:15:00', // text before a local time
    'X026-03-07T22:15:00Z',
    '20X6-03-07T22:15:00Z',
    '2026-0X-07T22:15:00Z',
    '2026-0:-07T22:15:00Z', // ':' is the code after '9'
    '2026-1X-07T22:15:00Z',
    '2026-03-07TX2:15:00Z',
    '2026-03-07T22:X5:00Z',
    '2026-03-07T22:15:X0Z',
    '2026X03-07T22:15:00Z',
    '2026-03X07T22:15:00Z',
    '2026-03-07X22:15:00Z',
    '2026-03-07T22X15:00Z',
    '2026-03-07T22:15:00ZZ',
    '2026-03-07T22:15:00*05:00',
    '2026-03-07T22:15:00+05000',
    '2026-03-07T22:15:00+0500:',
    '2026-03-07T22:15:00+05:00Z',
    '2026-03-07T22:15:00+X5:00',
    '2026-03-07T22:15:00+05:X0',
    '2026-03-07T22:15:00+05X0',
  ];

  it('is rejected with its line and field, and how to write one', () => {
    for (const text of MALFORMED) {
      expect(outage(text, '2026-03-08T00:00:00Z', 6), text).toEqual(rejected(`field "start": timestamp "${text}" is not an ISO 8601 date-time with offset (write e.g. ${EXAMPLE})`, 6));
    }
  });

  it('parses to NaN, so that --as-of and the version a record is read against never take it', () => {
    for (const text of MALFORMED) expect(parseTimestamp(text), text).toBeNaN();
  });

  it('explainTimestamp says why for any text', () => {
    expect(explainTimestamp('at 2026-03-07T22:15')).toBe(`timestamp "at 2026-03-07T22:15" is not an ISO 8601 date-time with offset (write e.g. ${EXAMPLE})`);
    expect(explainTimestamp('2026-03-07T22:15')).toBe(`timestamp "2026-03-07T22:15" has no UTC offset (write e.g. ${EXAMPLE})`);
    expect(explainTimestamp('0001-01-01T00:00:00Z')).toBe(`timestamp "0001-01-01T00:00:00Z" is outside the supported range ${OUTSIDE}`);
  });
});

describe('well-formed timestamps', () => {
  it('read each offset form to the same instant', () => {
    const t = Date.UTC(2026, 2, 8, 3, 15);
    expect(['2026-03-08T03:15Z', '2026-03-07T22:15:00-05:00', '2026-03-07T22:15:00-0500', '2026-03-08T08:45:00.0+05:30', '2026-03-08T08:45:00.000999+0530'].map(parseTimestamp)).toEqual([t, t, t, t, t]);
  });
});
