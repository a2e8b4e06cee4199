// The names a contract declares (plans, severities and their aliases, categories, causes,
// channels), indexed once per Contract object for the record validator, with the lists its
// messages show. A record's name matches a declared one ignoring case ("Force-Majeure" is the
// cause force-majeure) and is replaced by the declared id, so verdicts always show the contract's
// spelling; the contract language does not let two declarations differ only by case.

import type { Contract } from '../../compiler/ir';

/** Names to the declared id they stand for. Maps, not objects, so "constructor" is unknown. */
export class DeclaredNames {
  private readonly ids = new Map<string, string>();

  /** Declares `name` for `id`; an earlier declaration keeps the name (an alias never shadows an id). */
  add(name: string, id: string): void {
    if (!this.ids.has(name)) this.ids.set(name, id);
    const folded = name.toLowerCase();
    if (!this.ids.has(folded)) this.ids.set(folded, id);
  }

  /** The declared id `name` means, ignoring case; undefined when it means none. */
  resolve(name: string): string | undefined {
    return this.ids.get(name) ?? this.ids.get(name.toLowerCase());
  }
}

export interface NameIndex {
  /** Plan a record may omit `plan` for; null when the contract has several plans. */
  defaultPlan: string | null;
  plans: DeclaredNames;
  planList: string;
  /** Severity ids and aliases. */
  severities: DeclaredNames;
  severityList: string;
  categories: DeclaredNames;
  categoryList: string;
  causes: DeclaredNames;
  causeList: string;
  /** The channels of the channel rule (a record may name others: the evaluator judges those). */
  channels: DeclaredNames;
  channelRequired: boolean;
  channelList: string;
  /** Declared services and `service/part`s (empty without a services block, where only `default` is accepted). */
  services: DeclaredNames;
  serviceList: string;
  /** Whether outages and maintenance must say which services they affect (the contract declares several). */
  serviceRequired: boolean;
  /** The maintenance kinds any maintenance clause declares. */
  kinds: DeclaredNames;
  kindList: string;
  setups: DeclaredNames;
  setupList: string;
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

function declared(ids: readonly string[]): DeclaredNames {
  const names = new DeclaredNames();
  for (const id of ids) names.add(id, id);
  return names;
}

function kindNames(contract: Contract): Pick<NameIndex, 'kinds' | 'kindList'> {
  const all: string[] = [];
  // Stryker disable next-line ArrayDeclaration: a string in place of the scoped clauses' `?? []` has no kinds, so it adds none
  for (const m of [contract.maintenance, ...(contract.scoped?.maintenance ?? [])]) for (const k of m?.kinds ?? []) if (!all.includes(k)) all.push(k);
  return { kinds: declared(all), kindList: listOf(all) };
}

function serviceNames(contract: Contract): Pick<NameIndex, 'services' | 'serviceList' | 'serviceRequired'> {
  const declaredServices = contract.services ?? [];
  const names = new DeclaredNames();
  if (declaredServices.length === 0) {
    names.add('default', 'default');
    return { services: names, serviceList: 'none (omit "service")', serviceRequired: false };
  }
  const shown: string[] = [];
  for (const s of declaredServices) {
    names.add(s.id, s.id);
    for (const p of s.parts) names.add(`${s.id}/${p.id}`, `${s.id}/${p.id}`);
    shown.push(s.parts.length ? `${s.id} (parts: ${s.parts.map((p) => `${s.id}/${p.id}`).join(', ')})` : s.id);
  }
  return { services: names, serviceList: shown.join(', '), serviceRequired: declaredServices.length > 1 };
}

export function nameIndex(contract: Contract): NameIndex {
  let ix = indexes.get(contract);
  // Stryker disable next-line ConditionalExpression: a memo per contract; an index built again is the same
  if (ix) return ix;
  const planIds = contract.plans.map((p) => p.id);
  const implicit = contract.implicitPlan || planIds.length === 0;
  const severities = declared(contract.severities.map((s) => s.id));
  const aliasText: string[] = [];
  for (const s of contract.severities) {
    for (const a of s.aliases) {
      severities.add(a, s.id);
      aliasText.push(`${a} = ${s.id}`);
    }
  }
  const rule = contract.channels;
  ix = {
    defaultPlan: implicit ? 'default' : planIds.length === 1 ? planIds[0]! : null,
    plans: declared(implicit ? ['default'] : planIds),
    planList: implicit ? 'none (omit "plan")' : listOf(planIds),
    severities,
    severityList: listOf(contract.severities.map((s) => s.id)) + (aliasText.length ? `; aliases: ${aliasText.join(', ')}` : ''),
    categories: declared(contract.categories.map((c) => c.id)),
    categoryList: listOf(contract.categories.map((c) => c.id)),
    causes: declared(contract.causes.map((c) => c.id)),
    causeList: listOf(contract.causes.map((c) => c.id)),
    channels: declared(rule ? rule.channels.map((c) => c.id) : []),
    channelRequired: rule !== null,
    // Stryker disable next-line StringLiteral: the list is shown only when the contract has a channel rule
    channelList: rule ? listOf(rule.channels.map((c) => (c.official ? `${c.id} (official)` : c.id))) : '',
    ...serviceNames(contract),
    ...kindNames(contract),
    setups: declared((contract.setups ?? []).map((s) => s.id)),
    setupList: listOf((contract.setups ?? []).map((s) => s.id)),
  };
  indexes.set(contract, ix);
  return ix;
}
