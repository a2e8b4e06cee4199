// How record values are shown in messages: `quote` gives JSON text, whole up to 64 characters and
// cut to 60 and an ellipsis beyond; `describeValue` names the kind of value and shows it.

import { describe, expect, it } from 'vitest';
import { describeValue, quote } from '../../../runtime/records/values';

describe('quote', () => {
  it('shows a value as JSON text', () => {
    expect(quote('a "b"')).toBe('"a \\"b\\""');
    expect(quote(5)).toBe('5');
    expect(quote(null)).toBe('null');
    expect(quote({ a: [1] })).toBe('{"a":[1]}');
  });

  it('shows what has no JSON text as JavaScript does', () => {
    expect(quote(undefined)).toBe('undefined');
    expect(quote(Symbol('s'))).toBe('Symbol(s)');
  });

  it('keeps a text of exactly 64 characters whole and cuts one of 65 to 60 and an ellipsis', () => {
    const sixtyFour = 'a'.repeat(62); // 64 with its quotes
    const sixtyFive = 'b'.repeat(63);
    expect(quote(sixtyFour)).toBe(`"${sixtyFour}"`);
    expect(quote(sixtyFive)).toBe(`"${'b'.repeat(59)}…`);
    expect(quote(1e64)).toBe('1e+64');
  });
});

describe('describeValue', () => {
  it('names null, arrays and objects without showing them', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2])).toBe('an array');
    expect(describeValue([])).toBe('an array');
    expect(describeValue({ type: 'incident' })).toBe('an object');
  });

  it('gives the type and the value of anything else, cut short', () => {
    expect(describeValue(5)).toBe('number 5');
    expect(describeValue('incident')).toBe('string "incident"');
    expect(describeValue(true)).toBe('boolean true');
    expect(describeValue(false)).toBe('boolean false');
    expect(describeValue('c'.repeat(100))).toBe(`string "${'c'.repeat(59)}…`);
  });
});
