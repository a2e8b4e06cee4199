// The rejections and warnings of a records file as report lines, for text and markdown: each as
// `file:line: message`, at most LISTED of each kind, then how many more there are and where to see
// them all (the JSON and NDJSON reports list every one).

import type { RecordWarning, Rejected } from '../../runtime/records';

/** How many rejections, and how many warnings, a text or markdown report lists. */
export const LISTED = 50;

/** `records.ndjson:12: record "S1": message` (`line 12: ...` when the file is not known). */
export function issueText(x: Rejected | RecordWarning): string {
  const where = x.file !== undefined ? `${x.file}:${x.line}` : `line ${x.line}`;
  return `${where}: ${x.id !== undefined ? `record ${JSON.stringify(x.id)}: ` : ''}${x.message}`;
}

/** The first LISTED of `items` as text, and a last line for the `total - LISTED` not listed. */
export function issueLines(items: Iterable<Rejected | RecordWarning>, total: number): string[] {
  const lines: string[] = [];
  for (const x of items) {
    if (lines.length === LISTED) break;
    lines.push(issueText(x));
  }
  const more = total - lines.length;
  if (more > 0) lines.push(`… and ${more} more (every one is in --format json or ndjson)`);
  return lines;
}
