// The two seed SLAs parse to the IR their source text says: targets, bands, windows, causes.

import { describe, expect, it } from 'vitest';
import type { Target } from '../../compiler/ir';
import { compileFile } from '../helpers/ir';

const HOUR = 3_600_000;
const errorsOf = (c: ReturnType<typeof compileFile>) => c.diagnostics.filter((d) => d.severity === 'error');

function cell(targets: Target[], objective: string, plan: string, severity: string) {
  const t = targets.find((x) => x.objective === objective && x.plan === plan && x.severity === severity);
  if (!t) throw new Error(`no ${objective} target for ${plan}/${severity}`);
  return t.duration ? { ms: t.duration.ms, calendar: t.duration.calendar, via: t.via } : 'none';
}

describe('SAGICC v04', () => {
  const c = compileFile('contracts/sagicc/v04.sla');
  const ir = c.contract;

  it('has no errors', () => {
    expect(errorsOf(c)).toEqual([]);
  });

  it('declares the header, plans in order and severities most severe first', () => {
    expect(ir).toMatchObject({ name: 'SAGICC Service Level Agreement', version: '04', effective: '2026-03-13', timeZone: 'America/Bogota', provider: 'SAGICC' });
    expect(ir.plans.map((p) => p.id)).toEqual(['essential', 'standard', 'professional']);
    expect(ir.plansOrdered).toBe(true);
    expect(ir.implicitPlan).toBe(false);
    expect(ir.severities.map((s) => [s.id, s.aliases])).toEqual([
      ['critical', ['1']],
      ['high', ['2']],
      ['medium', ['3']],
      ['low', ['4']],
    ]);
  });

  it('reads the Colombian business calendar with pinned 2026 holidays', () => {
    const cal = ir.calendars[0];
    expect(cal.id).toBe('business');
    expect(cal.holidayCountry).toBe('CO');
    expect(cal.weekly.map((r) => [r.day, r.from, r.to])).toEqual([1, 2, 3, 4, 5].map((d) => [d, 480, 1080]));
    expect(cal.pinned[0].year).toBe(2026);
    expect(cal.pinned[0].dates).toHaveLength(20);
    expect(cal.pinned[0].dates).toContain('2026-07-13');
    expect(cal.pinned[0].dates).toContain('2026-04-03');
  });

  it('has the response matrix of the source: critical in wall hours, the rest in business time', () => {
    expect(cell(ir.targets, 'response', 'essential', 'critical')).toEqual({ ms: 2 * HOUR, calendar: null, via: [] });
    expect(cell(ir.targets, 'response', 'professional', 'critical')).toEqual({ ms: 1 * HOUR, calendar: null, via: [] });
    // "2 business day by email": two business days of 10 hours.
    expect(cell(ir.targets, 'response', 'essential', 'high')).toEqual({ ms: 20 * HOUR, calendar: 'business', via: ['email'] });
    expect(cell(ir.targets, 'response', 'professional', 'high')).toEqual({ ms: 4 * HOUR, calendar: 'business', via: ['email'] });
    expect(cell(ir.targets, 'response', 'standard', 'low')).toEqual({ ms: 20 * HOUR, calendar: 'business', via: ['email'] });
    expect(ir.targets.filter((t) => t.objective === 'response')).toHaveLength(12);
  });

  it('has the restoration matrix with NA for low impact', () => {
    expect(cell(ir.targets, 'restoration', 'essential', 'critical')).toEqual({ ms: 4 * HOUR, calendar: null, via: [] });
    expect(cell(ir.targets, 'restoration', 'essential', 'medium')).toEqual({ ms: 50 * HOUR, calendar: 'business', via: ['email'] });
    expect(cell(ir.targets, 'restoration', 'professional', 'high')).toEqual({ ms: 2 * HOUR, calendar: 'business', via: ['email'] });
    for (const plan of ['essential', 'standard', 'professional']) expect(cell(ir.targets, 'restoration', plan, 'low')).toBe('none');
    expect(ir.targets.filter((t) => t.objective === 'resolution')).toHaveLength(0);
  });

  it('excludes the causes of section 8 and counts only the provider', () => {
    expect(ir.causes.filter((x) => x.counted).map((x) => x.id)).toEqual(['provider']);
    expect(ir.causes.filter((x) => !x.counted).map((x) => x.id)).toEqual([
      'third-party',
      'cloud-provider',
      'communication-channel',
      'customer-infrastructure',
      'customer-configuration',
      'force-majeure',
      'emergency',
    ]);
    expect(ir.channels).toMatchObject({ othersExcluded: true, channels: [{ id: 'helpdesk', official: true }] });
  });

  it('reads maintenance, availability and the linear credit', () => {
    expect(ir.maintenance).toMatchObject({ hasWindows: false, windows: [], acknowledgementRequired: false, countedAsDowntime: false });
    expect(ir.maintenance?.notice?.duration).toMatchObject({ amount: '5', unit: 'day', calendar: 'business', ms: 50 * HOUR });
    expect(ir.availability).toMatchObject({ target: '99.96', measurement: { kind: 'exact' }, period: 'calendar-month' });
    expect(ir.credits).toMatchObject({
      bands: [],
      linear: { percentPerStep: '5', step: '1', rounding: 'started' },
      cap: '50',
      basis: 'invoiced value of the affected service',
    });
    expect(ir.credits?.claimWindow?.duration.ms).toBe(30 * 24 * HOUR);
    expect(ir.reliability).toBeNull();
  });

  it('keeps every prose section as a note or clause', () => {
    const titles = ir.notes.map((n) => n.title);
    for (const t of ['1. Brief description of the service', '2. SLA validity period and/or change control mechanism', 'Cooperation Policy', '6. Escalation and Notification Process', '4. Customer Responsibilities', '4. SAGICC Responsibilities']) {
      expect(titles).toContain(t);
    }
  });
});

describe('Clever IDEAS', () => {
  const c = compileFile('contracts/clever-ideas/v1.sla');
  const ir = c.contract;

  it('has no errors', () => {
    expect(errorsOf(c)).toEqual([]);
  });

  it('has one implicit plan, no effective date and the Bogota zone', () => {
    expect(ir.implicitPlan).toBe(true);
    expect(ir.plans.map((p) => p.id)).toEqual(['default']);
    expect(ir.effective).toBeNull();
    expect(ir.timeZone).toBe('America/Bogota');
    expect(ir.severities.map((s) => s.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('responds in 3 minutes for every incident and resolves by priority', () => {
    for (const s of ['p1', 'p2', 'p3']) expect(cell(ir.targets, 'response', 'default', s)).toEqual({ ms: 180_000, calendar: null, via: ['email'] });
    expect(cell(ir.targets, 'resolution', 'default', 'p1')).toMatchObject({ ms: 10 * 60_000 });
    expect(cell(ir.targets, 'resolution', 'default', 'p2')).toMatchObject({ ms: 45 * 60_000 });
    expect(cell(ir.targets, 'resolution', 'default', 'p3')).toMatchObject({ ms: 90 * 60_000 });
  });

  it('has category resolution targets that override the priority', () => {
    const byCat = Object.fromEntries(ir.categoryTargets.map((t) => [t.category, [t.objective, t.duration?.ms]]));
    expect(byCat).toEqual({
      'web-down': ['resolution', 600_000],
      'agent-login': ['resolution', 600_000],
      'list-upload': ['resolution', 600_000],
      'dashboards-stale': ['resolution', 600_000],
      'repository-sync': ['resolution', 2 * HOUR],
      'recording-request': ['resolution', 3 * HOUR],
    });
    expect(ir.categories.find((x) => x.id === 'web-down')?.description).toBe('Web page does not respond');
  });

  it('has half-open credit bands, lower bound inclusive', () => {
    expect(ir.credits?.bands.map((b) => [b.lower, b.upper, b.credit])).toEqual([
      [{ value: '99', inclusive: true }, { value: '99.9', inclusive: false }, '5'],
      [{ value: '98.5', inclusive: true }, { value: '99', inclusive: false }, '10'],
      [null, { value: '98.5', inclusive: false }, '15'],
    ]);
    expect(ir.availability?.target).toBe('99.9');
    expect(ir.reliability).toMatchObject({ maxIncidents: 4, period: 'calendar-month' });
  });

  it('has the literal maintenance windows, 48 hours notice and acknowledgement', () => {
    const m = ir.maintenance!;
    expect(m.hasWindows).toBe(true);
    expect(m.windows.map((w) => [w.day, w.from, w.to, w.crossesMidnight])).toEqual([
      [1, 1260, 60, true],
      [2, 1260, 60, true],
      [3, 1260, 60, true],
      [4, 1260, 60, true],
      [5, 1260, 60, true],
      [6, 1020, 1440, false],
      [7, 1, 1439, false],
    ]);
    expect(m.notice?.duration.ms).toBe(48 * HOUR);
    expect(m.notice?.via).toEqual(['email', 'telephone']);
    expect(m.acknowledgementRequired).toBe(true);
    expect(m.countedAsDowntime).toBe(false);
  });

  it('counts the provider and excludes the services Clever does not provide', () => {
    expect(ir.causes.map((x) => `${x.counted ? '+' : '-'}${x.id}`)).toEqual([
      '+provider',
      '-isp',
      '-sms-provider',
      '-whatsapp-provider',
      '-social-network-api',
      '-third-party-integration',
      '-own-systems-integration',
      '-customer-infrastructure',
    ]);
    expect(ir.channels).toBeNull();
  });
});
