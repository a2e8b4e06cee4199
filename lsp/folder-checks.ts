// Findings that need every version file of one contract folder at once: two versions taking effect
// on the same date, files of different contracts (or zones) in one folder. The slot is a function
// over the compiled files of a folder that returns diagnostics per file; `versionRules` stands in for
// the compiler's own check of a folder's versions, with the rules `slac evaluate` applies today.

import type { Compiled } from '../compiler/compile';
import { type DiagnosticDef, type Diagnostic, diagnostic, registerDiagnostics } from '../language/diagnostics';
import type { Span } from '../language/span';

/** Diagnostics by file (Compiled.file) for the files of one folder. */
export type FolderCheck = (files: readonly Compiled[]) => Map<string, Diagnostic[]>;

const FOLDER = {
  sameEffectiveDate: {
    code: 'SLA3601',
    severity: 'error',
    title: 'Two versions take effect on the same date',
    explain: 'The files of a contract folder are versions of one contract; each incident is judged by the version in force when it was opened, so two versions with the same effective date make that choice undecidable. `slac evaluate` refuses such a folder.',
  },
  mixedContracts: {
    code: 'SLA3602',
    severity: 'error',
    title: 'Different contracts in one folder',
    explain: 'A contract folder holds the versions of one contract, all with the same `contract "name"`; a file of another contract belongs in a folder of its own.',
  },
  mixedZones: {
    code: 'SLA3603',
    severity: 'error',
    title: 'Versions in different time zones',
    explain: 'The versions of one contract share one time zone: months and business days of the periods are read in it.',
  },
} as const satisfies Record<string, DiagnosticDef>;

registerDiagnostics(FOLDER);

function statementSpan(c: Compiled, kind: string): Span {
  const s = c.ast.statements.find((x) => x.kind === kind);
  return s ? s.span : { start: 0, end: 0 };
}

export const versionRules: FolderCheck = (files) => {
  const out = new Map<string, Diagnostic[]>(files.map((f) => [f.file, []]));
  const push = (c: Compiled, d: Diagnostic): void => void out.get(c.file)!.push(d);
  const byDate = new Map<string, Compiled[]>();
  for (const c of files) {
    const key = c.contract.effective ?? 'unspecified';
    byDate.set(key, [...(byDate.get(key) ?? []), c]);
  }
  for (const [date, same] of byDate) {
    if (same.length < 2) continue;
    for (const c of same) {
      const others = same.filter((o) => o !== c);
      push(c, diagnostic(FOLDER.sameEffectiveDate, statementSpan(c, 'effective'), `${others.map((o) => o.file).join(', ')} also take${others.length === 1 ? 's' : ''} effect on ${date}: which version is in force is undecidable`, {
        related: others.map((o) => ({ file: o.file, span: statementSpan(o, 'effective'), message: 'the other version' })),
      }));
    }
  }
  const first = files.find((f) => f.contract.name !== null);
  for (const c of files) {
    if (!first || c === first) continue;
    if (c.contract.name !== null && c.contract.name !== first.contract.name) {
      push(c, diagnostic(FOLDER.mixedContracts, statementSpan(c, 'contract'), `this folder holds "${first.contract.name}" (${first.file}), but this file is "${c.contract.name}"`, {
        related: [{ file: first.file, span: statementSpan(first, 'contract'), message: 'the contract of the folder' }],
      }));
    }
    if (c.contract.timeZone !== first.contract.timeZone) {
      push(c, diagnostic(FOLDER.mixedZones, statementSpan(c, 'timeZone'), `this version is read in ${c.contract.timeZone}, ${first.file} in ${first.contract.timeZone}`, {
        related: [{ file: first.file, span: statementSpan(first, 'timeZone'), message: 'the zone of the folder' }],
      }));
    }
  }
  return out;
};
