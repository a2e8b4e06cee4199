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
    trace: fc.option(
      fc.record(
        {
          clause: text,
          from: text,
          calendar: maybe(text),
          pausedMinutes: minutes,
          started: fc.constant('2026-03-07T22:20:00-05:00'),
          pausedByCalendarMinutes: minutes,
          pausedByReasonMinutes: minutes,
          region: text,
          table: fc.record({ scope: maybe(text), clause: text }),
        },
        { requiredKeys: ['clause', 'from', 'calendar', 'pausedMinutes'] },
      ),
      { nil: undefined },
    ),
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
    services: fc.option(fc.array(text, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    environment: fc.option(text, { nil: undefined }),
    region: fc.option(text, { nil: undefined }),
    note: fc.option(text, { nil: undefined }),
  })
  .map((r) => {
    const { note, services, environment, region, ...rest } = r;
    // In the order evaluateIncident and the session set them.
    const v: IncidentVerdict = { ...rest };
    if (services !== undefined) v.services = services;
    if (environment !== undefined) v.environment = environment;
    if (region !== undefined) v.region = region;
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
