// The symbol pass: every declaration and reference of a declared name, with its kind, on the seeds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../language/index';
import { collectSymbols, declarations, occurrencesOf, symbolAt } from '../../compiler/symbols';
import { LineMap } from '../../language/span';

const read = (f: string) => readFileSync(join(import.meta.dirname, '../..', f), 'utf8');

describe('symbols', () => {
  const sagicc = collectSymbols(parse(read('contracts/sagicc/v04.sla')).ast);
  const clever = collectSymbols(parse(read('contracts/clever-ideas/v1.sla')).ast);

  it('declares what the seeds declare, by kind', () => {
    expect(declarations(sagicc, 'plan').map((d) => d.name)).toEqual(['essential', 'standard', 'professional']);
    expect(declarations(sagicc, 'severity').map((d) => d.name)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(declarations(sagicc, 'channel').map((d) => d.name)).toEqual(['helpdesk']);
    expect(declarations(sagicc, 'cause')).toHaveLength(8);
    expect(declarations(clever, 'category').map((d) => d.name)).toEqual(['web-down', 'agent-login', 'list-upload', 'dashboards-stale', 'repository-sync', 'recording-request']);
  });

  it('finds every use of a name: table rows and headers, and calendars in durations', () => {
    expect(occurrencesOf(sagicc, 'plan', 'professional').map((o) => o.declaration)).toEqual([true, false, false]);
    expect(occurrencesOf(sagicc, 'severity', 'high').filter((o) => !o.declaration)).toHaveLength(2);
    // 9 business cells of response, 6 of restoration, and the maintenance notice.
    expect(occurrencesOf(sagicc, 'calendar', 'business').filter((o) => !o.declaration)).toHaveLength(16);
  });

  it('keeps occurrences in source order and each on its name', () => {
    const text = read('contracts/sagicc/v04.sla');
    let last = -1;
    for (const o of sagicc.occurrences) {
      expect(o.span.start).toBeGreaterThan(last);
      expect(text.slice(o.span.start, o.span.end)).toBe(o.name);
      last = o.span.start;
    }
  });

  it('declares regions and pause reasons, and finds their uses in clocks, updates and regions', () => {
    const desk = collectSymbols(parse(read('test/fixtures/good/support.sla')).ast);
    expect(declarations(desk, 'pauseReason').map((d) => d.name)).toEqual(['waiting-on-customer']);
    // Declared, then named by the resolution clock.
    expect(occurrencesOf(desk, 'pauseReason', 'waiting-on-customer').map((o) => o.declaration)).toEqual([true, false]);
    // `update ... for severity unavailable` and its table rows.
    expect(occurrencesOf(desk, 'severity', 'unavailable').filter((o) => !o.declaration)).toHaveLength(3);
    const github = collectSymbols(parse(read('contracts/github-premium-support/v2021-11.sla')).ast);
    expect(declarations(github, 'region').map((d) => [d.name, d.detail])).toEqual([
      ['english', 'Support in English'],
      ['japanese', 'Support in Japanese'],
    ]);
    expect(occurrencesOf(github, 'calendar', 'japanese-support').map((o) => o.declaration)).toEqual([true, false]);
  });
});

describe('symbols of every clause that declares or names something', () => {
  // One contract with each kind of declaration and each place a name is used; every occurrence
  // as line:column, kind, name, and for a declaration its detail and the range an outline shows.
  const TEXT = [
    "contract \"Every name\"",
    "version 1",
    "effective 2026-01-01",
    "time zone UTC",
    "",
    "calendar office \"Office hours\"",
    "  monday to friday 09:00 to 17:00",
    "",
    "calendar tokyo in Asia/Tokyo",
    "  monday to friday 09:00 to 17:00",
    "",
    "plans basic < gold",
    "",
    "severities",
    "  urgent \"Urgent\"",
    "  normal",
    "",
    "categories",
    "  | category | description | response |",
    "  | web-down | \"Web down\"  | 1 hour   |",
    "  | slow     | 2 words     | 2 hours  |",
    "",
    "categories",
    "  login \"Cannot log in\"",
    "",
    "causes",
    "  counted provider \"The provider's fault\"",
    "",
    "reporting channels",
    "  official phone \"Phone\"",
    "  official portal",
    "",
    "regions",
    "  japan \"Japan\" calendar tokyo",
    "  other",
    "",
    "environments",
    "  production \"Production\"",
    "",
    "pause reasons",
    "  waiting \"Waiting on the customer\"",
    "",
    "clocks",
    "  resolution pauses while waiting or Waiting",
    "",
    "services",
    "  compute \"Compute\" group infra",
    "  mdb     \"Databases\" group infra",
    "    part read \"Read\"",
    "  dns",
    "",
    "setups",
    "  ha \"High availability\"",
    "",
    "response targets",
    "  | plan  | urgent  | normal         |",
    "  | basic | 4 office hours | 8 office hours |",
    "  | gold  | 1 hour  | 4 hours        |",
    "",
    "resolution targets",
    "  | severity | basic | gold  |",
    "  | urgent   | 1 day | 1 day |",
    "",
    "response targets for service mdb part read",
    "  | severity | target |",
    "  | urgent   | 30 minutes |",
    "",
    "response targets for environment production",
    "  | severity | target |",
    "  | urgent   | 30 minutes |",
    "",
    "update every 2 office hours until restored for severity urgent, normal",
    "",
    "availability for service compute",
    "  target 99.9% per calendar month",
    "  only with setup ha",
    "  counted during office hours",
    "",
    "credits for group infra",
    "  | monthly availability | credit |",
    "  | below 99.9%          | 10%    |",
    "",
    "maintenance for service mdb part read",
    "  windows",
    "    sunday 02:00 to 04:00",
    "  notice at least 2 office days before the start",
  ].join('\n');

  it('declares and references each name where it is written, in source order', () => {
    const lines = new LineMap(TEXT);
    const found = collectSymbols(parse(TEXT).ast).occurrences.map((o) => {
      const p = lines.position(o.span.start);
      const decl = o.declaration ? ` D ${JSON.stringify(o.detail)} ${JSON.stringify(TEXT.slice(o.extent!.start, o.extent!.end))}` : ' R';
      return `${p.line}:${p.column} ${o.kind} ${o.name}${decl}`;
    });
    expect(found).toEqual([
      "6:10 calendar office D \"Office hours\" \"calendar office \\\"Office hours\\\"\"",
      "9:10 calendar tokyo D null \"calendar tokyo in Asia/Tokyo\"",
      "12:7 plan basic D null \"basic\"",
      "12:15 plan gold D null \"gold\"",
      "15:3 severity urgent D \"Urgent\" \"urgent \\\"Urgent\\\"\"",
      "16:3 severity normal D null \"normal\"",
      "20:5 category web-down D \"Web down\" \"| web-down | \\\"Web down\\\"  | 1 hour   |\"",
      "21:5 category slow D null \"| slow     | 2 words     | 2 hours  |\"",
      "24:3 category login D \"Cannot log in\" \"login \\\"Cannot log in\\\"\"",
      "27:11 cause provider D \"The provider's fault\" \"counted provider \\\"The provider's fault\\\"\"",
      "30:12 channel phone D \"Phone\" \"official phone \\\"Phone\\\"\"",
      "31:12 channel portal D null \"official portal\"",
      "34:3 region japan D \"Japan\" \"japan \\\"Japan\\\" calendar tokyo\"",
      "34:26 calendar tokyo R",
      "35:3 region other D null \"other\"",
      "38:3 environment production D \"Production\" \"production \\\"Production\\\"\"",
      "41:3 pauseReason waiting D \"Waiting on the customer\" \"waiting \\\"Waiting on the customer\\\"\"",
      "44:27 pauseReason waiting R",
      "44:38 pauseReason Waiting R",
      "47:3 service compute D \"Compute\" \"compute \\\"Compute\\\" group infra\"",
      "47:27 group infra D null \"compute \\\"Compute\\\" group infra\"",
      "48:3 service mdb D \"Databases\" \"mdb     \\\"Databases\\\" group infra\"",
      "48:29 group infra R",
      "49:10 part read D \"Read\" \"part read \\\"Read\\\"\"",
      "50:3 service dns D null \"dns\"",
      "53:3 setup ha D \"High availability\" \"ha \\\"High availability\\\"\"",
      "56:13 severity urgent R",
      "56:23 severity normal R",
      "57:5 plan basic R",
      "57:15 calendar office R",
      "57:32 calendar office R",
      "58:5 plan gold R",
      "61:16 plan basic R",
      "61:24 plan gold R",
      "62:5 severity urgent R",
      "64:30 service mdb R",
      "64:39 part read R",
      "66:5 severity urgent R",
      "68:34 environment production R",
      "70:5 severity urgent R",
      "72:16 calendar office R",
      "72:57 severity urgent R",
      "72:65 severity normal R",
      "74:26 service compute R",
      "76:19 setup ha R",
      "77:18 calendar office R",
      "79:19 group infra R",
      "83:25 service mdb R",
      "83:34 part read R",
      "86:21 calendar office R",
    ]);
  });

  it('a cursor on a name, or just after it, finds its occurrence; between names, none', () => {
    const symbols = collectSymbols(parse(TEXT).ast);
    const at = TEXT.indexOf('group infra') + 'group '.length;
    expect(symbolAt(symbols, at)).toMatchObject({ kind: 'group', name: 'infra', declaration: true });
    expect(symbolAt(symbols, at + 'infra'.length)).toMatchObject({ kind: 'group', name: 'infra' });
    expect(symbolAt(symbols, at - 1)).toBeNull();
    expect(occurrencesOf(symbols, 'group', 'infra').map((o) => o.declaration)).toEqual([true, false, false]);
    // The first declaration of each name only: `infra` is declared once however many services name it.
    expect(declarations(symbols).filter((d) => d.kind === 'group').map((d) => d.name)).toEqual(['infra']);
    expect(declarations(symbols).map((d) => d.kind)).toContain('setup');
  });

  it('a cell of several words, or a table whose first column is neither plan nor severity, names nothing', () => {
    const text = ['severities', '  urgent', 'response targets', '  | tier | urgent |', '  | gold | 1 hour |', 'response targets', '  | severity | gold plan |', '  | urgent | 1 hour |', ''].join('\n');
    const refs = collectSymbols(parse(text).ast).occurrences.filter((o) => !o.declaration).map((o) => `${o.kind} ${o.name}`);
    expect(refs).toEqual(['severity urgent']);
    // A row of several words, and a header cell in quotes, name nothing either.
    const other = ['severities', '  urgent', 'response targets', '  | severity | target |', '  | very urgent | 1 hour |', 'response targets', '  | "Plan" | urgent |', '  | gold | 1 hour |', ''].join('\n');
    expect(collectSymbols(parse(other).ast).occurrences.filter((o) => !o.declaration)).toEqual([]);
  });
});

describe('symbols of bare declarations and of names that are not what they seem', () => {
  const TEXT = [
    'severities',
    '  urgent',
    '  urgent',
    'categories',
    '  login',
    '  | category | response | description |',
    '  | web | 1 hour | "Web down" |',
    '  | api | 2 hours | slow api |',
    '  | two words | 2 hours | "Two" |',
    'causes',
    '  counted provider',
    'reporting channels',
    '  official phone',
    'environments',
    '  production',
    'pause reasons',
    '  waiting',
    'services',
    '  compute group Infra',
    '  mdb group infra',
    '    part read',
    'setups',
    '  ha',
    'calendar office',
    '  monday to friday 09:00 to 17:00',
    'plans gold',
    'update every 8 hours until restored for plan gold',
    'response targets',
    '  | urgent | gold |',
    '  | gold | 1 hour |',
    '',
  ].join('\n');
  // Collected in each test, so that a mutation tool sees each test run the code.
  const collect = () => collectSymbols(parse(TEXT).ast);

  it('a declaration without a title or description has no detail', () => {
    const symbols = collect();
    expect(declarations(symbols).map((d) => `${d.kind} ${d.name} ${JSON.stringify(d.detail)}`)).toEqual([
      'severity urgent null',
      'category login null',
      'category web "Web down"',
      'category api null',
      'cause provider null',
      'channel phone null',
      'environment production null',
      'pauseReason waiting null',
      'service compute null',
      'group Infra null',
      'service mdb null',
      'part read null',
      'setup ha null',
      'calendar office null',
      'plan gold null',
    ]);
  });

  it('a name declared twice is one declaration; a group in another case is the same group', () => {
    const symbols = collect();
    expect(occurrencesOf(symbols, 'severity', 'urgent').map((o) => o.declaration)).toEqual([true, true]);
    expect(declarations(symbols, 'severity')).toHaveLength(1);
    expect(symbols.occurrences.filter((o) => o.kind === 'group').map((o) => `${o.name} ${o.declaration}`)).toEqual(['Infra true', 'infra false']);
  });

  it('an update for a plan names no severity; a table whose first column is a severity name names nothing', () => {
    const symbols = collect();
    expect(symbols.occurrences.filter((o) => !o.declaration).map((o) => `${o.kind} ${o.name}`)).toEqual(['group infra']);
    expect(occurrencesOf(symbols, 'severity', 'gold')).toEqual([]);
    expect(occurrencesOf(symbols, 'plan', 'gold').map((o) => o.declaration)).toEqual([true]);
  });
});
