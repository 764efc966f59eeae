import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount, plainTotpSecret, TEST_TOTP_KEY } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { createSession } from "../../../core/auth/sessions.js";
import { accounts, sessions } from "../../../core/auth/tables.js";
import { newRecoveryCodes } from "../../../core/auth/totp.js";
import { accountByEmail, endBackOff } from "../testing.js";
import { verifySecondFactor } from "./verify-second-factor.js";

const database = await openTestDatabase();
afterAll(() => database.close());

async function awaiting() {
  const created = await createAccount(database, { totp: true });
  const { codes, hashes } = await newRecoveryCodes();
  await database.db.update(accounts).set({ recoveryCodeHashes: hashes }).where(eq(accounts.id, created.id));
  const account = (await accountByEmail(database, created.email!))!;
  const { token } = await createSession(database.db, account.id, { persistent: false, device: "" });
  return { account, codes, sessionId: sha256(token) };
}

const verified = async (sessionId: string) =>
  (await database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]?.secondFactorAt;

describe("verifySecondFactor", () => {
  it("accepts the app's current code and marks the session", async () => {
    const { account, sessionId } = await awaiting();
    const outcome = await verifySecondFactor(database.db, TEST_TOTP_KEY, account, sessionId, {
      code: ` ${await generate({ secret: plainTotpSecret(account.totpSecret!) })} `,
    });
    expect(outcome).toEqual({ ok: true, recoveryCodesLeft: null });
    expect(await verified(sessionId)).toBeInstanceOf(Date);
  });

  it("spends a recovery code on use, and audits it", async () => {
    const { account, codes, sessionId } = await awaiting();
    const outcome = await verifySecondFactor(database.db, TEST_TOTP_KEY, account, sessionId, {
      code: codes[3],
    });
    expect(outcome).toEqual({ ok: true, recoveryCodesLeft: 9 });
    const stale = await verifySecondFactor(database.db, TEST_TOTP_KEY, account, sessionId, {
      code: codes[3],
    });
    expect(stale.ok).toBe(false);
    const fresh = (await accountByEmail(database, account.email!))!;
    expect(
      (await verifySecondFactor(database.db, TEST_TOTP_KEY, fresh, sessionId, { code: codes[3] })).ok,
    ).toBe(false);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, account.id));
    expect(events.map((e) => e.action)).toEqual(["account.recovery_code_use"]);
  });

  it("backs off after four wrong codes, then lets the right one through once the wait is over", async () => {
    const { account, sessionId } = await awaiting();
    for (let i = 0; i < 4; i++) {
      const wrong = await verifySecondFactor(database.db, TEST_TOTP_KEY, account, sessionId, {
        code: "111111",
      });
      expect(wrong).toMatchObject({ ok: false, retryAfter: 0, error: { key: "staff.errors.codeWrong" } });
    }
    const locked = await verifySecondFactor(database.db, TEST_TOTP_KEY, account, sessionId, {
      code: "111111",
    });
    expect(locked).toMatchObject({ ok: false, retryAfter: 30, error: { key: "staff.errors.codeThrottled" } });
    const code = await generate({ secret: plainTotpSecret(account.totpSecret!) });
    expect((await verifySecondFactor(database.db, TEST_TOTP_KEY, account, sessionId, { code })).ok).toBe(
      false,
    );
    expect(await verified(sessionId)).toBeNull();
    await endBackOff(database);
    expect((await verifySecondFactor(database.db, TEST_TOTP_KEY, account, sessionId, { code })).ok).toBe(
      true,
    );
  });
});
