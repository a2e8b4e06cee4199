// The folder rules as a function of compiled files: what counts as the same date, and what is an
// error of one file (a missing or unknown zone) rather than a mismatch between versions.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { checkFolder } from '../../compiler/folder';

const version = (n: number, lines: string[]) =>
  compile(['contract "X"', `version ${n}`, ...lines, 'severities', '  high', 'response 1 hour for every incident', 'causes', '  counted provider'].join('\n'), `v${n}.sla`);

const codes = (found: Map<string, { code: string; span: { start: number } }[]>) =>
  [...found].flatMap(([file, ds]) => ds.map((d) => `${file} ${d.code}`)).sort();

describe('checkFolder', () => {
  it('two versions without an effective line are both "unspecified": SLA2020 on their first line', () => {
    const found = checkFolder([version(1, ['time zone UTC']), version(2, ['time zone UTC'])]);
    expect(codes(found)).toEqual(['v1.sla SLA2020', 'v2.sla SLA2020']);
    expect(found.get('v1.sla')![0].span).toEqual({ start: 0, end: 0 });
  });

  it('a missing or unknown zone is its own file\'s error, not a mismatch', () => {
    const a = version(1, ['effective 2026-01-01', 'time zone America/Bogota']);
    expect(codes(checkFolder([a, version(2, ['effective 2026-02-01'])]))).toEqual([]);
    expect(codes(checkFolder([a, version(2, ['effective 2026-02-01', 'time zone Mars/Olympus'])]))).toEqual([]);
  });

  it('names every other version in the finding: three files, two dates shared', () => {
    const found = checkFolder([
      version(1, ['effective 2026-01-01', 'time zone UTC']),
      version(2, ['effective 2026-01-01', 'time zone UTC']),
      version(3, ['effective 2026-01-01', 'time zone UTC']),
    ]);
    expect(found.get('v1.sla')![0].related.map((r) => r.file)).toEqual(['v2.sla', 'v3.sla']);
    expect(found.get('v1.sla')![0].message).toContain('2 other versions take effect on 2026-01-01');
  });

  it('one file is no folder to check', () => {
    expect(checkFolder([version(1, [])]).size).toBe(0);
  });
});

describe('checkFolder: what versions of one contract must share, word for word', () => {
  type Found = { file: string; code: string; at: string; message: string; related: string[] };
  const texts = new Map<string, string>();
  const file = (name: string, lines: string[]) => {
    const text = [...lines, 'severities', '  high', 'response 1 hour for every incident', 'causes', '  counted provider', ''].join('\n');
    texts.set(name, text);
    return compile(text, name);
  };
  const at = (f: string, s: { start: number; end: number }): string => texts.get(f)!.slice(s.start, s.end);
  const all = (found: ReturnType<typeof checkFolder>): Found[] =>
    [...found].flatMap(([f, ds]) =>
      ds.map((d) => ({ file: f, code: d.code, at: at(f, d.span), message: d.message, related: d.related.map((r) => `${r.file} ${at(r.file!, r.span)}: ${r.message}`) })),
    );

  it('another contract name: each file names the others, one or several', () => {
    const found = all(
      checkFolder([
        file('a.sla', ['contract "Alpha"', 'version 1', 'effective 2026-01-01', 'time zone UTC']),
        file('b.sla', ['contract "Beta"', 'version 2', 'effective 2026-02-01', 'time zone UTC']),
        file('c.sla', ['contract "Beta"', 'version 3', 'effective 2026-03-01', 'time zone UTC']),
      ]),
    );
    expect(found).toEqual([
      {
        file: 'a.sla',
        code: 'SLA2021',
        at: '"Alpha"',
        message: 'this folder holds the versions of one contract, but this one is "Alpha" and others are "Beta"',
        related: ['b.sla "Beta": this version names "Beta"', 'c.sla "Beta": this version names "Beta"'],
      },
      { file: 'b.sla', code: 'SLA2021', at: '"Beta"', message: 'this folder holds the versions of one contract, but this one is "Beta" and another is "Alpha"', related: ['a.sla "Alpha": this version names "Alpha"'] },
      { file: 'c.sla', code: 'SLA2021', at: '"Beta"', message: 'this folder holds the versions of one contract, but this one is "Beta" and another is "Alpha"', related: ['a.sla "Alpha": this version names "Alpha"'] },
    ]);
  });

  it('another time zone: on the zone, naming each other zone once', () => {
    const found = all(
      checkFolder([
        file('a.sla', ['contract "X"', 'version 1', 'effective 2026-01-01', 'time zone UTC']),
        file('b.sla', ['contract "X"', 'version 2', 'effective 2026-02-01', 'time zone America/Bogota']),
        file('c.sla', ['contract "X"', 'version 3', 'effective 2026-03-01', 'time zone America/Bogota']),
      ]),
    );
    expect(found.map((f) => [f.file, f.code, f.at, f.message])).toEqual([
      ['a.sla', 'SLA2022', 'UTC', 'the versions of one contract share one time zone, but this one names UTC and others America/Bogota'],
      ['b.sla', 'SLA2022', 'America/Bogota', 'the versions of one contract share one time zone, but this one names America/Bogota and another UTC'],
      ['c.sla', 'SLA2022', 'America/Bogota', 'the versions of one contract share one time zone, but this one names America/Bogota and another UTC'],
    ]);
    expect(found[1].related).toEqual(['a.sla UTC: this version names UTC']);
  });

  it('periods that begin differently: a zone of their own, a fiscal year, or neither, at the line that says so', () => {
    const head = (n: number, ...extra: string[]) => ['contract "X"', `version ${n}`, `effective 2026-0${n}-01`, 'time zone UTC', ...extra];
    const found = all(
      checkFolder([
        file('a.sla', head(1)),
        file('b.sla', head(2, 'periods in Europe/Berlin')),
        file('c.sla', head(3, 'fiscal year starts april')),
        file('d.sla', head(4, 'fiscal year starts december')),
      ]),
    );
    expect(found.map((f) => [f.file, f.at, f.message])).toEqual([
      [
        'a.sla',
        '',
        "the versions of one contract begin their periods alike, but this one has periods in the contract's zone, no fiscal year, and others periods in Europe/Berlin, no fiscal year; periods in the contract's zone, fiscal years from April; periods in the contract's zone, fiscal years from December",
      ],
      [
        'b.sla',
        'Europe/Berlin',
        "the versions of one contract begin their periods alike, but this one has periods in Europe/Berlin, no fiscal year, and others periods in the contract's zone, no fiscal year; periods in the contract's zone, fiscal years from April; periods in the contract's zone, fiscal years from December",
      ],
      [
        'c.sla',
        'april',
        "the versions of one contract begin their periods alike, but this one has periods in the contract's zone, fiscal years from April, and others periods in the contract's zone, no fiscal year; periods in Europe/Berlin, no fiscal year; periods in the contract's zone, fiscal years from December",
      ],
      [
        'd.sla',
        'december',
        "the versions of one contract begin their periods alike, but this one has periods in the contract's zone, fiscal years from December, and others periods in the contract's zone, no fiscal year; periods in Europe/Berlin, no fiscal year; periods in the contract's zone, fiscal years from April",
      ],
    ]);
    expect(found.every((f) => f.code === 'SLA2036')).toBe(true);
    // Neither line written: the finding marks the start of the file's first line, as SLA2010 does.
    const commented = checkFolder([file('k.sla', ['# First version', ...head(1)]), file('l.sla', head(2, 'periods in Europe/Berlin'))]);
    expect(commented.get('k.sla')![0].span).toEqual({ start: texts.get('k.sla')!.indexOf('contract'), end: texts.get('k.sla')!.indexOf('contract') });
    expect(found[0].related).toEqual([
      "b.sla Europe/Berlin: this version names periods in Europe/Berlin, no fiscal year",
      "c.sla april: this version names periods in the contract's zone, fiscal years from April",
      "d.sla december: this version names periods in the contract's zone, fiscal years from December",
    ]);
    // Two versions that begin their periods alike, in the zone or with the same fiscal year: nothing.
    expect(all(checkFolder([file('e.sla', head(1, 'fiscal year starts april')), file('f.sla', head(2, 'fiscal year starts april'))]))).toEqual([]);
    expect(all(checkFolder([file('g.sla', head(1, 'periods in UTC')), file('h.sla', head(2, 'periods in UTC'))]))).toEqual([]);
  });

  it('one other version on the same date: on the effective line, relating it; the findings of a file sorted by position', () => {
    const found = all(
      checkFolder([
        file('a.sla', ['contract "One"', 'version 1', 'effective 2026-01-01', 'time zone UTC']),
        file('b.sla', ['contract "Two"', 'version 2', 'effective 2026-01-01', 'time zone UTC']),
      ]),
    );
    expect(found.filter((f) => f.file === 'a.sla').map((f) => [f.code, f.at, f.message, f.related])).toEqual([
      ['SLA2021', '"One"', 'this folder holds the versions of one contract, but this one is "One" and another is "Two"', ['b.sla "Two": this version names "Two"']],
      [
        'SLA2020',
        'effective 2026-01-01',
        'another version takes effect on 2026-01-01 too: which one is in force cannot be decided',
        ['b.sla effective 2026-01-01: also in force on 2026-01-01'],
      ],
    ]);
  });

  it('a version without an effective line is in force from the beginning of time', () => {
    const found = all(checkFolder([file('a.sla', ['contract "X"', 'version 1', 'time zone UTC']), file('b.sla', ['contract "X"', 'version 2', 'time zone UTC'])]));
    expect(found.map((f) => [f.file, f.at, f.message])).toEqual([
      ['a.sla', '', 'another version takes effect from the beginning of time (effective unspecified) too: which one is in force cannot be decided'],
      ['b.sla', '', 'another version takes effect from the beginning of time (effective unspecified) too: which one is in force cannot be decided'],
    ]);
    expect(found[0].related).toEqual(['b.sla : also in force from the beginning of time (effective unspecified)']);
  });
});

describe('checkFolder: each month, several others, a file without a name', () => {
  const text = (name: string | null, n: number, ...lines: string[]) =>
    compile([...(name === null ? [] : [`contract "${name}"`]), `version ${n}`, `effective 2026-0${n}-01`, ...lines, 'severities', '  high', 'response 1 hour for every incident', 'causes', '  counted provider'].join('\n'), `v${n}.sla`);
  const messages = (found: Map<string, { code: string; message: string }[]>, file: string) => (found.get(file) ?? []).map((d) => `${d.code} ${d.message}`);
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  it('a fiscal year is named by its month, each of the twelve', () => {
    MONTHS.forEach((month) => {
      const found = checkFolder([text('X', 1, 'time zone UTC', `fiscal year starts ${month.toLowerCase()}`), text('X', 2, 'time zone UTC')]);
      expect(messages(found, 'v1.sla'), month).toEqual([
        `SLA2036 the versions of one contract begin their periods alike, but this one has periods in the contract's zone, fiscal years from ${month}, and another periods in the contract's zone, no fiscal year`,
      ]);
    });
  });

  it('several other names and zones are listed, each once', () => {
    const found = checkFolder([text('A', 1, 'time zone UTC'), text('B', 2, 'time zone Europe/Berlin'), text('C', 3, 'time zone Asia/Tokyo'), text('C', 4, 'time zone Asia/Tokyo')]);
    expect(messages(found, 'v1.sla')).toEqual([
      'SLA2021 this folder holds the versions of one contract, but this one is "A" and others are "B", "C"',
      'SLA2022 the versions of one contract share one time zone, but this one names UTC and others Europe/Berlin, Asia/Tokyo',
    ]);
  });

  it('a file without a contract line takes part by its other lines; findings of a file in the order of its lines', () => {
    const found = checkFolder([text(null, 1, 'time zone UTC'), text('X', 2, 'time zone UTC', 'fiscal year starts april')]);
    expect(messages(found, 'v1.sla')).toEqual([
      "SLA2036 the versions of one contract begin their periods alike, but this one has periods in the contract's zone, no fiscal year, and another periods in the contract's zone, fiscal years from April",
    ]);
    // The name is on line 1, the period finding at the first line's start: it comes first.
    const named = checkFolder([text('A', 1, 'time zone UTC'), text('B', 2, 'time zone UTC', 'fiscal year starts april')]);
    expect((named.get('v1.sla') ?? []).map((d) => d.code)).toEqual(['SLA2036', 'SLA2021']);
    // An empty file begins its periods in the contract's zone too, told at its start.
    const empty = checkFolder([compile('', 'empty.sla'), text('X', 2, 'time zone UTC', 'fiscal year starts april')]);
    expect((empty.get('empty.sla') ?? []).map((d) => [d.code, d.span])).toEqual([['SLA2036', { start: 0, end: 0 }]]);
  });
});
