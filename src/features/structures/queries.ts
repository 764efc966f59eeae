import { and, asc, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { isUuid } from "../../core/ids.js";
import { pageOf } from "../../core/paging.js";
import { likePattern, normalizedParam } from "../../core/search.js";
import { governorates, STRUCTURE_SEARCH_TEXT, structures } from "../../core/structures/tables.js";
import { type Db, rowsOf } from "../../db/client.js";
import type { StructureKind } from "./commands/structure-fields.js";
import { structureCategories } from "./tables.js";

export type Structure = typeof structures.$inferSelect;
export type StructureCategory = typeof structureCategories.$inferSelect;

/** The few columns lists and trees need. */
export const STRUCTURE_SUMMARY = {
  id: structures.id,
  code: structures.code,
  kind: structures.kind,
  parentId: structures.parentId,
  governorateCode: structures.governorateCode,
  name: structures.name,
  retiredAt: structures.retiredAt,
};
export type StructureSummary = Pick<Structure, keyof typeof STRUCTURE_SUMMARY>;

export async function listGovernorates(db: Db) {
  return db.select().from(governorates).orderBy(asc(governorates.position));
}

/** The active municipalities, by governorate then code, with their governorate (what place fields offer). */
export async function listMunicipalities(db: Db) {
  return db
    .select({
      id: structures.id,
      code: structures.code,
      name: structures.name,
      governorateCode: structures.governorateCode,
    })
    .from(structures)
    .leftJoin(governorates, eq(governorates.code, structures.governorateCode))
    .where(and(eq(structures.kind, "municipality"), isNull(structures.retiredAt)))
    .orderBy(asc(governorates.position), asc(structures.code));
}

/** An active municipality by id (null when the id names none). */
export async function findMunicipality(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ id: structures.id, governorateCode: structures.governorateCode, name: structures.name })
    .from(structures)
    .where(and(eq(structures.id, id), eq(structures.kind, "municipality"), isNull(structures.retiredAt)));
  return row ?? null;
}

export async function findGovernorate(db: Db, code: string) {
  const [row] = await db.select().from(governorates).where(eq(governorates.code, code));
  return row ?? null;
}

/** How many active structures of each kind the directory holds. */
export async function countStructuresByKind(db: Db) {
  return db
    .select({ kind: structures.kind, n: count() })
    .from(structures)
    .where(isNull(structures.retiredAt))
    .groupBy(structures.kind);
}

/** A structure by id; null for unknown ids and for strings that are not uuids (never a database error). */
export async function findStructureById(db: Db, id: string | undefined): Promise<Structure | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(structures).where(eq(structures.id, id));
  return row ?? null;
}

export async function findStructureByCode(db: Db, code: string): Promise<Structure | null> {
  if (!/^[a-z0-9-]{1,64}$/.test(code)) return null;
  const [row] = await db.select().from(structures).where(eq(structures.code, code));
  return row ?? null;
}

/** The chain of parents above a structure, from the top of the tree down to its parent. */
export async function listAncestors(db: Db, structure: Pick<Structure, "parentId">) {
  if (!structure.parentId) return [];
  const chain = rowsOf<{ id: string; depth: number }>(
    await db.execute(sql`
      with recursive chain(id, parent_id, depth) as (
        select id, parent_id, 0 from structures where id = ${structure.parentId}
        union all
        select s.id, s.parent_id, c.depth + 1 from structures s join chain c on s.id = c.parent_id
        where c.depth < 32
      )
      select id, depth from chain`),
  );
  if (chain.length === 0) return [];
  const rows = await db
    .select(STRUCTURE_SUMMARY)
    .from(structures)
    .where(
      inArray(
        structures.id,
        chain.map((c) => c.id),
      ),
    );
  const depth = new Map(chain.map((c) => [c.id, Number(c.depth)]));
  return rows.sort((a, b) => (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0));
}

/** The ids of a structure and of everything below it. */
export async function listSubtreeIds(db: Db, id: string): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive subtree(id) as (
        select id from structures where id = ${id}
        union
        select s.id from structures s join subtree t on s.parent_id = t.id
      )
      select id from subtree`),
  ).map((r) => r.id);
}

export async function listActiveChildren(db: Db, id: string) {
  return db
    .select(STRUCTURE_SUMMARY)
    .from(structures)
    .where(and(eq(structures.parentId, id), isNull(structures.retiredAt)));
}

export async function listCategories(
  db: Db,
  structureId: string,
  options: { includeRetired?: boolean } = {},
) {
  return db
    .select()
    .from(structureCategories)
    .where(
      and(
        eq(structureCategories.structureId, structureId),
        options.includeRetired ? undefined : isNull(structureCategories.retiredAt),
      ),
    )
    .orderBy(asc(structureCategories.code));
}

export async function findCategory(db: Db, structureId: string, id: string | undefined) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(structureCategories)
    .where(and(eq(structureCategories.id, id), eq(structureCategories.structureId, structureId)));
  return row ?? null;
}

/** Every active structure, with what the directory tree needs. */
export async function listDirectoryNodes(db: Db) {
  return db.select(STRUCTURE_SUMMARY).from(structures).where(isNull(structures.retiredAt));
}

export async function listStructuresByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(STRUCTURE_SUMMARY).from(structures).where(inArray(structures.id, ids));
}

// ---------------------------------------------------------------------------
// Search: every word must appear in a name (in any language, after Arabic normalisation and
// accent folding), or the whole query must be close to a word sequence (trigram word similarity).
// ---------------------------------------------------------------------------

const MAX_TERMS = 8;

/** The WHERE condition for a search query, or undefined when the query is empty. */
export function searchCondition(q: string): SQL | undefined {
  const query = q.trim().replace(/\s+/g, " ");
  if (!query) return undefined;
  const terms = query.split(" ").slice(0, MAX_TERMS);
  const all = terms.map((term) => sql`${STRUCTURE_SEARCH_TEXT} like ${normalizedParam(likePattern(term))}`);
  return sql`((${sql.join(all, sql` and `)}) or ${normalizedParam(query)} <% ${STRUCTURE_SEARCH_TEXT})`;
}

/** Orders search results: names containing the whole query first, then the closest. */
export function searchRank(q: string): SQL {
  const query = q.trim().replace(/\s+/g, " ");
  return sql`(case when ${STRUCTURE_SEARCH_TEXT} like ${normalizedParam(likePattern(query))} then 0 else 1 end), word_similarity(${normalizedParam(query)}, ${STRUCTURE_SEARCH_TEXT}) desc`;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  totalPages: number;
}

/** The public directory's search: active structures only, optionally in one governorate. */
export async function searchStructures(
  db: Db,
  options: { q: string; governorate?: string; page: number; pageSize: number },
): Promise<Page<StructureSummary>> {
  const where = and(
    isNull(structures.retiredAt),
    options.governorate ? eq(structures.governorateCode, options.governorate) : undefined,
    searchCondition(options.q),
  );
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(structures).where(where);
  const { page, totalPages, offset } = pageOf(options.page, n, options.pageSize);
  const rows = await db
    .select(STRUCTURE_SUMMARY)
    .from(structures)
    .where(where)
    .orderBy(searchRank(options.q), asc(structures.code))
    .limit(options.pageSize)
    .offset(offset);
  return { rows, total: n, page, totalPages };
}

/** The admin list: every structure (retired included) in scope, filtered by words and kind. */
export async function listAdminStructures(
  db: Db,
  options: { q: string; kind?: StructureKind; scope: "all" | string[]; page: number; pageSize: number },
): Promise<Page<StructureSummary>> {
  if (options.scope !== "all" && options.scope.length === 0)
    return { rows: [], total: 0, page: 1, totalPages: 1 };
  const where = and(
    options.scope === "all" ? undefined : inArray(structures.id, options.scope),
    options.kind ? eq(structures.kind, options.kind) : undefined,
    searchCondition(options.q),
  );
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(structures).where(where);
  const { page, totalPages, offset } = pageOf(options.page, n, options.pageSize);
  const order = options.q.trim() ? [searchRank(options.q), asc(structures.code)] : [asc(structures.code)];
  const rows = await db
    .select(STRUCTURE_SUMMARY)
    .from(structures)
    .where(where)
    .orderBy(...order)
    .limit(options.pageSize)
    .offset(offset);
  return { rows, total: n, page, totalPages };
}

/** Active structures a structure may be placed under: all but itself and its descendants. */
export async function listParentOptions(db: Db, movingId?: string) {
  const excluded = movingId ? await listSubtreeIds(db, movingId) : [];
  const rows = await listDirectoryNodes(db);
  return rows.filter((r) => !excluded.includes(r.id));
}

/** Everything a structure's public page shows, by code; null when there is no such structure. */
export async function findStructurePage(db: Db, code: string) {
  const structure = await findStructureByCode(db, code);
  if (!structure) return null;
  const [ancestors, children, categories, governorate] = await Promise.all([
    listAncestors(db, structure),
    listActiveChildren(db, structure.id),
    listCategories(db, structure.id),
    structure.governorateCode ? findGovernorate(db, structure.governorateCode) : null,
  ]);
  return { structure, ancestors, children, categories, governorate };
}
