// The credit statement: the credits in money of a report's periods, a row per service and month,
// with totals per service and per calendar year, as finance reads them (text and markdown).

import Decimal from 'decimal.js';
import type { PeriodVerdict } from '../../runtime/periods';
import type { MoneyCredit } from '../../runtime/money';

export interface StatementRow {
  period: string;
  service: string;
  /** The band or formula that applied, and its clause (file:line). */
  rule: string | null;
  clause: string;
  money: MoneyCredit;
}

export interface StatementTotal {
  /** The service, or the year (YYYY) of a yearly total. */
  label: string;
  currency: string;
  credits: string;
  payable: string;
}

function sum(xs: (string | null)[], digits: number): string {
  return xs.reduce((t, x) => (x === null ? t : t.plus(x)), new Decimal(0)).toFixed(digits);
}

function digitsOf(rows: StatementRow[]): number {
  const sample = rows.map((r) => r.money.charge ?? r.money.capped ?? r.money.amount).find((x): x is string => x !== null);
  return sample?.includes('.') ? sample.length - sample.indexOf('.') - 1 : sample ? 0 : 2;
}

/** The rows of the statement (periods with a credit in money) and the totals per service, then per year. */
export function creditStatement(periods: Iterable<PeriodVerdict>): { rows: StatementRow[]; byService: StatementTotal[]; byYear: StatementTotal[] } | null {
  const rows: StatementRow[] = [];
  for (const p of periods) {
    const money = p.credit?.money;
    if (money) rows.push({ period: p.period, service: p.part ? `${p.service}/${p.part}` : (p.service ?? 'default'), rule: p.credit!.rule, clause: p.credit!.clause, money });
  }
  if (rows.length === 0) return null;
  const digits = digitsOf(rows);
  const currency = rows[0].money.currency;
  const group = (key: (r: StatementRow) => string): StatementTotal[] => {
    const m = new Map<string, StatementRow[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return [...m].map(([label, rs]) => ({
      label,
      currency,
      credits: sum(rs.map((r) => r.money.capped), digits),
      payable: sum(rs.map((r) => r.money.payable), digits),
    }));
  };
  return { rows, byService: group((r) => r.service), byYear: group((r) => r.period.slice(0, 4)) };
}

/** `100.00 EUR`, or a dash when unknown. */
export function amountText(x: string | null, currency: string): string {
  return x === null ? '-' : currency ? `${x} ${currency}` : x;
}
