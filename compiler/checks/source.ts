// Finds the syntax node a piece of the IR was lowered from (its line, by the offset the line
// starts at), so that findings can point at a cell or a time rather than the whole line. Indexed
// once per file: a check that searched the tree for every range or band would be quadratic.

import type * as A from '../../language/ast';
import type { Span } from '../../language/span';

interface SourceIndex {
  hours: Map<number, A.HoursLine>;
  creditRows: Map<number, A.TableRow>;
  holidayDates: Map<number, A.NumberText>;
}

const indexes = new WeakMap<A.ContractFile, SourceIndex>();

function indexOf(ast: A.ContractFile): SourceIndex {
  let index = indexes.get(ast);
  // Stryker disable next-line ConditionalExpression: the index only saves time
  if (index) return index;
  index = { hours: new Map(), creditRows: new Map(), holidayDates: new Map() };
  for (const s of ast.statements) {
    if (s.kind === 'calendar') {
      for (const l of s.lines) {
        // Lines are looked up by where they start, and each kind only by the ranges or holidays lowered
        // from it: a line of another kind in a map is never asked for.
        // Stryker disable next-line ConditionalExpression
        if (l.kind === 'hours') index.hours.set(l.span.start, l);
        // Stryker disable next-line ConditionalExpression
        if (l.kind === 'addHoliday') index.holidayDates.set(l.span.start, l.date);
      }
    }
    // Stryker disable next-line ConditionalExpression: as above
    if (s.kind === 'maintenance') for (const l of s.items) if (l.kind === 'hours') index.hours.set(l.span.start, l);
    if (s.kind === 'credits') for (const item of s.items) if (item.kind === 'table') for (const row of item.rows) index.creditRows.set(row.span.start, row);
  }
  indexes.set(ast, index);
  return index;
}

/** The `monday to friday 08:00 to 18:00` line starting at `start` (a weekly range's span start). */
export function hoursLineAt(ast: A.ContractFile, start: number): A.HoursLine | undefined {
  return indexOf(ast).hours.get(start);
}

/** The credit table row starting at `start` (a credit band's span start). */
export function creditRowAt(ast: A.ContractFile, start: number): A.TableRow | undefined {
  return indexOf(ast).creditRows.get(start);
}

/** Where the date of the `holiday D` line starting at `start` is written. */
export function holidayDateAt(ast: A.ContractFile, start: number): Span | undefined {
  // Stryker disable next-line OptionalChaining: asked only for added holidays, each indexed
  return indexOf(ast).holidayDates.get(start)?.span;
}
