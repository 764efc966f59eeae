import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { memberships } from "../../../core/authz/tables.js";
import { FEATURES } from "../../index.js";
import { actorOf, structureId } from "../testing.js";
import { revokeMembership } from "./revoke-membership.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const tunis = await structureId(database, "gov-tn-11");

async function member(role: "agent" | "structure_admin" | "integrity_officer" = "agent") {
  const account = await createAccount(database, { roles: [{ structure: "gov-tn-11", role }] });
  const [row] = await database.db.select().from(memberships).where(eq(memberships.accountId, account.id));
  return row!;
}

describe("revokeMembership", () => {
  it("revokes once, records who did it, and audits it", async () => {
    const admin = await member("structure_admin");
    const actor = actorOf(admin.accountId, { roles: [{ structureId: tunis, role: "structure_admin" }] });
    const target = await member();
    expect(await revokeMembership(database.db, FEATURES, target, { actor })).toBe(true);
    expect(await revokeMembership(database.db, FEATURES, target, { actor })).toBe(false);
    const [row] = await database.db.select().from(memberships).where(eq(memberships.id, target.id));
    expect(row?.revokedBy).toBe(admin.accountId);
    expect(row?.revokedAt).not.toBeNull();
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, target.id));
    expect(events.map((e) => e.action)).toEqual(["membership.revoke"]);
  });

  it("changes nothing when the policy says no (own role, integrity officers for structure admins)", async () => {
    const admin = await member("structure_admin");
    const actor = actorOf(admin.accountId, { roles: [{ structureId: tunis, role: "structure_admin" }] });
    expect(await revokeMembership(database.db, FEATURES, admin, { actor })).toBe(false);
    const officer = await member("integrity_officer");
    expect(await revokeMembership(database.db, FEATURES, officer, { actor })).toBe(false);
    const platform = actorOf((await createAccount(database, { platformAdmin: true })).id, {
      platformAdmin: true,
    });
    expect(await revokeMembership(database.db, FEATURES, officer, { actor: platform })).toBe(true);
  });
});
