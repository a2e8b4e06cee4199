// Checks that the target matrix is complete: every plan x severity of every objective the contract
// uses has a target or an explicit `none`. Unknown and duplicate cells are reported by lowering.

import type { Span } from '../../language/span';
import { type ObjectiveName, OBJECTIVES } from '../ir';
import { CHECKS } from './codes';
import type { Check, CheckContext } from './context';

/** How many missing cells a message lists before it says "and N more". */
const LISTED_CELLS = 8;

/** Where to report a gap in an objective's targets: its `response targets` line, else its first category target. */
function objectiveSpan(ctx: CheckContext, objective: ObjectiveName): Span | null {
  // Stryker disable next-line ConditionalExpression: no other statement has an objective to match
  for (const s of ctx.ast.statements) if (s.kind === 'objective' && s.objective === objective) return s.headerSpan;
  // Stryker disable next-line OptionalChaining: called only for an objective some target uses, so one is found
  return ctx.contract.categoryTargets.find((t) => t.objective === objective)?.span ?? null;
}

const missingTargets: Check = (ctx) => {
  const c = ctx.contract;
  // Stryker disable next-line ConditionalExpression: without severities no cell is missing anyway
  if (c.severities.length === 0) return;
  for (const objective of OBJECTIVES) {
    const used = c.targets.some((t) => t.objective === objective) || c.categoryTargets.some((t) => t.objective === objective);
    if (!used) continue;
    // Counted per plan, and listed only as far as the message shows: a contract with many plans
    // and severities but few cells must not walk every plan x severity.
    const given = new Map<string, Set<string>>();
    for (const t of c.targets) {
      if (t.objective !== objective) continue;
      const row = given.get(t.plan) ?? new Set<string>();
      row.add(t.severity);
      given.set(t.plan, row);
    }
    let count = 0;
    const missing: string[] = [];
    for (const plan of c.plans) {
      const row = given.get(plan.id);
      const absent = c.severities.length - (row?.size ?? 0);
      // Stryker disable next-line ConditionalExpression: a full row adds nothing either way
      if (absent === 0) continue;
      count += absent;
      for (const sev of c.severities) {
        if (missing.length >= LISTED_CELLS) break;
        if (!row?.has(sev.id)) missing.push(c.implicitPlan ? sev.id : `${plan.id}/${sev.id}`);
      }
    }
    if (count === 0) continue;
    const span = objectiveSpan(ctx, objective);
    // Cells come from a target table (its `... targets` line), a category target, or a single
    // `... for every incident` line, which fills every cell: a missing cell always has a span.
    // Stryker disable next-line ConditionalExpression
    if (!span) continue;
    const shown = missing.join(', ') + (count > missing.length ? ` and ${count - missing.length} more` : '');
    const onlyCategories = given.size === 0;
    ctx.report.report(
      CHECKS.missingTarget,
      span,
      onlyCategories
        ? `the ${objective} targets are given only by category: an incident outside those categories has no ${objective} target (${shown})`
        : `no ${objective} target for ${shown}: write a duration or none`,
      { hint: `every ${c.implicitPlan ? 'severity' : 'plan and severity'} needs a ${objective} target or none` },
    );
  }
};

export const coverageChecks: readonly Check[] = [missingTargets];
