import { and, desc, eq } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import type { Db } from "../../db/client.js";
import { ACCEPTED_AT_SIGN_UP, type LegalPage, legalAcceptances, legalPageVersions } from "./tables.js";

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

/**
 * Whether an account has still to accept the terms of use or the personal-data notice: true when one
 * of them is published and the account never accepted any version of it. A newer version than the
 * one accepted does not count as missing (asking again after a change is not decided yet).
 */
export async function needsAcceptance(db: Db, accountId: string): Promise<boolean> {
  for (const page of ACCEPTED_AT_SIGN_UP) {
    if (!(await findCurrentVersion(db, page))) continue;
    const [accepted] = await db
      .select({ versionId: legalAcceptances.versionId })
      .from(legalAcceptances)
      .innerJoin(legalPageVersions, eq(legalPageVersions.id, legalAcceptances.versionId))
      .where(and(eq(legalAcceptances.accountId, accountId), eq(legalPageVersions.page, page)))
      .limit(1);
    if (!accepted) return true;
  }
  return false;
}
