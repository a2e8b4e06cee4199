// Hostile text in records and contracts (newlines, CR, ESC and OSC sequences, C1 controls, bidi
// overrides) never reaches a report or the terminal raw: every output format of `slac check` and
// `slac evaluate`, and every message on stderr, shows it escaped, so no line can be forged.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visible } from '../../cli/formats/visible';
import { runSlac } from '../helpers/io';
import { readRepoFile } from '../helpers/ir';

const dir = mkdtempSync(join(tmpdir(), 'slac-controls-'));
const SAGICC = readRepoFile('contracts/sagicc/v04.sla');

/** A control character a report must not print raw; \n and \t are the formats' own. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Colour codes slac itself writes when colours are on. */
const SGR = /\u001b\[[0-9;]*m/g;
const COLOURS: Record<string, string>[] = [{}, { FORCE_COLOR: '1' }];

const CONTROLS = ['\n', '\r', '\t', '\u0000', '\u0007', '\u001b[2J', '\u001b[31m', '\u001b]8;;https://x.example\u0007', '\u001b]0;owned\u001b\\', '\u007f', '\u0085', '\u009b6n', '\u2028', '\u202e'];

/** Text with at least one control character among ordinary characters. */
function hostile(exclude: RegExp = /$^/) {
  return fc
    .tuple(fc.constantFrom(...CONTROLS), fc.array(fc.oneof(fc.constantFrom(...CONTROLS), fc.string({ maxLength: 3 })), { maxLength: 4 }))
    .map(([c, rest]) => `x${c}${rest.join('')}`.replace(exclude, '_'));
}

/** In a contract's "quoted text": no quote, backslash or line break, which would end or break it. */
const inQuotes = hostile(/["\\\r\n]/g);
/** In a file name: no slash or NUL. */
const inFileName = hostile(/[/\u0000]/g);

function assertNoRawControl(what: string, text: string, colours = false): void {
  const plain = colours ? text.replace(SGR, '') : text;
  const found = RAW_CONTROL.exec(plain);
  expect(found, `${what}: raw ${JSON.stringify(found?.[0])} in ${JSON.stringify(plain.slice(Math.max(0, (found?.index ?? 0) - 40), (found?.index ?? 0) + 40))}`).toBeNull();
}

function assertJson(what: string, text: string, lines: boolean): void {
  for (const part of lines ? text.trim().split('\n') : [text]) expect(() => JSON.parse(part), what).not.toThrow();
  expect(/[\u0000-\u0009\u000b-\u001f]/.test(text), `${what}: raw C0 control`).toBe(false);
}

describe('no output format echoes a raw control character', () => {
  it('evaluate and check, every format, with hostile ids, contract strings and file names', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostile(), inQuotes, inQuotes, inFileName, hostile(), async (id, name, basis, fileName, value) => {
        const folder = mkdtempSync(join(dir, 'run-'));
        const contract = join(folder, `${fileName}.sla`);
        writeFileSync(contract, SAGICC.replace('contract "SAGICC Service Level Agreement"', `contract "${name}"`).replace('basis "invoiced value of the affected service"', `basis "${basis}"`));
        const log = join(folder, `log-${n++}.ndjson`);
        const incident = { type: 'incident', id, plan: 'essential', severity: 'critical', opened: '2026-03-16T10:00:00-05:00', responded: '2026-03-16T10:30:00-05:00', cause: 'provider', channel: 'helpdesk' };
        writeFileSync(
          log,
          [
            incident,
            incident, // a duplicate id: rejected, its message names it
            { ...incident, id: `${id}-2`, plan: value }, // an undeclared plan: rejected, the message echoes it
            { type: value, id },
            { type: 'outage', id, start: '2026-03-20T02:00:00-05:00', end: '2026-03-20T09:00:00-05:00', cause: 'provider' },
          ]
            .map((r) => JSON.stringify(r))
            .join('\n'),
        );
        const base = ['evaluate', contract, log, '--as-of', '2026-04-08'];
        for (const format of ['text', 'markdown', 'json', 'ndjson']) {
          for (const env of format === 'text' ? COLOURS : COLOURS.slice(0, 1)) {
            const r = await runSlac([...base, '--format', format], { env });
            expect(r.code, `${format}: ${r.err}`).toBe(3);
            if (format === 'json' || format === 'ndjson') assertJson(format, r.out, format === 'ndjson');
            else assertNoRawControl(format, r.out, 'FORCE_COLOR' in env);
            assertNoRawControl(`${format} stderr`, r.err);
          }
        }
        // Contract text echoed in code frames: a line that does not parse, and a quoted text where a name belongs.
        const broken = join(folder, `${fileName}-broken.sla`);
        writeFileSync(broken, `${SAGICC}\nreliability at most ${value} counted incidents\nprovider ${JSON.stringify(name)} "${basis}"\n`);
        for (const format of ['text', 'github', 'junit', 'json', 'sarif']) {
          for (const env of format === 'text' ? COLOURS : COLOURS.slice(0, 1)) {
            const r = await runSlac(['check', broken, contract, '--format', format], { env });
            expect(r.code, format).toBe(1);
            if (format === 'json' || format === 'sarif') assertJson(format, r.out, false);
            else assertNoRawControl(format, r.out, 'FORCE_COLOR' in env);
            assertNoRawControl(`check ${format} stderr`, r.err);
          }
        }
        // Messages on stderr that echo what was typed.
        for (const argv of [
          ['evaluate', contract, join(folder, `${fileName}.missing`)],
          ['evaluate', contract, log, '--as-of', value],
          ['evaluate', contract, log, `--${value}`],
          ['check', join(folder, value.replace(/[/\u0000]/g, '_'))],
          ['fmt', broken],
        ]) {
          const r = await runSlac(argv);
          expect(r.code).not.toBe(0);
          assertNoRawControl(`${argv[0]} stderr`, r.err);
        }
      }),
      { numRuns: 12, seed: 20260411 },
    );
  }, 240_000);

  it('a record id with a newline cannot forge a "response met" line', async () => {
    const folder = mkdtempSync(join(dir, 'forge-'));
    const log = join(folder, 'forge.ndjson');
    const forged = 'S9\n    response  met            due 2026-03-16T12:00:00-05:00';
    const rec = { type: 'incident', id: forged, plan: 'essential', severity: 'critical', opened: '2026-03-16T10:00:00-05:00', cause: 'provider', channel: 'helpdesk' };
    writeFileSync(log, JSON.stringify(rec));
    const r = await runSlac(['evaluate', 'contracts/sagicc', log, '--as-of', '2026-04-08']);
    expect(r.out).not.toMatch(/^\s+response\s+met/m);
    expect(r.out).toMatch(/^\s+response\s+breached/m);
    expect(r.out).toContain(`  ${visible(forged)}  essential / critical`);
    expect(visible(forged)).toBe('S9\\n    response  met            due 2026-03-16T12:00:00-05:00');
  });
});

describe('visible', () => {
  it('escapes each control character visibly and leaves other text, backslashes included, as it is', () => {
    expect(visible('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(visible('\u001b]0;x\u0007')).toBe('\\x1b]0;x\\x07');
    expect(visible('\u009b\u007f\u2028\u202e')).toBe('\\u009b\\x7f\\u2028\\u202e');
    expect(visible('C:\\contracts\\sagicc — 99.9% “ok” 😀')).toBe('C:\\contracts\\sagicc — 99.9% “ok” 😀');
  });
});
