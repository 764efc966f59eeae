import { describe, expect, it } from "vitest";
import { type Actor, ANONYMOUS } from "../../core/authz/actor.js";
import { canCalendar, canDeadlines, deadlineScope } from "./policy.js";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";
const actor = (over: Partial<Actor>): Actor => ({ ...ANONYMOUS, accountId: "me", ...over });
const ACTORS: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  citizen: actor({}),
  agent: actor({ roles: [{ structureId: A, role: "agent" }] }),
  structureAdmin: actor({ roles: [{ structureId: A, role: "structure_admin" }] }),
  moderator: actor({ roles: [{ structureId: A, role: "moderator" }] }),
  integrityOfficer: actor({ roles: [{ structureId: A, role: "integrity_officer" }] }),
  platformAdmin: actor({ platformAdmin: true }),
};

describe("calendar and deadline policies", () => {
  it("match the ability table for every role", () => {
    const table = Object.fromEntries(
      Object.entries(ACTORS).map(([name, a]) => [
        name,
        [
          canCalendar(a, "view"),
          canCalendar(a, "manage"),
          canDeadlines(a, "list"),
          canDeadlines(a, "view", { structureId: null }),
          canDeadlines(a, "view", { structureId: A }),
          canDeadlines(a, "view", { structureId: B }),
          canDeadlines(a, "set", { structureId: null }),
          canDeadlines(a, "set", { structureId: A }),
        ],
      ]),
    );
    expect(table).toEqual({
      anonymous: [false, false, false, false, false, false, false, false],
      citizen: [false, false, false, false, false, false, false, false],
      agent: [false, false, false, false, false, false, false, false],
      structureAdmin: [false, false, true, true, true, false, false, false],
      moderator: [false, false, false, false, false, false, false, false],
      integrityOfficer: [false, false, false, false, false, false, false, false],
      platformAdmin: [true, true, true, true, true, true, true, true],
    });
  });

  it("denies a view without a resource, and scopes overrides to the actor's structures", () => {
    expect(canDeadlines(ACTORS.structureAdmin!, "view")).toBe(false);
    expect(deadlineScope(ACTORS.structureAdmin!)).toEqual([A]);
    expect(deadlineScope(ACTORS.agent!)).toEqual([]);
    expect(deadlineScope(ACTORS.platformAdmin!)).toBe("all");
  });
});
