#!/usr/bin/env node
// Entry point of the `slac` command: runs the bundled CLI, built by `npm ci` (the prepare script)
// or `npm run build`; in a source checkout where it was not built yet, builds it first.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Node >= 22.1 can keep compiled code between runs: a cheaper cold start, when available.
createRequire(import.meta.url)('node:module').enableCompileCache?.();

// Failures of standard output (a closed pipe, a full disk) are handled by the CLI (cli/io.ts).
const bundle = fileURLToPath(new URL('../dist/slac.mjs', import.meta.url));
if (!existsSync(bundle)) {
  const build = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  try {
    if (!existsSync(build)) throw new Error('no build script');
    process.stderr.write('slac: building the CLI (first run)…\n');
    await import(pathToFileURL(build).href);
  } catch (e) {
    process.stderr.write(`slac: the CLI is not built and cannot be built here (${e.message}); run \`npm run build\`\n`);
    process.exit(2);
  }
}
const { run } = await import(pathToFileURL(bundle).href);
process.exitCode = await run(process.argv.slice(2));
