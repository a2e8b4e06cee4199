// Which format a report is written in, decided in one place: --format when given, else the one
// the --output file's extension names (`--output report.json` writes JSON), else text.

import { CHECK_FORMATS, type CheckFormat, EVALUATE_FORMATS } from '../options';
import { UsageError } from '../io';

export type EvaluateFormat = (typeof EVALUATE_FORMATS)[number];

// Longer extensions first: report.sarif.json is SARIF, not JSON.
const CHECK_EXTENSIONS: [string, CheckFormat][] = [
  ['.sarif.json', 'sarif'],
  ['.sarif', 'sarif'],
  ['.json', 'json'],
  ['.xml', 'junit'],
];
const EVALUATE_EXTENSIONS: [string, EvaluateFormat][] = [
  ['.json', 'json'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
];

function resolve<F extends string>(command: string, choices: readonly F[], byExtension: [string, F][], format: string | undefined, output: string | undefined): F {
  if (format !== undefined) {
    if (!(choices as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" for ${command} (choose ${choices.join(', ')})`);
    return format as F;
  }
  const name = output?.toLowerCase() ?? '';
  return byExtension.find(([ext]) => name.endsWith(ext))?.[1] ?? ('text' as F);
}

export function checkFormat(format: string | undefined, output: string | undefined): CheckFormat {
  return resolve('check', CHECK_FORMATS, CHECK_EXTENSIONS, format, output);
}

export function evaluateFormat(format: string | undefined, output: string | undefined): EvaluateFormat {
  return resolve('evaluate', EVALUATE_FORMATS, EVALUATE_EXTENSIONS, format, output);
}
