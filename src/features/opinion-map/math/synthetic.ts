import { seededRandom } from "./pca.js";
import type { VoteLog } from "./votes.js";

export interface SyntheticOptions {
  participants: number;
  statements: number;
  /** Share of the matrix voted on, 0 … 1. */
  density: number;
  /** Opinion camps: each statement has a stance per camp, and people mostly vote their camp's stance. */
  camps: number;
  seed: number;
  /** How often a vote follows the camp's stance (the rest are random). Default 0.8. */
  loyalty?: number;
}

/**
 * A synthetic conversation in camps, for the benchmark, the determinism tests and the demo. Votes are
 * generated participant by participant; the seed makes it reproducible.
 */
export function syntheticVotes(options: SyntheticOptions): VoteLog & { campOf: Int32Array } {
  const random = seededRandom(options.seed);
  const { participants: p, statements: s, camps } = options;
  const loyalty = options.loyalty ?? 0.8;
  const stance = Int8Array.from({ length: s * camps }, () => Math.floor(random() * 3) - 1);
  const perParticipant = Math.max(1, Math.round(options.density * s));
  const total = p * perParticipant;
  const participant = new Int32Array(total);
  const statement = new Int32Array(total);
  const vote = new Int8Array(total);
  const campOf = new Int32Array(p);
  const order = Int32Array.from({ length: s }, (_, j) => j);
  let e = 0;
  for (let i = 0; i < p; i++) {
    const camp = Math.floor(random() * camps);
    campOf[i] = camp;
    // A partial Fisher–Yates shuffle picks the statements this participant votes on.
    for (let k = 0; k < perParticipant; k++) {
      const pick = k + Math.floor(random() * (s - k));
      const j = order[pick] as number;
      order[pick] = order[k] as number;
      order[k] = j;
      participant[e] = i;
      statement[e] = j;
      vote[e] = random() < loyalty ? (stance[j * camps + camp] as number) : Math.floor(random() * 3) - 1;
      e++;
    }
  }
  return { participantCount: p, statementCount: s, participant, statement, vote, campOf };
}
