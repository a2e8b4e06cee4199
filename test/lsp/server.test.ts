// The server in-process over a pair of streams: an internal error in one request is logged to the
// client and answered with an error, and the session goes on.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { describe, expect, it } from 'vitest';
import { createConnection, StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/server';
import { contract } from './marked';

const ROOT = join(import.meta.dirname, '../..');

function session(options: Parameters<typeof startServer>[1]) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new ServerReader(toServer), new ServerWriter(toClient)), options);
  const rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  rpc.onNotification('textDocument/publishDiagnostics', () => undefined);
  rpc.onNotification('window/logMessage', () => undefined);
  return rpc;
}

describe('the server', () => {
  it('shows the verdict counts of the contract\'s examples on the Evaluate lens, and opens the report', async () => {
    const rpc = session({ slacCommand: [process.execPath, join(ROOT, 'bin/slac.mjs')], now: () => new Date('2026-04-08T14:00:00Z') });
    const refreshed = new Promise<void>((resolve) => rpc.onRequest('workspace/codeLens/refresh', () => (resolve(), null)));
    rpc.listen();
    await rpc.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(ROOT).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    const file = join(ROOT, 'contracts/sagicc/v04.sla');
    const uri = pathToFileURL(file).href;
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sla', version: 1, text: readFileSync(file, 'utf8') } });
    await refreshed;
    const [lens] = (await rpc.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command: { title: string; arguments: string[] } }[];
    expect(lens.command.title).toMatch(/^Evaluate: \d+ met · \d+ breached/);
    expect(lens.command.arguments[1]).toBe(join(ROOT, 'contracts/examples/sagicc-2026-03.ndjson'));
    const report = (await rpc.sendRequest('workspace/executeCommand', { command: 'slac.evaluationReport', arguments: lens.command.arguments })) as { markdown: string };
    expect(report.markdown).toContain('SAGICC Service Level Agreement');
    rpc.dispose();
  });

  it('answers a failing request with an error, logs it, and keeps serving', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const failing = {
      zones: (): string[] => {
        throw new Error('zone list unavailable');
      },
      countries: () => ({}),
    };
    startServer(createConnection(new ServerReader(toServer), new ServerWriter(toClient)), { sources: failing, now: () => new Date('2026-06-01T12:00:00Z') });
    const rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const logged: string[] = [];
    rpc.onNotification('window/logMessage', (m: { message: string }) => logged.push(m.message));
    rpc.onNotification('textDocument/publishDiagnostics', () => undefined);
    rpc.onRequest('workspace/codeLens/refresh', () => null);
    rpc.listen();
    await rpc.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    await rpc.sendNotification('initialized', {});
    const uri = 'untitled:contract';
    const text = contract('severities\n  high "High"\n');
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sla', version: 1, text } });

    await expect(rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 10 } })).rejects.toThrow(
      /internal error in completion: zone list unavailable/,
    );
    expect(logged.some((m) => m.includes('zone list unavailable'))).toBe(true);

    const hover = (await rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 3 } })) as { contents: { value: string } };
    expect(hover.contents.value).toContain('severity **high**');
    rpc.dispose();
  });
});
