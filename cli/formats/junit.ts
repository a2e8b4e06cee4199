// JUnit XML output of `slac check`, for CI test reports: one test suite per contract file, one
// test case per diagnostic (failed when it reaches the fail level), one passing case for a clean file.
// Control characters are not even valid in XML 1.0 (the builder would drop them silently): user
// text is made `visible` first.

import junit from 'junit-report-builder';
import type { Severity } from '../../language/diagnostics';
import { type FileDiagnostics, locate } from './located';
import { visible } from './visible';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function formatJunit(files: FileDiagnostics[], failLevel: Severity): string {
  const builder = junit.newBuilder().name('slac check');
  for (const f of files) {
    const file = visible(f.file);
    const suite = builder.testSuite().name(file);
    const found = locate(f);
    if (found.length === 0) {
      suite.testCase().className(file).name('no findings').file(file);
      continue;
    }
    for (const d of found) {
      const test = suite.testCase().className(file).name(`${d.code} at ${d.line}:${d.column}`).file(file);
      const details = [
        `${visible(d.file)}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${visible(d.message)}`,
        ...d.related.map((r) => `related: ${visible(r.file)}:${r.line}:${r.column} ${visible(r.message)}`),
        ...(d.hint ? [`hint: ${visible(d.hint)}`] : []),
      ].join('\n');
      if (RANK[d.severity] >= RANK[failLevel]) test.failure(`${d.code}: ${visible(d.message)}`, d.severity).standardOutput(details);
      else test.standardOutput(details);
    }
  }
  return `${builder.build()}\n`;
}
