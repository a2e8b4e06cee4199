// What a contract says on a line that could not be read is unknown. These say whether something
// missing, undeclared or unused might be on such a line, so that it is not reported as well: the
// line's own error is the cause, and the rest would be its consequences.

import type { ClauseKind } from '../language/ast';
import type { Contract } from './ir';

/** Whether a line that could not be read may be (a line of) one of `clauses`. */
export function mayBeUnread(c: Pick<Contract, 'unreadable'>, ...clauses: ClauseKind[]): boolean {
  return (c.unreadable ?? []).some((u) => u.clause === null || clauses.includes(u.clause));
}

/** Whether a line that could not be read names `name` (names ignore case). */
export function namedWhereUnread(c: Pick<Contract, 'unreadable'>, name: string): boolean {
  const key = name.toLowerCase();
  return (c.unreadable ?? []).some((u) => u.words.some((w) => w.toLowerCase() === key));
}
