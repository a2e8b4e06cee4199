// The line limit as a user meets it, in the built CLI: a records input that never ends (/dev/zero,
// one endless line; a stream of huge lines between records) is read on in bounded memory, each
// huge line rejected with its number while the records after it are judged. The child process is
// watched through /proc (bytes read, peak memory) and killed once it has shown that it goes on.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/ir';

const MIB = 2 ** 20;

function slac(args: string[]): ChildProcess {
  return spawn(process.execPath, ['bin/slac.mjs', ...args], { cwd: ROOT, env: { ...process.env, SLAC_WORKERS: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Bytes the process has read so far, and its peak resident memory (MiB). */
function probe(pid: number): { readBytes: number; peakMib: number } {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { readBytes: Number(/rchar:\s+(\d+)/.exec(io)![1]), peakMib: Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024 };
}

function until(test: () => boolean, what: string, ms: number): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = setInterval(() => {
      if (test()) {
        clearInterval(tick);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(tick);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 50);
  });
}

const PROC = existsSync('/proc/self/io');

describe.skipIf(!PROC)('a records input that never ends', () => {
  it('/dev/zero (one endless line): reads on past 2 GiB in bounded memory', async () => {
    const child = slac(['evaluate', 'contracts/sagicc', '/dev/zero', '--as-of', '2026-04-08', '--format', 'ndjson']);
    let exited: number | null = null;
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c));
    child.on('exit', (code) => (exited = code ?? -1));
    try {
      let last = { readBytes: 0, peakMib: 0 };
      await until(() => {
        if (exited !== null) throw new Error(`slac exited (${exited}): ${stderr}`);
        last = probe(child.pid!);
        return last.readBytes > 2048 * MIB;
      }, '2 GiB read', 120_000);
      expect(last.peakMib).toBeLessThan(200);
    } finally {
      child.kill('SIGKILL');
    }
  }, 150_000);

  it('a stream of huge lines between records: each huge line rejected at its number, the records after it judged', async () => {
    const child = slac(['evaluate', 'contracts/sagicc', '-', '--as-of', '2026-04-08', '--format', 'ndjson']);
    const PER_CYCLE = 2000;
    const huge = Buffer.alloc(MIB, 'x');
    let stop = false;
    const record = (id: string) =>
      JSON.stringify({ type: 'incident', id, plan: 'essential', severity: 'high', opened: '2026-03-20T10:00:00-05:00', responded: '2026-03-20T10:30:00-05:00', cause: 'provider', channel: 'helpdesk' });
    const stdin = child.stdin!;
    stdin.on('error', () => {}); // EPIPE once the child is killed
    const write = (b: Buffer | string) =>
      new Promise<void>((resolve) => {
        if (stop || stdin.destroyed || stdin.write(b)) return resolve();
        stdin.once('drain', resolve);
        stdin.once('close', resolve);
      });
    const feed = (async () => {
      for (let cycle = 0; !stop; cycle++) {
        for (let i = 0; i < 17 && !stop; i++) await write(huge); // a 17 MiB line, no newline in it
        await write(`\n${Array.from({ length: PER_CYCLE }, (_, k) => record(`C${cycle}-${k}`)).join('\n')}\n`);
      }
    })();

    const rejected: number[] = [];
    let incidentsAfterThird = 0;
    let rest = '';
    child.stdout!.on('data', (c: Buffer) => {
      const lines = (rest + c.toString('utf8')).split('\n');
      rest = lines.pop()!;
      for (const l of lines) {
        const o = JSON.parse(l) as { kind: string; line: number; message?: string };
        if (o.kind === 'rejected') {
          expect(o.message).toMatch(/^line is 17825792 bytes \(17 MiB\), longer than the 16 MiB a record line may have; skipped$/);
          rejected.push(o.line);
        } else if (o.kind === 'incident' && rejected.length >= 3) {
          incidentsAfterThird++;
        }
      }
    });
    try {
      let peak = 0;
      await until(() => {
        peak = probe(child.pid!).peakMib;
        return incidentsAfterThird > 100;
      }, 'records judged after the third huge line', 120_000);
      expect(rejected.slice(0, 3)).toEqual([1, 2 + PER_CYCLE, 3 + 2 * PER_CYCLE]);
      expect(peak).toBeLessThan(300);
    } finally {
      stop = true;
      child.kill('SIGKILL');
      await feed;
    }
  }, 150_000);
});
