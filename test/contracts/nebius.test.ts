// The Nebius Israel SLA (contracts/nebius/): 15 services, parts, error-rate and full-minute
// downtime, a 5-minute minimum, months in GMT+2. Verdicts on contracts/examples/nebius-2026-03.ndjson
// and on records written here, each computed by hand in the comment beside it.
//
// Months are read in Etc/GMT-2 (UTC+02:00): March 2026 runs from 2026-03-01T00:00+02:00, 31 days,
// Z = 44,640 minutes; April has Z = 43,200. Availability = (Z - D) / Z x 100, cut at 10 places.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { compileContract, ContractVersions } from '../../runtime/contract';
import type { PeriodVerdict } from '../../runtime/periods';
import type { Rejected } from '../../runtime/records';
import { evaluateRecords } from '../../runtime/session';
import { readRepoFile } from '../helpers/ir';

const FILE = 'contracts/nebius/il-2023.sla';
const c = compile(readRepoFile(FILE), FILE);
const versions = new ContractVersions([compileContract(c.contract, (s) => `${FILE}:${c.lines.position(s.start).line}`)]);

async function run(text: string, asOf = '2026-05-01T00:00:00+02:00') {
  const rejected: Rejected[] = [];
  const res = await evaluateRecords(versions, Readable.from([text]), { asOf: Date.parse(asOf) }, { incident: () => {}, rejected: (r) => rejected.push(r) });
  expect(rejected).toEqual([]);
  return res.periods;
}

const lines = (records: object[]): string => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

function of(periods: PeriodVerdict[], month: string, unit: string): PeriodVerdict {
  const p = periods.find((x) => x.period === month && (x.part ? `${x.service}/${x.part}` : x.service) === unit);
  if (!p) throw new Error(`no period ${month} ${unit}`);
  return p;
}

describe('the Nebius contract', () => {
  it('checks without errors; its warnings are ambiguities of the published text', () => {
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const line = (d: { span: { start: number } }) => c.lines.position(d.span.start).line;
    const text = readRepoFile(FILE).split('\n');
    expect(c.diagnostics.map((d) => [d.code, text[line(d) - 1].trim()])).toEqual([
      // 99.99% of a 28-day month allows 40,320 x 0.01% = 4.032 minutes, less than DNS's 5-minute minimum.
      ['SLA3702', 'minimum downtime period 5 minutes  # "for five or more minutes in a row"'],
      // DNS's first band is printed "< 100%-99.5%": it pays 10% in [99.99%, 100%), above the target.
      ['SLA3003', '| at least 99.5% and below 100%   | 10%    |'],
      // NLB's first band starts at 99.00%, not at the 99.90% target: [99.00%, 99.90%) earns nothing.
      ['SLA3001', '| at least 95.00% and below 99.00% | 10%    |'],
    ]);
  });

  it('declares the 15 services of the index, with the parts of Managed Databases, Kafka and Object Storage', () => {
    expect(c.contract.services?.map((s) => s.id)).toHaveLength(15);
    expect(c.contract.units?.map((u) => [u.key, u.availability?.target])).toEqual([
      ['application-load-balancer', '99.99'],
      ['dns', '99.99'],
      ['logging', '99.9'],
      ['compute', '99.95'],
      ['container-registry', '99.95'],
      ['kms', '99.95'],
      ['mdb/read', '99.99'],
      ['mdb/write', '99.95'],
      ['managed-kafka/read', '99.99'],
      ['managed-kafka/write', '99.95'],
      ['managed-kubernetes', '99.9'],
      ['message-queue', '99.9'],
      ['monitoring', '99.9'],
      ['network-load-balancer', '99.9'],
      ['object-storage/ice', '99.98'],
      ['object-storage/cold', '99.98'],
      ['object-storage/standard', '99.98'],
      ['speaqual', '99.9'],
      ['vpc', '99.5'],
    ]);
  });
});

describe('verdicts on the example month (contracts/examples/nebius-2026-03.ndjson)', async () => {
  const periods = await run(readRepoFile('contracts/examples/nebius-2026-03.ndjson'));
  const march = (unit: string) => of(periods, '2026-03', unit);

  it('an outage of one service only: compute, and no other', () => {
    // O-1 (compute, 30 min) + O-2 (compute and vpc, 20 min) = 50 min; M-1 was notified 3 days 13 h
    // ahead (at least 3 days) and M-3 is Emergency Works (no notice needed): 3 hours, within the
    // 8-hour allowance, not counted. (44640 - 50) / 44640 = 99.8879928315...% < 99.95%,
    // in [99.00%, 99.95%): 10%.
    expect(march('compute').availability).toMatchObject({ downtimeMinutes: 50, exact: '99.8879928315', status: 'breached' });
    expect(march('compute').credit).toMatchObject({ percent: 10 });
    // Nothing names Kafka, KMS, ALB...: 0 minutes.
    for (const unit of ['managed-kafka/read', 'kms', 'mdb/read']) {
      expect(march(unit).availability, unit).toMatchObject({ downtimeMinutes: 0, status: 'met' });
    }
  });

  it('a target only with a setup the customer did not have is not judged', () => {
    // ALB's 99.99% needs 3 Availability Zones; no setup record gives the customer them in March.
    expect(march('application-load-balancer').availability).toMatchObject({ status: 'not-applicable', percent: null });
    expect(march('application-load-balancer').availability?.reason).toMatch(/^the target applies only with setup three-zones, contracts\/nebius\/il-2023\.sla:\d+, and no setup record gives the customer that setup in 2026-03$/);
    expect(march('application-load-balancer').credit).toBeUndefined();
  });

  it('an outage of two services counts against both', () => {
    // O-2 names compute and vpc: vpc has its 20 minutes, (44640 - 20) / 44640 = 99.9551971326...% >= 99.50%.
    expect(march('vpc').availability).toMatchObject({ downtimeMinutes: 20, exact: '99.9551971326', status: 'met' });
  });

  it('a part: an outage of mdb/write leaves mdb/read untouched', () => {
    // 45 min: (44640 - 45) / 44640 = 99.8991935483...% < 99.95%: 10%.
    expect(march('mdb/write').availability).toMatchObject({ downtimeMinutes: 45, exact: '99.8991935483', status: 'breached' });
    expect(march('mdb/write').credit).toMatchObject({ percent: 10 });
    expect(march('mdb/read').availability).toMatchObject({ downtimeMinutes: 0 });
  });

  it('a 4-minute blip under the 5-minute minimum does not count; a 7-minute outage does', () => {
    // O-3 (4 min) is shorter than "five or more minutes in a row"; O-4 (7 min) counts:
    // (44640 - 7) / 44640 = 99.9843189964...% < 99.99%: the band printed "< 100%-99.5%" gives 10%.
    const a = march('dns').availability!;
    expect(a).toMatchObject({ downtimeMinutes: 7, exact: '99.9843189964', status: 'breached' });
    expect(a.breakdown?.uncounted).toEqual([
      { start: '2026-03-15T08:00:00+02:00', end: '2026-03-15T08:04:00+02:00', minutes: 4, reason: 'shorter than the minimum downtime period of 5 minutes' },
    ]);
    expect(a.breakdown?.counted).toEqual([{ start: '2026-03-20T08:00:00+02:00', end: '2026-03-20T08:07:00+02:00', minutes: 7 }]);
    expect(march('dns').credit).toMatchObject({ percent: 10 });
  });

  it('error-rate minutes: exactly 5% is not down, 6% is', () => {
    // Message Queue, "Error Rate exceeds 5%" per minute: 10:00 5/100 = 5% (not more than 5%),
    // 10:01 6/100 and 10:02 50/100 down, 10:03 3/100 not: 2 full minutes.
    // (44640 - 2) / 44640 = 99.9955197132...% >= 99.90%.
    const a = march('message-queue').availability!;
    expect(a).toMatchObject({ downtimeMinutes: 2, exact: '99.9955197132', status: 'met', measurement: 'full minutes' });
    expect(a.breakdown?.counted).toEqual([{ start: '2026-03-10T10:01:00+02:00', end: '2026-03-10T10:03:00+02:00', minutes: 2 }]);
  });

  it('maintenance without notice counts; an outage with an excluded cause does not', () => {
    // M-2: no notice (3 days required): its 30 minutes count. (44640 - 30) / 44640 = 99.9327956989...%: 10%.
    expect(march('container-registry').availability).toMatchObject({ downtimeMinutes: 30, exact: '99.9327956989', status: 'breached' });
    // O-7: customer-or-third-party is excluded (3.1(a)): object storage keeps 100%.
    for (const part of ['ice', 'cold', 'standard']) expect(march(`object-storage/${part}`).availability).toMatchObject({ downtimeMinutes: 0 });
  });

  it('months split by an outage: each month counts its part of one 6-minute episode', () => {
    // O-5: 23:57 on March 31 to 00:03 on April 1 (GMT+2): 6 minutes in a row, not under the
    // 5-minute minimum, though each month holds only 3 of them.
    // March: (44640 - 3) / 44640 = 99.9932795698...%; April: (43200 - 3) / 43200 = 99.9930555555...%.
    expect(march('managed-kubernetes').availability).toMatchObject({ downtimeMinutes: 3, exact: '99.9932795698' });
    expect(of(periods, '2026-04', 'managed-kubernetes').availability).toMatchObject({ downtimeMinutes: 3, exact: '99.9930555555' });
  });
});

describe('a target only with a setup, over the time the customer had it', () => {
  it('judges Kubernetes over the days with a Regional Master only', async () => {
    // Regional Master from March 16 00:00 (GMT+2): 16 days of March, 23,040 minutes. The outage of
    // March 10 (30 min) was before: not counted, with why. March 20 (30 min) counts:
    // (23040 - 30) / 23040 = 99.8697916666...% < 99.90%: 10%.
    const periods = await run(
      lines([
        { type: 'setup', service: 'managed-kubernetes', setup: 'regional-master', from: '2026-03-16T00:00:00+02:00' },
        { type: 'outage', id: 'K1', service: 'managed-kubernetes', start: '2026-03-10T12:00:00+02:00', end: '2026-03-10T12:30:00+02:00', cause: 'provider' },
        { type: 'outage', id: 'K2', service: 'managed-kubernetes', start: '2026-03-20T12:00:00+02:00', end: '2026-03-20T12:30:00+02:00', cause: 'provider' },
      ]),
    );
    const p = of(periods, '2026-03', 'managed-kubernetes');
    expect(p.availability).toMatchObject({ downtimeMinutes: 30, periodMinutes: 23040, exact: '99.8697916666', status: 'breached' });
    expect(p.availability?.breakdown?.uncounted).toEqual([
      { start: '2026-03-10T12:00:00+02:00', end: '2026-03-10T12:30:00+02:00', minutes: 30, reason: 'the customer did not have setup regional-master then (only with setup regional-master)' },
    ]);
    expect(p.credit).toMatchObject({ percent: 10 });
  });
});

describe('3.3: maintenance and Emergency Works up to 8 hours a month', () => {
  it('counts only the excess over 8 hours', async () => {
    // Planned (notified 5 days ahead) 6 hours on March 2, Emergency Works 3 hours on March 9 without
    // notice: 9 hours, 1 hour over the allowance: the last hour of the emergency counts.
    // (44640 - 60) / 44640 = 99.8655913978...% < 99.95%: 10%.
    const periods = await run(
      lines([
        { type: 'maintenance', id: 'P', service: 'compute', start: '2026-03-02T00:00:00+02:00', end: '2026-03-02T06:00:00+02:00', notified: '2026-02-25T00:00:00+02:00' },
        { type: 'maintenance', id: 'E', kind: 'emergency', service: 'compute', start: '2026-03-09T00:00:00+02:00', end: '2026-03-09T03:00:00+02:00' },
      ]),
    );
    expect(of(periods, '2026-03', 'compute').availability).toMatchObject({ downtimeMinutes: 60, exact: '99.8655913978', status: 'breached' });
    expect(of(periods, '2026-03', 'compute').credit).toMatchObject({ percent: 10 });
    expect(of(periods, '2026-03', 'vpc').availability).toMatchObject({ downtimeMinutes: 0 });
  });
});

describe('error-rate downtime at the threshold', () => {
  const req = (service: string, minute: number, total: number, failed: number) => ({
    type: 'requests',
    service,
    start: new Date(Date.parse('2026-03-10T08:00:00Z') + minute * 60_000).toISOString(),
    end: new Date(Date.parse('2026-03-10T08:00:00Z') + (minute + 1) * 60_000).toISOString(),
    total,
    failed,
  });

  it('Container Registry, more than 10% in 5 minutes: 50 of 500 is not down, 51 of 500 is', async () => {
    // Windows of 5 minutes from the month's start (08:00Z is 10:00+02:00, a multiple of 5 minutes).
    // Window A (minutes 0-4): 5 x 100 requests, 10 failing each: 50 / 500 = 10%, not more: up.
    // Window B (minutes 5-9): the same plus one: 51 / 500 = 10.2%: down, 5 minutes.
    const records = [0, 1, 2, 3, 4].map((m) => req('container-registry', m, 100, 10));
    records.push(...[5, 6, 7, 8, 9].map((m) => req('container-registry', m, 100, m === 9 ? 11 : 10)));
    const a = of(await run(lines(records)), '2026-03', 'container-registry').availability!;
    // (44640 - 5) / 44640 = 99.9887992831...% >= 99.95%.
    expect(a).toMatchObject({ downtimeMinutes: 5, exact: '99.9887992831', status: 'met' });
    expect(a.breakdown?.counted).toEqual([{ start: '2026-03-10T10:05:00+02:00', end: '2026-03-10T10:10:00+02:00', minutes: 5 }]);
  });

  it('KMS: a minute above the threshold is down only within 5 minutes in a row', async () => {
    // More than 10% per minute, for at least 5 minutes, in full minutes: minutes 0-3 (4 in a row)
    // do not count; minutes 10-15 (6 in a row) do. (44640 - 6) / 44640 = 99.9865591397...%.
    const bad = [0, 1, 2, 3, 10, 11, 12, 13, 14, 15];
    const records = Array.from({ length: 20 }, (_, m) => req('kms', m, 1000, bad.includes(m) ? 101 : 100));
    const a = of(await run(lines(records)), '2026-03', 'kms').availability!;
    expect(a).toMatchObject({ downtimeMinutes: 6, exact: '99.9865591397', status: 'met' });
    expect(a.breakdown?.uncounted.map((u) => [u.start, u.minutes, u.reason])).toEqual([['2026-03-10T10:00:00+02:00', 4, 'shorter than the minimum downtime period of 5 minutes']]);
  });
});
