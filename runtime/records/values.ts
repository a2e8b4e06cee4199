// How record values are shown in messages: as JSON text, cut short so a huge field cannot flood
// the output.

/** A value as JSON text for a message, cut short so a huge field cannot flood the output. */
export function quote(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 64 ? `${text.slice(0, 60)}…` : text;
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${quote(v)}`;
}
