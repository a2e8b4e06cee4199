// JUnit XML output of `slac check`, for CI test reports: one test suite per contract file, one
// test case per diagnostic (failed when it reaches the fail level), one passing case for a clean file.

import junit from 'junit-report-builder';
import type { Severity } from '../../language/diagnostics';
import { type FileDiagnostics, locate } from './located';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function formatJunit(files: FileDiagnostics[], failLevel: Severity): string {
  const builder = junit.newBuilder().name('slac check');
  for (const f of files) {
    const suite = builder.testSuite().name(f.file);
    const found = locate(f);
    if (found.length === 0) {
      suite.testCase().className(f.file).name('no findings').file(f.file);
      continue;
    }
    for (const d of found) {
      const test = suite.testCase().className(f.file).name(`${d.code} at ${d.line}:${d.column}`).file(f.file);
      const details = [
        `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`,
        ...d.related.map((r) => `related: ${r.file}:${r.line}:${r.column} ${r.message}`),
        ...(d.hint ? [`hint: ${d.hint}`] : []),
      ].join('\n');
      if (RANK[d.severity] >= RANK[failLevel]) test.failure(`${d.code}: ${d.message}`, d.severity).standardOutput(details);
      else test.standardOutput(details);
    }
  }
  return `${builder.build()}\n`;
}
