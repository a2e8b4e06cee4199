// Test helpers: compile a contract from text, and compare IRs without their source positions.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from '../../compiler/compile';
import type { Calendar } from '../../compiler/ir';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function readRepoFile(path: string): string {
  return readFileSync(ROOT + path, 'utf8');
}

export function compileFile(path: string) {
  return compile(readRepoFile(path), path);
}

/** The IR with every span removed, so two parses of differently laid-out text compare equal. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'span' || k.endsWith('Span')) continue;
      out[k] = withoutSpans(v);
    }
    return out;
  }
  return value;
}

/** An IR calendar for tests: no hours, no holidays, unless `over` says otherwise. */
export function calendarOf(over: Partial<Calendar> = {}): Calendar {
  return {
    id: 'office',
    title: null,
    weekly: [],
    allDay: false,
    holidayCountry: null,
    holidayCountrySpan: null,
    added: [],
    removed: [],
    pinned: [],
    span: { start: 0, end: 0 },
    ...over,
  };
}
