// Hover, in-process: durations on their calendar, calendars with this year's holidays, credit bands,
// declared names, keywords, and the explanation of a diagnostic under the cursor.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hover } from '../../lsp/handlers/hover';
import { contract, marked } from './marked';

const SAGICC = readFileSync(join(import.meta.dirname, '../../contracts/sagicc/v04.sla'), 'utf8');
const at2026 = { year: 2026 };

function hoverText(source: string, year = at2026): string {
  const m = marked(source);
  const h = hover(m.analysis, m.cursor, year);
  return h ? (h.contents as { value: string }).value : '';
}

describe('hover', () => {
  it('resolves a business-day target on its calendar', () => {
    const source = SAGICC.replace('| essential    | 2 hours  | 2 business days by email', '| essential    | 2 hours  | 2 busi‸ness days by email');
    expect(hoverText(source)).toContain(
      '2 business days = 20 business hours on calendar business: Mon-Fri 08:00-18:00 America/Bogota, public holidays of CO, 2026 pinned',
    );
  });

  it('says a wall-clock duration runs 24x7', () => {
    const source = SAGICC.replace('| essential    | 2 hours  | 2 business', '| essential    | 2 ho‸urs  | 2 business');
    expect(hoverText(source)).toContain('2 hours on the wall clock: 24x7');
  });

  it('shows a calendar with its weekly hours and the holidays of the editor\'s year', () => {
    const text = hoverText(SAGICC.replace('calendar business "Colombian', 'calendar busi‸ness "Colombian'));
    expect(text).toContain('Mon-Fri 08:00-18:00, America/Bogota: 50 hours a week');
    expect(text).toContain('Holidays in 2026 (pinned): 2026-01-01 Thu, 2026-01-12 Mon');
    expect(text).toContain('2026-07-13 Mon');
  });

  it('shows a credit band with its interval, neighbours and credit', () => {
    const source = contract(`availability
  target 99.9% per calendar month
credits
  | monthly availability             | credit |
  | at least 99.00% and below 99.90% | 5%     |
  | at least 98.50% and bel‸ow 99.00% | 10%    |
  | below 98.50%                     | 15%    |
`);
    const text = hoverText(source);
    expect(text).toContain('Credit band [98.5%, 99%): 10%');
    expect(text).toContain('Above it: [99%, 99.9%) -> 5%');
    expect(text).toContain('Below it: [0%, 98.5%) -> 15%');
  });

  it('shows the declaration of a name where it is used', () => {
    const source = contract(`severities
  high "High Impact" alias 2
response targets
  | severity | target  |
  | hi‸gh     | 4 hours |
`);
    const text = hoverText(source);
    expect(text).toContain('high "High Impact" alias 2');
    expect(text).toContain('severity **high**: High Impact (line 7; 1 use)');
  });

  it('explains a clause keyword with an example', () => {
    expect(hoverText(contract('main‸tenance\n  windows any time\n  notice at least 2 hours before the start\n'))).toContain('**maintenance**: Planned maintenance');
  });

  it('explains the diagnostic under the cursor', () => {
    const source = contract(`availability
  target 99.9% per calendar month
credits
  | monthly availability      | credit |
  | between 99.00% and 99‸.90% | 5%     |
  | below 99.00%              | 10%    |
`);
    const text = hoverText(source);
    expect(text).toContain('**SLA3003** (warning): Credit band reaches the target');
  });

  it('explains the period words of a target line', () => {
    const text = hoverText(contract('availability\n  target 99.0% per calendar quar‸ter\n'));
    expect(text).toContain('**quarter**: Three months: a calendar quarter starts in January, April, July or October');
    expect(hoverText(contract('availability\n  target 99.0% per fiscal ye‸ar\n'))).toContain('**year**: Twelve months');
  });

  it('shows the fiscal year ending in the editor\'s year, with its quarters, on `fiscal year starts`', () => {
    const text = hoverText(contract('fis‸cal year starts february\nperiods in UTC+02:00\n'));
    expect(text).toContain('**fiscal**: The month fiscal quarters and years start in');
    expect(text).toContain('FY2026: 2025-02-01 to 2026-01-31, from midnight in UTC+02:00; FY2026-Q1 Feb-Apr, FY2026-Q2 May-Jul, FY2026-Q3 Aug-Oct, FY2026-Q4 Nov-Jan');
    // On `periods in` too, in the contract's zone when it has none of its own.
    expect(hoverText(contract('fiscal year starts july\nperi‸ods in America/Bogota\n'))).toContain('FY2026: 2025-07-01 to 2026-06-30, from midnight in America/Bogota; FY2026-Q1 Jul-Sep');
    expect(hoverText(contract('fis‸cal year starts july\n'))).toContain('FY2026: 2025-07-01 to 2026-06-30, from midnight in America/Bogota');
  });

  it('says nothing of fiscal years on `periods in` without `fiscal year starts`', () => {
    const text = hoverText(contract('peri‸ods in UTC+02:00\n'));
    expect(text).toContain('**periods**: The zone months, quarters and years begin in');
    expect(text).not.toContain('FY');
  });

  it('has nothing to say on blank space', () => {
    expect(hoverText(contract('‸\n'))).toBe('');
  });
});
