// Bundles the CLI (one chunk per command) so a cold `slac` start costs little more than bare Node, and writes
// the holiday snapshot that lets `slac check` compare pinned holidays without loading date-holidays. First it
// compiles the records schema into validators (scripts/record-validators.mjs): nothing is compiled at run time.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeRecordValidators } from './record-validators.mjs';

// Paths below are relative to the project root, wherever the build is started from.
process.chdir(join(dirname(fileURLToPath(import.meta.url)), '..'));

writeRecordValidators('.');

// Old chunks have other hashes: clear them, but keep the (slow to compute) holiday snapshot.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { slac: 'cli/main.ts', 'evaluate-worker': 'cli/workers/evaluate-worker.ts' },
  outdir: 'dist',
  // Each command in its own chunk, loaded when it runs (cli/main.ts imports commands lazily).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  target: 'node20',
  minify: !process.env.SLAC_NO_MINIFY,
  sourcemap: 'linked',
  legalComments: 'none',
  // date-holidays' data is loaded only when a contract names a country (see compiler/holidays.ts).
  external: ['date-holidays'],
  banner: { js: "import { createRequire as __slacCreateRequire } from 'node:module'; const require = __slacCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// dist/holiday-snapshot.json: the public holidays (type public, by local date, de-duplicated) of
// every country date-holidays knows, for SNAPSHOT_YEARS, tagged with the library's versions.
// compiler/checks/holiday-source.ts uses it only while that version is the installed one, so it is
// a cache of the library, never a second source of truth. Rebuilt only when a version changes.
const SNAPSHOT = 'dist/holiday-snapshot.json';
const SNAPSHOT_YEARS = { first: 2022, last: 2032 };
const require = createRequire(import.meta.url);
const parserVersion = createRequire(require.resolve('date-holidays'))('date-holidays-parser/package.json').version;
const library = `date-holidays@${require('date-holidays/package.json').version} date-holidays-parser@${parserVersion}`;
const current = existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, 'utf8')) : null;
if (current?.library !== library || current?.firstYear !== SNAPSHOT_YEARS.first || current?.countries?.CO?.length !== SNAPSHOT_YEARS.last - SNAPSHOT_YEARS.first + 1) {
  const Holidays = require('date-holidays');
  const countries = {};
  for (const code of Object.keys(new Holidays().getCountries()).sort()) {
    const hd = new Holidays(code);
    countries[code] = [];
    for (let year = SNAPSHOT_YEARS.first; year <= SNAPSHOT_YEARS.last; year++) {
      // "MMDD" for a date of that year, the full date otherwise (rare: a holiday listed across New Year).
      const days = new Set(hd.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      countries[code].push([...days].sort().map((d) => (d.startsWith(`${year}-`) ? d.slice(5).replace('-', '') : d)).join(','));
    }
  }
  mkdirSync('dist', { recursive: true });
  writeFileSync(SNAPSHOT, `${JSON.stringify({ library, firstYear: SNAPSHOT_YEARS.first, countries })}\n`);
}
