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

  it('only when the comment begins with it: a comment that mentions it silences nothing', () => {
    const c = compile(`${HEAD}time zone UTC\n${WINDOWS.replace('# slac-ignore SLA3102, SLA3103', '# see # slac-ignore SLA3102, SLA3103')}causes\n  counted provider\n`);
    expect(c.diagnostics.map((d) => d.code)).toEqual(['SLA3102', 'SLA3103']);
    expect(c.suppressed).toBe(0);
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

describe('# slac-ignore that silences nothing', () => {
  const text = (comment: string) => `${HEAD}time zone UTC\n${WINDOWS.replace('# slac-ignore SLA3102, SLA3103', comment)}causes\n  counted provider\n`;
  const unused = (comment: string) => {
    const t = text(comment);
    const c = compile(t, 'x.sla');
    return c.diagnostics.filter((d) => d.code === 'SLA2015').map((d) => ({ at: t.slice(d.span.start, d.span.end), message: d.message, hint: d.hint }));
  };

  it('a code with no finding on its line: told on the code, with the line it was for', () => {
    expect(unused('# slac-ignore SLA3102, SLA3103, SLA3601')).toEqual([
      { at: 'SLA3601', message: 'no SLA3601 finding on line 8 to silence', hint: 'remove the comment, or name the code the line is reported with' },
    ]);
  });

  it('an unknown code, a syntax error, or SLA2015 itself: each with why', () => {
    expect(unused('# slac-ignore SLA3102, SLA3103 SLA9999 SLA1003 SLA2015').map((d) => [d.at, d.message])).toEqual([
      ['SLA9999', 'SLA9999 is not a slac diagnostic code (`slac check --explain` lists them)'],
      ['SLA1003', 'SLA1003 is a syntax error, and syntax errors cannot be silenced: correct the line'],
      ['SLA2015', 'SLA2015 cannot be silenced: remove or correct the ignore comment instead'],
    ]);
  });

  it('codes are read in any case, and only after the words slac-ignore', () => {
    const t = text('# slac-ignore sla3102, Sla3103');
    expect(compile(t).diagnostics).toEqual([]);
    expect(compile(t).suppressed).toBe(2);
    // A comment that only mentions a code silences nothing and is not an ignore comment.
    expect(compile(text('# see SLA3102 and SLA3103')).diagnostics.map((d) => d.code)).toEqual(['SLA3102', 'SLA3103']);
    expect(compile(text('#slac-ignore SLA3102 SLA3103')).diagnostics).toEqual([]);
    expect(compile(text('# slac-ignored SLA3102 SLA3103')).diagnostics.map((d) => d.code)).toEqual(['SLA3102', 'SLA3103']);
  });

  it('a code named twice silences its finding once', () => {
    const c = compile(text('# slac-ignore SLA3102 SLA3102, SLA3103'));
    expect(c.diagnostics).toEqual([]);
    expect(c.suppressed).toBe(2);
  });

  it('a comment after a clause is for its own line, not the next', () => {
    // On the `saturday` line: its findings are on the `sunday` line, so both codes silence nothing there.
    const t = `${HEAD}time zone UTC\n${WINDOWS.replace('  # slac-ignore SLA3102, SLA3103', '').replace('saturday 17:00 to 24:00', 'saturday 17:00 to 24:00  # slac-ignore SLA3102')}causes\n  counted provider\n`;
    expect(compile(t).diagnostics.map((d) => [d.code, compile(t).lines.position(d.span.start).line])).toEqual([
      ['SLA2015', 7],
      ['SLA3102', 8],
      ['SLA3103', 8],
    ]);
  });
});

describe('compile options and order', () => {
  const t = `${HEAD}time zone UTC\n${WINDOWS.replace('  # slac-ignore SLA3102, SLA3103', '  # slac-ignore SLA3601')}causes\n  counted provider\nnot a clause\n`;

  it('without checks: only syntax and name errors, and no ignore is called unused', () => {
    expect(compile(t, 'x.sla', { checks: false }).diagnostics.map((d) => d.code)).toEqual(['SLA1003']);
    const clean = `${HEAD}time zone UTC\n${WINDOWS}causes\n  counted provider\n`;
    expect(compile(clean, 'x.sla', { checks: false }).diagnostics).toEqual([]);
    expect(compile(clean.replace('SLA3102, SLA3103', 'SLA3601'), 'x.sla', { checks: false }).diagnostics).toEqual([]);
  });

  it('syntax errors first, then the rest in file order, and codes of one place alphabetically', async () => {
    const { byCause } = await import('../../compiler/compile');
    const d = (code: string, start: number) => ({ code, span: { start, end: start + 1 } }) as Parameters<typeof byCause>[0];
    const sorted = [d('SLA3103', 5), d('SLA2001', 9), d('SLA1003', 40), d('SLA3102', 5), d('SLA1001', 3)].sort(byCause);
    expect(sorted.map((x) => `${x.code}@${x.span.start}`)).toEqual(['SLA1001@3', 'SLA1003@40', 'SLA3102@5', 'SLA3103@5', 'SLA2001@9']);
    expect(compile(t, 'x.sla').file).toBe('x.sla');
    expect(compile(t).file).toBe('<input>');
  });

  it('pauses after each phase, and without checks skips the third', async () => {
    const { compilePhases } = await import('../../compiler/compile');
    const steps = (options: { checks?: boolean }) => {
      const out: string[] = [];
      const g = compilePhases(t, 'x.sla', options);
      for (let s = g.next(); ; s = g.next()) {
        if (s.done) return { out, codes: s.value.diagnostics.map((d) => d.code) };
        out.push(s.value);
      }
    };
    // A line that cannot be read may be any clause: the window findings wait until it is.
    expect(steps({})).toEqual({ out: ['parsed', 'lowered', 'checked'], codes: ['SLA1003'] });
    expect(steps({ checks: false })).toEqual({ out: ['parsed', 'lowered'], codes: ['SLA1003'] });
  });
});
