// Where a command's report goes: stdout, or the file named by --output.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Io, UsageError } from './io';

export function emit(io: Io, text: string, output: string | undefined): void {
  if (!output) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (e) {
    throw new UsageError(`${output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
