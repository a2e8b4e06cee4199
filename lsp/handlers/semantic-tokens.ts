// Semantic tokens: the lexer's view of the text, with declared names told apart from keywords (a
// severity may be called `high`, a cause `emergency`) and declarations marked.

import { tokenMatcher } from 'chevrotain';
import { type SemanticTokens, SemanticTokensBuilder, type SemanticTokensDelta, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type { SymbolKind } from '../../compiler/symbols';
import { tokenize } from '../../language/lexer';
import * as T from '../../language/tokens';
import type { Analysis } from '../analysis';

const TYPES = ['keyword', 'string', 'number', 'comment', 'operator', 'enumMember', 'namespace', 'property', 'type'] as const;
const MODIFIERS = ['declaration'] as const;
type TokenTypeName = (typeof TYPES)[number];

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const SYMBOL_TYPE: Record<SymbolKind, TokenTypeName> = {
  plan: 'enumMember',
  severity: 'enumMember',
  calendar: 'namespace',
  category: 'property',
  cause: 'property',
  channel: 'property',
  region: 'namespace',
  pauseReason: 'property',
  service: 'namespace',
  group: 'namespace',
  part: 'property',
  setup: 'property',
  environment: 'property',
};

export interface SemanticToken {
  start: number;
  length: number;
  type: TokenTypeName;
  declaration: boolean;
}

/** Tokens in source order, never overlapping; a token over several lines is one token per line. */
export function semanticTokens(a: Analysis): SemanticToken[] {
  const lexed = tokenize(a.text);
  const symbols = new Map(a.symbols.occurrences.map((o) => [o.span.start, o]));
  const out: SemanticToken[] = [];
  const push = (start: number, end: number, type: TokenTypeName, declaration = false): void => {
    // Split at line breaks: not every client reads multi-line tokens.
    let s = start;
    for (let i = start; i <= end; i++) {
      const c = a.text.charCodeAt(i);
      if (i === end || c === 10 || c === 13) {
        if (i > s) out.push({ start: s, length: i - s, type, declaration });
        s = i + 1;
      }
    }
  };
  for (const t of lexed.tokens) {
    if (t.tokenType === T.Newline) continue;
    const start = t.startOffset;
    const end = start + t.image.length;
    const sym = symbols.get(start);
    if (sym && sym.span.end === end) push(start, end, SYMBOL_TYPE[sym.kind], sym.declaration);
    else if (tokenMatcher(t, T.StringLit) || tokenMatcher(t, T.TripleString)) push(start, end, 'string');
    else if (t.tokenType === T.DateLit || t.tokenType === T.TimeLit || t.tokenType === T.PercentLit || t.tokenType === T.NumberLit) push(start, end, 'number');
    else if ([T.Pipe, T.Comma, T.Colon, T.Less, T.Slash].includes(t.tokenType)) push(start, end, 'operator');
    else if (t.tokenType === T.Minutes || t.tokenType === T.Hours || t.tokenType === T.Days) push(start, end, 'type');
    else if (t.tokenType !== T.Identifier) push(start, end, 'keyword');
  }
  for (const c of lexed.comments) push(c.startOffset, c.startOffset + c.image.length, 'comment');
  return out.sort((x, y) => x.start - y.start);
}

function fill(builder: SemanticTokensBuilder, a: Analysis): void {
  const lines = a.compiled.lines;
  for (const t of semanticTokens(a)) {
    const p = lines.position(t.start);
    builder.push(p.line - 1, p.column - 1, t.length, TYPES.indexOf(t.type), t.declaration ? 1 : 0);
  }
}

/** Keeps the last result of each document, so that a delta can be computed against it. */
export class SemanticTokensCache {
  private readonly builders = new Map<string, SemanticTokensBuilder>();

  full(a: Analysis): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    fill(builder, a);
    this.builders.set(a.uri, builder);
    return builder.build();
  }

  delta(a: Analysis, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const builder = this.builders.get(a.uri);
    if (!builder || builder.id !== previousResultId) return this.full(a);
    builder.previousResult(previousResultId);
    fill(builder, a);
    return builder.buildEdits();
  }

  forget(uri: string): void {
    this.builders.delete(uri);
  }
}
