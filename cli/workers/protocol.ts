// Messages between `slac evaluate` and its worker threads.

export interface WorkerSetup {
  contract: string;
  cwd: string;
  asOf: number;
  period?: string;
  recordsFile?: string;
  strict?: boolean;
}

export interface BatchRequest {
  seq: number;
  /** The batch's lines joined by "\n" (one string clones as one copy, an array string by string). */
  text: string;
  lines: Int32Array;
  blank: Uint8Array;
  /** Lines rejected unread (too long, not UTF-8), by index in the batch: their text is empty. */
  errors?: Record<number, string>;
}

/** `money`: an invoice, claim or report; its typed record (JSON) is in the output bytes, for the main thread only. */
export const KIND = { blank: 0, rejected: 1, incident: 2, outage: 3, maintenance: 4, requests: 5, setup: 6, money: 7 } as const;
export const FLAG = { listed: 1, breach: 2, countsForReliability: 4 } as const;

export interface BatchResult {
  seq: number;
  kinds: Uint8Array;
  flags: Uint8Array;
  /** The accepted records' ids, UTF-8 (an id may hold any character), with their byte lengths. */
  ids: Uint8Array;
  idLen: Int32Array;
  /** The NDJSON lines of listed verdicts and rejections, UTF-8, each ending with "\n", in order. */
  out: Uint8Array;
  /** Byte length of each record's part of `out` (0 when it writes nothing), its warnings first. */
  outLen: Int32Array;
  /** Of outLen, the bytes of the line's warnings, and how many they are. */
  warnLen: Int32Array;
  warnCount: Int32Array;
  facts: Float64Array;
  factAt: Int32Array;
  /** Why pieces of downtime did not count (an excluded cause, a maintenance rule), by index from facts. */
  reasons: string[];
}
