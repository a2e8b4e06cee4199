// Incremental parsing for the editor: an edit re-parses only the top-level clauses it touched.
//
// The file is tokenized whole (cheap), then parsed clause by clause: the token stream is cut before
// each unindented token that may start a clause (the first tokens of the grammar's `statement`
// rule, and a misspelt keyword, which ends a block), and each piece is parsed by Chevrotain on its
// own, with its tree and syntax errors kept, keyed on its text. A piece whose text has not changed
// reuses its tree, its offsets moved by as much as the text before it grew or shrank.
//
// The result is the full parse's, not an approximation of it. Each piece is parsed over the whole
// token vector, so lookahead and error recovery inside a clause see exactly the tokens a full
// parse sees (the block above a clause keyword reads it to know it has ended; recovery may skip
// past it); only the top-level loop of `contractFile` is told the input ends where the piece does.
// A piece ends where that loop is next reached, which is where a full parse would be between two
// clauses, in the same state (that loop keeps nothing from one clause to the next but the tree it
// builds, which is merged here). What a piece's parse read beyond its end (the next clause's first
// token, or the end of the file) is kept with it and compared before it is reused. Where the top
// level itself would have to decide on more than the next token or to recover from an error (no
// such grammar today), the piece cannot be parsed alone: the whole file is parsed at once instead.

import { type CstElement, type CstNode, createTokenInstance, EOF, type IToken, type TokenType, tokenMatcher } from 'chevrotain';
import type * as A from './ast';
import { shiftSpan, type StatementMemo } from './cst-to-ast';
import { createParser, type ParseCstResult, parseTokens, type SlacParser } from './parser';
import * as T from './tokens';

type ParseError = ParseCstResult['errors'][number];

/** A syntax error of a piece, its tokens as positions relative to the piece's first token. */
interface StoredError {
  message: string;
  name: string;
  ruleStack: string[];
  /** Index of the token from the piece's start; null for the end of the file. */
  token: number | null;
  previousToken: number | null | undefined;
}

/** What a piece's parse read after its planned end, to be found again before it is reused. */
interface Lookahead {
  type: number;
  image: string;
  /** Offset from the piece's start. */
  offset: number;
}

interface Piece {
  /** The text of the piece up to its planned end: the key it is found by. */
  key: string;
  /** Where its tokens start in the text they carry now. */
  start: number;
  /** Its tokens (those its tree holds among them), as they are now. */
  tokens: IToken[];
  /** How many tokens it took: more than planned when a clause ran past the next clause keyword. */
  length: number;
  /** Tokens after the planned end that the parse consumed or looked at. */
  after: Lookahead[];
  /** Whether it looked at the end of the file. */
  eof: boolean;
  children: CstNode['children'];
  errors: StoredError[];
}

interface ChunkParser {
  parser: SlacParser;
  /** Where the top-level loop is told the input ends. */
  stopAt: number;
  /** The furthest token the parse looked at. */
  furthest: number;
  /** Set when the top level looked beyond the piece for more than its next token. */
  unsafe: boolean;
}

const END = createTokenInstance(EOF, '', NaN, NaN, NaN, NaN, NaN, NaN);

function chunkParser(): ChunkParser {
  const parser = createParser();
  const state: ChunkParser = { parser, stopAt: 0, furthest: 0, unsafe: false };
  // Chevrotain reads tokens through LA_FAST (no bounds check; the vector is padded with EOFs) and LA.
  const engine = parser as unknown as {
    currIdx: number;
    RULE_STACK_IDX: number;
    tokVector: IToken[];
    tokVectorLength: number;
    LA_FAST(n: number): IToken;
    LA(n: number): IToken;
  };
  const read = (n: number, bounded: boolean): IToken => {
    const i = engine.currIdx + n;
    if (n > 0 && i >= state.stopAt && engine.RULE_STACK_IDX <= 0) {
      // The top-level loop between two clauses (or the check for input left after it): the piece ends here.
      if (n !== 1) state.unsafe = true;
      return END;
    }
    if (i > state.furthest) state.furthest = i;
    if (bounded && (i < 0 || i >= engine.tokVectorLength)) return END;
    return engine.tokVector[i];
  };
  engine.LA_FAST = (n) => read(n, false);
  engine.LA = (n) => read(n, true);
  return state;
}

/** Token types that may start a top-level clause: the first tokens of `statement`, and a misspelt keyword. */
function clauseStarters(parser: SlacParser): Set<number> {
  const firsts: TokenType[] = [...parser.computeContentAssist('statement', []).map((p) => p.nextTokenType), T.MisspeltKeyword];
  const starts = new Set<number>();
  for (const type of T.allTokens) {
    const probe = createTokenInstance(type, '', 0, 0, 0, 0, 0, 0);
    if (firsts.some((f) => tokenMatcher(probe, f))) starts.add(type.tokenTypeIdx!);
  }
  return starts;
}

/** Moves a tree's nodes by `delta` characters (its tokens are moved by the caller). */
function shiftNodes(node: CstNode, delta: number): void {
  const loc = node.location;
  if (loc) {
    if (Number.isFinite(loc.startOffset)) loc.startOffset += delta;
    if (loc.endOffset !== undefined && Number.isFinite(loc.endOffset)) loc.endOffset += delta;
  }
  shiftSpan(node, delta);
  for (const key in node.children) {
    for (const e of node.children[key] as CstElement[]) if ((e as IToken).image === undefined) shiftNodes(e as CstNode, delta);
  }
}

export interface ParseCacheStats {
  /** Pieces whose tree was reused in the last parse. */
  reused: number;
  /** Pieces parsed in the last parse. */
  parsed: number;
  /** Whether the last parse fell back to parsing the whole file at once. */
  whole: boolean;
}

/**
 * The parse trees of one document's clauses, kept between its versions. `parseTokens` gives what
 * parser.ts's parseTokens gives for the same tokens, re-parsing only the clauses whose text changed.
 */
export class ParseCache {
  /** The statements built from the kept trees, so that cst-to-ast.ts builds only those of new trees. */
  readonly statements: StatementMemo = new MovedStatements();
  private chunk: ChunkParser | null = null;
  private starters: Set<number> | null = null;
  private pieces = new Map<string, { list: (Piece | undefined)[]; from: number }>();
  readonly stats: ParseCacheStats = { reused: 0, parsed: 0, whole: false };

  parseTokens(tokens: IToken[], text: string): ParseCstResult {
    try {
      const r = this.chunked(tokens, text);
      if (r) return r;
    } catch {
      // A defect here must not cost the editor its diagnostics: the full parse is the reference.
    }
    this.pieces = new Map();
    this.stats.whole = true;
    return parseTokens(tokens);
  }

  private chunked(tokens: IToken[], text: string): ParseCstResult | null {
    this.chunk ??= chunkParser();
    this.starters ??= clauseStarters(this.chunk.parser);
    const starters = this.starters;
    const n = tokens.length;
    // Planned ends: every unindented token that may start a clause.
    const cuts: number[] = [];
    for (let i = 1; i < n; i++) {
      const t = tokens[i];
      if (starters.has(t.tokenTypeIdx) && isLineStart(text, t.startOffset)) cuts.push(i);
    }
    cuts.push(n);
    const children: CstNode['children'] = {};
    const errors: ParseError[] = [];
    const next = new Map<string, { list: Piece[]; from: number }>();
    this.stats.reused = 0;
    this.stats.parsed = 0;
    this.stats.whole = false;
    let s = 0;
    let c = 0;
    while (s < n) {
      while (cuts[c] <= s) c++;
      const e = cuts[c];
      const start = tokens[s].startOffset;
      const key = text.slice(start, e < n ? tokens[e].startOffset : text.length);
      let piece = this.find(key, tokens, s, e);
      if (piece) {
        const delta = start - piece.start;
        if (delta !== 0) {
          for (const t of piece.tokens) {
            if (Number.isFinite(t.startOffset)) t.startOffset += delta;
            if (t.endOffset !== undefined && Number.isFinite(t.endOffset)) t.endOffset += delta;
          }
          for (const list of Object.values(piece.children)) for (const x of list as CstElement[]) if ((x as IToken).image === undefined) shiftNodes(x as CstNode, delta);
          piece.start = start;
        }
        this.stats.reused++;
      } else {
        piece = this.parsePiece(key, tokens, s, e);
        if (!piece) return null;
        this.stats.parsed++;
      }
      const list = next.get(key);
      if (list) list.list.push(piece);
      else next.set(key, { list: [piece], from: 0 });
      for (const name in piece.children) {
        const into = (children[name] ??= []);
        for (const x of piece.children[name] as CstElement[]) into.push(x);
      }
      for (const err of piece.errors) errors.push(errorAt(err, tokens, s));
      s += piece.length;
    }
    this.pieces = next;
    const cst: CstNode = { name: 'contractFile', children, location: { startOffset: tokens[0]?.startOffset ?? 0, endOffset: tokens[n - 1]?.endOffset } };
    return { cst, errors };
  }

  /** A kept piece for this key whose parse depended on nothing that differs here. */
  private find(key: string, tokens: IToken[], s: number, e: number): Piece | null {
    const kept = this.pieces.get(key);
    if (!kept) return null;
    const n = tokens.length;
    // Pieces of the same text (a repeated clause) are taken in the order of the file; a taken one is left undefined.
    for (let k = kept.from; k < kept.list.length; k++) {
      const p = kept.list[k];
      if (p === undefined || s + p.length > n) continue;
      const ok = p.after.every((a, j) => {
        const t = tokens[e + j];
        return t !== undefined && t.tokenTypeIdx === a.type && t.image === a.image && t.startOffset - tokens[s].startOffset === a.offset;
      });
      // Having looked at the end of the file, it must be at the end here too.
      if (!ok || (p.eof && e + p.after.length < n)) continue;
      kept.list[k] = undefined;
      while (kept.from < kept.list.length && kept.list[kept.from] === undefined) kept.from++;
      return p;
    }
    return null;
  }

  private parsePiece(key: string, tokens: IToken[], s: number, e: number): Piece | null {
    const chunk = this.chunk!;
    const engine = chunk.parser as unknown as { currIdx: number };
    chunk.parser.input = tokens;
    engine.currIdx = s - 1;
    chunk.stopAt = e;
    chunk.furthest = s;
    chunk.unsafe = false;
    const cst = chunk.parser.contractFile();
    const end = engine.currIdx + 1;
    const raw = chunk.parser.errors;
    if (chunk.unsafe || end <= s || raw.some((x) => (x.context?.ruleStack?.length ?? 0) <= 1)) return null;
    const n = tokens.length;
    const furthest = Math.max(chunk.furthest, end - 1);
    const after: Lookahead[] = [];
    for (let i = e; i <= Math.min(furthest, n - 1); i++) after.push({ type: tokens[i].tokenTypeIdx, image: tokens[i].image, offset: tokens[i].startOffset - tokens[s].startOffset });
    let positions: Map<IToken, number> | undefined;
    const index = (t: IToken | undefined): number | null | undefined => {
      if (t === undefined) return undefined;
      if (t.tokenType === EOF) return null;
      if (!positions) {
        positions = new Map();
        for (let i = s; i <= Math.min(furthest, n - 1); i++) positions.set(tokens[i], i - s);
      }
      const at = positions.get(t);
      if (at === undefined) throw new Error('a syntax error on a token the parse did not read');
      return at;
    };
    const errors: StoredError[] = raw.map((x) => ({
      message: x.message,
      name: x.name,
      ruleStack: x.context?.ruleStack ?? [],
      token: index(x.token) ?? null,
      previousToken: index((x as unknown as { previousToken?: IToken }).previousToken),
    }));
    return { key, start: tokens[s].startOffset, tokens: tokens.slice(s, end), length: end - s, after, eof: furthest >= n, children: cst.children, errors };
  }
}

function isLineStart(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset - 1);
  return c === 10 || c === 13;
}

function errorAt(e: StoredError, tokens: IToken[], s: number): ParseError {
  const at = (i: number | null): IToken => (i === null ? END : tokens[s + i]);
  return {
    token: at(e.token),
    message: e.message,
    name: e.name,
    previousToken: e.previousToken === undefined ? undefined : at(e.previousToken),
    ruleStack: e.ruleStack,
  };
}

/**
 * Statements by the tree they were built from, and where that tree was then: one whose tree has
 * moved is handed out as a copy with its spans moved (the copy, not the statement: an earlier
 * result may still be in use, and shares it).
 */
class MovedStatements implements StatementMemo {
  private readonly built = new WeakMap<CstNode, { at: number; statement: A.Statement | null }>();

  get(node: CstNode): A.Statement | null | undefined {
    const known = this.built.get(node);
    const at = node.location?.startOffset;
    if (!known || at === undefined || !Number.isFinite(at)) return undefined;
    if (known.at === at || known.statement === null) return known.statement;
    const statement = moved(known.statement, at - known.at);
    this.built.set(node, { at, statement });
    return statement;
  }

  set(node: CstNode, statement: A.Statement | null): void {
    const at = node.location?.startOffset;
    if (at !== undefined && Number.isFinite(at)) this.built.set(node, { at, statement });
  }
}

/** A copy of an AST value with every span in it moved by `delta` (spans are the only {start, end} objects of the AST). */
function moved<V>(value: V, delta: number): V {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => moved(v, delta)) as V;
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) return { start: o.start + delta, end: o.end + delta } as V;
  const copy: Record<string, unknown> = {};
  for (const k in o) copy[k] = moved(o[k], delta);
  return copy as V;
}
