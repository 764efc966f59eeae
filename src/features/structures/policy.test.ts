import { describe, expect, it } from "vitest";
import { POLICY_ACTORS, STRUCTURE_A, STRUCTURE_B } from "../../core/authz/testing.js";
import { canStructure, type StructureAction, structureAbilities, structureScope } from "./policy.js";

const A = STRUCTURE_A;
const B = STRUCTURE_B;
const ACTORS = POLICY_ACTORS;

// [action, on structure A (or none)] → the actors allowed.
const TABLE: Array<[StructureAction, boolean, string[]]> = [
  ["list", false, ["structure_admin", "other_admin", "platform_admin"]],
  ["create", false, ["platform_admin"]],
  ["view", true, ["structure_admin", "platform_admin"]],
  ["update", true, ["platform_admin"]],
  ["updateDetails", true, ["structure_admin", "platform_admin"]],
  ["move", true, ["platform_admin"]],
  ["retire", true, ["platform_admin"]],
  ["restore", true, ["platform_admin"]],
  ["manageCategories", true, ["structure_admin", "platform_admin"]],
  // Without a structure, only the actions that need none are allowed.
  ["view", false, []],
  ["update", false, []],
  ["retire", false, []],
  ["manageCategories", false, []],
];

describe("structures policy", () => {
  for (const [action, onA, allowed] of TABLE) {
    for (const [name, who] of Object.entries(ACTORS)) {
      const expected = allowed.includes(name);
      it(`${name} ${expected ? "may" : "may not"} ${action}${onA ? " structure A" : ""}`, () => {
        expect(canStructure(who, action, onA ? { id: A } : null)).toBe(expected);
      });
    }
  }

  it("denies an action it does not know", () => {
    expect(canStructure(ACTORS.platform_admin!, "delete" as StructureAction, { id: A })).toBe(false);
    expect(canStructure(ACTORS.structure_admin!, "delete" as StructureAction, { id: A })).toBe(false);
  });

  it("keeps a structure admin to their own structures", () => {
    expect(canStructure(ACTORS.other_admin!, "updateDetails", { id: A })).toBe(false);
    expect(canStructure(ACTORS.other_admin!, "updateDetails", { id: B })).toBe(true);
    expect(structureScope(ACTORS.other_admin!)).toEqual([B]);
    expect(structureScope(ACTORS.platform_admin!)).toBe("all");
    expect(structureScope(ACTORS.agent!)).toEqual([]);
  });

  it("computes the abilities views use", () => {
    expect(structureAbilities(ACTORS.structure_admin!, { id: A })).toEqual({
      view: true,
      update: false,
      updateDetails: true,
      move: false,
      retire: false,
      restore: false,
      manageCategories: true,
    });
  });
});
