import { eq } from "drizzle-orm";
import { audit, type ChangeContext } from "../../../core/audit/record.js";
import type { Db } from "../../../db/client.js";
import { publishNotice } from "../../subscriptions/notices.js";
import { NEWS_FOLLOW_TARGET } from "../followable.js";
import type { NewsRow } from "../queries.js";
import { newsItems } from "../tables.js";

export type NewsChange = "publish" | "unpublish" | "pin" | "unpin";

/**
 * Publishes, unpublishes, pins or unpins a news item. The first publication tells those who follow
 * the portal's news and those who follow its structure (at once or in their digest, as they chose);
 * publishing it again after a withdrawal tells nobody twice. Returns false when nothing changed.
 */
export async function changeNews(
  db: Db,
  item: NewsRow,
  change: NewsChange,
  context: ChangeContext,
): Promise<boolean> {
  const published = change === "publish" ? true : change === "unpublish" ? false : item.published;
  const pinned = change === "pin" ? true : change === "unpin" ? false : item.pinned;
  if (published === item.published && pinned === item.pinned) return false;
  return db.transaction(async (tx) => {
    const first = published && !item.publishedAt;
    await tx
      .update(newsItems)
      .set({ published, pinned, ...(first ? { publishedAt: new Date() } : {}) })
      .where(eq(newsItems.id, item.id));
    if (first) {
      const notice = { title: item.title, path: `/news/${item.id}`, actorId: context.actorId };
      await publishNotice(tx, { ...notice, kind: "news", target: NEWS_FOLLOW_TARGET });
      await publishNotice(tx, { ...notice, kind: "structure", target: item.structureId });
    }
    await audit(
      tx,
      {
        action: `news.${change}`,
        subjectType: "news_item",
        subjectId: item.id,
        structureId: item.structureId,
      },
      context.request,
      context.actorId,
    );
    return true;
  });
}
