// The server in-process over a pair of streams: an internal error in one request is logged to the
// client and answered with an error, and the session goes on.

import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { describe, expect, it } from 'vitest';
import { createConnection, StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/server';
import { contract } from './marked';

describe('the server', () => {
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
