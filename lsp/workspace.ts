// The documents the editor has open, their analyses, and the other version files of each one's
// contract folder. An edit is analysed after a short pause (debounce), phase by phase; a newer
// edit drops the older work. Requests wait for the analysis of the text they were asked about.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../language/diagnostics';
import { ParseCache } from '../language/index';
import { type Analysis, analyze, analyzeInSteps, uriToPath } from './analysis';
import { type FolderCheck, versionRules } from './folder-checks';
import type { FolderView } from './handlers/navigation';

interface OpenDocument {
  text: string;
  version: number;
  analysis: Analysis | null;
  timer: NodeJS.Timeout | null;
  /** The analysis under way, for the version it was started for. */
  running: { version: number; done: Promise<Analysis | null> } | null;
  waiters: { version: number; resolve: (a: Analysis) => void }[];
  /** The parse trees of its clauses, kept from one version to the next. */
  parseCache: ParseCache;
}

export interface WorkspaceOptions {
  /** Milliseconds an edit waits for the next one before it is analysed. */
  debounceMs: number;
  /** Called after each analysis of an open document (to push its diagnostics). */
  onAnalyzed?: (uri: string) => void;
  folderCheck?: FolderCheck;
}

const CONTRACT = /\.sla$/;

export class Workspace {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly disk = new Map<string, { stamp: string; analysis: Analysis }>();
  private readonly folderCheck: FolderCheck;
  debounceMs: number;

  constructor(private readonly options: WorkspaceOptions) {
    this.folderCheck = options.folderCheck ?? versionRules;
    this.debounceMs = options.debounceMs;
  }

  open(uri: string, text: string, version: number): void {
    this.docs.set(uri, { text, version, analysis: null, timer: null, running: null, waiters: [], parseCache: new ParseCache() });
    this.schedule(uri, 0);
  }

  change(uri: string, text: string, version: number): void {
    const doc = this.docs.get(uri);
    if (!doc) return this.open(uri, text, version);
    doc.text = text;
    doc.version = version;
    this.schedule(uri, this.debounceMs);
  }

  close(uri: string): void {
    const doc = this.docs.get(uri);
    if (doc?.timer) clearTimeout(doc.timer);
    this.docs.delete(uri);
  }

  isOpen(uri: string): boolean {
    return this.docs.has(uri);
  }

  openUris(): string[] {
    return [...this.docs.keys()];
  }

  text(uri: string): string | null {
    return this.docs.get(uri)?.text ?? null;
  }

  /** The last analysis of a document, which may be of an older version (completion reads names from it). */
  lastAnalysis(uri: string): Analysis | null {
    return this.docs.get(uri)?.analysis ?? null;
  }

  /** The analysis of the document's current text; starts it at once if it is only scheduled. */
  analysis(uri: string): Promise<Analysis> {
    const doc = this.docs.get(uri);
    if (!doc) {
      const path = uriToPath(uri);
      const a = path ? this.fromDisk(path) : null;
      return a ? Promise.resolve(a) : Promise.reject(new Error(`${uri} is not open`));
    }
    if (doc.analysis?.version === doc.version) return Promise.resolve(doc.analysis);
    const wanted = doc.version;
    const p = new Promise<Analysis>((resolve) => doc.waiters.push({ version: wanted, resolve }));
    if (!doc.running || doc.running.version !== wanted) this.schedule(uri, 0);
    return p;
  }

  private schedule(uri: string, delay: number): void {
    const doc = this.docs.get(uri)!;
    if (doc.timer) clearTimeout(doc.timer);
    doc.timer = setTimeout(() => {
      doc.timer = null;
      void this.run(uri);
    }, delay);
  }

  private async run(uri: string): Promise<void> {
    const doc = this.docs.get(uri);
    if (!doc) return;
    const { version, text } = doc;
    const stale = (): boolean => this.docs.get(uri) !== doc || doc.version !== version;
    const done = analyzeInSteps(uri, text, version, stale, doc.parseCache);
    doc.running = { version, done };
    const a = await done;
    if (doc.running?.done === done) doc.running = null;
    if (!a) return;
    doc.analysis = a;
    const ready = doc.waiters.filter((w) => w.version <= version);
    doc.waiters = doc.waiters.filter((w) => w.version > version);
    for (const w of ready) w.resolve(a);
    this.options.onAnalyzed?.(uri);
  }

  /** A file that is not open, compiled from disk (and cached while it does not change). */
  private fromDisk(path: string): Analysis | null {
    try {
      const st = statSync(path);
      const stamp = `${st.mtimeMs}:${st.size}`;
      const hit = this.disk.get(path);
      if (hit?.stamp === stamp) return hit.analysis;
      const analysis = analyze(pathToFileURL(path).href, readFileSync(path, 'utf8'));
      this.disk.set(path, { stamp, analysis });
      return analysis;
    } catch {
      return null;
    }
  }

  /** The best analysis at hand for a file of the folder: open (even a version behind), else from disk. */
  private anyAnalysis(uri: string): Analysis | null {
    const doc = this.docs.get(uri);
    if (doc) return doc.analysis ?? analyze(uri, doc.text, doc.version);
    const path = uriToPath(uri);
    return path ? this.fromDisk(path) : null;
  }

  /** The .sla files of the folder a document is in (its contract's versions), the document excluded. */
  siblingUris(uri: string): string[] {
    const path = uriToPath(uri);
    if (!path) return [];
    const dir = dirname(path);
    try {
      return readdirSync(dir)
        .filter((f) => CONTRACT.test(f))
        .map((f) => pathToFileURL(join(dir, f)).href)
        .filter((u) => u !== uri);
    } catch {
      return [];
    }
  }

  folder(current: Analysis): FolderView {
    const siblings = this.siblingUris(current.uri)
      .map((u) => this.anyAnalysis(u))
      .filter((a): a is Analysis => a !== null);
    return { current, siblings };
  }

  /** What the folder check finds about this document, given the other versions of its folder. */
  folderFindings(current: Analysis, view: FolderView = this.folder(current)): Diagnostic[] {
    if (view.siblings.length === 0) return [];
    return this.folderCheck([current.compiled, ...view.siblings.map((s) => s.compiled)]).get(current.compiled.file) ?? [];
  }

  /** Every contract file under the given folders (open documents as they are now). */
  async allAnalyses(roots: readonly string[]): Promise<Analysis[]> {
    const uris = new Set(this.docs.keys());
    for (const root of roots) for (const f of walk(root)) uris.add(pathToFileURL(f).href);
    const out: Analysis[] = [];
    for (const uri of uris) {
      const a = this.docs.has(uri) ? await this.analysis(uri) : this.anyAnalysis(uri);
      if (a) out.push(a);
    }
    return out;
  }
}

function walk(dir: string, depth = 0): string[] {
  if (depth > 8) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
    const full = join(dir, e.name);
    if (e.isDirectory()) return walk(full, depth + 1);
    return e.isFile() && CONTRACT.test(e.name) ? [full] : [];
  });
}
