// `slac records check`: validates a records file against a contract without evaluating it: the
// same rejections and warnings as `slac evaluate` (and the same --strict), so a log can be checked
// before it is replayed, e.g. in the CI of the tool that exports it.

import { contractForRecords } from '../../runtime/session';
import { readRecords, type RecordWarning, type Rejected } from '../../runtime/records';
import { loadContracts, reportContractErrors } from '../contracts';
import { issueLines, LISTED } from '../formats/record-issues';
import { OutputWriter } from '../formats/writer';
import { colorsFor, type Io, UsageError } from '../io';
import { RECORDS_CHECK_FORMATS } from '../options';
import { openRecords, recordsFailure } from '../records';

export interface RecordsCheckOptions {
  format: string;
  strict?: boolean;
  output?: string;
  color: boolean;
  quiet?: boolean;
}

export async function recordsCheckCommand(contractPath: string, recordsPath: string, opts: RecordsCheckOptions, io: Io): Promise<number> {
  if (!(RECORDS_CHECK_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}" for records check (choose ${RECORDS_CHECK_FORMATS.join(', ')})`);
  }
  const loaded = loadContracts(contractPath, io.cwd);
  if (reportContractErrors(loaded, contractPath, io, opts.color, 'checking records against it')) return 1;
  const { input, label } = await openRecords(recordsPath, io, 'records check');

  const json = opts.format === 'json';
  const rejected: Rejected[] = [];
  const warnings: RecordWarning[] = []; // text lists only the first LISTED
  let warned = 0;
  let rejectedCount = 0;
  let counts;
  try {
    counts = await readRecords(input, contractForRecords(loaded.versions), () => {}, (r) => {
      if (json || rejectedCount < LISTED) rejected.push(r);
      rejectedCount++;
    }, {
      file: label,
      strict: opts.strict,
      onWarning: (w) => {
        if (json || warned < LISTED) warnings.push(w);
        warned++;
      },
    });
  } catch (e) {
    throw recordsFailure(e, recordsPath, 'records check');
  }
  const summary = { ...counts, warnings: warned };

  const out = OutputWriter.open(io, opts.output);
  if (json) {
    const latest = loaded.versions.latest;
    out.raw(JSON.stringify({ contract: { name: latest.ir.name, version: latest.version, file: latest.ir.file }, records: label, rejected, warnings, summary }, null, 2));
  } else {
    const c = colorsFor(io, 'stdout', !opts.color || !!opts.output);
    if (rejectedCount) {
      out.raw(c.bold(c.red('Rejected records')));
      for (const x of issueLines(rejected, rejectedCount)) out.raw(`  ${x}`);
      out.raw('');
    }
    if (warned) {
      out.raw(c.bold(c.yellow('Warnings')));
      for (const x of issueLines(warnings, warned)) out.raw(`  ${x}`);
      out.raw('');
    }
    const parts = [`${counts.lines} line${counts.lines === 1 ? '' : 's'}`, `${counts.accepted} valid`, `${counts.rejected} rejected`];
    if (counts.blank) parts.push(`${counts.blank} blank`);
    if (warned) parts.push(`${warned} warning${warned === 1 ? '' : 's'}`);
    out.raw(`${label}: ${parts.join(', ')}`);
  }
  await out.end();
  if (!opts.quiet && warned) io.stderr(`slac: ${warned} warning${warned === 1 ? '' : 's'}: record fields the schema does not know (see the report)\n`);
  if (!opts.quiet && rejectedCount) io.stderr(`slac: ${rejectedCount} record${rejectedCount === 1 ? ' was' : 's were'} rejected (see the report)\n`);
  return counts.rejected > 0 ? 3 : 0;
}
