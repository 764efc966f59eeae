import { describe, expect, it } from "vitest";
import { type Actor, ANONYMOUS } from "../../core/authz/actor.js";
import { canOpen311, type Open311Action } from "./policy.js";

const base = { identityVerified: false, staffLocked: null } as const;
const actors: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  citizen: { ...base, accountId: "c", platformAdmin: false, roles: [] },
  agent: { ...base, accountId: "a", platformAdmin: false, roles: [{ structureId: "s", role: "agent" }] },
  structure_admin: {
    ...base,
    accountId: "sa",
    platformAdmin: false,
    roles: [{ structureId: "s", role: "structure_admin" }],
  },
  platform_admin: { ...base, accountId: "p", platformAdmin: true, roles: [] },
};
const ACTIONS: Open311Action[] = ["listKeys", "createKey", "revokeKey"];

describe("Open311 key policy", () => {
  it.each(Object.keys(actors))("%s", (name) => {
    for (const action of ACTIONS) expect(canOpen311(actors[name]!, action)).toBe(name === "platform_admin");
  });

  it("denies actions it does not know", () => {
    expect(canOpen311(actors.platform_admin!, "deleteEverything" as Open311Action)).toBe(false);
  });
});
