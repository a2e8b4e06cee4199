// `--period` for a month with nothing to judge: before the contract takes effect, or with no record
// in it. It is not-applicable with the reason, never "met 100.0000%", in every format.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';
import { ROOT } from '../helpers/ir';

const SAGICC = 'contracts/sagicc';
const LOG = 'contracts/examples/sagicc-2026-03.ndjson';
const CLEVER = 'contracts/clever-ideas/v1.sla';
const CLEVER_LOG = 'contracts/examples/clever-2026-05.ndjson';
const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/evaluate-output.schema.json'), 'utf8')));

const periodsOf = async (...args: string[]) => {
  const r = await runSlac(['evaluate', ...args, '--format', 'json']);
  const doc = JSON.parse(r.out);
  expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  return { code: r.code, periods: doc.periods };
};

describe('--period with nothing to judge', () => {
  it('a month before the contract takes effect: not-applicable, percent null, no credit', async () => {
    const { code, periods } = await periodsOf(SAGICC, LOG, '--as-of', '2026-04-08', '--period', '2026-01');
    expect(code).toBe(0);
    expect(periods).toHaveLength(1);
    expect(periods[0].availability).toMatchObject({
      status: 'not-applicable',
      percent: null,
      reason: 'no version of the contract is in force in 2026-01 (the first, version 04, takes effect on 2026-03-13): nothing to judge',
    });
    expect(periods[0].credit).toBeUndefined();
  });

  it('a month no record falls in: availability and reliability not-applicable', async () => {
    const { periods } = await periodsOf(CLEVER, CLEVER_LOG, '--as-of', '2026-09-01', '--period', '2026-07');
    expect(periods[0].availability).toMatchObject({ status: 'not-applicable', percent: null, reason: 'no record falls in 2026-07: nothing to judge' });
    expect(periods[0].reliability).toMatchObject({ status: 'not-applicable', count: 0, reason: 'no record falls in 2026-07: nothing to judge' });
    expect(periods[0].credit).toBeUndefined();
  });

  it('the text and markdown reports say so instead of "met 100.0000%"', async () => {
    const text = await runSlac(['evaluate', SAGICC, LOG, '--as-of', '2026-09-01', '--period', '2026-07']);
    expect(text.out).toContain('availability  not-applicable  no record falls in 2026-07: nothing to judge');
    expect(text.out).not.toContain('100.0000%');
    expect(text.out).not.toContain('credit');
    const md = await runSlac(['evaluate', SAGICC, LOG, '--as-of', '2026-09-01', '--period', '2026-01', '--format', 'markdown']);
    expect(md.out).toContain('| 2026-01 |  | 99.96% | not-applicable |');
    expect(md.out).toContain('- 2026-01: no version of the contract is in force in 2026-01');
  });

  it('is no breach for --fail-on breach', async () => {
    expect((await runSlac(['evaluate', SAGICC, LOG, '--as-of', '2026-09-01', '--period', '2026-07', '--fail-on', 'breach'])).code).toBe(0);
  });

  it('a month with records is judged as before', async () => {
    const { periods } = await periodsOf(SAGICC, LOG, '--as-of', '2026-04-08', '--period', '2026-03');
    expect(periods[0].availability).toMatchObject({ status: 'breached', downtimeMinutes: 190 });
    expect(periods[0].credit).toMatchObject({ percent: 5 });
  });
});

describe('--period that names no period of the contract, through the built CLI', () => {
  const slac = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/slac.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SLAC_WORKERS: '0' } });
  const FORMS = 'YYYY-MM (a month), YYYY-Qn (a calendar quarter), YYYY (a calendar year), FYYYYY-Qn or FYYYYY (a fiscal quarter or year)';

  it('a fiscal key on a contract without `fiscal year starts` is a usage error, before any report is written', () => {
    for (const key of ['FY2027', 'FY2027-Q1']) {
      const r = slac('evaluate', CLEVER, CLEVER_LOG, '--as-of', '2026-09-01', '--period', key, '--format', 'json');
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(
        `slac: --period ${key} is a fiscal period, but ${CLEVER} has no \`fiscal year starts\` line: its periods are YYYY-MM (a month), YYYY-Qn (a calendar quarter) or YYYY (a calendar year)\n`,
      );
    }
  });

  it('a malformed key is a usage error naming the accepted forms', () => {
    for (const key of ['2026-Q5', '2026-13', 'FY27']) {
      const r = slac('evaluate', CLEVER, CLEVER_LOG, '--as-of', '2026-09-01', '--period', key);
      expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `slac: --period is ${FORMS}, not "${key}"\n`]);
    }
  });

  it('a fiscal key on a contract with a fiscal year is read as its fiscal year', () => {
    const r = slac('evaluate', 'contracts/github-premium-support', 'contracts/examples/github-2026.ndjson', '--as-of', '2027-03-01', '--period', 'FY2027-Q1', '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.periods.map((p: { period: string; start: string }) => [p.period, p.start])).toEqual([['FY2027-Q1', '2026-02-01T00:00:00-08:00']]);
  });
});
