// Inlay hints: what a business-day target comes to in business hours, and the dates of this year's
// holidays that fall on working days, beside `public holidays of`.

import { type InlayHint, InlayHintKind, type Range } from 'vscode-languageserver/node';
import { forEachDuration } from '../../compiler/symbols';
import type { Analysis } from '../analysis';
import { businessDayHours, calendarById, workdayHolidays } from '../describe';
import { toPosition, toSpan } from '../positions';

export function inlayHints(a: Analysis, range: Range, options: { year: number }): InlayHint[] {
  const lines = a.compiled.lines;
  const want = toSpan(lines, range);
  const contract = a.compiled.contract;
  const hints: InlayHint[] = [];
  for (const s of a.compiled.ast.statements) {
    if (s.span.end < want.start || s.span.start > want.end) continue;
    forEachDuration(s, (d) => {
      const hours = businessDayHours(d, contract);
      if (hours === null || d.span.end < want.start || d.span.end > want.end) return;
      hints.push({ position: toPosition(lines, d.span.end), label: `= ${hours} ${d.calendar!.name} hours`, kind: InlayHintKind.Type, paddingLeft: true });
    });
    if (s.kind !== 'calendar') continue;
    const cal = calendarById(contract, s.id.name);
    for (const l of s.lines) {
      if (l.kind !== 'publicHolidays' || !cal || l.span.end < want.start || l.span.end > want.end) continue;
      const dates = workdayHolidays(cal, options.year);
      if (dates.length === 0) continue;
      hints.push({
        position: toPosition(lines, l.span.end),
        label: `${options.year}: ${dates.map((x) => x.slice(5)).join(', ')}`,
        tooltip: `The holidays of ${options.year} that fall on a working day of calendar ${cal.id}`,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
      });
    }
  }
  return hints;
}
