// A folder of contract versions is read the same way by `slac check` and `slac evaluate`: the
// folder rules (SLA2020-SLA2022) are findings that check reports in every format, on the lines of
// both files, and that make evaluate refuse with the same codes.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSlac } from '../helpers/io';
import { readRepoFile } from '../helpers/ir';

const SAGICC = readRepoFile('contracts/sagicc/v04.sla');
const LOG = 'contracts/examples/sagicc-2026-03.ndjson';
const root = mkdtempSync(join(tmpdir(), 'slac-folders-'));
let n = 0;

/** A folder holding SAGICC v04 and a copy changed by `edit` as v05. */
function folderWith(edit: (text: string) => string): string {
  const folder = join(root, `f${n++}`);
  mkdirSync(folder);
  writeFileSync(join(folder, 'v04.sla'), SAGICC);
  writeFileSync(join(folder, 'v05.sla'), edit(SAGICC.replace('version 04', 'version 05')));
  return folder;
}

const effectiveLine = SAGICC.split('\n').findIndex((l) => l.startsWith('effective')) + 1;
const cases = [
  { code: 'SLA2020', what: 'two versions with the same effective date', edit: (t: string) => t },
  { code: 'SLA2021', what: 'two different contracts', edit: (t: string) => t.replace('contract "SAGICC Service Level Agreement"', 'contract "Another"').replace('effective 2026-03-13', 'effective 2026-06-01') },
  { code: 'SLA2022', what: 'versions naming different time zones', edit: (t: string) => t.replace('time zone America/Bogota', 'time zone Europe/Madrid').replace('effective 2026-03-13', 'effective 2026-06-01') },
];

describe('a folder that evaluate refuses, check does not pass', () => {
  for (const { code, what, edit } of cases) {
    it(`${what}: ${code} from both commands, on both files`, async () => {
      const folder = folderWith(edit);
      const check = await runSlac(['check', folder, '--format', 'json']);
      expect(check.code).toBe(1);
      const found = JSON.parse(check.out).diagnostics.filter((d: { code: string }) => d.code.startsWith('SLA202'));
      expect(found.map((d: { code: string; file: string }) => `${d.code} ${d.file.slice(-7)}`).sort()).toEqual([`${code} v04.sla`, `${code} v05.sla`]);
      // Each finding relates the other file's line.
      for (const d of found) expect(d.related.map((r: { file: string }) => r.file.slice(-7))).toEqual([d.file.endsWith('v04.sla') ? 'v05.sla' : 'v04.sla']);

      const evaluate = await runSlac(['evaluate', folder, LOG, '--as-of', '2026-04-08']);
      expect(evaluate.code).toBe(1);
      expect(evaluate.out).toBe('');
      const refused = [...evaluate.err.matchAll(/error (SLA\d{4})/g)].map((m) => m[1]);
      expect(refused).toEqual([code, code]);
    });
  }

  it('places the same-date finding on the effective line of both files, in every format', async () => {
    // v05 has one line more above its effective line: each related location is read in its own file.
    const folder = folderWith((t) => `# copied from v04\n${t}`);
    const text = await runSlac(['check', folder]);
    expect(text.out).toContain(`v04.sla:${effectiveLine}:1 error SLA2020`);
    expect(text.out).toContain(`v05.sla:${effectiveLine + 1}:1 error SLA2020`);
    expect(text.out).toMatch(new RegExp(`related: .*v05\\.sla:${effectiveLine + 1}:1 also in force on 2026-03-13`));
    expect(text.out).toMatch(new RegExp(`related: .*v04\\.sla:${effectiveLine}:1 also in force on 2026-03-13`));
    const sarif = JSON.parse((await runSlac(['check', folder, '--format', 'sarif'])).out);
    const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'SLA2020');
    expect(results).toHaveLength(2);
    const lineOf = (uri: string) => (uri.endsWith('v05.sla') ? effectiveLine + 1 : effectiveLine);
    for (const r of results) {
      const own = r.locations[0].physicalLocation;
      const other = r.relatedLocations[0].physicalLocation;
      expect(own.region.startLine).toBe(lineOf(own.artifactLocation.uri));
      expect(other.artifactLocation.uri).not.toBe(own.artifactLocation.uri);
      expect(other.region.startLine).toBe(lineOf(other.artifactLocation.uri));
    }
    const github = (await runSlac(['check', folder, '--format', 'github'])).out;
    expect(github.split('\n').filter((l) => l.startsWith('::error ') && l.includes('title=SLA2020'))).toHaveLength(2);
    expect((await runSlac(['check', folder, '--format', 'junit'])).out.match(/SLA2020/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('versions of one contract with dates of their own pass both', async () => {
    const folder = folderWith((t) => t.replace('effective 2026-03-13', 'effective 2026-06-01'));
    expect((await runSlac(['check', folder])).code).toBe(0);
    expect((await runSlac(['evaluate', folder, LOG, '--as-of', '2026-04-08'])).code).toBe(0);
  });

  it('contracts in folders of their own are not one contract: check contracts passes', async () => {
    const r = await runSlac(['check', 'contracts']);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('SLA202');
  });

  it('evaluate on a folder of contract folders names them instead of mixing contracts', async () => {
    const r = await runSlac(['evaluate', 'contracts', LOG]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('slac: contracts: no .sla files directly in this folder; a folder holds the versions of one contract, and the contracts here are in contracts/clever-ideas, contracts/gc-forms, contracts/github-premium-support, contracts/nebius, contracts/sagicc: name one of them\n');
  });
});
