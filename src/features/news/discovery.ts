import { and, desc, eq, sql } from "drizzle-orm";
import type { FeedSource, SearchSource, SitemapSource } from "../../core/features/contracts.js";
import { NEWS_SEARCH_TITLE, newsItems } from "./tables.js";

/* How search engines, feed readers and the portal's search find published news (never a draft). */

export const newsFeed: FeedSource = {
  kind: "news",
  titleKey: "news.feeds.title",
  path: "/news",
  async entries(db, { structure, limit }) {
    const rows = await db
      .select()
      .from(newsItems)
      .where(
        and(eq(newsItems.published, true), structure ? eq(newsItems.structureId, structure.id) : undefined),
      )
      .orderBy(desc(newsItems.publishedAt), desc(newsItems.id))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      path: `/news/${r.id}`,
      published: r.publishedAt,
      updated: r.updatedAt,
    }));
  },
};

export const newsSearch: SearchSource = {
  kind: "news",
  labelKey: "news.search.kind",
  order: 65,
  documents: sql`select news_items.id::text, '/news/' || news_items.id, news_items.title,
      case when news_items.summary = '{}'::jsonb then news_items.body else news_items.summary end, news_items.structure_id, null::text,
      news_items.search_vector, ${NEWS_SEARCH_TITLE}, news_items.updated_at
    from news_items where news_items.published`,
};

export const newsSitemap: SitemapSource = {
  kind: "news",
  async entries(db, limit) {
    const rows = await db
      .select({ id: newsItems.id, modified: newsItems.updatedAt })
      .from(newsItems)
      .where(eq(newsItems.published, true))
      .orderBy(desc(newsItems.publishedAt))
      .limit(limit - 1);
    return [{ path: "/news" }, ...rows.map((r) => ({ path: `/news/${r.id}`, modified: r.modified }))];
  },
};
