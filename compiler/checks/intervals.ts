// The one interval routine of the checker: gaps and overlaps of half-open ranges [from, to) over a
// domain. Credit bands (points on the availability axis) and weekly windows (minutes of the week)
// both use it; the caller chooses the point type and its order.

export interface Piece<P, T> {
  from: P;
  to: P;
  /** What the piece belongs to (a band, a window): returned with gaps and overlaps. */
  owner: T;
}

export interface Gap<P, T> {
  from: P;
  to: P;
  /** The piece that ends where the gap starts (null at the start of the domain). */
  before: T | null;
  /** The piece that starts where the gap ends (null at the end of the domain). */
  after: T | null;
}

export interface Overlap<P, T> {
  /** In a cycle, an overlap across the seam ends (`to`) before it starts (`from`). */
  from: P;
  to: P;
  /** Of the pieces starting before `second` (or listed before it at the same start), the one reaching furthest. */
  first: T;
  second: T;
}

export interface Coverage<P, T> {
  gaps: Gap<P, T>[];
  overlaps: Overlap<P, T>[];
}

export interface CoverageOptions {
  /**
   * The domain is a circle (a week): a gap at its end and one at its start are one gap across the
   * seam (its `to` is then before its `from`), and so are a pair's overlap at the end and its
   * overlap at the start. The caller splits a piece that runs over the seam into two pieces of the
   * same owner, and no owner covers the whole cycle.
   */
  cyclic?: boolean;
}

/**
 * Gaps (parts of `domain` no piece covers) and overlaps (the part of a piece that pieces starting
 * before it also cover, one entry per piece) of half-open pieces, clipped to the domain. Empty
 * pieces are ignored: callers report them themselves. Gaps and overlaps come sorted by where they
 * start.
 */
export function coverage<P, T>(
  pieces: readonly Piece<P, T>[],
  domain: { from: P; to: P },
  order: (a: P, b: P) => number,
  options: CoverageOptions = {},
): Coverage<P, T> {
  // Stryker disable next-line EqualityOperator: of two equal points either may be taken
  const max = (a: P, b: P): P => (order(a, b) >= 0 ? a : b);
  // Stryker disable next-line EqualityOperator: of two equal points either may be taken
  const min = (a: P, b: P): P => (order(a, b) <= 0 ? a : b);
  const clipped = pieces
    .map((p) => ({ from: max(p.from, domain.from), to: min(p.to, domain.to), owner: p.owner }))
    .filter((p) => order(p.from, p.to) < 0)
    .sort((a, b) => order(a.from, b.from) || order(a.to, b.to));

  // One sweep in start order finds gaps and overlaps. A piece that starts before the reach of the
  // pieces sorted before it overlaps the one reaching furthest, over every part of it that any
  // earlier piece covers: one overlap per piece, never one per pair, so N pieces over the same
  // time give N - 1 overlaps and the sweep stays linear after the sort.
  const overlaps: Overlap<P, T>[] = [];
  const gaps: Gap<P, T>[] = [];
  // In a cycle, two owners can meet on both sides of the seam: one overlap across it. The overlaps
  // starting at the domain's start, by pair, at their index.
  const heads = new Map<string, number>();
  const ownerIds = new Map<T, number>();
  const idOf = (t: T): number => {
    let id = ownerIds.get(t);
    if (id === undefined) ownerIds.set(t, (id = ownerIds.size));
    return id;
  };
  const addOverlap = (o: Overlap<P, T>): void => {
    if (options.cyclic) {
      // Stryker disable next-line StringLiteral: without the colon, pairs of ids collide only from 124 owners ((1, 123) and (11, 23))
      const key = [idOf(o.first), idOf(o.second)].sort((x, y) => x - y).join(':');
      const head = heads.get(key);
      if (head !== undefined && order(o.to, domain.to) === 0) {
        overlaps[head] = { ...overlaps[head], from: o.from };
        return;
      }
      if (order(o.from, domain.from) === 0) heads.set(key, overlaps.length);
    }
    overlaps.push(o);
  };
  let reach = domain.from;
  let reachOwner: T | null = null;
  for (const p of clipped) {
    if (order(p.from, reach) > 0) gaps.push({ from: reach, to: p.from, before: reachOwner, after: p.owner });
    // A piece starts before the reach only once some piece has set it: reachOwner is then not null.
    else if (reachOwner !== p.owner && order(p.from, reach) < 0) addOverlap({ from: p.from, to: min(reach, p.to), first: reachOwner!, second: p.owner });
    if (order(p.to, reach) > 0) {
      reach = p.to;
      reachOwner = p.owner;
    }
  }
  if (order(reach, domain.to) < 0) gaps.push({ from: reach, to: domain.to, before: reachOwner, after: null });

  if (options.cyclic && gaps.length > 0 && clipped.length > 0) {
    const head = gaps[0];
    const tail = gaps[gaps.length - 1];
    // One gap from the domain's start to its end would be the whole domain, which pieces rule out.
    if (order(head.from, domain.from) === 0 && order(tail.to, domain.to) === 0) {
      // One gap across the seam: it starts at the tail and ends where the head ends.
      gaps.shift();
      gaps[gaps.length - 1] = { from: tail.from, to: head.to, before: tail.before, after: head.after };
    } else {
      // A gap at one end only (a piece starts or ends exactly at the seam): its neighbour across
      // the seam is the first piece (for the tail) or the piece that reaches the end (for the head).
      // Only the gap ending at the domain's end has no piece after it, and only the one starting at
      // its start none before it.
      if (tail.after === null) gaps[gaps.length - 1] = { ...tail, after: clipped[0].owner };
      if (head.before === null) gaps[0] = { ...gaps[0], before: reachOwner };
    }
  }
  return { gaps, overlaps };
}
