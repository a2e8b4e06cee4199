// AST -> IR for incident targets that depend on more than plan x severity: the `environments`
// block, target tables with a scope (`response targets for environment production`, `for channel
// phone`, `for region japan`, `for service compute part read`) and the zones of a region
// (`zones Asia/Tokyo, Asia/Seoul`), by which a record giving the customer's zone finds its region.

import type * as A from '../language/ast';
import { DIAGNOSTICS } from '../language/diagnostics';
import type { Span } from '../language/span';
import type * as I from './ir';
import { describeTargetScope } from './ir';
import { validZone } from './lower-support';
import { find, type LowerContext, nameKey, reject, single, type StatementOf, undeclared } from './lower';
import { mayBeUnread, namedWhereUnread } from './unread';

export function declareEnvironments(s: StatementOf<'environments'>, ctx: LowerContext): void {
  if (!single(ctx, 'environments', s, 'the list of environments')) return;
  const list = (ctx.contract.environments ??= []);
  for (const it of s.items) {
    const prev = list.find((e) => nameKey(e.id) === nameKey(it.id.name));
    if (prev) {
      ctx.report.report(prev.id === it.id.name ? DIAGNOSTICS.duplicateDeclaration : DIAGNOSTICS.caseDuplicate, it.id.span, `environment "${it.id.name}" is declared twice`, {
        related: [{ span: prev.span, message: 'first declared here' }],
      });
      continue;
    }
    list.push({ id: it.id.name, title: it.title?.value ?? null, span: it.span });
  }
}

/**
 * The zones of each region line (pass 1, after the region is declared): IANA names, each of one
 * region only, since a record's zone must name one region (SLA2056 otherwise).
 */
export function declareRegionZones(s: StatementOf<'regions'>, ctx: LowerContext, owners: Map<string, { region: string; span: Span }>): void {
  for (const it of s.items) {
    if (!it.zones) continue;
    const region = find(ctx.regions, it.id.name);
    if (!region || region.span !== it.span) continue;
    const zones: string[] = [];
    for (const z of it.zones) {
      const zone = validZone(ctx, z);
      if (zone === null) continue;
      const prev = owners.get(zone);
      if (prev && prev.region !== region.id) {
        ctx.report.report(DIAGNOSTICS.zoneInTwoRegions, z.span, `zone ${zone} is given for region ${prev.region} and for region ${region.id}: a record in that zone would be of both`, {
          related: [{ span: prev.span, message: `given for ${prev.region} here` }],
          hint: 'give each zone to one region; a record may name its region instead of its zone',
        });
        reject(ctx, z.span);
        continue;
      }
      if (!prev) owners.set(zone, { region: region.id, span: z.span });
      if (!zones.includes(zone)) zones.push(zone);
    }
    region.zones = zones;
  }
}

/** The declared thing a table's scope names, or undefined (reported) when nothing declares it. */
function lowerTargetScope(scope: A.TargetScopeNode, ctx: LowerContext): I.TargetScope | undefined {
  const name = scope.name.name;
  const made = (id: string, part: string | null = null): I.TargetScope => ({ kind: scope.kind, id, part, span: scope.span });
  switch (scope.kind) {
    case 'environment': {
      const list = ctx.contract.environments ?? [];
      const e = list.find((x) => nameKey(x.id) === nameKey(name));
      if (e) return made(e.id);
      if (list.length === 0 && !namedWhereUnread(ctx.contract, name) && !mayBeUnread(ctx.contract, 'environments')) {
        ctx.report.report(DIAGNOSTICS.undeclared, scope.name.span, `environment "${name}" is not declared: the contract has no environments block`, {
          hint: `declare them: environments, then one line each (${name} "Its title")`,
        });
      } else if (list.length) undeclared(ctx, 'environment', name, scope.name.span, list);
      return undefined;
    }
    case 'channel': {
      const list = ctx.contract.channels?.channels ?? [];
      const ch = list.find((x) => nameKey(x.id) === nameKey(name));
      if (ch) return made(ch.id);
      undeclared(ctx, 'channel', name, scope.name.span, list);
      return undefined;
    }
    case 'region': {
      const r = find(ctx.regions, name);
      if (r) return made(r.id);
      undeclared(ctx, 'region', name, scope.name.span, ctx.regions.values());
      return undefined;
    }
    case 'service': {
      const svc = find(ctx.services, name);
      if (!svc) {
        undeclared(ctx, 'service', name, scope.name.span, ctx.services.values());
        return undefined;
      }
      if (!scope.part) return made(svc.id);
      const p = svc.parts.find((x) => nameKey(x.id) === nameKey(scope.part!.name));
      if (p) return made(svc.id, p.id);
      if (!namedWhereUnread(ctx.contract, scope.part.name)) {
        ctx.report.report(DIAGNOSTICS.undeclared, scope.part.span, `service ${svc.id} has no part "${scope.part.name}"`, {
          hint: svc.parts.length ? `its parts: ${svc.parts.map((x) => x.id).join(', ')}` : `declare it under the service: part ${scope.part.name} "..."`,
        });
      }
      return undefined;
    }
  }
}

/**
 * `response targets for environment production`: lowered once every clause is (a table may come
 * before the channels it names). The cells are those of an unscoped table; a second table of the
 * same objective and scope is reported (SLA2055) and left out.
 */
export function lowerScopedTable(
  s: StatementOf<'objective'>,
  scopeNode: A.TargetScopeNode,
  ctx: LowerContext,
  lowerTable: (add: (plan: string, severity: string, cell: A.TargetValueNode) => void) => void,
  lowerDuration: (d: A.DurationNode) => I.Duration,
): void {
  const scope = lowerTargetScope(scopeNode, ctx);
  if (!scope) {
    reject(ctx, s.span);
    return;
  }
  const tables = (ctx.contract.targetTables ??= []);
  const key = describeTargetScope(scope).toLowerCase();
  const prev = tables.find((t) => t.objective === s.objective && describeTargetScope(t.scope).toLowerCase() === key);
  if (prev) {
    ctx.report.report(DIAGNOSTICS.targetTableTwice, s.headerSpan, `the ${s.objective} targets for ${describeTargetScope(scope)} are given twice`, {
      related: [{ span: prev.span, message: 'first given here' }],
      hint: 'keep one table per objective and scope: merge the rows into the first one',
    });
    reject(ctx, s.span);
    return;
  }
  const table: I.TargetTable = { objective: s.objective, scope, targets: [], span: s.headerSpan };
  const cells = new Map<string, Span>();
  lowerTable((plan, severity, cell) => {
    const k = `${plan}/${severity}`;
    const first = cells.get(k);
    if (first) {
      const named = ctx.contract.implicitPlan ? severity : `${plan} / ${severity}`;
      ctx.report.report(DIAGNOSTICS.duplicateDeclaration, cell.span, `the ${s.objective} target of ${named} for ${describeTargetScope(scope)} is given twice`, {
        related: [{ span: first, message: 'first given here' }],
      });
      return;
    }
    cells.set(k, cell.span);
    table.targets.push({
      objective: s.objective,
      plan,
      severity,
      duration: cell.duration ? lowerDuration(cell.duration) : null,
      via: cell.via?.methods.map((m) => m.name) ?? [],
      tableSpan: s.headerSpan,
      span: cell.span,
    });
  });
  tables.push(table);
}
