// Tests for runtime/records/: every rejection reason with its line, NDJSON and JSON array input,
// CRLF/BOM, aliases, prototype-pollution safety, zone independence, and the published schemas.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import AjvModule from 'ajv';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../compiler/ir';
import {
  explainTimestamp,
  isRejected,
  parseTimestamp,
  readRecordLines,
  readRecords,
  recordInstant,
  streamRecords,
  validateRecord,
  type ContractFor,
  type InputRecord,
  type ReadCounts,
  type RecordInput,
  type Rejected,
} from '../../runtime/records';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const span = { start: 0, end: 0 };
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;

function contract(over: Partial<Contract> = {}): Contract {
  return {
    file: 'test.slac', name: 'Test', version: '1', effective: null, provider: null, customer: null,
    timeZone: 'America/New_York', calendars: [],
    severities: [
      { id: 'critical', title: null, description: null, aliases: ['1'], rank: 0, span },
      { id: 'high', title: null, description: null, aliases: [], rank: 1, span },
    ],
    plans: [{ id: 'essential', rank: 0, span }, { id: 'standard', rank: 1, span }],
    plansOrdered: true, implicitPlan: false,
    categories: [{ id: 'security', description: null, span }, { id: 'performance', description: null, span }],
    targets: [], categoryTargets: [],
    causes: [
      { id: 'provider', counted: true, description: null, span },
      { id: 'third-party', counted: false, description: null, span },
    ],
    channels: { channels: [{ id: 'helpdesk', official: true, description: null, span }], othersExcluded: true, span },
    maintenance: null, availability: null, reliability: null, credits: null, notes: [],
    ...over,
  };
}

const C = contract();

/** A good incident as JSON text, with overrides (undefined removes a field). */
function inc(over: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    type: 'incident', id: 'S1', plan: 'essential', severity: 'critical', category: null,
    opened: '2026-03-07T22:15:00-05:00', responded: '2026-03-07T22:45:00-05:00', restored: null, resolved: null,
    cause: 'provider', channel: 'helpdesk',
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return JSON.stringify(base);
}
function out(over: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'outage', id: 'OUT-1', start: '2026-03-08T10:00:00Z', end: '2026-03-08T11:40:00Z', cause: 'provider', ...over });
}
function mw(over: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'maintenance', id: 'MW-1', start: '2026-03-10T02:00:00+01:00', end: '2026-03-10T04:00:00+01:00', notified: '2026-03-01T09:00:00+01:00', ...over });
}

type Expect =
  | { blank: true }
  | { ok: Partial<InputRecord> }
  | { reject: string[] };

/** Each entry is one input line (in order) with what must come of it. */
const CASES: Array<[string, Expect]> = [
  [inc(), { ok: { type: 'incident', id: 'S1', severity: 'critical', opened: Date.UTC(2026, 2, 8, 3, 15), responded: Date.UTC(2026, 2, 8, 3, 45), restored: null, channel: 'helpdesk', line: 1 } }],
  ['', { blank: true }],
  ['{"type":"incident","id":"S2",', { reject: ['malformed JSON', 'JSON'] }],
  ['[1,2]', { reject: ['JSON object', 'array'] }],
  ['42', { reject: ['JSON object', 'number 42'] }],
  ['null', { reject: ['JSON object', 'null'] }],
  ['"just text"', { reject: ['JSON object', 'string "just text"'] }],
  [out(), { ok: { type: 'outage', id: 'OUT-1', start: Date.UTC(2026, 2, 8, 10), end: Date.UTC(2026, 2, 8, 11, 40), cause: 'provider' } }],
  ['{"id":"X1"}', { reject: ['missing required field "type"'] }],
  ['{"type":"ticket","id":"X2"}', { reject: ['unknown record type "ticket"', 'incident'] }],
  [inc({ id: 'S3', cause: undefined }), { reject: ['missing required field "cause"'] }],
  [inc({ id: 'S4', opened: 1234 }), { reject: ['"opened"', 'number 1234'] }],
  [inc({ id: 7 }), { reject: ['"id"', 'number 7'] }],
  [inc({ id: 'S5', opened: '2026-03-07T22:15:00' }), { reject: ['"opened"', '"2026-03-07T22:15:00"', 'no UTC offset'] }],
  [inc({ id: 'S6', opened: '2026-02-30T10:00:00Z' }), { reject: ['"opened"', '2026-02-30T10:00:00Z', 'not a real date/time'] }],
  [inc({ id: 'S7', restored: '2026-03-07T25:00:00-05:00' }), { reject: ['"restored"', '25:00', 'not a real date/time'] }],
  [out({ id: 'OUT-2', end: '2026-03-08T09:00:00Z' }), { reject: ['"end"', '"start"', 'before'] }],
  [inc({ id: 'S8', resolved: '2026-03-07T22:00:00-05:00' }), { reject: ['"resolved"', '"opened"', 'before'] }],
  [inc({ id: 'S9', plan: 'premium' }), { reject: ['unknown plan "premium"', 'essential, standard'] }],
  [inc({ id: 'S10', severity: 'urgent' }), { reject: ['unknown severity "urgent" (declared: critical, high'] }],
  [inc({ id: 'S11', category: 'billing' }), { reject: ['unknown category "billing"', 'security, performance'] }],
  [inc({ id: 'S12', cause: 'gremlins' }), { reject: ['unknown cause "gremlins"', 'provider, third-party'] }],
  [inc({ id: 'S13', plan: undefined }), { reject: ['"plan"', 'essential, standard'] }],
  [inc({ id: 'S14', channel: undefined }), { reject: ['"channel"', 'helpdesk'] }],
  [inc(), { reject: ['duplicate incident id "S1"', 'line 1'] }],
  [inc({ id: 'OUT-1' }), { ok: { type: 'incident', id: 'OUT-1' } }], // ids are unique per type only
  ['   \t', { blank: true }],
  [mw(), { ok: { type: 'maintenance', id: 'MW-1', start: Date.UTC(2026, 2, 10, 1), notified: Date.UTC(2026, 2, 1, 8), acknowledged: null } }],
  [inc({ id: 'S15', severity: '1' }), { ok: { id: 'S15', severity: 'critical' } }],
  [inc({ id: 'S16', severity: 1 }), { ok: { id: 'S16', severity: 'critical' } }],
  [inc({ id: 'S17', severity: 'constructor' }), { reject: ['unknown severity "constructor"'] }],
  [inc({ id: 'S18', plan: 'toString' }), { reject: ['unknown plan "toString"'] }],
  [mw({ id: 'MW-2', end: '2026-03-10T01:00:00+01:00' }), { reject: ['"end"', 'before', '"start"'] }],
  [inc({ id: 'S19', opened: '2026-03-07T24:00:00Z' }), { reject: ['"opened"', 'not a real date/time'] }],
  [inc({ id: 'S20', opened: 'yesterday' }), { reject: ['"opened"', '"yesterday"', 'not an ISO 8601'] }],
  [inc({ id: 'S21', opened: '2026-03-08T08:45:00+0530', responded: null }), { ok: { id: 'S21', opened: Date.UTC(2026, 2, 8, 3, 15) } }],
  [inc({ id: 'S22', severity: true }), { reject: ['"severity"', 'boolean true'] }],
  [inc({ id: 'S23', restored: undefined, category: 'security', ticket: 'T-9', tags: ['x'] }), { ok: { id: 'S23', category: 'security', restored: null } }],
  [inc({ id: 'S24', cause: null }), { reject: ['"cause"', 'null'] }],
  [inc({ id: '' }), { reject: ['"id"', 'empty'] }],
  [out({ id: 'OUT-3', cause: 'weather' }), { reject: ['unknown cause "weather"'] }],
  [mw({ id: 'MW-3', acknowledged: '2026-03-02' }), { reject: ['"acknowledged"', '2026-03-02'] }],
  [inc({ id: 'S25', opened: '2024-02-29T23:59:59.5-00:30', responded: undefined }), { ok: { id: 'S25', opened: Date.UTC(2024, 2, 1, 0, 29, 59, 500) } }],
  [inc({ id: 'S26', opened: '2025-02-29T00:00:00Z' }), { reject: ['not a real date/time'] }],
  [out({ id: 'OUT-4', start: '2026-03-31T23:00:00-04:00', end: '2026-04-01T03:00:00Z' }), { ok: { id: 'OUT-4', start: Date.UTC(2026, 3, 1, 3), end: Date.UTC(2026, 3, 1, 3) } }],
];

const NDJSON = CASES.map(([text]) => text).join('\n'); // no final newline: the last line still counts

interface Collected {
  records: InputRecord[];
  rejected: Rejected[];
  counts: ReadCounts;
}

async function collect(input: RecordInput, cf: Contract | ContractFor = C): Promise<Collected> {
  const records: InputRecord[] = [];
  const rejected: Rejected[] = [];
  const counts = await readRecords(input, cf, (r) => records.push(r), (r) => rejected.push(r));
  return { records, rejected, counts };
}

function checkCases(got: Collected): void {
  const byLine = new Map<number, InputRecord | Rejected>();
  for (const r of got.records) byLine.set(r.line, r);
  for (const r of got.rejected) {
    expect(byLine.has(r.line), `line ${r.line} reported twice`).toBe(false);
    byLine.set(r.line, r);
  }
  let blank = 0;
  CASES.forEach(([text, want], i) => {
    const line = i + 1;
    const res = byLine.get(line);
    const where = `line ${line}: ${text}`;
    if ('blank' in want) {
      blank++;
      expect(res, where).toBeUndefined();
    } else if ('ok' in want) {
      expect(res && !isRejected(res), `${where} -> ${JSON.stringify(res)}`).toBe(true);
      expect(res, where).toMatchObject({ ...want.ok, line });
    } else {
      expect(res && isRejected(res), `${where} -> ${JSON.stringify(res)}`).toBe(true);
      for (const part of want.reject) expect((res as Rejected).message, where).toContain(part);
    }
  });
  const accepted = CASES.filter(([, w]) => 'ok' in w).length;
  expect(got.counts).toEqual({ lines: CASES.length, blank, accepted, rejected: CASES.length - accepted - blank });
  expect(got.counts.lines).toBe(got.counts.accepted + got.counts.rejected + got.counts.blank);
  // In input order.
  expect(got.records.map((r) => r.line)).toEqual([...got.records.map((r) => r.line)].sort((a, b) => a - b));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'slac-records-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('NDJSON input', () => {
  it('accepts good records and rejects each bad one at its line, from a file', async () => {
    checkCases(await collect(file('mixed.ndjson', NDJSON)));
  });

  it('gives the same from a stream split into awkward chunks (inside lines and inside UTF-8 characters)', async () => {
    const awkward = (bytes: Buffer): Readable => {
      const chunks: Buffer[] = [];
      for (let i = 0, k = 1; i < bytes.length; i += k, k = (k * 7) % 61 + 1) chunks.push(bytes.subarray(i, i + k));
      return Readable.from(chunks);
    };
    checkCases(await collect(awkward(Buffer.from(NDJSON, 'utf8'))));
    const multibyte = `${NDJSON.replace('"S23"', '"S23-été-🚀"')}\n`;
    const got = await collect(awkward(Buffer.from(multibyte, 'utf8')));
    expect(got).toEqual(await collect(file('multibyte.ndjson', multibyte)));
    expect(got.records.find((r) => r.line === 38)?.id).toBe('S23-été-🚀');
  });

  it('streamRecords yields the same events and returns the counts', async () => {
    const path = file('mixed2.ndjson', NDJSON);
    const want = await collect(path);
    const events: Array<InputRecord | Rejected> = [];
    const gen = streamRecords(path, C);
    let step = await gen.next();
    while (!step.done) {
      if (step.value.kind !== 'warning') events.push(step.value.kind === 'record' ? step.value.record : step.value.rejected);
      step = await gen.next();
    }
    expect(step.value).toEqual(want.counts);
    expect(events.filter((e) => !isRejected(e))).toEqual(want.records);
    expect(events.filter(isRejected)).toEqual(want.rejected);
  });

  it('handles CRLF line ends and a UTF-8 BOM on line 1, even with the BOM split across chunks', async () => {
    const text = `\uFEFF${inc()}\r\n\r\n${out()}\r\n${inc({ id: 'S2', severity: 'urgent' })}\r\n`;
    const bytes = Buffer.from(text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const input of [file('crlf.ndjson', bytes), Readable.from([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)])]) {
      const got = await collect(input);
      expect(got.records.map((r) => [r.line, r.id])).toEqual([[1, 'S1'], [3, 'OUT-1']]);
      expect(got.rejected).toEqual([{ line: 4, id: 'S2', message: expect.stringContaining('unknown severity "urgent"') }]);
      expect(got.counts).toEqual({ lines: 4, blank: 1, accepted: 2, rejected: 1 });
    }
  });

  it('counts blank lines everywhere, including leading ones and an input of blanks only', async () => {
    expect((await collect(file('lead.ndjson', `\n  \n${inc()}\n\n`))).counts).toEqual({ lines: 4, blank: 3, accepted: 1, rejected: 0 });
    expect((await collect(file('blank.ndjson', '\n \r\n\t\n'))).counts).toEqual({ lines: 3, blank: 3, accepted: 0, rejected: 0 });
    expect((await collect(file('empty.ndjson', ''))).counts).toEqual({ lines: 0, blank: 0, accepted: 0, rejected: 0 });
  });

  it('joins a line spread over many chunks, and a CR and LF that arrive in different chunks', async () => {
    const long = inc({ id: 'L1', attachment: 'x'.repeat(4_000_000) });
    const chunks = [`${inc()}\r`, `\n`];
    for (let i = 0; i < long.length; i += 1000) chunks.push(long.slice(i, i + 1000));
    chunks.push('\r', '\n', '\r\n', out());
    const started = performance.now();
    const got = await collect(Readable.from(chunks));
    expect(performance.now() - started).toBeLessThan(5000); // quadratic joining would take far longer
    expect(got.records.map((r) => [r.line, r.id])).toEqual([[1, 'S1'], [2, 'L1'], [4, 'OUT-1']]);
    expect(got.counts).toEqual({ lines: 4, blank: 1, accepted: 3, rejected: 0 });
    expect((await collect(file('bom-only.ndjson', '\uFEFF'))).counts).toEqual({ lines: 0, blank: 0, accepted: 0, rejected: 0 });
  });

  it('readRecordLines yields every line with its number and marks blanks', async () => {
    const lines = [];
    // (The first line must be able to start NDJSON: an input whose first line is plain text is refused.)
    for await (const l of readRecordLines(Readable.from([Buffer.from('\uFEFF{a\r\n\nb')]))) lines.push(l);
    expect(lines).toEqual([{ line: 1, text: '{a' }, { line: 2, text: '', blank: true }, { line: 3, text: 'b' }]);
  });

  it('does not include a stack trace or a whole huge line in a JSON error', async () => {
    const got = await collect(file('long.ndjson', `{"type":"incident","id":"${'x'.repeat(5000)}",}`));
    expect(got.rejected).toHaveLength(1);
    expect(got.rejected[0]!.message).toMatch(/^malformed JSON: /);
    expect(got.rejected[0]!.message.length).toBeLessThan(300);
    expect(got.rejected[0]!.message).not.toContain('    at ');
  });
});

describe('JSON array input', () => {
  const ARRAY = [
    '', //                                                     line 1
    ' [', //                                                   line 2
    `  ${inc()},`, //                                          line 3
    `  ${out()},`, //                                          line 4
    '  {', //                                                  line 5: starts a multi-line element
    '    "type": "incident", "id": "S2", "plan": "essential", "severity": "urgent",',
    '    "opened": "2026-03-07T22:15:00-05:00", "cause": "provider", "channel": "helpdesk"',
    '  },',
    `  42, ${inc({ id: 'S3', note: 'a [bracket], "quote" and {brace}' })}, ${inc()}`, // line 9: three elements
    ']',
    '',
  ].join('\n');

  it('reads each element with the line on which it starts', async () => {
    const got = await collect(file('array.json', ARRAY));
    expect(got.records.map((r) => [r.line, r.type, r.id])).toEqual([[3, 'incident', 'S1'], [4, 'outage', 'OUT-1'], [9, 'incident', 'S3']]);
    expect(got.rejected.map((r) => r.line)).toEqual([5, 9, 9]);
    expect(got.rejected[0]!.message).toBe('array element 3: unknown severity "urgent" (declared: critical, high; aliases: 1 = critical)');
    expect(got.rejected[1]!.message).toMatch(/^array element 4: record must be a JSON object, got number 42/);
    expect(got.rejected[2]!.message).toMatch(/^array element 6: duplicate incident id "S1" \(first on line 3\)/);
    expect(got.counts).toEqual({ lines: 6, blank: 0, accepted: 3, rejected: 3 });
  });

  it('readRecordLines gives each element its source text and parsed value', async () => {
    const items = [];
    for await (const l of readRecordLines(file('array2.json', ARRAY))) items.push(l);
    expect(items.map((l) => l.line)).toEqual([3, 4, 5, 9, 9, 9]);
    for (const l of items) expect(JSON.parse(l.text)).toEqual(l.value);
  });

  it('rejects a malformed array as one record at line 1', async () => {
    const got = await collect(file('bad-array.json', `[\n${inc()},\n${out()}\n`));
    expect(got.records).toEqual([]);
    expect(got.rejected).toEqual([{ line: 1, message: expect.stringMatching(/^malformed JSON: /) }]);
    expect(got.counts).toEqual({ lines: 1, blank: 0, accepted: 0, rejected: 1 });
  });

  it('reads an empty array and an array from a chunked stream with a BOM', async () => {
    expect((await collect(file('empty-array.json', '[]'))).counts).toEqual({ lines: 0, blank: 0, accepted: 0, rejected: 0 });
    const bytes = Buffer.from(`\uFEFF[${inc()},\r\n${out()}]`);
    const got = await collect(Readable.from([bytes.subarray(0, 2), bytes.subarray(2, 40), bytes.subarray(40)]));
    expect(got.records.map((r) => [r.line, r.id])).toEqual([[1, 'S1'], [2, 'OUT-1']]);
  });
});

describe('names and plans', () => {
  const ok = (text: string, c: Contract = C) => validateRecord(JSON.parse(text), 1, c);

  it('resolves severity aliases, given as a string or a number, to the canonical id', () => {
    expect(ok(inc({ severity: '1' }))).toMatchObject({ severity: 'critical' });
    expect(ok(inc({ severity: 1 }))).toMatchObject({ severity: 'critical' });
    expect(ok(inc({ severity: 'high' }))).toMatchObject({ severity: 'high' });
    expect(ok(inc({ severity: 2 }))).toMatchObject({ message: 'unknown severity 2 (declared: critical, high; aliases: 1 = critical)' });
  });

  it('lets an alias never shadow a canonical id', () => {
    const c = contract({
      severities: [
        { id: 'p1', title: null, description: null, aliases: ['high'], rank: 0, span },
        { id: 'high', title: null, description: null, aliases: [], rank: 1, span },
      ],
    });
    expect(ok(inc({ severity: 'high' }), c)).toMatchObject({ severity: 'high' });
  });

  it('fills in the plan when the contract has one plan or none, and the channel when there is no rule', () => {
    const one = contract({ plans: [{ id: 'only', rank: 0, span }], channels: null });
    expect(ok(inc({ plan: undefined, channel: undefined }), one)).toMatchObject({ plan: 'only', channel: null });
    expect(ok(inc({ plan: null, channel: 'phone' }), one)).toMatchObject({ plan: 'only', channel: 'phone' });
    const none = contract({ plans: [], implicitPlan: true, channels: null });
    expect(ok(inc({ plan: undefined }), none)).toMatchObject({ plan: 'default' });
    expect(ok(inc({ plan: 'essential' }), none)).toMatchObject({ message: 'unknown plan "essential" (the contract declares no plans: omit "plan")' });
  });

  it('accepts a channel the rule does not list (the evaluator decides whether it counts)', () => {
    expect(ok(inc({ channel: 'twitter' }))).toMatchObject({ channel: 'twitter' });
  });

  it('lets contractFor pick the version by the record\'s own instant', async () => {
    const v1 = contract({ version: '1' });
    const v2 = contract({
      version: '2',
      severities: [...C.severities, { id: 'medium', title: null, description: null, aliases: [], rank: 2, span }],
    });
    const cut = Date.UTC(2026, 2, 1);
    const seen: Array<number | null> = [];
    const cf: ContractFor = (at, raw, line) => {
      seen.push(at);
      expect(typeof raw).toBe('object');
      expect(line).toBeGreaterThan(0);
      return at !== null && at >= cut ? v2 : v1;
    };
    const text = [
      inc({ id: 'A', severity: 'medium', opened: '2026-02-28T23:00:00-05:00' }), // March 1 04:00 UTC: v2
      inc({ id: 'B', severity: 'medium', opened: '2026-02-28T12:00:00-05:00' }), // v1 has no medium
      inc({ id: 'C', severity: 'medium', opened: 'soon' }), // no instant: rejected whatever the version
      out({ start: '2026-02-01T00:00:00Z' }),
    ].join('\n');
    const got = await collect(file('versions.ndjson', text), cf);
    expect(got.records.map((r) => r.id)).toEqual(['A', 'OUT-1']);
    expect(got.rejected.map((r) => [r.line, r.id])).toEqual([[2, 'B'], [3, 'C']]);
    expect(got.rejected[1]!.message).toContain('"soon"');
    expect(seen).toEqual([Date.UTC(2026, 2, 1, 4), Date.UTC(2026, 1, 28, 17), null, Date.UTC(2026, 1, 1)]);
    expect(recordInstant({ type: 'maintenance', start: '2026-02-01T00:00:00Z' })).toBe(Date.UTC(2026, 1, 1));
    expect(recordInstant({ type: 'incident', start: '2026-02-01T00:00:00Z' })).toBeNull();
  });
});

describe('prototype pollution', () => {
  it('ignores __proto__, constructor and prototype keys and pollutes nothing', async () => {
    const texts = [
      inc({ id: 'P1' }).replace('{', '{"__proto__":{"polluted":1,"plan":"standard"},'),
      inc({ id: 'P2' }).replace('{', '{"constructor":{"prototype":{"polluted":2}},"prototype":{"polluted":3},'),
      out({ id: 'P3' }).replace('{', '{"__proto__":{"polluted":4,"type":"maintenance"},'),
      inc({ id: 'P4', severity: '__proto__' }),
      inc({ id: 'P5', cause: 'hasOwnProperty' }),
    ];
    const got = await collect(file('proto.ndjson', texts.join('\n')));
    expect(got.records.map((r) => r.id)).toEqual(['P1', 'P2', 'P3']);
    expect(got.rejected.map((r) => r.message)).toEqual([
      expect.stringContaining('unknown severity "__proto__"'),
      expect.stringContaining('unknown cause "hasOwnProperty"'),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    for (const r of got.records) {
      expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(r, '__proto__')).toBe(false);
      expect((r as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(got.records[0]).toMatchObject({ plan: 'essential' });
    expect(got.records[2]).toMatchObject({ type: 'outage' });
  });
});

describe('timestamps', () => {
  it('parses offsets Z, +hh:mm, -hh:mm and +hhmm, seconds and fractions optional', () => {
    expect(parseTimestamp('2026-03-07T22:15:00-05:00')).toBe(Date.UTC(2026, 2, 8, 3, 15));
    expect(parseTimestamp('2026-03-07T22:15-05:00')).toBe(Date.UTC(2026, 2, 8, 3, 15));
    expect(parseTimestamp('2026-03-08T08:45:00+0530')).toBe(Date.UTC(2026, 2, 8, 3, 15));
    expect(parseTimestamp('2026-03-08T03:15:00.1Z')).toBe(Date.UTC(2026, 2, 8, 3, 15, 0, 100));
    expect(parseTimestamp('2026-03-08T03:15:00.123999Z')).toBe(Date.UTC(2026, 2, 8, 3, 15, 0, 123));
    expect(parseTimestamp('0001-01-01T00:00:00Z')).toBe(new Date('0001-01-01T00:00:00Z').getTime());
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
  });

  it('rejects what is not a strict ISO 8601 date-time with offset', () => {
    for (const s of [
      '2026-03-07T22:15:00', '2026-03-07', '2026-03-07 22:15:00Z', '2026-03-07T22:15:00+05', '2026-03-07T22:15:00z',
      '2026-3-07T22:15:00Z', '2026-03-07T22:15:00.Z', '2026-03-07T22:15:00+05:00 ', '2026-03-07T22:15:60Z',
      '2026-03-07T24:00:00Z', '2026-03-07T23:60:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z',
      '2026-04-31T00:00:00Z', '1900-02-29T00:00:00Z', '2026-03-07T22:15:00+24:00', '2026-03-07T22:15:00+05:60',
      '+02026-03-07T22:15:00Z', '2026-W10-6T22:15:00Z', '',
    ]) {
      expect(parseTimestamp(s), s).toBeNaN();
    }
    expect(explainTimestamp('2026-03-07T22:15:00')).toBe(
      'timestamp "2026-03-07T22:15:00" has no UTC offset (write e.g. 2026-03-07T22:15:00-05:00)',
    );
    expect(explainTimestamp('2026-02-30T10:00:00Z')).toBe('timestamp "2026-02-30T10:00:00Z" is not a real date/time');
  });

  const component = (max: number, width: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
  const stampArb = fc
    .record({
      y: component(9999, 4), mo: component(13, 2), d: component(32, 2), h: component(23, 2), mi: component(59, 2),
      s: fc.option(component(59, 2)), frac: fc.option(fc.stringMatching(/^[0-9]{1,6}$/)),
      off: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), component(23, 2), component(59, 2), fc.boolean())
        .map(([sign, hh, mm, colon]) => `${sign}${hh}${colon ? ':' : ''}${mm}`)),
    })
    .map(({ y, mo, d, h, mi, s, frac, off }) => `${y}-${mo}-${d}T${h}:${mi}${s === null ? '' : `:${s}${frac === null ? '' : `.${frac}`}`}${off}`);

  it('agrees with luxon (the reference ISO parser) on generated timestamps', () => {
    fc.assert(
      fc.property(stampArb, (s) => {
        const dt = DateTime.fromISO(s, { setZone: true });
        const ours = parseTimestamp(s);
        if (!dt.isValid) return Number.isNaN(ours);
        // luxon computes the fraction in floating point; compare to the millisecond of its truncation.
        return ours === dt.toMillis();
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts only strings the published schema pattern matches', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/records.schema.json'), 'utf8'));
    const pattern = new RegExp(schema.definitions.timestamp.pattern, 'u');
    expect(schema.definitions.optionalTimestamp.pattern).toBe(schema.definitions.timestamp.pattern);
    fc.assert(
      fc.property(fc.oneof(stampArb, fc.string()), (s) => Number.isNaN(parseTimestamp(s)) || pattern.test(s)),
      { numRuns: 5000 },
    );
  });

  it('does not depend on the process time zone', () => {
    const stamps = ['2026-03-07T22:15:00-05:00', '2026-03-08T02:30:00+01:00', '2026-11-01T01:30:00-04:00', '2026-03-29T02:30:00+02:00', '2026-03-08T03:15:00Z'];
    const lines = stamps.map((t, i) => inc({ id: `T${i}`, opened: t, responded: null }));
    const script = `
      import { validateRecord } from ${JSON.stringify(pathToFileURL(join(ROOT, 'runtime/records/index.ts')).href)};
      const c = ${JSON.stringify(C)};
      const lines = ${JSON.stringify(lines)};
      const out = lines.map((l, i) => validateRecord(JSON.parse(l), i + 1, c));
      console.log(JSON.stringify({ offset: new Date(2026, 0, 1).getTimezoneOffset(), out }));
    `;
    const scriptFile = file('tz-probe.mts', script);
    const results = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/Berlin'].map((tz) =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', scriptFile], {
        cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8',
      })) as { offset: number; out: Array<InputRecord | Rejected> },
    );
    expect(new Set(results.map((r) => r.offset)).size).toBe(5); // the zones really differed
    const expected = stamps.map((t) => new Date(t).getTime());
    for (const r of results) {
      expect(r.out).toEqual(results[0]!.out);
      expect(r.out.map((x) => (x as InputRecord & { opened: number }).opened)).toEqual(expected);
    }
  }, 60_000);
});

describe('published schemas', () => {
  it('records.schema.json validates the record kinds and discriminates by type', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/records.schema.json'), 'utf8'));
    const validate = new Ajv({ allowUnionTypes: true }).compile(schema);
    for (const text of [inc(), out(), mw(), inc({ severity: 1, plan: undefined, channel: undefined })]) {
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
    for (const text of [inc({ opened: '2026-03-07T22:15:00' }), out({ cause: undefined }), '{"type":"ticket"}', mw({ end: 5 }), '[]']) {
      expect(validate(JSON.parse(text)), text).toBe(false);
    }
  });

  it('evaluate-output.schema.json accepts the documented output and rejects a broken one', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/evaluate-output.schema.json'), 'utf8'));
    const validate = new Ajv({ allowUnionTypes: true }).compile(schema);
    const output = {
      contract: { name: 'Acme', version: '3' }, asOf: '2026-04-01T00:00:00-04:00',
      incidents: [{
        id: 'S1', version: '04',
        objectives: [
          { objective: 'response', status: 'met', due: '2026-03-08T00:15:00-05:00', elapsedMinutes: 30, trace: { clause: 'a.slac:12' } },
          { objective: 'resolution', status: 'not-applicable', due: null, reason: 'no target' },
        ],
      }],
      periods: [{
        // interface.md's example, with what every period now also says: its kind and bounds.
        period: '2026-03',
        periodKind: 'calendar-month',
        start: '2026-03-01T00:00:00-05:00',
        end: '2026-04-01T00:00:00-05:00',
        availability: { percent: 99.7759856630824, target: 99.96, status: 'breached', downtimeMinutes: 100 },
        credit: { percent: 5 },
        reliability: { count: 6, limit: 4, status: 'breached' },
        extra: 'allowed',
      }],
      rejected: [{ line: 2, message: 'unknown severity "urgent"' }],
    };
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(output);
    (broken.incidents[0]!.objectives[0] as Record<string, unknown>).status = 'late';
    expect(validate(broken)).toBe(false);
    const noKind = structuredClone(output);
    delete (noKind.periods[0] as Record<string, unknown>).periodKind;
    expect(validate(noKind)).toBe(false);
    const quarter = structuredClone(output);
    Object.assign(quarter.periods[0]!, { period: '2026-Q1', periodKind: 'calendar-quarter', start: '2026-01-01T00:00:00-05:00' });
    expect(validate(quarter), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...quarter, periods: [{ ...quarter.periods[0], period: '2026-Q5' }] })).toBe(false);
    const noDue = structuredClone(output);
    delete (noDue.incidents[0]!.objectives[0] as Record<string, unknown>).due;
    expect(validate(noDue)).toBe(false);
  });
});
