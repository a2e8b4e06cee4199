// The "Evaluate" lens on the contract header: the verdict counts of the last run of its records,
// and a command that opens the full report.

import type { CodeLens } from 'vscode-languageserver/node';
import type { Analysis } from '../analysis';
import type { EvaluationRun } from '../evaluation';
import { toRange } from '../positions';

/** The command the lens runs (the VS Code extension opens the report; arguments: contract folder, records, as-of). */
export const OPEN_EVALUATION = 'slac.openEvaluation';

const ORDER = ['met', 'breached', 'pending', 'excluded', 'not-applicable'];

export function lensTitle(run: EvaluationRun): string {
  if (!run.counts) return `Evaluate: ${run.error ?? 'no result'}`;
  const o = run.counts.objectives;
  const parts = ORDER.filter((s) => o[s]).map((s) => `${o[s]} ${s}`);
  if (run.counts.breachedPeriods) parts.push(`${run.counts.breachedPeriods} month${run.counts.breachedPeriods === 1 ? '' : 's'} breached`);
  if (run.counts.rejected) parts.push(`${run.counts.rejected} rejected`);
  return `Evaluate: ${parts.join(' · ') || 'no incidents'}`;
}

export function codeLenses(a: Analysis, run: EvaluationRun | null): CodeLens[] {
  if (!run) return [];
  const header = a.compiled.ast.statements.find((s) => s.kind === 'contract') ?? a.compiled.ast.statements[0];
  if (!header) return [];
  return [{ range: toRange(a.compiled.lines, header.span), command: { title: lensTitle(run), command: OPEN_EVALUATION, arguments: [run.contract, run.records, run.asOf] } }];
}
