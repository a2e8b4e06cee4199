// Tests run from the sources, which import the records validators compiled at build time: make
// sure they exist and match the schema even when vitest is started without a build.

import { writeRecordValidators } from '../../scripts/record-validators.mjs';
import { ROOT } from '../helpers/ir';

export default function setup(): void {
  writeRecordValidators(ROOT);
}
