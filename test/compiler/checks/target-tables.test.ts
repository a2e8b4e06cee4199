// Checks of target tables for some incidents: the severity order of what each table's incidents
// get (its own cells, and those of the table for every incident it falls through to), a regional
// target in a region's table, and the findings' code, text under the range and message.

import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';

function findings(body: string[]) {
  const text = `${['contract "Tables"', 'version 1', 'effective 2026-01-01', 'time zone UTC', 'causes', '  counted provider', ...body].join('\n')}\n`;
  const c = compile(text, 'tables.sla');
  const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);
  return c.diagnostics.map((d) => ({ code: d.code, at: at(d.span), message: d.message, related: d.related.map((r) => at(r.span)) }));
}

const HEAD = ['environments', '  staging "Staging"', 'severities', '  urgent', '  high', 'response targets', '  | severity | target  |', '  | urgent   | 1 hour  |', '  | high     | 4 hours |'];

describe('target tables for some incidents', () => {
  it('a scoped cell looser than a less severe cell it falls through to is an inversion, named for its table', () => {
    // Staging urgent 8 hours, high falls through to 4 hours: urgent is due later.
    expect(findings([...HEAD, 'response targets for environment staging', '  | severity | target  |', '  | urgent   | 8 hours |'])).toEqual([
      { code: 'SLA3202', at: '8 hours', message: 'urgent is more severe than high but its response target of 8 hours is due later than 4 hours (for environment staging)', related: ['4 hours'] },
    ]);
  });

  it('a scoped table in order with what it falls through to is clean', () => {
    expect(findings([...HEAD, 'response targets for environment staging', '  | severity | target  |', '  | urgent   | 4 hours |'])).toEqual([]);
  });

  it('a regional target in a region\'s table needs only that region\'s calendar', () => {
    const regions = ['calendar tokyo in Asia/Tokyo', '  monday to friday 09:00 to 17:00', 'regions', '  japan "Japan" calendar tokyo', '  other "Elsewhere"'];
    const table = ['response targets for region japan', '  | severity | target                    |', '  | high     | 8 regional business hours |'];
    expect(findings([...regions, ...HEAD, ...table])).toEqual([]);
    // The same target in the table for every incident reaches the region without a calendar.
    const everywhere = findings([...regions, ...HEAD.slice(0, -1), '  | high     | 8 regional business hours |']);
    expect(everywhere.map((f) => [f.code, f.at])).toEqual([['SLA3802', 'other "Elsewhere"']]);
  });

  it('a scope naming nothing declared is an error on the name, with the declared ones', () => {
    const f = findings([...HEAD, 'response targets for environment qa', '  | severity | target  |', '  | urgent   | 4 hours |']);
    expect(f.map((x) => [x.code, x.at])).toEqual([['SLA2001', 'qa']]);
  });
});
