/**
 * The statistics of the Pol.is math engine (compdemocracy/polis, math/src/polismath/math/stats.clj,
 * repness.clj and conversation.clj), with Sharek's vote signs: agree = +1, disagree = −1, pass = 0.
 * Every count is smoothed by +1 as Pol.is does, so no formula divides by zero.
 */

/** The one-sided 90% threshold of a z-score ("z-sig-90?" in Pol.is). */
export const Z_90 = 1.2816;

/** One-proportion test that successes are more than half: 2·√(n+1)·((succ+1)/(n+1) − 0.5). */
export function propTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/**
 * Two-proportion z-test that the group's proportion exceeds the rest's, each count +1:
 * (p1 − p2) / √(p̂(1 − p̂)(1/n1 + 1/n2)), and 0 when the pooled proportion p̂ is 1.
 */
export function twoPropTest(
  successIn: number,
  successOut: number,
  trialsIn: number,
  trialsOut: number,
): number {
  const s1 = successIn + 1;
  const s2 = successOut + 1;
  const n1 = trialsIn + 1;
  const n2 = trialsOut + 1;
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 1) return 0;
  return (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/** One side (agree or disagree) of a statement's representativeness for one group. */
export interface RepnessSide {
  /** (n+1)/(ns+2): the smoothed probability that the group agrees (or disagrees). */
  p: number;
  /** propTest(n, ns). */
  pTest: number;
  /** p ÷ the same smoothed ratio for everyone outside the group. */
  r: number;
  /** twoPropTest(n, n outside, ns, ns outside). */
  rTest: number;
  /** Both tests beyond Z_90. */
  passes: boolean;
  /** r·rTest·p·pTest: the ranking metric. */
  metric: number;
}

/** Counts of one statement's votes in a group: agrees, disagrees, and all votes seen (with passes). */
export interface VoteCounts {
  agree: number;
  disagree: number;
  seen: number;
}

function side(nIn: number, seenIn: number, nOut: number, seenOut: number): RepnessSide {
  const p = (nIn + 1) / (seenIn + 2);
  const pTest = propTest(nIn, seenIn);
  const r = p / ((nOut + 1) / (seenOut + 2));
  const rTest = twoPropTest(nIn, nOut, seenIn, seenOut);
  return { p, pTest, r, rTest, passes: pTest > Z_90 && rTest > Z_90, metric: r * rTest * p * pTest };
}

/** Pol.is repness of a statement for a group, given the group's counts and the counts of everyone else. */
export function repness(
  inGroup: VoteCounts,
  rest: VoteCounts,
): { agree: RepnessSide; disagree: RepnessSide } {
  return {
    agree: side(inGroup.agree, inGroup.seen, rest.agree, rest.seen),
    disagree: side(inGroup.disagree, inGroup.seen, rest.disagree, rest.seen),
  };
}

/** Group-aware consensus: the product over groups of (A_g + 1)/(S_g + 2). */
export function groupAwareConsensus(groups: readonly VoteCounts[]): number {
  let product = 1;
  for (const g of groups) product *= (g.agree + 1) / (g.seen + 2);
  return product;
}

/**
 * Pol.is importance of a statement: (1 − p)·(E + 1)·a, with p = (P+1)/(S+2) the smoothed pass rate,
 * a = (A+1)/(S+2) the smoothed agree rate and E its extremity on the map.
 */
export function importance(agrees: number, passes: number, seen: number, extremity: number): number {
  const p = (passes + 1) / (seen + 2);
  const a = (agrees + 1) / (seen + 2);
  return (1 - p) * (extremity + 1) * a;
}

/** Pol.is routing priority: (importance·(1 + 8·2^(−S/5)))², so that new statements bubble up. */
export function priority(agrees: number, passes: number, seen: number, extremity: number): number {
  const value = importance(agrees, passes, seen, extremity) * (1 + 8 * 2 ** (-seen / 5));
  return value * value;
}

/** A participant counts in the map once they voted on at least min(7, number of statements) statements. */
export function inclusionThreshold(statementCount: number): number {
  return Math.min(7, statementCount);
}
