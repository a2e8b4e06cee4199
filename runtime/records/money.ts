// Money records (invoice, claim, report), checked after the schema: calendar-valid dates, the
// service or group the contract declares, the contract's currency, and amounts in its minor unit.
// Stateless like the rest of validation: a currency that differs from an earlier invoice's (a
// contract that states none) is the session's concern (runtime/money.ts).

import type { Contract } from '../../compiler/ir';
import { minorUnitOf } from '../../compiler/lower-money';
import { known, nameIndex } from './names';
import type { MoneyRecord, Rejected } from './record';
import { quote } from './values';

function reject(line: number, r: Record<string, unknown>, message: string): Rejected {
  // Stryker disable next-line ConditionalExpression,ObjectLiteral: a money record is rejected here only after the schema, which requires a string "id"
  return typeof r.id === 'string' ? { line, id: r.id, message } : { line, message };
}

/** Null when `text` (YYYY-MM-DD, already matched by the schema) is a date that exists, else why not. */
export function badDate(field: string, text: string): string | null {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]! ? null : `field "${field}": ${text} is not a date that exists`;
}

function serviceOf(r: Record<string, unknown>, contract: Contract): string | null | { error: string } {
  const text = r.service as string | null | undefined;
  const ix = nameIndex(contract);
  if (text === undefined || text === null) {
    // An invoice or claim of the contract as a whole: for a credit that counts every service's incidents.
    // Stryker disable next-line ConditionalExpression: without several services the next line returns null as well
    if (ix.serviceRequired && contract.credits?.missedTargets) return null;
    return ix.serviceRequired ? { error: `missing field "service" (the contract declares several services: ${ix.serviceList})` } : null;
  }
  const id = ix.services.resolve(text);
  if (id === undefined || id.includes('/')) {
    return { error: `unknown service ${quote(text)} ${known(ix.serviceList, 'services')}${id?.includes('/') ? '; an invoice or claim names a service, not a part' : ''}` };
  }
  return id === 'default' ? null : id;
}

export function validateMoneyRecord(r: Record<string, unknown>, type: 'invoice' | 'claim' | 'report' | 'termination', line: number, contract: Contract): MoneyRecord | Rejected {
  const dates = type === 'invoice' ? ['issued', 'paid'] : type === 'termination' ? ['date'] : ['submitted'];
  for (const f of dates) {
    const v = r[f];
    if (typeof v === 'string') {
      const bad = badDate(f, v);
      if (bad) return reject(line, r, bad);
    }
  }
  const id = r.id as string;
  const period = r.period as string;
  if (type === 'termination') return { type, id: r.id as string, date: r.date as string, line };
  if (type === 'report') return { type, id, period, submitted: r.submitted as string, line };
  // Only an invoice may be of a group; a claim's `group` is an unknown field, warned about and ignored.
  const group = type === 'invoice' ? ((r.group ?? null) as string | null) : null;
  if (group !== null && r.service !== undefined && r.service !== null) return reject(line, r, 'give "service" or "group", not both');
  let service: string | null = null;
  let groupId: string | null = null;
  if (group !== null) {
    const groups = [...new Set((contract.services ?? []).map((s) => s.group).filter((g): g is string => g !== null))];
    groupId = groups.find((g) => g.toLowerCase() === group.toLowerCase()) ?? null;
    if (groupId === null) return reject(line, r, `unknown group ${quote(group)} (${groups.length ? `declared: ${groups.join(', ')}` : 'the contract declares no groups'})`);
  } else {
    const s = serviceOf(r, contract);
    if (s !== null && typeof s === 'object') return reject(line, r, s.error);
    service = s;
  }
  if (type === 'claim') return { type, id, period, service, submitted: r.submitted as string, line };
  const currency = (r.currency as string).toUpperCase();
  const minor = minorUnitOf(currency);
  if (minor === null) return reject(line, r, `field "currency": ${quote(r.currency)} is not an ISO 4217 currency code`);
  const stated = contract.currency;
  if (stated && stated.code !== currency) {
    return reject(line, r, `the invoice is in ${currency}, the contract's currency is ${stated.code}: slac converts no currencies`);
  }
  const amount = r.amount as string;
  const decimals = amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0;
  if (decimals > minor) return reject(line, r, `field "amount": ${amount} has ${decimals} decimals, ${currency} has ${minor === 0 ? 'no minor unit' : `${minor}`}`);
  return { type, id, period, service, group: groupId, amount, currency, issued: r.issued as string, paid: (r.paid ?? null) as string | null, line };
}
