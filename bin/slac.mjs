#!/usr/bin/env node
// Entry point of the `slac` command: runs the bundled CLI (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/slac.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('slac: the CLI is not built yet; run `npm run build` in the slac folder\n');
  process.exit(2);
}
const { run } = await import(pathToFileURL(bundle).href);
process.exitCode = await run(process.argv.slice(2));
