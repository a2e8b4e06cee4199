// `slac init`: a commented starter contract that checks clean and formats as it is, for any zone,
// country and hours; evaluates the usual records; never replaces a file without --force; asks only
// on a terminal (fed here through a pseudo-terminal made by `script`).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { starterContract } from '../../cli/commands/init';
import { compile } from '../../compiler/compile';
import { format } from '../../compiler/format';
import { holidayPlaces } from '../../compiler/holidays';
import { parse } from '../../language/index';
import { runSlac } from '../helpers/io';
import { ROOT } from '../helpers/ir';

const dir = mkdtempSync(join(tmpdir(), 'slac-init-'));
let n = 0;
const fresh = (name = 'contract.sla') => join(mkdtempSync(join(dir, `t${n++}-`)), name);

/** Findings at warning level or above: a clean starter has none. */
const findings = (text: string) =>
  compile(text, 'starter.sla').diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`);

describe('slac init without a terminal', () => {
  it('writes contract.sla from the flags, asks nothing, and the file checks clean and is formatted', async () => {
    const file = fresh();
    const r = await runSlac(['init', file, '--zone', 'America/Bogota', '--country', 'CO', '--year', '2026', '--name', 'Hosting "Gold" SLA']);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`slac: wrote ${file}; next: slac check ${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('contract "Hosting \\"Gold\\" SLA"');
    expect(text).toContain('effective 2026-01-01');
    expect(text).toContain('time zone America/Bogota');
    expect(text).toContain('public holidays of CO');
    // The year's holidays, pinned as `slac holidays CO 2026` prints them.
    const pinned = (await runSlac(['holidays', 'CO', '2026'])).out.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    expect(text).toContain(pinned);
    expect((await runSlac(['check', file, '--fail-level', 'warning'])).out).toMatch(/^0 errors, 0 warnings in 1 file\n$/);
    expect((await runSlac(['fmt', '--check', file])).code).toBe(0);
  });

  it('defaults: contract.sla in the current folder, this machine\'s zone, business hours, no holidays', () => {
    const cwd = join(fresh(), '..');
    // A real process whose stdin is a pipe, not a terminal: it must not wait for answers.
    const r = spawnSync('node', [join(ROOT, 'bin/slac.mjs'), 'init'], { cwd, input: '', env: { ...process.env, TZ: 'Asia/Kolkata' }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('slac: wrote contract.sla; next: slac check contract.sla\n');
    const text = readFileSync(join(cwd, 'contract.sla'), 'utf8');
    expect(text).toContain('time zone Asia/Kolkata');
    expect(text).toContain('contract "Service Level Agreement"');
    expect(text).toContain('calendar business');
    expect(text).not.toMatch(/^\s*public holidays of/m);
    expect(findings(text)).toEqual([]);
  });

  it('the year comes from the clock in the contract\'s zone when --year is not given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 2031 in UTC, still 2030 in Bogota.
    vi.setSystemTime(new Date('2031-01-01T03:00:00Z'));
    try {
      const file = fresh();
      await runSlac(['init', file, '--zone', 'America/Bogota', '--country', 'CO']);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('effective 2030-01-01');
      expect(text).toContain('pinned holidays 2030:');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never replaces a file without --force; with it, replaces it whole and leaves no temporary file', async () => {
    const file = fresh();
    writeFileSync(file, 'mine\n');
    const r = await runSlac(['init', file, '--zone', 'UTC', '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`slac: ${file}: it already exists; slac init --force replaces it\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await runSlac(['init', file, '--zone', 'UTC', '--year', '2026', '--force'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('contract "Service Level Agreement"');
    expect(readdirSync(join(file, '..'))).toEqual(['contract.sla']);
  });

  it('bad flags and paths: one line, exit 2, nothing written', async () => {
    const file = fresh();
    const cases: [string[], string][] = [
      [['--zone', 'Mars/Olympus'], 'slac: --zone Mars/Olympus is not an IANA time zone name'],
      [['--zone', 'UTC', '--country', 'XX'], 'slac: --country XX is not a country date-holidays knows'],
      [['--zone', 'UTC', '--year', '26'], 'slac: --year is written with four digits'],
      [['--zone', 'UTC', '--hours', 'nights'], "slac: option '--hours <hours>' argument 'nights' is invalid"],
    ];
    for (const [flags, says] of cases) {
      const r = await runSlac(['init', file, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.err.startsWith(says), r.err).toBe(true);
      expect(existsSync(file)).toBe(false);
    }
    const missing = await runSlac(['init', join(dir, 'no/such/folder/contract.sla'), '--zone', 'UTC']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot write: no such file or directory\n$/);
  });

  it('- writes the starter to stdout', async () => {
    const r = await runSlac(['init', '-', '--zone', 'UTC', '--year', '2026', '--hours', '24x7']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('contract "Service Level Agreement"');
    expect(r.out).not.toContain('calendar business');
  });
});

describe('the starter contract', () => {
  it('checks clean and is formatted for any zone, country, hours and year', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const countries = Object.keys(holidayPlaces());
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.option(fc.constantFrom(...countries), { nil: null }),
        fc.constantFrom('business' as const, '24x7' as const),
        fc.integer({ min: 2022, max: 2032 }),
        (zone, country, hours, year) => {
          const text = starterContract({ name: 'Starter', zone, country: hours === 'business' ? country : null, hours, year });
          expect(findings(text)).toEqual([]);
          expect(format(parse(text).ast, text)).toBe(text);
        },
      ),
      { numRuns: 60, seed: 20260412 },
    );
  });

  it('evaluates the usual records: incidents, outages and maintenance', async () => {
    const file = fresh();
    await runSlac(['init', file, '--zone', 'America/Bogota', '--country', 'CO', '--year', '2026']);
    const log = join(file, '..', 'records.ndjson');
    writeFileSync(
      log,
      [
        // Monday 2026-03-02 09:00: high responds within 4 business hours (due 13:00).
        '{"type":"incident","id":"T-1","severity":"high","opened":"2026-03-02T09:00:00-05:00","responded":"2026-03-02T10:30:00-05:00","cause":"provider"}',
        // Friday 17:00 high: 1 business hour on Friday, 3 on Monday 2026-03-09: due 11:00; responded late.
        '{"type":"incident","id":"T-2","severity":"high","opened":"2026-03-06T17:00:00-05:00","responded":"2026-03-09T12:00:00-05:00","cause":"provider"}',
        '{"type":"incident","id":"T-3","severity":"critical","opened":"2026-03-10T02:00:00-05:00","responded":"2026-03-10T02:20:00-05:00","restored":"2026-03-10T05:00:00-05:00","cause":"third-party"}',
        // 90 minutes down of 44,640: 99.7983% -> the 5% band.
        '{"type":"outage","id":"O-1","start":"2026-03-12T10:00:00-05:00","end":"2026-03-12T11:30:00-05:00","cause":"provider"}',
        '{"type":"maintenance","id":"M-1","start":"2026-03-15T04:00:00-05:00","end":"2026-03-15T06:00:00-05:00","notified":"2026-03-10T09:00:00-05:00"}',
      ].join('\n'),
    );
    const r = await runSlac(['evaluate', file, log, '--as-of', '2026-04-08', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const by = Object.fromEntries(doc.incidents.map((i: { id: string }) => [i.id, i]));
    expect(by['T-1'].objectives[0]).toMatchObject({ objective: 'response', status: 'met', due: '2026-03-02T13:00:00-05:00' });
    expect(by['T-2'].objectives[0]).toMatchObject({ objective: 'response', status: 'breached', due: '2026-03-09T11:00:00-05:00' });
    expect(by['T-3'].objectives.map((o: { status: string }) => o.status)).toEqual(['excluded', 'excluded']);
    expect(doc.periods[0]).toMatchObject({ period: '2026-03', availability: { status: 'breached', downtimeMinutes: 90 }, credit: { percent: 5 }, reliability: { count: 2, status: 'met' } });
  });
});

describe('slac init on a terminal', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)('asks for what the flags leave open, again after a wrong answer, and takes empty for the default', async () => {
    const file = fresh();
    // `script` runs slac on a pseudo-terminal; each answer is typed once its question shows.
    const child = spawn('script', ['-qec', `node bin/slac.mjs init ${file} --year 2026`, '/dev/null'], { cwd: ROOT, env: { ...process.env, TZ: 'UTC' } });
    const answers = [
      ['Contract name', 'Hosting SLA'],
      ['Time zone', 'Mars/Base'],
      ['Time zone', 'Europe/Madrid'],
      ['Hours', ''],
      ['Country', 'es'],
    ];
    let seen = '';
    let asked = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const prompts = seen.split(']: ').length - 1;
      while (asked < prompts && asked < answers.length) child.stdin.write(`${answers[asked++][1]}\n`);
    });
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(code).toBe(0);
    expect(seen).toContain('"Mars/Base" is not an IANA time zone name');
    expect(seen.match(/Time zone \(IANA name\) \[UTC\]: /g)).toHaveLength(2);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('contract "Hosting SLA"');
    expect(text).toContain('time zone Europe/Madrid');
    expect(text).toContain('calendar business');
    expect(text).toContain('public holidays of ES');
    expect(findings(text)).toEqual([]);
  });
});
