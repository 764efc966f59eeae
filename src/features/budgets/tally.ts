/**
 * The tally of a participatory budget: a pure function of the budget's pools, its accepted
 * proposals and the anonymised ballots, so anyone holding the published ballots gets the same result.
 *
 * The published rule, in each pool (each district, and the city-wide pool of proposals without a
 * district), on its own amount:
 * 1. count each proposal's votes (a ballot gives one vote to each proposal it holds);
 * 2. order the proposals by votes (most first), then by cost (cheaper first), then by code
 *    (in code-point order, "P-002" before "P-010");
 * 3. walk that order: a proposal whose cost fits in what is left of the pool's amount is selected
 *    and its cost taken from it; one that does not fit is passed over, and the walk goes on
 *    (a cheaper proposal further down may still fit).
 */

export interface TallyPool {
  /** The district's id, or null for the city-wide pool. */
  districtId: string | null;
  amount: number;
}

export interface TallyProposal {
  id: string;
  code: string;
  districtId: string | null;
  cost: number;
}

/** A ballot as published: the codes of the proposals it holds. */
export type TallyBallot = readonly string[];

export interface TallyLine {
  id: string;
  code: string;
  cost: number;
  votes: number;
  selected: boolean;
  /** Its place in the pool's order (1 = most votes). */
  rank: number;
}

export interface PoolResult {
  districtId: string | null;
  amount: number;
  spent: number;
  /** How many ballots hold at least one proposal of this pool. */
  ballots: number;
  lines: TallyLine[];
}

export interface TallyResult {
  ballots: number;
  pools: PoolResult[];
}

/** The published tie-break, as a comparator over tally lines. */
export function compareLines(a: Pick<TallyLine, "votes" | "cost" | "code">, b: typeof a): number {
  if (a.votes !== b.votes) return b.votes - a.votes;
  if (a.cost !== b.cost) return a.cost - b.cost;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** What the ballots say, before any selection: how many, each proposal's votes, each pool's ballots. */
export interface TallyCounts {
  ballots: number;
  /** Votes by proposal code. */
  votes: ReadonlyMap<string, number>;
  /** How many ballots hold at least one proposal of each pool, by district id (null: city-wide). */
  poolBallots: ReadonlyMap<string | null, number>;
}

/** Counts the ballots (step 1 of the rule): a ballot gives one vote to each proposal it holds. */
export function countBallots(
  proposals: readonly TallyProposal[],
  ballots: Iterable<TallyBallot>,
): TallyCounts {
  const byCode = new Map(proposals.map((p) => [p.code, p]));
  const votes = new Map<string, number>();
  const poolBallots = new Map<string | null, number>();
  let count = 0;
  for (const ballot of ballots) {
    count++;
    const touched = new Set<string | null>();
    for (const code of new Set(ballot)) {
      const p = byCode.get(code);
      if (!p) continue;
      votes.set(code, (votes.get(code) ?? 0) + 1);
      touched.add(p.districtId);
    }
    for (const d of touched) poolBallots.set(d, (poolBallots.get(d) ?? 0) + 1);
  }
  return { ballots: count, votes, poolBallots };
}

/**
 * Selects the winners from the counts (steps 2 and 3 of the rule). The counts may come from
 * countBallots or from the database's aggregation of the same ballots (queries.ts): the result is
 * the same.
 */
export function selectWinners(
  pools: readonly TallyPool[],
  proposals: readonly TallyProposal[],
  counts: TallyCounts,
): TallyResult {
  return {
    ballots: counts.ballots,
    pools: pools.map((pool) => {
      const lines = proposals
        .filter((p) => p.districtId === pool.districtId)
        .map((p) => ({
          id: p.id,
          code: p.code,
          cost: p.cost,
          votes: counts.votes.get(p.code) ?? 0,
          selected: false,
          rank: 0,
        }))
        .sort(compareLines);
      let left = pool.amount;
      lines.forEach((line, i) => {
        line.rank = i + 1;
        if (line.votes > 0 && line.cost <= left) {
          line.selected = true;
          left -= line.cost;
        }
      });
      return {
        districtId: pool.districtId,
        amount: pool.amount,
        spent: pool.amount - left,
        ballots: counts.poolBallots.get(pool.districtId) ?? 0,
        lines,
      };
    }),
  };
}

export function tally(
  pools: readonly TallyPool[],
  proposals: readonly TallyProposal[],
  ballots: Iterable<TallyBallot>,
): TallyResult {
  return selectWinners(pools, proposals, countBallots(proposals, ballots));
}

/**
 * The pools of a budget: one per district with its share, and the city-wide pool with what is
 * left of the amount (present only when something is left).
 */
export function poolsOf(
  amount: number,
  districts: readonly { id: string; shareMillimes: number }[],
): TallyPool[] {
  const shared = districts.reduce((sum, d) => sum + d.shareMillimes, 0);
  const pools: TallyPool[] = districts.map((d) => ({ districtId: d.id, amount: d.shareMillimes }));
  if (amount - shared > 0) pools.push({ districtId: null, amount: amount - shared });
  return pools;
}
