// Checks of the covered services: a service that no availability rule reaches, while others have
// one (its downtime would be judged by nothing). Rules for undeclared services and two rules with
// one scope are reported by lowering (SLA2001, SLA2030).

import { CHECKS } from './codes';
import type { Check } from './context';

const serviceWithoutAvailability: Check = (ctx) => {
  const c = ctx.contract;
  // Stryker disable next-line ArrayDeclaration: without services there are no units either, and no units judge availability
  const services = c.services ?? [];
  // Stryker disable next-line ArrayDeclaration: a word in place of a unit judges no availability, so the check stops
  const units = c.units ?? [];
  // A contract that judges no availability at all (support only) is not reported.
  if (services.length === 0 || !units.some((u) => u.availability)) return;
  for (const s of services) {
    const missing = units.filter((u) => u.service === s.id && !u.availability);
    if (missing.length === 0) continue;
    const parts = missing.filter((u) => u.part !== null).map((u) => u.part!);
    ctx.report.report(
      CHECKS.serviceWithoutAvailability,
      s.span,
      parts.length
        ? `no availability rule applies to ${parts.length === 1 ? 'part' : 'parts'} ${parts.join(', ')} of service ${s.id}: ${parts.length === 1 ? 'its' : 'their'} downtime is judged by nothing`
        : `no availability rule applies to service ${s.id}: its downtime is judged by nothing`,
      { hint: `add \`availability for service ${s.id}\` with its target, or an unscoped \`availability\` clause for every service not covered` },
    );
  }
};

export const serviceChecks: readonly Check[] = [serviceWithoutAvailability];
