import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { consultationCommentSupports, consultationComments, consultationResponses } from "../tables.js";

/**
 * When an account is deleted (its follows go with the subscriptions feature): "anonymise" keeps its comments, supports
 * and answers (the account keeps no personal detail, so they show as from a deleted account);
 * "remove" withdraws its supports and questionnaire answers, and empties its comments, leaving a
 * tombstone so the replies of others still read in their thread.
 */
export async function forgetConsultationAccount(db: Db, accountId: string, mode: "anonymise" | "remove") {
  if (mode === "anonymise") return;
  await db.execute(sql`
    update ${consultationComments} c set support_count = greatest(c.support_count - 1, 0)
    from ${consultationCommentSupports} s
    where s.comment_id = c.id and s.account_id = ${accountId}`);
  await db.delete(consultationCommentSupports).where(eq(consultationCommentSupports.accountId, accountId));
  await db.delete(consultationResponses).where(eq(consultationResponses.accountId, accountId));
  await db
    .update(consultationComments)
    .set({ status: "removed", body: "", authorId: null })
    .where(eq(consultationComments.authorId, accountId));
}
