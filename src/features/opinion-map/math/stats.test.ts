import { describe, expect, it } from "vitest";
import { candidateKs, chooseK, K_BUFFER, matchGroups } from "./groups.js";
import { silhouette } from "./kmeans.js";
import { pca, project } from "./pca.js";
import {
  groupAwareConsensus,
  importance,
  inclusionThreshold,
  priority,
  propTest,
  repness,
  twoPropTest,
  Z_90,
} from "./stats.js";
import { syntheticVotes } from "./synthetic.js";
import { buildVoteMatrix, columnMeans, includedParticipants } from "./votes.js";

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-9);

describe("the Pol.is formulas, against values computed by hand", () => {
  it("one-proportion test: 2·√(n+1)·((s+1)/(n+1) − 0.5)", () => {
    // 3 agrees of 4: 2·√5·(4/5 − 1/2) = 0.6·√5
    close(propTest(3, 4), 1.3416407864998738);
    // 1 of 4: 2·√5·(2/5 − 1/2) = −0.2·√5
    close(propTest(1, 4), -0.44721359549995787);
    close(propTest(0, 0), 1); // 2·√1·(1 − 0.5)
  });

  it("two-proportion test with +1 smoothing", () => {
    // (4/5 − 2/5) / √(0.6·0.4·(1/5 + 1/5)) = 0.4/√0.096
    close(twoPropTest(3, 1, 4, 4), 1.2909944487358056);
    // (4/5 − 2/6) / √(6/11·5/11·(1/5 + 1/6))
    close(twoPropTest(3, 1, 4, 5), 1.5477582354991868);
    // a pooled proportion of 1 gives 0, never a division by zero
    expect(twoPropTest(4, 5, 4, 5)).toBe(0); // everyone agreed, in and out
  });

  it("repness of a statement for a group: pa, pat, ra, rat, the metric, and the disagree side", () => {
    const { agree, disagree } = repness(
      { agree: 3, disagree: 1, seen: 4 },
      { agree: 1, disagree: 3, seen: 5 },
    );
    close(agree.p, 4 / 6);
    close(agree.pTest, 1.3416407864998738);
    close(agree.r, 7 / 3); // (4/6) ÷ (2/7)
    close(agree.rTest, 1.5477582354991868);
    close(agree.metric, 3.230166452157223);
    expect(agree.passes).toBe(true);
    close(disagree.p, 2 / 6);
    close(disagree.pTest, -0.44721359549995787);
    close(disagree.r, 7 / 12); // (2/6) ÷ (4/7)
    close(disagree.rTest, -0.8844332774281064);
    expect(disagree.passes).toBe(false);
  });

  it("a side passes only when both tests exceed 1.2816", () => {
    expect(Z_90).toBe(1.2816);
    // pat = 0.6·√5 ≈ 1.342 passes, but rat against an identical rest is 0
    expect(repness({ agree: 3, disagree: 1, seen: 4 }, { agree: 3, disagree: 1, seen: 4 }).agree.passes).toBe(
      false,
    );
  });

  it("group-aware consensus: the product over groups of (A_g + 1)/(S_g + 2)", () => {
    close(
      groupAwareConsensus([
        { agree: 3, disagree: 1, seen: 4 },
        { agree: 1, disagree: 3, seen: 5 },
      ]),
      4 / 21, // 4/6 · 2/7
    );
    close(groupAwareConsensus([]), 1);
  });

  it("routing priority: ((1 − p)(E + 1)a · (1 + 8·2^(−S/5)))²", () => {
    // A = 2, P = 1, S = 4, E = 0.5: p = 2/6, a = 3/6, importance = 2/3 · 1.5 · 1/2 = 0.5
    close(importance(2, 1, 4, 0.5), 0.5);
    close(priority(2, 1, 4, 0.5), 7.825428353085646);
    // an unseen statement comes first: (1/2 · 1 · 1/2 · 9)² = 5.0625
    close(priority(0, 0, 0, 0), 5.0625);
  });

  it("weighted silhouette", () => {
    // (0,0) and (1,0) together, (10,0) alone: s = 0.9, 8/9 and 0
    const points = Float64Array.from([0, 0, 1, 0, 10, 0]);
    close(
      silhouette(points, Float64Array.from([1, 1, 1]), Int32Array.from([0, 0, 1]), 2),
      0.5962962962962962,
    );
  });
});

describe("the vote matrix", () => {
  const log = (rows: Array<[number, number, number]>, participantCount: number, statementCount: number) => ({
    participantCount,
    statementCount,
    participant: Int32Array.from(rows.map((r) => r[0])),
    statement: Int32Array.from(rows.map((r) => r[1])),
    vote: Int8Array.from(rows.map((r) => r[2])),
  });

  it("keeps the latest vote of a participant on a statement", () => {
    const matrix = buildVoteMatrix(
      log(
        [
          [0, 1, 1],
          [0, 0, -1],
          [0, 1, -1],
          [1, 0, 0],
          [0, 1, 0],
        ],
        2,
        2,
      ),
    );
    expect(Array.from(matrix.rowStart)).toEqual([0, 2, 3]);
    expect(Array.from(matrix.cols)).toEqual([0, 1, 0]);
    expect(Array.from(matrix.vals)).toEqual([-1, 0, 0]);
  });

  it("includes a participant once they voted on min(7, number of statements) statements", () => {
    expect(inclusionThreshold(3)).toBe(3);
    expect(inclusionThreshold(7)).toBe(7);
    expect(inclusionThreshold(500)).toBe(7);
    // 10 statements: participant 0 voted on 7, participant 1 on 6 (one twice)
    const rows: Array<[number, number, number]> = [];
    for (let j = 0; j < 7; j++) rows.push([0, j, 1]);
    for (let j = 0; j < 6; j++) rows.push([1, j, -1]);
    rows.push([1, 5, 1]);
    expect(Array.from(includedParticipants(buildVoteMatrix(log(rows, 2, 10))))).toEqual([0]);
    // 3 statements: three votes are enough
    expect(
      Array.from(
        includedParticipants(
          buildVoteMatrix(
            log(
              [
                [0, 0, 1],
                [0, 1, 1],
                [0, 2, 0],
                [1, 0, 1],
              ],
              2,
              3,
            ),
          ),
        ),
      ),
    ).toEqual([0]);
  });

  it("fills missing votes with the statement's mean, so they vanish once centred", () => {
    const matrix = buildVoteMatrix(
      log(
        [
          [0, 0, 1],
          [1, 0, 0],
          [2, 0, -1],
          [0, 1, 1],
          [1, 1, 1],
        ],
        3,
        2,
      ),
    );
    const means = columnMeans(matrix, Int32Array.from([0, 1, 2]));
    close(means[0] as number, 0);
    close(means[1] as number, 1);
  });
});

describe("PCA and the projection", () => {
  it("finds the direction along which people divide", () => {
    // two people who disagree on everything: the first component is (1, 1)/√2
    const matrix = buildVoteMatrix({
      participantCount: 2,
      statementCount: 2,
      participant: Int32Array.from([0, 0, 1, 1]),
      statement: Int32Array.from([0, 1, 0, 1]),
      vote: Int8Array.from([1, 1, -1, -1]),
    });
    const rows = Int32Array.from([0, 1]);
    const result = pca(matrix, rows, columnMeans(matrix, rows), undefined, 1);
    close(Math.abs(result.comps[0][0] as number), Math.SQRT1_2);
    close(Math.abs(result.comps[0][1] as number), Math.SQRT1_2);
    close((result.comps[0][0] as number) * (result.comps[0][1] as number), 0.5);
  });

  it("gives the same components whether XᵀX is built once or applied through the sparse matrix", () => {
    const log = syntheticVotes({ participants: 300, statements: 40, density: 0.4, camps: 3, seed: 5 });
    const matrix = buildVoteMatrix(log);
    const rows = includedParticipants(matrix);
    const center = columnMeans(matrix, rows);
    const dense = pca(matrix, rows, center, undefined, 1);
    const sparse = pca(matrix, rows, center, undefined, 1, 0);
    for (const c of [0, 1] as const)
      for (let j = 0; j < 40; j++) close(dense.comps[c][j] as number, sparse.comps[c][j] as number);
  });

  it("scales a participant's projection by √(n statements / max(n votes, 1))", () => {
    const matrix = buildVoteMatrix({
      participantCount: 1,
      statementCount: 2,
      participant: Int32Array.from([0]),
      statement: Int32Array.from([0]),
      vote: Int8Array.from([1]),
    });
    const position = project(matrix, Int32Array.from([0]), {
      center: Float64Array.from([0.5, 0]),
      comps: [Float64Array.from([1, 0]), Float64Array.from([0, 1])],
    });
    // (1 − 0.5)·1 · √(2/1)
    close(position[0] as number, Math.SQRT1_2);
    close(position[1] as number, 0);
  });
});

describe("groups", () => {
  it("tries k = 2 … min(5, 2 + ⌊base clusters / 12⌋)", () => {
    expect(candidateKs(1)).toEqual([]);
    expect(candidateKs(11)).toEqual([2]);
    expect(candidateKs(24)).toEqual([2, 3, 4]);
    expect(candidateKs(100)).toEqual([2, 3, 4, 5]);
  });

  it("adopts a new k only after it wins several updates in a row", () => {
    let choice = chooseK(3, [2, 3], null);
    expect(choice.k).toBe(3);
    for (let update = 1; update < K_BUFFER; update++) {
      choice = chooseK(2, [2, 3], choice);
      expect(choice.k).toBe(3);
    }
    choice = chooseK(2, [2, 3], choice);
    expect(choice.k).toBe(2);
    // an interrupted streak starts again
    choice = chooseK(3, [2, 3], choice);
    choice = chooseK(2, [2, 3], choice);
    choice = chooseK(3, [2, 3], choice);
    expect(choice).toEqual({ k: 2, candidate: 3, streak: 1 });
  });

  it("keeps group identities: a new group takes the id of the old group it overlaps most", () => {
    const previous = new Map([
      ["a", 0],
      ["b", 0],
      ["c", 1],
      ["d", 1],
    ]);
    // the groups come out in the other order, plus a third one
    expect(matchGroups([["c", "d", "e"], ["a", "b"], ["f"]], previous, 2)).toEqual({
      ids: [1, 0, 2],
      nextId: 3,
    });
  });
});
