// Inputs that are not records at all: a CSV, TSV, XML, YAML, compressed or UTF-16 file given where
// NDJSON is expected. The first bytes and the first non-blank line say what the file looks like,
// so the run stops with one message before any output, instead of one rejection per line.

import { quote } from './values';

/** The input as a whole is not one slac reads (not NDJSON, too large an array): nothing is judged. */
export class RecordsFormatError extends Error {
  /** `problem` continues a sentence that starts with the file's name; `notNdjson` adds what slac reads. */
  constructor(
    problem: string,
    private readonly notNdjson = true,
  ) {
    super(problem);
  }

  /** The one-line message: `records.csv looks like CSV (...); slac evaluate reads NDJSON: ...`. */
  describe(file: string, command: string): string {
    const rest = this.notNdjson ? `; slac ${command} reads NDJSON: one JSON object per line, see schemas/records.schema.json` : '';
    return `${file} ${this.message}${rest}`;
  }
}

const MAGIC: [number[], string][] = [
  [[0x1f, 0x8b], 'gzip-compressed data (decompress it first)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel .xlsx file is one)'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0xff, 0xfe], 'UTF-16 text (save it as UTF-8)'],
  [[0xfe, 0xff], 'UTF-16 text (save it as UTF-8)'],
];

/** What the first bytes of an input show it to be when they are a known binary signature, or null. */
export function binaryLook(head: Uint8Array): string | null {
  for (const [bytes, what] of MAGIC) if (bytes.every((b, i) => head[i] === b)) return what;
  return null;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the first non-blank line of an input looks like when it cannot start NDJSON, or null when
 * it can: a line that opens an object or array (even malformed: that line is rejected, the others
 * judged) or any JSON value.
 */
export function firstLineLook(line: string): string | null {
  const t = line.trim();
  if (t[0] === '{' || t[0] === '[' || isJson(t)) return null;
  const shown = quote(t);
  if (/^<(!doctype html|html)\b/i.test(t)) return `looks like HTML (it starts with ${shown})`;
  if (t[0] === '<') return `looks like XML (it starts with ${shown})`;
  if (t === '---' || t.startsWith('%YAML') || /^- /.test(t) || /^[A-Za-z_][\w .-]*:(\s|$)/.test(t)) return `looks like YAML (first line ${shown})`;
  if (t.includes('\t')) return `looks like TSV (header ${shown})`;
  if (t.includes(',') || t.includes(';')) return `looks like CSV (header ${shown})`;
  return `is not JSON (first line ${shown})`;
}
