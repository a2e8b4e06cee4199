// The slac language server: wires the LSP connection to the handlers (plain functions in
// handlers/). An error inside one request is logged to the client and answered with an error; the
// session goes on. `slac lsp --stdio` starts it on standard input and output.

import {
  type Connection,
  createConnection,
  DiagnosticRefreshRequest,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  type InitializeResult,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './analysis';
import { uriToPath } from './analysis';
import { type EvaluationRun, defaultSlacCommand, evaluateContract, evaluationReport, type RecordsSettings, recordsFor, type SlacCommand } from './evaluation';
import { codeActions } from './handlers/code-actions';
import { codeLenses } from './handlers/code-lens';
import { completion, type CompletionSources } from './handlers/completion';
import { type DiagnosticOptions, documentDiagnostics, explanation } from './handlers/diagnostics';
import { formatting } from './handlers/formatting';
import { hover } from './handlers/hover';
import { inlayHints } from './handlers/inlay-hints';
import { definition, documentHighlight, prepareRename, references, rename } from './handlers/navigation';
import { documentSymbols, foldingRanges, selectionRanges, workspaceSymbols } from './handlers/outline';
import { SEMANTIC_LEGEND, SemanticTokensCache } from './handlers/semantic-tokens';
import { defaultSources } from './sources';
import { Workspace } from './workspace';

export interface ServerOptions {
  /** The editor's clock, for "this year's holidays" and the as-of of the Evaluate lens. */
  now?: () => Date;
  /** How to run `slac` for the Evaluate lens. */
  slacCommand?: SlacCommand;
  sources?: CompletionSources;
}

/** Settings the client may give in initializationOptions or as the `slac` configuration section. */
interface Settings extends RecordsSettings {
  debounceMs?: number;
  explainScheme?: string;
}

export const EVALUATION_REPORT = 'slac.evaluationReport';
/** The explanation of a diagnostic code, as `slac check --explain CODE` prints it (markdown). */
export const EXPLAIN = 'slac.explain';

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const sources = options.sources ?? defaultSources();
  const slac = options.slacCommand ?? defaultSlacCommand();
  const documents = new TextDocuments(TextDocument);
  const tokens = new SemanticTokensCache();
  const evaluations = new Map<string, EvaluationRun>();
  let settings: Settings = {};
  let pushDiagnostics = true;
  let roots: string[] = [];
  /** The document's diagnostics and the folder's findings about it (related lines may be in other versions). */
  const diagnosticsOf = (a: Analysis) => {
    const view = workspace.folder(a);
    const options: DiagnosticOptions = { explainScheme: settings.explainScheme, linesOf: (file) => view.siblings.find((s) => s.compiled.file === file)?.compiled.lines };
    return documentDiagnostics(a, workspace.folderFindings(a, view), options);
  };

  const workspace: Workspace = new Workspace({
    debounceMs: 150,
    onAnalyzed: (uri) => {
      const a = workspace.lastAnalysis(uri);
      if (!a) return;
      if (pushDiagnostics) void guarded('publishDiagnostics', () => connection.sendDiagnostics({ uri, version: a.version ?? undefined, diagnostics: diagnosticsOf(a) }));
      else void connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
    },
  });
  const setDebounce = (ms: number | undefined): void => {
    if (typeof ms === 'number' && ms >= 0) workspace.debounceMs = ms;
  };

  /** Runs one request; an internal error is logged and answered as an error, never fatal. */
  async function guarded<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      const err = e as Error;
      connection.console.error(`slac: internal error in ${name}: ${err.stack ?? err.message}`);
      throw new ResponseError(-32603, `slac: internal error in ${name}: ${err.message}`);
    }
  }

  const year = (): number => now().getFullYear();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = { ...(params.initializationOptions as Settings | undefined) };
    setDebounce(settings.debounceMs);
    pushDiagnostics = !params.capabilities.textDocument?.diagnostic;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
    if (roots.length === 0 && params.rootUri) roots = [uriToPath(params.rootUri)].filter((p): p is string => p !== null);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '|', '/'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: { delta: true }, range: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        inlayHintProvider: true,
        codeLensProvider: {},
        executeCommandProvider: { commands: [EVALUATION_REPORT, EXPLAIN] },
        ...(pushDiagnostics ? {} : { diagnosticProvider: { identifier: 'slac', interFileDependencies: true, workspaceDiagnostics: true } }),
      },
      serverInfo: { name: 'slac' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { slac?: Settings } | undefined)?.slac;
    if (!s) return;
    settings = { ...settings, ...s };
    setDebounce(settings.debounceMs);
    evaluations.clear();
    void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  });

  documents.onDidOpen((e) => {
    workspace.open(e.document.uri, e.document.getText(), e.document.version);
    void refreshEvaluation(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (workspace.isOpen(e.document.uri)) workspace.change(e.document.uri, e.document.getText(), e.document.version);
  });
  documents.onDidSave((e) => void refreshEvaluation(e.document.uri));
  documents.onDidClose((e) => {
    workspace.close(e.document.uri);
    tokens.forget(e.document.uri);
    if (pushDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const analysisOf = (uri: string): Promise<Analysis> => workspace.analysis(uri);

  connection.languages.diagnostics.on((p) =>
    guarded('diagnostics', async () => ({ kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(await analysisOf(p.textDocument.uri)) })),
  );
  connection.languages.diagnostics.onWorkspace(() =>
    guarded('workspaceDiagnostics', async () => ({
      items: (await workspace.allAnalyses(roots)).map((a) => ({ uri: a.uri, version: a.version, kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(a) })),
    })),
  );

  connection.onHover((p) => guarded('hover', async () => hover(await analysisOf(p.textDocument.uri), p.position, { year: year() })));
  connection.onCompletion((p) =>
    guarded('completion', () => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return [];
      return completion(doc.getText(), doc.offsetAt(p.position), workspace.lastAnalysis(p.textDocument.uri), sources);
    }),
  );
  connection.onDefinition((p) => guarded('definition', async () => definition(workspace.folder(await analysisOf(p.textDocument.uri)), p.position)));
  connection.onReferences((p) =>
    guarded('references', async () => references(workspace.folder(await analysisOf(p.textDocument.uri)), p.position, p.context.includeDeclaration)),
  );
  connection.onPrepareRename((p) => guarded('prepareRename', async () => prepareRename(await analysisOf(p.textDocument.uri), p.position)));
  connection.onRenameRequest((p) => guarded('rename', async () => rename(workspace.folder(await analysisOf(p.textDocument.uri)), p.position, p.newName)));
  connection.onDocumentHighlight((p) => guarded('documentHighlight', async () => documentHighlight(await analysisOf(p.textDocument.uri), p.position)));
  connection.onDocumentSymbol((p) => guarded('documentSymbol', async () => documentSymbols(await analysisOf(p.textDocument.uri))));
  connection.onWorkspaceSymbol((p) => guarded('workspaceSymbol', async () => workspaceSymbols(await workspace.allAnalyses(roots), p.query)));
  connection.onFoldingRanges((p) => guarded('foldingRange', async () => foldingRanges(await analysisOf(p.textDocument.uri))));
  connection.onSelectionRanges((p) => guarded('selectionRange', async () => selectionRanges(await analysisOf(p.textDocument.uri), p.positions)));
  connection.languages.semanticTokens.on((p) => guarded('semanticTokens', async () => tokens.full(await analysisOf(p.textDocument.uri))));
  connection.languages.semanticTokens.onDelta((p) =>
    guarded('semanticTokensDelta', async () => tokens.delta(await analysisOf(p.textDocument.uri), p.previousResultId)),
  );

  const formatted = async (uri: string, range?: Parameters<typeof formatting>[1]) => {
    const result = formatting(await analysisOf(uri), range);
    if ('refused' in result) {
      void connection.window.showWarningMessage(`slac: ${result.refused}`);
      return [];
    }
    return result.edits;
  };
  connection.onDocumentFormatting((p) => guarded('formatting', () => formatted(p.textDocument.uri)));
  connection.onDocumentRangeFormatting((p) => guarded('rangeFormatting', () => formatted(p.textDocument.uri, p.range)));

  connection.onCodeAction((p) => guarded('codeAction', async () => codeActions(await analysisOf(p.textDocument.uri), p.range, p.context.diagnostics)));
  connection.languages.inlayHint.on((p) => guarded('inlayHint', async () => inlayHints(await analysisOf(p.textDocument.uri), p.range, { year: year() })));
  connection.onCodeLens((p) => guarded('codeLens', async () => codeLenses(await analysisOf(p.textDocument.uri), evaluations.get(p.textDocument.uri) ?? null)));

  connection.onExecuteCommand((p) =>
    guarded('executeCommand', async () => {
      if (p.command === EXPLAIN) return explanation(String(p.arguments?.[0] ?? '').toUpperCase()) ?? `unknown diagnostic code ${p.arguments?.[0]}`;
      if (p.command !== EVALUATION_REPORT) throw new ResponseError(-32601, `unknown command ${p.command}`);
      const [contract, records, asOf] = (p.arguments ?? []) as string[];
      return { markdown: await evaluationReport(slac, contract, records, asOf ?? now().toISOString()) };
    }),
  );

  /** Runs the contract's records through `slac evaluate` (saved files), then asks the client to redraw the lens. */
  async function refreshEvaluation(uri: string): Promise<void> {
    const path = uriToPath(uri);
    if (!path) return;
    const root = roots.find((r) => path.startsWith(r)) ?? null;
    const records = recordsFor(path, root, settings);
    if (!records) return;
    try {
      const run = await evaluateContract(slac, path, records, now().toISOString());
      for (const u of [uri, ...workspace.siblingUris(uri)]) evaluations.set(u, run);
      void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    } catch (e) {
      connection.console.error(`slac: evaluate for the lens failed: ${(e as Error).message}`);
    }
  }

  documents.listen(connection);
  connection.listen();
}

/** `slac lsp --stdio`: the server on standard input and output. */
export function startStdioServer(): void {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection);
}
