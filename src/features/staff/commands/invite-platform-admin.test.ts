import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { mailsTo } from "../../../../test/mail.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { accountTokens } from "../../../core/auth/tables.js";
import { accountByEmail, actorOf, inviterContextOf } from "../testing.js";
import { invitePlatformAdmin } from "./invite-platform-admin.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const admin = await createAccount(database, { platformAdmin: true });
const context = inviterContextOf(actorOf(admin.id, { platformAdmin: true }), "ar");

describe("invitePlatformAdmin", () => {
  it("needs the confirmation box, then mails an invitation in the inviter's language and audits it", async () => {
    const unconfirmed = await invitePlatformAdmin(
      database.db,
      { email: "rania@example.tn", displayName: "رانية" },
      context,
    );
    expect(unconfirmed.ok ? null : Object.keys(unconfirmed.errors)).toEqual(["confirm"]);
    const sent = await invitePlatformAdmin(
      database.db,
      { email: "rania@example.tn", displayName: "رانية", confirm: "yes" },
      context,
    );
    expect(sent.ok).toBe(true);
    const account = (await accountByEmail(database, "rania@example.tn"))!;
    expect(account.isPlatformAdmin).toBe(false);
    const [token] = await database.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.accountId, account.id));
    expect(token?.payload).toEqual({ platformAdmin: true, invitedBy: admin.id });
    const [mail] = await mailsTo(database, "rania@example.tn");
    expect(mail?.subject).toBe("دعوة لتصبح مسؤولًا عن منصة شارك");
    expect(mail?.textBody).toContain("/ar/invitations/");
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, account.id));
    expect(event?.action).toBe("platform_admin.invite");
  });

  it("refuses someone who already is one, and anyone but a platform admin", async () => {
    const other = await createAccount(database, { platformAdmin: true });
    const again = await invitePlatformAdmin(database.db, { email: other.email!, confirm: "yes" }, context);
    expect(again.ok ? null : again.errors.email?.key).toBe("staff.errors.alreadyAdmin");
    const citizen = inviterContextOf(actorOf(admin.id));
    const refused = await invitePlatformAdmin(
      database.db,
      { email: "z@example.tn", displayName: "Z", confirm: "yes" },
      citizen,
    );
    expect(refused.ok).toBe(false);
    expect(await accountByEmail(database, "z@example.tn")).toBeNull();
  });
});
