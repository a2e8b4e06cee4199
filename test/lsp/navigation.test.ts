// Definition, references, rename and highlight, in-process, within a file and across the version
// files of one contract folder.

import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compile } from '../../compiler/compile';
import { analyze } from '../../lsp/analysis';
import { definition, documentHighlight, invalidName, prepareRename, references, rename } from '../../lsp/handlers/navigation';
import { contract, marked } from './marked';

const V1 = contract(`calendar ⟦business⟧ "Business hours"
  monday to friday 08:00 to 18:00
severities
  high "High"
response targets
  | severity | target              |
  | high     | 4 ⟦busi‸ness⟧ hours    |
restoration targets
  | severity | target              |
  | high     | 2 ⟦business⟧ days     |
`);

const V2_TEXT = contract(`calendar business "Business hours"
  monday to friday 09:00 to 17:00
severities
  high "High"
response targets
  | severity | target           |
  | high     | 8 business hours |
`).replace('version 1', 'version 2');

describe('navigation', () => {
  const m = marked(V1);
  const v2 = analyze('file:///contracts/test/v2.sla', V2_TEXT);
  const folder = { current: m.analysis, siblings: [v2] };

  it('goes to the declaration of a calendar from a duration that counts on it', () => {
    expect(definition(folder, m.cursor)).toEqual([{ uri: m.analysis.uri, range: m.ranges[0] }]);
  });

  it('finds every reference, in this file and the other versions of the folder', () => {
    const refs = references(folder, m.cursor, true);
    expect(refs.filter((r) => r.uri === m.analysis.uri).map((r) => r.range)).toEqual(m.ranges);
    expect(refs.filter((r) => r.uri === v2.uri)).toHaveLength(2);
    expect(references(folder, m.cursor, false).filter((r) => r.uri === m.analysis.uri)).toHaveLength(2);
  });

  it('highlights the declaration as written and the uses as read', () => {
    expect(documentHighlight(m.analysis, m.cursor).map((h) => [h.range, h.kind])).toEqual([
      [m.ranges[0], 3],
      [m.ranges[1], 2],
      [m.ranges[2], 2],
    ]);
  });

  it('renames across the folder, and the result still compiles clean', () => {
    expect(prepareRename(m.analysis, m.cursor)).toEqual({ range: m.ranges[1], placeholder: 'business' });
    const edit = rename(folder, m.cursor, 'office');
    expect(Object.keys(edit.changes!)).toEqual([m.analysis.uri, v2.uri]);
    expect(edit.changes![m.analysis.uri].map((e) => e.range)).toEqual(m.ranges);
    for (const [uri, text] of [[m.analysis.uri, m.text], [v2.uri, V2_TEXT]]) {
      const renamed = TextDocument.applyEdits(TextDocument.create(uri, 'sla', 1, text), edit.changes![uri]);
      expect(renamed).toContain('calendar office');
      expect(compile(renamed).diagnostics.map((d) => d.code)).toEqual([]);
    }
  });

  it('refuses a new name that is a keyword, not one name, or already declared', () => {
    expect(invalidName('office-hours')).toBeNull();
    expect(invalidName('hours')).toMatch(/keyword/);
    expect(invalidName('two words')).toMatch(/not one name/);
    expect(invalidName('monday')).toMatch(/keyword/);
    const sev = marked(contract('severities\n  hi‸gh "High"\n  low "Low"\n'));
    expect(() => rename({ current: sev.analysis, siblings: [] }, sev.cursor, 'low')).toThrow(/already declares a severity "low"/);
  });

  it('follows the scope of a target table to the environment it names, and renames it with its declaration', () => {
    const env = marked(contract(`environments
  production "Production"
  ⟦staging⟧ "Staging"
severities
  high "High"
response targets
  | severity | target |
  | high     | 1 hour |
response targets for environment ⟦stag‸ing⟧
  | severity | target  |
  | high     | 4 hours |
`));
    const one = { current: env.analysis, siblings: [] };
    expect(definition(one, env.cursor)).toEqual([{ uri: env.analysis.uri, range: env.ranges[0] }]);
    const edit = rename(one, env.cursor, 'test');
    expect(edit.changes![env.analysis.uri].map((e) => e.range)).toEqual(env.ranges);
    const renamed = TextDocument.applyEdits(TextDocument.create(env.analysis.uri, 'sla', 1, env.text), edit.changes![env.analysis.uri]);
    expect(renamed).toContain('response targets for environment test');
    expect(compile(renamed).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has no definition where no name stands', () => {
    const none = marked(contract('sever‸ities\n  high\n'));
    expect(definition({ current: none.analysis, siblings: [] }, none.cursor)).toEqual([]);
    expect(prepareRename(none.analysis, none.cursor)).toBeNull();
  });
});
