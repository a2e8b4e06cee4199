// The `slac` command line: commander wiring and help only; each command lives in commands/.

import { Command, CommanderError, Option } from 'commander';
import { visible, visibleLines } from './formats/visible';
import { fsReason, type Io, processIo, UsageError } from './io';
import { CHECK_FORMATS, EVALUATE_FORMATS, FAIL_LEVELS, HOLIDAY_FORMATS, INIT_HOURS, RECORDS_CHECK_FORMATS } from './options';
import { VERSION } from './version';

// Commands are loaded when they run: `slac check` never loads the evaluator, nor `evaluate` the
// checks, so each pays only for its own start-up.

/** The help's closing part: exit codes, examples and the environment a command reads. */
function epilogue(exits: string[], examples: string[], environment: string[] = []): string {
  const block = (title: string, lines: string[]) => (lines.length ? `\n${title}:\n${lines.map((l) => `  ${l}`).join('\n')}\n` : '');
  return block('Exit codes', exits) + block('Examples', examples) + block('Environment', environment);
}

const COLOR_ENV = 'NO_COLOR      no colours; FORCE_COLOR=1 colours even off a terminal';

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('slac')
    .description('Contract-as-code for service level agreements: check SLAs, evaluate incident logs against them.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      // Commander's errors echo what was typed: no control character of it reaches the terminal.
      writeErr: (s) => io.stderr(visibleLines(s)),
      // One prefix for every message: commander's own say "error:".
      outputError: (s, write) => write(`slac: ${s.replace(/^error: /, '').trimEnd()} (see slac --help)\n`),
    })
    .addHelpText(
      'after',
      epilogue(
        [
          '0  clean',
          '1  findings at or above the fail level: contract errors, breaches with --fail-on breach, unformatted files with fmt --check',
          '2  usage, file or internal error',
          '3  evaluate rejected some input records (the report for the others is still written)',
        ],
        [
          'slac init                      # a commented starter contract.sla',
          'slac check contracts           # every .sla file under contracts/',
          'slac evaluate contracts/sagicc contracts/examples/sagicc-2026-03.ndjson --as-of 2026-04-08',
        ],
      ),
    );

  /** A subcommand whose usage errors name its own help. */
  const command = (name: string) => {
    const cmd = program.command(name);
    cmd.configureOutput({ outputError: (s, write) => write(`slac: ${s.replace(/^error: /, '').trimEnd()} (see slac ${name} --help)\n`) });
    return cmd;
  };

  command('check')
    .description('parse and check contracts; exit 1 when a finding reaches the fail level')
    .argument('[paths...]', 'contract files or folders (*.sla); the files directly in one folder are the versions of one contract')
    .addOption(new Option('--format <format>', 'output format (default: from the --output extension: .json, .sarif, .sarif.json, .xml for junit; else text)').choices(CHECK_FORMATS))
    .addOption(new Option('--fail-level <level>', 'lowest severity that fails the run').choices(FAIL_LEVELS).default('error'))
    .option('--explain [code]', 'describe a diagnostic code (or list all codes)')
    .option('--output <file>', 'write the report to a file (replaced only once complete; never one of the inputs)')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--quiet', 'show only the findings that fail the run (at or above --fail-level)')
    .addHelpText(
      'after',
      epilogue(
        ['0  no finding at or above --fail-level', '1  a finding at or above --fail-level', '2  usage or file error'],
        ['slac check contracts', 'slac check contract.sla --fail-level warning --format sarif --output slac.sarif', 'slac check --explain SLA3204'],
        [COLOR_ENV],
      ),
    )
    .action(async (paths: string[], opts) => {
      exitCode = await (await import('./commands/check')).checkCommand(paths, opts, io);
    });

  command('fmt')
    .description('rewrite contracts in the canonical layout (- reads stdin, writes stdout)')
    .argument('[paths...]', 'contract files or folders, or -')
    .option('--check', 'only report files that are not formatted (exit 1)')
    .option('--diff', 'print what would change instead of writing')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      epilogue(
        ['0  formatted (or already formatted)', '1  --check found unformatted files, or a file has syntax errors', '2  usage or file error'],
        ['slac fmt contracts', 'slac fmt --check --diff contracts'],
      ),
    )
    .action(async (paths: string[], opts) => {
      exitCode = await (await import('./commands/fmt')).fmtCommand(paths, opts, io);
    });

  command('evaluate')
    .alias('eval')
    .description('replay incident records (NDJSON or a JSON array; - for stdin) against a contract file or folder of versions')
    .argument('<contract>', 'contract file, or a folder holding its versions (the .sla files directly in it)')
    .argument('<records>', 'records file (NDJSON or JSON array), or - for stdin')
    .addOption(new Option('--format <format>', 'output format (default: from the --output extension: .json, .ndjson or .jsonl, .md or .markdown; else text)').choices(EVALUATE_FORMATS))
    .option('--as-of <instant>', 'judge as of this instant (ISO with offset, or a date = local midnight); default now, in whole seconds')
    .option('--period <key>', 'only this period (2026-03, 2026-Q1, 2026, FY2027-Q1, FY2027): the incidents opened in it and the periods that overlap it')
    .addOption(new Option('--fail-on <what>', 'exit 1 when an objective or period is breached').choices(['breach']))
    .option('--output <file>', 'write the report to a file (replaced only once complete; never one of the inputs)')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('--quiet', 'no progress or notes on stderr')
    .option('--strict', 'reject records with fields the schema does not know (otherwise a warning each)')
    .addHelpText(
      'after',
      epilogue(
        [
          '0  evaluated (breaches do not fail the run without --fail-on breach)',
          '1  the contract has errors, or a breach with --fail-on breach',
          '2  usage or file error',
          '3  some records were rejected (the report for the others is still written; 3 wins over 1)',
        ],
        [
          'slac evaluate contracts/sagicc contracts/examples/sagicc-2026-03.ndjson --as-of 2026-04-08',
          'tickets-export | slac evaluate contract.sla - --period 2026-03 --format json --fail-on breach',
        ],
        [
          'SLAC_WORKERS  worker threads that judge an NDJSON file with --format ndjson; by default one per',
          '              core for a file over 8 MiB (none on one core); 0 = one thread; N forces N threads',
          COLOR_ENV,
        ],
      ),
    )
    .action(async (contract: string, records: string, opts) => {
      exitCode = await (await import('./commands/evaluate')).evaluateCommand(contract, records, opts, io);
    });

  command('init')
    .description('write a commented starter contract that checks clean (asks for what the flags leave open on a terminal)')
    .argument('[file]', 'where to write it; - for stdout', 'contract.sla')
    .option('--name <name>', 'the contract\'s name')
    .option('--zone <IANA>', 'time zone its calendars and months are read in (default: this machine\'s)')
    .option('--country <code>', 'ISO code of the country whose public holidays close the business calendar')
    .addOption(new Option('--hours <hours>', 'business hours (Monday to Friday 08:00-18:00) or around the clock').choices(INIT_HOURS))
    .option('--year <YYYY>', 'the year of its effective date and pinned holidays (default: this year)')
    .option('--force', 'replace the file if it exists')
    .addHelpText(
      'after',
      epilogue(
        ['0  written', '2  usage or file error (an existing file without --force)'],
        ['slac init', 'slac init sla/v1.sla --name "Hosting SLA" --zone Europe/Madrid --country ES --hours business'],
      ),
    )
    .action(async (file: string, opts) => {
      exitCode = await (await import('./commands/init')).initCommand(file, opts, io);
    });

  command('holidays')
    .description('print a year\'s holidays of a country as a ready `pinned holidays YEAR:` calendar line')
    .argument('[country]', 'ISO country code (CO, DE, US), optionally with a region: DE-BY')
    .argument('[year]', 'the year, YYYY')
    .option('--types <list>', 'holiday types, comma separated: public, bank, optional, school, observance', 'public')
    .option('--region <code>', 'a region of the country (DE with --region BY is DE-BY)')
    .addOption(new Option('--format <format>', 'output format').choices(HOLIDAY_FORMATS).default('text'))
    .option('--output <file>', 'write to a file')
    .option('--list', 'list the country codes, or with a country the codes of its regions')
    .addHelpText(
      'after',
      epilogue(['0  printed', '2  usage error (an unknown country, region, type or year)'], ['slac holidays CO 2026', 'slac holidays DE 2026 --region BY --types public,bank', 'slac holidays --list DE']),
    )
    .action(async (country: string | undefined, year: string | undefined, opts) => {
      exitCode = await (await import('./commands/holidays')).holidaysCommand(country, year, opts, io);
      });

  command('lsp')
    .description('the language server for editors (Language Server Protocol over standard input and output)')
    .option('--stdio', 'talk LSP over standard input and output (the only transport)')
    .addHelpText('after', epilogue(['0  the client ended the session with shutdown and exit', '1  the client exited without shutdown'], ['slac lsp --stdio   (started by the editor, not by hand)']))
    .action(async () => {
      // The session ends with the client's `exit` notification, which exits the process.
      (await import('../lsp/server')).startStdioServer();
      await new Promise<never>(() => undefined);
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
    .addHelpText(
      'after',
      epilogue(
        ['0  every record is valid', '1  the contract has errors', '2  usage or file error', '3  some records were rejected'],
        ['slac records check contracts/sagicc contracts/examples/sagicc-2026-03.ndjson', 'slac records check contract.sla export.ndjson --strict --format json'],
      ),
    )
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
      io.stderr(`slac: ${visible(e.message)}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    // A file operation that failed outside the commands' own handling: still in words.
    if (typeof err.code === 'string' && typeof err.syscall === 'string') io.stderr(`slac: ${err.path ? `${visible(err.path)}: ` : ''}${fsReason(err)}\n`);
    else io.stderr(`slac: internal error: ${visible(err.message)}\n`);
    if (io.env.SLAC_DEBUG) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
