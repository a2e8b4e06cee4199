// Fuzzing the record reader as `slac evaluate` runs it: logs of records that mix every field of
// every record type with random values (timestamps in and out of range, names in any case, control
// characters, lone surrogates, huge numbers, nested junk), lines of random bytes (invalid UTF-8)
// and blank lines. Whatever the log: no crash, every line accounted for (accepted + rejected +
// blank = lines), and the JSON report valid against schemas/evaluate-output.schema.json.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { readRecords } from '../../runtime/records';
import { readRepoFile } from '../helpers/ir';
import { runSlac } from '../helpers/io';
import { outputSchemaErrors } from '../helpers/output-schema';

const schema = JSON.parse(readRepoFile('schemas/records.schema.json'));
const TYPES: string[] = schema.properties.type.enum;
const FIELDS = [...new Set(TYPES.flatMap((t) => Object.keys(schema.definitions[t].properties)))];
const dir = mkdtempSync(join(tmpdir(), 'slac-fuzz-'));

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const timestamp = fc
  .record({
    y: fc.oneof(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 0, max: 9999 })),
    mo: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), h: fc.integer({ min: 0, max: 24 }),
    mi: fc.integer({ min: 0, max: 60 }), s: fc.integer({ min: 0, max: 60 }), ms: fc.option(fc.integer({ min: 0, max: 999_999 })),
    off: fc.constantFrom('Z', '-05:00', '+05:30', '+14:00', '-0300', '', '+24:00'),
  })
  .map(({ y, mo, d, h, mi, s, ms, off }) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms === null ? '' : `.${ms}`}${off}`);
const nasty = fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u0007', '\n', '\r', '\t', '\u2028', '"', '\\', '\ufffd', '\ud800', '\udfff', 'é', '🚀', 'a', '[', '{') });
const name = fc.oneof(
  fc.constantFrom('essential', 'Standard', 'PROFESSIONAL', 'critical', 'High', '1', 'provider', 'Third-Party', 'force-majeure', 'helpdesk', 'HelpDesk', 'email'),
  fc.constantFrom(...TYPES),
  nasty,
  fc.string({ unit: 'binary', maxLength: 30 }),
);
/** A JSON value, as text: also numbers JSON.stringify cannot write (1e999, 30 digits). */
const value = fc.oneof(
  timestamp.map((t) => JSON.stringify(t)),
  name.map((n) => JSON.stringify(n)),
  fc.constantFrom('null', 'true', 'false', '0', '-0', '1', '2', '1e999', '-1e999', '123456789012345678901234567890', '1e-400', '9007199254740993'),
  fc.double().map((x) => (Number.isFinite(x) ? JSON.stringify(x) : '0')),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
);
const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'resovled', 'Opened', 'ticket') }, { weight: 1, arbitrary: nasty });
const recordLine = fc
  .tuple(fc.constantFrom(...TYPES, 'ticket'), fc.array(fc.tuple(key, value), { maxLength: 14 }), fc.boolean())
  .map(([type, pairs, typeFirst]) => {
    const fields = pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`);
    const t = `"type":${JSON.stringify(type)}`;
    return Buffer.from(`{${(typeFirst ? [t, ...fields] : [...fields, t]).join(',')}}`);
  });
/** A valid record of each type, then up to three changes: a field set to any value, removed, or added. */
const stamp2026 = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 5, 1) });
const iso = (t: number) => new Date(t).toISOString();
const base = fc.tuple(fc.constantFrom(...TYPES), fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), nasty), stamp2026, fc.nat({ max: 9 * 86_400_000 })).map(
  ([type, id, t, d]): [string, string][] => {
    const q = (v: unknown) => JSON.stringify(v);
    if (type === 'incident') {
      return [['type', q(type)], ['id', q(id)], ['plan', q('essential')], ['severity', q('high')], ['opened', q(iso(t))], ['responded', q(iso(t + d))], ['cause', q('provider')], ['channel', q('helpdesk')]];
    }
    const rest: [string, string][] = type === 'outage' ? [['cause', q('provider')]] : [['notified', q(iso(t - d))]];
    return [['type', q(type)], ['id', q(id)], ['start', q(iso(t))], ['end', q(iso(t + d))], ...rest];
  },
);
const change = fc.oneof(
  fc.tuple(fc.constant('set' as const), key, value),
  fc.tuple(fc.constant('drop' as const), fc.constantFrom(...FIELDS), fc.constant('')),
);
const nearRecordLine = fc.tuple(base, fc.array(change, { maxLength: 3 })).map(([pairs, changes]) => {
  const fields = new Map(pairs);
  for (const [what, k, v] of changes) {
    if (what === 'drop') fields.delete(k);
    else fields.set(k, v);
  }
  return Buffer.from(`{${[...fields].map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
});
const bytesLine = fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b.map((x) => (x === 10 ? 32 : x))));
const line = fc.oneof(
  { weight: 6, arbitrary: nearRecordLine },
  { weight: 3, arbitrary: recordLine },
  { weight: 2, arbitrary: bytesLine },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\r').map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))) },
);
/** A log: a record first (so it is NDJSON), then anything; as bytes, with the number of lines it has. */
const log = fc.tuple(fc.oneof(nearRecordLine, recordLine), fc.array(line, { maxLength: 40 }), fc.boolean()).map(([first, rest, finalNewline]) => {
  const lines = [first, ...rest];
  const bytes = Buffer.concat(lines.flatMap((l, i) => (i < lines.length - 1 || finalNewline ? [l, Buffer.from('\n')] : [l])));
  // Without a final newline, an empty last line is no line at all.
  return { bytes, lines: !finalNewline && lines[lines.length - 1]!.length === 0 ? lines.length - 1 : lines.length };
});

const SAGICC = compile(readRepoFile('contracts/sagicc/v04.sla'), 'v04.sla').contract;

describe('fuzzed records', () => {
  it('the reader accounts for every line and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(log, fc.boolean(), async ({ bytes, lines }, strict) => {
        let warnings = 0;
        const counts = await readRecords([bytes] as unknown as NodeJS.ReadableStream, SAGICC, () => {}, () => {}, { strict, onWarning: () => warnings++ });
        expect(counts.lines).toBe(lines);
        expect(counts.accepted + counts.rejected + counts.blank).toBe(counts.lines);
        if (strict) expect(warnings).toBe(0);
      }),
      { numRuns: 400, seed: 20260401 },
    );
  });

  it('evaluate --format json gives a report valid against its schema, with every line accounted for', async () => {
    const path = join(dir, 'fuzz.ndjson');
    await fc.assert(
      fc.asyncProperty(log, fc.constantFrom([], ['--strict']), async ({ bytes, lines }, flags) => {
        writeFileSync(path, bytes);
        const r = await runSlac(['evaluate', 'contracts/sagicc', path, '--as-of', '2026-04-08', '--format', 'json', ...flags]);
        expect(r.err).not.toContain('internal error');
        expect([0, 3]).toContain(r.code);
        const doc = JSON.parse(r.out);
        expect(outputSchemaErrors(doc)).toBe('');
        const k = doc.summary;
        expect(k.lines).toBe(lines);
        expect(k.accepted + k.rejected + k.blank).toBe(k.lines);
        expect(doc.rejected).toHaveLength(k.rejected);
        expect(doc.warnings).toHaveLength(k.warnings);
        expect(r.code).toBe(k.rejected > 0 ? 3 : 0);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});
