// Lowering target tables for some incidents only (an environment, a channel, a region, a service
// or one of its parts) and the zones of regions, as an author meets it: the table each scope
// becomes, names matched in any case, and the error of each scope or zone that names nothing.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';
import { told } from '../helpers/findings';

const HEAD = [
  'contract "Scoped"',
  'version 1',
  'effective 2026-01-01',
  'time zone Europe/London',
  '',
  'services',
  '  server   "Server"',
  '  mdb      "Databases"',
  '    part read  "Read"',
  '    part write "Write"',
  '  dns      "DNS"',
  '',
  'reporting channels',
  '  official phone "Phone"',
  '  official portal "Portal"',
  '',
  'severities',
  '  urgent "Urgent"',
  '  normal "Normal"',
  '',
  'response targets',
  '  | severity | target  |',
  '  | urgent   | 1 hour  |',
  '  | normal   | 8 hours |',
  '',
];

function lowered(...body: string[]) {
  const text = [...HEAD, ...body, '', 'causes', '  counted provider', ''].join('\n');
  const c = compile(text, 'scoped.sla');
  const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
  return {
    contract: c.contract,
    errors: told(text, c.diagnostics.filter((d) => d.severity === 'error')),
    tables: (c.contract.targetTables ?? []).map((t) => ({
      objective: t.objective,
      scope: [t.scope.kind, t.scope.id, t.scope.part],
      at: at(t.span),
      cells: t.targets.map((x) => `${x.severity}=${x.duration ? `${x.duration.amount} ${x.duration.unit}` : 'none'}`),
    })),
  };
}

const table = (scope: string, ...rows: string[]): string[] => [`response targets for ${scope}`, '  | severity | target |', ...rows.map((r) => `  | ${r} |`), ''];

describe('target tables for some incidents', () => {
  it('each scope names its declared thing in any case, and keeps its cells', () => {
    const { errors, tables } = lowered(
      'environments',
      '  production "Production"',
      '  staging    "Staging"',
      '',
      ...table('environment Staging', 'urgent | 8 hours'),
      ...table('channel PHONE', 'urgent | 15 minutes', 'normal | none'),
      ...table('service mdb part Write', 'urgent | 30 minutes'),
      ...table('service dns', 'normal | 2 hours'),
    );
    expect(errors).toEqual([]);
    expect(tables).toEqual([
      { objective: 'response', scope: ['environment', 'staging', null], at: 'response targets for environment Staging', cells: ['urgent=8 hour'] },
      { objective: 'response', scope: ['channel', 'phone', null], at: 'response targets for channel PHONE', cells: ['urgent=15 minute', 'normal=none'] },
      { objective: 'response', scope: ['service', 'mdb', 'write'], at: 'response targets for service mdb part Write', cells: ['urgent=30 minute'] },
      { objective: 'response', scope: ['service', 'dns', null], at: 'response targets for service dns', cells: ['normal=2 hour'] },
    ]);
  });

  it('an environment without an environments block says so; with one, names the declared ones', () => {
    const none = lowered(...table('environment staging', 'urgent | 8 hours'));
    expect(none.errors).toEqual([
      {
        code: 'SLA2001',
        at: 'staging',
        message: 'environment "staging" is not declared: the contract has no environments block',
        hint: 'declare them: environments, then one line each (staging "Its title")',
        related: [],
      },
    ]);
    expect(none.tables).toEqual([]);
    const some = lowered('environments', '  production "Production"', '', ...table('environment stagin', 'urgent | 8 hours'));
    expect(some.errors.map((e) => [e.code, e.at])).toEqual([['SLA2001', 'stagin']]);
    expect(some.tables).toEqual([]);
  });

  it('a channel, region or service that is not declared', () => {
    const { errors, tables } = lowered(...table('channel email', 'urgent | 1 hour'), ...table('region japan', 'urgent | 1 hour'), ...table('service compute', 'urgent | 1 hour'));
    expect(errors.map((e) => [e.code, e.at])).toEqual([
      ['SLA2001', 'email'],
      ['SLA2001', 'japan'],
      ['SLA2001', 'compute'],
    ]);
    expect(tables).toEqual([]);
  });

  it('a part the service lacks: its parts are listed, or how to declare one', () => {
    const { errors, tables } = lowered(...table('service mdb part backup', 'urgent | 1 hour'), ...table('service dns part zone', 'urgent | 1 hour'));
    expect(errors).toEqual([
      { code: 'SLA2001', at: 'backup', message: 'service mdb has no part "backup"', hint: 'its parts: read, write', related: [] },
      { code: 'SLA2001', at: 'zone', message: 'service dns has no part "zone"', hint: 'declare it under the service: part zone "..."', related: [] },
    ]);
    expect(tables).toEqual([]);
  });

  it('a second table for one objective and scope, in any case, is left out; another objective or part is not a second', () => {
    const { errors, tables } = lowered(
      ...table('channel phone', 'urgent | 15 minutes'),
      ...table('channel Phone', 'urgent | 5 minutes'),
      'resolution targets for channel phone',
      '  | severity | target |',
      '  | urgent   | 1 day  |',
      '',
      ...table('service mdb part read', 'urgent | 1 hour'),
      ...table('service mdb part write', 'urgent | 2 hours'),
    );
    expect(errors).toEqual([
      {
        code: 'SLA2055',
        at: 'response targets for channel Phone',
        message: 'the response targets for channel phone are given twice',
        hint: 'keep one table per objective and scope: merge the rows into the first one',
        related: ['response targets for channel phone: first given here'],
      },
    ]);
    expect(tables.map((t) => [t.objective, t.scope.join(' '), t.cells.join(',')])).toEqual([
      ['response', 'channel phone ', 'urgent=15 minute'],
      ['resolution', 'channel phone ', 'urgent=1 day'],
      ['response', 'service mdb read', 'urgent=1 hour'],
      ['response', 'service mdb write', 'urgent=2 hour'],
    ]);
  });

  it('a cell given twice in one table: the first stands', () => {
    const { errors, tables } = lowered(...table('channel phone', 'urgent | 15 minutes', 'urgent | 5 minutes'));
    expect(errors).toEqual([
      {
        code: 'SLA2002',
        at: '5 minutes',
        message: 'the response target of urgent for channel phone is given twice',
        hint: undefined,
        related: ['15 minutes: first given here'],
      },
    ]);
    expect(tables.map((t) => t.cells)).toEqual([['urgent=15 minute']]);
    // With plans, the cell is named by its plan and severity, in a scoped table and in the table for every incident.
    const text = (rows: string[]) => [...HEAD.slice(0, 16), 'plans basic < gold', '', ...HEAD.slice(16, 20), ...rows, '', 'causes', '  counted provider', ''].join('\n');
    const twice = ['  | plan  | urgent  | normal |', '  | gold  | 1 hour  | 2 hours |', '  | basic | 2 hours | 4 hours |', '  | gold  | 3 hours | 2 hours |'];
    const messages = (rows: string[]) => compile(text(rows)).diagnostics.filter((d) => d.code === 'SLA2002').map((d) => d.message);
    expect(messages(['response targets', ...twice])).toEqual(['the response target of gold / urgent is given twice', 'the response target of gold / normal is given twice']);
    expect(messages(['response targets for channel phone', ...twice])).toEqual([
      'the response target of gold / urgent for channel phone is given twice',
      'the response target of gold / normal for channel phone is given twice',
    ]);
    const plain = [...HEAD.slice(0, 32), '  | urgent   | 2 hours |', ...HEAD.slice(32), 'causes', '  counted provider', ''].join('\n');
    expect(compile(plain).diagnostics.filter((d) => d.code === 'SLA2002').map((d) => d.message)).toEqual(['the response target of urgent is given twice']);
  });
});

describe('environments and the zones of regions', () => {
  it('an environment declared twice, or again in another case', () => {
    const { contract, errors } = lowered('environments', '  production "Production"', '  production "Again"', '  Production "Case"', '  staging');
    expect(errors.map((e) => [e.code, e.at, e.message, e.related])).toEqual([
      ['SLA2002', 'production', 'environment "production" is declared twice', ['production "Production": first declared here']],
      ['SLA2014', 'Production', 'environment "Production" is declared twice', ['production "Production": first declared here']],
    ]);
    expect(contract.environments!.map((e) => [e.id, e.title])).toEqual([
      ['production', 'Production'],
      ['staging', null],
    ]);
  });

  it('each zone belongs to one region; a zone given twice in one region counts once', () => {
    const regions = (...lines: string[]) =>
      lowered('calendar tokyo in Asia/Tokyo', '  monday to friday 09:00 to 17:00', '', 'regions', ...lines.map((l) => `  ${l}`));
    const ok = regions('japan "Japan" calendar tokyo zones Asia/Tokyo, Asia/Seoul, Asia/Tokyo', 'emea "EMEA" zones Europe/London');
    expect(ok.errors).toEqual([]);
    expect(ok.contract.regions!.map((r) => [r.id, r.zones])).toEqual([
      ['japan', ['Asia/Tokyo', 'Asia/Seoul']],
      ['emea', ['Europe/London']],
    ]);
    const two = regions('japan "Japan" zones Asia/Tokyo', 'korea "Korea" zones Asia/Seoul, Asia/Tokyo, Asia/Nowhere');
    expect(two.errors).toEqual([
      {
        code: 'SLA2056',
        at: 'Asia/Tokyo',
        message: 'zone Asia/Tokyo is given for region japan and for region korea: a record in that zone would be of both',
        hint: 'give each zone to one region; a record may name its region instead of its zone',
        related: ['Asia/Tokyo: given for japan here'],
      },
      { code: 'SLA2005', at: 'Asia/Nowhere', message: '"Asia/Nowhere" is not a known IANA time zone', hint: 'for example Europe/London, Asia/Tokyo, America/Los_Angeles or UTC', related: [] },
    ]);
    expect(two.contract.regions!.map((r) => [r.id, r.zones])).toEqual([
      ['japan', ['Asia/Tokyo']],
      ['korea', ['Asia/Seoul']],
    ]);
  });

  it('a zone in two regions relates where the first region first gives it; a region declared twice keeps its first zones', () => {
    const text = [...HEAD, 'regions', '  japan "Japan" zones Asia/Tokyo, Asia/Tokyo', '  korea "Korea" zones Asia/Tokyo', '  japan "Again" zones Asia/Seoul', '', 'causes', '  counted provider', ''].join('\n');
    const c = compile(text, 'scoped.sla');
    const twice = c.diagnostics.find((d) => d.code === 'SLA2056')!;
    expect(twice.related.map((r) => r.span.start)).toEqual([text.indexOf('Asia/Tokyo')]);
    expect(c.contract.regions!.map((r) => [r.id, r.zones])).toEqual([
      ['japan', ['Asia/Tokyo']],
      ['korea', []],
    ]);
  });

  it('a second environments block is told and its names are not declared', () => {
    const { errors, tables } = lowered('environments', '  production "Production"', '', 'environments', '  staging "Staging"', '', ...table('environment staging', 'urgent | 8 hours'));
    expect(errors.map((e) => [e.code, e.at, e.message])).toEqual([
      ['SLA2003', 'environments\n  staging "Staging"', 'the list of environments is given twice'],
      ['SLA2001', 'staging', 'environment "staging" is not declared'],
    ]);
    expect(tables).toEqual([]);
  });

  it('a cell of a scoped table keeps how the answer comes, or none', () => {
    const { contract } = lowered(...table('channel phone', 'urgent | 1 hour by email', 'normal | 4 hours'));
    expect(contract.targetTables![0].targets.map((t) => [t.severity, t.via])).toEqual([
      ['urgent', ['email']],
      ['normal', []],
    ]);
  });

  it('a scope naming nothing declared: what it is, and what is declared', () => {
    const { errors } = lowered('environments', '  production "Production"', '', 'regions', '  emea "EMEA"', '', ...table('environment staging', 'urgent | 8 hours'), ...table('channel email', 'urgent | 1 hour'), ...table('region japan', 'urgent | 1 hour'), ...table('service compute', 'urgent | 1 hour'));
    expect(errors.map((e) => [e.at, e.message, e.hint])).toEqual([
      ['staging', 'environment "staging" is not declared', 'declared environments: production'],
      ['email', 'channel "email" is not declared', 'declared channels: phone, portal'],
      ['japan', 'region "japan" is not declared', 'declared regions: emea'],
      ['compute', 'service "compute" is not declared', 'declared services: server, mdb, dns'],
    ]);
  });
});

describe('category tables', () => {
  const withCategories = (...table: string[]) => {
    const text = [...HEAD, 'restoration targets', '  | severity | target   |', '  | urgent   | 4 hours  |', '  | normal   | 24 hours |', '', 'categories', ...table, '', 'causes', '  counted provider', ''].join('\n');
    const c = compile(text, 'categories.sla');
    return { told: told(text, c.diagnostics.filter((d) => d.code.startsWith('SLA20'))), targets: c.contract.categoryTargets.map((t) => `${t.category} ${t.objective} ${t.duration ? `${t.duration.amount} ${t.duration.unit}` : 'none'}`) };
  };

  it('an objective headed twice is an error, and its second column is left out', () => {
    const c = withCategories('  | category | description | restoration | restoration |', '  | slow     | "Slow"      | 2 hours     | 30 minutes  |');
    expect(c.told).toEqual([{ code: 'SLA2002', at: 'restoration', message: 'the restoration column is given twice', related: ['restoration: first given here'] }]);
    expect(c.targets).toEqual(['slow restoration 2 hour']);
  });

  it('a category declared twice keeps the targets of the row that declared it, for the checks and the evaluator alike', () => {
    const c = withCategories('  | category | description | restoration |', '  | slow     | "Slow"      | 2 hours     |', '  | Slow     | "Again"     | 30 minutes  |');
    expect(c.told.map((f) => [f.code, f.at])).toEqual([['SLA2014', '| Slow     | "Again"     | 30 minutes  |']]);
    expect(c.targets).toEqual(['slow restoration 2 hour']);
  });
});
