import { and, eq, isNull } from "drizzle-orm";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { accounts } from "../../../core/auth/tables.js";
import { consumeToken } from "../../../core/auth/tokens.js";
import type { Db } from "../../../db/client.js";
import { isUniqueViolation } from "../../../db/errors.js";

/** Spends a verification link; returns the account id, or null when the link is unknown, used or expired. */
export async function verifyEmail(db: Db, token: string): Promise<string | null> {
  const row = await consumeToken(db, "verify_email", token);
  if (!row) return null;
  await db
    .update(accounts)
    .set({ emailVerifiedAt: new Date() })
    .where(and(eq(accounts.id, row.accountId), isNull(accounts.emailVerifiedAt)));
  return row.accountId;
}

/** Spends a change-of-address link: the new address replaces the old one, already verified. */
export async function confirmEmailChange(db: Db, token: string): Promise<"changed" | "invalid" | "taken"> {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, "change_email", token);
    const email = row?.payload.email;
    if (!row || typeof email !== "string") return "invalid";
    const holder = await findAccountByEmail(tx, email);
    if (holder && holder.id !== row.accountId) return "taken";
    try {
      await tx
        .update(accounts)
        .set({ email, emailVerifiedAt: new Date() })
        .where(eq(accounts.id, row.accountId));
    } catch (error) {
      if (isUniqueViolation(error)) return "taken";
      throw error;
    }
    return "changed";
  });
}
