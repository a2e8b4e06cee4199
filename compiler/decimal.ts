// Exact decimals and rationals for percentages: availability is compared with band bounds and
// targets without floating point, so exactly 99.00% falls in the band that starts at 99.00%.

export interface Rational {
  n: bigint; // numerator (sign carried here)
  d: bigint; // denominator > 0
}

/** "99.900" -> "99.9", "04" -> "4", "0.50" -> "0.5". */
export function normalizeDecimal(text: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return text.trim();
  const int = m[1].replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export function fromDecimal(text: string): Rational {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const frac = m[2] ?? '';
  return rat(BigInt(m[1] + frac), 10n ** BigInt(frac.length));
}

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const cmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);

/** Smallest integer >= r. */
export function ceil(r: Rational): bigint {
  const q = r.n / r.d;
  return r.n % r.d === 0n ? q : r.n > 0n ? q + 1n : q;
}

/** Largest integer <= r. */
export function floor(r: Rational): bigint {
  const q = r.n / r.d;
  return r.n % r.d === 0n ? q : r.n > 0n ? q : q - 1n;
}

/** Nearest double, for display and JSON output only. */
export function toNumber(r: Rational): number {
  // Scale to keep 17 significant digits without overflowing Number for large bigints.
  const scale = 10n ** 18n;
  const q = (r.n * scale) / r.d;
  return Number(q) / 1e18;
}

/**
 * Decimal text of `r` with at most `digits` places, trailing zeros removed: rounded half up, or
 * with `truncate` cut toward zero (so a value just below a bound never prints as the bound).
 */
export function toDecimalText(r: Rational, digits = 6, truncate = false): string {
  const neg = r.n < 0n;
  const n = neg ? -r.n : r.n;
  const scale = 10n ** BigInt(digits);
  const scaled = truncate ? (n * scale) / r.d : (n * scale * 2n + r.d) / (2n * r.d);
  const int = scaled / scale;
  const frac = (scaled % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${neg && scaled !== 0n ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Places printed of a fraction whose decimal expansion never ends (a third), before the ellipsis. */
const REPEATING_PLACES = 12;

/**
 * The exact decimal text of `r` ("99.9500000000000001"), for messages: a value is never rounded
 * onto a neighbour it differs from. A fraction without an end (2/3) is cut after
 * REPEATING_PLACES places and marked with an ellipsis ("0.666666666666…").
 */
export function exactDecimalText(r: Rational): string {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return `${toDecimalText(r, REPEATING_PLACES, true)}…`;
  return toDecimalText(r, Math.max(twos, fives), true);
}
