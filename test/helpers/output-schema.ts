// The published JSON Schema of `slac evaluate --format json`, compiled once for tests that check
// a report against it (ajv may generate code here: this is test code, not slac at run time).

import AjvModule from 'ajv';
import { readRepoFile } from './ir';

const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
const validate = new Ajv({ allowUnionTypes: true, allErrors: true }).compile(JSON.parse(readRepoFile('schemas/evaluate-output.schema.json')));

/** The schema errors of a report, as text ('' when it is valid). */
export function outputSchemaErrors(doc: unknown): string {
  return validate(doc) ? '' : JSON.stringify(validate.errors);
}
