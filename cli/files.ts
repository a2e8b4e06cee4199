// Finds the contract files a command works on, in a stable order: every .sla file under the paths
// given (check, fmt), or the versions of one contract, the .sla files directly in one folder (evaluate).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fsReason, UsageError } from './io';

export const CONTRACT_EXTENSION = '.sla';

function stat(p: string, cwd: string) {
  try {
    return statSync(resolve(cwd, p));
  } catch (e) {
    throw new UsageError(`${p}: cannot read: ${fsReason(e)}`);
  }
}

export function expandContractPaths(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (stat(p, cwd).isDirectory()) out.push(...walk(abs).map((f) => display(f, cwd)));
    else out.push(display(abs, cwd));
  }
  return [...new Set(out)];
}

function entries(dir: string) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of entries(dir)) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile() && e.name.endsWith(CONTRACT_EXTENSION)) out.push(full);
  }
  return out;
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/**
 * The versions of one contract: a file, or the .sla files directly in a folder. A folder that
 * holds none but whose subfolders do is a folder of contracts: the message names them.
 */
export function contractVersionFiles(path: string, cwd: string): string[] {
  if (!stat(path, cwd).isDirectory()) return [display(resolve(cwd, path), cwd)];
  const abs = resolve(cwd, path);
  const files = entries(abs)
    .filter((e) => e.isFile() && e.name.endsWith(CONTRACT_EXTENSION))
    .map((e) => display(join(abs, e.name), cwd));
  if (files.length > 0) return files;
  const below = [...new Set(walk(abs).map((f) => dirname(display(f, cwd))))];
  if (below.length === 0) throw new UsageError(`${path}: no .sla contract files in this folder`);
  throw new UsageError(
    `${path}: no .sla files directly in this folder; a folder holds the versions of one contract, and the contracts here are in ${below.join(', ')}: name one of them`,
  );
}

/** Groups files by the folder that holds them, in order of first appearance. */
export function byFolder(files: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const dir = dirname(f);
    const g = groups.get(dir);
    if (g) g.push(f);
    else groups.set(dir, [f]);
  }
  return [...groups.values()];
}

export function readText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${fsReason(e)}`);
  }
}
