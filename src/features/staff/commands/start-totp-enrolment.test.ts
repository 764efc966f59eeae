import { afterAll, describe, expect, it } from "vitest";
import { createAccount, plainTotpSecret, TEST_TOTP_KEY } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { accountByEmail } from "../testing.js";
import { startTotpEnrolment } from "./start-totp-enrolment.js";

const database = await openTestDatabase();
afterAll(() => database.close());

describe("startTotpEnrolment", () => {
  it("keeps one pending secret on the server until TOTP is enabled", async () => {
    const account = await createAccount(database, { totp: false });
    const first = await startTotpEnrolment(database.db, TEST_TOTP_KEY, account);
    expect(first).toMatch(/^[A-Z2-7]{32}$/);
    // A stale copy of the account (another tab) gets the same secret, not a new one.
    expect(await startTotpEnrolment(database.db, TEST_TOTP_KEY, account)).toBe(first);
    const stored = (await accountByEmail(database, account.email!))!.totpSecret!;
    expect(stored).not.toContain(first!);
    expect(plainTotpSecret(stored)).toBe(first);
  });

  it("gives nothing once TOTP is on", async () => {
    const account = await createAccount(database, { totp: true });
    expect(await startTotpEnrolment(database.db, TEST_TOTP_KEY, account)).toBeNull();
  });
});
