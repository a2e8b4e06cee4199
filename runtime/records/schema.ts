// The published schema (schemas/records.schema.json) as validators per record type, compiled
// with ajv once, on first use; and a schema error as the one-line message a user reads.

import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import recordsSchema from '../../schemas/records.schema.json' with { type: 'json' };
import type { RecordType } from './record';
import { describeValue } from './values';

type Validators = Record<RecordType, ValidateFunction>;
let validators: Validators | null = null;

const SCHEMA_ID = (recordsSchema as { $id: string }).$id;
const TIMESTAMP_FIELDS = new Set(['opened', 'responded', 'restored', 'resolved', 'start', 'end', 'notified', 'acknowledged']);

/**
 * The published schema minus its timestamp `pattern`s: parseTimestamp accepts a subset of what the
 * pattern matches (it also checks the calendar), so the pattern would only repeat work on every
 * timestamp; the test suite checks that the two stay in step.
 */
function runtimeSchema(): object {
  const copy = JSON.parse(JSON.stringify(recordsSchema)) as { definitions: Record<string, Record<string, unknown>> };
  delete copy.definitions.timestamp!.pattern;
  delete copy.definitions.optionalTimestamp!.pattern;
  return copy;
}

export function getValidators(): Validators {
  if (validators) return validators;
  // ajv is CommonJS; under some loaders the class sits on `.default` of the namespace.
  const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
  const ajv = new Ajv({ allErrors: false, allowUnionTypes: true });
  ajv.addSchema(runtimeSchema());
  const get = (type: RecordType): ValidateFunction => {
    const v = ajv.getSchema(`${SCHEMA_ID}#/definitions/${type}`);
    if (!v) throw new Error(`records schema has no definition for ${type}`);
    return v;
  };
  validators = { incident: get('incident'), outage: get('outage'), maintenance: get('maintenance') };
  return validators;
}

export function schemaMessage(err: ErrorObject, raw: Record<string, unknown>): string {
  if (err.keyword === 'required') {
    return `missing required field "${(err.params as { missingProperty: string }).missingProperty}"`;
  }
  const field = err.instancePath.slice(1).split('/')[0] ?? '';
  const value = raw[field];
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
