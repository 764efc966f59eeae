import { eq } from "drizzle-orm";
import type { FeatureManifest } from "../../core/manifest.js";
import type { Db } from "../../db/client.js";
import { recomputeStaleMaps } from "./commands/recompute.js";
import { markStale } from "./commands/statements.js";
import { seedDemoOpinionMap } from "./seed-demo.js";
import { opinionStatements, opinionVotes } from "./tables.js";

/**
 * A deleted account's votes go with it (the maps they count in are recomputed); its statements stay,
 * anonymous, unless the person chose to remove their contributions.
 */
async function forgetOpinionMapAccount(
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

export const opinionMapManifest: FeatureManifest = {
  name: "opinion-map",
  seedDemo: seedDemoOpinionMap,
  forgetAccount: forgetOpinionMapAccount,
  jobs: [{ name: "opinion-map-recompute", cron: "* * * * *", run: (db, now) => recomputeStaleMaps(db, now) }],
};
