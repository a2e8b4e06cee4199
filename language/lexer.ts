// Turns contract text into tokens. Never throws: bad characters become SLA1001 diagnostics and
// unclosed texts SLA1002, and the token stream is always terminated by an end of line.

import { createTokenInstance, Lexer, type IToken } from 'chevrotain';
import { DIAGNOSTICS, type Diagnostic, diagnostic } from './diagnostics';
import { allTokens, Newline, StringLit, TripleString, UnterminatedString, UnterminatedTriple } from './tokens';

let lexer: Lexer | undefined;

function getLexer(): Lexer {
  lexer ??= new Lexer(allTokens, { ensureOptimizations: false, positionTracking: 'full' });
  return lexer;
}

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function tokenize(text: string): LexResult {
  const result = getLexer().tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    const shown = ch.length > 20 ? `${ch.slice(0, 20)}…` : ch;
    diagnostics.push(
      diagnostic(DIAGNOSTICS.unexpectedCharacter, { start: e.offset, end: e.offset + Math.max(1, e.length) }, `unexpected character${e.length > 1 ? 's' : ''} ${JSON.stringify(shown)}`, {
        hint: 'free text goes in "double quotes"; comments start with #',
      }),
    );
  }
  const tokens: IToken[] = [];
  for (const t of result.tokens) {
    if (t.tokenType === UnterminatedTriple || t.tokenType === UnterminatedString) {
      const triple = t.tokenType === UnterminatedTriple;
      diagnostics.push(
        diagnostic(DIAGNOSTICS.unterminatedString, { start: t.startOffset, end: t.startOffset + (triple ? 3 : 1) }, triple ? 'this """ text is never closed' : 'this "quoted text" is not closed before the end of the line', {
          hint: triple ? 'end the text with """ on a line of its own' : 'add the closing " on the same line',
        }),
      );
      // Keep parsing as if it had been closed.
      tokens.push(retype(t, triple ? TripleString : StringLit));
      continue;
    }
    tokens.push(t);
  }
  const last = tokens[tokens.length - 1];
  if (!last || last.tokenType !== Newline) {
    const at = text.length;
    tokens.push(createTokenInstance(Newline, '', at, at, NaN, NaN, NaN, NaN));
  }
  return { tokens, comments: result.groups.comments ?? [], diagnostics };
}

function retype(t: IToken, type: typeof StringLit): IToken {
  return { ...t, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
}
