import { inclusionThreshold } from "./stats.js";

/**
 * Votes as parallel typed arrays, in chronological order: participant and statement are indices
 * (0 … participantCount − 1, 0 … statementCount − 1), vote is +1 agree, −1 disagree, 0 pass.
 * Typed arrays keep 100,000 participants × 500 statements within memory (9 bytes a vote).
 */
export interface VoteLog {
  participantCount: number;
  statementCount: number;
  participant: Int32Array;
  statement: Int32Array;
  vote: Int8Array;
}

/**
 * The vote matrix, sparse by participant (compressed rows): row i holds the statements participant i
 * voted on (cols[rowStart[i]] … cols[rowStart[i+1] − 1]) and their latest vote. Missing votes are not
 * stored: filled with the statement's mean, they are 0 once the matrix is centred.
 */
export interface VoteMatrix {
  participantCount: number;
  statementCount: number;
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Int8Array;
}

/** Builds the matrix from the log; when a participant voted twice on a statement, the latest vote wins. */
export function buildVoteMatrix(log: VoteLog): VoteMatrix {
  const { participantCount: p, statementCount: s } = log;
  const n = log.vote.length;
  if (log.participant.length !== n || log.statement.length !== n)
    throw new RangeError("vote log arrays differ in length");
  // Stable counting sort by participant, keeping chronological order within a row.
  const counts = new Int32Array(p + 1);
  for (let e = 0; e < n; e++) {
    const i = log.participant[e] as number;
    const j = log.statement[e] as number;
    if (i < 0 || i >= p || j < 0 || j >= s) throw new RangeError(`vote ${e} is out of range`);
    counts[i + 1] = (counts[i + 1] as number) + 1;
  }
  for (let i = 0; i < p; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const order = new Int32Array(n);
  const next = counts.slice(0, p);
  for (let e = 0; e < n; e++) {
    const i = log.participant[e] as number;
    order[next[i] as number] = e;
    next[i] = (next[i] as number) + 1;
  }
  // Deduplicate each row in place: the first occurrence keeps its slot, later ones overwrite its value.
  const slotOf = new Int32Array(s).fill(-1);
  const rowStart = new Int32Array(p + 1);
  const cols = new Int32Array(n);
  const vals = new Int8Array(n);
  let out = 0;
  for (let i = 0; i < p; i++) {
    rowStart[i] = out;
    const begin = counts[i] as number;
    const end = counts[i + 1] as number;
    for (let k = begin; k < end; k++) {
      const e = order[k] as number;
      const j = log.statement[e] as number;
      const slot = slotOf[j] as number;
      if (slot >= (rowStart[i] as number)) vals[slot] = log.vote[e] as number;
      else {
        slotOf[j] = out;
        cols[out] = j;
        vals[out] = log.vote[e] as number;
        out++;
      }
    }
    // Sorted columns make every later pass independent of vote order.
    sortRow(cols, vals, rowStart[i] as number, out);
  }
  rowStart[p] = out;
  return {
    participantCount: p,
    statementCount: s,
    rowStart,
    cols: cols.slice(0, out),
    vals: vals.slice(0, out),
  };
}

function sortRow(cols: Int32Array, vals: Int8Array, begin: number, end: number): void {
  for (let a = begin + 1; a < end; a++) {
    const c = cols[a] as number;
    const v = vals[a] as number;
    let b = a - 1;
    while (b >= begin && (cols[b] as number) > c) {
      cols[b + 1] = cols[b] as number;
      vals[b + 1] = vals[b] as number;
      b--;
    }
    cols[b + 1] = c;
    vals[b + 1] = v;
  }
}

/** The participants counted in the map (voted on at least min(7, statements) statements), in order. */
export function includedParticipants(matrix: VoteMatrix): Int32Array {
  const threshold = inclusionThreshold(matrix.statementCount);
  const included: number[] = [];
  for (let i = 0; i < matrix.participantCount; i++) {
    const votes = (matrix.rowStart[i + 1] as number) - (matrix.rowStart[i] as number);
    if (votes >= threshold && votes > 0) included.push(i);
  }
  return Int32Array.from(included);
}

/** Each statement's mean vote among the given participants (0 for a statement nobody voted on). */
export function columnMeans(matrix: VoteMatrix, rows: Int32Array): Float64Array {
  const sums = new Float64Array(matrix.statementCount);
  const counts = new Float64Array(matrix.statementCount);
  for (const i of rows) {
    for (let k = matrix.rowStart[i] as number; k < (matrix.rowStart[i + 1] as number); k++) {
      const j = matrix.cols[k] as number;
      sums[j] = (sums[j] as number) + (matrix.vals[k] as number);
      counts[j] = (counts[j] as number) + 1;
    }
  }
  for (let j = 0; j < matrix.statementCount; j++) {
    sums[j] = (counts[j] as number) > 0 ? (sums[j] as number) / (counts[j] as number) : 0;
  }
  return sums;
}
