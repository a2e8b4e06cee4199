// The compiler driver as a user meets it: what an ignore comment silences and how many, and the
// errors no comment can silence.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';

const HEAD = 'contract "X"\nversion 1\neffective 2026-01-01\n';
const WINDOWS = 'maintenance\n  windows\n    saturday 17:00 to 24:00\n    sunday 00:01 to 23:59  # slac-ignore SLA3102, SLA3103\n  notice at least 48 hours before the start\n';

function found(text: string) {
  const c = compile(text, 'x.sla');
  return c.diagnostics.map((d) => {
    const s = c.lines.position(d.span.start);
    return { code: d.code, at: `${s.line}:${s.column}`, message: d.message, hint: d.hint };
  });
}

describe('# slac-ignore', () => {
  it('silences the findings of its line and counts them', () => {
    const c = compile(`${HEAD}time zone UTC\n${WINDOWS}causes\n  counted provider\n`);
    expect(c.diagnostics).toEqual([]);
    expect(c.suppressed).toBe(2);
  });

  it('alone on a line, silences the next line', () => {
    const c = compile(`${HEAD}time zone UTC\n${WINDOWS.replace('    sunday 00:01 to 23:59  # slac-ignore SLA3102, SLA3103\n', '    # slac-ignore SLA3102 SLA3103: as the source writes it\n    sunday 00:01 to 23:59\n')}causes\n  counted provider\n`);
    expect(c.diagnostics).toEqual([]);
    expect(c.suppressed).toBe(2);
  });

  it('is not reported as unused while a line of the contract cannot be read', () => {
    const text = `${HEAD}time zone UTC\nreliability at most 4 counted incidents per calendar month  # slac-ignore SLA3501\nthis is not a clause\n`;
    expect(found(text).map((d) => d.code)).toEqual(['SLA1003']);
  });
});

describe('the time zone', () => {
  it('is required: the error says how to write one, and assumes none', () => {
    const [e] = found(`${HEAD}causes\n  counted provider\n`);
    expect(e).toMatchObject({ code: 'SLA2004', at: '1:1' });
    expect(e.message).not.toMatch(/assum/i);
    expect(e.hint).toContain('time zone America/Bogota');
  });

  it('cannot be silenced, missing or unknown', () => {
    expect(found(`# slac-ignore SLA2004\n${HEAD}causes\n  counted provider\n`).map((d) => d.code)).toEqual(['SLA2015', 'SLA2004']);
    expect(found(`${HEAD}time zone Mars/Olympus  # slac-ignore SLA2005\n`).map((d) => d.code)).toEqual(['SLA2005', 'SLA2015']);
  });
});
