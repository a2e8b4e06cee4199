// Bundles the CLI into one file so a cold `slac` start costs about what bare Node does.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/main.ts'],
  outfile: 'dist/slac.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // date-holidays' data is loaded only when a contract names a country (see runtime/holidays.ts).
  external: ['date-holidays'],
  banner: { js: "import { createRequire as __slacCreateRequire } from 'node:module'; const require = __slacCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
