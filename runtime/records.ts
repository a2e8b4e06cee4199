// Reads and validates the event log `slac evaluate` consumes (NDJSON or a JSON array of incident,
// outage and maintenance records) into typed records with epoch-ms instants, rejecting bad lines.
//
// Format: schemas/records.schema.json (the published schema; compiled here with ajv, once, lazily).
// What a schema cannot say is checked by hand: calendar-valid timestamps with a UTC offset, time
// order, names declared by the contract in force, and unique ids per record type.

import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Contract } from '../compiler/ir';
import recordsSchema from '../schemas/records.schema.json' with { type: 'json' };

// ---------------------------------------------------------------------------------------------
// Types

export interface IncidentRecord {
  type: 'incident';
  id: string;
  /** Plan id; the single plan (or `default` for a contract without plans) when omitted. */
  plan: string;
  /** Canonical severity id (aliases resolved). */
  severity: string;
  category: string | null;
  opened: number;
  responded: number | null;
  restored: number | null;
  resolved: number | null;
  cause: string;
  /** Null only when the contract has no channel rule and the record gave none. */
  channel: string | null;
  line: number;
}

export interface OutageRecord {
  type: 'outage';
  id: string;
  start: number;
  end: number;
  cause: string;
  line: number;
}

export interface MaintenanceRecord {
  type: 'maintenance';
  id: string;
  start: number;
  end: number;
  /** Null = no notice was given. */
  notified: number | null;
  acknowledged: number | null;
  line: number;
}

export type InputRecord = IncidentRecord | OutageRecord | MaintenanceRecord;
export type RecordType = InputRecord['type'];

export interface Rejected {
  /** 1-based input line (for a JSON array: the line on which the element starts). */
  line: number;
  id?: string;
  message: string;
}

export function isRejected(r: InputRecord | Rejected): r is Rejected {
  return (r as Rejected).message !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Timestamps
//
// A hand-written strict parser: the grammar is tiny, the code never consults the machine zone, and
// it is several times faster than luxon's DateTime.fromISO on the hot path (see bench/records.bench.ts
// and the equivalence property in test/runtime/records.test.ts).
// Accepted: YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z, ±HH:MM or ±HHMM. Fractions beyond
// milliseconds are truncated (as Date.parse and luxon do). 24:00 and leap seconds are rejected.

const MS_PER_DAY = 86_400_000;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48; // NaN past the end, which fails the range test below
  return c >= 0 && c <= 9 ? c : -1;
}

function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil); Date.UTC maps years 0..99 to 19xx. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch ms of an ISO 8601 date-time with offset, or NaN when it is not one (see explainTimestamp). */
export function parseTimestamp(s: string): number {
  const n = s.length;
  if (n < 17) return NaN; // shortest: YYYY-MM-DDTHH:MMZ
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (
    y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
    s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */
  ) {
    return NaN;
  }
  const year = y1 * 100 + y2;
  if (day > daysInMonth(year, month)) return NaN;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    if (s.charCodeAt(i) === 46 /* . */) {
      const from = ++i;
      let d: number;
      while ((d = digit(s, i)) >= 0) {
        if (i - from < 3) ms = ms * 10 + d;
        i++;
      }
      const count = i - from;
      if (count === 0) return NaN;
      if (count === 1) ms *= 100;
      else if (count === 2) ms *= 10;
    }
  }
  let offsetMinutes: number;
  const c = s.charCodeAt(i);
  if (c === 90 /* Z */) {
    if (i + 1 !== n) return NaN;
    offsetMinutes = 0;
  } else if (c === 43 /* + */ || c === 45 /* - */) {
    const oh = two(s, i + 1);
    let om: number;
    if (s.charCodeAt(i + 3) === 58) {
      om = two(s, i + 4);
      if (i + 6 !== n) return NaN;
    } else {
      om = two(s, i + 3);
      if (i + 5 !== n) return NaN;
    }
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offsetMinutes = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offsetMinutes * 60_000
  );
}

/** The schema's timestamp pattern (the published form of the grammar above), and the same without offset. */
const WITH_OFFSET = new RegExp((recordsSchema as { definitions: { timestamp: { pattern: string } } }).definitions.timestamp.pattern, 'u');
const NO_OFFSET = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$/;
const EXAMPLE = '2026-03-07T22:15:00-05:00';

/** A value as JSON text for a message, cut short so a huge field cannot flood the output. */
function quote(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 64 ? `${text.slice(0, 60)}…` : text;
}

/** Why `s` is not accepted by parseTimestamp (slow path, only for messages). */
export function explainTimestamp(s: string): string {
  const shown = quote(s);
  if (NO_OFFSET.test(s)) return `timestamp ${shown} has no UTC offset (write e.g. ${EXAMPLE})`;
  if (WITH_OFFSET.test(s)) return `timestamp ${shown} is not a real date/time`;
  return `timestamp ${shown} is not an ISO 8601 date-time with offset (write e.g. ${EXAMPLE})`;
}

// ---------------------------------------------------------------------------------------------
// Schema (ajv, compiled once on first use)

type Validators = Record<RecordType, ValidateFunction>;
let validators: Validators | null = null;

const SCHEMA_ID = (recordsSchema as { $id: string }).$id;
const TIMESTAMP_FIELDS = new Set(['opened', 'responded', 'restored', 'resolved', 'start', 'end', 'notified', 'acknowledged']);

/**
 * The published schema minus its timestamp `pattern`s: parseTimestamp accepts a subset of what the
 * pattern matches (it also checks the calendar), so the pattern would only repeat work on every
 * timestamp; the test suite checks that the two stay in step.
 */
function runtimeSchema(): object {
  const copy = JSON.parse(JSON.stringify(recordsSchema)) as { definitions: Record<string, Record<string, unknown>> };
  delete copy.definitions.timestamp!.pattern;
  delete copy.definitions.optionalTimestamp!.pattern;
  return copy;
}

function getValidators(): Validators {
  if (validators) return validators;
  // ajv is CommonJS; under some loaders the class sits on `.default` of the namespace.
  const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
  const ajv = new Ajv({ allErrors: false, allowUnionTypes: true });
  ajv.addSchema(runtimeSchema());
  const get = (type: RecordType): ValidateFunction => {
    const v = ajv.getSchema(`${SCHEMA_ID}#/definitions/${type}`);
    if (!v) throw new Error(`records schema has no definition for ${type}`);
    return v;
  };
  validators = { incident: get('incident'), outage: get('outage'), maintenance: get('maintenance') };
  return validators;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${quote(v)}`;
}

function schemaMessage(err: ErrorObject, raw: Record<string, unknown>): string {
  if (err.keyword === 'required') {
    return `missing required field "${(err.params as { missingProperty: string }).missingProperty}"`;
  }
  const field = err.instancePath.slice(1).split('/')[0] ?? '';
  const value = raw[field];
  switch (err.keyword) {
    case 'type': {
      if (value === null) return `field "${field}" must not be null`;
      const want = ([] as string[]).concat((err.params as { type: string | string[] }).type).filter((t) => t !== 'null');
      const what = TIMESTAMP_FIELDS.has(field) ? 'a timestamp string' : want.join(' or ');
      return `field "${field}" must be ${what}, got ${describeValue(value)}`;
    }
    case 'minLength':
      return `field "${field}" must not be empty`;
    case 'const':
      return `field "${field}" must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}`;
    default:
      return `field "${field}" ${err.message ?? 'is invalid'}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Names declared by the contract (indexed once per Contract object)

interface NameIndex {
  /** Plan a record may omit `plan` for; null when the contract has several plans. */
  defaultPlan: string | null;
  plans: Set<string>;
  planList: string;
  /** Severity ids and aliases to canonical id. Maps, not objects, so "constructor" is unknown. */
  severities: Map<string, string>;
  severityList: string;
  categories: Set<string>;
  categoryList: string;
  causes: Set<string>;
  causeList: string;
  channelRequired: boolean;
  channelList: string;
}

const indexes = new WeakMap<Contract, NameIndex>();

/** "(declared: a, b)", or what the contract lacks when it declares none. */
function known(list: string, what: string): string {
  if (list === 'none') return `(the contract declares no ${what})`;
  if (list.startsWith('none (')) return `(the contract declares no ${what}: ${list.slice(6, -1)})`;
  return `(declared: ${list})`;
}

function listOf(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.join(', ');
}

function nameIndex(contract: Contract): NameIndex {
  let ix = indexes.get(contract);
  if (ix) return ix;
  const planIds = contract.plans.map((p) => p.id);
  const implicit = contract.implicitPlan || planIds.length === 0;
  const severities = new Map<string, string>();
  const aliasText: string[] = [];
  for (const s of contract.severities) severities.set(s.id, s.id);
  for (const s of contract.severities) {
    for (const a of s.aliases) {
      // An alias never shadows a canonical id (the compiler reports such clashes).
      if (!severities.has(a)) severities.set(a, s.id);
      aliasText.push(`${a} = ${s.id}`);
    }
  }
  const rule = contract.channels;
  ix = {
    defaultPlan: implicit ? 'default' : planIds.length === 1 ? planIds[0]! : null,
    plans: new Set(implicit ? ['default'] : planIds),
    planList: implicit ? 'none (omit "plan")' : listOf(planIds),
    severities,
    severityList: listOf(contract.severities.map((s) => s.id)) + (aliasText.length ? `; aliases: ${aliasText.join(', ')}` : ''),
    categories: new Set(contract.categories.map((c) => c.id)),
    categoryList: listOf(contract.categories.map((c) => c.id)),
    causes: new Set(contract.causes.map((c) => c.id)),
    causeList: listOf(contract.causes.map((c) => c.id)),
    channelRequired: rule !== null,
    channelList: rule ? listOf(rule.channels.map((c) => (c.official ? `${c.id} (official)` : c.id))) : '',
  };
  indexes.set(contract, ix);
  return ix;
}

// ---------------------------------------------------------------------------------------------
// One record

const TYPES = 'expected "incident", "outage" or "maintenance"';

function reject(line: number, raw: Record<string, unknown> | null, message: string): Rejected {
  const id = raw?.id;
  return typeof id === 'string' ? { line, id, message } : { line, message };
}

/** Reads a timestamp field that passed the schema (string, or null/absent when optional). */
function instant(raw: Record<string, unknown>, field: string, out: { error: string | null }): number | null {
  const v = raw[field];
  if (v === undefined || v === null) return null;
  const t = parseTimestamp(v as string);
  if (t !== t && out.error === null) out.error = `field "${field}": ${explainTimestamp(v as string)}`;
  return t;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function notBefore(raw: Record<string, unknown>, field: string, t: number | null, ref: string, refT: number): string | null {
  return t !== null && t < refT
    ? `"${field}" (${raw[field] as string}) is before "${ref}" (${raw[ref] as string}); ${iso(t)} < ${iso(refT)}`
    : null;
}

/** The instant that places a record in time (incident `opened`, otherwise `start`), or null when absent or invalid. */
export function recordInstant(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const v = r.type === 'incident' ? r.opened : r.start;
  if (typeof v !== 'string') return null;
  const t = parseTimestamp(v);
  return t === t ? t : null;
}

/**
 * Validates one parsed record against the schema, timestamp rules and the names `contract` declares.
 * Stateless: duplicate ids are the reader's concern (readRecords). Copies known fields into a fresh
 * object, so unknown keys (including `__proto__`) are ignored and can pollute nothing.
 */
export function validateRecord(raw: unknown, line: number, contract: Contract): InputRecord | Rejected {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { line, message: `record must be a JSON object, got ${describeValue(raw)}` };
  }
  const r = raw as Record<string, unknown>;
  const type = r.type;
  if (type === undefined) return reject(line, r, `missing required field "type" (${TYPES})`);
  if (type !== 'incident' && type !== 'outage' && type !== 'maintenance') {
    const shown = typeof type === 'string' ? quote(type) : describeValue(type);
    return reject(line, r, `unknown record type ${shown} in field "type" (${TYPES})`);
  }
  const validate = getValidators()[type];
  if (!validate(r)) return reject(line, r, schemaMessage(validate.errors![0]!, r));

  const err = { error: null as string | null };
  if (type === 'incident') {
    const opened = instant(r, 'opened', err) as number;
    const responded = instant(r, 'responded', err);
    const restored = instant(r, 'restored', err);
    const resolved = instant(r, 'resolved', err);
    if (err.error !== null) return reject(line, r, err.error);
    const order =
      notBefore(r, 'responded', responded, 'opened', opened) ??
      notBefore(r, 'restored', restored, 'opened', opened) ??
      notBefore(r, 'resolved', resolved, 'opened', opened);
    if (order !== null) return reject(line, r, order);

    const ix = nameIndex(contract);
    let plan = r.plan as string | null | undefined;
    if (plan === undefined || plan === null) {
      if (ix.defaultPlan === null) {
        return reject(line, r, `missing field "plan" (the contract declares several plans: ${ix.planList})`);
      }
      plan = ix.defaultPlan;
    } else if (!ix.plans.has(plan)) {
      return reject(line, r, `unknown plan ${quote(plan)} ${known(ix.planList, 'plans')}`);
    }
    const sevText = typeof r.severity === 'number' ? String(r.severity) : (r.severity as string);
    const severity = ix.severities.get(sevText);
    if (severity === undefined) {
      return reject(line, r, `unknown severity ${quote(r.severity)} ${known(ix.severityList, 'severities')}`);
    }
    const category = (r.category ?? null) as string | null;
    if (category !== null && !ix.categories.has(category)) {
      return reject(line, r, `unknown category ${quote(category)} ${known(ix.categoryList, 'categories')}`);
    }
    const cause = r.cause as string;
    if (!ix.causes.has(cause)) return reject(line, r, `unknown cause ${quote(cause)} ${known(ix.causeList, 'causes')}`);
    // Channel names are not checked against the rule: a report through an undeclared channel is a
    // fact the evaluator judges (excluded when the rule excludes others), not a malformed record.
    const channel = (r.channel ?? null) as string | null;
    if (channel === null && ix.channelRequired) {
      return reject(line, r, `missing field "channel" (the contract has a channel rule: ${ix.channelList})`);
    }
    return {
      type: 'incident', id: r.id as string, plan, severity, category, opened, responded, restored, resolved,
      cause, channel, line,
    };
  }

  const start = instant(r, 'start', err) as number;
  const end = instant(r, 'end', err) as number;
  if (type === 'outage') {
    if (err.error !== null) return reject(line, r, err.error);
    const order = notBefore(r, 'end', end, 'start', start);
    if (order !== null) return reject(line, r, order);
    const cause = r.cause as string;
    const ix = nameIndex(contract);
    if (!ix.causes.has(cause)) return reject(line, r, `unknown cause ${quote(cause)} ${known(ix.causeList, 'causes')}`);
    return { type: 'outage', id: r.id as string, start, end, cause, line };
  }
  const notified = instant(r, 'notified', err);
  const acknowledged = instant(r, 'acknowledged', err);
  if (err.error !== null) return reject(line, r, err.error);
  const order = notBefore(r, 'end', end, 'start', start);
  if (order !== null) return reject(line, r, order);
  return { type: 'maintenance', id: r.id as string, start, end, notified, acknowledged, line };
}

// ---------------------------------------------------------------------------------------------
// Lines

export interface RecordLine {
  /** 1-based line number (for a JSON array element: the line on which it starts). */
  line: number;
  /** The line's text (CR and BOM removed), or the element's source text for a JSON array. */
  text: string;
  /** For a JSON array element: the element, already parsed (so it is not parsed twice). */
  value?: unknown;
  /** For a JSON array element: its 1-based position, for messages (several may share a line). */
  element?: number;
  /** True for a line that is empty or whitespace only. */
  blank?: boolean;
}

export type RecordInput = NodeJS.ReadableStream | string;

const CHUNK = 1 << 20; // big reads: fewer chunks and string joins; the splitter copes with any size

function openInput(input: RecordInput): NodeJS.ReadableStream {
  if (typeof input !== 'string') return input;
  if (input === '-') return process.stdin;
  return createReadStream(input, { highWaterMark: CHUNK });
}

function isBlank(text: string): boolean {
  // Fast path: a record line starts with `{`; only otherwise pay for trim().
  return text.length === 0 || (text.charCodeAt(0) !== 123 && text.trim().length === 0);
}

/**
 * The start offsets of the elements of a top-level JSON array in `text`, which must be valid JSON
 * (JSON.parse has accepted it): a scan that only tracks strings and nesting depth.
 */
function arrayElementStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let expecting = false; // at depth 1, waiting for the next element's first character
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    if (depth === 1 && expecting && c !== 93 /* ] */) {
      starts.push(i);
      expecting = false;
    }
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === 93 || c === 125) {
      depth--;
    } else if (c === 44 /* , */ && depth === 1) {
      expecting = true;
    }
  }
  return starts;
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function* arrayLines(text: string): Generator<RecordLine[]> {
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    // Not one JSON document. When its first line is a JSON value of its own and more follows, it
    // is NDJSON whose first record happens to start with `[`: read it line by line, so every line
    // is judged or rejected on its own. Otherwise it is a malformed array: one rejection, line 1.
    const nl = text.indexOf('\n');
    if (nl !== -1 && text.slice(nl + 1).trim() !== '' && parsesAlone(text.slice(0, nl))) {
      const rows = text.split('\n');
      if (rows[rows.length - 1] === '') rows.pop(); // the newline that ends the last line
      yield rows.map((raw, i) => {
        const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        return t.trim() === '' ? { line: i + 1, text: t, blank: true } : { line: i + 1, text: t };
      });
      return;
    }
    yield [{ line: 1, text }]; // parsing it again downstream reports the error, at line 1
    return;
  }
  if (!Array.isArray(values)) {
    // Cannot happen for valid JSON starting with `[`; kept so a surprise is a rejection, not a crash.
    yield [{ line: 1, text }];
    return;
  }
  const starts = arrayElementStarts(text);
  const batch: RecordLine[] = [];
  let line = 1;
  let pos = 0;
  for (let k = 0; k < values.length; k++) {
    const at = starts[k]!;
    for (let nl = text.indexOf('\n', pos); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
    pos = at;
    const end = k + 1 < starts.length ? text.lastIndexOf(',', starts[k + 1]!) : text.lastIndexOf(']');
    batch.push({ line, text: text.slice(at, end).trimEnd(), value: values[k], element: k + 1 });
  }
  yield batch;
}

/**
 * Splits an input into lines, in batches (one per chunk read), so that callers that do not need
 * one promise per line do not pay for it. See readRecordLines for the rules.
 */
export async function* lineBatches(input: RecordInput): AsyncGenerator<RecordLine[]> {
  const stream = openInput(input);
  const decoder = new StringDecoder('utf8');
  let carry = ''; // before the format is known: the input so far (whitespace only)
  // The unfinished last line, in pieces: joined once when its newline arrives, so a line longer
  // than a chunk costs linear, not quadratic, time.
  let pieces: string[] = [];
  let line = 0;
  let mode: 'start' | 'lines' | 'array' = 'start';
  let sawText = false;
  const arrayParts: string[] = [];

  for await (const chunk of stream as AsyncIterable<string | Buffer>) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (mode === 'start') {
      // A BOM counts only as the very first character (the decoder may need several chunks for it).
      if (!sawText && text.length > 0) {
        sawText = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      carry += text;
      const first = carry.search(/\S/);
      if (first === -1) continue; // only whitespace so far: cannot tell the format yet
      if (carry.charCodeAt(first) === 91 /* [ */) {
        mode = 'array';
        arrayParts.push(carry);
        carry = '';
        continue;
      }
      mode = 'lines';
      text = carry;
      carry = '';
    }
    if (mode === 'array') {
      arrayParts.push(text);
      continue;
    }
    if (text.indexOf('\n') === -1) {
      pieces.push(text);
      continue;
    }
    let buf = text;
    if (pieces.length > 0) {
      pieces.push(text);
      buf = pieces.join('');
      pieces = [];
    }
    const batch: RecordLine[] = [];
    let pos = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', pos)) {
      const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const t = buf.slice(pos, end);
      batch.push(isBlank(t) ? { line: ++line, text: t, blank: true } : { line: ++line, text: t });
      pos = nl + 1;
    }
    if (pos < buf.length) pieces.push(buf.slice(pos));
    yield batch;
  }
  const rest = decoder.end();
  if (mode === 'array') {
    arrayParts.push(rest);
    yield* arrayLines(arrayParts.join(''));
    return;
  }
  carry += pieces.join('') + (!sawText && rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest);
  if (mode === 'start' && carry.length > 0) {
    // Whitespace only: split what we have into blank lines (the loop above never ran on it).
    const parts = carry.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    yield parts.map((t) => ({ line: ++line, text: t.endsWith('\r') ? t.slice(0, -1) : t, blank: true }));
    return;
  }
  if (carry.length > 0) {
    const t = carry.endsWith('\r') ? carry.slice(0, -1) : carry;
    yield [isBlank(t) ? { line: ++line, text: t, blank: true } : { line: ++line, text: t }];
  }
}

/**
 * The lines of an NDJSON input (a stream, a file path, or `-` for stdin), streamed with constant
 * memory: CRLF and LF line ends, a UTF-8 BOM on line 1 removed, blank lines yielded with
 * `blank: true` (so they keep their number and can be counted). A final line without a newline
 * counts; the empty "line" after a final newline does not.
 *
 * When the first non-blank character of the input is `[`, the input is a JSON array: it is read
 * whole (arrays are not streamed; use NDJSON for large logs), parsed, and each element yielded
 * with the line on which it starts, its source text and its parsed `value`. A malformed array is
 * yielded as one item at line 1 whose text fails to parse.
 */
export async function* readRecordLines(input: RecordInput): AsyncGenerator<RecordLine> {
  for await (const batch of lineBatches(input)) yield* batch;
}

// ---------------------------------------------------------------------------------------------
// Records

/**
 * Picks the contract (version) a record is validated against. `at` is the record's own instant,
 * already parsed: `opened` for an incident, `start` for outage and maintenance, in epoch ms. It is
 * null when that field is missing or not a valid timestamp; such a record is rejected whatever the
 * contract, so returning any version (e.g. the newest) is fine. `raw` is the parsed JSON object
 * (not yet validated; read it, do not keep it).
 */
export type ContractFor = (at: number | null, raw: Readonly<Record<string, unknown>>, line: number) => Contract;

export interface ReadCounts {
  /** Lines read (for a JSON array: elements). Always lines = accepted + rejected + blank. */
  lines: number;
  blank: number;
  accepted: number;
  rejected: number;
}

export type ReadEvent = { kind: 'record'; record: InputRecord } | { kind: 'rejected'; rejected: Rejected };

const MAX_JSON_ERROR = 200;

/**
 * Ids seen so far, per record type, with the line each first appeared on. A log can hold
 * millions of records, so ids are not kept as strings: each is reduced to a 96-bit fingerprint
 * (three independent 32-bit FNV-1a variants, one mixed with the length) in an open-addressing
 * table of typed arrays, 16 bytes a slot at most half full: about 32 bytes per distinct id,
 * against ~100 for a Map of strings. Two different ids share a fingerprint with probability about
 * n^2 / 2^97 (4e-18 for a million ids), so a "duplicate" is, for any practical log, a duplicate.
 */
class IdIndex {
  private h1s = new Int32Array(1 << 12);
  private h2s = new Int32Array(1 << 12);
  private h3s = new Int32Array(1 << 12);
  private lines = new Int32Array(1 << 12); // 0 = empty slot (lines are 1-based)
  private count = 0;

  /** The line the id was first seen on, or 0 after recording it at `line`. */
  claim(id: string, line: number): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    let h3 = 0x2545f491 ^ id.length;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
      h3 = Math.imul(h3 ^ c, 0x5bd1e995) ^ (h3 >>> 13);
    }
    if (this.count * 2 >= this.lines.length) this.grow();
    const mask = this.lines.length - 1;
    for (let k = (h1 ^ (h2 >>> 7)) & mask; ; k = (k + 1) & mask) {
      const at = this.lines[k];
      if (at === 0) {
        this.h1s[k] = h1;
        this.h2s[k] = h2;
        this.h3s[k] = h3;
        this.lines[k] = line;
        this.count++;
        return 0;
      }
      if (this.h1s[k] === h1 && this.h2s[k] === h2 && this.h3s[k] === h3) return at;
    }
  }

  private grow(): void {
    const { h1s, h2s, h3s, lines } = this;
    const size = lines.length * 2;
    this.h1s = new Int32Array(size);
    this.h2s = new Int32Array(size);
    this.h3s = new Int32Array(size);
    this.lines = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      let k = (h1s[i] ^ (h2s[i] >>> 7)) & mask;
      while (this.lines[k] !== 0) k = (k + 1) & mask;
      this.h1s[k] = h1s[i];
      this.h2s[k] = h2s[i];
      this.h3s[k] = h3s[i];
      this.lines[k] = lines[i];
    }
  }
}

/**
 * Tracks ids per record type across a stream. Only accepted records claim their id, so a
 * corrected re-send of a rejected record is accepted.
 */
export class SeenIds {
  private readonly byType: Record<RecordType, IdIndex> = {
    incident: new IdIndex(), outage: new IdIndex(), maintenance: new IdIndex(),
  };

  claim(rec: InputRecord): Rejected | null {
    const first = this.byType[rec.type].claim(rec.id, rec.line);
    if (first !== 0) {
      return { line: rec.line, id: rec.id, message: `duplicate ${rec.type} id ${quote(rec.id)} (first on line ${first})` };
    }
    return null;
  }
}

/**
 * Parses and validates one line (or array element) against the contract, without the duplicate-id
 * check, which needs the whole stream: see SeenIds. Pure, so lines can be checked on any thread.
 */
export function validateLine(item: RecordLine, contractFor: Contract | ContractFor): InputRecord | Rejected {
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
  const result = validateRecord(raw, item.line, contract);
  return isRejected(result) ? elementNote(item, result) : result;
}

/** Rejections of JSON array elements say which element (several may start on one line). */
function elementNote(item: RecordLine, r: Rejected): Rejected {
  if (item.element !== undefined) r.message = `array element ${item.element}: ${r.message}`;
  return r;
}

function processLine(item: RecordLine, contractFor: Contract | ContractFor, seen: SeenIds): InputRecord | Rejected {
  const result = validateLine(item, contractFor);
  if (isRejected(result)) return result;
  const dup = seen.claim(result);
  return dup ? elementNote(item, dup) : result;
}

/** Takes lines one by one: validates, de-duplicates and counts them (lines = accepted + rejected + blank). */
class LineReader {
  readonly counts: ReadCounts = { lines: 0, blank: 0, accepted: 0, rejected: 0 };
  private readonly seen = new SeenIds();

  constructor(private readonly contractFor: Contract | ContractFor) {}

  /** The record or its rejection; null for a blank line. */
  take(item: RecordLine): InputRecord | Rejected | null {
    this.counts.lines++;
    if (item.blank) {
      this.counts.blank++;
      return null;
    }
    const result = processLine(item, this.contractFor, this.seen);
    if (isRejected(result)) this.counts.rejected++;
    else this.counts.accepted++;
    return result;
  }
}

/**
 * Reads, validates and de-duplicates every record of `input`, calling `onRecord` for each accepted
 * record and `onRejected` for each rejected line, in input order; resolves to the counts. This is
 * the fast path (callbacks are called synchronously per chunk, no promise per record).
 * `contractFor` is a Contract, or a function choosing the version per record (see ContractFor).
 */
export async function readRecords(
  input: RecordInput,
  contractFor: Contract | ContractFor,
  onRecord: (record: InputRecord) => void,
  onRejected: (rejected: Rejected) => void,
  /** Awaited after each batch of lines: lets a writer wait for its output to drain (backpressure). */
  afterBatch?: () => Promise<void> | void,
): Promise<ReadCounts> {
  const reader = new LineReader(contractFor);
  for await (const batch of lineBatches(input)) {
    if (afterBatch) await afterBatch();
    for (const item of batch) {
      const result = reader.take(item);
      if (result === null) continue;
      if (isRejected(result)) onRejected(result);
      else onRecord(result);
    }
  }
  return reader.counts;
}

/**
 * The same as readRecords as an async generator of events; its return value (what the final
 * `next()` resolves to, e.g. via `yield*`) is the counts. One promise per event: prefer readRecords
 * for bulk work.
 */
export async function* streamRecords(
  input: RecordInput,
  contractFor: Contract | ContractFor,
): AsyncGenerator<ReadEvent, ReadCounts, void> {
  const reader = new LineReader(contractFor);
  for await (const batch of lineBatches(input)) {
    for (const item of batch) {
      const result = reader.take(item);
      if (result === null) continue;
      yield isRejected(result) ? { kind: 'rejected', rejected: result } : { kind: 'record', record: result };
    }
  }
  return reader.counts;
}
