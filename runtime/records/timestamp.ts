// Record timestamps: a strict ISO 8601 date-time with a UTC offset, parsed to epoch ms by hand
// (the grammar is tiny, the code never consults the machine zone, and it is several times faster
// than luxon's DateTime.fromISO on the hot path: see bench/records.bench.ts and the equivalence
// property in test/runtime/records.test.ts).
// Accepted: YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z, ±HH:MM or ±HHMM. Fractions beyond
// milliseconds are truncated (as Date.parse and luxon do). 24:00 and leap seconds are rejected.

import recordsSchema from '../../schemas/records.schema.json' with { type: 'json' };
import { DAY, daysFromCivil } from '../time';
import { quote } from './values';

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48; // NaN past the end, which fails the range test below
  // Stryker disable next-line ConditionalExpression: a code below '0' is negative, which every caller reads as no digit, as it does -1
  return c >= 0 && c <= 9 ? c : -1;
}

function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The instants slac judges: 1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z, both included. Within
 * it, every local date in every zone has a four-digit year, and so do the bounds of every period
 * that holds one (the longest, a fiscal year, ends by 9999-12-01), so every period and every
 * printed timestamp is one the output can express; and the zones' offsets are those of the modern tzdb,
 * not the local mean times of the 19th century. An SLA concerns no earlier time.
 */
export const FIRST_INSTANT = 0;
export const LAST_INSTANT = Date.UTC(9998, 11, 31);
export const SUPPORTED_RANGE = '1970-01-01T00:00:00Z to 9998-12-31T00:00:00Z';

export function inSupportedRange(t: number): boolean {
  return t >= FIRST_INSTANT && t <= LAST_INSTANT;
}

/**
 * Epoch ms of an ISO 8601 date-time with offset, or NaN when it is not one (see explainTimestamp).
 * Any four-digit year parses; whether slac judges that instant is inSupportedRange's question.
 */
export function parseTimestamp(s: string): number {
  const n = s.length;
  // Stryker disable next-line ConditionalExpression: a shorter text has no offset at index 16 (or no digits before), and parses to NaN below all the same
  if (n < 17) return NaN; // shortest: YYYY-MM-DDTHH:MMZ
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (
    y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
    s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */
  ) {
    return NaN;
  }
  const year = y1 * 100 + y2;
  if (day > daysInMonth(year, month)) return NaN;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    if (s.charCodeAt(i) === 46 /* . */) {
      const from = ++i;
      let d: number;
      while ((d = digit(s, i)) >= 0) {
        if (i - from < 3) ms = ms * 10 + d;
        i++;
      }
      const count = i - from;
      if (count === 0) return NaN;
      if (count === 1) ms *= 100;
      else if (count === 2) ms *= 10;
    }
  }
  let offsetMinutes: number;
  const c = s.charCodeAt(i);
  if (c === 90 /* Z */) {
    if (i + 1 !== n) return NaN;
    offsetMinutes = 0;
  } else if (c === 43 /* + */ || c === 45 /* - */) {
    const oh = two(s, i + 1);
    let om: number;
    if (s.charCodeAt(i + 3) === 58) {
      om = two(s, i + 4);
      if (i + 6 !== n) return NaN;
    } else {
      om = two(s, i + 3);
      if (i + 5 !== n) return NaN;
    }
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offsetMinutes = (c === 45 ? -1 : 1) * (oh * 60 + om);
  // Stryker disable next-line BlockStatement: without the return, offsetMinutes is undefined and the sum below is NaN all the same
  } else {
    return NaN;
  }
  return (
    daysFromCivil(year, month, day) * DAY +
    hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offsetMinutes * 60_000
  );
}

/** The schema's timestamp pattern (the published form of the grammar above), and the same without offset. */
// Stryker disable next-line StringLiteral: the pattern has ASCII classes only, and matches the same without the u flag
const WITH_OFFSET = new RegExp((recordsSchema as { definitions: { timestamp: { pattern: string } } }).definitions.timestamp.pattern, 'u');
const NO_OFFSET = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$/;
const EXAMPLE = '2026-03-07T22:15:00-05:00';

/** Why `s` is not accepted by parseTimestamp, or is outside the supported range (slow path, only for messages). */
export function explainTimestamp(s: string): string {
  const shown = quote(s);
  const t = parseTimestamp(s);
  if (t === t) return `timestamp ${shown} is outside the supported range (${SUPPORTED_RANGE})`;
  if (NO_OFFSET.test(s)) return `timestamp ${shown} has no UTC offset (write e.g. ${EXAMPLE})`;
  if (WITH_OFFSET.test(s)) return `timestamp ${shown} is not a real date/time`;
  return `timestamp ${shown} is not an ISO 8601 date-time with offset (write e.g. ${EXAMPLE})`;
}
