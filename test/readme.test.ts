// The README as a newcomer uses it: the quick start is two command lines, the first contract is
// copied as it stands and checks clean, and what it says of the syntax is what the parser accepts.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../compiler/compile';
import { runSlac } from './helpers/io';
import { readRepoFile } from './helpers/ir';

const README = readRepoFile('README.md');

/** The code blocks of the README section that starts with `heading`. */
function blocks(heading: string): string[] {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + heading.length + 2);
  const section = README.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/\n```[a-z]*\n([\s\S]*?)\n```\n/g)].map((m) => `${m[1]}\n`);
}

describe('the README', () => {
  it('has a quick start of exactly two command lines', () => {
    const [commands] = blocks('## Quick start');
    expect(commands.trimEnd().split('\n')).toHaveLength(2);
  });

  it('has a first contract that checks clean as copied, is formatted, and judges records', async () => {
    const [contract] = blocks('## Your first contract');
    const dir = mkdtempSync(join(tmpdir(), 'slac-readme-'));
    const file = join(dir, 'my.sla');
    writeFileSync(file, contract);
    const check = await runSlac(['check', file, '--fail-level', 'info']);
    expect(check.out).toBe('0 errors, 0 warnings in 1 file\n');
    expect(check.code).toBe(0);
    expect((await runSlac(['fmt', '--check', file])).code).toBe(0);
    const log = join(dir, 'records.ndjson');
    writeFileSync(
      log,
      [
        '{"type":"incident","id":"I-1","severity":"urgent","opened":"2026-03-02T09:00:00+01:00","responded":"2026-03-02T09:40:00+01:00","cause":"provider"}',
        '{"type":"outage","id":"O-1","start":"2026-03-03T10:00:00+01:00","end":"2026-03-03T12:00:00+01:00","cause":"provider"}',
      ].join('\n'),
    );
    const r = await runSlac(['evaluate', file, log, '--as-of', '2026-04-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.incidents[0].objectives[0]).toMatchObject({ status: 'met', due: '2026-03-02T10:00:00+01:00' });
    // 120 minutes down of 44,580 (March has 23 hours on its DST day in Madrid): below 99.9%.
    expect(doc.periods[0]).toMatchObject({ availability: { status: 'breached', downtimeMinutes: 120, periodMinutes: 44580 }, credit: { percent: 10 } });
  });

  it('documents the linear credit syntax outside a comment, as the parser reads it', () => {
    const formula = blocks('## The language, by example').find((b) => b.startsWith('credits\n') && b.includes('for each started'));
    expect(formula).toBeDefined();
    const text = `contract "Linear"\nversion 1\neffective 2026-01-01\ntime zone UTC\ncauses\n  counted provider\navailability\n  target 99.9% per calendar month\n${formula}`;
    const c = compile(text, 'linear.sla');
    expect(c.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(c.contract.credits?.linear).toMatchObject({ percentPerStep: '5', step: '1', rounding: 'started' });
    expect(c.contract.credits?.cap).toBe('50');
  });

  it('writes the money clauses as the parser reads them', () => {
    const money = blocks('## The language, by example').filter((b) => /days of service|basis monthly charge|no stacking|report monthly|expire at termination/.test(b));
    expect(money.length).toBeGreaterThanOrEqual(5);
    for (const b of money) {
      const text = [
        'contract "Money"', 'version 1', 'effective 2026-01-01', 'time zone UTC', ...(b.includes('currency') ? [] : ['currency EUR']),
        'calendar business', '  monday to friday 09:00 to 17:00',
        'services', '  compute "Compute" group infra', '  managed-postgres "DB" group databases', '    part read "read"',
        'severities', '  urgent', '  high', 'causes', '  counted provider', 'availability', '  target 99.9% per calendar month', b,
      ].join('\n');
      const c = compile(text, 'money.sla');
      expect(c.diagnostics.filter((d) => d.code.startsWith('SLA1') || d.code.startsWith('SLA20')).map((d) => `${d.code} ${d.message}`), b).toEqual([]);
    }
  });

  it('lists the abbreviations the parser accepts, and not the ones it refuses', () => {
    const contract = (calendar: string, targets: string[]) =>
      [
        'contract "Abbreviations"', 'version 1', 'effective 2026-01-01', 'time zone UTC',
        'calendar business', `  ${calendar}`, 'severities', ...targets.map((_, i) => `  s${i}`),
        'response targets', '  | severity | target |', ...targets.map((t, i) => `  | s${i} | ${t} |`),
        'causes', '  counted provider',
      ].join('\n');
    const ok = compile(contract('Monday to Friday 8:00 to 18:00', ['10 mins', '1 min', '2 hrs', '1 hr', '4 business hrs', '1 day']), 'ok.sla');
    expect(ok.diagnostics.filter((d) => d.code.startsWith('SLA1') || d.code.startsWith('SLA2'))).toEqual([]);
    expect(ok.contract.targets.map((t) => t.duration?.ms)).toEqual([600_000, 60_000, 7_200_000, 3_600_000, 14_400_000, 86_400_000]);
    expect(ok.contract.calendars[0].weekly[0]).toMatchObject({ day: 1, from: 480, to: 1080 });
    for (const refused of ['mon to fri 08:00 to 18:00', 'weekdays 08:00 to 18:00']) {
      expect(compile(contract(refused, ['1 hour']), 'bad.sla').diagnostics.map((d) => d.code), refused).toContain('SLA1003');
    }
    expect(compile(contract('monday 08:00 to 18:00', ['10 m']), 'bad.sla').diagnostics.some((d) => d.code.startsWith('SLA1'))).toBe(true);
    for (const claim of ['`min`/`mins`', '`hr`/`hrs`', '`8:00`', '`day` has no short form', '`mon`, `fri` or `weekdays` are not words']) expect(README).toContain(claim);
  });
});
