import { describe, expect, it } from "vitest";
import { routeCase } from "./routing.js";

const ROADS = "00000000-0000-7000-8000-0000000000a1";
const WATER = "00000000-0000-7000-8000-0000000000a2";

const rule = (categoryId: string, governorateCode: string | null, targetStructureId: string) => ({
  categoryId,
  governorateCode,
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
});
