import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_TOTP_KEY } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { verifySecret } from "../../../core/auth/secrets.js";
import { accounts } from "../../../core/auth/tables.js";
import { sealPlainTotpSecrets, useTotpCode } from "../../../core/auth/totp.js";
import { memberships } from "../../../core/authz/tables.js";
import { structures } from "../../../core/structures/tables.js";
import { accountByEmail } from "../testing.js";
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET, seedDemoStaff } from "./seed-demo-staff.js";

const database = await openTestDatabase();
afterAll(() => database.close());

describe("seedDemoStaff", () => {
  it("adds one account per role, staff enrolled with the published secret, and prints how to sign in", async () => {
    const lines = (await seedDemoStaff(database.db)).join("\n");
    expect(lines).toContain(DEMO_PASSWORD);
    expect(lines).toContain(DEMO_TOTP_SECRET);
    for (const person of DEMO_PEOPLE) expect(lines).toContain(person.email);

    // The seed runs before the app, whose start-up encrypts the secret; the printed one still works.
    await sealPlainTotpSecrets(database.db, TEST_TOTP_KEY);
    const agent = (await accountByEmail(database, "agent@demo.sharek.tn"))!;
    expect(await verifySecret(agent.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(agent.totpSecret).not.toContain(DEMO_TOTP_SECRET);
    const code = await generate({ secret: DEMO_TOTP_SECRET });
    expect(await useTotpCode(database.db, TEST_TOTP_KEY, agent, code)).toBe(true);
    const roles = await database.db
      .select({ role: memberships.role, code: structures.code })
      .from(memberships)
      .innerJoin(structures, eq(structures.id, memberships.structureId));
    expect(roles).toEqual(
      expect.arrayContaining([
        { role: "structure_admin", code: "mun-tn-11" },
        { role: "agent", code: "mun-tn-11" },
        { role: "moderator", code: "mun-tn-11" },
        { role: "integrity_officer", code: "mun-tn-11" },
        { role: "integrity_officer", code: "inlucc" },
        { role: "agent", code: "min-health" },
      ]),
    );
    expect((await accountByEmail(database, "admin@demo.sharek.tn"))?.isPlatformAdmin).toBe(true);
    const citizen = (await accountByEmail(database, "citizen@demo.sharek.tn"))!;
    expect(citizen.identityVerifiedAt).not.toBeNull();
    expect(citizen.totpEnabledAt).toBeNull();
    expect(citizen.displayName).toMatch(/^[\p{Script=Latin} ]+ \/ [\p{Script=Arabic} ]+$/u);
  });

  it("changes nothing when run again", async () => {
    const before = await database.db.select().from(accounts);
    await seedDemoStaff(database.db);
    expect(await database.db.select().from(accounts)).toHaveLength(before.length);
    expect(await database.db.select().from(memberships)).toHaveLength(6);
  });
});
