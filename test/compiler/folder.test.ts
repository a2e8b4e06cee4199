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
