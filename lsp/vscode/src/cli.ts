// The slac command inside the extension: the same CLI as bin/slac.mjs, so `slac.mjs lsp --stdio`
// starts the server and the Evaluate lens runs `slac.mjs evaluate`.

import { run } from '../../../cli/main';

process.exitCode = await run(process.argv.slice(2));
