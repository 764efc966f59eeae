import { and, desc, eq, gt } from "drizzle-orm";
import { sessions } from "../../core/auth/tables.js";
import type { Db } from "../../db/client.js";
import { accountProfiles } from "./tables.js";

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
