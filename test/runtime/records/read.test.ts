// readRecords and streamRecords, the record reader's entry points: the counts (lines = accepted +
// rejected + blank), which callback each line reaches and in what order, duplicate ids (also
// between array elements), the file named in rejections and warnings, --strict, afterBatch once
// per batch before its lines, input from a file path or stdin, and an input opened ahead of time.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import {
  type InputRecord,
  MAX_LINE_BYTES,
  openRecordInput,
  type ReadOptions,
  readRecords,
  type RecordInput,
  RecordsFormatError,
  type RecordWarning,
  type Rejected,
  streamRecords,
} from '../../../runtime/records';
import { minimalContract } from '../../helpers/minimal-contract';

const outage = (id: string, extra = '') =>
  `{"type":"outage","id":"${id}","start":"2026-03-01T10:00:00Z","end":"2026-03-01T11:00:00Z","cause":"provider"${extra}}`;
const START = Date.UTC(2026, 2, 1, 10);
const rec = (id: string, line: number) => ({ type: 'outage', id, start: START, end: START + 3_600_000, cause: 'provider', line });

const NOTE_WARNING = 'unknown field "note" is ignored (an outage has type, id, start, end, cause, service, services)';
const NOTE_STRICT = 'unknown field "note" (an outage has type, id, start, end, cause, service, services); --strict rejects fields the schema does not know';

async function read(input: RecordInput, options: ReadOptions = {}) {
  const events: unknown[] = [];
  const counts = await readRecords(
    input,
    minimalContract('read.sla'),
    (r: InputRecord) => events.push(['record', r]),
    (r: Rejected) => events.push(['rejected', r]),
    options,
  );
  return { events, counts };
}

/** The chunks as a bare async iterable, so that exactly what is pulled is known. */
function pulled(parts: (string | Error)[], log: string[]): RecordInput {
  async function* gen() {
    for (const p of parts) {
      if (p instanceof Error) throw p;
      log.push(p);
      yield Buffer.from(p);
    }
  }
  return gen() as unknown as RecordInput;
}

describe('readRecords', () => {
  it('gives each accepted record and each rejection in input order, and counts every line', async () => {
    const log = [outage('O1'), '', outage('O2', ',"cause":"gremlins"'), '  ', '{"type":', outage('O1'), outage('O3')].join('\n');
    const got = await read(Readable.from([Buffer.from(log)]));
    expect(got.events).toEqual([
      ['record', rec('O1', 1)],
      ['rejected', { line: 3, id: 'O2', message: 'unknown cause "gremlins" (declared: provider)' }],
      ['rejected', { line: 5, message: `malformed JSON: ${jsonError('{"type":')}` }],
      ['rejected', { line: 6, id: 'O1', message: 'duplicate outage id "O1" (first on line 1)' }],
      ['record', rec('O3', 7)],
    ]);
    expect(got.counts).toEqual({ lines: 7, blank: 2, accepted: 2, rejected: 3 });
  });

  it('rejects a duplicate id between array elements with the element named, and the line each starts on', async () => {
    const got = await read(Readable.from([`[${outage('O1')},\n${outage('O2')}, ${outage('O1')},\n 7]`]));
    expect(got.events).toEqual([
      ['record', rec('O1', 1)],
      ['record', rec('O2', 2)],
      ['rejected', { line: 2, id: 'O1', message: 'array element 3: duplicate outage id "O1" (first on line 1)' }],
      ['rejected', { line: 3, message: 'array element 4: record must be a JSON object, got number 7' }],
    ]);
    expect(got.counts).toEqual({ lines: 4, blank: 0, accepted: 2, rejected: 2 });
  });

  it('rejects a line too long or not UTF-8 with the reason the splitter gave, naming the element in an array', async () => {
    const got = await read(Readable.from([Buffer.concat([Buffer.from(`${outage('O1')}\n{"id":"`), Buffer.from([0xff]), Buffer.from('"}\n')])]));
    expect(got.events).toEqual([
      ['record', rec('O1', 1)],
      ['rejected', { line: 2, message: 'the line is not valid UTF-8; slac reads UTF-8 text (convert the file, e.g. iconv -f latin1 -t utf-8)' }],
    ]);
    expect(got.counts).toEqual({ lines: 2, blank: 0, accepted: 1, rejected: 1 });
  });

  it('names the file in rejections and warnings when told it, and passes each warning before the record of its line', async () => {
    const warnings: RecordWarning[] = [];
    const events: unknown[] = [];
    const input = Readable.from([`${outage('O1', ',"note":"a"')}\n${outage('O2', ',"note":"b","cause":"x"')}\n`]);
    const counts = await readRecords(input, minimalContract('read.sla'), (r) => events.push(['record', r.id]), (r) => events.push(['rejected', r]), {
      file: 'march.ndjson',
      onWarning: (w) => {
        warnings.push(w);
        events.push(['warning', w.line]);
      },
    });
    expect(events).toEqual([
      ['warning', 1],
      ['record', 'O1'],
      ['warning', 2],
      ['rejected', { line: 2, file: 'march.ndjson', id: 'O2', message: 'unknown cause "x" (declared: provider)' }],
    ]);
    expect(warnings).toEqual([
      { line: 1, file: 'march.ndjson', id: 'O1', field: 'note', message: NOTE_WARNING },
      { line: 2, file: 'march.ndjson', id: 'O2', field: 'note', message: NOTE_WARNING },
    ]);
    expect(counts).toEqual({ lines: 2, blank: 0, accepted: 1, rejected: 1 });
  });

  it('warns of nothing when not asked to, and rejects unknown fields with strict', async () => {
    const input = () => Readable.from([`${outage('O1', ',"note":"a"')}\n${outage('O2')}\n`]);
    expect(await read(input())).toEqual({ events: [['record', rec('O1', 1)], ['record', rec('O2', 2)]], counts: { lines: 2, blank: 0, accepted: 2, rejected: 0 } });
    expect(await read(input(), { strict: true, file: 'f.ndjson' })).toEqual({
      events: [
        ['rejected', { line: 1, file: 'f.ndjson', id: 'O1', message: NOTE_STRICT }],
        ['record', rec('O2', 2)],
      ],
      counts: { lines: 2, blank: 0, accepted: 1, rejected: 1 },
    });
  });

  it('awaits afterBatch once per batch, before the lines of that batch', async () => {
    const events: unknown[] = [];
    let batches = 0;
    const counts = await readRecords(
      pulled([`${outage('O1')}\n${outage('O2')}\n`, '\n', `${outage('O3')}\n{`, '}'], []),
      minimalContract('read.sla'),
      (r) => events.push(r.id),
      (r) => events.push(r.line),
      {
        afterBatch: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          events.push(`batch ${++batches}`);
        },
      },
    );
    expect(events).toEqual(['batch 1', 'O1', 'O2', 'batch 2', 'batch 3', 'O3', 'batch 4', 5]);
    expect(counts).toEqual({ lines: 5, blank: 1, accepted: 3, rejected: 1 });
  });

  it('calls afterBatch for no chunk that completes no line, nor for the end after a final newline', async () => {
    const events: unknown[] = [];
    const line = outage('O1');
    await readRecords(pulled([line.slice(0, 10), line.slice(10, 20), `${line.slice(20)}\n`], []), minimalContract('read.sla'), (r) => events.push(r.id), () => {}, {
      afterBatch: () => {
        events.push('batch');
      },
    });
    expect(events).toEqual(['batch', 'O1']);
  });

  it('reads a file by its path, and standard input for `-`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-read-'));
    try {
      const path = join(dir, 'log.ndjson');
      writeFileSync(path, `${outage('O1')}\r\n\r\n${outage('O2')}`);
      expect(await read(path)).toEqual({ events: [['record', rec('O1', 1)], ['record', rec('O2', 3)]], counts: { lines: 3, blank: 1, accepted: 2, rejected: 0 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const stdin = vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([`${outage('S1')}\n`]) as unknown as typeof process.stdin);
    try {
      expect(await read('-')).toEqual({ events: [['record', rec('S1', 1)]], counts: { lines: 1, blank: 0, accepted: 1, rejected: 0 } });
    } finally {
      stdin.mockRestore();
    }
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('parsed');
}

describe('streamRecords', () => {
  it('yields warnings, records and rejections in order, and returns the counts', async () => {
    const gen = streamRecords(Readable.from([`\n${outage('O1', ',"note":1')}\n${outage('O1')}\n`]), minimalContract('read.sla'), { file: 'a.ndjson' });
    const events: unknown[] = [];
    let step = await gen.next();
    for (; !step.done; step = await gen.next()) events.push(step.value);
    expect(events).toEqual([
      { kind: 'warning', warning: { line: 2, file: 'a.ndjson', id: 'O1', field: 'note', message: NOTE_WARNING } },
      { kind: 'record', record: rec('O1', 2) },
      { kind: 'rejected', rejected: { line: 3, file: 'a.ndjson', id: 'O1', message: 'duplicate outage id "O1" (first on line 2)' } },
    ]);
    expect(step.value).toEqual({ lines: 3, blank: 1, accepted: 1, rejected: 1 });
  });

  it('rejects unknown fields with strict', async () => {
    const events: unknown[] = [];
    const gen = streamRecords(Readable.from([outage('O1', ',"note":1')]), minimalContract('read.sla'), { strict: true });
    for await (const e of gen) events.push(e);
    expect(events).toEqual([
      { kind: 'rejected', rejected: { line: 1, id: 'O1', message: NOTE_STRICT } },
    ]);
  });
});

describe('an input opened ahead', () => {
  it('is read up to its first non-blank line only, then on from there, once', async () => {
    const log: string[] = [];
    const opened = await openRecordInput(pulled(['\n', ' \n', `${outage('O1')}\n`, `${outage('O2')}\n`, new Error('disk gone')], log));
    expect(log).toEqual(['\n', ' \n', `${outage('O1')}\n`]);
    const events: unknown[] = [];
    const run = readRecords(opened, minimalContract('read.sla'), (r) => events.push(r.id), () => {});
    await expect(run).rejects.toThrow('disk gone');
    expect(events).toEqual(['O1', 'O2']);
    await expect(read(opened)).rejects.toThrow('a records input can be read once');
  });

  it('reads every batch of an input that is blank or ends before its first record', async () => {
    const opened = await openRecordInput(pulled(['\n', '\n', ' '], []));
    expect(await read(opened)).toEqual({ events: [], counts: { lines: 3, blank: 3, accepted: 0, rejected: 0 } });
    expect(await read(await openRecordInput(pulled([], [])))).toEqual({ events: [], counts: { lines: 0, blank: 0, accepted: 0, rejected: 0 } });
  });

  it('reads on past blank lines beyond what is held ahead, up to the first record, and stops at a format error there', async () => {
    // 1,000 lines of 17,000 spaces: more white space than a line may hold ahead (MAX_LINE_BYTES), so
    // they come as a batch of blank lines of their own; the CSV header after them must still stop
    // the run before anything is read.
    const blanks = `${' '.repeat(17_000)}\n`.repeat(1_000);
    expect(blanks.length).toBeGreaterThan(MAX_LINE_BYTES);
    const e = await openRecordInput(pulled([blanks, 'id,start\n', new Error('read too far')], [])).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(RecordsFormatError);
    expect((e as Error).message).toBe('looks like CSV (header "id,start")');
  });

  it('stops at a format error before anything is read', async () => {
    const e = await openRecordInput(pulled(['id,start\n', new Error('read too far')], [])).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(RecordsFormatError);
    expect((e as Error).message).toBe('looks like CSV (header "id,start")');
  });
});
