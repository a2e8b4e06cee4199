// The fields of support tickets on an incident record: region, the instants a clock may start at
// (prioritized, acknowledged), pauses with their reasons, reopenings and updates. Checked against
// the names the contract declares (an undeclared region or pause reason rejects the record).

import type { Contract } from '../../compiler/ir';
import { formatInstant } from '../time';
import type { IncidentRecord, Pause, Reopening } from './record';
import { explainTimestamp, inSupportedRange, parseTimestamp } from './timestamp';
import { quote } from './values';

function time(v: unknown, field: string, out: { error: string | null }): number | null {
  if (v === undefined || v === null) return null;
  const t = parseTimestamp(v as string);
  if (!inSupportedRange(t) && out.error === null) out.error = `field "${field}": ${explainTimestamp(v as string)}`;
  return t;
}

function declaredList(ids: readonly string[]): string {
  return ids.length ? `(declared: ${ids.join(', ')})` : '(the contract declares none)';
}

/**
 * Copies the support fields of `r` (already valid against the schema) onto `rec`; the reason to
 * reject the record, or null. Absent fields stay absent, so incidents of other contracts are untouched.
 */
export function supportFields(r: Record<string, unknown>, rec: IncidentRecord, contract: Contract): string | null {
  const err = { error: null as string | null };
  const zone = contract.timeZone;
  if (r.region !== undefined && r.region !== null) {
    const regions = contract.regions ?? [];
    const want = (r.region as string).toLowerCase();
    const found = regions.find((x) => x.id.toLowerCase() === want);
    if (!found) return `unknown region ${quote(r.region)} ${declaredList(regions.map((x) => x.id))}`;
    rec.region = found.id;
  }
  if (r.zone !== undefined && r.zone !== null) {
    // The customer's zone instead of (or beside) the region: the region whose `zones` list it.
    const zone = r.zone as string;
    // Stryker disable next-line ArrayDeclaration: an element that is no region has no "zones": the zone is of no region, and none lists zones, all the same
    const regions = contract.regions ?? [];
    const found = regions.find((x) => x.zones?.some((z) => z.toLowerCase() === zone.toLowerCase()));
    const mapped = regions.filter((x) => x.zones?.length).map((x) => `${x.id}: ${x.zones!.join(', ')}`);
    if (!found) return `zone ${quote(r.zone)} is of no region ${mapped.length ? `(zones of the regions: ${mapped.join('; ')})` : '(no region of the contract lists zones)'}`;
    if (rec.region !== undefined && rec.region !== null && rec.region !== found.id) return `region ${quote(rec.region)} and zone ${quote(r.zone)} disagree: the zone is of region ${found.id}`;
    rec.region = found.id;
  }
  if (r.environment !== undefined && r.environment !== null) {
    const envs = contract.environments ?? [];
    const want = (r.environment as string).toLowerCase();
    const found = envs.find((x) => x.id.toLowerCase() === want);
    if (!found) return `unknown environment ${quote(r.environment)} ${declaredList(envs.map((x) => x.id))}`;
    rec.environment = found.id;
  }
  if (r.prioritized !== undefined) rec.prioritized = time(r.prioritized, 'prioritized', err);
  if (r.acknowledged !== undefined) rec.acknowledged = time(r.acknowledged, 'acknowledged', err);
  if (Array.isArray(r.pauses)) {
    const reasons = contract.pauseReasons ?? [];
    const pauses: Pause[] = [];
    for (const [i, p] of (r.pauses as Record<string, unknown>[]).entries()) {
      const from = time(p.from, `pauses[${i}].from`, err) as number;
      const to = time(p.to, `pauses[${i}].to`, err);
      if (err.error !== null) return err.error;
      const want = (p.reason as string).toLowerCase();
      const reason = reasons.find((x) => x.id.toLowerCase() === want);
      if (!reason) return `pauses[${i}]: undeclared pause reason ${quote(p.reason)} ${declaredList(reasons.map((x) => x.id))}`;
      if (to !== null && to < from) return `pauses[${i}]: "to" (${formatInstant(to, zone)}) is before "from" (${formatInstant(from, zone)})`;
      pauses.push({ from, to, reason: reason.id });
    }
    rec.pauses = pauses;
  }
  if (Array.isArray(r.reopened)) {
    const list: Reopening[] = [];
    let after = rec.resolved ?? rec.opened;
    for (const [i, o] of (r.reopened as Record<string, unknown>[]).entries()) {
      const at = time(o.at, `reopened[${i}].at`, err) as number;
      const resolved = time(o.resolved, `reopened[${i}].resolved`, err);
      if (err.error !== null) return err.error;
      if (at < after) return `reopened[${i}]: "at" (${formatInstant(at, zone)}) is before the resolution it reopens (${formatInstant(after, zone)})`;
      if (resolved !== null && resolved < at) return `reopened[${i}]: "resolved" (${formatInstant(resolved, zone)}) is before "at" (${formatInstant(at, zone)})`;
      list.push({ at, resolved });
      if (resolved === null && i < (r.reopened as unknown[]).length - 1) return `reopened[${i}] is not resolved, but the ticket is reopened again after it`;
      after = resolved ?? at;
    }
    if (list.length && rec.resolved === null) return `"reopened" is given, but the ticket was never "resolved"`;
    rec.reopened = list;
  }
  if (Array.isArray(r.updates)) {
    const updates: number[] = [];
    for (const [i, u] of (r.updates as unknown[]).entries()) updates.push(time(u, `updates[${i}]`, err) as number);
    // Stryker disable next-line ConditionalExpression: the function returns err.error three lines below all the same, and a rejected record is dropped
    if (err.error !== null) return err.error;
    rec.updates = updates.sort((a, b) => a - b);
  }
  return err.error;
}
