// Go to definition, find references, rename (with prepareRename) and document highlight of every
// declared name. A contract folder holds the versions of one contract, so references and rename
// reach the other version files of the folder too.

import { tokenMatcher } from 'chevrotain';
import {
  type DocumentHighlight,
  DocumentHighlightKind,
  type Location,
  type Position,
  type Range,
  ResponseError,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { occurrencesOf, type SymbolOccurrence, symbolAt } from '../../compiler/symbols';
import { tokenize } from '../../language/lexer';
import * as T from '../../language/tokens';
import type { Analysis } from '../analysis';
import { toOffset, toRange } from '../positions';

/** A document and the other version files of its contract folder. */
export interface FolderView {
  current: Analysis;
  siblings: readonly Analysis[];
}

function symbolUnder(a: Analysis, position: Position): SymbolOccurrence | null {
  return symbolAt(a.symbols, toOffset(a.compiled.lines, position));
}

function location(a: Analysis, o: SymbolOccurrence): Location {
  return { uri: a.uri, range: toRange(a.compiled.lines, o.span) };
}

export function definition(folder: FolderView, position: Position): Location[] {
  const sym = symbolUnder(folder.current, position);
  if (!sym) return [];
  for (const a of [folder.current, ...folder.siblings]) {
    const decl = occurrencesOf(a.symbols, sym.kind, sym.name).find((o) => o.declaration);
    if (decl) return [location(a, decl)];
  }
  return [];
}

export function references(folder: FolderView, position: Position, includeDeclaration: boolean): Location[] {
  const sym = symbolUnder(folder.current, position);
  if (!sym) return [];
  return [folder.current, ...folder.siblings].flatMap((a) =>
    occurrencesOf(a.symbols, sym.kind, sym.name)
      .filter((o) => includeDeclaration || !o.declaration)
      .map((o) => location(a, o)),
  );
}

export function documentHighlight(a: Analysis, position: Position): DocumentHighlight[] {
  const sym = symbolUnder(a, position);
  if (!sym) return [];
  return occurrencesOf(a.symbols, sym.kind, sym.name).map((o) => ({
    range: toRange(a.compiled.lines, o.span),
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function prepareRename(a: Analysis, position: Position): { range: Range; placeholder: string } | null {
  const sym = symbolUnder(a, position);
  if (!sym) return null;
  return { range: toRange(a.compiled.lines, sym.span), placeholder: sym.name };
}

/** Why `name` cannot name a declared thing, or null when it can. */
export function invalidName(name: string): string | null {
  const tokens = tokenize(name).tokens.filter((t) => t.tokenType !== T.Newline);
  const t = tokens[0];
  if (tokens.length !== 1 || t.image !== name) return `"${name}" is not one name: letters, digits, _, and - or . between them`;
  if (t.tokenType !== T.Identifier && (!tokenMatcher(t, T.Name) || tokenMatcher(t, T.DayName))) return `"${name}" is a keyword of the language`;
  if (['plan', 'severity', 'category', 'description', 'target'].includes(name.toLowerCase())) return `"${name}" names a column of a table`;
  return null;
}

export function rename(folder: FolderView, position: Position, newName: string): WorkspaceEdit {
  const sym = symbolUnder(folder.current, position);
  if (!sym) throw new ResponseError(0, 'there is no declared name here to rename');
  const why = invalidName(newName);
  if (why) throw new ResponseError(0, why);
  const changes: Record<string, TextEdit[]> = {};
  for (const a of [folder.current, ...folder.siblings]) {
    if (occurrencesOf(a.symbols, sym.kind, newName).some((o) => o.declaration)) {
      throw new ResponseError(0, `${a.uri} already declares a ${sym.kind} "${newName}"`);
    }
    const edits = occurrencesOf(a.symbols, sym.kind, sym.name).map((o) => ({ range: toRange(a.compiled.lines, o.span), newText: newName }));
    if (edits.length) changes[a.uri] = edits;
  }
  return { changes };
}
