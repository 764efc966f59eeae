import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { accountTokens } from "../../../core/auth/tables.js";
import { issueToken } from "../../../core/auth/tokens.js";
import { findInvitation } from "../invitations.js";
import { actorOf, structureId } from "../testing.js";
import { cancelInvitation } from "./cancel-invitation.js";

const database = await openTestDatabase();
afterAll(() => database.close());
const tunis = await structureId(database, "gov-tn-11");

async function invitation(payload: Record<string, unknown>) {
  const invitee = await createAccount(database);
  const token = await issueToken(database.db, invitee.id, "invitation", payload);
  const [row] = await database.db.select().from(accountTokens).where(eq(accountTokens.accountId, invitee.id));
  return { row: row!, token };
}

describe("cancelInvitation", () => {
  it("stops the link at once and audits the cancellation", async () => {
    const admin = actorOf((await createAccount(database)).id, {
      roles: [{ structureId: tunis, role: "structure_admin" }],
    });
    const { row, token } = await invitation({ structureId: tunis, role: "agent", invitedBy: null });
    expect(await cancelInvitation(database.db, row, { actor: admin })).toBe(true);
    expect(await findInvitation(database.db, token)).toBeNull();
    expect(await cancelInvitation(database.db, row, { actor: admin })).toBe(false);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, row.accountId));
    expect(event).toMatchObject({
      action: "membership.invite_cancel",
      structureId: tunis,
      actorId: admin.accountId,
    });
  });

  it("is refused to those who could not have sent it", async () => {
    const admin = actorOf((await createAccount(database)).id, {
      roles: [{ structureId: tunis, role: "structure_admin" }],
    });
    const integrity = await invitation({ structureId: tunis, role: "integrity_officer", invitedBy: null });
    expect(await cancelInvitation(database.db, integrity.row, { actor: admin })).toBe(false);
    const toAdmin = await invitation({ platformAdmin: true, invitedBy: null });
    expect(await cancelInvitation(database.db, toAdmin.row, { actor: admin })).toBe(false);
    expect(await findInvitation(database.db, toAdmin.token)).not.toBeNull();
  });
});
