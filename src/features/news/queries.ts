import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { isUuid } from "../../core/ids.js";
import { pageOf } from "../../core/paging.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { newsItems } from "./tables.js";

export type NewsRow = typeof newsItems.$inferSelect;
export type NewsCategory = NewsRow["category"];

export interface NewsItem extends NewsRow {
  structure: { code: string; name: LocalizedText };
}

function items(db: Db) {
  return db
    .select({ item: newsItems, structure: { code: structures.code, name: structures.name } })
    .from(newsItems)
    .innerJoin(structures, eq(structures.id, newsItems.structureId));
}

const toItem = (r: { item: NewsRow; structure: NewsItem["structure"] }): NewsItem => ({
  ...r.item,
  structure: r.structure,
});

/** The newest first: by first publication, drafts (never published) by creation. */
const newest = [desc(newsItems.publishedAt), desc(newsItems.createdAt), desc(newsItems.id)];

/** A news item by id, published or not; null for a malformed or unknown id. */
export async function findNews(db: Db, id: string): Promise<NewsItem | null> {
  if (!isUuid(id)) return null;
  const [row] = await items(db).where(eq(newsItems.id, id));
  return row ? toItem(row) : null;
}

/** Published news, newest first, optionally of one category or one structure, a page at a time. */
export async function listPublishedNews(
  db: Db,
  options: { category?: NewsCategory; structureId?: string; page: number; pageSize: number },
): Promise<{ rows: NewsItem[]; total: number; totalPages: number; page: number }> {
  const where: SQL | undefined = and(
    eq(newsItems.published, true),
    options.category ? eq(newsItems.category, options.category) : undefined,
    options.structureId ? eq(newsItems.structureId, options.structureId) : undefined,
  );
  const [{ total }] = (await db.select({ total: count() }).from(newsItems).where(where)) as [
    { total: number },
  ];
  const { page, totalPages, offset } = pageOf(options.page, total, options.pageSize);
  const rows = await items(db)
    .where(where)
    .orderBy(...newest)
    .limit(options.pageSize)
    .offset(offset);
  return { rows: rows.map(toItem), total, totalPages, page };
}

/** The pinned published news, newest first, for the home page. */
export async function listPinnedNews(db: Db, limit: number): Promise<NewsItem[]> {
  const rows = await items(db)
    .where(and(eq(newsItems.published, true), eq(newsItems.pinned, true)))
    .orderBy(...newest)
    .limit(limit);
  return rows.map(toItem);
}

/** News of these structures (or all, for platform admins), drafts included, for the admin list. */
export async function listManagedNews(db: Db, scope: "all" | string[]): Promise<NewsItem[]> {
  if (scope !== "all" && scope.length === 0) return [];
  const rows = await items(db)
    .where(scope === "all" ? undefined : inArray(newsItems.structureId, scope))
    .orderBy(...newest)
    .limit(200);
  return rows.map(toItem);
}
