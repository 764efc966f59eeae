import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { accounts, sessions } from "../../core/auth/tables.js";
import type { Db } from "../../db/client.js";
import { accountProfiles } from "./tables.js";

/** The live account with this email, whatever its case. */
export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(sql`lower(${accounts.email}) = lower(${email})`, isNull(accounts.deletedAt)));
  return row ?? null;
}

export async function listSessions(db: Db, accountId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function findProfile(db: Db, accountId: string) {
  const [row] = await db.select().from(accountProfiles).where(eq(accountProfiles.accountId, accountId));
  return row ?? null;
}
