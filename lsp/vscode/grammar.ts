// The TextMate grammar of .sla files, generated from the language's own token table
// (language/tokens.ts) when the extension is built, so its keyword lists cannot drift from the lexer.

import type { TokenType } from 'chevrotain';
import * as T from '../../language/tokens';

function words(t: TokenType): string[] {
  // A pattern is a word, or alternatives (`minutes?|mins?(?!...)`): keep the words, drop lookaheads.
  return (t.PATTERN as RegExp).source
    .replace(/\(\?![^)]*\)/g, '')
    .split('|')
    .map((w) => w.replace(/\?$/, '').toLowerCase())
    .filter(Boolean);
}

function keywordsIn(category: TokenType | null, pick: (t: TokenType) => boolean): string[] {
  const out = new Set<string>();
  for (const t of T.allTokens) {
    if (t.LONGER_ALT !== T.Identifier || !pick(t)) continue;
    if (category && !t.CATEGORIES?.includes(category)) continue;
    for (const w of words(t)) out.add(w);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const alternation = (ws: string[]): string => `(?i)(?<![A-Za-z0-9_.-])(?:${ws.join('|')})s?(?![A-Za-z0-9_.-])`;

export function buildGrammar(): object {
  const isDay = (t: TokenType): boolean => !!t.CATEGORIES?.includes(T.DayName);
  const isUnit = (t: TokenType): boolean => t === T.Minutes || t === T.Hours || t === T.Days;
  // Reserved keywords open a clause; they belong to HeaderWord but not to Name.
  const reserved = keywordsIn(T.HeaderWord, (t) => !t.CATEGORIES?.includes(T.Name));
  const strict = keywordsIn(null, (t) => !t.CATEGORIES?.includes(T.HeaderWord) && !isUnit(t));
  const soft = keywordsIn(T.Name, (t) => !isDay(t));
  const days = keywordsIn(T.DayName, () => true);
  const units = ['minute', 'min', 'hour', 'hr', 'day'];
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'slac',
    scopeName: 'source.sla',
    patterns: [
      { include: '#comment' },
      { include: '#triple' },
      { include: '#string' },
      { include: '#clause' },
      { include: '#table' },
      { include: '#values' },
      { include: '#words' },
    ],
    repository: {
      comment: {
        patterns: [
          { match: '(#)\\s*(slac-ignore)\\b(.*)$', name: 'comment.line.number-sign.sla', captures: { 1: { name: 'punctuation.definition.comment.sla' }, 2: { name: 'keyword.other.directive.sla' } } },
          { match: '(#).*$', name: 'comment.line.number-sign.sla', captures: { 1: { name: 'punctuation.definition.comment.sla' } } },
        ],
      },
      triple: { begin: '"""', end: '"""', name: 'string.quoted.triple.sla' },
      string: { begin: '"', end: '"|$', name: 'string.quoted.double.sla', patterns: [{ match: '\\\\.', name: 'constant.character.escape.sla' }] },
      clause: { match: `^\\s*${alternation(reserved).replace('s?', '')}`, name: 'keyword.control.clause.sla' },
      table: { match: '\\|', name: 'punctuation.separator.table.sla' },
      values: {
        patterns: [
          { match: '\\b\\d{4}-\\d{2}-\\d{2}\\b', name: 'constant.numeric.date.sla' },
          { match: '\\b\\d{1,2}:\\d{2}\\b', name: 'constant.numeric.time.sla' },
          { match: '\\b\\d+(?:\\.\\d+)?[ \\t]*%', name: 'constant.numeric.percent.sla' },
          { match: '\\b\\d+(?:\\.\\d+)*\\b', name: 'constant.numeric.sla' },
          { match: '[,:<]', name: 'punctuation.separator.sla' },
        ],
      },
      words: {
        patterns: [
          { match: alternation(units), name: 'support.type.unit.sla' },
          { match: alternation(days).replace('s?', ''), name: 'support.constant.weekday.sla' },
          { match: alternation(strict).replace('s?', ''), name: 'keyword.operator.word.sla' },
          { match: alternation(soft).replace('s?', ''), name: 'keyword.other.sla' },
        ],
      },
    },
  };
}

/** The keyword lists, for the tests: every reserved word must be highlighted as a clause. */
export function grammarKeywords(): { reserved: string[]; soft: string[] } {
  return {
    reserved: keywordsIn(T.HeaderWord, (t) => !t.CATEGORIES?.includes(T.Name)),
    soft: keywordsIn(T.Name, (t) => !t.CATEGORIES?.includes(T.DayName)),
  };
}
