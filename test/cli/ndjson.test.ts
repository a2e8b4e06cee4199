// The fast NDJSON serializer of incident verdicts writes exactly what JSON.stringify would.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentLine } from '../../cli/formats/ndjson';
import type { IncidentVerdict, ObjectiveVerdict } from '../../runtime/evaluate';

const text = fc.oneof(fc.string(), fc.constantFrom('a"b', 'back\\slash', 'tab\there', 'line\nbreak', '\u2028', '\ud83d\ude00', '\ud800'));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const minutes = fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 1e6, noNaN: true }));

const objective: fc.Arbitrary<ObjectiveVerdict> = fc
  .record({
    objective: fc.constantFrom('response' as const, 'restoration' as const, 'resolution' as const),
    status: fc.constantFrom('met' as const, 'breached' as const, 'pending' as const, 'excluded' as const, 'not-applicable' as const),
    due: maybe(fc.constant('2026-03-08T00:15:00-05:00')),
    target: maybe(text),
    happened: maybe(fc.constant('2026-03-07T23:30:00.250-05:00')),
    elapsedMinutes: maybe(minutes),
    remainingMinutes: maybe(minutes),
    reason: fc.option(text, { nil: undefined }),
    trace: fc.option(fc.record({ clause: text, from: text, calendar: maybe(text), pausedMinutes: minutes }), { nil: undefined }),
  })
  .map((o) => {
    // Optional fields are absent, not undefined, in real verdicts.
    const v: ObjectiveVerdict = { objective: o.objective, status: o.status, due: o.due, target: o.target, happened: o.happened, elapsedMinutes: o.elapsedMinutes, remainingMinutes: o.remainingMinutes };
    if (o.reason !== undefined) v.reason = o.reason;
    if (o.trace !== undefined) v.trace = o.trace;
    return v;
  });

const verdict: fc.Arbitrary<IncidentVerdict> = fc
  .record({
    id: text,
    line: fc.nat(),
    version: text,
    plan: text,
    severity: text,
    category: maybe(text),
    cause: text,
    channel: maybe(text),
    opened: fc.constant('2026-03-07T22:15:00-05:00'),
    excluded: maybe(text),
    objectives: fc.array(objective, { maxLength: 3 }),
    note: fc.option(text, { nil: undefined }),
  })
  .map((r) => {
    const { note, ...rest } = r;
    const v: IncidentVerdict = { ...rest };
    if (note !== undefined) v.note = note;
    return v;
  });

describe('incidentLine', () => {
  it('is byte-identical to JSON.stringify with a leading kind', () => {
    fc.assert(
      fc.property(verdict, (v) => {
        expect(incidentLine(v)).toBe(JSON.stringify({ kind: 'incident', ...v }));
      }),
      { numRuns: 500 },
    );
  });
});
