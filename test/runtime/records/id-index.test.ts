// Duplicate ids across a stream: a record whose type already has an accepted record with its id is
// rejected, naming the line of the first; ids are per type, a rejected record claims nothing, and
// requests and setup records without an id are not checked. The table of id fingerprints keeps
// every id however many there are, and tells apart ids that share all but one part of it.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../compiler/ir';
import { type InputRecord, readRecords, type Rejected, SeenIds } from '../../../runtime/records';
import { minimalContract } from '../../helpers/minimal-contract';

const CONTRACT: Contract = minimalContract('ids.sla');

async function read(records: object[]) {
  const accepted: InputRecord[] = [];
  const rejected: Rejected[] = [];
  const text = records.map((r) => JSON.stringify(r)).join('\n');
  const counts = await readRecords(Readable.from([text]), CONTRACT, (r) => accepted.push(r), (r) => rejected.push(r));
  return { accepted: accepted.map((r) => [r.line, r.type, r.id]), rejected, counts };
}

const START = '2026-03-01T10:00:00Z';
const END = '2026-03-01T11:00:00Z';
const outage = (id: string, over: object = {}) => ({ type: 'outage', id, start: START, end: END, cause: 'provider', ...over });
const requests = (over: object = {}) => ({ type: 'requests', start: START, end: END, total: 100, failed: 1, ...over });

describe('duplicate ids in a log', () => {
  it('rejects the second record of a type with an id, naming the line of the first', async () => {
    const got = await read([outage('O1'), { type: 'incident', id: 'O1', severity: 'high', opened: START, cause: 'provider' }, outage('O1')]);
    expect(got.accepted).toEqual([[1, 'outage', 'O1'], [2, 'incident', 'O1']]);
    expect(got.rejected).toStrictEqual([{ line: 3, id: 'O1', message: 'duplicate outage id "O1" (first on line 1)' }]);
  });

  it('lets a corrected copy of a rejected record claim the id', async () => {
    const got = await read([outage('O2', { end: '2026-03-01T09:00:00Z' }), outage('O2'), outage('O2')]);
    expect(got.accepted).toEqual([[2, 'outage', 'O2']]);
    expect(got.rejected.map((r) => [r.line, r.message])).toEqual([
      [1, '"end" (2026-03-01T09:00:00Z) is before "start" (2026-03-01T10:00:00Z); 2026-03-01T09:00:00Z < 2026-03-01T10:00:00Z'],
      [3, 'duplicate outage id "O2" (first on line 2)'],
    ]);
  });

  it('does not check requests records without an id, and checks those with one', async () => {
    const got = await read([requests(), requests(), requests({ id: 'R1' }), requests({ id: 'R1' })]);
    expect(got.accepted).toEqual([[1, 'requests', ''], [2, 'requests', ''], [3, 'requests', 'R1']]);
    expect(got.rejected).toStrictEqual([{ line: 4, id: 'R1', message: 'duplicate requests id "R1" (first on line 3)' }]);
    expect(got.counts).toEqual({ lines: 4, blank: 0, accepted: 3, rejected: 1 });
  });
});

const record = (id: string, line: number): InputRecord => ({ type: 'outage', id, start: 0, end: 0, cause: 'provider', line });

describe('the table of ids', () => {
  it('keeps every id of a long log: each one seen again is a duplicate of its own first line', () => {
    const n = 20_000;
    const seen = new SeenIds();
    const ids = Array.from({ length: n }, (_, i) => `INC-${i}`);
    const first = ids.map((id, i) => seen.claim(record(id, i + 1)));
    expect(first.filter((r) => r !== null)).toEqual([]);
    const again = ids.map((id, i) => seen.claim(record(id, n + i + 1))?.message);
    expect(again).toEqual(ids.map((id, i) => `duplicate outage id "${id}" (first on line ${i + 1})`));
  });

  // Each block holds two strings of three characters after which the first hash (FNV-1a) is in the
  // same state, so every id made of one string per block has the same first hash. Among those, a
  // search found the ids below: the first two agree also in the third hash and in the table slot
  // they start at, the last two also in the second hash (hence the slot). Only the remaining part
  // tells each pair apart.
  const BLOCKS: [string, string][] = [
  ["\u4e04\u4ecc\u4e00", "\u4e06\u4e00\u0a36"],
  ["\u4f01\u4e74\u4e00", "\u4f03\u4e40\u0256"],
  ["\u5003\u4e8c\u4e00", "\u5005\u4e40\u8ad2"],
  ["\u5100\u4e2c\u4e00", "\u5106\u4ea0\u1272"],
  ["\u5200\u4e8c\u4e00", "\u5206\u4e40\u12d2"],
  ["\u5300\u4e34\u4e00", "\u5306\u4e88\u01d2"],
  ["\u5400\u4e74\u4e00", "\u5402\u4e40\u925e"],
  ["\u5501\u4eac\u4e00", "\u5503\u4e20\u0a5e"],
  ["\u5600\u4edc\u4e00", "\u5602\u4e00\u8a6e"],
  ["\u5700\u4e94\u4e00", "\u5706\u4e40\u93f2"],
  ["\u5800\u4e64\u4e00", "\u5802\u4e58\u8aee"],
  ["\u5900\u4ecc\u4e00", "\u5902\u4e00\u0a3e"],
  ["\u5a00\u4e3c\u4e00", "\u5a02\u4ec0\u0a2e"],
  ["\u5b00\u4e24\u4e00", "\u5b02\u4e98\u02ee"],
  ["\u5c00\u4eaa\u4e00", "\u5c01\u4ed0\uf26f"],
  ["\u5d00\u4ea3\u4e00", "\u5d01\u4e83\u9a69"],
  ["\u5e00\u4edd\u4e00", "\u5e01\u4ed9\ue399"],
  ["\u5f00\u4e7c\u4e00", "\u5f02\u4e40\u0a36"],
  ["\u6001\u4e9c\u4e00", "\u6003\u4e18\u725e"],
  ["\u6100\u4e4c\u4e00", "\u6106\u4e80\u32d2"],
  ["\u6200\u4ed8\u4e00", "\u6202\u4e04\u7256"],
  ["\u6301\u4ef4\u4e00", "\u6303\u4e00\u0a36"],
  ["\u6400\u4eba\u4e00", "\u6401\u4e80\ua3b7"],
  ["\u6500\u4e9c\u4e00", "\u6502\u4e50\u0bf6"]
  ];
  const id = (choice: number) => BLOCKS.map((b, i) => b[(choice >>> i) & 1]!).join('');

  it('tells apart ids that share the first and third hashes and their slot', () => {
    const [a, b] = [id(1_431_946), id(3_995_133)];
    expect(a).not.toBe(b);
    const seen = new SeenIds();
    expect(seen.claim(record(a, 1))).toBeNull();
    expect(seen.claim(record(b, 2))).toBeNull();
    expect(seen.claim(record(a, 3))?.message).toBe(`duplicate outage id "${a.slice(0, 59)}… (first on line 1)`);
    expect(seen.claim(record(b, 4))?.message).toBe(`duplicate outage id "${b.slice(0, 59)}… (first on line 2)`);
  });

  it('tells apart ids that share the first and second hashes', () => {
    const [a, b] = [id(3_823_869), id(10_164_515)];
    expect(a).not.toBe(b);
    const seen = new SeenIds();
    expect(seen.claim(record(a, 1))).toBeNull();
    expect(seen.claim(record(b, 2))).toBeNull();
    expect(seen.claim(record(b, 3))?.message).toBe(`duplicate outage id "${b.slice(0, 59)}… (first on line 2)`);
    expect(seen.claim(record(a, 4))?.message).toBe(`duplicate outage id "${a.slice(0, 59)}… (first on line 1)`);
  });
});
