/**
 * k-means in the plane, deterministic: no random start, ties go to the lowest cluster index, and
 * points are visited in order. Points and centres are x, y interleaved in Float64Arrays.
 */

export interface Clustering {
  /** Centres, x, y interleaved, of the non-empty clusters only. */
  centres: Float64Array;
  /** For each point, the index of its cluster in `centres`. */
  assignment: Int32Array;
  /** Total weight of each cluster. */
  weights: Float64Array;
}

const MAX_ITERATIONS = 50;

function nearest(points: Float64Array, p: number, centres: Float64Array): number {
  const x = points[2 * p] as number;
  const y = points[2 * p + 1] as number;
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let c = 0; c < centres.length / 2; c++) {
    const dx = x - (centres[2 * c] as number);
    const dy = y - (centres[2 * c + 1] as number);
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/**
 * Lloyd's k-means from the given starting centres, weighted (a null weight counts each point once).
 * Clusters left empty are dropped, as Pol.is does.
 */
export function kmeans(points: Float64Array, weights: Float64Array | null, start: Float64Array): Clustering {
  const n = points.length / 2;
  let centres = Float64Array.from(start);
  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false;
    for (let p = 0; p < n; p++) {
      const c = nearest(points, p, centres);
      if (c !== assignment[p]) {
        assignment[p] = c;
        changed = true;
      }
    }
    const k = centres.length / 2;
    const sums = new Float64Array(2 * k);
    const totals = new Float64Array(k);
    for (let p = 0; p < n; p++) {
      const c = assignment[p] as number;
      const w = weights ? (weights[p] as number) : 1;
      sums[2 * c] = (sums[2 * c] as number) + w * (points[2 * p] as number);
      sums[2 * c + 1] = (sums[2 * c + 1] as number) + w * (points[2 * p + 1] as number);
      totals[c] = (totals[c] as number) + w;
    }
    const next = Float64Array.from(centres);
    let empty = false;
    for (let c = 0; c < k; c++) {
      const t = totals[c] as number;
      if (t > 0) {
        next[2 * c] = (sums[2 * c] as number) / t;
        next[2 * c + 1] = (sums[2 * c + 1] as number) / t;
      } else empty = true;
    }
    if (empty) {
      // Drop empty clusters and go on with the others.
      const kept: number[] = [];
      for (let c = 0; c < k; c++)
        if ((totals[c] as number) > 0) kept.push(next[2 * c] as number, next[2 * c + 1] as number);
      centres = Float64Array.from(kept);
      assignment.fill(-1);
      continue;
    }
    const moved = next.some((v, idx) => v !== centres[idx]);
    centres = next;
    if (!changed && !moved) break;
  }
  for (let p = 0; p < n; p++) assignment[p] = nearest(points, p, centres);
  const k = centres.length / 2;
  const totals = new Float64Array(k);
  for (let p = 0; p < n; p++) {
    const c = assignment[p] as number;
    totals[c] = (totals[c] as number) + (weights ? (weights[p] as number) : 1);
  }
  return { centres, assignment, weights: totals };
}

/** Starting centres: the given ones first (a previous update's), then the first distinct points, up to k. */
export function firstDistinct(
  points: Float64Array,
  k: number,
  seeds: Float64Array = new Float64Array(0),
): Float64Array {
  const out: number[] = Array.from(seeds.subarray(0, 2 * k));
  const seen = new Set<string>();
  for (let c = 0; c < out.length / 2; c++) seen.add(`${out[2 * c]},${out[2 * c + 1]}`);
  for (let p = 0; p < points.length / 2 && out.length < 2 * k; p++) {
    const key = `${points[2 * p]},${points[2 * p + 1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(points[2 * p] as number, points[2 * p + 1] as number);
  }
  return Float64Array.from(out);
}

/**
 * Deterministic farthest-first starts for the groups: the heaviest point, then each time the point
 * whose weighted squared distance to the chosen ones is largest (first such point on ties).
 */
export function farthestFirst(points: Float64Array, weights: Float64Array, k: number): Float64Array {
  const n = points.length / 2;
  if (n === 0) return new Float64Array(0);
  let first = 0;
  for (let p = 1; p < n; p++) if ((weights[p] as number) > (weights[first] as number)) first = p;
  const chosen = [first];
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (chosen.length < Math.min(k, n)) {
    const last = chosen[chosen.length - 1] as number;
    let best = -1;
    let bestScore = 0;
    for (let p = 0; p < n; p++) {
      const dx = (points[2 * p] as number) - (points[2 * last] as number);
      const dy = (points[2 * p + 1] as number) - (points[2 * last + 1] as number);
      distance[p] = Math.min(distance[p] as number, dx * dx + dy * dy);
      const score = (distance[p] as number) * (weights[p] as number);
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (best < 0) break; // every point sits on a chosen one
    chosen.push(best);
  }
  return Float64Array.from(chosen.flatMap((p) => [points[2 * p] as number, points[2 * p + 1] as number]));
}

/**
 * Weighted silhouette: each point stands for `weight` participants at the same place, so the mean
 * distance within its cluster divides by (cluster weight − 1). A cluster of one scores 0.
 */
export function silhouette(
  points: Float64Array,
  weights: Float64Array,
  assignment: Int32Array,
  k: number,
): number {
  const n = points.length / 2;
  let total = 0;
  let weightSum = 0;
  const clusterWeight = new Float64Array(k);
  for (let p = 0; p < n; p++) {
    const c = assignment[p] as number;
    clusterWeight[c] = (clusterWeight[c] as number) + (weights[p] as number);
  }
  const sums = new Float64Array(k);
  for (let p = 0; p < n; p++) {
    sums.fill(0);
    for (let q = 0; q < n; q++) {
      if (q === p) continue;
      const d = Math.hypot(
        (points[2 * p] as number) - (points[2 * q] as number),
        (points[2 * p + 1] as number) - (points[2 * q + 1] as number),
      );
      const c = assignment[q] as number;
      sums[c] = (sums[c] as number) + (weights[q] as number) * d;
    }
    const own = assignment[p] as number;
    const w = weights[p] as number;
    weightSum += w;
    const ownWeight = clusterWeight[own] as number;
    if (ownWeight <= 1) continue;
    const a = (sums[own] as number) / (ownWeight - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || (clusterWeight[c] as number) === 0) continue;
      b = Math.min(b, (sums[c] as number) / (clusterWeight[c] as number));
    }
    if (!Number.isFinite(b)) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (w * (b - a)) / m : 0;
  }
  return weightSum > 0 ? total / weightSum : 0;
}
