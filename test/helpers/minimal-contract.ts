// The smallest contract records are read against: UTC, one severity (`high`), one counted cause
// (`provider`), no services. The record reader's tests judge records, not contracts.

import { compile } from '../../compiler/compile';
import type { Contract } from '../../compiler/ir';

export function minimalContract(file: string): Contract {
  return compile(
    `contract "Records"
version 1
effective 2026-01-01
time zone UTC

severities
  high "High"

causes
  counted provider
`,
    file,
  ).contract;
}
