// `slac fmt`: rewrite contracts in the canonical layout; --check and --diff for CI.

import { createTwoFilesPatch } from 'diff';
import { format } from '../../compiler/format';
import { parse } from '../../language/index';
import { LineMap } from '../../language/span';
import { expandContractPaths, readText } from '../files';
import { summarize } from '../formats/located';
import { formatText } from '../formats/text';
import { visible } from '../formats/visible';
import { colorsFor, type Io, UsageError } from '../io';
import { replaceFile } from '../output-file';

export interface FmtOptions {
  check?: boolean;
  diff?: boolean;
  color: boolean;
  quiet?: boolean;
}

/** Formats one text; null (with diagnostics printed) when it has syntax errors. */
function formatOne(io: Io, file: string, text: string, opts: FmtOptions): string | null {
  const parsed = parse(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const f = { file, lines: new LineMap(text), diagnostics: errors };
    io.stderr(formatText([f], summarize([f]), colorsFor(io, 'stderr', !opts.color)));
    io.stderr(`slac: ${visible(file)}: not formatted: fix the syntax errors first\n`);
    return null;
  }
  return format(parsed.ast, text);
}

export async function fmtCommand(paths: string[], opts: FmtOptions, io: Io): Promise<number> {
  if (paths.length === 1 && paths[0] === '-') {
    const text = await io.readStdin();
    const out = formatOne(io, '<stdin>', text, opts);
    if (out === null) return 1;
    if (opts.check) {
      if (out === text) return 0;
      io.stdout('<stdin>: not formatted\n');
      return 1;
    }
    io.stdout(opts.diff ? createTwoFilesPatch('<stdin>', '<stdin>', text, out) : out);
    return 0;
  }
  if (paths.length === 0) throw new UsageError('name the contract files or folders to format, or - for standard input');
  const files = expandContractPaths(paths, io.cwd);
  if (files.length === 0) throw new UsageError(`no .sla contract files found in ${paths.join(', ')}`);
  let status = 0;
  let changed = 0;
  for (const file of files) {
    const text = readText(file, io.cwd);
    const out = formatOne(io, file, text, opts);
    if (out === null) {
      status = 1;
      continue;
    }
    if (out === text) continue;
    changed++;
    if (opts.diff) io.stdout(createTwoFilesPatch(file, file, text, out));
    if (opts.check) {
      if (!opts.diff) io.stdout(`${visible(file)}: not formatted\n`);
      status = 1;
    } else if (!opts.diff) {
      // Atomically, keeping the file's mode: an interrupted or failed write leaves the old text.
      replaceFile(file, io.cwd, out);
      if (!opts.quiet) io.stderr(`slac: formatted ${visible(file)}\n`);
    }
  }
  if (opts.check && !opts.quiet && status === 0) io.stderr(`slac: ${files.length} file${files.length === 1 ? '' : 's'} already formatted\n`);
  return status;
}
