import { describe, expect, it } from "vitest";
import { type Actor, ANONYMOUS } from "../../../core/authz/actor.js";
import type { CaseStatus } from "../lifecycle.js";
import {
  type CaseStaffAction,
  canCase,
  canListRoutingRules,
  canQueue,
  canRoutingRule,
  canTemplate,
  queueScope,
} from "./policy.js";

const A = "00000000-0000-7000-8000-00000000000a";
const B = "00000000-0000-7000-8000-00000000000b";
const TOP = "00000000-0000-7000-8000-0000000000ff";

const actor = (roles: Actor["roles"], platformAdmin = false): Actor => ({
  accountId: "00000000-0000-7000-8000-000000000001",
  platformAdmin,
  roles,
  identityVerified: false,
  staffLocked: null,
});

const ACTORS = {
  anonymous: ANONYMOUS,
  citizen: actor([]),
  agent: actor([{ structureId: A, role: "agent" }]),
  structure_admin: actor([{ structureId: A, role: "structure_admin" }]),
  moderator: actor([{ structureId: A, role: "moderator" }]),
  integrity_officer: actor([{ structureId: A, role: "integrity_officer" }]),
  platform_admin: actor([], true),
  other_staff: actor([
    { structureId: B, role: "agent" },
    { structureId: B, role: "structure_admin" },
  ]),
} as const;
type Who = keyof typeof ACTORS;

const open = { structureId: A, status: "in_progress" as CaseStatus, anonymous: false };

/** Who may do each action on an open request of structure A (everyone else: no). */
const MATRIX: Record<CaseStaffAction, Who[]> = {
  view: ["agent", "structure_admin", "platform_admin"],
  viewContact: ["agent", "structure_admin", "platform_admin"],
  assignSelf: ["agent", "structure_admin"],
  assignOthers: ["structure_admin", "platform_admin"],
  reply: ["agent", "structure_admin", "platform_admin"],
  askInfo: ["agent", "structure_admin", "platform_admin"],
  note: ["agent", "structure_admin", "platform_admin"],
  transfer: ["agent", "structure_admin", "platform_admin"],
  markDuplicate: ["agent", "structure_admin", "platform_admin"],
  close: ["agent", "structure_admin", "platform_admin"],
  // Access-to-information requests only (below).
  extend: [],
};

describe("canCase", () => {
  for (const [action, allowed] of Object.entries(MATRIX) as Array<[CaseStaffAction, Who[]]>) {
    for (const who of Object.keys(ACTORS) as Who[]) {
      const expected = allowed.includes(who);
      it(`${who} ${expected ? "may" : "may not"} ${action} an open request of their structure`, () => {
        expect(canCase(ACTORS[who], action, open)).toBe(expected);
      });
    }
  }

  it("follows the life cycle: a closed request takes only notes and is still seen", () => {
    const closed = { ...open, status: "closed" as CaseStatus };
    const agent = ACTORS.agent;
    expect(canCase(agent, "view", closed)).toBe(true);
    expect(canCase(agent, "note", closed)).toBe(true);
    for (const action of ["reply", "askInfo", "transfer", "markDuplicate", "close", "assignSelf"] as const) {
      expect(canCase(agent, action, closed), action).toBe(false);
    }
  });

  it("allows no transfer while waiting for the citizen, nor a second question", () => {
    const waiting = { ...open, status: "awaiting_citizen" as CaseStatus };
    expect(canCase(ACTORS.agent, "transfer", waiting)).toBe(false);
    expect(canCase(ACTORS.agent, "askInfo", waiting)).toBe(false);
    expect(canCase(ACTORS.agent, "reply", waiting)).toBe(true);
  });

  it("shows no contact details of an anonymous request, to anyone", () => {
    const anonymous = { ...open, anonymous: true };
    expect(canCase(ACTORS.platform_admin, "viewContact", anonymous)).toBe(false);
    expect(canCase(ACTORS.agent, "viewContact", anonymous)).toBe(false);
    expect(canCase(ACTORS.agent, "view", anonymous)).toBe(true);
  });

  it("lets only the reviewers decide an appeal under review; the central office sees only what reaches it", () => {
    const first = { ...open, appealLevel: 1, appealStructureId: A };
    expect(canCase(ACTORS.structure_admin, "close", first)).toBe(true);
    expect(canCase(ACTORS.platform_admin, "close", first)).toBe(true);
    expect(canCase(ACTORS.agent, "close", first)).toBe(false);
    expect(canCase(ACTORS.agent, "note", first)).toBe(true);
    for (const action of ["reply", "askInfo", "transfer", "markDuplicate", "assignSelf", "extend"] as const) {
      expect(canCase(ACTORS.structure_admin, action, first), action).toBe(false);
    }
    // A second appeal, to the central office (TOP): its admin decides it; the structure's head no more.
    const centralAdmin = actor([{ structureId: TOP, role: "structure_admin" }]);
    const second = { ...open, appealLevel: 2, appealStructureId: TOP };
    expect(canCase(centralAdmin, "view", second)).toBe(true);
    expect(canCase(centralAdmin, "close", second)).toBe(true);
    expect(canCase(ACTORS.structure_admin, "close", second)).toBe(false);
    expect(canCase(centralAdmin, "view", open)).toBe(false);
    expect(canCase(actor([{ structureId: TOP, role: "agent" }]), "view", second)).toBe(false);
    // Decided: the central office still sees it and may add notes, nothing else.
    const decided = { ...second, status: "closed" as CaseStatus };
    expect(canCase(centralAdmin, "view", decided)).toBe(true);
    expect(canCase(centralAdmin, "assignOthers", decided)).toBe(false);
  });

  it("extends only access-to-information requests still open and not under appeal", () => {
    const information = { ...open, type: "information" as const, appealLevel: 0 };
    expect(canCase(ACTORS.agent, "extend", information)).toBe(true);
    expect(canCase(ACTORS.other_staff, "extend", information)).toBe(false);
    expect(canCase(ACTORS.agent, "extend", { ...information, status: "answered" as CaseStatus })).toBe(false);
    expect(canCase(ACTORS.agent, "extend", { ...open, type: "complaint" as const })).toBe(false);
  });

  it("denies by default: no resource, an unknown action, a locked staff member", () => {
    expect(canCase(ACTORS.agent, "view", null)).toBe(false);
    expect(canCase(ACTORS.agent, "delete" as CaseStaffAction, open)).toBe(false);
    const locked: Actor = { ...ACTORS.agent, roles: [], staffLocked: "enrol" };
    expect(canCase(locked, "view", open)).toBe(false);
  });
});

describe("queues, templates and routing rules", () => {
  it("opens a structure's queue to its agents and admins and to platform admins only", () => {
    const allowed: Who[] = ["agent", "structure_admin", "platform_admin"];
    for (const who of Object.keys(ACTORS) as Who[]) {
      expect(canQueue(ACTORS[who], A), who).toBe(allowed.includes(who));
    }
    expect(queueScope(ACTORS.platform_admin)).toBe("all");
    expect(queueScope(ACTORS.other_staff)).toEqual([B]);
    expect(queueScope(ACTORS.moderator)).toEqual([]);
  });

  it("lets agents use templates and only admins write them", () => {
    expect(canTemplate(ACTORS.agent, "use", A)).toBe(true);
    expect(canTemplate(ACTORS.agent, "manage", A)).toBe(false);
    expect(canTemplate(ACTORS.structure_admin, "manage", A)).toBe(true);
    expect(canTemplate(ACTORS.structure_admin, "manage", B)).toBe(false);
    expect(canTemplate(ACTORS.platform_admin, "manage", B)).toBe(true);
    expect(canTemplate(ACTORS.citizen, "use", A)).toBe(false);
  });

  it("lets a structure admin route to their structure only the categories of their line", () => {
    const rule = { targetStructureId: A, categoryStructureId: TOP, targetLineage: [A, TOP] };
    expect(canRoutingRule(ACTORS.structure_admin, rule)).toBe(true);
    expect(canRoutingRule(ACTORS.structure_admin, { ...rule, categoryStructureId: B })).toBe(false);
    expect(
      canRoutingRule(ACTORS.structure_admin, { ...rule, targetStructureId: B, targetLineage: [B, TOP] }),
    ).toBe(false);
    expect(canRoutingRule(ACTORS.agent, rule)).toBe(false);
    expect(canRoutingRule(ACTORS.platform_admin, { ...rule, categoryStructureId: B })).toBe(true);
    expect(canRoutingRule(ACTORS.anonymous, rule)).toBe(false);
    expect(canListRoutingRules(ACTORS.structure_admin)).toBe(true);
    expect(canListRoutingRules(ACTORS.agent)).toBe(false);
  });
});
