import { afterAll, describe, expect, it } from "vitest";
import { createAccount, TEST_PASSWORD, TEST_TOTP_KEY } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { accountByEmail } from "../testing.js";
import { disableTotp } from "./disable-totp.js";

const database = await openTestDatabase();
afterAll(() => database.close());

describe("disableTotp", () => {
  it("turns it off for a citizen who confirms with the right password", async () => {
    const account = await createAccount(database, { totp: true });
    const wrong = await disableTotp(database.db, TEST_TOTP_KEY, account, { password: "nope" });
    expect(wrong.ok ? null : wrong.errors.password?.key).toBe("staff.errors.passwordWrong");
    expect((await disableTotp(database.db, TEST_TOTP_KEY, account, { password: TEST_PASSWORD })).ok).toBe(
      true,
    );
    const after = (await accountByEmail(database, account.email!))!;
    expect([after.totpEnabledAt, after.totpSecret, after.recoveryCodeHashes]).toEqual([null, null, []]);
  });

  it("refuses for staff, even a role they were granted after enrolling", async () => {
    for (const options of [
      { platformAdmin: true },
      { roles: [{ structure: "gov-tn-11", role: "agent" as const }] },
    ]) {
      const account = await createAccount(database, options);
      const result = await disableTotp(database.db, TEST_TOTP_KEY, account, { password: TEST_PASSWORD });
      expect(result.ok ? null : result.errors.password?.key).toBe("staff.errors.staffKeepTotp");
      expect((await accountByEmail(database, account.email!))?.totpEnabledAt).not.toBeNull();
    }
  });
});
