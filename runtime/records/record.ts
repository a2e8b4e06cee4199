// The typed records the reader yields (instants in epoch ms, names resolved to the contract's
// ids), and the rejection of a line that could not become one.


export interface IncidentRecord {
  type: 'incident';
  id: string;
  /** Plan id; the single plan (or `default` for a contract without plans) when omitted. */
  plan: string;
  /** Canonical severity id (aliases resolved). */
  severity: string;
  category: string | null;
  opened: number;
  responded: number | null;
  restored: number | null;
  resolved: number | null;
  cause: string;
  /** Null only when the contract has no channel rule and the record gave none. */
  channel: string | null;
  /** The services (or `service/part`) it concerns, as the contract declares them; null when not stated. */
  services?: string[] | null;
  line: number;
  // Support SLAs (absent: not given).
  /** The customer's region (a declared region id): `regional` targets count on its calendar. */
  region?: string | null;
  /** When the priority was set, and when the ticket was acknowledged: instants a clock may start at. */
  prioritized?: number | null;
  acknowledged?: number | null;
  /** Intervals in which the ticket waited for a declared pause reason; `to` null: still waiting. */
  pauses?: Pause[];
  /** Each reopening of the ticket, with the resolution of the cycle it started (null: not resolved again). */
  reopened?: Reopening[];
  /** Instants at which the customer was sent an update, sorted. */
  updates?: number[];
  /** The environment it happened in (a declared environment id): tables `for environment X` apply. */
  environment?: string | null;
}

export interface Pause {
  from: number;
  to: number | null;
  reason: string;
}

export interface Reopening {
  at: number;
  resolved: number | null;
}

export interface OutageRecord {
  type: 'outage';
  id: string;
  start: number;
  end: number;
  cause: string;
  /** The services (or `service/part`) it affects, as declared; null = the contract's only service. */
  services?: string[] | null;
  line: number;
}

export interface MaintenanceRecord {
  type: 'maintenance';
  id: string;
  start: number;
  end: number;
  /** Null = no notice was given. */
  notified: number | null;
  acknowledged: number | null;
  /** The kind of maintenance (`emergency`), as declared; absent = planned maintenance. */
  kind?: string;
  /** The services (or `service/part`) it affects, as declared; null = every service. */
  services?: string[] | null;
  line: number;
}

/** Request counts of a service over [start, end), for error-rate downtime. */
export interface RequestsRecord {
  type: 'requests';
  /** Optional in the log: '' when not given (then not checked for duplicates). */
  id: string;
  start: number;
  end: number;
  total: number;
  failed: number;
  /** The service (or `service/part`), as declared; null = the contract's only service. */
  services?: string[] | null;
  line: number;
}

/** The customer had a setup of a service over [from, to) (to null: still has it). */
export interface SetupRecord {
  type: 'setup';
  /** Optional in the log: '' when not given. */
  id: string;
  setup: string;
  from: number;
  to: number | null;
  services?: string[] | null;
  line: number;
}


/** The charge for a service (or a group) for one month: the basis of credits in money. */
export interface InvoiceRecord {
  type: 'invoice';
  id: string;
  /** YYYY-MM. */
  period: string;
  /** The service id as declared; null for a group invoice, or for the only service. */
  service: string | null;
  /** The group id as declared, for an invoice of a group. */
  group: string | null;
  /** Decimal text, as given ("1234.50"). */
  amount: string;
  /** ISO 4217, upper case. */
  currency: string;
  /** YYYY-MM-DD. */
  issued: string;
  /** YYYY-MM-DD, or null while unpaid. */
  paid: string | null;
  line: number;
}

/** The customer's claim of a month's credit. */
export interface ClaimRecord {
  type: 'claim';
  id: string;
  period: string;
  /** The service id as declared; null = the only service. */
  service: string | null;
  /** YYYY-MM-DD. */
  submitted: string;
  line: number;
}

/** The provider's monthly service level report. */
export interface ReportRecord {
  type: 'report';
  id: string;
  period: string;
  submitted: string;
  line: number;
}

/** The end of the agreement. */
export interface TerminationRecord {
  type: 'termination';
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  line: number;
}

export type MoneyRecord = InvoiceRecord | ClaimRecord | ReportRecord | TerminationRecord;

export type InputRecord = IncidentRecord | OutageRecord | MaintenanceRecord | RequestsRecord | SetupRecord | MoneyRecord;
export type RecordType = InputRecord['type'];

export interface Rejected {
  /** 1-based input line (for a JSON array: the line on which the element starts). */
  line: number;
  /** The records file, as the user named it, when the reader was told (see ReadOptions). */
  file?: string;
  id?: string;
  message: string;
}

/** Something in a record that was not used although the record was: a field the schema does not know. */
export interface RecordWarning {
  line: number;
  file?: string;
  id?: string;
  field: string;
  message: string;
}

/** `x` naming its file, placed right after the line (the order in which reports print them). */
export function inFile<T extends Rejected | RecordWarning>(x: T, file: string | undefined): T {
  if (file === undefined) return x;
  const { line, ...rest } = x;
  return { line, file, ...rest } as T;
}

export function isRejected(r: InputRecord | Rejected): r is Rejected {
  return (r as Rejected).message !== undefined;
}
