// Evaluating a contract text against records in-process, as the runtime tests do: the contract
// compiled (no errors allowed), one version, the records as NDJSON lines.

import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { compile } from '../../compiler/compile';
import { compileContract, ContractVersions } from '../../runtime/contract';
import type { Rejected } from '../../runtime/records';
import { evaluateRecords } from '../../runtime/session';

/** The contract text as one version; its clauses are named `file:line`. Fails the test on an error diagnostic. */
export function versionsOf(text: string, file: string): ContractVersions {
  const c = compile(text, file);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return new ContractVersions([compileContract(c.contract, (s) => `${file}:${c.lines.position(s.start).line}`)]);
}

/** The session's result for `records` (one JSON line each) at `asOf` against these versions, with the lines it rejected. */
export async function evaluateVersions(versions: ContractVersions, records: object[], asOf: string) {
  const rejected: Rejected[] = [];
  const body = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  const res = await evaluateRecords(versions, Readable.from([body]), { asOf: Date.parse(asOf) }, { incident: () => {}, rejected: (r) => rejected.push(r) });
  return { periods: res.periods, rejected };
}

/** The same for a contract text as one version. */
export async function evaluateText(text: string, file: string, records: object[], asOf: string) {
  return evaluateVersions(versionsOf(text, file), records, asOf);
}
