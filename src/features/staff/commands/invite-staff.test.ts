import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { mailsTo } from "../../../../test/mail.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { accountTokens } from "../../../core/auth/tables.js";
import { structures } from "../../../core/structures/tables.js";
import { accountByEmail, actorOf, inviterContextOf, structureId } from "../testing.js";
import { inviteStaff } from "./invite-staff.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const tunis = await structureId(database, "gov-tn-11");
const ariana = await structureId(database, "gov-tn-12");
const admin = await createAccount(database, { platformAdmin: true });
const platform = inviterContextOf(actorOf(admin.id, { platformAdmin: true }));
const tunisAdmin = inviterContextOf(
  actorOf(admin.id, { roles: [{ structureId: tunis, role: "structure_admin" }] }),
);

describe("inviteStaff", () => {
  it("creates a password-less account, a 14-day token naming the role, a mail and an audit event", async () => {
    const result = await inviteStaff(
      database.db,
      { email: "Sami@Example.tn", displayName: "Sami Bouzid", role: "agent", structureId: tunis },
      platform,
    );
    expect(result.ok).toBe(true);
    const account = (await accountByEmail(database, "sami@example.tn"))!;
    expect(account).toMatchObject({ passwordHash: null, displayName: "Sami Bouzid", locale: "fr" });
    const [token] = await database.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.accountId, account.id));
    expect(token?.payload).toEqual({ structureId: tunis, role: "agent", invitedBy: admin.id });
    const days = (token!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    const [mail] = await mailsTo(database, "Sami@Example.tn");
    expect(mail?.textBody).toContain("Rôle : Agent\nStructure : Gouvernorat de Tunis");
    expect(mail?.textBody).toMatch(/https:\/\/sharek\.example\.tn\/fr\/invitations\/[\w-]{43}/);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, account.id));
    expect(event).toMatchObject({ action: "membership.invite", actorId: admin.id, structureId: tunis });
  });

  it("invites an existing account without touching its name, and refuses a role it already holds", async () => {
    const existing = await createAccount(database, {
      displayName: "Kept Name",
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    const again = await inviteStaff(
      database.db,
      { email: existing.email!, displayName: "", role: "moderator", structureId: tunis },
      platform,
    );
    expect(again).toEqual({ ok: false, errors: { email: { key: "staff.errors.alreadyMember" } } });
    const other = await inviteStaff(
      database.db,
      { email: existing.email!, displayName: "Another", role: "agent", structureId: tunis },
      platform,
    );
    expect(other.ok).toBe(true);
    expect((await accountByEmail(database, existing.email!))?.displayName).toBe("Kept Name");
  });

  it("keeps a structure admin to their structures and away from integrity officers", async () => {
    const elsewhere = await inviteStaff(
      database.db,
      { email: "x@example.tn", displayName: "X", role: "agent", structureId: ariana },
      tunisAdmin,
    );
    expect(elsewhere.ok ? null : Object.keys(elsewhere.errors)).toEqual(["structureId"]);
    const integrity = await inviteStaff(
      database.db,
      { email: "x@example.tn", displayName: "X", role: "integrity_officer", structureId: tunis },
      tunisAdmin,
    );
    expect(integrity.ok ? null : integrity.errors.role?.key).toBe("staff.errors.roleNotAllowed");
    expect(await accountByEmail(database, "x@example.tn")).toBeNull();
  });

  it("refuses a retired structure and reports every missing field", async () => {
    await database.db.update(structures).set({ retiredAt: new Date() }).where(eq(structures.id, ariana));
    const retired = await inviteStaff(
      database.db,
      { email: "y@example.tn", displayName: "Y", role: "agent", structureId: ariana },
      platform,
    );
    expect(retired.ok ? null : Object.keys(retired.errors)).toEqual(["structureId"]);
    const empty = await inviteStaff(database.db, {}, platform);
    expect(empty.ok ? null : Object.keys(empty.errors).sort()).toEqual([
      "displayName",
      "email",
      "role",
      "structureId",
    ]);
  });
});
