// The checks of weekly ranges at their edges: a repeated line (named once, as a repeat of the
// first), the same day twice on one line, gaps of exactly SHORT_GAP_MINUTES, a window that ends or
// starts just short of midnight next to a gap the other days do not have, gaps across the
// Sunday/Monday seam, and daylight-saving changes at the very minute a range starts, in years the
// contract pins, for calendars as well as windows. Each case is a contract and the SLA31xx findings
// `slac check` gives for it: the line and text under each range, the message, the hint, and each
// related location.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';
import { SHORT_GAP_MINUTES } from '../../../compiler/checks/codes';
import { dstYears, zoneTransitions } from '../../../compiler/checks/windows';

const NY = 'America/New_York';

const head = (zone: string, effective: string | null = '2026-01-01'): string[] => [
  'contract "Weekly ranges"',
  'version 1',
  ...(effective === null ? [] : [`effective ${effective}`]),
  `time zone ${zone}`,
  '',
];
const causes = ['', 'causes', '  counted provider'];

/** A contract whose maintenance windows are these lines (the first on line 8). */
const windows = (zone: string, ...lines: string[]): string[] => [
  ...head(zone),
  'maintenance',
  '  windows',
  ...lines.map((l) => `    ${l}`),
  '  notice at least 48 hours before the start',
  '  not counted as downtime',
  ...causes,
];

/** A contract whose calendar `office` has these lines (the first on line 7). */
const calendar = (zone: string, ...lines: string[]): string[] => [
  ...head(zone),
  'calendar office "Office"',
  ...lines.map((l) => `  ${l}`),
  '',
  'response 4 office hours for every incident',
  ...causes,
];

/** The SLA31xx findings: `code line text: message`, then the hint and each related `line text: message`. */
function told(lines: readonly string[]): string[] {
  const text = `${lines.join('\n')}\n`;
  const at = (s: { start: number; end: number }): string => `${text.slice(0, s.start).split('\n').length} ${text.slice(s.start, s.end)}`;
  return compile(text, 'weekly.sla')
    .diagnostics.filter((d) => d.code.startsWith('SLA31'))
    .map((d) => [`${d.code} ${at(d.span)}: ${d.message}`, ...(d.hint === undefined ? [] : [`  hint: ${d.hint}`]), ...d.related.map((r) => `  ${at(r.span)}: ${r.message}`)].join('\n'));
}

describe('repeated and overlapping lines (SLA3101, SLA3104, SLA3105)', () => {
  it('a repeated line of business hours is one finding per copy, each naming the first copy and every day', () => {
    expect(told(calendar('UTC', 'monday to friday 09:00 to 17:00', 'saturday 10:00 to 12:00', 'monday to friday 09:00 to 17:00', 'monday to friday 09:00 to 17:00'))).toEqual([
      'SLA3104 9 09:00 to 17:00: these business hours of calendar office repeat those on line 7 (09:00 to 17:00 on monday, tuesday, wednesday, thursday, friday)\n  hint: remove the repeated range\n  7 09:00 to 17:00: first given here',
      'SLA3104 10 09:00 to 17:00: these business hours of calendar office repeat those on line 7 (09:00 to 17:00 on monday, tuesday, wednesday, thursday, friday)\n  hint: remove the repeated range\n  7 09:00 to 17:00: first given here',
    ]);
  });

  it('repeats of two different lines are two findings', () => {
    expect(told(calendar('UTC', 'monday 09:00 to 12:00', 'tuesday 13:00 to 17:00', 'monday 09:00 to 12:00', 'tuesday 13:00 to 17:00'))).toEqual([
      'SLA3104 9 09:00 to 12:00: these business hours of calendar office repeat those on line 7 (09:00 to 12:00 on monday)\n  hint: remove the repeated range\n  7 09:00 to 12:00: first given here',
      'SLA3104 10 13:00 to 17:00: these business hours of calendar office repeat those on line 8 (13:00 to 17:00 on tuesday)\n  hint: remove the repeated range\n  8 13:00 to 17:00: first given here',
    ]);
  });

  it('a repeated maintenance window, across midnight, names the day it starts', () => {
    expect(told(windows('UTC', 'saturday to sunday 22:00 to 02:00', 'sunday 22:00 to 02:00'))).toEqual([
      'SLA3101 9 22:00 to 02:00: this maintenance window repeats the one on line 8 (22:00 to 02:00 on sunday)\n  hint: remove the repeated window\n  8 22:00 to 02:00: first given here',
    ]);
  });

  it('the same day twice on one line is an overlap of that line; repeating such a line names the day once', () => {
    expect(told(calendar('UTC', 'monday, monday 09:00 to 17:00'))).toEqual([
      'SLA3104 7 09:00 to 17:00: these business hours of calendar office overlap others from 09:00 to 17:00 on monday\n  7 09:00 to 17:00: the other range',
    ]);
    expect(told(calendar('UTC', 'monday 09:00 to 17:00', 'monday, monday, tuesday 09:00 to 17:00'))).toEqual([
      'SLA3104 8 09:00 to 17:00: these business hours of calendar office repeat those on line 7 (09:00 to 17:00 on monday)\n  hint: remove the repeated range\n  7 09:00 to 17:00: first given here',
    ]);
  });

  it('an empty range is told once per line, and a repeated empty line is not also a repeat', () => {
    expect(told(calendar('UTC', 'monday to friday 09:00 to 09:00', 'monday to friday 09:00 to 09:00', 'tuesday 10:00 to 11:00'))).toEqual([
      'SLA3105 7 09:00 to 09:00: 09:00 to 09:00 covers no time\n  hint: write 00:00 to 24:00 for a whole day',
      'SLA3105 8 09:00 to 09:00: 09:00 to 09:00 covers no time\n  hint: write 00:00 to 24:00 for a whole day',
    ]);
  });

  it('two ranges of one line that start or end together are told apart', () => {
    expect(told(calendar('UTC', 'monday 09:00 to 12:00, 09:00 to 10:00'))).toEqual([
      'SLA3104 7 09:00 to 10:00: these business hours of calendar office overlap others from 09:00 to 10:00 on monday\n  7 09:00 to 12:00: the other range',
    ]);
    expect(told(windows('UTC', 'monday 09:00 to 12:00, 10:00 to 12:00'))).toEqual([
      'SLA3101 8 10:00 to 12:00: this maintenance window overlaps another from 10:00 to 12:00 on monday\n  8 09:00 to 12:00: the other window',
    ]);
  });

  it('an overlap is told at the later line, whichever window starts first in the week', () => {
    expect(told(windows('UTC', 'tuesday 00:00 to 02:00', 'monday 21:00 to 01:00'))).toEqual([
      'SLA3101 9 21:00 to 01:00: this maintenance window overlaps another from 00:00 to 01:00 on tuesday\n  8 00:00 to 02:00: the other window',
    ]);
    expect(told(windows('UTC', 'tuesday 10:00 to 12:00', 'tuesday 11:00 to 13:00'))).toEqual([
      'SLA3101 9 11:00 to 13:00: this maintenance window overlaps another from 11:00 to 12:00 on tuesday\n  8 10:00 to 12:00: the other window',
    ]);
  });

  it('one line overlapping two others at the same time of day is one finding per pair', () => {
    expect(told(windows('UTC', 'monday 09:00 to 10:00', 'tuesday 09:00 to 10:00', 'monday to tuesday 08:00 to 10:00'))).toEqual([
      'SLA3101 10 08:00 to 10:00: this maintenance window overlaps another from 09:00 to 10:00 on monday\n  8 09:00 to 10:00: the other window',
      'SLA3101 10 08:00 to 10:00: this maintenance window overlaps another from 09:00 to 10:00 on tuesday\n  9 09:00 to 10:00: the other window',
    ]);
    expect(told(calendar('UTC', 'monday to tuesday 08:00 to 10:00', 'monday 09:00 to 10:00', 'tuesday 09:00 to 10:00'))).toEqual([
      'SLA3104 8 09:00 to 10:00: these business hours of calendar office overlap others from 09:00 to 10:00 on monday\n  7 08:00 to 10:00: the other range',
      'SLA3104 9 09:00 to 10:00: these business hours of calendar office overlap others from 09:00 to 10:00 on tuesday\n  7 08:00 to 10:00: the other range',
    ]);
  });

  it('an overlap across the seam of the week is told whole, from Sunday to Monday', () => {
    expect(told(windows('UTC', 'sunday 23:00 to 01:00', 'sunday 23:30 to 00:30'))).toEqual([
      'SLA3101 9 23:30 to 00:30: this maintenance window overlaps another from 23:30 to 00:30 on sunday\n  8 23:00 to 01:00: the other window',
    ]);
    expect(told(windows('UTC', 'sunday 23:00 to 01:00', 'monday 00:00 to 02:00'))).toEqual([
      'SLA3101 9 00:00 to 02:00: this maintenance window overlaps another from 00:00 to 01:00 on monday\n  8 23:00 to 01:00: the other window',
    ]);
  });

  it('business hours that end at 00:00 are not overnight', () => {
    expect(told(calendar('UTC', 'monday to friday 18:00 to 00:00'))).toEqual([]);
  });
});

/** Windows of every weeknight from 20:00 to midnight; Wednesday's are these lines. */
const weeknights = (...wednesday: string[]): string[] => windows('UTC', 'monday, tuesday, thursday, friday 20:00 to 24:00', ...wednesday);

describe(`gaps between windows (SLA3102 under ${SHORT_GAP_MINUTES} minutes, SLA3103, SLA3110)`, () => {
  it('a gap one minute short of the limit almost touches; a gap of the limit is a gap the other days do not have', () => {
    expect(told(weeknights('wednesday 20:00 to 21:00', 'wednesday 21:05 to 24:00'))).toEqual([
      'SLA3102 10 21:05: the maintenance windows leave 5 minutes uncovered, 21:00 to 21:05 on wednesday: maintenance then counts as downtime\n  hint: make the windows meet (24:00 then 00:00) if one continuous window was meant\n  9 21:00: the previous window ends here',
    ]);
    expect(told(weeknights('wednesday 20:00 to 21:00', 'wednesday 21:14 to 24:00'))).toEqual([
      'SLA3102 10 21:14: the maintenance windows leave 14 minutes uncovered, 21:00 to 21:14 on wednesday: maintenance then counts as downtime\n  hint: make the windows meet (24:00 then 00:00) if one continuous window was meant\n  9 21:00: the previous window ends here',
    ]);
    expect(told(weeknights('wednesday 20:00 to 21:00', 'wednesday 21:15 to 24:00'))).toEqual([
      'SLA3110 9 21:00: this maintenance window stops at 21:00 on wednesday, where the windows starting at 20:00 on monday, tuesday, thursday, friday go on: 21:00 to 21:15 on wednesday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
  });

  it('a short gap of two lines over several days is one finding naming the days; short gaps of other lines are their own', () => {
    const almost = (line: number, minutes: number, days: string) =>
      `SLA3102 ${line} 21:${String(minutes).padStart(2, '0')}: the maintenance windows leave ${minutes} minutes uncovered, 21:00 to 21:${String(minutes).padStart(2, '0')} on ${days}: maintenance then counts as downtime\n  hint: make the windows meet (24:00 then 00:00) if one continuous window was meant\n  ${line - 1} 21:00: the previous window ends here`;
    expect(told(windows('UTC', 'monday to friday 20:00 to 21:00', 'monday to friday 21:05 to 23:00'))).toEqual([almost(9, 5, 'monday, tuesday, wednesday, thursday, friday')]);
    expect(told(windows('UTC', 'monday 20:00 to 21:00', 'monday 21:05 to 23:00', 'tuesday 20:00 to 21:00', 'tuesday 21:10 to 23:00'))).toEqual([almost(9, 5, 'monday'), almost(11, 10, 'tuesday')]);
  });

  it('windows of two lines ending just before midnight are two findings; one minute is a minute', () => {
    expect(told(windows('UTC', 'monday 22:00 to 23:55', 'wednesday 22:00 to 23:59'))).toEqual([
      'SLA3103 8 23:55: this maintenance window ends 5 minutes before midnight: 23:55 to 24:00 on monday is outside every window\n  hint: write 24:00 if the window runs until midnight',
      'SLA3103 9 23:59: this maintenance window ends 1 minute before midnight: 23:59 to 24:00 on wednesday is outside every window\n  hint: write 24:00 if the window runs until midnight',
    ]);
  });

  it('no windows (`windows any time`): nothing to compare', () => {
    expect(told([...head('UTC'), 'maintenance', '  windows any time', '  not counted as downtime', ...causes])).toEqual([]);
  });

  it('a window ending less than the limit before midnight is told as such, not also as a gap of the pattern', () => {
    const nights = (wednesdayEnd: string, thursdayStart: string) =>
      windows('UTC', 'monday, tuesday, thursday, friday 22:00 to 24:00', `wednesday 22:00 to ${wednesdayEnd}`, 'tuesday, wednesday, friday, saturday 00:00 to 02:00', `thursday ${thursdayStart} to 02:00`);
    expect(told(nights('23:55', '00:30'))).toEqual([
      'SLA3103 9 23:55: this maintenance window ends 5 minutes before midnight: 23:55 to 24:00 on wednesday is outside every window\n  hint: write 24:00 if the window runs until midnight',
    ]);
    // With no gap after midnight the whole gap is short: it almost touches.
    expect(told(nights('23:46', '00:00'))).toEqual([
      'SLA3102 11 00:00: the maintenance windows leave 14 minutes uncovered, 23:46 to 24:00 on wednesday: maintenance then counts as downtime\n  hint: make the windows meet (24:00 then 00:00) if one continuous window was meant\n  9 23:46: the previous window ends here',
    ]);
    expect(told(nights('23:45', '00:00'))).toEqual([
      'SLA3110 9 23:45: this maintenance window stops at 23:45 on wednesday, where the windows starting at 22:00 on monday, tuesday, thursday, friday go on: 23:45 to 24:00 on wednesday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
  });

  it('a window starting less than the limit after midnight is told as such; at the limit, the gap before it is a gap of the pattern', () => {
    const nights = (thursdayStart: string) =>
      windows('UTC', 'monday, tuesday, thursday, friday 22:00 to 24:00', 'wednesday 22:00 to 23:00', 'tuesday, wednesday, friday, saturday 00:00 to 02:00', `thursday ${thursdayStart} to 02:00`);
    expect(told(nights('00:10'))).toEqual([
      'SLA3103 11 00:10: this maintenance window starts 10 minutes after midnight: 00:00 to 00:10 on thursday is outside every window\n  hint: write 00:00 if the window starts at midnight',
    ]);
    expect(told(nights('00:15'))).toEqual([
      'SLA3110 9 23:00: this maintenance window stops at 23:00 on wednesday, where the windows starting at 22:00 on monday, tuesday, thursday, friday go on: 23:00 on wednesday to 00:15 on thursday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
  });

  it('two windows starting just after midnight on different days are two findings; the gap across the seam names both days', () => {
    expect(told(windows('UTC', 'monday 02:00 to 04:00', 'tuesday 00:05 to 04:00', 'thursday 00:10 to 04:00'))).toEqual([
      'SLA3110 8 02:00: this maintenance window starts at 02:00 on monday, when the windows of tuesday, thursday ending at the same time are already running: 04:00 on thursday to 02:00 on monday is outside every window\n  hint: start it like the others if the same window was meant',
      'SLA3103 9 00:05: this maintenance window starts 5 minutes after midnight: 00:00 to 00:05 on tuesday is outside every window\n  hint: write 00:00 if the window starts at midnight',
      'SLA3103 10 00:10: this maintenance window starts 10 minutes after midnight: 00:00 to 00:10 on thursday is outside every window\n  hint: write 00:00 if the window starts at midnight',
    ]);
  });

  it('a night that stops early on Sunday, before the seam of the week', () => {
    expect(told(windows('UTC', 'monday to saturday 22:00 to 24:00', 'sunday 22:00 to 23:00', 'monday to sunday 00:00 to 02:00'))).toEqual([
      'SLA3110 9 23:00: this maintenance window stops at 23:00 on sunday, where the windows starting at 22:00 on monday, tuesday, wednesday, thursday, friday, saturday go on: 23:00 to 24:00 on sunday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
  });

  it('a night that starts late, while the others ending at the same time are running', () => {
    expect(told(windows('UTC', 'monday, tuesday, thursday, friday 22:00 to 02:00', 'wednesday 23:00 to 02:00'))).toEqual([
      'SLA3110 9 23:00: this maintenance window starts at 23:00 on wednesday, when the windows of monday, tuesday, thursday, friday ending at the same time are already running: 02:00 to 23:00 on wednesday is outside every window\n  hint: start it like the others if the same window was meant',
    ]);
  });

  it('a window stopping at midnight stops at 24:00; a gap ending at a later midnight ends at 24:00 of the day before', () => {
    expect(told(windows('UTC', 'monday, tuesday, thursday, friday 20:00 to 02:00', 'wednesday 20:00 to 24:00'))).toEqual([
      'SLA3110 9 24:00: this maintenance window stops at 24:00 on wednesday, where the windows starting at 20:00 on monday, tuesday, thursday, friday go on: 00:00 to 20:00 on thursday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
    expect(told(windows('UTC', 'monday, tuesday, friday 20:00 to 24:00', 'wednesday 20:00 to 22:00', 'friday 00:00 to 01:00'))).toEqual([
      'SLA3110 9 22:00: this maintenance window stops at 22:00 on wednesday, where the windows starting at 20:00 on monday, tuesday, friday go on: 22:00 on wednesday to 24:00 on thursday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
  });

  it('the other days are found whatever order their lines come in, and named in weekday order', () => {
    expect(told(windows('UTC', 'friday 20:00 to 24:00', 'thursday 20:00 to 24:00', 'tuesday 20:00 to 24:00', 'monday 20:00 to 24:00', 'wednesday 20:00 to 22:00'))).toEqual([
      'SLA3110 12 22:00: this maintenance window stops at 22:00 on wednesday, where the windows starting at 20:00 on monday, tuesday, thursday, friday go on: 22:00 on wednesday to 20:00 on thursday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
  });

  it('whether the others go on is asked of the minute where this window stops: a window starting there counts, an empty one is no window', () => {
    const stops = (line: number) =>
      `SLA3110 ${line} 22:00: this maintenance window stops at 22:00 on wednesday, where the windows starting at 20:00 on monday, tuesday, thursday, friday go on: 22:00 on wednesday to 20:00 on thursday is outside every window\n  hint: end it like the others if the same window was meant`;
    expect(told(windows('UTC', 'monday, tuesday, thursday, friday 20:00 to 21:00', 'monday, tuesday, thursday, friday 22:00 to 24:00', 'wednesday 20:00 to 22:00'))).toEqual([stops(10)]);
    expect(told(weeknights('saturday 20:00 to 20:00', 'wednesday 20:00 to 22:00'))).toEqual(['SLA3105 9 20:00 to 20:00: 20:00 to 20:00 covers no time\n  hint: write 00:00 to 24:00 for a whole day', stops(10)]);
  });

  it('a window that stops at the seam, while the others go on; one whose other does not go on past the seam is not told', () => {
    // Wednesday stops at 01:00 where Monday and Tuesday go on, but Sunday's ends at 24:00: no finding for Wednesday.
    expect(told(windows('UTC', 'monday, tuesday 22:00 to 02:00', 'sunday 22:00 to 24:00', 'wednesday 22:00 to 01:00'))).toEqual([
      'SLA3110 9 24:00: this maintenance window stops at 24:00 on sunday, where the windows starting at 22:00 on monday, tuesday, wednesday go on: 00:00 to 22:00 on monday is outside every window\n  hint: end it like the others if the same window was meant',
    ]);
  });

  it('a window inside another does not hide that the other goes on', () => {
    const stops =
      'SLA3110 10 22:00: this maintenance window stops at 22:00 on wednesday, where the windows starting at 20:00 on monday, tuesday, thursday, friday go on: 22:00 on wednesday to 20:00 on thursday is outside every window\n  hint: end it like the others if the same window was meant';
    expect(told(weeknights('monday, tuesday, thursday, friday 20:30 to 21:00', 'wednesday 20:00 to 22:00'))).toEqual([
      'SLA3101 9 20:30 to 21:00: this maintenance window overlaps another from 20:30 to 21:00 on monday, tuesday, thursday, friday\n  8 20:00 to 24:00: the other window',
      stops,
    ]);
  });
});

describe('daylight-saving changes (SLA3107, SLA3108)', () => {
  const skipped = (line: number, text: string, what: string, date: string): string =>
    `SLA3107 ${line} ${text}: ${what}, a time that does not exist on ${date}: clocks in ${NY} jump from 02:00 to 03:00\n  hint: choose a time outside 02:00 to 03:00`;

  it('a window starting at the very minute the clocks jump', () => {
    expect(told(windows(NY, 'sunday 02:00 to 04:00'))).toEqual([skipped(8, '02:00', 'this maintenance window starts at 02:00 on sundays', '2026-03-08')]);
  });

  it('only on the weekday of the change', () => {
    expect(told(windows(NY, 'saturday 02:30 to 04:00'))).toEqual([]);
  });

  it('an overnight window ending in the skipped hour names the day it ends on', () => {
    expect(told(windows(NY, 'saturday 23:00 to 02:30'))).toEqual([skipped(8, '02:30', 'this maintenance window ends at 02:30 on sundays', '2026-03-08')]);
  });

  it('both ends of one window, each with its own change', () => {
    expect(told(windows(NY, 'sunday 01:30 to 02:30'))).toEqual([
      `SLA3108 8 01:30: this maintenance window starts at 01:30 on sundays, a time that happens twice on 2026-11-01: clocks in ${NY} go back from 02:00 to 01:00\n  hint: choose a time outside 01:00 to 02:00`,
      skipped(8, '02:30', 'this maintenance window ends at 02:30 on sundays', '2026-03-08'),
    ]);
  });

  it('where one window ends and the next starts, time runs on: no edge there', () => {
    expect(told(windows(NY, 'sunday 00:30 to 02:30', 'sunday 02:30 to 04:00'))).toEqual([]);
  });

  it('an empty range at the minute a window starts does not make that start a seam', () => {
    expect(told(windows(NY, 'sunday 02:30 to 04:00', 'sunday 02:30 to 02:30'))).toEqual([
      skipped(8, '02:30', 'this maintenance window starts at 02:30 on sundays', '2026-03-08'),
      'SLA3105 9 02:30 to 02:30: 02:30 to 02:30 covers no time\n  hint: write 00:00 to 24:00 for a whole day',
    ]);
  });

  it('business hours are named by their calendar', () => {
    expect(told(calendar(NY, 'public holidays of US', 'sunday 02:30 to 05:00'))).toEqual([skipped(8, '02:30', 'this range of calendar office starts at 02:30 on sundays', '2026-03-08')]);
  });

  it('without an effective date, from 2025; a pinned year before the effective one comes first', () => {
    const noEffective = [...head(NY, null), 'maintenance', '  windows', '    sunday 02:30 to 04:00', '  notice at least 48 hours before the start', '  not counted as downtime', ...causes];
    expect(told(noEffective)).toEqual([skipped(7, '02:30', 'this maintenance window starts at 02:30 on sundays', '2025-03-09')]);
    const pinned = [...calendar(NY, 'public holidays of US', 'monday to friday 09:00 to 17:00', 'pinned holidays 2024: 2024-01-01'), '', 'maintenance', '  windows', '    sunday 02:30 to 04:00', '  not counted as downtime'];
    expect(told(pinned)).toEqual([skipped(18, '02:30', 'this maintenance window starts at 02:30 on sundays', '2024-03-10')]);
  });

  it('the years looked at: the effective year and the two after it, and each pinned year', () => {
    expect(dstYears(compile(windows('UTC', 'sunday 02:00 to 04:00').join('\n'), 'w.sla').contract)).toEqual([2026, 2027, 2028]);
  });

  it('the changes of a zone in a year, to the minute, in local time', () => {
    const local = (zone: string, year: number): string[] =>
      zoneTransitions(zone, [year]).map((t) => `${t.kind} ${new Date(t.from).toISOString().slice(0, 16)} to ${new Date(t.to).toISOString().slice(11, 16)}`);
    expect(local(NY, 2026)).toEqual(['skipped 2026-03-08T02:00 to 03:00', 'repeated 2026-11-01T01:00 to 02:00']);
    expect(local('UTC', 2026)).toEqual([]);
    // Four changes in one year (Ramadan suspended summer time): each is found in its own week.
    expect(local('Africa/Casablanca', 2013)).toEqual([
      'skipped 2013-04-28T02:00 to 03:00',
      'repeated 2013-07-07T02:00 to 03:00',
      'skipped 2013-08-10T02:00 to 03:00',
      'repeated 2013-10-27T02:00 to 03:00',
    ]);
  });
});
