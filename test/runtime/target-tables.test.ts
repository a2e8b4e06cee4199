// Incident targets that depend on more than plan x severity, on test/fixtures/good/targets-scoped.sla
// (Europe/London, GMT in early March 2026): tables for an environment, a channel, a region and a
// service beside the table for every incident, and a category. Precedence: category > service >
// environment > channel > region > the table for every incident; a table without the incident's
// cell falls through to the next, a `none` cell answers. Every expected due time is computed by
// hand in the comment beside it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { type CompiledContract, compileContract } from '../../runtime/contract';
import { evaluateIncident, type IncidentVerdict } from '../../runtime/evaluate';
import { type IncidentRecord, isRejected, parseTimestamp, validateRecord } from '../../runtime/records';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = 'test/fixtures/good/targets-scoped.sla';
const TEXT = readFileSync(ROOT + FILE, 'utf8');

function load(text: string): CompiledContract {
  const c = compile(text, FILE, { checks: false });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('; '));
  return compileContract(c.contract, (span) => `${FILE}:${c.lines.position(span.start).line}`);
}

const contract = load(TEXT);
const AS_OF = parseTimestamp('2026-03-20T00:00:00Z');
const BASE = { type: 'incident', id: 'T', cause: 'provider', plan: 'premium', channel: 'portal', opened: '2026-03-02T10:00:00Z' };

function judge(raw: Record<string, unknown>): IncidentVerdict {
  const r = validateRecord({ ...BASE, ...raw }, 1, contract.ir);
  if (isRejected(r)) throw new Error(r.message);
  return evaluateIncident(contract, r as IncidentRecord, AS_OF);
}

function response(raw: Record<string, unknown>) {
  const o = judge(raw).objectives.find((x) => x.objective === 'response');
  if (!o) throw new Error('no response verdict');
  return o;
}

function rejection(raw: Record<string, unknown>): string {
  const r = validateRecord({ ...BASE, ...raw }, 7, contract.ir);
  if (!isRejected(r)) throw new Error('accepted');
  return r.message;
}

const line = (n: number): string => `${FILE}:${n}`;

describe('target tables for some incidents', () => {
  it('an incident no scoped table names gets the table for every incident', () => {
    // premium / urgent: 30 minutes from 10:00.
    const o = response({ severity: 'urgent', environment: 'production' });
    expect(o).toMatchObject({ due: '2026-03-02T10:30:00+00:00', target: '30 minutes' });
    expect(o.trace?.from).toBe('plan premium, severity urgent');
    expect(o.trace?.table).toEqual({ scope: null, clause: line(38) });
  });

  it('a staging incident takes the staging table', () => {
    // environment staging, premium / urgent: 4 hours from 10:00.
    const o = response({ severity: 'urgent', environment: 'staging', responded: '2026-03-02T13:00:00Z' });
    expect(o).toMatchObject({ status: 'met', due: '2026-03-02T14:00:00+00:00', target: '4 hours' });
    expect(o.trace?.from).toBe('environment staging: plan premium, severity urgent');
    expect(o.trace?.table).toEqual({ scope: 'environment staging', clause: line(44) });
    // The same ticket in production: 30 minutes, so 13:00 is late.
    expect(response({ severity: 'urgent', environment: 'production', responded: '2026-03-02T13:00:00Z' }).status).toBe('breached');
  });

  it('a table without the cell falls through: phone has a premium / urgent cell only', () => {
    // premium / urgent by phone: 15 minutes from 10:00.
    expect(response({ severity: 'urgent', channel: 'phone' })).toMatchObject({ due: '2026-03-02T10:15:00+00:00', target: '15 minutes' });
    // standard / urgent by phone: the phone table has no such cell, the base one says 1 hour.
    const o = response({ severity: 'urgent', channel: 'phone', plan: 'standard' });
    expect(o).toMatchObject({ due: '2026-03-02T11:00:00+00:00', target: '1 hour' });
    expect(o.trace?.table?.scope).toBeNull();
    // premium / high by phone: falls through to 4 hours.
    expect(response({ severity: 'high', channel: 'phone' }).due).toBe('2026-03-02T14:00:00+00:00');
  });

  it('environment comes before channel, service before environment, category before service', () => {
    // staging by phone, premium / urgent: the staging table (4 hours), not the phone one.
    expect(response({ severity: 'urgent', channel: 'phone', environment: 'staging' })).toMatchObject({ due: '2026-03-02T14:00:00+00:00' });
    // security in staging, premium / high: the security table (2 hours), not staging's 4 hours.
    const sec = response({ severity: 'high', environment: 'staging', service: 'security' });
    expect(sec).toMatchObject({ due: '2026-03-02T12:00:00+00:00', target: '2 hours' });
    expect(sec.trace?.table).toEqual({ scope: 'service security', clause: line(60) });
    // data loss on security, urgent: the category's 10 minutes, though security has no urgent target.
    const cat = response({ severity: 'urgent', service: 'security', category: 'data-loss' });
    expect(cat).toMatchObject({ due: '2026-03-02T10:10:00+00:00', target: '10 minutes' });
    expect(cat.trace?.table?.scope).toBe('category data-loss');
  });

  it('a none cell answers: security has no urgent target, and nothing falls through', () => {
    const o = response({ severity: 'urgent', service: 'security' });
    expect(o.status).toBe('not-applicable');
    expect(o.due).toBeNull();
    expect(o.reason).toBe(`service security: plan premium, severity urgent: none, ${line(62)}`);
    // The other service keeps the base table's 30 minutes.
    expect(response({ severity: 'urgent', service: 'server' }).due).toBe('2026-03-02T10:30:00+00:00');
  });

  it('a region table applies to the customers of the region, found from their zone', () => {
    // Japan, premium / normal: 8 business hours on 9-17 Tokyo. Opened Fri 2026-03-06 06:00 UTC =
    // 15:00 JST: Friday 15-17 (2 h), Monday 09:00-15:00 (6 h) = 8 h, Mon 2026-03-09 15:00 JST = 06:00 UTC.
    const v = judge({ severity: 'normal', zone: 'Asia/Tokyo', opened: '2026-03-06T06:00:00Z' });
    expect(v.region).toBe('japan');
    const o = v.objectives[0];
    expect(o).toMatchObject({ due: '2026-03-09T06:00:00+00:00', target: '8 regional business hours' });
    expect(o.trace).toMatchObject({ region: 'japan', calendar: 'japan-hours', table: { scope: 'region japan', clause: line(55) } });
    // Paris is of region emea: the Japanese table does not apply; 2 days on the wall clock.
    const emea = judge({ severity: 'normal', zone: 'Europe/Paris', opened: '2026-03-06T06:00:00Z' });
    expect(emea.region).toBe('emea');
    expect(emea.objectives[0]).toMatchObject({ due: '2026-03-08T06:00:00+00:00', target: '2 days' });
    // Named by its region, the same.
    expect(judge({ severity: 'normal', region: 'japan', opened: '2026-03-06T06:00:00Z' }).objectives[0].due).toBe('2026-03-09T06:00:00+00:00');
  });

  it('rejects a zone of no region, a zone and region that disagree, and an undeclared environment', () => {
    expect(rejection({ severity: 'high', zone: 'America/Lima' })).toBe('zone "America/Lima" is of no region (zones of the regions: emea: Europe/London, Europe/Paris; japan: Asia/Tokyo)');
    expect(rejection({ severity: 'high', zone: 'Asia/Tokyo', region: 'emea' })).toBe('region "emea" and zone "Asia/Tokyo" disagree: the zone is of region japan');
    expect(rejection({ severity: 'high', environment: 'qa' })).toMatch(/^unknown environment "qa"/);
  });

  it('names ignore case, and come out as the contract declares them', () => {
    const v = judge({ severity: 'urgent', environment: 'STAGING', zone: 'asia/tokyo' });
    expect(v.environment).toBe('staging');
    expect(v.region).toBe('japan');
    expect(v.objectives[0].due).toBe('2026-03-02T14:00:00+00:00');
  });
});

describe('contracts without scoped tables', () => {
  it('say nothing of tables in their traces', () => {
    const plain = load(TEXT.replace(/\n# Staging is never urgent[\s\S]*?(?=\n# A category)/, '\n'));
    const r = validateRecord({ ...BASE, severity: 'urgent' }, 1, plain.ir);
    if (isRejected(r)) throw new Error(r.message);
    const o = evaluateIncident(plain, r as IncidentRecord, AS_OF).objectives[0];
    expect(o.due).toBe('2026-03-02T10:30:00+00:00');
    expect(o.trace).not.toHaveProperty('table');
    expect(plain.ir.targetTables ?? []).toEqual([]);
  });
});
