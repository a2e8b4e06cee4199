// Completion, in-process: what is offered where the cursor stands, read from the text as typed.

import { describe, expect, it } from 'vitest';
import { completion, type CompletionSources } from '../../lsp/handlers/completion';
import { contract, marked } from './marked';

const sources: CompletionSources = {
  zones: () => ['UTC', 'America/Bogota', 'Europe/Madrid'],
  countries: () => ({ CO: 'Colombia', US: 'United States of America' }),
};

const DECLARED = `calendar business "Business hours"
  monday to friday 08:00 to 18:00
severities
  critical "Critical"
  high "High"
plans essential < professional
`;

function labels(source: string): string[] {
  const m = marked(source);
  // Names come from the last analysis, which may be of an earlier text: here, the contract with its declarations.
  const known = marked(contract(DECLARED)).analysis;
  return completion(m.text, m.offset, known, sources).map((i) => i.label);
}

describe('completion', () => {
  it('offers clause keywords and whole-clause snippets at the start of a line', () => {
    const items = labels(contract(`${DECLARED}‸`));
    expect(items).toEqual(expect.arrayContaining(['calendar', 'severities', 'maintenance', 'credits', 'time zone', 'reporting channels']));
  });

  it('offers a response targets table built from the declared plans and severities', () => {
    const m = marked(contract(`${DECLARED}‸`));
    const known = m.analysis;
    const item = completion(m.text, m.offset, known, sources).find((i) => i.label === 'response targets');
    expect(item?.insertText).toBe(
      ['response targets', '  | plan         | critical | high |', '  | essential    | ${1:none}     | ${2:none} |', '  | professional | ${3:none}     | ${4:none} |'].join('\n'),
    );
  });

  it('offers the lines of the block the cursor is in', () => {
    expect(labels(contract('maintenance\n  ‸'))).toEqual(expect.arrayContaining(['windows', 'notice', 'acknowledgement', 'monday']));
    expect(labels(contract('calendar office\n  ‸'))).toEqual(expect.arrayContaining(['public holidays of', 'pinned holidays', 'friday']));
  });

  it('offers IANA zones after `time zone`, replacing what is typed', () => {
    const m = marked('time zone Amer‸');
    const items = completion(m.text, m.offset, null, sources);
    expect(items.map((i) => i.label)).toContain('America/Bogota');
    expect(items[0].textEdit).toEqual({ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 14 } }, newText: 'UTC' });
  });

  it('offers holiday countries after `public holidays of`', () => {
    expect(labels('calendar office\n  public holidays of ‸')).toEqual(['CO', 'US']);
  });

  it('offers units, plain and on each calendar, after a number', () => {
    expect(labels(contract('response 4 ‸'))).toEqual(['minutes', 'hours', 'days', 'business hours', 'business days']);
    expect(labels(contract('response 4 business ‸'))).toEqual(['minutes', 'hours', 'days']);
  });

  it('offers declared severities in a plan table header and plans in its rows', () => {
    expect(labels(`${DECLARED}response targets\n  | plan | ‸`)).toEqual(['critical', 'high']);
    expect(labels(`${DECLARED}response targets\n  | plan | critical |\n  | ‸`)).toEqual(['essential', 'professional']);
    expect(labels(`${DECLARED}response targets\n  | severity | ‸`)).toEqual(['essential', 'professional', 'target']);
  });

  it('offers weekdays after `monday to`', () => {
    expect(labels('calendar office\n  monday to ‸')).toContain('friday');
  });

  it('offers nothing inside a comment or a text', () => {
    expect(labels(contract('# a comment ‸'))).toEqual([]);
    expect(labels(contract('note "Title" "some te‸'))).toEqual([]);
    expect(labels(contract('note "Title" """\n  some text\n  ‸'))).toEqual([]);
  });
});
