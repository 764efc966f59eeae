import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { accountByEmail, actorOf } from "../testing.js";
import { revokePlatformAdmin } from "./revoke-platform-admin.js";

const database = await openTestDatabase();
afterAll(() => database.close());

describe("revokePlatformAdmin", () => {
  it("removes another admin's power and audits it, but never one's own", async () => {
    const me = await createAccount(database, { platformAdmin: true });
    const other = await createAccount(database, { platformAdmin: true });
    const actor = actorOf(me.id, { platformAdmin: true });
    expect(await revokePlatformAdmin(database.db, me.id, { actor })).toBe(false);
    expect(await revokePlatformAdmin(database.db, other.id, { actor })).toBe(true);
    expect(await revokePlatformAdmin(database.db, other.id, { actor })).toBe(false);
    expect((await accountByEmail(database, other.email!))?.isPlatformAdmin).toBe(false);
    expect((await accountByEmail(database, me.email!))?.isPlatformAdmin).toBe(true);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, other.id));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["platform_admin.revoke", me.id]]);
  });

  it("is refused to anyone but a platform admin", async () => {
    const other = await createAccount(database, { platformAdmin: true });
    const locked = actorOf((await createAccount(database)).id, { platformAdmin: false });
    expect(await revokePlatformAdmin(database.db, other.id, { actor: locked })).toBe(false);
  });
});
