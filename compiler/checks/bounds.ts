// Bounds written as SLAs print them: `99.0 - 99.9 %` does not say which end is included. slac reads
// it as at least the first and below the second (half-open, as credit bands tile); this check
// gives both readings, so the parties pick one in words.

import type * as A from '../../language/ast';
import { CHECKS } from './codes';
import type { Check } from './context';

function* dashBounds(statements: readonly A.Statement[]): Generator<A.BoundNode> {
  for (const s of statements) {
    if (s.kind !== 'credits') continue;
    for (const item of s.items) {
      if (item.kind !== 'table') continue;
      for (const row of item.rows) for (const cell of row.cells) if (cell.kind === 'bound' && cell.dash) yield cell;
    }
  }
}

const dashAmbiguous: Check = (ctx) => {
  for (const b of dashBounds(ctx.ast.statements)) {
    const [lo, hi] = b.sides.map((x) => `${x.value.text}%`);
    ctx.report.report(
      CHECKS.boundAmbiguous,
      b.span,
      `${lo} - ${hi} is ambiguous at its ends: slac reads it as at least ${lo} and below ${hi}, [${lo}, ${hi}); it may also mean ${lo} to ${hi} both included, [${lo}, ${hi}], which overlaps a band that starts at ${hi}`,
      { hint: `write the one meant: at least ${lo} and below ${hi}   or   between ${lo} and ${hi}` },
    );
  }
};

export const boundChecks: readonly Check[] = [dashAmbiguous];
