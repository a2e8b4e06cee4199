// GitHub Actions workflow commands: one `::error file=...::message` annotation per diagnostic,
// escaped as the runner expects, then a plain summary line for the log. User text is made
// `visible` first: the runner's escaping covers only %, CR and LF, and its log renders ESC colours.

import type { Severity } from '../../language/diagnostics';
import { type FileDiagnostics, locate, reaches, type Summary } from './located';
import { visible } from './visible';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command: %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus the `:` and `,` that separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `from`: the least severe finding annotated (--quiet shows only those that fail the run). */
export function formatGithub(files: FileDiagnostics[], summary: Summary, from: Severity = 'info'): string {
  const out: string[] = [];
  for (const d of files.flatMap(locate)) {
    if (!reaches(d.severity, from)) continue;
    const props = [
      `file=${escapeProperty(visible(d.file.replace(/\\/g, '/')))}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(d.code)}`,
    ].join(',');
    const lines = [visible(d.message), ...d.related.map((r) => `related: ${visible(r.file)}:${r.line}:${r.column} ${visible(r.message)}`)];
    if (d.hint) lines.push(`hint: ${visible(d.hint)}`);
    out.push(`::${COMMAND[d.severity]} ${props}::${escapeData(lines.join('\n'))}`);
  }
  out.push(`slac check: ${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info in ${summary.files} file(s)`);
  return `${out.join('\n')}\n`;
}
