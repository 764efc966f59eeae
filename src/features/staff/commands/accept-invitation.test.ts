import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { accounts } from "../../../core/auth/tables.js";
import { issueToken } from "../../../core/auth/tokens.js";
import { memberships } from "../../../core/authz/tables.js";
import { findInvitation } from "../invitations.js";
import { accountByEmail, structureId } from "../testing.js";
import { acceptInvitation } from "./accept-invitation.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const tunis = await structureId(database, "gov-tn-11");
const inviter = await createAccount(database, { platformAdmin: true });

async function invite(payload: Record<string, unknown>, email = `i${Math.random()}@example.tn`) {
  const existing = await accountByEmail(database, email);
  const account =
    existing ??
    (await database.db.insert(accounts).values({ email, displayName: "Invitee" }).returning())[0]!;
  const token = await issueToken(database.db, account.id, "invitation", payload);
  return { token, account, invitation: (await findInvitation(database.db, token))! };
}

describe("acceptInvitation", () => {
  it("sets the name and password, proves the email, grants the role once, and audits the grant", async () => {
    const { token, account, invitation } = await invite({
      structureId: tunis,
      role: "agent",
      invitedBy: inviter.id,
    });
    const weak = await acceptInvitation(
      database.db,
      invitation,
      token,
      { displayName: "Amal", password: "short" },
      {
        signedInAccountId: null,
      },
    );
    expect(weak.status).toBe("errors");
    const done = await acceptInvitation(
      database.db,
      invitation,
      token,
      { displayName: "Amal Trabelsi", password: "long enough password" },
      { signedInAccountId: null },
    );
    expect(done).toEqual({ status: "accepted", accountId: account.id });
    const after = (await accountByEmail(database, account.email!))!;
    expect(after.displayName).toBe("Amal Trabelsi");
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.emailVerifiedAt).not.toBeNull();
    const rows = await database.db.select().from(memberships).where(eq(memberships.accountId, account.id));
    expect(rows).toMatchObject([{ role: "agent", structureId: tunis, grantedBy: inviter.id }]);
    const [grant] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, rows[0]!.id));
    expect(grant).toMatchObject({ action: "membership.grant", actorId: inviter.id, structureId: tunis });

    const replay = await acceptInvitation(
      database.db,
      invitation,
      token,
      { displayName: "Someone Else", password: "another long password" },
      { signedInAccountId: null },
    );
    expect(replay).toEqual({ status: "invalid" });
    expect(await findInvitation(database.db, token)).toBeNull();
  });

  it("asks the owner of an account with a password to be signed in as that account", async () => {
    const citizen = await createAccount(database);
    const { token, invitation } = await invite(
      { structureId: tunis, role: "moderator", invitedBy: inviter.id },
      citizen.email!,
    );
    expect(await acceptInvitation(database.db, invitation, token, {}, { signedInAccountId: null })).toEqual({
      status: "sign_in_required",
    });
    expect(
      await acceptInvitation(database.db, invitation, token, {}, { signedInAccountId: inviter.id }),
    ).toEqual({
      status: "sign_in_required",
    });
    const accepted = await acceptInvitation(
      database.db,
      invitation,
      token,
      {},
      { signedInAccountId: citizen.id },
    );
    expect(accepted.status).toBe("accepted");
  });

  it("makes a platform admin from a platform admin invitation", async () => {
    const { token, account, invitation } = await invite({ platformAdmin: true, invitedBy: inviter.id });
    await acceptInvitation(
      database.db,
      invitation,
      token,
      { displayName: "New Admin", password: "long enough password" },
      { signedInAccountId: null },
    );
    expect((await accountByEmail(database, account.email!))?.isPlatformAdmin).toBe(true);
  });

  it("finds no invitation for an unknown, expired or malformed token", async () => {
    expect(await findInvitation(database.db, "nope")).toBeNull();
    expect(await findInvitation(database.db, "x".repeat(500))).toBeNull();
    const { token } = await invite({ structureId: "not-a-uuid", role: "agent" });
    expect(await findInvitation(database.db, token)).toBeNull();
  });
});
