import { describe, expect, it } from "vitest";
import type { StaffRole } from "../../core/authz/actor.js";
import { ME, POLICY_ACTORS, STRUCTURE_A, STRUCTURE_B } from "../../core/authz/testing.js";
import { canPlatformAdmins, canStaff, grantableRoles, type StaffAction, staffScope } from "./policy.js";

const A = STRUCTURE_A;
const B = STRUCTURE_B;
const OTHER = "00000000-0000-7000-8000-000000000002";
const ACTORS = POLICY_ACTORS;

// [action, role granted or revoked, whose membership] → the actors allowed, in structure A.
const TABLE: Array<[StaffAction, StaffRole | undefined, string | undefined, string[]]> = [
  ["list", undefined, undefined, ["structure_admin", "platform_admin"]],
  ["invite", "agent", undefined, ["structure_admin", "platform_admin"]],
  ["invite", "moderator", undefined, ["structure_admin", "platform_admin"]],
  ["invite", "structure_admin", undefined, ["structure_admin", "platform_admin"]],
  ["invite", "integrity_officer", undefined, ["platform_admin"]],
  ["invite", undefined, undefined, []],
  ["revoke", "agent", OTHER, ["structure_admin", "platform_admin"]],
  ["revoke", "structure_admin", OTHER, ["structure_admin", "platform_admin"]],
  ["revoke", "integrity_officer", OTHER, ["platform_admin"]],
  ["revoke", "agent", ME, []],
  ["revoke", "agent", undefined, []],
];

describe("staff policy", () => {
  for (const [action, role, accountId, allowed] of TABLE) {
    for (const [name, who] of Object.entries(ACTORS)) {
      const expected = allowed.includes(name);
      it(`${name} ${expected ? "may" : "may not"} ${action} ${role ?? "(no role)"}${accountId === ME ? " (own)" : ""} in structure A`, () => {
        expect(canStaff(who, action, { structureId: A, role, accountId })).toBe(expected);
      });
    }
  }

  it("keeps a structure admin out of other structures", () => {
    expect(canStaff(ACTORS.other_admin!, "list", { structureId: A })).toBe(false);
    expect(canStaff(ACTORS.other_admin!, "list", { structureId: B })).toBe(true);
  });

  it("scopes and lists grantable roles", () => {
    expect(staffScope(ACTORS.platform_admin!)).toBe("all");
    expect(staffScope(ACTORS.structure_admin!)).toEqual([A]);
    expect(staffScope(ACTORS.agent!)).toEqual([]);
    expect(grantableRoles(ACTORS.structure_admin!, A)).toEqual(["agent", "moderator", "structure_admin"]);
    expect(grantableRoles(ACTORS.platform_admin!, A)).toHaveLength(4);
    expect(grantableRoles(ACTORS.structure_admin!, B)).toEqual([]);
  });
});

describe("platform admin policy", () => {
  it("lets only platform admins list and grant, and never revoke themselves", () => {
    for (const [name, who] of Object.entries(ACTORS)) {
      const admin = name === "platform_admin";
      expect(canPlatformAdmins(who, "list"), name).toBe(admin);
      expect(canPlatformAdmins(who, "grant"), name).toBe(admin);
      expect(canPlatformAdmins(who, "revoke", { accountId: OTHER }), name).toBe(admin);
      expect(canPlatformAdmins(who, "revoke", { accountId: ME }), name).toBe(false);
      expect(canPlatformAdmins(who, "revoke"), name).toBe(false);
    }
  });
});
