import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { randomToken, sha256 } from "./secrets.js";
import { accountTokens } from "./tables.js";

export type TokenPurpose = (typeof accountTokens.$inferSelect)["purpose"];

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 7 * 24 * 3600 * 1000,
  change_email: 24 * 3600 * 1000,
  reset_password: 3600 * 1000,
  invitation: 14 * 24 * 3600 * 1000,
};

/** Issues a single-use token for a mailed link; returns the raw token (only its hash is stored). */
export async function issueToken(
  db: Db,
  accountId: string,
  purpose: TokenPurpose,
  payload: Record<string, unknown> = {},
): Promise<string> {
  const token = randomToken();
  await db.insert(accountTokens).values({
    accountId,
    purpose,
    tokenHash: sha256(token),
    payload,
    expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/** The row of this token for this purpose, not spent and not expired. */
const usable = (purpose: TokenPurpose, token: string) =>
  and(
    eq(accountTokens.tokenHash, sha256(token)),
    eq(accountTokens.purpose, purpose),
    isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, new Date()),
  );

/** Finds a usable token without spending it (to show the form a link leads to). */
export async function peekToken(db: Db, purpose: TokenPurpose, token: string) {
  const [row] = await db.select().from(accountTokens).where(usable(purpose, token));
  return row ?? null;
}

/** Spends a token atomically: of two concurrent uses, exactly one gets the row. */
export async function consumeToken(db: Db, purpose: TokenPurpose, token: string) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(usable(purpose, token))
    .returning();
  return row ?? null;
}
