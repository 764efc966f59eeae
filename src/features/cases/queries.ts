import { and, asc, desc, eq, ilike, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { sha256 } from "../../core/auth/secrets.js";
import { isUuid } from "../../core/ids.js";
import { STRUCTURE_SEARCH_TEXT, structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { structureCategories } from "../structures/tables.js";
import { OPEN_STATUSES, PUBLIC_EVENTS } from "./lifecycle.js";
import { caseAttachments, caseEvents, caseFollowers, cases } from "./tables.js";

export type CaseRow = typeof cases.$inferSelect;

export async function findCaseByFollowToken(db: Db, token: string): Promise<CaseRow | null> {
  const [row] = await db
    .select()
    .from(cases)
    .where(eq(cases.followTokenHash, sha256(token)));
  return row ?? null;
}

/** A request by id; null for unknown ids and for strings that are not uuids (never a database error). */
export async function findCase(db: Db, id: string | undefined): Promise<CaseRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row ?? null;
}

/** A citizen's own requests, newest first. */
export async function listMyCases(db: Db, accountId: string) {
  return db
    .select({ case: cases, structureName: structures.name })
    .from(cases)
    .innerJoin(structures, eq(structures.id, cases.structureId))
    .where(eq(cases.submitterId, accountId))
    .orderBy(desc(cases.createdAt))
    .limit(200);
}

/** The requests an account follows without having filed them (a merged duplicate's followers included). */
export async function listFollowedCases(db: Db, accountId: string) {
  return db
    .select({ case: cases, structureName: structures.name })
    .from(caseFollowers)
    .innerJoin(cases, eq(cases.id, caseFollowers.caseId))
    .innerJoin(structures, eq(structures.id, cases.structureId))
    .where(
      and(
        eq(caseFollowers.accountId, accountId),
        or(isNull(cases.submitterId), ne(cases.submitterId, accountId)),
      ),
    )
    .orderBy(desc(cases.updatedAt))
    .limit(200);
}

/** What the citizen sees of a request's history (internal notes and routing are left out). */
export async function listPublicEvents(db: Db, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.internal, false),
        inArray(caseEvents.kind, [...PUBLIC_EVENTS]),
      ),
    )
    .orderBy(asc(caseEvents.at));
}

/**
 * The files the citizen sees on their request: those sent with it, and those that came with an event
 * of its public history (an answer's documents); never one of an internal event.
 */
export async function listAttachments(db: Db, caseId: string) {
  return db
    .select({ attachment: caseAttachments })
    .from(caseAttachments)
    .leftJoin(caseEvents, eq(caseEvents.id, caseAttachments.eventId))
    .where(
      and(
        eq(caseAttachments.caseId, caseId),
        or(
          isNull(caseAttachments.eventId),
          and(eq(caseEvents.internal, false), inArray(caseEvents.kind, [...PUBLIC_EVENTS])),
        ),
      ),
    )
    .orderBy(asc(caseAttachments.createdAt))
    .then((rows) => rows.map((r) => r.attachment));
}

export async function findStructureSummary(db: Db, id: string) {
  const [row] = await db
    .select({ id: structures.id, code: structures.code, name: structures.name })
    .from(structures)
    .where(eq(structures.id, id));
  return row ?? null;
}

/** Structures a citizen can address, matched by name in any language (Arabic-normalised). */
export async function searchStructures(db: Db, query: string, limit = 20) {
  const q = query.trim();
  const where = q
    ? and(
        isNull(structures.retiredAt),
        sql`${STRUCTURE_SEARCH_TEXT} like '%' || normalize_arabic(${q}) || '%'`,
      )
    : and(
        isNull(structures.retiredAt),
        inArray(structures.kind, ["ministry", "central_office", "independent_body"]),
      );
  return db
    .select({ code: structures.code, name: structures.name, kind: structures.kind })
    .from(structures)
    .where(where)
    .orderBy(asc(structures.kind), asc(structures.code))
    .limit(limit);
}

export async function findStructureByCode(db: Db, code: string) {
  const [row] = await db
    .select({
      id: structures.id,
      code: structures.code,
      name: structures.name,
      kind: structures.kind,
      governorateCode: structures.governorateCode,
    })
    .from(structures)
    .where(and(eq(structures.code, code), isNull(structures.retiredAt)));
  return row ?? null;
}

export async function listActiveCategories(db: Db, structureId: string) {
  return db
    .select({ id: structureCategories.id, name: structureCategories.name })
    .from(structureCategories)
    .where(and(eq(structureCategories.structureId, structureId), isNull(structureCategories.retiredAt)))
    .orderBy(asc(structureCategories.code));
}

/**
 * Open public-interest requests (notices and suggestions) at a structure that look like what the
 * person is about to write: trigram similarity on the Arabic-normalised subject. Complaints and
 * information requests can be personal, so they are never shown to others.
 */
export async function findSimilarOpenCases(db: Db, structureId: string, words: string, limit = 5) {
  const q = words.trim();
  if (q.length < 3) return [];
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      subject: cases.subject,
      createdAt: cases.createdAt,
      status: cases.status,
    })
    .from(cases)
    .where(
      and(
        eq(cases.structureId, structureId),
        inArray(cases.status, [...OPEN_STATUSES]),
        inArray(cases.type, ["notice", "suggestion"]),
        or(
          sql`normalize_arabic(${cases.subject}) % normalize_arabic(${q})`,
          ilike(sql`normalize_arabic(${cases.subject})`, sql`'%' || normalize_arabic(${q}) || '%'`),
        ),
      ),
    )
    .orderBy(desc(sql`similarity(normalize_arabic(${cases.subject}), normalize_arabic(${q}))`))
    .limit(limit);
}
