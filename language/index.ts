// The language front end: text -> tokens -> CST -> AST, with every syntax error as a diagnostic.
// Never throws; the AST is partial when the text has errors.

import type { ContractFile } from './ast';
import { AstBuilder } from './cst-to-ast';
import { DIAGNOSTICS, type Diagnostic, diagnostic } from './diagnostics';
import { tokenize } from './lexer';
import { Comma, Newline } from './tokens';
import type { IToken } from 'chevrotain';
import type { ParseCache } from './incremental';
import { markMisspeltKeywords } from './keywords';
import { CLAUSE_EXAMPLES, describeToken } from './messages';
import { parseTokens } from './parser';
import { LineMap, type Span } from './span';

export interface ParseResult {
  ast: ContractFile;
  diagnostics: Diagnostic[];
}

/**
 * `cache`: the parse trees of the document's previous versions (the editor keeps one per document):
 * only the clauses whose text changed are parsed again. The result is the same either way.
 */
export function parse(text: string, cache?: ParseCache): ParseResult {
  try {
    return parseUnsafe(text, cache);
  } catch (e) {
    // A defect in slac itself; still give the editor a diagnostic instead of a crash.
    const message = e instanceof Error ? e.message : String(e);
    return {
      ast: { statements: [], unreadable: [{ clause: null, words: [], span: { start: 0, end: text.length } }], comments: [], span: { start: 0, end: text.length } },
      diagnostics: [diagnostic(DIAGNOSTICS.unexpectedToken, { start: 0, end: Math.min(1, text.length) }, `internal parser error: ${message}`)],
    };
  }
}

function parseUnsafe(text: string, cache?: ParseCache): ParseResult {
  const lexed = tokenize(text);
  markMisspeltKeywords(lexed.tokens, text);
  const { cst, errors } = cache ? cache.parseTokens(lexed.tokens, text) : parseTokens(lexed.tokens);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const seen = new Set<number>();
  const lines = new LineMap(text);
  for (const e of errors) {
    const t = e.token;
    let span: Span;
    let message = e.message || `unexpected ${describeToken(t)}`;
    const last = lastOnEarlierLine(lexed.tokens, t, lines);
    if (last) {
      // A line continued after a comma that the next line does not continue: the error is where the list stops.
      span = { start: last.startOffset, end: (last.endOffset ?? last.startOffset) + 1 };
      message = `${message.replace(/, found .*$/s, '')} after '${last.image}', found the end of the line`;
    } else if (!t || t.tokenType.name === 'EOF' || !Number.isFinite(t.startOffset)) {
      const prev = e.previousToken;
      const at = prev && Number.isFinite(prev.endOffset) ? (prev.endOffset as number) + 1 : text.length;
      span = { start: Math.min(at, text.length), end: Math.min(at, text.length) };
    } else {
      span = { start: t.startOffset, end: Math.max(t.startOffset + 1, (t.endOffset ?? t.startOffset) + 1) };
      if (t.tokenType.name === 'Newline' && t.image === '') span = { start: t.startOffset, end: t.startOffset };
    }
    // One syntax error per offending token is enough; recovery can report the same place twice.
    if (seen.has(span.start)) continue;
    seen.add(span.start);
    // The example of the whole line helps more than that of a fragment (`per calendar month`).
    const stack = [...e.ruleStack].reverse().filter((r) => CLAUSE_EXAMPLES[r]);
    const rule = stack.find((r) => /(Line|Stmt|Row)$/.test(r)) ?? stack[0];
    const hint = rule ? `such a line reads like: ${CLAUSE_EXAMPLES[rule]}` : undefined;
    diagnostics.push(diagnostic(DIAGNOSTICS.unexpectedToken, span, message, hint ? { hint } : {}));
  }
  const builder = new AstBuilder(text, diagnostics, cache?.statements);
  const ast = builder.file(cst, lexed.comments, text.length);
  // After a syntax error, recovery may leave the rest of that line to be read as a line of its
  // own: one error per line is enough.
  const errorLines = new Set(diagnostics.filter((d) => d.code === DIAGNOSTICS.unexpectedToken.code).map((d) => lines.position(d.span.start).line));
  diagnostics.push(
    ...builder.diagnostics.filter((d) => !(d.code === DIAGNOSTICS.unexpectedToken.code && errorLines.has(lines.position(d.span.start).line))),
  );
  const shown = diagnostics.filter((d) => !builder.hidden.some((h) => h.start <= d.span.start && d.span.start < h.end));
  shown.sort((a, b) => a.span.start - b.span.start);
  return { ast, diagnostics: shown };
}

/**
 * When the token a rule stopped at starts a line and the rule's last real token is on an earlier
 * line (only a list continued after a comma spans lines), that last token.
 */
function lastOnEarlierLine(tokens: IToken[], t: IToken | undefined, lines: LineMap): IToken | null {
  if (!t || !Number.isFinite(t.startOffset)) return null;
  let i = tokens.indexOf(t);
  if (i <= 0) return null;
  let newlines = 0;
  while (i > 0 && tokens[i - 1].tokenType === Newline) {
    i--;
    newlines++;
  }
  const last = tokens[i - 1];
  if (newlines === 0 || !last || last.tokenType !== Comma) return null;
  return lines.position(last.startOffset).line < lines.position(t.startOffset).line ? last : null;
}

export type * from './ast';
export { ParseCache } from './incremental';
export * from './diagnostics';
export * from './span';
