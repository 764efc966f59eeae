import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { consultationFollowers } from "../tables.js";

/** Follows a consultation (its phase changes and its outcome come by mail), or stops following it. */
export async function setFollowing(db: Db, consultationId: string, accountId: string, follow: boolean) {
  if (follow) {
    await db.insert(consultationFollowers).values({ consultationId, accountId }).onConflictDoNothing();
  } else {
    await db
      .delete(consultationFollowers)
      .where(
        and(
          eq(consultationFollowers.consultationId, consultationId),
          eq(consultationFollowers.accountId, accountId),
        ),
      );
  }
}
