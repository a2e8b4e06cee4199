// Checks of calendars and holidays: the country code, pinned years against what date-holidays
// returns now (drift after a law or library change), and the contract's own holiday edits (twice,
// contradicted, before the contract takes effect, on a day the calendar is closed anyway).
// date-holidays is consulted only for calendars that name a country (see compiler/holidays.ts).

import type { Calendar } from '../ir';
import { CHECKS } from './codes';
import { isKnownCountry, libraryHolidays, libraryVersion } from '../holidays';
import type { Check } from './context';
import { holidayDateAt } from './source';

/** Dates listed in a message before "and N more". */
const LISTED_DATES = 6;

function listDates(dates: string[]): string {
  return dates.slice(0, LISTED_DATES).join(', ') + (dates.length > LISTED_DATES ? ` and ${dates.length - LISTED_DATES} more` : '');
}

const knownCountries = new Map<string, boolean>();

/** The calendar's country when date-holidays knows it, else null. */
function knownCountry(cal: Calendar): string | null {
  const code = cal.holidayCountry;
  if (code === null) return null;
  // Stryker disable next-line ConditionalExpression: the cache only saves time
  if (!knownCountries.has(code)) knownCountries.set(code, isKnownCountry(code));
  return knownCountries.get(code) ? code : null;
}

/** The public holidays of the calendar in `year` before the contract's own edits: pinned, else the library's. */
function baseHolidays(cal: Calendar, year: number): string[] {
  const pinned = cal.pinned.find((p) => p.year === year);
  if (pinned) return pinned.dates;
  const country = knownCountry(cal);
  // Stryker disable next-line ArrayDeclaration: no date is found in a list of none or of a word
  return country ? libraryHolidays(country, year, cal.holidayTypes) : [];
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

const unknownCountry: Check = (ctx) => {
  for (const cal of ctx.contract.calendars) {
    if (!cal.holidayCountrySpan || knownCountry(cal)) continue; // a country is always lowered with its span
    ctx.report.report(CHECKS.unknownCountry, cal.holidayCountrySpan, `date-holidays knows no country "${cal.holidayCountry}": calendar ${cal.id} would have no public holidays`, {
      hint: 'use an ISO 3166 code such as CO, US or US-NY',
    });
  }
};

const holidaysNotPinned: Check = (ctx) => {
  for (const cal of ctx.contract.calendars) {
    if (!cal.holidayCountrySpan || cal.pinned.length > 0 || !knownCountry(cal)) continue;
    ctx.report.report(CHECKS.holidaysNotPinned, cal.holidayCountrySpan, `the public holidays of ${cal.holidayCountry} are not pinned for any year: a date-holidays upgrade could change past verdicts`, {
      hint: `\`slac holidays ${cal.holidayCountry} ${ctx.contract.effective?.slice(0, 4) ?? '<year>'}\` prints a ready \`pinned holidays\` line for each year in use`,
    });
  }
};

const pinnedOutsideYear: Check = (ctx) => {
  for (const cal of ctx.contract.calendars) {
    for (const p of cal.pinned) {
      const strays = p.dates.filter((d) => yearOf(d) !== p.year);
      if (strays.length === 0) continue;
      ctx.report.report(CHECKS.pinnedOutsideYear, p.span, `pinned holidays ${p.year} lists ${listDates(strays)}, outside ${p.year}: never used`);
    }
  }
};

const holidayDrift: Check = (ctx) => {
  for (const cal of ctx.contract.calendars) {
    const country = knownCountry(cal);
    if (!country) continue;
    for (const p of cal.pinned) {
      const library = libraryHolidays(country, p.year, cal.holidayTypes);
      const pinned = new Set(p.dates.filter((d) => yearOf(d) === p.year));
      const onlyLibrary = library.filter((d) => !pinned.has(d));
      const onlyPinned = [...pinned].filter((d) => !library.includes(d));
      if (onlyLibrary.length === 0 && onlyPinned.length === 0) continue;
      const parts: string[] = [];
      if (onlyLibrary.length) parts.push(`date-holidays has ${listDates(onlyLibrary)}, not pinned`);
      if (onlyPinned.length) parts.push(`the pin has ${listDates(onlyPinned)}, which date-holidays does not`);
      ctx.report.report(CHECKS.holidayDrift, p.span, `the holidays pinned for ${p.year} differ from date-holidays ${libraryVersion()} for ${country}: ${parts.join('; ')}`, {
        hint: 'verdicts keep using the pinned dates; update the pin if the law changed',
      });
    }
  }
};

const holidayEdits: Check = (ctx) => {
  for (const cal of ctx.contract.calendars) {
    const addedAt = new Map<string, (typeof cal.added)[number]>();
    for (const a of cal.added) {
      const first = addedAt.get(a.date);
      if (first) {
        ctx.report.report(CHECKS.holidayAddedTwice, a.span, `${a.date} is added as a holiday twice`, { related: [{ span: first.span, message: 'first added here' }] });
        continue;
      }
      addedAt.set(a.date, a);
      if (baseHolidays(cal, yearOf(a.date)).includes(a.date)) {
        const pinned = cal.pinned.find((p) => p.year === yearOf(a.date));
        ctx.report.report(CHECKS.holidayAddedTwice, a.span, `${a.date} is already a public holiday of calendar ${cal.id} (${pinned ? 'pinned' : `date-holidays, ${cal.holidayCountry}`})`, {
          related: pinned ? [{ span: pinned.span, message: 'pinned here' }] : [],
        });
      }
    }
    for (const r of cal.removed) {
      const added = addedAt.get(r.date);
      if (added) {
        ctx.report.report(CHECKS.holidayAddedAndRemoved, r.span, `${r.date} is both added as a holiday and removed`, { related: [{ span: added.span, message: 'added here' }] });
        continue;
      }
      if (!baseHolidays(cal, yearOf(r.date)).includes(r.date)) {
        ctx.report.report(CHECKS.holidayRemovedAbsent, r.span, `${r.date} is not a holiday of calendar ${cal.id}, so removing it changes nothing`, {
          hint: 'check the date',
        });
      }
    }
  }
};

/** ISO weekday (1 = Monday) of a local date 'YYYY-MM-DD'. */
function weekdayOf(date: string): number {
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Whether the calendar has business time on some day of the week: a range on it, or one running into it. */
function openOn(cal: Calendar, weekday: number): boolean {
  // Stryker disable next-line ConditionalExpression: a 24x7 calendar keeps its ranges, which cover every day anyway
  if (cal.allDay) return true;
  const previous = ((weekday + 5) % 7) + 1;
  return (
    cal.weekly.some((r) => (r.day === weekday && (r.crossesMidnight || r.to > r.from)) || (r.day === previous && r.crossesMidnight && r.to > 0)) ||
    // A range over several days (its ends in other zones, up to a day off) is open on every day it touches.
    // Stryker disable next-line ArrayDeclaration: a word in place of a range touches no day
    (cal.spans ?? []).some((sp) => {
      const days = (sp.toDay - sp.fromDay + 7) % 7 || 7;
      for (let k = -1; k <= days + 1; k++) if (((sp.fromDay - 1 + k + 7) % 7) + 1 === weekday) return true;
      return false;
    })
  );
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Added holidays that remove nothing: before the contract takes effect, or on a closed day. */
const holidaysWithoutEffect: Check = (ctx) => {
  const effective = ctx.contract.effective;
  for (const cal of ctx.contract.calendars) {
    const hasHours = cal.allDay || cal.weekly.some((r) => r.crossesMidnight || r.to > r.from) || (cal.spans ?? []).length > 0;
    for (const a of cal.added) {
      const span = holidayDateAt(ctx.ast, a.span.start) ?? a.span;
      // Stryker disable next-line ConditionalExpression: no date is before a missing effective date
      if (effective !== null && a.date < effective) {
        ctx.report.report(CHECKS.holidayBeforeEffective, span, `${a.date} is before the contract takes effect (${effective}): this holiday is never used`, {
          hint: 'check the year',
        });
        continue;
      }
      const weekday = weekdayOf(a.date);
      if (hasHours && !openOn(cal, weekday)) {
        ctx.report.report(CHECKS.holidayOnClosedDay, span, `${a.date} is a ${DAY_NAMES[weekday - 1]}, when calendar ${cal.id} has no business hours: this holiday removes nothing`, {
          hint: 'check the date',
        });
      }
    }
  }
};

export const calendarChecks: readonly Check[] = [unknownCountry, holidaysNotPinned, pinnedOutsideYear, holidayDrift, holidayEdits, holidaysWithoutEffect];
