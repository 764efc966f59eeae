import { and, eq, isNull } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { newTotpSecret } from "../../../core/auth/totp.js";
import type { Db } from "../../../db/client.js";
import { findAccount } from "../queries.js";

/**
 * The secret an account is enrolling with. It is created once and kept on the server (with
 * totp_enabled_at still empty) until a code proves the person's app holds it: the browser never
 * sends it back, so it cannot be swapped. Returns null once TOTP is enabled.
 */
export async function startTotpEnrolment(
  db: Db,
  account: { id: string; totpSecret: string | null; totpEnabledAt: Date | null },
): Promise<string | null> {
  if (account.totpEnabledAt) return null;
  if (account.totpSecret) return account.totpSecret;
  const [row] = await db
    .update(accounts)
    .set({ totpSecret: newTotpSecret() })
    .where(and(eq(accounts.id, account.id), isNull(accounts.totpSecret), isNull(accounts.totpEnabledAt)))
    .returning({ totpSecret: accounts.totpSecret });
  if (row) return row.totpSecret;
  // Another tab started the enrolment at the same moment: use its secret.
  const fresh = await findAccount(db, account.id);
  return fresh?.totpEnabledAt ? null : (fresh?.totpSecret ?? null);
}
