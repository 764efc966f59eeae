import { describe, expect, it } from "vitest";
import { compareLines, poolsOf, type TallyProposal, tally } from "./tally.js";

const p = (code: string, cost: number, districtId: string | null = null): TallyProposal => ({
  id: `id-${code}`,
  code,
  districtId,
  cost,
});

const selected = (r: ReturnType<typeof tally>, i = 0) =>
  r.pools[i]!.lines.filter((l) => l.selected).map((l) => l.code);
const order = (r: ReturnType<typeof tally>, i = 0) => r.pools[i]!.lines.map((l) => `${l.code}:${l.votes}`);

describe("tally (greedy by votes within the amount, published tie-break)", () => {
  it("passes over a proposal that does not fit and keeps walking (hand-computed)", () => {
    // Votes: A 3, B 3, C 3, D 2, E 1. Ties at 3 are broken by cost: C (40), B (50), A (60).
    // 100 → C (60 left) → B (10 left) → A 60 does not fit → D 40 does not fit → E 10 fits (0 left).
    const proposals = [p("P-001", 60), p("P-002", 50), p("P-003", 40), p("P-004", 40), p("P-005", 10)];
    const ballots = [
      ["P-001", "P-002"],
      ["P-001", "P-003"],
      ["P-001", "P-004"],
      ["P-002", "P-003"],
      ["P-002", "P-004"],
      ["P-003", "P-005"],
    ];
    const r = tally([{ districtId: null, amount: 100 }], proposals, ballots);
    expect(order(r)).toEqual(["P-003:3", "P-002:3", "P-001:3", "P-004:2", "P-005:1"]);
    expect(selected(r)).toEqual(["P-003", "P-002", "P-005"]);
    expect(r.pools[0]).toMatchObject({ amount: 100, spent: 100, ballots: 6 });
    expect(r.ballots).toBe(6);
    expect(r.pools[0]!.lines.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it("breaks a tie of votes and cost by code, in code-point order", () => {
    // P-010 and P-004 both have 1 vote and cost 70: P-004 comes first and takes the pool; P-010 no longer fits.
    const r = tally(
      [{ districtId: null, amount: 100 }],
      [p("P-010", 70), p("P-004", 70)],
      [["P-010"], ["P-004"]],
    );
    expect(order(r)).toEqual(["P-004:1", "P-010:1"]);
    expect(selected(r)).toEqual(["P-004"]);
    expect(r.pools[0]!.spent).toBe(70);
  });

  it("never selects a proposal without votes, and ignores unknown or repeated codes on a ballot", () => {
    const r = tally(
      [{ districtId: null, amount: 1000 }],
      [p("P-001", 10), p("P-002", 10)],
      [["P-001", "P-001", "P-999"], []],
    );
    expect(order(r)).toEqual(["P-001:1", "P-002:0"]);
    expect(selected(r)).toEqual(["P-001"]);
    expect(r.ballots).toBe(2);
    expect(r.pools[0]!.ballots).toBe(1);
  });

  it("tallies each district on its own share, and the city-wide pool on what is left", () => {
    const districts = [
      { id: "north", shareMillimes: 100 },
      { id: "south", shareMillimes: 50 },
    ];
    const pools = poolsOf(200, districts);
    expect(pools).toEqual([
      { districtId: "north", amount: 100 },
      { districtId: "south", amount: 50 },
      { districtId: null, amount: 50 },
    ]);
    const proposals = [
      p("N-1", 80, "north"),
      p("N-2", 30, "north"),
      p("N-3", 20, "north"),
      p("S-1", 60, "south"),
      p("S-2", 50, "south"),
      p("C-1", 50),
    ];
    // North: N-1 2 votes, N-2 2, N-3 1 → N-2 (30, cheaper at 2 votes) → N-1 80 does not fit in 70 → N-3 20 fits.
    // South: S-1 3 votes costs 60 > 50, never fits; S-2 1 vote fits. City-wide: C-1 fits exactly.
    const ballots = [["N-1", "N-2", "S-1"], ["N-1", "S-1"], ["N-2", "N-3", "S-1", "C-1"], ["S-2"]];
    const r = tally(pools, proposals, ballots);
    expect(selected(r, 0)).toEqual(["N-2", "N-3"]);
    expect(r.pools[0]).toMatchObject({ spent: 50, ballots: 3 });
    expect(selected(r, 1)).toEqual(["S-2"]);
    expect(r.pools[1]).toMatchObject({ spent: 50, ballots: 4 });
    expect(selected(r, 2)).toEqual(["C-1"]);
    expect(r.pools[2]).toMatchObject({ spent: 50, ballots: 1 });
  });

  it("has no city-wide pool when the districts share the whole amount", () => {
    expect(poolsOf(100, [{ id: "a", shareMillimes: 100 }])).toEqual([{ districtId: "a", amount: 100 }]);
  });

  it("orders by votes, then cost, then code", () => {
    const lines = [
      { votes: 1, cost: 5, code: "B" },
      { votes: 2, cost: 9, code: "Z" },
      { votes: 1, cost: 5, code: "A" },
      { votes: 1, cost: 3, code: "C" },
    ].sort(compareLines);
    expect(lines.map((l) => l.code)).toEqual(["Z", "C", "A", "B"]);
  });
});
