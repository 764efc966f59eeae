import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount, TEST_TOTP_KEY } from "../../../../test/accounts.js";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { sha256 } from "../../../core/auth/secrets.js";
import { createSession } from "../../../core/auth/sessions.js";
import { sessions } from "../../../core/auth/tables.js";
import { accountByEmail } from "../testing.js";
import { enableTotp } from "./enable-totp.js";
import { startTotpEnrolment } from "./start-totp-enrolment.js";

const database = await openTestDatabase();
afterAll(() => database.close());

describe("enableTotp", () => {
  it("turns TOTP on with a right code: verified session, ten recovery codes kept only as hashes, audited", async () => {
    const account = await createAccount(database, { totp: false });
    const secret = (await startTotpEnrolment(database.db, TEST_TOTP_KEY, account))!;
    const pending = (await accountByEmail(database, account.email!))!;
    const { token } = await createSession(database.db, account.id, { persistent: false, device: "" });
    const sessionId = sha256(token);

    const empty = await enableTotp(database.db, TEST_TOTP_KEY, pending, sessionId, { code: "" });
    expect(empty.ok ? null : empty.errors.code?.key).toBe("staff.errors.codeRequired");
    const wrong = await enableTotp(database.db, TEST_TOTP_KEY, pending, sessionId, { code: "000000" });
    expect(wrong.ok ? null : wrong.errors.code?.key).toBe("staff.errors.codeWrong");

    const result = await enableTotp(database.db, TEST_TOTP_KEY, pending, sessionId, {
      code: await generate({ secret }),
    });
    expect(result.ok).toBe(true);
    const codes = result.ok ? result.value.codes : [];
    expect(codes).toHaveLength(10);
    const after = (await accountByEmail(database, account.email!))!;
    expect(after.totpEnabledAt).not.toBeNull();
    expect(after.recoveryCodeHashes).toHaveLength(10);
    expect(JSON.stringify(after.recoveryCodeHashes)).not.toContain(codes[0]!);
    const [session] = await database.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session?.secondFactorAt).not.toBeNull();
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, account.id));
    expect(event).toMatchObject({ action: "account.totp_enable", actorId: account.id });

    // Enabling again (a stale page) changes nothing.
    const again = await enableTotp(database.db, TEST_TOTP_KEY, pending, sessionId, {
      code: await generate({ secret }),
    });
    expect(again.ok).toBe(false);
  });
});
