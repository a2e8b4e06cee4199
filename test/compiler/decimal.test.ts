// Exact decimals and rationals (compiler/decimal.ts), which decide every percentage boundary: the
// forms a contract writes, signs and zero, rounding of printed values, and the exact text of
// messages. Each expectation is written out by hand.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, ceil, cmp, div, exactDecimalText, floor, fromDecimal, max, min, mul, normalizeDecimal, rat, sub, toDecimalText, toNumber } from '../../compiler/decimal';

const q = (n: number, d = 1) => rat(BigInt(n), BigInt(d));

describe('decimal text as contracts write it', () => {
  it('normalizes numbers and leaves anything else as written, trimmed', () => {
    expect(normalizeDecimal('99.900')).toBe('99.9');
    expect(normalizeDecimal(' 04 ')).toBe('4');
    expect(normalizeDecimal('0.50')).toBe('0.5');
    expect(normalizeDecimal('000')).toBe('0');
    expect(normalizeDecimal('10.0')).toBe('10');
    // Not a plain decimal (a sign, a second point, letters): kept, only trimmed.
    expect(normalizeDecimal(' -5 ')).toBe('-5');
    expect(normalizeDecimal('5.0x')).toBe('5.0x');
    expect(normalizeDecimal('x5.0')).toBe('x5.0');
    expect(normalizeDecimal('1.2.3')).toBe('1.2.3');
  });

  it('reads decimals exactly, and refuses what is not one, naming it', () => {
    expect(fromDecimal('99.95')).toEqual({ n: 1999n, d: 20n });
    expect(fromDecimal(' 5 ')).toEqual({ n: 5n, d: 1n });
    for (const bad of ['5x', 'x5', '5.', '.5', '-1', '1,5']) expect(() => fromDecimal(bad)).toThrow(`not a decimal: ${bad}`);
  });
});

describe('rationals', () => {
  it('keep the sign in the numerator and lowest terms', () => {
    expect(rat(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(rat(-6n, -4n)).toEqual({ n: 3n, d: 2n });
    expect(rat(0n, -7n)).toEqual({ n: 0n, d: 1n });
    expect(rat(-10n, 4n)).toEqual({ n: -5n, d: 2n });
    expect(() => rat(1n, 0n)).toThrow('zero denominator');
  });

  it('add, subtract, multiply, divide and compare exactly', () => {
    expect(add(q(1, 3), q(1, 6))).toEqual(q(1, 2));
    expect(add(q(2, 5), q(3, 7))).toEqual(q(29, 35));
    expect(sub(q(1, 3), q(1, 2))).toEqual(q(-1, 6));
    expect(mul(q(2, 3), q(9, 4))).toEqual(q(3, 2));
    expect(div(q(2, 3), q(4, 9))).toEqual(q(3, 2));
    expect(div(q(1), q(-2))).toEqual(q(-1, 2));
    expect([cmp(q(1, 3), q(1, 2)), cmp(q(1, 2), q(2, 4)), cmp(q(-1, 2), q(-1, 3))]).toEqual([-1, 0, -1]);
    expect(min(q(1, 3), q(1, 2))).toEqual(q(1, 3));
    expect(min(q(1, 2), q(1, 3))).toEqual(q(1, 3));
    expect(max(q(1, 3), q(1, 2))).toEqual(q(1, 2));
    expect(max(q(1, 2), q(1, 3))).toEqual(q(1, 2));
  });

  it('agree with integer arithmetic on random fractions', () => {
    const fraction = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => q(n, d));
    fc.assert(
      fc.property(fraction, fraction, (a, b) => {
        // a + b - b = a; (a x b) / b = a when b is not 0; cmp agrees with the difference's sign.
        expect(sub(add(a, b), b)).toEqual(a);
        if (b.n !== 0n) expect(div(mul(a, b), b)).toEqual(a);
        expect(cmp(a, b)).toBe(Math.sign(Number(sub(a, b).n)));
        expect(cmp(min(a, b), max(a, b))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('ceil and floor on both sides of zero', () => {
    expect([ceil(q(7, 2)), ceil(q(-7, 2)), ceil(q(4)), ceil(q(-4))]).toEqual([4n, -3n, 4n, -4n]);
    expect([floor(q(7, 2)), floor(q(-7, 2)), floor(q(4)), floor(q(-4))]).toEqual([3n, -4n, 4n, -4n]);
  });

  it('toNumber gives the nearest double', () => {
    expect(toNumber(q(1999, 20))).toBe(99.95);
    expect(toNumber(q(-1, 4))).toBe(-0.25);
  });
});

describe('printing', () => {
  it('rounds half up, or truncates toward zero, and never prints -0', () => {
    expect(toDecimalText(q(2, 3), 4)).toBe('0.6667');
    expect(toDecimalText(q(2, 3), 4, true)).toBe('0.6666');
    expect(toDecimalText(q(-2, 3), 4)).toBe('-0.6667');
    expect(toDecimalText(q(-2, 3), 4, true)).toBe('-0.6666');
    expect(toDecimalText(q(1, 8), 2)).toBe('0.13');
    expect(toDecimalText(q(10))).toBe('10');
    expect(toDecimalText(q(-1, 1000), 2)).toBe('0');
    expect(toDecimalText(q(-1, 1000), 2, true)).toBe('0');
    expect(toDecimalText(q(-5, 1000), 2)).toBe('-0.01');
  });

  it('gives the exact text of terminating fractions and cuts repeating ones with an ellipsis', () => {
    expect(exactDecimalText(fromDecimal('99.9500000000000001'))).toBe('99.9500000000000001');
    expect(exactDecimalText(q(1, 8))).toBe('0.125');
    expect(exactDecimalText(q(-3, 40))).toBe('-0.075');
    expect(exactDecimalText(q(2, 3))).toBe('0.666666666666…');
    expect(exactDecimalText(q(1, 6))).toBe('0.166666666666…');
    expect(exactDecimalText(q(7))).toBe('7');
  });
});
