// slac's version, as package.json states it: bundled from there at build time, so `--version` and
// the SARIF report never disagree with the published package.

import { version } from '../package.json';

export const VERSION: string = version;
