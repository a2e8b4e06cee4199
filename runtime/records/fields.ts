// The fields each record type has, read from the published schema's own `properties` (so a field
// added to the schema is known at once), and the fields of a record that are not among them, each
// with the known field it was probably meant to be (edit distance, as a did-you-mean).

import { distance } from 'fastest-levenshtein';
import recordsSchema from '../../schemas/records.schema.json' with { type: 'json' };
import type { RecordType } from './record';
import { quote } from './values';

const SCHEMA = recordsSchema as unknown as {
  properties: { type: { enum: RecordType[] } };
  definitions: Record<RecordType, { properties: Record<string, unknown> }>;
};

const FIELDS = Object.fromEntries(
  SCHEMA.properties.type.enum.map((t) => [t, Object.keys(SCHEMA.definitions[t].properties)]),
) as Record<RecordType, string[]>;
const KNOWN = Object.fromEntries(Object.entries(FIELDS).map(([t, f]) => [t, new Set(f)])) as Record<RecordType, Set<string>>;

/** At most this many unknown fields are reported one by one per record; the last names the rest. */
const MAX_PER_RECORD = 10;

/** The known field of `type` nearest to `field`, when it is near enough to be a misspelling. */
export function closestField(type: RecordType, field: string): string | null {
  const f = field.toLowerCase();
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a name of 40 characters or more is at least 28 edits from every field (the longest has 12), so none is near enough either way
  if (f.length > 40) return null;
  let best: string | null = null;
  let bestD = f.length <= 4 ? 2 : 3; // at most 1 edit in a short name, 2 in a longer one
  for (const k of FIELDS[type]) {
    const d = distance(f, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

const memo = new Map<string, string>();

/** `did you mean "resolved"?`, or the fields the type has; remembered: logs repeat the same few. */
function hint(type: RecordType, field: string): string {
  const key = `${type}\u0000${field}`;
  let text = memo.get(key);
  // Stryker disable next-line ConditionalExpression: a memo; computing a remembered hint again gives the same text
  if (text === undefined) {
    const guess = closestField(type, field);
    text = guess ? `did you mean "${guess}"?` : `${a(type)} has ${FIELDS[type].join(', ')}`;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: what the memo keeps only saves time; a hint not kept is computed again, the same
    if (memo.size < 1000 && field.length <= 40) memo.set(key, text);
  }
  return text;
}

function a(type: RecordType): string {
  return type === 'incident' || type === 'outage' ? `an ${type}` : `a ${type}`;
}

export interface UnknownField {
  field: string;
  /** The field as messages show it (JSON, cut short). */
  shown: string;
  /** What it may have been meant to be: a did-you-mean, or the fields the type has. */
  hint: string;
}

/** The fields of `raw` that a record of `type` does not have, in the record's order (none: []). */
export function unknownFields(raw: Record<string, unknown>, type: RecordType): UnknownField[] {
  const known = KNOWN[type];
  let out: UnknownField[] | null = null;
  let extra = 0;
  for (const k of Object.keys(raw)) {
    if (known.has(k)) continue;
    out ??= [];
    if (out.length < MAX_PER_RECORD) out.push({ field: k.length > 100 ? `${k.slice(0, 99)}…` : k, shown: quote(k), hint: hint(type, k) });
    else extra++;
  }
  if (out === null) return [];
  if (extra > 0) out[out.length - 1]!.hint += `; and ${extra} more unknown field${extra === 1 ? '' : 's'}`;
  return out;
}
