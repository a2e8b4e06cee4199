// A fake Io for running the CLI in-process: captures stdout and stderr, feeds stdin.

import { Readable } from 'node:stream';
import type { Io } from '../../cli/io';
import { run } from '../../cli/main';
import { ROOT } from './ir';

export async function runSlac(argv: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readStdin: async () => options.stdin ?? '',
    stdinStream: () => Readable.from([options.stdin ?? '']),
    cwd: ROOT,
    env: options.env ?? {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const code = await run(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}
