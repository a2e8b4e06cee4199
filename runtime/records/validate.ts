// One record: a parsed line checked against the schema, the timestamp rules (calendar-valid, with
// an offset, in time order) and the names declared by the contract in force. Stateless and pure,
// so lines can be checked on any thread; duplicate ids are the reader's concern (see id-index.ts).

import type { Contract } from '../../compiler/ir';
import { formatInstant } from '../time';
import { unknownFields } from './fields';
import type { RecordLine } from './lines';
import { known, nameIndex, type NameIndex } from './names';
import { type IncidentRecord, type InputRecord, isRejected, type RecordWarning, type Rejected } from './record';
import { supportFields } from './support';
import { schemaMessage, VALIDATORS } from './schema';
import { explainTimestamp, inSupportedRange, parseTimestamp } from './timestamp';
import { describeValue, quote } from './values';
import { validateMoneyRecord } from './money';

/**
 * Picks the contract (version) a record is validated against. `at` is the record's own instant,
 * already parsed: `opened` for an incident, `start` for outage and maintenance, in epoch ms. It is
 * null when that field is missing or not a valid timestamp; such a record is rejected whatever the
 * contract, so returning any version (e.g. the newest) is fine. `raw` is the parsed JSON object
 * (not yet validated; read it, do not keep it).
 */
export type ContractFor = (at: number | null, raw: Readonly<Record<string, unknown>>, line: number) => Contract;

const TYPES = 'expected "incident", "outage", "maintenance", "requests", "setup", "invoice", "claim", "report" or "termination"';
const MONEY_TYPES = new Set(['invoice', 'claim', 'report', 'termination']);

function reject(line: number, raw: Record<string, unknown>, message: string): Rejected {
  const id = raw.id;
  return typeof id === 'string' ? { line, id, message } : { line, message };
}

/** Reads a timestamp field that passed the schema (string, or null/absent when optional). */
function instant(raw: Record<string, unknown>, field: string, out: { error: string | null }): number | null {
  const v = raw[field];
  if (v === undefined || v === null) return null;
  const t = parseTimestamp(v as string);
  if (!inSupportedRange(t) && out.error === null) out.error = `field "${field}": ${explainTimestamp(v as string)}`;
  return t;
}

/** Why `field` may not come before `ref`, with both instants in the contract's zone, as reports show them. */
function notBefore(raw: Record<string, unknown>, field: string, t: number | null, ref: string, refT: number, zone: string): string | null {
  return t !== null && t < refT
    ? `"${field}" (${raw[field] as string}) is before "${ref}" (${raw[ref] as string}); ${formatInstant(t, zone)} < ${formatInstant(refT, zone)}`
    : null;
}

/** The instant that places a record in time (incident `opened`, otherwise `start`), or null when absent, invalid or out of range. */
export function recordInstant(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const v = r.type === 'incident' ? r.opened : r.type === 'setup' ? r.from : r.start;
  if (typeof v !== 'string') return null;
  const t = parseTimestamp(v);
  return inSupportedRange(t) ? t : null;
}

export interface ValidateOptions {
  /** Receives one warning per field the schema does not know (on a record of a known type, judged or rejected). */
  warnings?: RecordWarning[];
  /** Fields the schema does not know reject the record (`--strict`) instead of being reported. */
  strict?: boolean;
}

/** Reports or rejects the fields of `r` that a record of its type does not have; the rejection, or null. */
function checkFields(r: Record<string, unknown>, type: InputRecord['type'], line: number, options: ValidateOptions): Rejected | null {
  const unknown = unknownFields(r, type);
  if (unknown.length === 0) return null;
  if (options.strict) {
    const each = unknown.map((u) => `unknown field ${u.shown} (${u.hint})`);
    return reject(line, r, `${each.join('; ')}; --strict rejects fields the schema does not know`);
  }
  const id = typeof r.id === 'string' ? r.id : undefined;
  for (const u of unknown) {
    const message = `unknown field ${u.shown} is ignored (${u.hint})`;
    options.warnings!.push(id === undefined ? { line, field: u.field, message } : { line, id, field: u.field, message });
  }
  return null;
}

/**
 * The services a record names (`service` or `services`), as the contract declares them; null when
 * it names none (allowed for incidents, and for outages and maintenance of a contract with one
 * service or none); a string when the record is to be rejected, saying why.
 */
function servicesOf(r: Record<string, unknown>, ix: NameIndex, required: boolean): string[] | null | string {
  const one = r.service as string | null | undefined;
  const many = r.services as string[] | undefined;
  if (one !== undefined && one !== null && many !== undefined) return 'give "service" or "services", not both';
  const named = many ?? (one === undefined || one === null ? null : [one]);
  if (named === null) {
    return required ? `missing field "service" (the contract declares several services: ${ix.serviceList}; "services" names several)` : null;
  }
  const out: string[] = [];
  for (const n of named) {
    const id = ix.services.resolve(n);
    if (id === undefined) return `unknown service ${quote(n)} ${known(ix.serviceList, 'services')}`;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Validates one parsed record against the schema, timestamp rules and the names `contract` declares.
 * Stateless: duplicate ids are the reader's concern (readRecords). Copies known fields into a fresh
 * object, so unknown keys (including `__proto__`) can pollute nothing; they are reported through
 * `options` (a warning each, or the rejection of the record with `strict`), never dropped silently.
 * Names match the contract's ignoring case and come out as the contract declares them.
 */
export function validateRecord(raw: unknown, line: number, contract: Contract, options: ValidateOptions = {}): InputRecord | Rejected {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { line, message: `record must be a JSON object, got ${describeValue(raw)}` };
  }
  const r = raw as Record<string, unknown>;
  const given = r.type;
  if (given === undefined) return reject(line, r, `missing required field "type" (${TYPES})`);
  if (given !== 'incident' && given !== 'outage' && given !== 'maintenance' && given !== 'requests' && given !== 'setup' && !MONEY_TYPES.has(given as string)) {
    const shown = typeof given === 'string' ? quote(given) : describeValue(given);
    return reject(line, r, `unknown record type ${shown} in field "type" (${TYPES})`);
  }
  const type = given as InputRecord['type'];
  if (options.warnings !== undefined || options.strict) {
    const rejected = checkFields(r, type, line, options);
    if (rejected !== null) return rejected;
  }
  const validate = VALIDATORS[type];
  if (!validate(r)) return reject(line, r, schemaMessage(validate.errors![0]!, r));

  if (type === 'invoice' || type === 'claim' || type === 'report' || type === 'termination') return validateMoneyRecord(r, type, line, contract);
  const err = { error: null as string | null };
  const zone = contract.timeZone;
  if (type === 'incident') {
    const opened = instant(r, 'opened', err) as number;
    const responded = instant(r, 'responded', err);
    const restored = instant(r, 'restored', err);
    const resolved = instant(r, 'resolved', err);
    if (err.error !== null) return reject(line, r, err.error);
    const order =
      notBefore(r, 'responded', responded, 'opened', opened, zone) ??
      notBefore(r, 'restored', restored, 'opened', opened, zone) ??
      notBefore(r, 'resolved', resolved, 'opened', opened, zone);
    if (order !== null) return reject(line, r, order);

    const ix = nameIndex(contract);
    const planText = r.plan as string | null | undefined;
    let plan: string | undefined;
    if (planText === undefined || planText === null) {
      if (ix.defaultPlan === null) {
        return reject(line, r, `missing field "plan" (the contract declares several plans: ${ix.planList})`);
      }
      plan = ix.defaultPlan;
    } else if ((plan = ix.plans.resolve(planText)) === undefined) {
      return reject(line, r, `unknown plan ${quote(planText)} ${known(ix.planList, 'plans')}`);
    }
    // A string or a number (the schema allows no other): a number is read as the alias it spells.
    const sevText = String(r.severity);
    const severity = ix.severities.resolve(sevText);
    if (severity === undefined) {
      return reject(line, r, `unknown severity ${quote(r.severity)} ${known(ix.severityList, 'severities')}`);
    }
    const categoryText = (r.category ?? null) as string | null;
    const category = categoryText === null ? null : ix.categories.resolve(categoryText);
    if (category === undefined) {
      return reject(line, r, `unknown category ${quote(categoryText)} ${known(ix.categoryList, 'categories')}`);
    }
    const cause = ix.causes.resolve(r.cause as string);
    if (cause === undefined) return reject(line, r, `unknown cause ${quote(r.cause)} ${known(ix.causeList, 'causes')}`);
    // Channel names are not checked against the rule: a report through an undeclared channel is a
    // fact the evaluator judges (excluded when the rule excludes others), not a malformed record.
    const channelText = (r.channel ?? null) as string | null;
    if (channelText === null && ix.channelRequired) {
      return reject(line, r, `missing field "channel" (the contract has a channel rule: ${ix.channelList})`);
    }
    const channel = channelText === null ? null : (ix.channels.resolve(channelText) ?? channelText);
    const services = servicesOf(r, ix, false);
    if (typeof services === 'string') return reject(line, r, services);
    const rec: IncidentRecord = {
      type: 'incident', id: r.id as string, plan, severity, category, opened, responded, restored, resolved,
      cause, channel, ...(services && { services }), line,
    };
    const support = supportFields(r, rec, contract);
    return support === null ? rec : reject(line, r, support);
  }

  if (type === 'setup') {
    const from = instant(r, 'from', err) as number;
    const to = instant(r, 'to', err);
    if (err.error !== null) return reject(line, r, err.error);
    const order = notBefore(r, 'to', to, 'from', from, zone);
    if (order !== null) return reject(line, r, order);
    const ix = nameIndex(contract);
    const setup = ix.setups.resolve(r.setup as string);
    if (setup === undefined) return reject(line, r, `unknown setup ${quote(r.setup)} ${known(ix.setupList, 'setups')}`);
    const services = servicesOf(r, ix, ix.serviceRequired);
    if (typeof services === 'string') return reject(line, r, services);
    return { type: 'setup', id: typeof r.id === 'string' ? r.id : '', setup, from, to, ...(services && { services }), line };
  }
  const start = instant(r, 'start', err) as number;
  const end = instant(r, 'end', err) as number;
  if (type === 'outage') {
    if (err.error !== null) return reject(line, r, err.error);
    const order = notBefore(r, 'end', end, 'start', start, zone);
    if (order !== null) return reject(line, r, order);
    const ix = nameIndex(contract);
    const cause = ix.causes.resolve(r.cause as string);
    if (cause === undefined) return reject(line, r, `unknown cause ${quote(r.cause)} ${known(ix.causeList, 'causes')}`);
    const services = servicesOf(r, ix, ix.serviceRequired);
    if (typeof services === 'string') return reject(line, r, services);
    return { type: 'outage', id: r.id as string, start, end, cause, ...(services && { services }), line };
  }
  if (type === 'requests') {
    if (err.error !== null) return reject(line, r, err.error);
    const order = notBefore(r, 'end', end, 'start', start, zone);
    if (order !== null) return reject(line, r, order);
    const total = r.total as number;
    const failed = r.failed as number;
    if (failed > total) return reject(line, r, `"failed" (${failed}) is more than "total" (${total})`);
    const ix = nameIndex(contract);
    const services = servicesOf(r, ix, ix.serviceRequired);
    if (typeof services === 'string') return reject(line, r, services);
    return { type: 'requests', id: typeof r.id === 'string' ? r.id : '', start, end, total, failed, ...(services && { services }), line };
  }
  const notified = instant(r, 'notified', err);
  const acknowledged = instant(r, 'acknowledged', err);
  if (err.error !== null) return reject(line, r, err.error);
  const order = notBefore(r, 'end', end, 'start', start, zone);
  if (order !== null) return reject(line, r, order);
  const ix = nameIndex(contract);
  const services = servicesOf(r, ix, false);
  if (typeof services === 'string') return reject(line, r, services);
  const kindText = (r.kind ?? null) as string | null;
  const kind = kindText === null ? undefined : ix.kinds.resolve(kindText);
  if (kindText !== null && kind === undefined) return reject(line, r, `unknown maintenance kind ${quote(kindText)} ${known(ix.kindList, 'maintenance kinds')}`);
  return { type: 'maintenance', id: r.id as string, start, end, notified, acknowledged, ...(kind !== undefined && { kind }), ...(services && { services }), line };
}


const MAX_JSON_ERROR = 200;

/**
 * Parses and validates one line (or array element) against the contract, without the duplicate-id
 * check, which needs the whole stream: see SeenIds. Pure, so lines can be checked on any thread.
 */
export function validateLine(item: RecordLine, contractFor: Contract | ContractFor, options: ValidateOptions = {}): InputRecord | Rejected {
  if (item.error !== undefined) return elementNote(item, { line: item.line, message: item.error });
  let raw: unknown;
  if ('value' in item) {
    raw = item.value;
  } else {
    try {
      raw = JSON.parse(item.text);
    } catch (e) {
      const why = (e as Error).message;
      return { line: item.line, message: `malformed JSON: ${why.length > MAX_JSON_ERROR ? `${why.slice(0, MAX_JSON_ERROR)}…` : why}` };
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return elementNote(item, { line: item.line, message: `record must be a JSON object, got ${describeValue(raw)}` });
  }
  const contract =
    typeof contractFor === 'function' ? contractFor(recordInstant(raw), raw as Record<string, unknown>, item.line) : contractFor;
  const before = options.warnings?.length ?? 0;
  const result = validateRecord(raw, item.line, contract, options);
  if (options.warnings !== undefined) {
    for (let k = before; k < options.warnings.length; k++) elementNote(item, options.warnings[k]!);
  }
  return isRejected(result) ? elementNote(item, result) : result;
}

/** Rejections and warnings of JSON array elements say which element (several may start on one line). */
export function elementNote<T extends Rejected | RecordWarning>(item: RecordLine, r: T): T {
  if (item.element !== undefined) r.message = `array element ${item.element}: ${r.message}`;
  return r;
}
