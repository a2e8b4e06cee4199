// What `slac evaluate` says about the records themselves: fields the schema does not know (a
// warning each with a did-you-mean, or a rejection with --strict), names matched to the contract
// ignoring case, rejections and warnings naming their file, order errors in the contract's zone,
// and text and markdown reports that list at most 50 of each.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { closestField, readRecords, type RecordWarning } from '../../runtime/records';
import { readRepoFile } from '../helpers/ir';
import { runSlac } from '../helpers/io';
import { outputSchemaErrors } from '../helpers/output-schema';

const dir = mkdtempSync(join(tmpdir(), 'slac-report-'));
const AS_OF = ['--as-of', '2026-04-08'];

function log(name: string, lines: (object | string)[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return path;
}

const incident = (over: Record<string, unknown> = {}) => ({
  type: 'incident', id: 'S1', plan: 'essential', severity: 'critical', opened: '2026-03-20T10:00:00-05:00',
  responded: '2026-03-20T10:30:00-05:00', cause: 'provider', channel: 'helpdesk', ...over,
});

describe('fields the schema does not know', () => {
  // The misspelt `resolved` of issue 12: the incident is judged as if never resolved.
  const typo = () => log('typo.ndjson', [
    incident({ restored: undefined, resovled: '2026-03-20T11:00:00-05:00', restord: '2026-03-20T11:00:00-05:00' }),
    { type: 'outage', id: 'O1', start: '2026-03-10T02:00:00-05:00', end: '2026-03-10T03:00:00-05:00', cause: 'provider', Cause: 'x', ticket: 7 },
    { type: 'maintenance', id: 'M1', start: '2026-03-20T22:00:00-05:00', end: '2026-03-20T23:00:00-05:00', notifed: '2026-03-10T08:00:00-05:00' },
  ]);
  const WARNINGS = [
    { line: 1, id: 'S1', field: 'resovled', message: 'unknown field "resovled" is ignored (did you mean "resolved"?)' },
    { line: 1, id: 'S1', field: 'restord', message: 'unknown field "restord" is ignored (did you mean "restored"?)' },
    { line: 2, id: 'O1', field: 'Cause', message: 'unknown field "Cause" is ignored (did you mean "cause"?)' },
    { line: 2, id: 'O1', field: 'ticket', message: 'unknown field "ticket" is ignored (an outage has type, id, start, end, cause, service, services)' },
    { line: 3, id: 'M1', field: 'notifed', message: 'unknown field "notifed" is ignored (did you mean "notified"?)' },
  ];

  it('reports each as a warning with its line and a did-you-mean, and still judges the record', async () => {
    const path = typo();
    const r = await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('slac: 5 warnings: record fields the schema does not know were ignored (see the report)\n');
    const doc = JSON.parse(r.out);
    expect(outputSchemaErrors(doc)).toBe('');
    expect(doc.warnings).toEqual(WARNINGS.map(({ line, ...w }) => ({ line, file: path, ...w })));
    expect(doc.incidents.map((i: { id: string }) => i.id)).toEqual(['S1']);
    expect(doc.downtime.map((d: { id: string }) => d.id)).toEqual(['O1', 'M1']);
    expect(doc.summary).toMatchObject({ lines: 3, accepted: 3, rejected: 0, warnings: 5 });
    expect((await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--quiet'])).err).toBe('');
  });

  it('shows them in every format: ndjson lines before the record, a Warnings section in text and markdown', async () => {
    const path = typo();
    const nd = (await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'ndjson'])).out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(nd.slice(0, 3).map((o) => [o.kind, o.line])).toEqual([['warning', 1], ['warning', 1], ['incident', 1]]);
    expect(nd.filter((o) => o.kind === 'warning').map(({ kind: _, ...w }) => w)).toEqual(WARNINGS.map(({ line, ...w }) => ({ line, file: path, ...w })));
    const text = (await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--no-color'])).out;
    expect(text).toContain(`Warnings\n  ${path}:1: record "S1": unknown field "resovled" is ignored (did you mean "resolved"?)\n`);
    expect(text).toContain('3 lines, 3 evaluated, 0 rejected, 5 warnings');
    const md = (await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'markdown'])).out;
    expect(md).toContain(`## Warnings\n\n- ${path}:1: record "S1": unknown field "resovled" is ignored (did you mean "resolved"?)\n`);
    expect(md).toContain(`- ${path}:2: record "O1": unknown field "Cause" is ignored (did you mean "cause"?)\n`);
  });

  it('--strict rejects each such record instead (exit 3), naming every unknown field', async () => {
    const r = await runSlac(['evaluate', 'contracts/sagicc', typo(), ...AS_OF, '--format', 'json', '--strict']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.out);
    expect(doc.warnings).toEqual([]);
    expect(doc.rejected.map((x: { line: number; message: string }) => [x.line, x.message])).toEqual([
      [1, 'unknown field "resovled" (did you mean "resolved"?); unknown field "restord" (did you mean "restored"?); --strict rejects fields the schema does not know'],
      [2, 'unknown field "Cause" (did you mean "cause"?); unknown field "ticket" (an outage has type, id, start, end, cause, service, services); --strict rejects fields the schema does not know'],
      [3, 'unknown field "notifed" (did you mean "notified"?); --strict rejects fields the schema does not know'],
    ]);
  });

  it('reports them on JSON array elements, with the element', async () => {
    const path = join(dir, 'array.json');
    writeFileSync(path, `[\n${JSON.stringify(incident())},\n${JSON.stringify(incident({ id: 'S2', sevrity: 'high' }))}\n]\n`);
    const doc = JSON.parse((await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'json'])).out);
    expect(doc.warnings).toEqual([{ line: 3, file: path, id: 'S2', field: 'sevrity', message: 'array element 2: unknown field "sevrity" is ignored (did you mean "severity"?)' }]);
  });

  it('knows exactly the fields of the published schema, so a field added there is known at once', async () => {
    const schema = JSON.parse(readRepoFile('schemas/records.schema.json'));
    const contract = compile(readRepoFile('contracts/sagicc/v04.sla'), 'v04.sla').contract;
    for (const type of schema.properties.type.enum as string[]) {
      const fields = Object.keys(schema.definitions[type].properties);
      const full = Object.fromEntries(fields.map((f) => [f, null]));
      const warnings: RecordWarning[] = [];
      const line = JSON.stringify({ ...full, type, id: 'X', extra: 1 });
      await readRecords(log(`${type}.ndjson`, [line]), contract, () => {}, () => {}, { onWarning: (w) => warnings.push(w) });
      expect(warnings.map((w) => w.field), type).toEqual(['extra']);
      for (const f of fields) expect(closestField(type as 'incident', f.toUpperCase())).toBe(f);
    }
  });
});

describe('names in records', () => {
  it('match the declared ids ignoring case, and the verdict shows the declared id; record ids stay exact', async () => {
    const path = log('case.ndjson', [
      incident({ plan: 'Essential', severity: 'CRITICAL', cause: 'Provider', channel: 'HelpDesk' }),
      incident({ id: 's1', severity: 'High', cause: 'FORCE-MAJEURE' }),
      { type: 'outage', id: 'O1', start: '2026-03-10T02:00:00-05:00', end: '2026-03-10T03:00:00-05:00', cause: 'Third-Party' },
    ]);
    const r = await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.rejected).toEqual([]);
    expect(doc.incidents.map((i: Record<string, unknown>) => [i.id, i.plan, i.severity, i.cause, i.channel, i.excluded === null])).toEqual([
      ['S1', 'essential', 'critical', 'provider', 'helpdesk', true], // HelpDesk is the official channel
      ['s1', 'essential', 'high', 'force-majeure', 'helpdesk', false], // another id than S1, and excluded
    ]);
    expect(doc.downtime[0]).toMatchObject({ id: 'O1', countedMinutes: 0 }); // third-party is excluded
  });
});

describe('rejections', () => {
  it('name their file in every format, and order errors show instants in the contract zone', async () => {
    const path = log('order.ndjson', [
      incident({ responded: '2026-03-20T14:00:00Z' }), // 09:00 in Bogota, before it was opened at 10:00
      { type: 'outage', id: 'O1', start: '2026-03-10T08:00:00Z', end: '2026-03-10T07:40:00Z', cause: 'provider' },
    ]);
    const want = [
      [1, 'S1', '"responded" (2026-03-20T14:00:00Z) is before "opened" (2026-03-20T10:00:00-05:00); 2026-03-20T09:00:00-05:00 < 2026-03-20T10:00:00-05:00'],
      [2, 'O1', '"end" (2026-03-10T07:40:00Z) is before "start" (2026-03-10T08:00:00Z); 2026-03-10T02:40:00-05:00 < 2026-03-10T03:00:00-05:00'],
    ];
    const doc = JSON.parse((await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'json'])).out);
    expect(doc.rejected).toEqual(want.map(([line, id, message]) => ({ line, file: path, id, message })));
    expect(outputSchemaErrors(doc)).toBe('');
    const nd = (await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'ndjson'])).out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(nd.filter((o) => o.kind === 'rejected')).toEqual(want.map(([line, id, message]) => ({ kind: 'rejected', line, file: path, id, message })));
    const text = await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--no-color']);
    expect(text.out).toContain(`Rejected records\n  ${path}:1: record "S1": ${want[0]![2]}\n  ${path}:2: record "O1": ${want[1]![2]}\n`);
    const md = await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'markdown']);
    expect(md.out).toContain(`## Rejected records\n\n- ${path}:1: record "S1": `);
  });

  it('standard input is named <stdin>', async () => {
    const r = await runSlac(['evaluate', 'contracts/sagicc', '-', ...AS_OF, '--no-color'], { stdin: '{"type":"incident"}\n' });
    expect(r.out).toContain('  <stdin>:1: missing required field "id"');
  });
});

describe('text and markdown list at most 50 rejections and 50 warnings', () => {
  it('then say how many more there are and where they all are', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => (i % 2 ? incident({ id: `W${i}`, tiket: i }) : incident({ id: `R${i}`, severity: 'urgent' })));
    const path = log('many.ndjson', lines);
    const text = (await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--no-color'])).out;
    const section = (title: string) => text.slice(text.indexOf(`${title}\n`)).split('\n\n')[0]!.split('\n').slice(1);
    for (const title of ['Rejected records', 'Warnings']) {
      const listed = section(title);
      expect(listed).toHaveLength(51);
      expect(listed[50]).toBe('  … and 10 more (every one is in --format json or ndjson)');
    }
    expect(section('Rejected records')[49]).toContain(`${path}:99: record "R98"`);
    const md = (await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'markdown'])).out;
    expect(md.match(/^- … and 10 more \(every one is in --format json or ndjson\)$/gm)).toHaveLength(2);
    const doc = JSON.parse((await runSlac(['evaluate', 'contracts/sagicc', path, ...AS_OF, '--format', 'json'])).out);
    expect([doc.rejected.length, doc.warnings.length]).toEqual([60, 60]);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(121);
  });
});
