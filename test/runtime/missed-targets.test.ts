// Credits for missed targets: GitHub Premium Support refunds 20% of the quarterly fee when more
// than four Urgent or High tickets of a fiscal quarter miss their response time, claimed within 30
// days of the quarter's end, only with paid invoices, lost at termination
// (contracts/github-premium-support/). Fiscal quarters start in February: FY2027-Q1 is
// 2026-02-01 to 2026-04-30 in Los Angeles; its claim window ends 2026-05-30.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { compileContract, ContractVersions } from '../../runtime/contract';
import type { PeriodVerdict } from '../../runtime/periods';
import type { Rejected } from '../../runtime/records';
import { evaluateRecords } from '../../runtime/session';
import { ROOT } from '../helpers/ir';
import { readRepoFile } from '../helpers/ir';
import { outputSchemaErrors } from '../helpers/output-schema';

const FILE = 'contracts/github-premium-support/v2021-11.sla';
const c = compile(readRepoFile(FILE), FILE);
const versions = new ContractVersions([compileContract(c.contract, (s) => `${FILE}:${c.lines.position(s.start).line}`)]);

async function periods(records: object[], asOf: string): Promise<PeriodVerdict[]> {
  const rejected: Rejected[] = [];
  const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  const res = await evaluateRecords(versions, Readable.from([text]), { asOf: Date.parse(asOf) }, { incident: () => {}, rejected: (r) => rejected.push(r) });
  expect(rejected).toEqual([]);
  return res.periods;
}

/** A ticket prioritized at `at`, answered `late` minutes after its response was due (negative: early). */
function ticket(id: string, severity: string, at: string, late: number, extra: object = {}): object {
  // Urgent: 30 minutes; High: 4 hours, both on the wall clock from the priority.
  const due = Date.parse(at) + (severity === 'urgent' ? 30 : 240) * 60_000;
  return { type: 'incident', id, plan: 'premium', severity, opened: at, prioritized: at, responded: new Date(due + late * 60_000).toISOString(), cause: 'provider', channel: 'portal', region: 'english', ...extra };
}

const FIVE_LATE = [
  ticket('T1', 'urgent', '2026-02-03T10:00:00-08:00', 5),
  ticket('T2', 'high', '2026-02-17T10:00:00-08:00', 60),
  ticket('T3', 'urgent', '2026-03-02T10:00:00-08:00', 1),
  ticket('T4', 'high', '2026-03-20T10:00:00-07:00', 10),
  ticket('T5', 'urgent', '2026-04-30T23:00:00-07:00', 1), // the quarter's last hour
];
const FEE = { type: 'invoice', id: 'FEE-FY2027-Q1', period: 'FY2027-Q1', amount: '30000.00', currency: 'USD', issued: '2026-02-01', paid: '2026-02-20' };

describe('a credit for missed response targets per fiscal quarter', () => {
  it('is owed when more than four Urgent or High tickets of the quarter miss their response', async () => {
    const ps = await periods([...FIVE_LATE, FEE, { type: 'claim', id: 'CR-1', period: 'FY2027-Q1', submitted: '2026-05-30' }], '2026-07-01T00:00:00-07:00');
    expect(ps).toHaveLength(1);
    const p = ps[0];
    // One period of the contract as a whole (the credit counts every product's tickets): no service.
    expect(p).toMatchObject({ period: 'FY2027-Q1', periodKind: 'fiscal-quarter', start: '2026-02-01T00:00:00-08:00', end: '2026-05-01T00:00:00-07:00', final: true });
    expect(p.service).toBeUndefined();
    expect(p.missed).toEqual({ objective: 'response', count: 5, limit: 4, status: 'breached', incidents: ['T1', 'T2', 'T3', 'T4', 'T5'], clause: expect.stringMatching(/^contracts\/github-premium-support\/v2021-11\.sla:\d+$/) });
    expect(p.credit).toMatchObject({ percent: 20, rule: '5 incidents of severity urgent, high missed the response target in FY2027-Q1, more than 4: 20%' });
    // 30,000.00 USD x 20% = 6,000.00; claimed on the 30th day after April 30: on time.
    expect(p.credit!.money).toMatchObject({ charge: '30000.00', invoices: ['FEE-FY2027-Q1'], amount: '6000.00', claimBy: '2026-05-30', claim: 'claimed on time', payable: '6000.00' });
  });

  it('is not owed for four, nor for Normal and Low tickets, nor for tickets answered in time or excluded', async () => {
    const ps = await periods(
      [
        ...FIVE_LATE.slice(0, 4),
        ticket('N1', 'normal', '2026-02-04T10:00:00-08:00', 0, { responded: '2026-02-20T10:00:00-08:00' }), // weeks late, but Normal is not guaranteed
        ticket('E1', 'high', '2026-02-05T10:00:00-08:00', 30, { cause: 'out-of-scope' }), // excluded: outside the scope of support
        ticket('OK', 'urgent', '2026-02-06T10:00:00-08:00', 0), // answered at the due instant: met
        ticket('Q2', 'urgent', '2026-05-01T00:00:00-07:00', 5), // the next quarter's first minute
        FEE,
      ],
      '2026-09-01T00:00:00-07:00',
    );
    const q1 = ps.find((p) => p.period === 'FY2027-Q1')!;
    expect(q1.missed).toMatchObject({ count: 4, status: 'met', incidents: ['T1', 'T2', 'T3', 'T4'] });
    expect(q1.credit).toMatchObject({ percent: 0, rule: '4 incidents of severity urgent, high missed the response target in FY2027-Q1, not more than 4' });
    expect(ps.find((p) => p.period === 'FY2027-Q2')!.missed).toMatchObject({ count: 1, incidents: ['Q2'] });
  });

  it('waits for the quarter to end, and is forfeited when not claimed within 30 days', async () => {
    // As of April 15 the quarter is not over: four late so far, pending.
    const early = await periods([...FIVE_LATE.slice(0, 4), FEE], '2026-04-15T00:00:00-07:00');
    expect(early[0]).toMatchObject({ final: false, missed: { count: 4, status: 'pending' }, credit: { percent: null, rule: 'the quarter is not over' } });
    // Five late and no claim by May 30: forfeited once the window has passed.
    const late = await periods([...FIVE_LATE, FEE], '2026-06-15T00:00:00-07:00');
    expect(late[0].credit!.money).toMatchObject({ amount: '6000.00', claimBy: '2026-05-30', claim: 'forfeited', payable: '0.00' });
  });

  it('is withheld while an invoice is unpaid, and takes the fee from the months when there is no quarterly invoice', async () => {
    const monthly = ['2026-02', '2026-03', '2026-04'].map((m, i) => ({ type: 'invoice', id: `FEE-${m}`, period: m, amount: '10000.00', currency: 'USD', issued: `${m}-01`, paid: i === 2 ? null : `${m}-15` }));
    const ps = await periods([...FIVE_LATE, ...monthly, { type: 'claim', id: 'CR-1', period: 'FY2027-Q1', submitted: '2026-05-10' }], '2026-05-20T00:00:00-07:00');
    // 3 x 10,000.00 = 30,000.00 x 20% = 6,000.00, withheld: FEE-2026-04 is unpaid.
    expect(ps[0].credit!.money).toMatchObject({ charge: '30000.00', invoices: ['FEE-2026-02', 'FEE-2026-03', 'FEE-2026-04'], amount: '6000.00', withheld: ['FEE-2026-04'], payable: '0.00' });
  });

  it('reads and writes the line as the contract gives it, and checks the severities it names', () => {
    const text = readRepoFile(FILE);
    expect(format(parse(text).ast, text)).toBe(text);
    const base = `contract "M"\nversion 1\neffective 2026-01-01\ntime zone UTC\nfiscal year starts february\nseverities\n  urgent\nresponse targets\n  | severity | target |\n  | urgent | 30 minutes |\ncauses\n  counted provider\ncredits\n`;
    const undeclared = compile(`${base}  20% when more than 4 incidents of severity urgnet miss their response target per fiscal quarter\n`, 'm.sla');
    expect(undeclared.diagnostics.find((d) => d.code === 'SLA2001')?.message).toBe('severity "urgnet" is not declared');
    const bare = compile(`${base}  20% when more than 4 incidents miss their resolution target per fiscal quarter\n`, 'm.sla');
    // Every severity counts, but none has a resolution target: never owed.
    expect(bare.diagnostics.find((d) => d.code === 'SLA3909')?.message).toBe('no incident has a resolution target, so none can miss it and the credit is never owed');
    const line = '  20% when more than 4 incidents of severity urgent miss their response target per calendar quarter';
    const loose = `${base}  20 %  when more   than 4 incidents of Severity urgent miss their   response target per calendar   quarter\n`;
    expect(format(parse(loose).ast, loose).split('\n')).toContain(line.replace('of severity', 'of severity'));
  });

  it('gives the same output on worker threads, valid against the output schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-missed-'));
    const log = join(dir, 'tickets.ndjson');
    const many: object[] = [];
    // 300 tickets over a year, every third one late; services named on some.
    for (let i = 0; i < 300; i++) {
      const at = new Date(Date.UTC(2026, 1, 1, 18) + i * 26 * 3_600_000).toISOString();
      many.push(ticket(`T${i}`, i % 2 ? 'urgent' : 'high', at, i % 3 === 0 ? 7 : -5, i % 5 === 0 ? { service: 'arc' } : {}));
    }
    writeFileSync(log, `${many.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const run = (workers: number, format: string) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/slac.mjs'), 'evaluate', join(ROOT, FILE), log, '--as-of', '2027-03-01T00:00:00-08:00', '--format', format], { encoding: 'utf8', env: { ...process.env, SLAC_WORKERS: String(workers) } });
    const one = run(0, 'ndjson');
    expect(run(2, 'ndjson').stdout).toBe(one.stdout);
    const doc = JSON.parse(run(0, 'json').stdout);
    expect(outputSchemaErrors(doc)).toBe('');
    // Four fiscal quarters from February 2026 to January 2027, each with its late tickets.
    expect(doc.periods.map((p: PeriodVerdict) => [p.period, p.missed!.status])).toEqual([
      ['FY2027-Q1', 'breached'],
      ['FY2027-Q2', 'breached'],
      ['FY2027-Q3', 'breached'],
      ['FY2027-Q4', 'breached'],
    ]);
  });
});

describe('a credit for missed targets of one category', () => {
  // A failed-hardware replacement time: 4 hours to restore, 5% of the month's charge as soon as one
  // replacement is late (more than 0), counted per service.
  const text = `contract "Hardware"
version 1
effective 2026-01-01
time zone UTC

severities
  high

categories
  | category             | description                | restoration |
  | hardware-replacement | "Failed hardware replaced" | 4 hours     |

restoration targets
  | severity | target   |
  | high     | 24 hours |

causes
  counted provider

credits
  5% when more than 0 incidents of category hardware-replacement miss their restoration target per calendar month
`;
  const hw = new ContractVersions([compileContract(compile(text, 'hw.sla').contract, () => 'hw.sla:1')]);
  const run = async (records: object[]) => {
    const res = await evaluateRecords(hw, Readable.from([`${records.map((r) => JSON.stringify(r)).join('\n')}\n`]), { asOf: Date.parse('2026-05-01T00:00:00Z') }, { incident: () => {}, rejected: () => {} });
    return res.periods;
  };
  const inc = (id: string, opened: string, restoredAfterHours: number, category?: string) => ({
    type: 'incident', id, severity: 'high', opened, restored: new Date(Date.parse(opened) + restoredAfterHours * 3_600_000).toISOString(), cause: 'provider', ...(category ? { category } : {}),
  });

  it('counts only that category: one late replacement owes the credit, a late incident of no category does not', async () => {
    const ps = await run([inc('HW-1', '2026-03-03T10:00:00Z', 5, 'hardware-replacement'), inc('X-1', '2026-04-03T10:00:00Z', 30), inc('HW-2', '2026-04-10T10:00:00Z', 4, 'hardware-replacement')]);
    // March: HW-1 restored after 5 h > 4 h: 1 > 0, 5%. April: X-1 missed its 24 hours but has no
    // category; HW-2 was restored at exactly 4 h: met. Nothing owed.
    expect(ps.map((p) => [p.period, p.missed!.count, p.missed!.status, p.credit!.percent])).toEqual([
      ['2026-03', 1, 'breached', 5],
      ['2026-04', 0, 'met', 0],
    ]);
    expect(ps[0].credit!.rule).toBe('1 incident of category hardware-replacement missed the restoration target in 2026-03, more than 0: 5%');
  });

  it('gives the same periods on worker threads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-hw-'));
    writeFileSync(join(dir, 'hw.sla'), text);
    const records = Array.from({ length: 200 }, (_, i) => inc(`I${i}`, new Date(Date.UTC(2026, 0, 1) + i * 13 * 3_600_000).toISOString(), i % 7 === 0 ? 6 : 2, i % 2 ? 'hardware-replacement' : undefined));
    writeFileSync(join(dir, 'log.ndjson'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const run = (workers: number) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/slac.mjs'), 'evaluate', join(dir, 'hw.sla'), join(dir, 'log.ndjson'), '--as-of', '2026-05-01T00:00:00Z', '--format', 'ndjson'], { encoding: 'utf8', env: { ...process.env, SLAC_WORKERS: String(workers) } });
    const one = run(0).stdout;
    expect(run(2).stdout).toBe(one);
    // Odd i with i % 7 === 0 are late replacements (6 h > 4 h): I7, I21, I35, I49 open in January (49 x 13 h = 26.5 days), I63 in February.
    const jan = one.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((x) => x.kind === 'period' && x.period === '2026-01');
    expect(jan.missed.incidents).toEqual(['I7', 'I21', 'I35', 'I49']);
  });

  it('checks the category it names', () => {
    const bad = compile(text.replace('of category hardware-replacement', 'of category hardware'), 'hw.sla');
    expect(bad.diagnostics.find((d) => d.code === 'SLA2001')?.message).toBe('category "hardware" is not declared');
    const none = compile(text.replace('| hardware-replacement | "Failed hardware replaced" | 4 hours     |', '| hardware-replacement | "Failed hardware replaced" | none        |'), 'hw.sla');
    expect(none.diagnostics.find((d) => d.code === 'SLA3909')?.message).toBe('no incident of category hardware-replacement has a restoration target, so none can miss it and the credit is never owed');
  });
});

describe('which fiscal quarter a missed response counts in, and the services it covers', () => {
  // T5 is prioritized at 23:50 on April 30, the last ten minutes of FY2027-Q1: its 30 minutes run
  // out at 00:20 on May 1, in FY2027-Q2.
  const lastMinutes = (extra: object = {}) => ticket('T5', 'urgent', '2026-04-30T23:50:00-07:00', 40, extra);

  it('a ticket opened in one quarter and answered late in the next counts in the quarter it was opened in', async () => {
    const ps = await periods([...FIVE_LATE.slice(0, 4), lastMinutes(), ticket('Q2', 'high', '2026-05-04T10:00:00-07:00', 15), FEE], '2026-09-01T00:00:00-07:00');
    expect(ps.map((p) => [p.period, p.missed!.count, p.missed!.status, p.missed!.incidents])).toEqual([
      ['FY2027-Q1', 5, 'breached', ['T1', 'T2', 'T3', 'T4', 'T5']],
      ['FY2027-Q2', 1, 'met', ['Q2']],
    ]);
    expect(ps[0].credit!.money).toMatchObject({ amount: '6000.00', claimBy: '2026-05-30' });
  });

  it('the quarter is not decided while a ticket opened in it could still make it more than four', async () => {
    const open = lastMinutes({ responded: undefined });
    // At 00:10 on May 1 the quarter is over, four tickets missed, and T5's response is due at 00:20.
    const early = await periods([...FIVE_LATE.slice(0, 4), open, FEE], '2026-05-01T00:10:00-07:00');
    expect(early[0]).toMatchObject({ period: 'FY2027-Q1', final: true, missed: { count: 4, pending: 1, status: 'pending' } });
    expect(early[0].credit).toMatchObject({ percent: null, rule: '4 incidents of severity urgent, high missed the response target in FY2027-Q1, 1 more is still pending: more than 4 owes 20%' });
    expect(early[0].credit!.money).toMatchObject({ amount: null, claim: 'nothing to claim', reason: 'the quarter is over, but its credit is not decided yet' });
    // At 00:30 it has missed it, unanswered: five, owed.
    const late = await periods([...FIVE_LATE.slice(0, 4), open, FEE], '2026-05-01T00:30:00-07:00');
    expect(late[0].missed).toMatchObject({ count: 5, status: 'breached' });
    expect(late[0].missed!.pending).toBeUndefined();
    // Three missed and one open cannot make more than four: met.
    const met = await periods([...FIVE_LATE.slice(0, 3), open, FEE], '2026-05-01T00:10:00-07:00');
    expect(met[0].missed).toMatchObject({ count: 3, pending: 1, status: 'met' });
    expect(met[0].credit).toMatchObject({ percent: 0 });
  });

  it('counts the tickets of every service together, on one period of the contract; a ticket with no target for its service cannot miss', async () => {
    const recs = [
      ticket('S1', 'urgent', '2026-02-03T10:00:00-08:00', 5, { service: 'server' }),
      ticket('S2', 'high', '2026-02-17T10:00:00-08:00', 60, { service: 'server' }),
      ticket('A1', 'urgent', '2026-03-02T10:00:00-08:00', 120, { service: 'advanced-security' }), // urgent has no response target there
      ticket('A2', 'high', '2026-03-05T10:00:00-08:00', 10, { service: 'advanced-security' }),
      ticket('R1', 'urgent', '2026-03-20T10:00:00-07:00', 10, { service: 'arc' }),
      ticket('L1', 'low', '2026-03-21T10:00:00-07:00', 0, { responded: '2026-04-20T10:00:00-07:00', service: 'arc' }),
      FEE,
    ];
    const four = await periods(recs, '2026-07-01T00:00:00-07:00');
    expect(four.map((p) => [p.period, p.service, p.missed!.count, p.missed!.status, p.missed!.incidents])).toEqual([['FY2027-Q1', undefined, 4, 'met', ['S1', 'S2', 'A2', 'R1']]]);
    const five = await periods([...recs, ticket('N1', 'high', '2026-04-01T10:00:00-07:00', 1)], '2026-07-01T00:00:00-07:00');
    expect(five.map((p) => [p.period, p.service, p.missed!.count, p.missed!.status])).toEqual([['FY2027-Q1', undefined, 5, 'breached']]);
    // The fee's invoice names no service: it is the contract's.
    expect(five[0].credit!.money).toMatchObject({ charge: '30000.00', amount: '6000.00' });
  });
});

describe('tickets still pending, on worker threads', () => {
  it('gives the same undecided quarter on one thread and on two', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slac-pending-'));
    const log = join(dir, 'tickets.ndjson');
    // Four late tickets and one unanswered in the quarter's last ten minutes, as in the test above.
    const open = ticket('T5', 'urgent', '2026-04-30T23:50:00-07:00', 0, { responded: undefined });
    writeFileSync(log, `${[...FIVE_LATE.slice(0, 4), open].map((r) => JSON.stringify(r)).join('\n')}\n`);
    const run = (workers: number) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/slac.mjs'), 'evaluate', join(ROOT, FILE), log, '--as-of', '2026-05-01T00:10:00-07:00', '--format', 'ndjson'], { encoding: 'utf8', env: { ...process.env, SLAC_WORKERS: String(workers) } });
    const one = run(0).stdout;
    expect(run(2).stdout).toBe(one);
    const q1 = one.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((x) => x.kind === 'period');
    expect(q1.missed).toMatchObject({ count: 4, pending: 1, status: 'pending' });
  });
});
