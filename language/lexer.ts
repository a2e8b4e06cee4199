// Turns contract text into tokens. Never throws: bad characters become SLA1001 diagnostics and
// unclosed texts SLA1002, and the token stream is always terminated by an end of line.
//
// A hand-written scanner over the token types of tokens.ts: building Chevrotain's Lexer costs a
// cold start ~40 ms, more than scanning any contract. It follows the same rules: patterns tried in
// the order of `allTokens`, and a keyword only when it is the whole word (Chevrotain's longer_alt
// to Identifier), case-insensitive. A test holds it to Chevrotain's Lexer on random input.

import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { DIAGNOSTICS, type Diagnostic, diagnostic } from './diagnostics';
import * as T from './tokens';

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Keywords by lower-case word, including the unit spellings (`min`, `hrs`...) and `na`. */
let keywordsByWord: Map<string, TokenType> | undefined;

function keywords(): Map<string, TokenType> {
  if (keywordsByWord) return keywordsByWord;
  const map = new Map<string, TokenType>();
  const extra: Record<string, string[]> = {
    None: ['none', 'na'],
    Minutes: ['minutes', 'minute', 'mins', 'min'],
    Hours: ['hours', 'hour', 'hrs', 'hr'],
    Days: ['days', 'day'],
  };
  for (const t of T.allTokens) {
    if (t.LONGER_ALT !== T.Identifier) continue;
    const words = extra[t.name] ?? [(t.PATTERN as RegExp).source.toLowerCase()];
    for (const w of words) if (!map.has(w)) map.set(w, t);
  }
  keywordsByWord = map;
  return map;
}

// Patterns tried in order at a position (sticky), as in tokens.ts.
const TRIPLE = /"""[\s\S]*?"""/y;
const TRIPLE_OPEN = /"""[\s\S]*/y;
const STRING = /"(?:[^"\\\r\n]|\\.)*"/y;
const STRING_OPEN = /"(?:[^"\\\r\n]|\\.)*/y;
const DATE = /\d{4}-\d{2}-\d{2}/y;
const TIME = /\d{1,2}:\d{2}/y;
const PERCENT = /\d+(?:[.,]\d+)?[ \t]*%/y;
const NUMBER = /\d+(?:\.\d+)*/y;
const UTC_OFFSET = /UTC[+-]\d{2}:\d{2}(?![A-Za-z0-9_.:-])/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*/y;
const SPACE = /[ \t\f\v\u00a0\ufeff]+/y;

const LOOKAHEAD_WORDS = new Set(['na', 'min', 'mins', 'hr', 'hrs']);

function at(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex - i : 0;
}

const PUNCT: Record<string, TokenType> = { '|': T.Pipe, ',': T.Comma, ':': T.Colon, '<': T.Less, '/': T.Slash, '>': T.Greater, '-': T.Minus };

function token(type: TokenType, text: string, start: number, length: number): IToken {
  return createTokenInstance(type, text.slice(start, start + length), start, start + length - 1, NaN, NaN, NaN, NaN);
}

export function tokenize(text: string): LexResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const kw = keywords();
  let badStart = -1;

  const flushBad = (end: number): void => {
    if (badStart < 0) return;
    const bad = text.slice(badStart, end);
    const shown = bad.length > 20 ? `${bad.slice(0, 20)}…` : bad;
    diagnostics.push(
      diagnostic(DIAGNOSTICS.unexpectedCharacter, { start: badStart, end }, `unexpected character${bad.length > 1 ? 's' : ''} ${JSON.stringify(shown)}`, {
        hint: 'free text goes in "double quotes"; comments start with #',
      }),
    );
    badStart = -1;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let len = 0;
    let type: TokenType | null = null;
    if ((len = at(SPACE, text, i))) {
      flushBad(i);
      i += len;
      continue;
    }
    if (c === 35 /* # */) {
      let e = i;
      while (e < n && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
      flushBad(i);
      comments.push(token(T.Comment, text, i, e - i));
      i = e;
      continue;
    }
    if (c === 10 || c === 13) {
      len = c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      type = T.Newline;
    } else if (c === 34 /* " */) {
      if ((len = at(TRIPLE, text, i))) type = T.TripleString;
      else if ((len = at(TRIPLE_OPEN, text, i))) {
        type = T.TripleString;
        diagnostics.push(
          diagnostic(DIAGNOSTICS.unterminatedString, { start: i, end: i + 3 }, 'this """ text is never closed', { hint: 'end the text with """ on a line of its own' }),
        );
      } else if ((len = at(STRING, text, i))) type = T.StringLit;
      else if ((len = at(STRING_OPEN, text, i))) {
        type = T.StringLit;
        diagnostics.push(
          diagnostic(DIAGNOSTICS.unterminatedString, { start: i, end: i + 1 }, 'this "quoted text" is not closed before the end of the line', {
            hint: 'add the closing " on the same line',
          }),
        );
      }
    } else if (c >= 48 && c <= 57) {
      if ((len = at(DATE, text, i))) type = T.DateLit;
      else if ((len = at(TIME, text, i))) type = T.TimeLit;
      else if ((len = at(PERCENT, text, i))) type = T.PercentLit;
      else if ((len = at(NUMBER, text, i))) type = T.NumberLit;
    } else if (c === 85 /* U */ && (len = at(UTC_OFFSET, text, i))) {
      type = T.UtcOffsetLit;
    } else if ((len = at(WORD, text, i))) {
      const word = text.slice(i, i + len).toLowerCase();
      // `NA`, `min`, `hr` are keywords only when no hyphen follows (tokens.ts: `(?![A-Za-z0-9_-])`).
      type = LOOKAHEAD_WORDS.has(word) && text.charCodeAt(i + len) === 45 ? T.Identifier : (kw.get(word) ?? T.Identifier);
    } else {
      const two = text.slice(i, i + 2);
      if (two === '<=' || two === '>=') {
        type = two === '<=' ? T.LessEqual : T.GreaterEqual;
        len = 2;
      } else {
        const p = PUNCT[text[i]];
        if (p) {
          type = p;
          len = 1;
        }
      }
    }
    if (type === null || len === 0) {
      if (badStart < 0) badStart = i;
      i++;
      continue;
    }
    flushBad(i);
    tokens.push(token(type, text, i, len));
    i += len;
  }
  flushBad(n);
  const last = tokens[tokens.length - 1];
  if (!last || last.tokenType !== T.Newline) tokens.push(createTokenInstance(T.Newline, '', n, n, NaN, NaN, NaN, NaN));
  return { tokens, comments, diagnostics };
}
