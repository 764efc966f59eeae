import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { findInvitation } from "../invitations.js";
import { accountByEmail } from "../testing.js";
import { createAdmin } from "./create-admin.js";

const database = await openTestDatabase();
afterAll(() => database.close());

describe("createAdmin", () => {
  it("creates an admin with no password and a link to a platform admin invitation", async () => {
    const result = await createAdmin(database.db, {
      email: "ops@sharek.tn",
      name: "Ops",
      locale: "en",
      publicUrl: "http://localhost:3000",
    });
    expect(result.ok && result.value.created).toBe(true);
    const token = result.ok ? result.value.link.split("/").pop()! : "";
    const invitation = await findInvitation(database.db, token);
    expect(invitation?.payload).toEqual({ kind: "platform_admin", invitedBy: null });
    expect((await accountByEmail(database, "ops@sharek.tn"))?.passwordHash).toBeNull();
  });

  it("promotes an existing account, keeping its password", async () => {
    const citizen = await createAccount(database);
    const result = await createAdmin(database.db, {
      email: citizen.email!,
      locale: "ar",
      publicUrl: "http://localhost:3000",
    });
    expect(result.ok && result.value).toMatchObject({ created: false, hasPassword: true });
    expect((await accountByEmail(database, citizen.email!))?.isPlatformAdmin).toBe(true);
  });
});
