// One real session, as an editor runs it: `node bin/slac.mjs lsp --stdio` driven over JSON-RPC from
// initialize to exit, through a broken document, its fix, and the requests an editor sends.

import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = join(import.meta.dirname, '../..');

const BROKEN = `contract "Session"
version 1
effective 2026-01-01
time zone America/Bogota

calender business "Business hours"
  monday to friday 08:00 to 18:00

severities
  high "High"

response targets
  | severity | target            |
  | high     | 4 business hours  |

causes
  counted provider
`;
const FIXED = BROKEN.replace('calender', 'calendar');

describe('slac lsp --stdio', () => {
  it('serves a whole session and exits 0 after shutdown and exit', async () => {
    const child = spawn(process.execPath, ['bin/slac.mjs', 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr.on('data', (d) => stderr.push(String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published: { uri: string; version?: number; diagnostics: { code: string; range: unknown }[] }[] = [];
    const waiting: (() => void)[] = [];
    rpc.onNotification('textDocument/publishDiagnostics', (p) => {
      published.push(p);
      for (const w of waiting.splice(0)) w();
    });
    rpc.onRequest('workspace/codeLens/refresh', () => null);
    rpc.onNotification('window/logMessage', () => undefined);
    rpc.listen();
    const diagnosticsFor = async (version: number) => {
      for (;;) {
        const hit = published.find((p) => p.version === version);
        if (hit) return hit;
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    };

    const uri = pathToFileURL(join(ROOT, 'test/fixtures/lsp-session.sla')).href;
    const init = await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    expect((init as { capabilities: Record<string, unknown> }).capabilities).toMatchObject({ hoverProvider: true, renameProvider: { prepareProvider: true } });
    await rpc.sendNotification('initialized', {});

    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sla', version: 1, text: BROKEN } });
    const broken = await diagnosticsFor(1);
    expect(broken.diagnostics.map((d) => d.code)).toContain('SLA1003');

    const doc = TextDocument.create(uri, 'sla', 2, FIXED);
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 8 } }, text: 'calendar' }],
    });
    const fixed = await diagnosticsFor(2);
    expect(fixed.diagnostics.map((d) => d.code)).toEqual([]);

    const pulled = (await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: unknown[] };
    expect(pulled).toEqual({ kind: 'full', items: [] });

    // `business` in `4 business hours`, line 13.
    const at = { line: 13, character: FIXED.split('\n')[13].indexOf('business') + 2 };
    const hover = (await rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: at })) as { contents: { value: string } };
    expect(hover.contents.value).toContain('on calendar business: Mon-Fri 08:00-18:00 America/Bogota');

    const items = (await rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 13, character: 4 } })) as { label: string }[];
    expect(items.map((i) => i.label)).toContain('high');

    const def = (await rpc.sendRequest('textDocument/definition', { textDocument: { uri }, position: at })) as { range: { start: { line: number } } }[];
    expect(def[0].range.start.line).toBe(5);

    const refs = (await rpc.sendRequest('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } })) as unknown[];
    expect(refs).toHaveLength(2);

    const edit = (await rpc.sendRequest('textDocument/rename', { textDocument: { uri }, position: at, newName: 'office' })) as { changes: Record<string, { newText: string }[]> };
    expect(edit.changes[uri].map((e) => e.newText)).toEqual(['office', 'office']);

    const suppress = (await rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [{ range: { start: { line: 5, character: 9 }, end: { line: 5, character: 17 } }, code: 'SLA3501', source: 'slac', message: '' }] },
    })) as { title: string }[];
    expect(suppress.map((a) => a.title)).toContain('Silence SLA3501 on this line (# slac-ignore)');

    const formatted = (await rpc.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as never[];
    const fmt = spawnSync(['bin/slac.mjs', 'fmt', '-'], FIXED);
    expect(TextDocument.applyEdits(doc, formatted)).toBe(fmt);

    const tokens = (await rpc.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[]; resultId: string };
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(50);

    await rpc.sendRequest('shutdown');
    await rpc.sendNotification('exit');
    expect(await exited).toBe(0);
    rpc.dispose();
    expect(stderr.join('')).toBe('');
  });
});

function spawnSync(args: string[], input: string): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, input, encoding: 'utf8' });
}
