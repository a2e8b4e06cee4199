// Hover: what the thing under the cursor means once resolved. A duration on its calendar, a
// calendar's week and this year's holidays, a credit band's interval and neighbours, a declared
// name's declaration, a keyword's explanation (on `fiscal year starts` and `periods in`, the fiscal
// year ending in the editor's year); and the explanation of any diagnostic there.

import type { Hover, Position } from 'vscode-languageserver/node';
import type * as A from '../../language/ast';
import { forEachDuration, occurrencesOf, type SymbolOccurrence, symbolAt } from '../../compiler/symbols';
import type { Analysis } from '../analysis';
import { clauseByWord, WORDS } from '../clauses';
import {
  bandInterval,
  calendarById,
  calendarSummary,
  durationMeaning,
  holidaysOf,
  hoursText,
  weekdayOf,
  weeklyMinutes,
  weeklyText,
} from '../describe';
import { contains, toOffset, toRange } from '../positions';
import { explanation } from './diagnostics';
import { wordAt } from './words';
import { bandCreditText } from '../../compiler/lower-money';
import { lastDayOf, periodByKey, periodOfMonth } from '../../runtime/period-kinds';
import { formatInstant, isKnownZone } from '../../runtime/time';

export interface HoverOptions {
  /** The year whose holidays a calendar shows: the editor's clock, never the evaluator's. */
  year: number;
}

const DAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function hover(a: Analysis, position: Position, options: HoverOptions): Hover | null {
  const lines = a.compiled.lines;
  const offset = toOffset(lines, position);
  const parts: string[] = [];
  let range = null;

  const sym = symbolAt(a.symbols, offset);
  const duration = durationAt(a.compiled.ast, offset);
  const word = wordAt(a.text, offset);
  if (duration) {
    parts.push(durationMeaning(duration, a.compiled.contract));
    range = toRange(lines, duration.span);
  }
  if (sym) {
    parts.push(symbolHover(a, sym, options));
    range = toRange(lines, sym.span);
  }
  if (!sym && !duration) {
    const band = bandAt(a, offset);
    if (band) parts.push(band);
    else if (word) {
      const doc = keywordHover(a, offset, word.text, options);
      if (doc) {
        parts.push(doc);
        range = toRange(lines, word.span);
      }
    }
  }
  for (const d of a.compiled.diagnostics) {
    if (!contains(d.span, offset)) continue;
    const text = explanation(d.code);
    if (text && !parts.includes(text)) parts.push(text);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

function durationAt(ast: A.ContractFile, offset: number): A.DurationNode | null {
  let found: A.DurationNode | null = null;
  for (const s of ast.statements) {
    if (!contains(s.span, offset)) continue;
    forEachDuration(s, (d) => {
      if (contains(d.span, offset)) found = d;
    });
  }
  return found;
}

function fence(text: string): string {
  return `\`\`\`slac\n${text}\n\`\`\``;
}

function symbolHover(a: Analysis, sym: SymbolOccurrence, options: HoverOptions): string {
  const all = occurrencesOf(a.symbols, sym.kind, sym.name);
  const decl = all.find((o) => o.declaration);
  const uses = all.filter((o) => !o.declaration).length;
  const lines = a.compiled.lines;
  const out: string[] = [];
  if (!decl) {
    out.push(`${sym.kind} **${sym.name}**: not declared in this file`);
    return out.join('\n\n');
  }
  const declLine = lines.position(decl.span.start).line;
  out.push(fence(lines.lineText(declLine).trim()));
  out.push(`${sym.kind} **${sym.name}**${decl.detail ? `: ${decl.detail}` : ''} (line ${declLine}; ${uses} use${uses === 1 ? '' : 's'})`);
  if (sym.kind === 'calendar') {
    const cal = calendarById(a.compiled.contract, sym.name);
    if (cal) {
      out.push(`${weeklyText(cal.weekly, cal.allDay)}, ${cal.zone ?? a.compiled.contract.timeZone}: ${hoursText(weeklyMinutes(cal.weekly, cal.allDay))} a week`);
      out.push(calendarSummary(cal, a.compiled.contract.timeZone));
      const holidays = holidaysOf(cal, options.year);
      out.push(
        holidays.length
          ? `Holidays in ${options.year}${cal.pinned.some((p) => p.year === options.year) ? ' (pinned)' : ''}: ${holidays.map((d) => `${d} ${DAY[weekdayOf(d)]}`).join(', ')}`
          : `No holidays in ${options.year}`,
      );
    }
  }
  if (sym.kind === 'severity') {
    const sev = a.compiled.contract.severities.find((s) => s.id === sym.name);
    if (sev) out.push(`rank ${sev.rank + 1} of ${a.compiled.contract.severities.length} (most severe first)${sev.aliases.length ? `; records may also say ${sev.aliases.join(', ')}` : ''}`);
  }
  if (sym.kind === 'plan' && a.compiled.contract.plansOrdered) {
    const plan = a.compiled.contract.plans.find((p) => p.id === sym.name);
    if (plan) out.push(`rank ${plan.rank + 1} of ${a.compiled.contract.plans.length} (lowest first)`);
  }
  return out.join('\n\n');
}

function bandAt(a: Analysis, offset: number): string | null {
  const credits = a.compiled.contract.credits;
  if (!credits) return null;
  const band = credits.bands.find((b) => contains(b.span, offset));
  if (!band) return null;
  // Highest availability first, as the tables read.
  const sorted = [...credits.bands].sort((x, y) => Number(y.lower?.value ?? 0) - Number(x.lower?.value ?? 0));
  const i = sorted.indexOf(band);
  const currency = a.compiled.contract.currency;
  const of = band.unit === 'amount' ? '' : ` of ${credits.basis ?? 'the basis'}`;
  const out = [`Credit band ${bandInterval(band)}: ${bandCreditText(band, currency)}${of}${credits.cap !== null ? ` (capped at ${credits.cap}%)` : ''}`];
  const target = a.compiled.contract.availability?.target;
  if (target) out.push(`Availability target: ${target}%`);
  if (sorted[i - 1]) out.push(`Above it: ${bandInterval(sorted[i - 1])} -> ${bandCreditText(sorted[i - 1], currency)}`);
  if (sorted[i + 1]) out.push(`Below it: ${bandInterval(sorted[i + 1])} -> ${bandCreditText(sorted[i + 1], currency)}`);
  return out.join('\n\n');
}

/**
 * The fiscal year that ends in the editor's year, as this contract's periods make it: its start
 * and end (in the zone periods begin in) and its quarters' keys and months.
 */
function fiscalYearText(a: Analysis, year: number): string | null {
  const c = a.compiled.contract;
  const cal = { zone: c.periodZone?.zone ?? c.timeZone, fiscalYearStart: c.fiscalYearStart?.month ?? 1 };
  if (!c.fiscalYearStart || !isKnownZone(cal.zone)) return null;
  const fy = periodByKey(`FY${year}`, cal);
  if (!fy) return null;
  const month = (n: number): string => MONTH[n % 12];
  const quarters = [0, 1, 2, 3].map((q) => {
    const p = periodOfMonth(fy.first + 3 * q, 'fiscal-quarter', cal);
    return `${p.key} ${month(p.first)}-${month(p.first + 2)}`;
  });
  return `FY${year}: ${formatInstant(fy.start, cal.zone).slice(0, 10)} to ${lastDayOf(fy)}, from midnight in ${cal.zone}; ${quarters.join(', ')}`;
}

const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function keywordHover(a: Analysis, offset: number, word: string, options: HoverOptions): string | null {
  const w = word.toLowerCase();
  // A reserved word opens its clause only at the start of a line.
  const lines = a.compiled.lines;
  const line = lines.position(offset).line;
  const first = /^\s*([A-Za-z]+)/.exec(lines.lineText(line))?.[1]?.toLowerCase();
  const clause = first === w ? clauseByWord(w) : undefined;
  if (clause) {
    const periods = clause.kind === 'fiscalYear' || clause.kind === 'periods' ? fiscalYearText(a, options.year) : null;
    return `**${clause.keyword}**: ${clause.explain}\n\n${fence(clause.example)}${periods ? `\n\n${periods}` : ''}`;
  }
  const doc = WORDS[w];
  return doc ? `**${w}**: ${doc.explain}\n\n${fence(doc.example)}` : null;
}
