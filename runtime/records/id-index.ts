// Duplicate ids across a stream: which line first used an id, per record type, in a compact
// table that stays small for logs of millions of records.

import type { InputRecord, RecordType, Rejected } from './record';
import { quote } from './values';

/**
 * Ids seen so far, per record type, with the line each first appeared on. A log can hold
 * millions of records, so ids are not kept as strings: each is reduced to a 96-bit fingerprint
 * (three independent 32-bit FNV-1a variants, one mixed with the length) in an open-addressing
 * table of typed arrays, 16 bytes a slot at most half full: about 32 bytes per distinct id,
 * against ~100 for a Map of strings. Two different ids share a fingerprint with probability about
 * n^2 / 2^97 (4e-18 for a million ids), so a "duplicate" is, for any practical log, a duplicate.
 */
class IdIndex {
  private h1s = new Int32Array(1 << 12);
  private h2s = new Int32Array(1 << 12);
  private h3s = new Int32Array(1 << 12);
  private lines = new Int32Array(1 << 12); // 0 = empty slot (lines are 1-based)
  private count = 0;

  /** The line the id was first seen on, or 0 after recording it at `line`. */
  claim(id: string, line: number): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    let h3 = 0x2545f491 ^ id.length;
    // Stryker disable next-line EqualityOperator: one more round, on 0 (charCodeAt past the end is NaN), for every id: the same fingerprint mixed once more
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
      h3 = Math.imul(h3 ^ c, 0x5bd1e995) ^ (h3 >>> 13);
    }
    // Stryker disable next-line EqualityOperator: growing at half full or one id later leaves empty slots either way, and finds the same ids
    if (this.count * 2 >= this.lines.length) this.grow();
    const mask = this.lines.length - 1;
    for (let k = (h1 ^ (h2 >>> 7)) & mask; ; k = (k + 1) & mask) {
      const at = this.lines[k];
      if (at === 0) {
        this.h1s[k] = h1;
        this.h2s[k] = h2;
        this.h3s[k] = h3;
        this.lines[k] = line;
        this.count++;
        return 0;
      }
      if (this.h1s[k] === h1 && this.h2s[k] === h2 && this.h3s[k] === h3) return at;
    }
  }

  private grow(): void {
    const { h1s, h2s, h3s, lines } = this;
    const size = lines.length * 2;
    this.h1s = new Int32Array(size);
    this.h2s = new Int32Array(size);
    this.h3s = new Int32Array(size);
    this.lines = new Int32Array(size);
    const mask = size - 1;
    // Stryker disable next-line EqualityOperator: lines[length] is undefined, and copying that slot writes an empty one
    for (let i = 0; i < lines.length; i++) {
      // Stryker disable next-line ConditionalExpression: copying an empty slot writes an empty slot, which the entries copied after it may take
      if (lines[i] === 0) continue;
      let k = (h1s[i] ^ (h2s[i] >>> 7)) & mask;
      while (this.lines[k] !== 0) k = (k + 1) & mask;
      this.h1s[k] = h1s[i];
      this.h2s[k] = h2s[i];
      this.h3s[k] = h3s[i];
      this.lines[k] = lines[i];
    }
  }
}

/**
 * Tracks ids per record type across a stream. Only accepted records claim their id, so a
 * corrected re-send of a rejected record is accepted.
 */
export class SeenIds {
  private readonly byType: Record<RecordType, IdIndex> = {
    incident: new IdIndex(), outage: new IdIndex(), maintenance: new IdIndex(), requests: new IdIndex(), setup: new IdIndex(), invoice: new IdIndex(), claim: new IdIndex(), report: new IdIndex(), termination: new IdIndex(),
  };

  claim(rec: InputRecord): Rejected | null {
    // A requests or setup record's id is optional: one without is not checked.
    // Stryker disable next-line ConditionalExpression,StringLiteral: '' is never found again anyway: without a character its first hash stays 0x811c9dc5, above the int32 its slot stores
    if (rec.id === '') return null;
    const first = this.byType[rec.type].claim(rec.id, rec.line);
    if (first !== 0) {
      return { line: rec.line, id: rec.id, message: `duplicate ${rec.type} id ${quote(rec.id)} (first on line ${first})` };
    }
    return null;
  }
}
