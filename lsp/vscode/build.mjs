// Builds the VS Code extension into lsp/vscode/dist: the client, the slac CLI with its language
// server (run as `slac.mjs lsp --stdio`), date-holidays for it, and the holiday snapshot; writes the
// TextMate grammar and the snippets from the language's own tables (language/tokens.ts,
// lsp/clauses.ts) so they cannot drift. Run after scripts/build.mjs (it writes the snapshot).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const DIST = join(HERE, 'dist');
const require = createRequire(join(ROOT, 'package.json'));
rmSync(DIST, { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: false, legalComments: 'none', logLevel: 'warning' };

// The client: CommonJS, as VS Code loads extensions; `vscode` is provided by the editor.
await build({ ...common, entryPoints: [join(HERE, 'src/extension.ts')], outfile: join(DIST, 'extension.js'), format: 'cjs', external: ['vscode'] });

// The CLI, the server inside it, and the evaluate worker; date-holidays stays a module beside them.
await build({
  ...common,
  entryPoints: { slac: join(HERE, 'src/cli.ts'), 'evaluate-worker': join(ROOT, 'cli/workers/evaluate-worker.ts') },
  outdir: DIST,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  external: ['date-holidays'],
  banner: { js: "import { createRequire as __slacCreateRequire } from 'node:module'; const require = __slacCreateRequire(import.meta.url);" },
});
const holidays = join(DIST, 'node_modules/date-holidays');
await build({ ...common, entryPoints: [require.resolve('date-holidays')], outfile: join(holidays, 'index.cjs'), format: 'cjs' });
const version = (pkg) => JSON.parse(readFileSync(pkg, 'utf8')).version;
const parserPkg = createRequire(require.resolve('date-holidays')).resolve('date-holidays-parser/package.json');
writeFileSync(join(holidays, 'package.json'), JSON.stringify({ name: 'date-holidays', version: version(require.resolve('date-holidays/package.json')), main: 'index.cjs' }));
mkdirSync(join(DIST, 'node_modules/date-holidays-parser'), { recursive: true });
writeFileSync(join(DIST, 'node_modules/date-holidays-parser/package.json'), JSON.stringify({ name: 'date-holidays-parser', version: version(parserPkg) }));
copyFileSync(join(ROOT, 'dist/holiday-snapshot.json'), join(DIST, 'holiday-snapshot.json'));

// Grammar and snippets, from the TypeScript tables.
const gen = join(DIST, 'generate.mjs');
await build({ ...common, minify: false, entryPoints: [join(HERE, 'generate.ts')], outfile: gen, format: 'esm' });
const { grammar, snippets } = await import(pathToFileURL(gen).href);
rmSync(gen);
mkdirSync(join(HERE, 'syntaxes'), { recursive: true });
mkdirSync(join(HERE, 'snippets'), { recursive: true });
writeFileSync(join(HERE, 'syntaxes/sla.tmLanguage.json'), `${JSON.stringify(grammar(), null, 2)}\n`);
writeFileSync(join(HERE, 'snippets/sla.json'), `${JSON.stringify(snippets(), null, 2)}\n`);
