// The symbol pass: every declaration and reference of a declared name, with its kind, on the seeds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../language/index';
import { collectSymbols, declarations, occurrencesOf } from '../../compiler/symbols';

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
