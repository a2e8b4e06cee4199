// The `slac` command line: commander wiring only; each command lives in commands/.

import { Command, CommanderError, Option } from 'commander';
import { type Io, processIo, UsageError } from './io';
import { CHECK_FORMATS, EVALUATE_FORMATS, FAIL_LEVELS, RECORDS_CHECK_FORMATS } from './options';

// Commands are loaded when they run: `slac check` never loads the evaluator, nor `evaluate` the
// checks, so each pays only for its own start-up.

export const VERSION = '0.1.0';

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('slac')
    .description('Contract-as-code for service level agreements: check SLAs, evaluate incident logs against them.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run slac --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  program
    .command('check')
    .description('parse and check contracts; exit 1 when a finding reaches the fail level')
    .argument('[paths...]', 'contract files or folders (*.sla)')
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .addOption(new Option('--fail-level <level>', 'lowest severity that fails the run').choices(FAIL_LEVELS).default('error'))
    .option('--explain [code]', 'describe a diagnostic code (or list all codes)')
    .option('--output <file>', 'write the report to a file')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--quiet', 'print errors only')
    .action(async (paths: string[], opts) => {
      exitCode = await (await import('./commands/check')).checkCommand(paths, opts, io);
    });

  program
    .command('fmt')
    .description('rewrite contracts in the canonical layout (- reads stdin, writes stdout)')
    .argument('[paths...]', 'contract files or folders, or -')
    .option('--check', 'only report files that are not formatted (exit 1)')
    .option('--diff', 'print what would change instead of writing')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--quiet', 'print nothing but errors')
    .action(async (paths: string[], opts) => {
      exitCode = await (await import('./commands/fmt')).fmtCommand(paths, opts, io);
    });

  program
    .command('evaluate')
    .alias('eval')
    .description('replay incident records (NDJSON or a JSON array; - for stdin) against a contract file or folder of versions')
    .argument('<contract>', 'contract file, or a folder holding its versions')
    .argument('<records>', 'records file (NDJSON or JSON array), or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(EVALUATE_FORMATS).default('text'))
    .option('--as-of <instant>', 'judge as of this instant (ISO with offset, or a date = local midnight); default now')
    .option('--period <YYYY-MM>', 'only this month: its incidents and its period')
    .addOption(new Option('--fail-on <what>', 'exit 1 when an objective or period is breached').choices(['breach']))
    .option('--output <file>', 'write the report to a file')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--quiet', 'no progress or notes on stderr')
    .option('--strict', 'reject records with fields the schema does not know (otherwise a warning each)')
    .action(async (contract: string, records: string, opts) => {
      exitCode = await (await import('./commands/evaluate')).evaluateCommand(contract, records, opts, io);
    });

  program
    .command('records')
    .description('work on records files without evaluating them')
    .command('check')
    .description('validate records against a contract: the rejections and warnings evaluate would give; exit 3 when a record is rejected')
    .argument('<contract>', 'contract file, or a folder holding its versions')
    .argument('<records>', 'records file (NDJSON or JSON array), or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(RECORDS_CHECK_FORMATS).default('text'))
    .option('--strict', 'reject records with fields the schema does not know (otherwise a warning each)')
    .option('--output <file>', 'write the report to a file')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--quiet', 'no notes on stderr')
    .action(async (contract: string, records: string, opts) => {
      exitCode = await (await import('./commands/records-check')).recordsCheckCommand(contract, records, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`slac: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(`slac: internal error: ${err.message}\n`);
    if (io.env.SLAC_DEBUG) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
