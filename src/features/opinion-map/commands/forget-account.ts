import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { opinionStatements, opinionVotes } from "../tables.js";
import { markStale } from "./statements.js";

/**
 * A deleted account's votes go with it (the maps they counted in are recomputed); its statements stay,
 * anonymous, unless the person chose to remove their contributions.
 */
export async function forgetOpinionMapAccount(
  db: Db,
  accountId: string,
  mode: "anonymise" | "remove",
): Promise<void> {
  const touched = await db
    .selectDistinct({ consultationId: opinionVotes.consultationId })
    .from(opinionVotes)
    .where(eq(opinionVotes.accountId, accountId));
  await db.delete(opinionVotes).where(eq(opinionVotes.accountId, accountId));
  if (mode === "remove") {
    const removed = await db
      .delete(opinionStatements)
      .where(eq(opinionStatements.authorId, accountId))
      .returning({ consultationId: opinionStatements.consultationId });
    touched.push(...removed);
  } else {
    await db
      .update(opinionStatements)
      .set({ authorId: null })
      .where(eq(opinionStatements.authorId, accountId));
  }
  for (const id of new Set(touched.map((t) => t.consultationId))) await markStale(db, id);
}
