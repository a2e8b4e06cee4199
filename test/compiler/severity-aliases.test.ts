// Severity aliases name one severity each, whatever the order of the lines: an alias that is
// another severity's id, before or after that severity is declared, is an error (SLA2002) at the
// later name, and a record's severity is never read two ways.

import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/compile';

const contract = (severities: string) => `contract "Aliases"
version 1
effective 2026-01-01
time zone UTC

severities
${severities}

causes
  counted provider
`;

function errors(severities: string) {
  const c = compile(contract(severities), 'aliases.sla');
  return c.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => {
      const p = c.lines.position(d.span.start);
      return `${d.code} ${p.line}:${p.column} ${d.message}`;
    });
}

describe('severity aliases', () => {
  it('an alias naming a severity declared before it', () => {
    expect(errors('  a "A"\n  b "B" alias A')).toEqual(['SLA2002 8:15 alias "A" already names severity "a"']);
  });

  it('a severity named like an alias declared before it, in any case', () => {
    expect(errors('  a "A" alias B\n  b "B"')).toEqual(['SLA2002 8:3 severity "b" is already an alias of severity "a"']);
    expect(errors('  a "A" alias b\n  b "B"')).toEqual(['SLA2002 8:3 severity "b" is already an alias of severity "a"']);
  });

  it('distinct names and aliases are fine, and an alias may repeat its own severity\'s id', () => {
    expect(errors('  p1 "Critical" alias 1, urgent\n  p2 "High" alias 2')).toEqual([]);
    expect(errors('  p1 "Critical" alias P1')).toEqual([]);
  });
});
