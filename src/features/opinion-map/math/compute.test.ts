import { describe, expect, it } from "vitest";
import {
  computeOpinionMap,
  type OpinionMapInput,
  type OpinionMapState,
  selectRepresentative,
} from "./compute.js";
import { syntheticVotes } from "./synthetic.js";

function conversation(participants: number, statements: number, seed: number, cut = 1): OpinionMapInput {
  const log = syntheticVotes({ participants, statements, density: 0.5, camps: 3, seed });
  const keep = Math.floor(log.vote.length * cut);
  return {
    participants: Array.from({ length: participants }, (_, i) => `p${String(i).padStart(5, "0")}`),
    statements: Array.from({ length: statements }, (_, j) => `s${j}`),
    votes: {
      participant: log.participant.subarray(0, keep),
      statement: log.statement.subarray(0, keep),
      vote: log.vote.subarray(0, keep),
    },
  };
}

/** A result as plain data, so typed arrays compare element by element. */
const plain = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));

describe("computeOpinionMap", () => {
  it("finds the camps people vote in as groups", () => {
    const input = conversation(600, 40, 7);
    const { result } = computeOpinionMap(input, null);
    const log = syntheticVotes({ participants: 600, statements: 40, density: 0.5, camps: 3, seed: 7 });
    expect(result.included.length).toBe(600);
    expect(result.groups.length).toBe(3);
    // each group is (almost) one camp
    for (const group of result.groups) {
      const camps = new Map<number, number>();
      result.groupOf.forEach((g, i) => {
        if (g === group.id) camps.set(log.campOf[i] as number, (camps.get(log.campOf[i] as number) ?? 0) + 1);
      });
      expect(Math.max(...camps.values()) / group.size).toBeGreaterThan(0.95);
      expect(group.representative.length).toBeGreaterThan(0);
    }
    expect(result.groups.reduce((n, g) => n + g.size, 0)).toBe(600);
    // consensus: statements more people agree with than not, by decreasing group-aware consensus
    expect(result.consensus.length).toBeGreaterThan(0);
    for (const j of result.consensus) {
      const s = result.statements[j]!;
      expect((s.agree + 1) / (s.agree + s.disagree + s.pass + 2)).toBeGreaterThan(0.5);
    }
    const gac = result.consensus.map((j) => result.statements[j]!.groupAwareConsensus);
    expect(gac).toEqual([...gac].sort((a, b) => b - a));
  });

  it("gives identical groups on two runs over the same votes", () => {
    const input = conversation(400, 30, 11);
    expect(plain(computeOpinionMap(input, null))).toEqual(plain(computeOpinionMap(input, null)));
  });

  it("gives identical groups after a restart between two updates (state stored as JSON)", () => {
    const first = computeOpinionMap(conversation(400, 30, 13, 0.6), null);
    const restored = JSON.parse(JSON.stringify(first.state)) as OpinionMapState;
    const later = conversation(400, 30, 13);
    expect(plain(computeOpinionMap(later, restored))).toEqual(plain(computeOpinionMap(later, first.state)));
  });

  it("keeps group ids when a few more votes arrive", () => {
    const first = computeOpinionMap(conversation(500, 30, 17, 0.9), null);
    const second = computeOpinionMap(conversation(500, 30, 17), first.state);
    let both = 0;
    let same = 0;
    second.result.groupOf.forEach((g, i) => {
      const before = first.result.groupOf[i] as number;
      if (g < 0 || before < 0) return;
      both++;
      if (g === before) same++;
    });
    expect(both).toBeGreaterThan(400);
    expect(same / both).toBeGreaterThan(0.95);
  });

  it("leaves out those who voted on fewer than min(7, statements) statements", () => {
    const { result } = computeOpinionMap(
      {
        participants: ["a", "b"],
        statements: Array.from({ length: 10 }, (_, j) => `s${j}`),
        votes: {
          participant: Int32Array.from([0, 0, 0, 0, 0, 0, 0, 1]),
          statement: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 0]),
          vote: Int8Array.from([1, 1, 1, 1, -1, 0, 1, 1]),
        },
      },
      null,
    );
    expect(Array.from(result.included)).toEqual([0]);
    expect(result.groups).toEqual([]);
    expect(result.groupOf[1]).toBe(-1);
  });

  it("computes nothing from nothing", () => {
    const { result } = computeOpinionMap(
      {
        participants: [],
        statements: [],
        votes: { participant: new Int32Array(0), statement: new Int32Array(0), vote: new Int8Array(0) },
      },
      null,
    );
    expect(result.groups).toEqual([]);
  });
});

describe("representative statements (Pol.is select-rep-comments)", () => {
  const group = [
    { agree: 9, disagree: 0, seen: 10 },
    { agree: 0, disagree: 9, seen: 10 },
    { agree: 6, disagree: 4, seen: 10 },
  ];
  const rest = [
    { agree: 1, disagree: 9, seen: 10 },
    { agree: 9, disagree: 1, seen: 10 },
    { agree: 6, disagree: 4, seen: 10 },
  ];

  it("keeps the statements passing both tests on a side, the best agreed first, agrees before disagrees", () => {
    const chosen = selectRepresentative(group, rest);
    expect(chosen.map((s) => [s.statement, s.side])).toEqual([
      [0, "agree"],
      [1, "disagree"],
    ]);
    // statement 0: pa = 10/12, pat = 2·√11·(10/11 − 0.5), ra = (10/12)/(2/12) = 5
    expect(Math.abs(chosen[0]!.p - 10 / 12)).toBeLessThan(1e-9);
    expect(Math.abs(chosen[0]!.pTest - 2 * Math.sqrt(11) * (10 / 11 - 0.5))).toBeLessThan(1e-9);
    expect(Math.abs(chosen[0]!.r - 5)).toBeLessThan(1e-9);
  });

  it("falls back to the best statement by test when none passes", () => {
    const chosen = selectRepresentative([group[2]!], [rest[2]!]);
    expect(chosen.map((s) => s.statement)).toEqual([0]);
    expect(chosen[0]!.passes).toBe(false);
  });
});

describe("the consensus of a map built like the demo's", () => {
  // The demo's votes (seed-demo.ts): 150 voters in three camps on 12 statements.
  const log = syntheticVotes({
    participants: 150,
    statements: 12,
    density: 0.8,
    camps: 3,
    seed: 2026,
    loyalty: 0.85,
  });
  const { result } = computeOpinionMap(
    {
      participants: Array.from({ length: 150 }, (_, i) => `voter-${String(i).padStart(3, "0")}`),
      statements: Array.from({ length: 12 }, (_, j) => `s${j}`),
      votes: { participant: log.participant, statement: log.statement, vote: log.vote },
    },
    null,
  );
  const rate = (c: { agree: number; seen: number }) => (c.agree + 1) / (c.seen + 2);

  it("lists only statements every group leans to agree with, by group-aware consensus", () => {
    expect(result.groups.length).toBeGreaterThanOrEqual(2);
    for (const j of result.consensus) {
      for (const g of result.groups) expect(rate(g.votes[j]!)).toBeGreaterThan(0.5);
    }
    // and every statement that all groups lean to agree with is listed
    const all = result.statements
      .map((_, j) => j)
      .filter((j) => result.groups.every((g) => rate(g.votes[j]!) > 0.5));
    expect([...result.consensus].sort((a, b) => a - b)).toEqual(all);
    const gac = result.consensus.map((j) => result.statements[j]!.groupAwareConsensus);
    expect(gac).toEqual([...gac].sort((a, b) => b - a));
  });

  it("leaves out the demo statements one group rejects though most voters agree", () => {
    // s7 "Progress on every project should be published every three months", s8 "The money should go
    // to roads and lighting first": more voters agree than not, yet one group mostly disagrees.
    for (const j of [7, 8]) {
      const s = result.statements[j]!;
      expect((s.agree + 1) / (s.agree + s.disagree + s.pass + 2)).toBeGreaterThan(0.5);
      expect(Math.min(...result.groups.map((g) => rate(g.votes[j]!)))).toBeLessThan(0.5);
      expect(result.consensus).not.toContain(j);
    }
  });
});
