// User text (record ids, notes, names and strings of a contract, file names, contract lines) made
// safe to print: a raw newline would let a record forge a line of a report ("response met"), and an
// ESC or OSC sequence would reach the terminal as a command. Every text path prints through here.

// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators, and the bidirectional
// embeddings, overrides and isolates that can make a line read differently from what it holds.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `s` with every control character written as a visible escape (`\n`, `\x1b`, `\u009b`); text
 * without one (nearly all) is returned as it is. Backslashes are left alone, so a Windows path or
 * a contract's own text reads unchanged.
 */
export function visible(s: string): string {
  return CONTROL.test(s) ? s.replace(CONTROLS, escaped) : s;
}

/** `visible` for a text made of lines: its own newlines stay, every other control is escaped. */
export function visibleLines(s: string): string {
  return CONTROL.test(s) ? s.split('\n').map(visible).join('\n') : s;
}
