import { describe, expect, it } from "vitest";
import { type RoutingRule, routeCase } from "./routing.js";

const ROADS = "00000000-0000-7000-8000-0000000000a1";
const WATER = "00000000-0000-7000-8000-0000000000a2";

const rules: RoutingRule[] = [
  { categoryId: ROADS, governorateCode: "TN-61", targetStructureId: "sfax-roads", autoAssign: true },
  { categoryId: ROADS, governorateCode: null, targetStructureId: "ministry-roads", autoAssign: false },
  { categoryId: WATER, governorateCode: "TN-11", targetStructureId: "tunis-water", autoAssign: false },
];

describe("routeCase", () => {
  it("sends a category's request from a governorate to that governorate's structure", () => {
    expect(routeCase(rules, { categoryId: ROADS, governorateCode: "TN-61" })).toEqual({
      structureId: "sfax-roads",
      autoAssign: true,
    });
  });

  it("falls back to the category's rule for any place", () => {
    expect(routeCase(rules, { categoryId: ROADS, governorateCode: "TN-11" })).toEqual({
      structureId: "ministry-roads",
      autoAssign: false,
    });
    expect(routeCase(rules, { categoryId: ROADS, governorateCode: null })).toEqual({
      structureId: "ministry-roads",
      autoAssign: false,
    });
  });

  it("routes nothing without a matching rule, nor a request without a category", () => {
    expect(routeCase(rules, { categoryId: WATER, governorateCode: "TN-61" })).toBeNull();
    expect(routeCase(rules, { categoryId: WATER, governorateCode: null })).toBeNull();
    expect(routeCase(rules, { categoryId: null, governorateCode: "TN-61" })).toBeNull();
    expect(routeCase([], { categoryId: ROADS, governorateCode: "TN-61" })).toBeNull();
  });

  it("does not depend on the order of the rules", () => {
    expect(
      routeCase([...rules].reverse(), { categoryId: ROADS, governorateCode: "TN-61" })?.structureId,
    ).toBe("sfax-roads");
  });
});
