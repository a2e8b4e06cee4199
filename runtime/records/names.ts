// The names a contract declares (plans, severities and their aliases, categories, causes,
// channels), indexed once per Contract object for the record validator, with the lists its
// messages show.

import type { Contract } from '../../compiler/ir';

export interface NameIndex {
  /** Plan a record may omit `plan` for; null when the contract has several plans. */
  defaultPlan: string | null;
  plans: Set<string>;
  planList: string;
  /** Severity ids and aliases to canonical id. Maps, not objects, so "constructor" is unknown. */
  severities: Map<string, string>;
  severityList: string;
  categories: Set<string>;
  categoryList: string;
  causes: Set<string>;
  causeList: string;
  channelRequired: boolean;
  channelList: string;
}

const indexes = new WeakMap<Contract, NameIndex>();

/** "(declared: a, b)", or what the contract lacks when it declares none. */
export function known(list: string, what: string): string {
  if (list === 'none') return `(the contract declares no ${what})`;
  if (list.startsWith('none (')) return `(the contract declares no ${what}: ${list.slice(6, -1)})`;
  return `(declared: ${list})`;
}

function listOf(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.join(', ');
}

export function nameIndex(contract: Contract): NameIndex {
  let ix = indexes.get(contract);
  if (ix) return ix;
  const planIds = contract.plans.map((p) => p.id);
  const implicit = contract.implicitPlan || planIds.length === 0;
  const severities = new Map<string, string>();
  const aliasText: string[] = [];
  for (const s of contract.severities) severities.set(s.id, s.id);
  for (const s of contract.severities) {
    for (const a of s.aliases) {
      // An alias never shadows a canonical id (the compiler reports such clashes).
      if (!severities.has(a)) severities.set(a, s.id);
      aliasText.push(`${a} = ${s.id}`);
    }
  }
  const rule = contract.channels;
  ix = {
    defaultPlan: implicit ? 'default' : planIds.length === 1 ? planIds[0]! : null,
    plans: new Set(implicit ? ['default'] : planIds),
    planList: implicit ? 'none (omit "plan")' : listOf(planIds),
    severities,
    severityList: listOf(contract.severities.map((s) => s.id)) + (aliasText.length ? `; aliases: ${aliasText.join(', ')}` : ''),
    categories: new Set(contract.categories.map((c) => c.id)),
    categoryList: listOf(contract.categories.map((c) => c.id)),
    causes: new Set(contract.causes.map((c) => c.id)),
    causeList: listOf(contract.causes.map((c) => c.id)),
    channelRequired: rule !== null,
    channelList: rule ? listOf(rule.channels.map((c) => (c.official ? `${c.id} (official)` : c.id))) : '',
  };
  indexes.set(contract, ix);
  return ix;
}
