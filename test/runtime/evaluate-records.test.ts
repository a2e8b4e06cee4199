// `slac evaluate` end to end through run(argv, io): bad records (each kind, with its line), the
// accounting of lines, exit codes, the output formats (json against the published schema, ndjson,
// markdown, text), --period, --fail-on, stdin, and independence from the machine's time zone.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import AjvModule from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../cli/io';
import { run } from '../../cli/main';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;

const SAGICC = 'contracts/sagicc/v04.sla';
const CLEVER = 'contracts/clever-ideas/v1.sla';
const SAGICC_LOG = 'contracts/examples/sagicc-2026-03.ndjson';
const SAGICC_AS_OF = '2026-04-08T09:00:00-05:00';
const BAD = 'test/fixtures/evaluate/bad-records.ndjson';
const ALL_MET = 'test/fixtures/evaluate/all-met.ndjson';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** run() with a fake Io: captured stdout (also the ndjson stream), stderr, and an optional stdin. */
async function slac(argv: string[], stdin = ''): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: async () => stdin,
    stdinStream: () => Readable.from([stdin]),
    stdoutStream: () => stream,
    cwd: ROOT,
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const evaluate = (records: string, ...flags: string[]) => slac(['evaluate', SAGICC, records, '--as-of', SAGICC_AS_OF, ...flags]);

interface JsonReport {
  contract: { name: string; version: string };
  asOf: string;
  incidents: { id: string; line: number; version: string; objectives: { objective: string; status: string; due: string | null }[] }[];
  downtime: { id: string; type: string; countedMinutes: number }[];
  periods: { period: string; final: boolean; availability?: { status: string; downtimeMinutes: number }; credit?: { percent: number | null } }[];
  rejected: { line: number; id?: string; message: string }[];
  summary: { lines: number; blank: number; accepted: number; rejected: number; evaluated: number; outsidePeriod: number };
}

// ---------------------------------------------------------------------------- bad records

describe('a log with every kind of bad record (SAGICC)', () => {
  const AS_OF = '2026-04-30T00:00:00-05:00';
  const evalBad = (...flags: string[]) => slac(['evaluate', SAGICC, BAD, '--as-of', AS_OF, '--format', 'json', ...flags]);

  // Line -> what the message must say. Lines 2 and 18 are blank (empty; spaces only); lines 1, 10,
  // 20, 22, 23 and 25 are good records.
  const EXPECTED: [number, string][] = [
    [3, 'malformed JSON'],
    [4, 'must be a JSON object, got an array'],
    [5, 'must be a JSON object, got string'],
    [6, 'unknown record type "alert"'],
    [7, 'missing required field "opened"'],
    [8, 'has no UTC offset'],
    [9, 'is not a real date'], // 2026-02-30
    [11, 'unknown plan "enterprise"'],
    [12, 'unknown severity "urgent"'],
    [13, 'unknown severity "constructor"'], // an Object.prototype name is not a severity
    [14, 'unknown category "web-down"'], // SAGICC declares no categories
    [15, 'unknown cause "aliens"'],
    [16, '"end" (2026-03-11T01:00:00-05:00) is before "start"'], // outage
    [17, '"end" (2026-03-12T01:59:59-05:00) is before "start"'], // maintenance
    [19, 'duplicate incident id "G1" (first on line 1)'],
    [21, 'missing required field "type"'], // "type" only inside an own "__proto__" key
    [24, 'duplicate outage id "GO1" (first on line 10)'], // ids are unique per type: incident GO1 (line 25) is fine
    [26, 'unknown cause "meteor"'],
    [27, 'missing required field "end"'],
    [28, 'missing field "channel"'], // SAGICC has a channel rule
    [29, '"responded" (2026-03-10T09:59:59-05:00) is before "opened"'],
    [30, 'got null'],
    [31, 'missing required field "type"'], // {}
  ];

  it('exits 3, still evaluates the good records, and names each rejected line', async () => {
    const r = await evalBad();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('23 records were rejected');
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.rejected.map((x) => x.line)).toEqual(EXPECTED.map(([line]) => line));
    for (const [line, text] of EXPECTED) {
      expect(doc.rejected.find((x) => x.line === line)?.message, `line ${line}`).toContain(text);
    }
    // Ids are reported where the record had one.
    expect(doc.rejected.find((x) => x.line === 19)?.id).toBe('G1');
    expect(doc.rejected.find((x) => x.line === 3)?.id).toBeUndefined();

    // The good records: incidents G1, P1 (with a `__proto__` key), G2 and GO1; outage GO1, maintenance GM1.
    expect(doc.incidents.map((i) => [i.id, i.line])).toEqual([['G1', 1], ['P1', 20], ['G2', 23], ['GO1', 25]]);
    expect(doc.downtime.map((d) => [d.type, d.id])).toEqual([['outage', 'GO1'], ['maintenance', 'GM1']]);
    // G1 (standard / high, Mon 03-16 09:00): response 10 business hours -> Tue 03-17 09:00, met at Mon 15:00.
    const g1 = doc.incidents.find((i) => i.id === 'G1')!;
    expect(g1.objectives[0]).toMatchObject({ objective: 'response', status: 'met', due: '2026-03-17T09:00:00-05:00' });
    // The first G1 is judged, not the duplicate (essential / low) of line 19.
    expect(g1.objectives.map((o) => o.status)).toEqual(['met', 'met']);
    // March: the outage's 100 min count; GM1 had 60 business hours of notice (>= 50): not counted.
    expect(doc.periods.map((p) => p.period)).toEqual(['2026-03', '2026-04']);
    expect(doc.periods[0].availability).toMatchObject({ downtimeMinutes: 100, status: 'breached' });
    expect(doc.periods[1]).toMatchObject({ final: false, availability: { downtimeMinutes: 0, status: 'pending' } });
  });

  it('accounts for every line: lines = evaluated + rejected + blank + outsidePeriod', async () => {
    const doc = JSON.parse((await evalBad()).stdout) as JsonReport;
    expect(doc.summary).toMatchObject({ lines: 31, blank: 2, rejected: 23, accepted: 6, evaluated: 6, outsidePeriod: 0 });
    const k = doc.summary;
    expect(k.evaluated + k.rejected + k.blank + k.outsidePeriod).toBe(k.lines);

    // With --period 2026-03, G2 (April) is accepted but outside the period.
    const march = JSON.parse((await evalBad('--period', '2026-03')).stdout) as JsonReport;
    expect(march.summary).toMatchObject({ lines: 31, blank: 2, rejected: 23, evaluated: 5, outsidePeriod: 1 });
    const m = march.summary;
    expect(m.evaluated + m.rejected + m.blank + m.outsidePeriod).toBe(m.lines);
    expect(march.incidents.map((i) => i.id)).toEqual(['G1', 'P1', 'GO1']);
    expect(march.periods.map((p) => p.period)).toEqual(['2026-03']);
  });

  it('a `__proto__` key pollutes nothing', async () => {
    await evalBad();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'type')).toBe(false);
  });

  it('the text report lists the rejections by line and the counts', async () => {
    const r = await slac(['evaluate', SAGICC, BAD, '--as-of', AS_OF, '--no-color']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Rejected records');
    expect(r.stdout).toContain('  test/fixtures/evaluate/bad-records.ndjson:9: record "B9": field "opened": timestamp "2026-02-30T10:00:00-05:00" is not a real date');
    expect(r.stdout).toContain('31 lines, 6 evaluated, 23 rejected, 2 blank');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});

// ---------------------------------------------------------------------------- formats

describe('output formats', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/evaluate-output.schema.json'), 'utf8'));
  const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(schema);

  it('json validates against schemas/evaluate-output.schema.json (SAGICC example)', async () => {
    const r = await evaluate(SAGICC_LOG, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.contract).toMatchObject({ name: 'SAGICC Service Level Agreement', version: '04' });
    expect(doc.asOf).toBe('2026-04-08T09:00:00-05:00');
    // The example's hand-checked verdicts (contracts/examples): S1's response was due 00:15.
    expect(doc.incidents[0]).toMatchObject({ id: 'S1', version: '04' });
    expect(doc.incidents[0].objectives[0]).toMatchObject({ objective: 'response', status: 'met', due: '2026-03-08T00:15:00-05:00' });
    // March: OUT-1 02:00-03:40 (100 min) with OUT-2 inside it, OUT-3 excluded (cloud provider),
    // OUT-4's 30 min before midnight, MW-2 with too little notice (60 min): 190 min of 44640.
    expect(doc.periods[0]).toMatchObject({ period: '2026-03', availability: { downtimeMinutes: 190, status: 'breached' }, credit: { percent: 5 } });
  });

  it('json validates against the schema with rejected records and a month not yet over (Clever example)', async () => {
    const r = await slac(['evaluate', CLEVER, 'contracts/examples/clever-2026-05.ndjson', '--as-of', '2026-06-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.periods[0].reliability).toMatchObject({ limit: 4 });
  });

  it('JSON with a month not yet over (credit.percent null) validates against the published schema', async () => {
    // The bad-records run has April 2026 not over at as-of and pending: credit.percent is null
    // ("not yet known", runtime/periods.ts credit()), which the schema allows.
    const r = await slac(['evaluate', SAGICC, BAD, '--as-of', '2026-04-30T00:00:00-05:00', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('ndjson: every line parses, kinds in order, ending with a summary line', async () => {
    const r = await evaluate(SAGICC_LOG, '--format', 'ndjson');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; [k: string]: unknown });
    const kinds = lines.map((l) => l.kind);
    expect(kinds.filter((k) => k === 'incident')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'downtime')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'period')).toHaveLength(2);
    expect(kinds[kinds.length - 1]).toBe('summary');
    expect(kinds.indexOf('period')).toBeGreaterThan(kinds.lastIndexOf('incident'));
    const summary = lines[lines.length - 1] as unknown as { counts: { lines: number; evaluated: number }; asOf: string };
    expect(summary.counts).toMatchObject({ lines: 13, evaluated: 13, rejected: 0 });
    expect(summary.asOf).toBe(SAGICC_AS_OF);
    expect(lines.find((l) => l.kind === 'incident')).toMatchObject({ id: 'S1' });
  });

  it('ndjson reports rejected records as their own lines, and exits 3', async () => {
    const r = await slac(['evaluate', SAGICC, BAD, '--as-of', '2026-04-30T00:00:00-05:00', '--format', 'ndjson']);
    expect(r.code).toBe(3);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; line?: number });
    expect(lines.filter((l) => l.kind === 'rejected').map((l) => l.line)).toHaveLength(23);
    expect(lines[lines.length - 1].kind).toBe('summary');
  });

  it('markdown has the period table', async () => {
    const r = await evaluate(SAGICC_LOG, '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Periods');
    expect(r.stdout).toContain('| period | availability | target | status | downtime | credit | reliability |');
    expect(r.stdout).toMatch(/^\| 2026-03 \| 99\.5743% \| 99\.96% \| breached \| 3 h 10 min \| 5% \|/m);
    expect(r.stdout).toContain('## Incidents');
  });

  it('text with --no-color has no escape codes', async () => {
    const r = await evaluate(SAGICC_LOG, '--no-color');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toContain('2026-03');
  });
});

// ---------------------------------------------------------------------------- flags

describe('flags', () => {
  it('--fail-on breach exits 1 when something is breached, 0 without the flag', async () => {
    expect((await evaluate(SAGICC_LOG, '--fail-on', 'breach', '--format', 'json')).code).toBe(1);
    expect((await evaluate(SAGICC_LOG, '--format', 'json')).code).toBe(0);
  });

  it('--fail-on breach exits 0 when everything is met', async () => {
    // all-met.ndjson: three March incidents met (or NA) and a maintenance with due notice; March
    // is over at as-of with no downtime (met); no April record, so no April period.
    const r = await evaluate(ALL_MET, '--fail-on', 'breach', '--format', 'json');
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.incidents.flatMap((i) => i.objectives.map((o) => o.status)).sort()).toEqual(['met', 'met', 'met', 'met', 'met', 'not-applicable']);
    expect(doc.periods).toHaveLength(1);
    expect(doc.periods[0].availability?.status).toBe('met');
    expect(r.code).toBe(0);
  });

  it('--fail-on breach counts a breached month even when every incident is met', async () => {
    const log = readFileSync(join(ROOT, ALL_MET), 'utf8') + '{"type":"outage","id":"X","start":"2026-03-05T10:00:00-05:00","end":"2026-03-05T11:00:00-05:00","cause":"provider"}\n';
    const r = await slac(['evaluate', SAGICC, '-', '--as-of', SAGICC_AS_OF, '--fail-on', 'breach', '--format', 'json'], log);
    expect((JSON.parse(r.stdout) as JsonReport).periods[0].availability?.status).toBe('breached');
    expect(r.code).toBe(1);
  });

  it('--period 2026-03 keeps only March incidents and the March period', async () => {
    const doc = JSON.parse((await evaluate(SAGICC_LOG, '--period', '2026-03', '--format', 'json')).stdout) as JsonReport & { period: string };
    expect(doc.period).toBe('2026-03');
    expect(doc.incidents.map((i) => i.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
    expect(doc.periods.map((p) => p.period)).toEqual(['2026-03']);
    expect(doc.summary).toMatchObject({ lines: 13, outsidePeriod: 1, evaluated: 12 });
  });

  it('- reads the records from stdin', async () => {
    const text = readFileSync(join(ROOT, SAGICC_LOG), 'utf8');
    const fromStdin = await evaluate('-', '--format', 'json');
    // An empty stdin: nothing evaluated, exit 0.
    expect(fromStdin.code).toBe(0);
    expect((JSON.parse(fromStdin.stdout) as JsonReport).summary.lines).toBe(0);
    const piped = await slac(['evaluate', SAGICC, '-', '--as-of', SAGICC_AS_OF, '--format', 'json'], text);
    const fromFile = await evaluate(SAGICC_LOG, '--format', 'json');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(fromFile.stdout);
  });

  it('usage errors exit 2', async () => {
    expect((await evaluate(SAGICC_LOG, '--period', '2026-13')).code).toBe(2);
    expect((await evaluate(SAGICC_LOG, '--fail-on', 'everything')).code).toBe(2);
    expect((await slac(['evaluate', SAGICC, SAGICC_LOG, '--as-of', '2026-04-08T09:00:00'])).code).toBe(2); // no offset
    expect((await evaluate('test/fixtures/evaluate/does-not-exist.ndjson')).code).toBe(2);
  });
});

// ---------------------------------------------------------------------------- versions

describe('a contract folder of versions', () => {
  it('judges each incident by the version in force when opened, each month by the one at its start', async () => {
    // versions/v1.sla (from 2026-01-01): p1 response 30 min, availability 99.5%.
    // versions/v2.sla (from 2026-06-01): p1 response 15 min, availability 99.9%.
    // MAY opened 05-31 23:50 (v1): due 00:20, responded 00:16 -> met.
    // JUN opened 06-01 00:00 (v2): due 00:15, responded 00:16 -> breached.
    // May: 60 min of 44640 -> 99.8656% >= 99.5 -> met; June: 60 of 43200 -> 99.8611% < 99.9 -> breached.
    const r = await slac(['evaluate', 'test/fixtures/evaluate/versions', 'test/fixtures/evaluate/versions.ndjson', '--as-of', '2027-01-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonReport & { contract: { versions: { version: string; effective: string }[] } };
    expect(doc.contract.version).toBe('2');
    expect(doc.contract.versions.map((v) => [v.version, v.effective])).toEqual([['1', '2026-01-01'], ['2', '2026-06-01']]);
    expect(doc.incidents.map((i) => [i.id, i.version, i.objectives[0].due, i.objectives[0].status])).toEqual([
      ['MAY', '1', '2026-06-01T00:20:00-05:00', 'met'],
      ['JUN', '2', '2026-06-01T00:15:00-05:00', 'breached'],
    ]);
    expect(doc.periods.map((p) => [p.period, (p as unknown as { version: string }).version, p.availability?.status])).toEqual([
      ['2026-05', '1', 'met'],
      ['2026-06', '2', 'breached'],
    ]);
    expect((await slac(['evaluate', 'test/fixtures/evaluate/versions', 'test/fixtures/evaluate/versions.ndjson', '--as-of', '2027-01-01', '--fail-on', 'breach'])).code).toBe(1);
  });
});

// ---------------------------------------------------------------------------- time zone

describe('independence from the machine time zone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slac-eval-tz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('json and text output are byte-identical under TZ=UTC and TZ=Asia/Kolkata', () => {
    const script = join(dir, 'probe.mts');
    writeFileSync(
      script,
      `import { run } from ${JSON.stringify(pathToFileURL(join(ROOT, 'cli/main.ts')).href)};
const out = {};
for (const format of ['json', 'text']) {
  let s = '';
  const io = { stdout: (x) => { s += x; }, stderr: () => {}, readStdin: async () => '', stdinStream: () => process.stdin,
    cwd: ${JSON.stringify(ROOT)}, env: {}, stdoutIsTTY: false, stderrIsTTY: false };
  const code = await run(['evaluate', ${JSON.stringify(SAGICC)}, ${JSON.stringify(SAGICC_LOG)}, '--as-of', '2026-04-08', '--format', format, '--no-color'], io);
  out[format] = { code, s };
}
out.offset = new Date(2026, 0, 1).getTimezoneOffset();
process.stdout.write(JSON.stringify(out));
`,
    );
    const runIn = (tz: string) =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8' })) as {
        json: { code: number; s: string };
        text: { code: number; s: string };
        offset: number;
      };
    const utc = runIn('UTC');
    const kolkata = runIn('Asia/Kolkata');
    expect([utc.offset, kolkata.offset]).toEqual([0, -330]); // the zones really differed
    expect(utc.json.code).toBe(0);
    expect(utc.json.s.length).toBeGreaterThan(1000);
    expect(kolkata.json.s).toBe(utc.json.s);
    expect(kolkata.text.s).toBe(utc.text.s);
    // --as-of as a date is local midnight in the contract's zone, not the machine's.
    expect(JSON.parse(utc.json.s).asOf).toBe('2026-04-08T00:00:00-05:00');
  }, 60_000);
});
