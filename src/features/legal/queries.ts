import { desc, eq } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import type { Db } from "../../db/client.js";
import { type LegalPage, legalPageVersions } from "./tables.js";

export type LegalVersion = typeof legalPageVersions.$inferSelect;

/** The version of a page in force: the newest one; null before any is published. */
export async function findCurrentVersion(db: Db, page: LegalPage): Promise<LegalVersion | null> {
  const [row] = await db
    .select()
    .from(legalPageVersions)
    .where(eq(legalPageVersions.page, page))
    .orderBy(desc(legalPageVersions.createdAt), desc(legalPageVersions.id))
    .limit(1);
  return row ?? null;
}

/** Every version of a page, newest first, with the name of who published it. */
export async function listVersions(db: Db, page: LegalPage) {
  return db
    .select({
      id: legalPageVersions.id,
      createdAt: legalPageVersions.createdAt,
      authorName: accounts.displayName,
    })
    .from(legalPageVersions)
    .leftJoin(accounts, eq(accounts.id, legalPageVersions.authorId))
    .where(eq(legalPageVersions.page, page))
    .orderBy(desc(legalPageVersions.createdAt), desc(legalPageVersions.id));
}
