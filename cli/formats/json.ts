// Machine output of `slac check --format json`: stable field names that scripts depend on.

import { type FileDiagnostics, locate, type Summary } from './located';

export function formatJson(files: FileDiagnostics[], summary: Summary): string {
  return `${JSON.stringify({ files: files.map((f) => f.file), diagnostics: files.flatMap(locate), summary }, null, 2)}\n`;
}
