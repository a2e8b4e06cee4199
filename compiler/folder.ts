// The rules of a contract folder: the .sla files directly in one folder are the versions of one
// contract, so they share its name and time zone and each takes effect on a date of its own.
// A pure function of the compiled files, so `check`, `evaluate` and an editor report the same.

import type { Statement } from '../language/ast';
import { DIAGNOSTICS, type Diagnostic, type DiagnosticDef, diagnostic } from '../language/diagnostics';
import type { Span } from '../language/span';
import type { Compiled } from './compile';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One value a version states (its name, zone or effective date) and where it says it. */
interface Stated {
  file: string;
  value: string;
  span: Span;
}

function statement<K extends Statement['kind']>(c: Compiled, kind: K): Extract<Statement, { kind: K }> | undefined {
  return c.ast.statements.find((s): s is Extract<Statement, { kind: K }> => s.kind === kind);
}

/** Where a file without an `effective` line is marked: its first line, as SLA2010 does. */
function firstLine(c: Compiled): Span {
  const s = c.ast.statements[0];
  return s ? { start: s.span.start, end: s.span.start } : { start: 0, end: 0 };
}

/**
 * The findings of the folder rules for the compiled files of one folder, keyed by file (only files
 * with a finding). Each finding sits on the line of its own file and relates the other files' lines.
 */
export function checkFolder(files: readonly Compiled[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  // Stryker disable next-line ConditionalExpression: one file differs from no other; a way out early
  if (files.length < 2) return out;
  const add = (file: string, d: Diagnostic): void => {
    const list = out.get(file);
    if (list) list.push(d);
    else out.set(file, [d]);
  };

  const names: Stated[] = [];
  const zones: Stated[] = [];
  // Stryker disable next-line ArrayDeclaration: a stray item has no value, so no version shares its date
  const dates: Stated[] = [];
  const periods: Stated[] = [];
  for (const c of files) {
    const name = statement(c, 'contract');
    if (name) names.push({ file: c.file, value: name.name.value, span: name.name.span });
    // A zone that is missing or unknown is an error of its own file (SLA2004, SLA2005), not a mismatch.
    const zone = statement(c, 'timeZone');
    if (zone && zone.zone.value === c.contract.timeZone) zones.push({ file: c.file, value: zone.zone.value, span: zone.zone.span });
    // Where periods begin: one for all versions, or a month of one version would not be a month of another.
    const pz = statement(c, 'periods');
    const fy = statement(c, 'fiscalYear');
    const zoneText = c.contract.periodZone ? `periods in ${c.contract.periodZone.zone}` : "periods in the contract's zone";
    const fiscal = c.contract.fiscalYearStart ? `fiscal years from ${MONTHS[c.contract.fiscalYearStart.month - 1]}` : 'no fiscal year';
    periods.push({ file: c.file, value: `${zoneText}, ${fiscal}`, span: pz?.zone.span ?? fy?.month.span ?? firstLine(c) });
    const effective = statement(c, 'effective');
    dates.push({ file: c.file, value: c.contract.effective ?? 'unspecified', span: effective?.span ?? firstLine(c) });
  }

  const differ = (def: DiagnosticDef, stated: Stated[], what: (mine: Stated, others: Stated[]) => string): void => {
    if (new Set(stated.map((s) => s.value)).size < 2) return;
    for (const mine of stated) {
      const others = stated.filter((s) => s.value !== mine.value);
      add(mine.file, diagnostic(def, mine.span, what(mine, others), {
        related: others.map((o) => ({ file: o.file, span: o.span, message: `this version names ${o.value}` })),
      }));
    }
  };
  differ(DIAGNOSTICS.differentContracts, names.map((n) => ({ ...n, value: JSON.stringify(n.value) })), (mine, others) =>
    `this folder holds the versions of one contract, but this one is ${mine.value} and ${others.length === 1 ? 'another is' : 'others are'} ${[...new Set(others.map((o) => o.value))].join(', ')}`);
  differ(DIAGNOSTICS.differentTimeZones, zones, (mine, others) =>
    `the versions of one contract share one time zone, but this one names ${mine.value} and ${others.length === 1 ? 'another' : 'others'} ${[...new Set(others.map((o) => o.value))].join(', ')}`);

  differ(DIAGNOSTICS.differentPeriods, periods, (mine, others) =>
    `the versions of one contract begin their periods alike, but this one has ${mine.value}, and ${others.length === 1 ? 'another' : 'others'} ${[...new Set(others.map((o) => o.value))].join('; ')}`);

  for (const mine of dates) {
    const same = dates.filter((d) => d !== mine && d.value === mine.value);
    if (same.length === 0) continue;
    const when = mine.value === 'unspecified' ? 'from the beginning of time (effective unspecified)' : `on ${mine.value}`;
    add(mine.file, diagnostic(DIAGNOSTICS.sameEffectiveDate, mine.span, `${same.length === 1 ? 'another version takes' : `${same.length} other versions take`} effect ${when} too: which one is in force cannot be decided`, {
      related: same.map((o) => ({ file: o.file, span: o.span, message: `also in force ${when}` })),
    }));
  }
  for (const list of out.values()) list.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return out;
}
