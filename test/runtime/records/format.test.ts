// Inputs that are not NDJSON at all: what the first bytes (gzip, ZIP, PDF, UTF-16) or the first
// non-blank line (HTML, XML, YAML, TSV, CSV, other text) show the file to be, and the one message
// the run stops with, naming the file and what slac reads instead.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../compiler/ir';
import { binaryLook, firstLineLook } from '../../../runtime/records/format';
import { type InputRecord, readRecords, RecordsFormatError, type Rejected } from '../../../runtime/records';
import { minimalContract } from '../../helpers/minimal-contract';

const CONTRACT: Contract = minimalContract('format.sla');

const NDJSON = '; slac evaluate reads NDJSON: one JSON object per line, see schemas/records.schema.json';

/** Reads `bytes` as a records input: the RecordsFormatError it stops with, after checking nothing was judged. */
async function formatError(bytes: Buffer | string): Promise<RecordsFormatError> {
  const records: InputRecord[] = [];
  const rejected: Rejected[] = [];
  const error = await readRecords(Readable.from([Buffer.from(bytes)]), CONTRACT, (r) => records.push(r), (r) => rejected.push(r)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(records).toEqual([]);
  expect(rejected).toEqual([]);
  expect(error).toBeInstanceOf(RecordsFormatError);
  return error as RecordsFormatError;
}

describe('the message a format error stops the run with', () => {
  it('names the file and the command, and says what slac reads', async () => {
    const e = await formatError('id,start,end\nO1,2026-03-01,2026-03-02\n');
    expect(e.describe('outages.csv', 'evaluate')).toBe(`outages.csv looks like CSV (header "id,start,end")${NDJSON}`);
    expect(e.describe('standard input', 'check')).toBe(
      'standard input looks like CSV (header "id,start,end"); slac check reads NDJSON: one JSON object per line, see schemas/records.schema.json',
    );
  });

  it('says only the problem when it is not about NDJSON', () => {
    expect(new RecordsFormatError('is too large', false).describe('records.json', 'evaluate')).toBe('records.json is too large');
    expect(new RecordsFormatError('is not JSON (first line "x")').describe('r.txt', 'evaluate')).toBe(`r.txt is not JSON (first line "x")${NDJSON}`);
  });

  it('judges the first non-blank line, after blank ones', async () => {
    const e = await formatError('\n  \n\tname\tstart\n');
    expect(e.describe('log.tsv', 'evaluate')).toBe(`log.tsv looks like TSV (header "name\\tstart")${NDJSON}`);
  });

  it('judges only the first line: a later line that is not JSON is rejected with its number', async () => {
    const rejected: Rejected[] = [];
    const counts = await readRecords(
      Readable.from(['{"type":"outage","id":"O1","start":"2026-03-01T10:00:00Z","end":"2026-03-01T11:00:00Z","cause":"provider"}\nid,start,end\n']),
      CONTRACT,
      () => {},
      (r) => rejected.push(r),
    );
    expect(counts).toEqual({ lines: 2, blank: 0, accepted: 1, rejected: 1 });
    expect(rejected.map((r) => r.line)).toEqual([2]);
  });
});

describe('binary signatures', () => {
  it('stops a compressed, archived, PDF or UTF-16 input by its first bytes', async () => {
    const cases: [number[], string][] = [
      [[0x1f, 0x8b, 0x08, 0x00], 'looks like gzip-compressed data (decompress it first)'],
      [[0x50, 0x4b, 0x03, 0x04, 0x14], 'looks like a ZIP archive (an Excel .xlsx file is one)'],
      [[...Buffer.from('%PDF-1.7\n')], 'looks like a PDF document'],
      [[0xff, 0xfe, 0x7b, 0x00], 'looks like UTF-16 text (save it as UTF-8)'],
      [[0xfe, 0xff, 0x00, 0x7b], 'looks like UTF-16 text (save it as UTF-8)'],
    ];
    for (const [bytes, message] of cases) {
      const e = await formatError(Buffer.from(bytes));
      expect(e.message).toBe(message);
    }
    expect((await formatError(Buffer.from([0x1f, 0x8b]))).describe('log.ndjson.gz', 'evaluate')).toBe(
      `log.ndjson.gz looks like gzip-compressed data (decompress it first)${NDJSON}`,
    );
  });

  it('needs every byte of a signature', () => {
    expect(binaryLook(Uint8Array.from([0x1f, 0x00]))).toBeNull();
    expect(binaryLook(Uint8Array.from([0x00, 0x8b]))).toBeNull();
    expect(binaryLook(Uint8Array.from([0x50, 0x4b, 0x03, 0x05]))).toBeNull();
    expect(binaryLook(Uint8Array.from([0x50, 0x4b]))).toBeNull();
    expect(binaryLook(Buffer.from('%PDF'))).toBeNull();
    expect(binaryLook(Buffer.from('{"type":"outage"}'))).toBeNull();
    expect(binaryLook(Uint8Array.from([0xfe, 0xfe]))).toBeNull();
  });
});

describe('the first line', () => {
  it('may start NDJSON when it opens an object or an array, even malformed, or is any JSON value', () => {
    for (const line of ['{"type":"outage"}', '{"type":', '[1,', '  {"type":', ' [', '42', '"text"', 'true', 'null', ' 3.5 ']) {
      expect(firstLineLook(line), line).toBeNull();
    }
  });

  it('says what it looks like otherwise, quoting it', () => {
    const cases: [string, string][] = [
      ['<!DOCTYPE html>', 'looks like HTML (it starts with "<!DOCTYPE html>")'],
      ['<html lang="en">', 'looks like HTML (it starts with "<html lang=\\"en\\">")'],
      ['<htmlish>', 'looks like XML (it starts with "<htmlish>")'],
      ['<?xml version="1.0"?>', 'looks like XML (it starts with "<?xml version=\\"1.0\\"?>")'],
      ['---', 'looks like YAML (first line "---")'],
      ['%YAML 1.2', 'looks like YAML (first line "%YAML 1.2")'],
      ['- id: O1', 'looks like YAML (first line "- id: O1")'],
      ['records: ', 'looks like YAML (first line "records:")'],
      ['records:', 'looks like YAML (first line "records:")'],
      ['incident log: March', 'looks like YAML (first line "incident log: March")'],
      ['id\tstart\tend', 'looks like TSV (header "id\\tstart\\tend")'],
      ['id,start\tend', 'looks like TSV (header "id,start\\tend")'],
      ['id,start,end', 'looks like CSV (header "id,start,end")'],
      ['id;start;end', 'looks like CSV (header "id;start;end")'],
      ['hello world', 'is not JSON (first line "hello world")'],
      ['start - end', 'is not JSON (first line "start - end")'],
      ['# title: March', 'is not JSON (first line "# title: March")'],
      ['1 log: March', 'is not JSON (first line "1 log: March")'],
      ['name:value', 'is not JSON (first line "name:value")'],
      ['x <html>', 'is not JSON (first line "x <html>")'],
      ['--', 'is not JSON (first line "--")'],
      ['YAML 1.2 %YAML', 'is not JSON (first line "YAML 1.2 %YAML")'],
    ];
    for (const [line, look] of cases) expect(firstLineLook(line), line).toBe(look);
  });
});
