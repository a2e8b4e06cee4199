// What a user meets at the edges of `slac evaluate` and `slac fmt`: contracts that only the checks
// reject, huge reports, bad output paths, a log whose first record starts with `[`, a reader that
// stops early, and fmt --diff over a broken file.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvaluationReport, JsonReport, textLines } from '../../cli/formats/evaluation';
import type { IncidentVerdict } from '../../runtime/evaluate';
import { compile } from '../../compiler/compile';
import { compileContract } from '../../runtime/contract';
import { evaluateIncident } from '../../runtime/evaluate';
import { ROOT, readRepoFile } from '../helpers/ir';
import { runSlac } from '../helpers/io';
import pc from 'picocolors';

const dir = mkdtempSync(join(tmpdir(), 'slac-edge-'));
const SAGICC = readRepoFile('contracts/sagicc/v04.sla');
const LOG = 'contracts/examples/sagicc-2026-03.ndjson';

describe('evaluate refuses a contract with errors of any phase', () => {
  it('business days on a calendar whose days differ in length (SLA3301): exit 1, nothing evaluated', async () => {
    const uneven = join(dir, 'uneven.sla');
    writeFileSync(uneven, SAGICC.replace('  monday to friday 08:00 to 18:00', '  monday to thursday 08:00 to 18:00\n  friday 08:00 to 12:00'));
    const r = await runSlac(['evaluate', uneven, LOG, '--as-of', '2026-04-08']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('SLA3301');
    expect(r.err).toContain('fix them before evaluating');
    expect(r.out).toBe('');
  });

  it('versions of one contract in different time zones (SLA2022): exit 1 with the zones named', async () => {
    const folder = mkdtempSync(join(dir, 'zones-'));
    writeFileSync(join(folder, 'v04.sla'), SAGICC);
    writeFileSync(join(folder, 'v05.sla'), SAGICC.replace('version 04', 'version 05').replace('effective 2026-03-13', 'effective 2026-06-01').replace('time zone America/Bogota', 'time zone Asia/Kolkata'));
    const r = await runSlac(['evaluate', folder, LOG, '--as-of', '2026-04-08']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/v05\.sla:\d+:\d+ error SLA2022 .*names Asia\/Kolkata and another America\/Bogota/);
    expect(r.out).toBe('');
  });
});

describe('business days on overlapping ranges', () => {
  it('count the union of the ranges: 08:00-12:00 and 10:00-18:00 make a 10-hour day', () => {
    const text = [
      'contract "Overlap"', 'version 1', 'effective 2026-01-01', 'time zone UTC',
      'calendar business', '  monday to friday 08:00 to 12:00, 10:00 to 18:00',
      'severities', '  s1', 'response 1 business day for every incident', 'causes', '  counted provider',
    ].join('\n');
    const c = compile(text, 'overlap.sla');
    expect(c.contract.targets[0].duration?.ms).toBe(10 * 3_600_000);
    const v = evaluateIncident(compileContract(c.contract), {
      type: 'incident', id: 'X', plan: 'default', severity: 's1', category: null, opened: Date.parse('2026-03-02T08:00:00Z'),
      responded: null, restored: null, resolved: null, cause: 'provider', channel: null, line: 1,
    }, Date.parse('2026-03-02T09:00:00Z'));
    expect(v.objectives[0].due).toBe('2026-03-02T18:00:00Z');
  });
});

describe('large reports', () => {
  const verdict = (i: number): IncidentVerdict => ({
    id: `S${i}`, line: i, version: '04', plan: 'essential', severity: 'high', category: null, cause: 'provider', channel: 'helpdesk',
    opened: '2026-03-13T17:00:00-05:00', excluded: null,
    objectives: [{ objective: 'response', status: 'met', due: '2026-03-16T17:00:00-05:00', target: '1 business day', happened: null, elapsedMinutes: 5, remainingMinutes: null }],
  });
  const counts = { lines: 0, blank: 0, accepted: 0, rejected: 0, evaluated: 0, outsidePeriod: 0, warnings: 0 };
  const head = { contract: { name: 'X', version: '1', file: 'x.sla', versions: [] }, asOf: '2026-04-01T00:00:00-05:00', period: null };

  it('the text report of 200,000 incidents is built without exhausting the stack', () => {
    const report: EvaluationReport = { ...head, incidents: Array.from({ length: 200_000 }, (_, i) => verdict(i)), downtime: [], periods: [], rejected: [], warnings: [], counts };
    const lines = [...textLines(report, pc.createColors(false))];
    expect(lines.length).toBeGreaterThan(400_000);
  });

  it('the streamed JSON document is byte-identical to JSON.stringify(document, null, 2)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 4 }), fc.nat({ max: 3 }), (n, m) => {
        let out = '';
        const json = new JsonReport((t) => (out += t));
        json.start(head);
        const incidents = Array.from({ length: n }, (_, i) => verdict(i));
        for (const v of incidents) json.incident(v);
        const downtime = Array.from({ length: m }, (_, i) => ({ type: 'outage' as const, id: `O${i}`, line: i, version: '1', start: 'a', end: 'b', countedMinutes: 1, reason: 'r' }));
        for (const piece of json.finish({ downtime, periods: [], rejected: [], warnings: [], counts })) out += piece;
        const doc = { ...head, incidents, downtime, periods: [], rejected: [], warnings: [], summary: counts };
        expect(out).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      }),
    );
  });
});

describe('output and input edges', () => {
  it('--output to a folder that does not exist: exit 2, one line, no stack trace', async () => {
    for (const format of ['ndjson', 'json', 'text']) {
      const r = await runSlac(['evaluate', 'contracts/sagicc', LOG, '--as-of', '2026-04-08', '--format', format, '--output', join(dir, 'missing', 'x')]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^slac: .*missing\/x: cannot write: no such file or directory\n$/);
    }
  });

  it('an NDJSON log whose first record is an array: that line is rejected, every other line judged', async () => {
    const lead = join(dir, 'lead.ndjson');
    writeFileSync(lead, `[1]\n${readRepoFile(LOG)}`);
    const r = await runSlac(['evaluate', 'contracts/sagicc', lead, '--as-of', '2026-04-08', '--format', 'json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.out);
    expect(doc.rejected).toEqual([{ line: 1, file: lead, message: 'record must be a JSON object, got an array' }]);
    expect(doc.summary).toMatchObject({ lines: 14, evaluated: 13, rejected: 1, blank: 0 });
  });

  it('a reader that stops early (| head -1) ends slac quietly', () => {
    const r = spawnSync('sh', ['-c', `node bin/slac.mjs evaluate contracts/sagicc ${LOG} --as-of 2026-04-08 --format ndjson | head -1; echo "status \${PIPESTATUS:-}"`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(JSON.parse(r.stdout.split('\n')[0]).kind).toBe('incident');
  });
});

describe('availability just below the target', () => {
  it('never prints as the target: 1 ms more than 99.96% allows in April shows 99.9599%, breached', async () => {
    // April has 43,200 minutes; 0.04% of them is 17.28 min = 1,036,800 ms of allowed downtime.
    // One ms more: 100 - 1,036,801 / 25,920,000 = 99.95999996141975...%, cut to 99.9599999614.
    const log = join(dir, 'near.ndjson');
    writeFileSync(log, `${JSON.stringify({ type: 'outage', id: 'O1', start: '2026-04-10T10:00:00-05:00', end: new Date(Date.parse('2026-04-10T15:00:00Z') + 1_036_801).toISOString(), cause: 'provider' })}\n`);
    const text = await runSlac(['evaluate', 'contracts/sagicc', log, '--as-of', '2026-05-01', '--no-color']);
    expect(text.out).toMatch(/availability {2}breached {2}99\.9599% \(target 99\.96%\)/);
    const json = JSON.parse((await runSlac(['evaluate', 'contracts/sagicc', log, '--as-of', '2026-05-01', '--format', 'json'])).out);
    expect(json.periods[0].availability).toMatchObject({ status: 'breached', exact: '99.9599999614' });
    expect(json.periods[0].credit.percent).toBe(5);
  });
});

describe('records after as-of', () => {
  it('an incident opened after as-of is listed as pending and adds no month to the periods', async () => {
    const log = join(dir, 'future.ndjson');
    const rec = { type: 'incident', id: 'F1', plan: 'essential', severity: 'critical', opened: '2026-05-02T10:00:00-05:00', cause: 'provider', channel: 'helpdesk' };
    writeFileSync(log, `${JSON.stringify(rec)}\n`);
    const doc = JSON.parse((await runSlac(['evaluate', 'contracts/sagicc', log, '--as-of', '2026-05-01', '--format', 'json'])).out);
    expect(doc.incidents[0].objectives.map((o: { status: string }) => o.status)).toEqual(['pending', 'pending']);
    expect(doc.periods).toEqual([]);
  });
});

describe('fmt --diff', () => {
  it('still fails on a file with syntax errors next to a file it would change', async () => {
    const messy = join(dir, 'messy.sla');
    const broken = join(dir, 'broken.sla');
    writeFileSync(messy, 'contract   "X"\nversion 1\n');
    writeFileSync(broken, 'contract "X"\nversion 1\navailabilty\n');
    const r = await runSlac(['fmt', '--diff', messy, broken]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('+contract "X"');
    expect(readFileSync(messy, 'utf8')).toBe('contract   "X"\nversion 1\n'); // --diff writes nothing
  });
});
