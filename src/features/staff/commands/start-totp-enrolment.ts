import type { KeyObject } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { newTotpSecret, openTotpSecret, sealTotpSecret } from "../../../core/auth/totp.js";
import type { Db } from "../../../db/client.js";
import { findAccount } from "../queries.js";

/**
 * The secret an account is enrolling with (stored encrypted, returned in clear for the QR code). It is created once and kept on the server (with
 * totp_enabled_at still empty) until a code proves the person's app holds it: the browser never
 * sends it back, so it cannot be swapped. Returns null once TOTP is enabled.
 */
export async function startTotpEnrolment(
  db: Db,
  secretKey: KeyObject,
  account: { id: string; totpSecret: string | null; totpEnabledAt: Date | null },
): Promise<string | null> {
  if (account.totpEnabledAt) return null;
  if (account.totpSecret) return openTotpSecret(secretKey, account.totpSecret);
  const [row] = await db
    .update(accounts)
    .set({ totpSecret: sealTotpSecret(secretKey, newTotpSecret()) })
    .where(and(eq(accounts.id, account.id), isNull(accounts.totpSecret), isNull(accounts.totpEnabledAt)))
    .returning({ totpSecret: accounts.totpSecret });
  if (row?.totpSecret) return openTotpSecret(secretKey, row.totpSecret);
  // Another tab started the enrolment at the same moment: use its secret.
  const fresh = await findAccount(db, account.id);
  return fresh?.totpEnabledAt || !fresh?.totpSecret ? null : openTotpSecret(secretKey, fresh.totpSecret);
}
