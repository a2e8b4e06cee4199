// The published schema (schemas/records.schema.json) as validators per record type, and a schema
// error as the one-line message a user reads. The validators are ajv's, compiled at build time
// (scripts/record-validators.mjs): compiling them at run time would generate code from strings.

import type { ErrorObject } from 'ajv';
import type { RecordType } from './record';
import * as generated from './schema-validators.generated';
import { describeValue } from './values';

export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export const VALIDATORS = generated as unknown as Record<RecordType, Validator>;

const TIMESTAMP_FIELDS = new Set(['opened', 'responded', 'restored', 'resolved', 'start', 'end', 'notified', 'acknowledged', 'prioritized', 'from', 'to']);

export function schemaMessage(err: ErrorObject, raw: Record<string, unknown>): string {
  if (err.keyword === 'required' && err.instancePath === '') {
    return `missing required field "${(err.params as { missingProperty: string }).missingProperty}"`;
  }
  const path = err.instancePath.slice(1).split('/');
  const top = path[0]!;
  // A field inside a list (pauses, reopened, updates) is named with its place: pauses[0].from.
  const nested = path.length > 1;
  const field = nested ? err.instancePath.slice(1).replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.') : top;
  // The value the error is about: ajv's path leads through values that exist (the data it checked).
  const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], raw);
  if (err.keyword === 'required') {
    return `missing required field "${field}.${(err.params as { missingProperty: string }).missingProperty}"`;
  }
  if (nested && err.keyword === 'pattern') return `field "${field}" must be a timestamp with an offset (2026-03-07T22:15:00-05:00)`;
  if (err.keyword === 'additionalProperties') {
    return `field "${field}" has an unknown field "${(err.params as { additionalProperty: string }).additionalProperty}"`;
  }
  switch (err.keyword) {
    case 'type': {
      if (value === null) return `field "${field}" must not be null`;
      const want = ([] as string[]).concat((err.params as { type: string | string[] }).type).filter((t) => t !== 'null');
      const what = TIMESTAMP_FIELDS.has(field) ? 'a timestamp string' : want.join(' or ');
      return `field "${field}" must be ${what}, got ${describeValue(value)}`;
    }
    case 'minLength':
      return `field "${field}" must not be empty`;
    case 'const':
      return `field "${field}" must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}`;
    default:
      return `field "${field}" ${err.message ?? 'is invalid'}`;
  }
}
