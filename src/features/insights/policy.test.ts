import { describe, expect, it } from "vitest";
import { type Actor, ANONYMOUS } from "../../core/authz/actor.js";
import { canInsights, type InsightsAction } from "./policy.js";

const person = (over: Partial<Actor>): Actor => ({ ...ANONYMOUS, accountId: "a", ...over });
const ACTORS: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  citizen: person({}),
  agent: person({ roles: [{ structureId: "s", role: "agent" }] }),
  moderator: person({ roles: [{ structureId: "s", role: "moderator" }] }),
  integrityOfficer: person({ roles: [{ structureId: "s", role: "integrity_officer" }] }),
  structureAdmin: person({ roles: [{ structureId: "s", role: "structure_admin" }] }),
  platformAdmin: person({ platformAdmin: true }),
  lockedAdmin: person({ platformAdmin: true, staffLocked: "enrol" }),
};

/** The whole ability map: every action × every actor, default deny. */
const EXPECTED: Record<InsightsAction, string[]> = {
  viewDashboard: ["structureAdmin", "platformAdmin"],
  viewNational: ["platformAdmin"],
  managePlan: ["platformAdmin"],
};

describe("insights policy", () => {
  for (const [action, allowed] of Object.entries(EXPECTED) as Array<[InsightsAction, string[]]>) {
    it(`${action}: only ${allowed.join(", ")}`, () => {
      const got = Object.entries(ACTORS)
        .filter(([, actor]) => canInsights(actor, action))
        .map(([name]) => name);
      expect(got).toEqual(allowed);
    });
  }
  it("denies an action it does not know", () => {
    expect(canInsights(ACTORS.platformAdmin!, "deleteEverything" as InsightsAction)).toBe(false);
  });
});
