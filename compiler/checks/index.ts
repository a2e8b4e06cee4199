// The static checks: each family is a list of small named functions over the IR.

import type { ContractFile } from '../../language/ast';
import type { Reporter } from '../../language/diagnostics';
import type { LineMap } from '../../language/span';
import type { Contract } from '../ir';

export interface CheckContext {
  contract: Contract;
  ast: ContractFile;
  text: string;
  lines: LineMap;
  report: Reporter;
}

export type Check = (ctx: CheckContext) => void;

const families: Check[][] = [];

export function registerChecks(checks: Check[]): void {
  families.push(checks);
}

export function runChecks(ctx: CheckContext): void {
  for (const family of families) for (const check of family) check(ctx);
}
