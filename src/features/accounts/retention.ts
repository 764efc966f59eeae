import { and, inArray, lt, ne, sql } from "drizzle-orm";
import { accountTokens, sessions } from "../../core/auth/tables.js";
import type { RetentionRule } from "../../core/personal-data/contracts.js";
import { dataExports } from "./tables.js";

/** Sessions, once expired: the "your sessions" page no longer shows them, and nothing needs them. */
const expiredSessions: RetentionRule = {
  id: "sessions",
  labelKey: "accounts.retention.sessions.label",
  durationKey: "accounts.retention.sessions.duration",
  basisKey: "accounts.retention.sessions.basis",
  days: 30,
  async purge({ db, cutoff, limit }) {
    const batch = db
      .select({ id: sessions.id })
      .from(sessions)
      .where(lt(sessions.expiresAt, cutoff))
      .limit(limit);
    const gone = await db.delete(sessions).where(inArray(sessions.id, batch)).returning({ id: sessions.id });
    return gone.length;
  },
};

/** Links sent by mail (verification, reset, invitation), once expired. */
const expiredTokens: RetentionRule = {
  id: "account-tokens",
  labelKey: "accounts.retention.tokens.label",
  durationKey: "accounts.retention.tokens.duration",
  basisKey: "accounts.retention.tokens.basis",
  days: 7,
  async purge({ db, cutoff, limit }) {
    const batch = db
      .select({ id: accountTokens.id })
      .from(accountTokens)
      .where(lt(accountTokens.expiresAt, cutoff))
      .limit(limit);
    const gone = await db
      .delete(accountTokens)
      .where(inArray(accountTokens.id, batch))
      .returning({ id: accountTokens.id });
    return gone.length;
  },
};

/** Prepared data exports: the ZIP is deleted once its link has expired (7 days after it was ready). */
const finishedExports: RetentionRule = {
  id: "data-exports",
  labelKey: "accounts.retention.exports.label",
  durationKey: "accounts.retention.exports.duration",
  basisKey: "accounts.retention.exports.basis",
  days: 7,
  async purge({ db, cutoff, limit }) {
    const batch = db
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(
        and(
          ne(dataExports.status, "pending"),
          lt(sql`coalesce(${dataExports.readyAt}, ${dataExports.createdAt})`, cutoff),
        ),
      )
      .limit(limit);
    const gone = await db
      .delete(dataExports)
      .where(inArray(dataExports.id, batch))
      .returning({ id: dataExports.id });
    return gone.length;
  },
};

export const accountRetention: RetentionRule[] = [expiredSessions, expiredTokens, finishedExports];
