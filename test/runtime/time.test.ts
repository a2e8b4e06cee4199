// Time in a zone without the machine's zone (runtime/time.ts): offsets written `UTC+05:45` and
// `UTC-09:30`, which names are zones, how instants are written (milliseconds, `Z` for UTC and for
// offsets that are not whole minutes), civil dates at the 400-year seam of the Gregorian
// calendar and before year 1000, and offsets found right at the edge of the sampled windows of
// days (Paris, spring 1995, changes its offset in the last day of one).

import { describe, expect, it } from 'vitest';
import { civilFromDays, converterFor, daysFromCivil, formatInstant, isKnownZone, isoDate, isoWeekday, localMidnight, localYearMonth } from '../../runtime/time';

describe('the first instant asked of a zone', () => {
  it('is epoch 0 itself: 05:30 in Kathmandu', () => {
    // Asked first, before any other instant of this zone: no earlier lookup is reused.
    expect(converterFor('Asia/Kathmandu').offsetAt(0)).toBe(5.5 * 3_600_000);
    expect(formatInstant(0, 'Asia/Kathmandu')).toBe('1970-01-01T05:30:00+05:30');
  });
});

describe('fixed offsets (`time zone UTC+05:45`)', () => {
  it('reads the sign, the hours and the minutes', () => {
    const t = Date.UTC(2026, 0, 1, 12, 0);
    expect(formatInstant(t, 'UTC+05:45')).toBe('2026-01-01T17:45:00+05:45');
    expect(formatInstant(t, 'UTC-09:30')).toBe('2026-01-01T02:30:00-09:30');
    expect(localMidnight(2026, 1, 1, 'UTC-09:30')).toBe(Date.UTC(2026, 0, 1, 9, 30));
    expect(localMidnight(2026, 1, 1, 'UTC+05:45')).toBe(Date.UTC(2025, 11, 31, 18, 15));
  });

  it('knows a zone name only when all of it is one', () => {
    expect(isKnownZone('UTC+02:00')).toBe(true);
    expect(isKnownZone('Europe/Paris')).toBe(true);
    for (const bad of ['xUTC+02:00', 'UTC+02:00x', 'UTC+2:00', 'Mars/Olympus']) expect(isKnownZone(bad), bad).toBe(false);
    expect(() => converterFor('Mars/Olympus')).toThrow("unknown time zone 'Mars/Olympus'");
  });
});

describe('instants as reports write them', () => {
  it('writes milliseconds only when set', () => {
    expect(formatInstant(Date.UTC(2026, 2, 8, 5, 15, 0, 7), 'America/New_York')).toBe('2026-03-08T00:15:00.007-05:00');
    expect(formatInstant(Date.UTC(2026, 2, 8, 5, 15, 59, 999), 'America/New_York')).toBe('2026-03-08T00:15:59.999-05:00');
    expect(formatInstant(Date.UTC(2026, 2, 8, 5, 15, 1), 'America/New_York')).toBe('2026-03-08T00:15:01-05:00');
  });

  it('writes UTC with Z, a zone at offset 0 with +00:00, and an offset of seconds exactly in UTC', () => {
    expect(formatInstant(Date.UTC(2026, 0, 15), 'UTC')).toBe('2026-01-15T00:00:00Z');
    expect(formatInstant(Date.UTC(2026, 0, 15), 'Europe/London')).toBe('2026-01-15T00:00:00+00:00');
    // Monrovia kept -00:44:30 until 1972: no ISO offset is that, so the instant is written in UTC.
    expect(formatInstant(Date.UTC(1971, 0, 1), 'Africa/Monrovia')).toBe('1971-01-01T00:00:00Z');
    expect(formatInstant(Date.UTC(1980, 0, 1), 'Africa/Monrovia')).toBe('1980-01-01T00:00:00+00:00');
  });

  it('rejects an instant that is not finite', () => {
    expect(() => converterFor('Europe/Rome').offsetAt(Number.POSITIVE_INFINITY)).toThrow('instants must be finite');
    expect(() => formatInstant(Number.NaN, 'Europe/Rome')).toThrow('instants must be finite');
  });
});

describe('civil dates', () => {
  it('round-trips every day from 1599 to 2401, across the 400-year seams (1600, 2000, 2400)', () => {
    const first = daysFromCivil(1599, 1, 1);
    const last = daysFromCivil(2401, 12, 31);
    let weekday = isoWeekday(first);
    for (let d = first; d <= last; d++) {
      const [y, m, day] = civilFromDays(d);
      if (daysFromCivil(y, m, day) !== d || m < 1 || m > 12 || day < 1 || day > 31) throw new Error(`day ${d} read back as ${y}-${m}-${day}`);
      if (isoWeekday(d) !== weekday) throw new Error(`day ${d} (${y}-${m}-${day}) is weekday ${isoWeekday(d)}, not ${weekday}`);
      weekday = (weekday % 7) + 1;
    }
    expect(civilFromDays(daysFromCivil(2000, 2, 29))).toEqual([2000, 2, 29]);
    expect(civilFromDays(daysFromCivil(2000, 3, 1))).toEqual([2000, 3, 1]);
    expect(isoDate(daysFromCivil(2400, 2, 29))).toBe('2400-02-29');
    expect(isoWeekday(daysFromCivil(2026, 12, 3))).toBe(4); // a Thursday
  });

  it('writes years before 1000 with four digits', () => {
    expect(isoDate(daysFromCivil(999, 12, 31))).toBe('0999-12-31');
    expect(isoDate(daysFromCivil(1, 1, 1))).toBe('0001-01-01');
  });
});

describe('offset changes at the edge of a sampled window of days', () => {
  it('finds the change of 1995-03-26 in Paris, in the last day before a window ends', () => {
    // Offsets are sampled in windows of 512 days from 1970; one ends at 1995-03-27T00:00Z, a day
    // after Paris moved to summer time (01:00Z on March 26).
    expect(formatInstant(Date.UTC(1995, 2, 26, 0, 59, 59), 'Europe/Paris')).toBe('1995-03-26T01:59:59+01:00');
    expect(formatInstant(Date.UTC(1995, 2, 26, 1, 0, 0), 'Europe/Paris')).toBe('1995-03-26T03:00:00+02:00');
    expect(formatInstant(Date.UTC(1995, 2, 26, 23, 59, 59), 'Europe/Paris')).toBe('1995-03-27T01:59:59+02:00');
    expect(formatInstant(Date.UTC(1995, 2, 27, 0, 0, 0), 'Europe/Paris')).toBe('1995-03-27T02:00:00+02:00');
    expect(localYearMonth(Date.UTC(1995, 2, 31, 22, 30), 'Europe/Paris')).toEqual([1995, 4]);
    expect(localMidnight(1995, 3, 27, 'Europe/Paris')).toBe(Date.UTC(1995, 2, 26, 22, 0));
  });

  it('reads a repeated wall time as the earlier instant and a skipped one with the offset before', () => {
    const ny = converterFor('America/New_York');
    // 01:30 on 2026-11-01 happens twice (EDT, then EST): the EDT one.
    expect(ny.instant(Date.UTC(2026, 10, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 5, 30));
    // 02:30 on 2026-03-08 does not exist: read at -05:00, i.e. 03:30 EDT.
    expect(ny.instant(Date.UTC(2026, 2, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // São Paulo skipped midnight on 2018-11-04: the day starts at 01:00.
    expect(formatInstant(localMidnight(2018, 11, 4, 'America/Sao_Paulo'), 'America/Sao_Paulo')).toBe('2018-11-04T01:00:00-02:00');
  });
});
