// The temporary files of a run (an --output being written before it replaces the old file, report
// sections spooled to disk) are removed however the run ends: normally, on an error, or on Ctrl-C,
// a kill or a closed terminal, which then exit with 128 + the signal's number, as shells expect.

import { unlinkSync } from 'node:fs';
import { constants } from 'node:os';

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAll(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  process.exit(128 + constants.signals[signal]);
}

/** Removes `path` when the process exits or is interrupted, unless `release`d first. */
export function removeOnExit(path: string): void {
  // Handlers only while there is something to remove: the default reaction to a signal otherwise.
  if (live.size === 0) {
    for (const s of SIGNALS) process.on(s, onSignal);
    process.on('exit', removeAll);
  }
  live.add(path);
}

/** `path` was renamed or removed by its owner: nothing left to clean up. */
export function release(path: string): void {
  if (!live.delete(path) || live.size > 0) return;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeAll);
}

/** Removes a temporary file now (an abandoned output, a spool read to its end). */
export function removeNow(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
  release(path);
}
