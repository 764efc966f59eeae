import { type Clustering, farthestFirst, kmeans, silhouette } from "./kmeans.js";

/** A new number of groups is adopted only once it has been the best for this many updates in a row (Pol.is's group-k-buffer). */
export const K_BUFFER = 4;

/** The numbers of groups tried: 2 … min(5, 2 + ⌊base clusters / 12⌋), never more than there are base clusters. */
export function candidateKs(baseCount: number): number[] {
  const max = Math.min(5, 2 + Math.floor(baseCount / 12), baseCount);
  const ks: number[] = [];
  for (let k = 2; k <= max; k++) ks.push(k);
  return ks;
}

export interface KChoice {
  /** The number of groups in use. */
  k: number;
  /** The best k of this update when it differs from k, and how many updates in a row it has won. */
  candidate: number | null;
  streak: number;
}

/**
 * Hysteresis on the number of groups: the first update takes the best k; later, a different best k
 * replaces the current one only after K_BUFFER consecutive wins (or at once if the current one is
 * no longer possible).
 */
export function chooseK(best: number, available: number[], previous: KChoice | null): KChoice {
  if (!previous || !available.includes(previous.k)) return { k: best, candidate: null, streak: 0 };
  if (best === previous.k) return { k: previous.k, candidate: null, streak: 0 };
  const streak = previous.candidate === best ? previous.streak + 1 : 1;
  if (streak >= K_BUFFER) return { k: best, candidate: null, streak: 0 };
  return { k: previous.k, candidate: best, streak };
}

/** Weighted k-means of the base-cluster centres for every candidate k, with each k's silhouette. */
export function groupClusterings(
  centres: Float64Array,
  weights: Float64Array,
): Map<number, { clustering: Clustering; silhouette: number }> {
  const out = new Map<number, { clustering: Clustering; silhouette: number }>();
  for (const k of candidateKs(centres.length / 2)) {
    const clustering = kmeans(centres, weights, farthestFirst(centres, weights, k));
    const groupCount = clustering.centres.length / 2;
    if (groupCount < 2) continue;
    out.set(k, { clustering, silhouette: silhouette(centres, weights, clustering.assignment, groupCount) });
  }
  return out;
}

/** The k with the highest silhouette (the smaller k on ties). */
export function bestK(scores: Map<number, { silhouette: number }>): number | null {
  let best: number | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const [k, { silhouette: s }] of [...scores].sort((a, b) => a[0] - b[0])) {
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Stable group identities: gives each new group the id of the previous group it shares the most
 * members with (the assignment maximising the total overlap, searched exhaustively since there are at
 * most five groups), and fresh ids from `nextId` to the others.
 */
export function matchGroups(
  newMembers: string[][],
  previousGroupOf: ReadonlyMap<string, number>,
  nextId: number,
): { ids: number[]; nextId: number } {
  const oldIds = [...new Set(previousGroupOf.values())].sort((a, b) => a - b);
  const overlap = newMembers.map((members) => {
    const counts = new Map<number, number>();
    for (const m of members) {
      const old = previousGroupOf.get(m);
      if (old !== undefined) counts.set(old, (counts.get(old) ?? 0) + 1);
    }
    return counts;
  });
  let best: Array<number | null> = newMembers.map(() => null);
  let bestTotal = -1;
  const current: Array<number | null> = [];
  const used = new Set<number>();
  const search = (g: number, total: number) => {
    if (g === newMembers.length) {
      if (total > bestTotal) {
        bestTotal = total;
        best = [...current];
      }
      return;
    }
    for (const id of oldIds) {
      if (used.has(id)) continue;
      used.add(id);
      current.push(id);
      search(g + 1, total + (overlap[g]?.get(id) ?? 0));
      current.pop();
      used.delete(id);
    }
    current.push(null);
    search(g + 1, total);
    current.pop();
  };
  search(0, 0);
  let next = nextId;
  const ids = best
    .map((id, g) => (id !== null && (overlap[g]?.get(id) ?? 0) > 0 ? id : null))
    .map((id) => id ?? next++);
  return { ids, nextId: next };
}
