import { bestK, chooseK, groupClusterings, type KChoice, matchGroups } from "./groups.js";
import { firstDistinct, kmeans } from "./kmeans.js";
import { extremity, pca, project } from "./pca.js";
import { groupAwareConsensus, priority, type RepnessSide, repness, type VoteCounts, Z_90 } from "./stats.js";
import { buildVoteMatrix, columnMeans, includedParticipants, type VoteLog } from "./votes.js";

/** Base clusters: k-means with this k on the included participants' positions. */
export const BASE_K = 100;
/** Representative statements kept per group (Pol.is keeps 5). */
export const REPNESS_LIMIT = 5;
/** The seed of the PCA's first starts. Fixed: two runs over the same votes give the same map. */
export const PCA_SEED = 20_251_126;

/** What one update leaves for the next, stored in the database as JSON (exact: numbers round-trip). */
export interface OpinionMapState {
  version: 1;
  /** Statement keys, in the order of the components' entries. */
  statements: string[];
  comps: [number[], number[]] | null;
  baseCentres: number[];
  kChoice: KChoice | null;
  nextGroupId: number;
  /** Participant key → group id, for stable identities. */
  groupOf: Record<string, number>;
}

export interface OpinionMapInput {
  /** Participant keys, in a stable order (index = participant index of the votes). */
  participants: string[];
  /** Statement keys, in a stable order (index = statement index of the votes). */
  statements: string[];
  /** Votes in chronological order; the latest vote of a participant on a statement wins. */
  votes: Omit<VoteLog, "participantCount" | "statementCount">;
}

export interface RepresentativeStatement extends RepnessSide {
  statement: number;
  side: "agree" | "disagree";
  /** Agrees (or disagrees) in the group, and votes seen by the group. */
  count: number;
  seen: number;
}

export interface OpinionGroup {
  /** Stable across updates: 0, 1, 2… shown as A, B, C… */
  id: number;
  size: number;
  centre: [number, number];
  representative: RepresentativeStatement[];
  /** Votes on each statement by the group's members. */
  votes: VoteCounts[];
}

export interface StatementFigures {
  agree: number;
  disagree: number;
  pass: number;
  groupAwareConsensus: number;
  extremity: number;
  priority: number;
}

export interface OpinionMapResult {
  participantCount: number;
  statementCount: number;
  /** Participant indices counted in the map, and their positions (x, y interleaved). */
  included: Int32Array;
  positions: Float64Array;
  /** For each participant index: its group id, or −1 when not (yet) counted. */
  groupOf: Int32Array;
  groups: OpinionGroup[];
  statements: StatementFigures[];
  /** Statements every group leans to agree with, by decreasing group-aware consensus. */
  consensus: number[];
  /** Silhouette of every k tried, and the k in use. */
  silhouettes: Record<number, number>;
  k: number;
}

function count(counts: VoteCounts, vote: number): void {
  counts.seen++;
  if (vote > 0) counts.agree++;
  else if (vote < 0) counts.disagree++;
}

/** A group leans to agree with a statement: its smoothed agree rate (A+1)/(S+2) is above one half. */
export function leansToAgree(counts: VoteCounts): boolean {
  return (counts.agree + 1) / (counts.seen + 2) > 0.5;
}

function emptyCounts(n: number): VoteCounts[] {
  return Array.from({ length: n }, () => ({ agree: 0, disagree: 0, seen: 0 }));
}

/** Pol.is's finalize-cmt-stats: a statement's representative side is the one whose two-proportion test is higher. */
function finalise(j: number, a: VoteCounts, sides: ReturnType<typeof repness>): RepresentativeStatement {
  return sides.agree.rTest > sides.disagree.rTest
    ? { ...sides.agree, statement: j, side: "agree", count: a.agree, seen: a.seen }
    : { ...sides.disagree, statement: j, side: "disagree", count: a.disagree, seen: a.seen };
}

/**
 * Pol.is's beats-best-agr?: the statement the group most clearly agrees with, so that each group shows
 * at least one thing it agrees on. By ra·rat·pa·pat once the best so far is representative (ra > 1),
 * by pa·pat otherwise; the first candidate needs pat > Z_90, or ra > 1 and pa > 0.5.
 */
function beatsBestAgree(
  a: VoteCounts,
  s: ReturnType<typeof repness>["agree"],
  best: ReturnType<typeof repness>["agree"] | null,
): boolean {
  if (a.agree === 0 && a.disagree === 0) return false;
  if (best && best.r > 1) return s.r * s.rTest * s.p * s.pTest > best.r * best.rTest * best.p * best.pTest;
  if (best) return s.p * s.pTest > best.p * best.pTest;
  return s.pTest > Z_90 || (s.r > 1 && s.p > 0.5);
}

/**
 * Pol.is's select-rep-comments for one group: the statements passing both tests on a side, best first
 * by ra·rat·pa·pat, at most REPNESS_LIMIT, with the group's best agreed statement at the front, agrees
 * before disagrees; when none passes, the best agreed statement, or else the best by test.
 */
export function selectRepresentative(inGroup: VoteCounts[], rest: VoteCounts[]): RepresentativeStatement[] {
  const sufficient: RepresentativeStatement[] = [];
  let best: RepresentativeStatement | null = null;
  let bestAgree: { j: number; a: VoteCounts; sides: ReturnType<typeof repness> } | null = null;
  for (let j = 0; j < inGroup.length; j++) {
    const a = inGroup[j] as VoteCounts;
    const sides = repness(a, rest[j] as VoteCounts);
    const choice = finalise(j, a, sides);
    if (sides.agree.passes || sides.disagree.passes) sufficient.push(choice);
    if (sufficient.length === 0 && (!best || choice.rTest > best.rTest)) best = choice;
    if (beatsBestAgree(a, sides.agree, bestAgree?.sides.agree ?? null)) bestAgree = { j, a, sides };
  }
  const head = bestAgree ? [finalise(bestAgree.j, bestAgree.a, bestAgree.sides)] : best ? [best] : [];
  if (sufficient.length === 0) return head;
  const top = [
    ...(bestAgree ? head : []),
    ...sufficient
      .filter((s) => s.statement !== bestAgree?.j)
      .sort((x, y) => y.metric - x.metric || x.statement - y.statement),
  ].slice(0, REPNESS_LIMIT);
  return [...top.filter((s) => s.side === "agree"), ...top.filter((s) => s.side === "disagree")];
}

function previousComps(
  state: OpinionMapState | null,
  statements: string[],
): [Float64Array, Float64Array] | undefined {
  if (!state?.comps) return undefined;
  const position = new Map(state.statements.map((key, j) => [key, j]));
  const [a, b] = state.comps;
  const map = (source: number[]) =>
    Float64Array.from(statements, (key) => {
      const j = position.get(key);
      return j === undefined ? 0 : (source[j] ?? 0);
    });
  return [map(a), map(b)];
}

/**
 * One update of the opinion map: a pure, deterministic function of the votes and of the previous
 * update's state (null for the first). Returns the map and the state to store for the next update.
 */
export function computeOpinionMap(
  input: OpinionMapInput,
  state: OpinionMapState | null,
): { result: OpinionMapResult; state: OpinionMapState } {
  const participantCount = input.participants.length;
  const statementCount = input.statements.length;
  const matrix = buildVoteMatrix({ ...input.votes, participantCount, statementCount });
  const included = includedParticipants(matrix);
  const center = columnMeans(matrix, included);
  const components = pca(matrix, included, center, previousComps(state, input.statements), PCA_SEED);
  const positions = project(matrix, included, components);

  // Base clusters, warm-started from the previous update's centres.
  const baseStart = firstDistinct(
    positions,
    Math.min(BASE_K, included.length),
    Float64Array.from(state?.baseCentres ?? []),
  );
  const base =
    included.length > 0
      ? kmeans(positions, null, baseStart)
      : kmeans(new Float64Array(0), null, new Float64Array(0));

  // Groups: weighted k-means of the base centres, k by silhouette with hysteresis.
  const clusterings = groupClusterings(base.centres, base.weights);
  const silhouettes: Record<number, number> = {};
  for (const [k, { silhouette: s }] of clusterings) silhouettes[k] = s;
  const best = bestK(clusterings);
  const kChoice = best === null ? null : chooseK(best, [...clusterings.keys()], state?.kChoice ?? null);
  const chosen = kChoice ? clusterings.get(kChoice.k) : undefined;

  const groupOf = new Int32Array(participantCount).fill(-1);
  const groupCount = chosen ? chosen.clustering.centres.length / 2 : 0;
  const members: string[][] = Array.from({ length: groupCount }, () => []);
  const localOf = new Int32Array(included.length).fill(-1);
  if (chosen) {
    for (let r = 0; r < included.length; r++) {
      const g = chosen.clustering.assignment[base.assignment[r] as number] as number;
      localOf[r] = g;
      members[g]?.push(input.participants[included[r] as number] as string);
    }
  }
  const previousGroupOf = new Map(Object.entries(state?.groupOf ?? {}));
  const matched = matchGroups(members, previousGroupOf, state?.nextGroupId ?? 0);

  // Vote counts per group and statement, and for everyone counted.
  const groupVotes = Array.from({ length: groupCount }, () => emptyCounts(statementCount));
  const totals = emptyCounts(statementCount);
  const centres = Array.from({ length: groupCount }, () => [0, 0, 0]);
  for (let r = 0; r < included.length; r++) {
    const i = included[r] as number;
    const g = localOf[r] as number;
    if (g >= 0) {
      groupOf[i] = matched.ids[g] as number;
      const c = centres[g] as number[];
      c[0] = (c[0] as number) + (positions[2 * r] as number);
      c[1] = (c[1] as number) + (positions[2 * r + 1] as number);
      c[2] = (c[2] as number) + 1;
    }
    for (let k = matrix.rowStart[i] as number; k < (matrix.rowStart[i + 1] as number); k++) {
      const j = matrix.cols[k] as number;
      const v = matrix.vals[k] as number;
      count(totals[j] as VoteCounts, v);
      if (g >= 0) count(groupVotes[g]?.[j] as VoteCounts, v);
    }
  }

  const groups: OpinionGroup[] = [];
  for (let g = 0; g < groupCount; g++) {
    const inGroup = groupVotes[g] as VoteCounts[];
    // Everyone counted is in a group, so "the rest" is everyone counted minus the group.
    const rest = inGroup.map((c, j) => {
      const t = totals[j] as VoteCounts;
      return { agree: t.agree - c.agree, disagree: t.disagree - c.disagree, seen: t.seen - c.seen };
    });
    const c = centres[g] as number[];
    const size = c[2] as number;
    groups.push({
      id: matched.ids[g] as number,
      size,
      centre: [(c[0] as number) / size, (c[1] as number) / size],
      representative: selectRepresentative(inGroup, rest),
      votes: inGroup,
    });
  }
  groups.sort((a, b) => a.id - b.id);

  const extremities = extremity(statementCount, components);
  const statements: StatementFigures[] = totals.map((t, j) => ({
    agree: t.agree,
    disagree: t.disagree,
    pass: t.seen - t.agree - t.disagree,
    groupAwareConsensus: groupAwareConsensus(groups.map((g) => g.votes[j] as VoteCounts)),
    extremity: extremities[j] as number,
    priority: priority(t.agree, t.seen - t.agree - t.disagree, t.seen, extremities[j] as number),
  }));
  const consensus =
    groups.length >= 2
      ? statements
          .map((s, j) => ({ j, s }))
          // Statements every group leans to agree with: in each group g, (A_g+1)/(S_g+2) > 0.5. Overall
          // agreement is not enough: a large group agreeing can hide a smaller one that rejects it.
          .filter(({ j }) => groups.every((g) => leansToAgree(g.votes[j] as VoteCounts)))
          .sort((a, b) => b.s.groupAwareConsensus - a.s.groupAwareConsensus || a.j - b.j)
          .map(({ j }) => j)
      : [];

  const nextState: OpinionMapState = {
    version: 1,
    statements: [...input.statements],
    comps: [Array.from(components.comps[0]), Array.from(components.comps[1])],
    baseCentres: Array.from(base.centres),
    kChoice,
    nextGroupId: matched.nextId,
    groupOf: Object.fromEntries(
      Array.from(included, (i) => [input.participants[i] as string, groupOf[i] as number]).filter(
        ([, g]) => (g as number) >= 0,
      ),
    ),
  };
  return {
    result: {
      participantCount,
      statementCount,
      included,
      positions,
      groupOf,
      groups,
      statements,
      consensus,
      silhouettes,
      k: groupCount,
    },
    state: nextState,
  };
}
