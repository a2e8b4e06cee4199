import { writeFileSync } from 'node:fs';
import { buildGrammar } from './lsp/vscode/grammar';
writeFileSync('/tmp/sla.tmLanguage.json', JSON.stringify(buildGrammar()));
