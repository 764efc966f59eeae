import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { isUuid } from "../../core/ids.js";
import { foldAccents, likePattern } from "../../core/search.js";
import type { Db } from "../../db/client.js";
import { helpArticles } from "./tables.js";

export type HelpArticle = typeof helpArticles.$inferSelect;

/** Titles and bodies in every language, Arabic-normalised and without French accents. */
const SEARCH_TEXT = sql.raw(foldAccents(`normalize_arabic(title::text || ' ' || body::text)`));

/** Every word of the query must appear (French accents folded here, Arabic forms in SQL). */
function matchAll(q: string): SQL | undefined {
  const terms = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (terms.length === 0) return undefined;
  const fold = (term: string) => term.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return and(...terms.map((term) => sql`${SEARCH_TEXT} like normalize_arabic(${likePattern(fold(term))})`));
}

/** Guides and questions in their order; with `q`, those matching every word of it. */
export async function listHelpArticles(db: Db, q = ""): Promise<HelpArticle[]> {
  return db
    .select()
    .from(helpArticles)
    .where(matchAll(q))
    .orderBy(asc(helpArticles.kind), asc(helpArticles.position), asc(helpArticles.slug))
    .limit(200);
}

export async function findHelpArticle(db: Db, slug: string): Promise<HelpArticle | null> {
  const [row] = await db.select().from(helpArticles).where(eq(helpArticles.slug, slug));
  return row ?? null;
}

export async function findHelpArticleById(db: Db, id: string): Promise<HelpArticle | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(helpArticles).where(eq(helpArticles.id, id));
  return row ?? null;
}
