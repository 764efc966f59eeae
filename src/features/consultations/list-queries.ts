import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { pageOf } from "../../core/paging.js";
import { likePattern, normalizedParam } from "../../core/search.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { CONSULTATION_SEARCH_TEXT, consultations } from "./tables.js";

/** The lists of consultations: the public list and its front page, the home page's, the admin's. */

export type ListStatus = "open" | "upcoming" | "closed" | "decided";
export const LIST_STATUSES: readonly ListStatus[] = ["open", "upcoming", "closed", "decided"];

export interface ListFilters {
  status?: ListStatus;
  theme?: string;
  /** A structure's code. */
  structure?: string;
  /** "national", or a governorate code (its own and its municipalities' consultations). */
  area?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface ConsultationCard {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  theme: string;
  opensAt: Date;
  closesAt: Date;
  outcomePublishedAt: Date | null;
  visibility: "draft" | "published";
  structureName: LocalizedText;
}

function statusCondition(status: ListStatus, now: Date): SQL {
  switch (status) {
    case "open":
      return sql`${consultations.outcomePublishedAt} is null and ${consultations.opensAt} <= ${now} and ${consultations.closesAt} > ${now}`;
    case "upcoming":
      return sql`${consultations.outcomePublishedAt} is null and ${consultations.opensAt} > ${now}`;
    case "closed":
      return sql`${consultations.outcomePublishedAt} is null and ${consultations.closesAt} <= ${now}`;
    case "decided":
      return sql`${consultations.outcomePublishedAt} is not null`;
  }
}

/** Every word of the query must appear in the title or summary (Arabic-normalised, accents folded). */
function searchCondition(q: string): SQL | undefined {
  const words = q
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`${CONSULTATION_SEARCH_TEXT} like ${normalizedParam(likePattern(w))}`));
}

const cardColumns = {
  id: consultations.id,
  title: consultations.title,
  summary: consultations.summary,
  theme: consultations.theme,
  opensAt: consultations.opensAt,
  closesAt: consultations.closesAt,
  outcomePublishedAt: consultations.outcomePublishedAt,
  visibility: consultations.visibility,
  structureName: structures.name,
};

/** Published consultations matching the filters, newest first (by opening date): one page (within the last). */
export async function listPublicConsultations(
  db: Db,
  filters: ListFilters,
  now = new Date(),
): Promise<{ items: ConsultationCard[]; total: number; page: number; totalPages: number }> {
  const conditions: Array<SQL | undefined> = [eq(consultations.visibility, "published")];
  if (filters.status) conditions.push(statusCondition(filters.status, now));
  if (filters.theme) conditions.push(eq(consultations.theme, filters.theme));
  if (filters.structure) conditions.push(eq(structures.code, filters.structure));
  if (filters.area === "national") conditions.push(eq(consultations.area, "national"));
  else if (filters.area) conditions.push(eq(consultations.governorateCode, filters.area));
  if (filters.q) conditions.push(searchCondition(filters.q));
  const where = and(...conditions);
  const [counted] = await db
    .select({ n: count() })
    .from(consultations)
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .where(where);
  const total = counted?.n ?? 0;
  const { page, totalPages, offset } = pageOf(filters.page, total, filters.pageSize);
  const items = await db
    .select(cardColumns)
    .from(consultations)
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .where(where)
    .orderBy(
      filters.status === "decided" ? desc(consultations.outcomePublishedAt) : desc(consultations.opensAt),
    )
    .limit(filters.pageSize)
    .offset(offset);
  return { items, total, page, totalPages };
}

/** The three groups of the list's front page: open now (closing soonest first), upcoming, recently decided. */
export async function listHighlights(db: Db, limit: number, now = new Date()) {
  const group = (status: ListStatus, order: SQL) =>
    db
      .select(cardColumns)
      .from(consultations)
      .innerJoin(structures, eq(structures.id, consultations.structureId))
      .where(and(eq(consultations.visibility, "published"), statusCondition(status, now)))
      .orderBy(order)
      .limit(limit);
  const [open, upcoming, decided] = await Promise.all([
    listOpenConsultations(db, limit, now),
    group("upcoming", asc(consultations.opensAt)),
    group("decided", desc(consultations.outcomePublishedAt)),
  ]);
  return { open, upcoming, decided };
}

/**
 * The consultations open now, closing soonest first (the home page shows a few; a structure's
 * "open consultations" widget shows its own when `structureId` is given).
 */
export async function listOpenConsultations(
  db: Db,
  limit: number,
  now = new Date(),
  structureId?: string,
): Promise<ConsultationCard[]> {
  return db
    .select(cardColumns)
    .from(consultations)
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .where(
      and(
        eq(consultations.visibility, "published"),
        statusCondition("open", now),
        structureId ? eq(consultations.structureId, structureId) : undefined,
      ),
    )
    .orderBy(asc(consultations.closesAt))
    .limit(limit);
}

/** Structures that have published consultations, for the list's filter. */
export async function listConsultingStructures(db: Db) {
  return db
    .selectDistinct({ code: structures.code, name: structures.name })
    .from(structures)
    .innerJoin(consultations, eq(consultations.structureId, structures.id))
    .where(eq(consultations.visibility, "published"))
    .orderBy(structures.code);
}

// --- Admin list ---------------------------------------------------------------------------------

export async function listAdminConsultations(db: Db, scope: "all" | string[]): Promise<ConsultationCard[]> {
  if (scope !== "all" && scope.length === 0) return [];
  return db
    .select(cardColumns)
    .from(consultations)
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .where(scope === "all" ? undefined : inArray(consultations.structureId, scope))
    .orderBy(desc(consultations.createdAt))
    .limit(500);
}
