// The hand-written scanner gives exactly the tokens Chevrotain's Lexer would give for tokens.ts.

import { Lexer } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../language/lexer';
import * as T from '../../language/tokens';
import { readRepoFile } from '../helpers/ir';

const reference = new Lexer(T.allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

function viaChevrotain(text: string) {
  const r = reference.tokenize(text);
  const rename = (n: string) => (n === 'UnterminatedTriple' ? 'TripleString' : n === 'UnterminatedString' ? 'StringLit' : n);
  const tokens = r.tokens.map((t) => `${rename(t.tokenType.name)}@${t.startOffset}:${JSON.stringify(t.image)}`);
  const comments = (r.groups.comments ?? []).map((t) => `${t.startOffset}:${t.image}`);
  const errors = r.errors.map((e) => `${e.offset}+${e.length}`);
  return { tokens, comments, errors };
}

function viaScanner(text: string) {
  const r = tokenize(text);
  // The scanner always ends with an end of line; Chevrotain does not add one.
  const tokens = r.tokens.filter((t) => !(t.tokenType === T.Newline && t.image === '')).map((t) => `${t.tokenType.name}@${t.startOffset}:${JSON.stringify(t.image)}`);
  const comments = r.comments.map((t) => `${t.startOffset}:${t.image}`);
  const errors = r.diagnostics.filter((d) => d.code === 'SLA1001').map((d) => `${d.span.start}+${d.span.end - d.span.start}`);
  return { tokens, comments, errors };
}

const pieces = [
  'contract', 'Version', 'MONDAY', 'to', 'at', 'attest', 'a', 'above', 'and', 'an', 'na', 'NA', 'name', 'none', 'nonetheless', 'min', 'mins', 'minute',
  'minutes', 'minutes-x', 'NA-', 'mins-', 'hr-x', 'hr', 'hrs', 'hour', 'day', 'days', 'dayz', 'holiday', 'holidays', 'provider', 'third-party', 'a.b', 'x-', '-', '.', '_x',
  '2026-03-13', '2026-3-1', '08:00', '8:00', '123:45', '99.9%', '99.9 %', '5', '1.2.3', '04', '"text"', '"open', '"""block"""', '"""open', '"a\\"b"',
  '|', ',', ':', '<', '/', '#c', ' ', '\t', '\n', '\r\n', '\r', '@', '{', 'é', '\u00a0', '\\',
];

describe('tokenize', () => {
  it('agrees with Chevrotain on the seed contracts', () => {
    for (const f of ['contracts/sagicc/v04.sla', 'contracts/clever-ideas/v1.sla']) {
      const text = readRepoFile(f);
      expect(viaScanner(text)).toEqual(viaChevrotain(text));
    }
  });

  it('agrees with Chevrotain on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.array(fc.constantFrom('', ' ', '\n'), { maxLength: 40 }), (ps, seps) => {
        const text = ps.map((p, k) => p + (seps[k] ?? '')).join('');
        expect(viaScanner(text)).toEqual(viaChevrotain(text));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        expect(viaScanner(text)).toEqual(viaChevrotain(text));
      }),
      { numRuns: 500 },
    );
  });
});
