import type { VoteMatrix } from "./votes.js";

/** Two principal components of the centred vote matrix, and the centre (each statement's mean). */
export interface Pca {
  center: Float64Array;
  comps: [Float64Array, Float64Array];
}

const MAX_ITERATIONS = 200;
const TOLERANCE = 1e-12;

/** A small seeded generator (mulberry32): the same seed always gives the same starts. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Above this many statements the S × S covariance would not fit in bounded memory (2,000² doubles = 32 MB). */
const DENSE_LIMIT = 2000;

type Operator = (v: Float64Array) => Float64Array;

/**
 * v ↦ XᵀX v for the given rows of the centred matrix (missing votes are 0 once centred). Up to
 * DENSE_LIMIT statements, XᵀX is built once (Σ votes² per participant, the cheapest for hundreds of
 * statements); beyond, each product goes through the sparse matrix twice.
 */
function covarianceOperator(
  matrix: VoteMatrix,
  rows: Int32Array,
  center: Float64Array,
  denseLimit: number,
): Operator {
  const s = matrix.statementCount;
  if (s <= denseLimit) {
    const cov = new Float64Array(s * s);
    const centred = new Float64Array(s);
    const cols = new Int32Array(s);
    for (const i of rows) {
      const begin = matrix.rowStart[i] as number;
      const n = (matrix.rowStart[i + 1] as number) - begin;
      for (let a = 0; a < n; a++) {
        const j = matrix.cols[begin + a] as number;
        cols[a] = j;
        centred[a] = (matrix.vals[begin + a] as number) - (center[j] as number);
      }
      // Upper triangle only (columns are sorted, so a ≤ b means cols[a] ≤ cols[b]).
      for (let a = 0; a < n; a++) {
        const xa = centred[a] as number;
        if (xa === 0) continue;
        const offset = (cols[a] as number) * s;
        for (let b = a; b < n; b++) {
          const at = offset + (cols[b] as number);
          cov[at] = (cov[at] as number) + xa * (centred[b] as number);
        }
      }
    }
    for (let a = 0; a < s; a++) for (let b = a + 1; b < s; b++) cov[b * s + a] = cov[a * s + b] as number;
    return (v) => {
      const out = new Float64Array(s);
      for (let a = 0; a < s; a++) {
        let sum = 0;
        const offset = a * s;
        for (let b = 0; b < s; b++) sum += (cov[offset + b] as number) * (v[b] as number);
        out[a] = sum;
      }
      return out;
    };
  }
  return (v) => {
    const out = new Float64Array(v.length);
    for (const i of rows) {
      const begin = matrix.rowStart[i] as number;
      const end = matrix.rowStart[i + 1] as number;
      let d = 0;
      for (let k = begin; k < end; k++) {
        const j = matrix.cols[k] as number;
        d += ((matrix.vals[k] as number) - (center[j] as number)) * (v[j] as number);
      }
      if (d === 0) continue;
      for (let k = begin; k < end; k++) {
        const j = matrix.cols[k] as number;
        out[j] = (out[j] as number) + ((matrix.vals[k] as number) - (center[j] as number)) * d;
      }
    }
    return out;
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number);
  return s;
}

function normalise(v: Float64Array): boolean {
  const norm = Math.sqrt(dot(v, v));
  if (!(norm > 0)) return false;
  for (let j = 0; j < v.length; j++) v[j] = (v[j] as number) / norm;
  return true;
}

/** Removes from v its parts along the given unit vectors (Gram–Schmidt). */
function orthogonalise(v: Float64Array, against: Float64Array[]): void {
  for (const u of against) {
    const d = dot(v, u);
    for (let j = 0; j < v.length; j++) v[j] = (v[j] as number) - d * (u[j] as number);
  }
}

/**
 * The leading eigenvector of XᵀX orthogonal to `against`, by power iteration from `start`. Its sign is
 * fixed so it points like `start` did (or, from a seeded start, so its largest entry is positive):
 * the map does not flip between updates.
 */
function powerIteration(
  times: Operator,
  start: Float64Array,
  against: Float64Array[],
  alignWithStart: boolean,
): Float64Array {
  let v: Float64Array = Float64Array.from(start);
  orthogonalise(v, against);
  if (!normalise(v)) return new Float64Array(v.length);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = times(v);
    orthogonalise(next, against);
    if (!normalise(next)) return new Float64Array(v.length);
    let change = 0;
    for (let j = 0; j < v.length; j++) change += ((next[j] as number) - (v[j] as number)) ** 2;
    v = next;
    if (change < TOLERANCE) break;
  }
  let sign = 1;
  if (alignWithStart) sign = dot(v, start) < 0 ? -1 : 1;
  else {
    let largest = 0;
    for (let j = 0; j < v.length; j++)
      if (Math.abs(v[j] as number) > Math.abs(largest)) largest = v[j] as number;
    sign = largest < 0 ? -1 : 1;
  }
  if (sign < 0) for (let j = 0; j < v.length; j++) v[j] = -(v[j] as number);
  return v;
}

/**
 * PCA with two components by power iteration, centred on the column means. It starts from the
 * previous components when there are some (an update), otherwise from seeded pseudo-random vectors.
 */
export function pca(
  matrix: VoteMatrix,
  rows: Int32Array,
  center: Float64Array,
  previous: [Float64Array, Float64Array] | undefined,
  seed: number,
  denseLimit = DENSE_LIMIT,
): Pca {
  const s = matrix.statementCount;
  const random = seededRandom(seed);
  const starts: Float64Array[] = [0, 1].map((c) => {
    const prior = previous?.[c];
    if (prior && prior.length === s && dot(prior, prior) > 0) return prior;
    return Float64Array.from({ length: s }, () => random() - 0.5);
  });
  const aligned = previous !== undefined && previous[0].length === s;
  const times = covarianceOperator(matrix, rows, center, denseLimit);
  const first = powerIteration(times, starts[0] as Float64Array, [], aligned);
  const second = powerIteration(times, starts[1] as Float64Array, [first], aligned);
  return { center, comps: [first, second] };
}

/**
 * Pol.is's sparsity-aware projection: each participant is projected on the votes they cast only,
 * then scaled by √(n statements / max(n votes, 1)) so that people who voted little are not pulled to
 * the centre. Returns x, y interleaved for each of the given rows.
 */
export function project(matrix: VoteMatrix, rows: Int32Array, { center, comps }: Pca): Float64Array {
  const out = new Float64Array(rows.length * 2);
  const [c1, c2] = comps;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const begin = matrix.rowStart[i] as number;
    const end = matrix.rowStart[i + 1] as number;
    let x = 0;
    let y = 0;
    for (let k = begin; k < end; k++) {
      const j = matrix.cols[k] as number;
      const centred = (matrix.vals[k] as number) - (center[j] as number);
      x += centred * (c1[j] as number);
      y += centred * (c2[j] as number);
    }
    const scale = Math.sqrt(matrix.statementCount / Math.max(end - begin, 1));
    out[2 * r] = x * scale;
    out[2 * r + 1] = y * scale;
  }
  return out;
}

/**
 * Each statement's extremity: the length of its own projection as a lone agree vote (Pol.is's
 * comment projection), √S·|1 − mean|·√(c1² + c2²).
 */
export function extremity(statementCount: number, { center, comps }: Pca): Float64Array {
  const out = new Float64Array(statementCount);
  const scale = Math.sqrt(statementCount);
  for (let j = 0; j < statementCount; j++) {
    const c = 1 - (center[j] as number);
    out[j] = scale * Math.abs(c) * Math.hypot(comps[0][j] as number, comps[1][j] as number);
  }
  return out;
}
