// Writes a generated NDJSON data file for a benchmark once: to a temporary name first, so an
// interrupted run leaves no half file behind.

import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export async function writeNdjsonOnce(file: string, count: number, record: (i: number) => object): Promise<string> {
  if (existsSync(file) && statSync(file).size > 0) return file;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  let buf = '';
  for (let i = 0; i < count; i++) {
    buf += `${JSON.stringify(record(i))}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(tmp, file);
  return file;
}
