import { describe, expect, it } from "vitest";
import { type Actor, ANONYMOUS } from "../../core/authz/actor.js";
import { hasClosed, phaseOf, phaseRefusal } from "./phase.js";
import { canConsultation, participationRefusal } from "./policy.js";

const day = 24 * 3600_000;
const now = new Date("2026-11-26T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * day);
const base = { visibility: "published" as const, opensAt: at(-1), closesAt: at(1), outcomePublishedAt: null };

describe("phases", () => {
  it.each([
    ["a draft", { ...base, visibility: "draft" as const }, "draft", "notOpenYet"],
    ["before opening", { ...base, opensAt: at(1), closesAt: at(2) }, "announced", "notOpenYet"],
    ["while open", base, "open", null],
    ["at the very closing instant", { ...base, closesAt: now }, "analysis", "closed"],
    [
      "once the outcome is published",
      { ...base, closesAt: at(-1), outcomePublishedAt: now },
      "outcome",
      "closed",
    ],
  ] as const)("%s", (_name, c, phase, refusal) => {
    expect(phaseOf(c, now)).toBe(phase);
    expect(phaseRefusal(c, now)).toBe(refusal);
    expect(hasClosed(c, now)).toBe(phase === "analysis" || phase === "outcome");
  });
});

const actor = (over: Partial<Actor>): Actor => ({ ...ANONYMOUS, accountId: "a", ...over });
const c = { ...base, structureId: "s1", participation: "identity_verified" as const };

describe("policy", () => {
  it("lets platform admins and the structure's own admins run its consultations, and nobody else", () => {
    expect(canConsultation(actor({ platformAdmin: true }), "update", c)).toBe(true);
    expect(
      canConsultation(actor({ roles: [{ structureId: "s1", role: "structure_admin" }] }), "update", c),
    ).toBe(true);
    expect(
      canConsultation(actor({ roles: [{ structureId: "s2", role: "structure_admin" }] }), "update", c),
    ).toBe(false);
    expect(canConsultation(actor({ roles: [{ structureId: "s1", role: "agent" }] }), "manage", c)).toBe(
      false,
    );
    expect(canConsultation(ANONYMOUS, "list", null)).toBe(false);
  });

  it("applies the phase first, then sign-in, then the identity rule (staff of the structure exempt)", () => {
    expect(participationRefusal(ANONYMOUS, { ...c, opensAt: at(1), closesAt: at(2) }, now)).toBe(
      "notOpenYet",
    );
    expect(participationRefusal(ANONYMOUS, c, now)).toBe("signIn");
    expect(participationRefusal(actor({}), c, now)).toBe("identityRequired");
    expect(participationRefusal(actor({ identityVerified: true }), c, now)).toBeNull();
    expect(participationRefusal(actor({ roles: [{ structureId: "s1", role: "agent" }] }), c, now)).toBeNull();
  });
});
