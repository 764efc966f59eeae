import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { pageOf } from "../../core/paging.js";
import { structures } from "../../core/structures/tables.js";
import { type Db, rowsOf } from "../../db/client.js";
import { type ResultOrigin, type ResultRow, type ResultStatus, results, resultUpdates } from "./tables.js";

export interface ResultSummary {
  id: string;
  code: string;
  parentId: string | null;
  title: LocalizedText;
  structureId: string;
  structureName: LocalizedText;
  structureCode: string;
  governorateCode: string | null;
  municipalityId: string | null;
  themeCode: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: ResultStatus;
  progress: number;
  updatedAt: Date;
}

/** Whether a result is late: delayed by its staff, or past its end date and not done nor dropped. */
export function isLate(r: { status: ResultStatus; endsOn: string | null }, today: string): boolean {
  if (r.status === "delayed") return true;
  return r.endsOn !== null && r.endsOn < today && r.status !== "done" && r.status !== "dropped";
}

const SUMMARY = {
  id: results.id,
  code: results.code,
  parentId: results.parentId,
  title: results.title,
  structureId: results.structureId,
  structureName: structures.name,
  structureCode: structures.code,
  governorateCode: results.governorateCode,
  municipalityId: results.municipalityId,
  themeCode: results.themeCode,
  startsOn: results.startsOn,
  endsOn: results.endsOn,
  status: results.status,
  progress: results.progress,
  updatedAt: results.updatedAt,
};

export interface ResultFilters {
  structure?: string;
  /** A governorate code, or "national" for results with no place. */
  place?: string;
  theme?: string;
  /** A status, or "late" (delayed, or past its end and not done). */
  status?: string;
  /** Where they come from ("plan": the national action plan). */
  origin?: ResultOrigin;
  /** Only results at the top (no parent): the default list. */
  topLevel?: boolean;
  /** The structures a staff list is limited to. */
  scope?: "all" | string[];
}

function whereOf(f: ResultFilters): SQL | undefined {
  const parts: SQL[] = [];
  if (f.structure)
    parts.push(sql`${results.structureId} = (select id from structures where code = ${f.structure})`);
  if (f.place === "national") parts.push(isNull(results.governorateCode));
  else if (f.place) parts.push(eq(results.governorateCode, f.place));
  if (f.theme) parts.push(eq(results.themeCode, f.theme));
  if (f.status === "late")
    parts.push(
      sql`(${results.status} = 'delayed' or (${results.endsOn} < current_date and ${results.status} not in ('done', 'dropped')))`,
    );
  else if (f.status) parts.push(eq(results.status, f.status as ResultStatus));
  if (f.origin) parts.push(eq(results.origin, f.origin));
  if (f.topLevel) parts.push(isNull(results.parentId));
  if (f.scope && f.scope !== "all")
    parts.push(f.scope.length ? inArray(results.structureId, f.scope) : sql`false`);
  return parts.length ? and(...parts) : undefined;
}

/** A page of results, the most recently moved first. */
export async function listResults(db: Db, filters: ResultFilters, page: number, pageSize: number) {
  const where = whereOf(filters);
  const [total] = await db.select({ n: count() }).from(results).where(where);
  const at = pageOf(page, total?.n ?? 0, pageSize);
  const rows: ResultSummary[] = await db
    .select(SUMMARY)
    .from(results)
    .innerJoin(structures, eq(structures.id, results.structureId))
    .where(where)
    .orderBy(desc(results.updatedAt), asc(results.id))
    .limit(pageSize)
    .offset(at.offset);
  return { rows, total: total?.n ?? 0, ...at };
}

export interface StructureFigures {
  code: string;
  name: LocalizedText;
  results: number;
  done: number;
  late: number;
  meanProgress: number;
}

/** Per structure: how many top-level results, done, late, and their mean progress (the summary chart). */
export async function structureFigures(db: Db, filters: ResultFilters = {}): Promise<StructureFigures[]> {
  const where = whereOf({ ...filters, topLevel: true });
  const figures = db
    .select({
      structureId: results.structureId,
      results: sql<number>`count(*)::int`.as("results"),
      done: sql<number>`(count(*) filter (where ${results.status} = 'done'))::int`.as("done"),
      late: sql<number>`(count(*) filter (where ${results.status} = 'delayed' or (${results.endsOn} < current_date and ${results.status} not in ('done', 'dropped'))))::int`.as(
        "late",
      ),
      meanProgress:
        sql<number>`round(avg(${results.progress}) filter (where ${results.status} <> 'dropped'))::int`.as(
          "mean_progress",
        ),
    })
    .from(results)
    .where(where)
    .groupBy(results.structureId)
    .as("f");
  const rows = await db
    .select({
      code: structures.code,
      name: structures.name,
      results: figures.results,
      done: figures.done,
      late: figures.late,
      meanProgress: figures.meanProgress,
    })
    .from(figures)
    .innerJoin(structures, eq(structures.id, figures.structureId))
    .orderBy(desc(figures.results), asc(structures.code))
    .limit(30);
  return rows.map((r) => ({ ...r, meanProgress: Number(r.meanProgress ?? 0) }));
}

export type ResultDetail = ResultRow & { structureName: LocalizedText; structureCode: string };

export async function findResult(db: Db, id: string): Promise<ResultDetail | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db
    .select({ result: results, structureName: structures.name, structureCode: structures.code })
    .from(results)
    .innerJoin(structures, eq(structures.id, results.structureId))
    .where(eq(results.id, id));
  return row ? { ...row.result, structureName: row.structureName, structureCode: row.structureCode } : null;
}

export async function listChildren(db: Db, parentId: string): Promise<ResultSummary[]> {
  return db
    .select(SUMMARY)
    .from(results)
    .innerJoin(structures, eq(structures.id, results.structureId))
    .where(eq(results.parentId, parentId))
    .orderBy(asc(results.code));
}

export interface TimelineEntry {
  id: string;
  happenedOn: string;
  body: LocalizedText;
  statusBefore: ResultStatus | null;
  statusAfter: ResultStatus | null;
  progressBefore: number | null;
  progressAfter: number | null;
  evidence: typeof resultUpdates.$inferSelect.evidence;
  authorStructureName: LocalizedText | null;
  createdAt: Date;
}

/** A result's timeline: its updates, the newest first (at most `limit`). */
export async function listUpdates(db: Db, resultId: string, limit = 100): Promise<TimelineEntry[]> {
  return db
    .select({
      id: resultUpdates.id,
      happenedOn: resultUpdates.happenedOn,
      body: resultUpdates.body,
      statusBefore: resultUpdates.statusBefore,
      statusAfter: resultUpdates.statusAfter,
      progressBefore: resultUpdates.progressBefore,
      progressAfter: resultUpdates.progressAfter,
      evidence: resultUpdates.evidence,
      authorStructureName: structures.name,
      createdAt: resultUpdates.createdAt,
    })
    .from(resultUpdates)
    .leftJoin(structures, eq(structures.id, resultUpdates.authorStructureId))
    .where(eq(resultUpdates.resultId, resultId))
    .orderBy(desc(resultUpdates.happenedOn), desc(resultUpdates.createdAt))
    .limit(limit);
}

export interface OriginLink {
  origin: ResultOrigin;
  /** Locale-relative path of the record it comes from. */
  path: string | null;
  /** Its title (officials' text in several languages, or a citizen's words). */
  name: LocalizedText | string | null;
  /** A consultation's section title, when it carries one section's decision. */
  section: LocalizedText | null;
  sectionPosition: number | null;
}

/** Where a result comes from, with the name and address of that record (only what is public). */
export async function findOrigin(
  db: Db,
  r: Pick<ResultRow, "origin" | "originId" | "originSectionId">,
): Promise<OriginLink> {
  const none: OriginLink = { origin: r.origin, path: null, name: null, section: null, sectionPosition: null };
  if (!r.originId) return none;
  if (r.origin === "consultation") {
    const [row] = rowsOf<{ title: LocalizedText; section: LocalizedText | null; position: number | null }>(
      await db.execute(sql`
        select c.title, s.title as section, s.position from consultations c
        left join consultation_sections s on s.id = ${r.originSectionId}
        where c.id = ${r.originId} and c.visibility = 'published'`),
    );
    return row
      ? {
          ...none,
          path: `/consultations/${r.originId}${r.originSectionId ? `/sections/${r.originSectionId}` : ""}`,
          name: row.title,
          section: row.section,
          sectionPosition: row.position,
        }
      : none;
  }
  if (r.origin === "idea") {
    const [row] = rowsOf<{ title: string }>(
      await db.execute(
        sql`select title from ideas where id = ${r.originId} and moderation_state = 'visible'`,
      ),
    );
    return row ? { ...none, path: `/ideas/${r.originId}`, name: row.title } : none;
  }
  if (r.origin === "forum") {
    const [row] = rowsOf<{ title: string }>(
      await db.execute(
        sql`select title from forum_threads where id = ${r.originId} and moderation_state = 'visible'`,
      ),
    );
    return row ? { ...none, path: `/forum/threads/${r.originId}`, name: row.title } : none;
  }
  if (r.origin === "budget") {
    // A winning proposal of a participatory budget: its page is under its budget's.
    const [row] = rowsOf<{ title: LocalizedText; budget_id: string }>(
      await db.execute(sql`select title, budget_id from budget_proposals where id = ${r.originId}`),
    );
    return row
      ? { ...none, path: `/budgets/${row.budget_id}/proposals/${r.originId}`, name: row.title }
      : none;
  }
  return none;
}

/** The results that come from a record (a consultation, an idea, a thread), parents first. */
export async function listResultsFrom(
  db: Db,
  origin: ResultOrigin,
  originId: string,
): Promise<ResultSummary[]> {
  return db
    .select(SUMMARY)
    .from(results)
    .innerJoin(structures, eq(structures.id, results.structureId))
    .where(and(eq(results.origin, origin), eq(results.originId, originId)))
    .orderBy(sql`${results.parentId} is not null`, asc(results.code))
    .limit(100);
}

/** A structure's top-level results, the most recently moved first. */
export async function listResultsOfStructure(
  db: Db,
  structureId: string,
  limit = 20,
): Promise<ResultSummary[]> {
  return db
    .select(SUMMARY)
    .from(results)
    .innerJoin(structures, eq(structures.id, results.structureId))
    .where(and(eq(results.structureId, structureId), isNull(results.parentId)))
    .orderBy(desc(results.updatedAt))
    .limit(limit);
}

/**
 * The national action plan: the results of origin "plan", by their end date (the plan's milestones
 * in order), each with the last evidence link of its timeline.
 */
export async function listPlanResults(db: Db, limit = 200) {
  return db
    .select({
      ...SUMMARY,
      description: results.description,
      evidenceUrl: sql<
        string | null
      >`(select e->>'url' from ${resultUpdates} u, jsonb_array_elements(u.evidence) e where u.result_id = ${results.id} and e ? 'url' order by u.happened_on desc, u.created_at desc limit 1)`,
    })
    .from(results)
    .innerJoin(structures, eq(structures.id, results.structureId))
    .where(eq(results.origin, "plan"))
    .orderBy(sql`${results.endsOn} asc nulls last`, asc(results.code))
    .limit(limit);
}
export type PlanResult = Awaited<ReturnType<typeof listPlanResults>>[number];

/**
 * The n-th piece of evidence of an update of a result, when it is a stored file. Results are
 * public, so their evidence files are too; an update of another result, or a link, is none.
 */
export async function findEvidenceFile(
  db: Db,
  resultId: string,
  updateId: string,
  n: string,
): Promise<{ fileKey: string; mime: string } | null> {
  if (
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(updateId) ||
    !/^\d{1,2}$/.test(n)
  )
    return null;
  const [row] = await db
    .select({ evidence: resultUpdates.evidence })
    .from(resultUpdates)
    .where(and(eq(resultUpdates.id, updateId), eq(resultUpdates.resultId, resultId)));
  const e = row?.evidence[Number(n)];
  return e?.fileKey && e.mime ? { fileKey: e.fileKey, mime: e.mime } : null;
}
