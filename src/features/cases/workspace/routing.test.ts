import { describe, expect, it } from "vitest";
import { placeOf, routeCase } from "./routing.js";

const ROADS = "00000000-0000-7000-8000-0000000000a1";
const WATER = "00000000-0000-7000-8000-0000000000a2";

const rule = (
  categoryId: string,
  governorateCode: string | null,
  targetStructureId: string,
  municipalityId: string | null = null,
) => ({
  categoryId,
  governorateCode,
  municipalityId,
  targetStructureId,
  assignment: "none" as const,
});
const rules = [
  rule(ROADS, "TN-61", "sfax-roads"),
  rule(ROADS, null, "ministry-roads"),
  rule(WATER, "TN-11", "tunis-water"),
];

describe("routeCase", () => {
  it("sends a category's request from a governorate to that governorate's structure", () => {
    expect(routeCase(rules, { categoryId: ROADS, governorateCode: "TN-61" })).toBe(rules[0]);
  });

  it("falls back to the category's rule for any place", () => {
    expect(routeCase(rules, { categoryId: ROADS, governorateCode: "TN-11" })).toBe(rules[1]);
    expect(routeCase(rules, { categoryId: ROADS, governorateCode: null })).toBe(rules[1]);
  });

  it("routes nothing without a matching rule, nor a request without a category", () => {
    expect(routeCase(rules, { categoryId: WATER, governorateCode: "TN-61" })).toBeNull();
    expect(routeCase(rules, { categoryId: WATER, governorateCode: null })).toBeNull();
    expect(routeCase(rules, { categoryId: null, governorateCode: "TN-61" })).toBeNull();
    expect(routeCase([], { categoryId: ROADS, governorateCode: "TN-61" })).toBeNull();
  });

  it("does not depend on the order of the rules", () => {
    expect(
      routeCase([...rules].reverse(), { categoryId: ROADS, governorateCode: "TN-61" })?.targetStructureId,
    ).toBe("sfax-roads");
  });

  it("prefers the category's rule for the request's municipality, then its governorate's, then any place's", () => {
    const BARDO = "00000000-0000-7000-8000-0000000000b1";
    const TUNIS = "00000000-0000-7000-8000-0000000000b2";
    const placed = [
      rule(ROADS, null, "ministry-roads"),
      rule(ROADS, "TN-11", "tunis-roads"),
      rule(ROADS, "TN-11", "bardo-roads", BARDO),
    ];
    const from = (governorateCode: string | null, municipalityId: string | null) =>
      routeCase(placed, { categoryId: ROADS, governorateCode, municipalityId })?.targetStructureId;
    expect(from("TN-11", BARDO)).toBe("bardo-roads");
    expect(from("TN-11", TUNIS)).toBe("tunis-roads");
    expect(from("TN-11", null)).toBe("tunis-roads");
    expect(from("TN-12", null)).toBe("ministry-roads");
    // A municipality's rule never stands for its whole governorate.
    expect(routeCase(placed.slice(2), { categoryId: ROADS, governorateCode: "TN-11" })).toBeNull();
    expect(placeOf(placed[2]!)).toBe("municipality");
    expect(placeOf(placed[1]!)).toBe("governorate");
    expect(placeOf(placed[0]!)).toBe("any");
  });
});
