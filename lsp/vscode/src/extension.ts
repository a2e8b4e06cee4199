// The VS Code client of the slac language server: starts the server bundled with the extension
// (or `slac lsp --stdio` from `slac.path`), shows code explanations, and opens evaluation reports.

import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const EXPLAIN_SCHEME = 'slac-explain';

function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const config = vscode.workspace.getConfiguration('slac');
  const slac = config.get<string>('path');
  if (slac) return { command: slac, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  const node = config.get<string>('nodePath');
  return { module: context.asAbsolutePath('dist/slac.mjs'), args: ['lsp', '--stdio'], transport: TransportKind.stdio, ...(node ? { runtime: node } : {}) };
}

function clientOptions(): LanguageClientOptions {
  const config = vscode.workspace.getConfiguration('slac');
  return {
    documentSelector: [
      { scheme: 'file', language: 'sla' },
      { scheme: 'untitled', language: 'sla' },
    ],
    initializationOptions: { explainScheme: EXPLAIN_SCHEME, records: config.get('evaluate.records') || undefined, debounceMs: config.get('debounceMs') },
    synchronize: { configurationSection: 'slac' },
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = new LanguageClient('slac', 'slac', serverOptions(context), clientOptions());
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // A code's explanation, opened from the link on a diagnostic: slac-explain:SLA3002.
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, {
      provideTextDocumentContent: async (uri) =>
        ((await client?.sendRequest('workspace/executeCommand', { command: 'slac.explain', arguments: [uri.path] })) as string | undefined) ?? uri.path,
    }),
    vscode.commands.registerCommand('slac.openEvaluation', async (contract: string, records: string, asOf: string) => {
      const result = (await client?.sendRequest('workspace/executeCommand', { command: 'slac.evaluationReport', arguments: [contract, records, asOf] })) as
        | { markdown: string }
        | undefined;
      if (!result) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    vscode.commands.registerCommand('slac.restartServer', async () => {
      await client?.stop();
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
