import { and, asc, eq } from "drizzle-orm";
import { isUuid } from "../../../core/ids.js";
import type { Db } from "../../../db/client.js";
import { savedCaseViews } from "./tables.js";

export type SavedView = typeof savedCaseViews.$inferSelect;

/** A person's saved views of one structure's queue, by name. */
export async function listSavedViews(db: Db, accountId: string, structureId: string): Promise<SavedView[]> {
  return db
    .select()
    .from(savedCaseViews)
    .where(and(eq(savedCaseViews.accountId, accountId), eq(savedCaseViews.structureId, structureId)))
    .orderBy(asc(savedCaseViews.name), asc(savedCaseViews.id));
}

/** One of the person's own saved views; null for anyone else's. */
export async function findOwnView(
  db: Db,
  accountId: string,
  id: string | undefined,
): Promise<SavedView | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(savedCaseViews)
    .where(and(eq(savedCaseViews.id, id), eq(savedCaseViews.accountId, accountId)));
  return row ?? null;
}
