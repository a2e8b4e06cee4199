// The two seed contracts: no errors, and exactly the findings about their real ambiguities
// (located by the text they point at, so that edits elsewhere in the seeds do not break the test).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/compile';

const ROOT = join(import.meta.dirname, '../../..');

function check(file: string) {
  const c = compile(readFileSync(join(ROOT, file), 'utf8'), file);
  const at = (span: { start: number; end: number }) => ({
    text: c.text.slice(span.start, span.end),
    line: c.lines.lineText(c.lines.position(span.start).line).trim(),
  });
  return c.diagnostics.map((d) => ({ code: d.code, severity: d.severity, ...at(d.span), related: d.related.map((r) => at(r.span)) }));
}

describe('SAGICC v04', () => {
  const found = check('contracts/sagicc/v04.sla');

  it('has no errors', () => {
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('warns that professional/high restoration is due before its response, relating both cells', () => {
    const w = found.filter((d) => d.code === 'SLA3204');
    expect(w).toHaveLength(1);
    expect(w[0].text).toBe('2 business hours by email');
    expect(w[0].line).toMatch(/^\| professional \| 4 hours/);
    expect(w[0].related.map((r) => r.text)).toEqual(['4 business hours by email']);
    expect(w[0].related[0].line).toMatch(/^\| professional \| 1 hour/);
  });

  it('notes where the 50% credit cap is reached', () => {
    const n = found.filter((d) => d.code === 'SLA3009');
    expect(n).toHaveLength(1);
    expect(n[0].severity).toBe('info');
    expect(n[0].text).toBe('at most 50%');
  });

  it('finds nothing else', () => {
    expect(found.map((d) => d.code).sort()).toEqual(['SLA3009', 'SLA3204']);
  });
});

describe('Clever IDEAS v1', () => {
  const found = check('contracts/clever-ideas/v1.sla');

  it('has no errors, and its half-open credit tiers raise nothing', () => {
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.filter((d) => d.code.startsWith('SLA30'))).toEqual([]);
  });

  it('warns about the minute the literal windows leave uncovered on Sunday 00:00-00:01', () => {
    const w = found.filter((d) => d.code === 'SLA3102');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ text: '00:01', line: 'sunday 00:01 to 23:59' });
    expect(w[0].related).toEqual([{ text: '24:00', line: 'saturday 17:00 to 24:00' }]);
  });

  it('warns that the Sunday window stops at 23:59, a minute short of midnight', () => {
    const w = found.filter((d) => d.code === 'SLA3103');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ text: '23:59', line: 'sunday 00:01 to 23:59' });
  });

  it('warns that two category resolution targets are looser than the priorities they override', () => {
    const w = found.filter((d) => d.code === 'SLA3205');
    expect(w.map((d) => d.line.split('|')[1].trim())).toEqual(['repository-sync', 'recording-request']);
    for (const d of w) expect(d.related).toHaveLength(3);
  });

  it('finds nothing else', () => {
    expect(found.map((d) => d.code).sort()).toEqual(['SLA3102', 'SLA3103', 'SLA3205', 'SLA3205']);
  });
});
