// What every static check receives, in a file of its own: the families import these types, and
// index.ts imports the families, so keeping them in index.ts would make an import circle.

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
