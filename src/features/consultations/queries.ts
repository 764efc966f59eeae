import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { pageOf } from "../../core/paging.js";
import { type Db, rowsOf } from "../../db/client.js";
import type { ModerationState } from "../moderation/tables.js";
import { foldAccents, governorates, structures } from "../structures/tables.js";
import { isFollowing as isFollowingThing } from "../subscriptions/queries.js";
import { COMMENTS_PER_PAGE, isUuid } from "./fields.js";
import {
  CONSULTATION_SEARCH_TEXT,
  consultationAnswers,
  consultationCommentSupports,
  consultationComments,
  consultationDocuments,
  consultationOutcomes,
  consultationQuestions,
  consultationResponses,
  consultationSections,
  consultationSyntheses,
  consultations,
} from "./tables.js";

export type Consultation = typeof consultations.$inferSelect;
export type Section = typeof consultationSections.$inferSelect;
export type Question = typeof consultationQuestions.$inferSelect;
export type ConsultationDocument = typeof consultationDocuments.$inferSelect;
export type Outcome = typeof consultationOutcomes.$inferSelect;
export type Synthesis = typeof consultationSyntheses.$inferSelect;

/** A consultation with what its pages say about it: the structure, and the area's names. */
export interface ConsultationView extends Consultation {
  structure: { code: string; name: LocalizedText };
  governorateName: LocalizedText | null;
  municipalityName: LocalizedText | null;
}

const municipalities = alias(structures, "municipalities");

export async function findConsultation(db: Db, id: string): Promise<ConsultationView | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      c: consultations,
      structureCode: structures.code,
      structureName: structures.name,
      governorateName: governorates.name,
      municipalityName: municipalities.name,
    })
    .from(consultations)
    .innerJoin(structures, eq(structures.id, consultations.structureId))
    .leftJoin(governorates, eq(governorates.code, consultations.governorateCode))
    .leftJoin(municipalities, eq(municipalities.id, consultations.municipalityId))
    .where(eq(consultations.id, id));
  if (!row) return null;
  return {
    ...row.c,
    structure: { code: row.structureCode, name: row.structureName },
    governorateName: row.governorateName,
    municipalityName: row.municipalityName,
  };
}

// --- The public list ----------------------------------------------------------------------------

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
  const [before, after] = foldAccents("normalize_arabic(\u0000::text)").split("\u0000");
  return and(
    ...words.map(
      (w) =>
        sql`${CONSULTATION_SEARCH_TEXT} like ${sql.raw(before!)}${`%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}${sql.raw(after!)}`,
    ),
  );
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

// --- A consultation's content -------------------------------------------------------------------

export async function listSections(db: Db, consultationId: string): Promise<Section[]> {
  return db
    .select()
    .from(consultationSections)
    .where(eq(consultationSections.consultationId, consultationId))
    .orderBy(asc(consultationSections.position));
}

export async function findSection(db: Db, consultationId: string, sectionId: string) {
  if (!isUuid(sectionId)) return null;
  const [row] = await db
    .select()
    .from(consultationSections)
    .where(
      and(eq(consultationSections.consultationId, consultationId), eq(consultationSections.id, sectionId)),
    );
  return row ?? null;
}

export async function listDocuments(db: Db, consultationId: string): Promise<ConsultationDocument[]> {
  return db
    .select()
    .from(consultationDocuments)
    .where(eq(consultationDocuments.consultationId, consultationId))
    .orderBy(asc(consultationDocuments.createdAt));
}

export async function listQuestions(db: Db, consultationId: string): Promise<Question[]> {
  return db
    .select()
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, consultationId))
    .orderBy(asc(consultationQuestions.position));
}

/**
 * What a consultation's page shows besides its comments, in one round trip: its sections, its
 * documents, how many questions its questionnaire has, and its visible comments per section.
 */
export async function loadPageContent(db: Db, consultationId: string) {
  const [row] = rowsOf<{
    sections: Array<Omit<Section, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string }>;
    documents: Array<
      Omit<ConsultationDocument, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string }
    >;
    questions: number;
    counts: Record<string, number>;
  }>(
    await db.execute(sql`
      select
        (select coalesce(json_agg(json_build_object('id', s.id, 'consultationId', s.consultation_id,
            'position', s.position, 'title', s.title, 'body', s.body, 'createdAt', s.created_at,
            'updatedAt', s.updated_at) order by s.position), '[]')
          from ${consultationSections} s where s.consultation_id = ${consultationId}) as sections,
        (select coalesce(json_agg(json_build_object('id', d.id, 'consultationId', d.consultation_id,
            'title', d.title, 'fileKey', d.file_key, 'mime', d.mime, 'size', d.size,
            'createdAt', d.created_at, 'updatedAt', d.updated_at) order by d.created_at), '[]')
          from ${consultationDocuments} d where d.consultation_id = ${consultationId}) as documents,
        (select count(*)::int from ${consultationQuestions} q where q.consultation_id = ${consultationId}) as questions,
        (select coalesce(json_object_agg(coalesce(k.section_id::text, ''), k.n), '{}')
          from (select section_id, count(*) as n from ${consultationComments}
            where consultation_id = ${consultationId} and status = 'visible' and moderation_state = 'visible' group by section_id) k) as counts`),
  );
  const dates = <T extends { createdAt: string; updatedAt: string }>(r: T) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  });
  return {
    sections: (row?.sections ?? []).map(dates) as Section[],
    documents: (row?.documents ?? []).map(dates) as ConsultationDocument[],
    questionCount: Number(row?.questions ?? 0),
    counts: new Map(Object.entries(row?.counts ?? {}).map(([k, n]) => [k, Number(n)])),
  };
}

// --- Comments -----------------------------------------------------------------------------------

export type CommentSort = "recent" | "supported";

export interface CommentView {
  id: string;
  sectionId: string | null;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  body: string;
  alignment: "for" | "against" | "neutral" | null;
  official: boolean;
  /** removed: emptied when its author deleted their account. */
  status: "visible" | "removed";
  /** held: shown only to its author and moderators (the lists leave it out for others); hidden: a tombstone. */
  moderationState: ModerationState;
  moderationReason: string | null;
  supportCount: number;
  createdAt: Date;
  /** "" once the account is deleted. */
  authorName: string;
  supportedByMe: boolean;
}

export interface CommentThread extends CommentView {
  replies: CommentView[];
  /** Replies in the thread, shown or not. */
  replyCount: number;
}

const commentColumns = {
  id: consultationComments.id,
  sectionId: consultationComments.sectionId,
  parentId: consultationComments.parentId,
  rootId: consultationComments.rootId,
  depth: consultationComments.depth,
  body: consultationComments.body,
  alignment: consultationComments.alignment,
  official: consultationComments.official,
  status: consultationComments.status,
  moderationState: consultationComments.moderationState,
  moderationReason: consultationComments.moderationReason,
  supportCount: consultationComments.supportCount,
  createdAt: consultationComments.createdAt,
  authorName: sql<string>`coalesce(${accounts.displayName}, '')`,
};

/** Replies shown under each comment of a list page; the thread's own page shows them all. */
export const REPLIES_PER_THREAD = 2;

/** Who reads the comments: held comments show only to their author and to moderators. */
export interface CommentViewer {
  accountId: string | null;
  moderator: boolean;
}

/** The comments this viewer may see, as a condition on the comments aliased `c`. */
function seenBy(viewer: CommentViewer): SQL {
  if (viewer.moderator) return sql`true`;
  return viewer.accountId
    ? sql`(c.moderation_state <> 'held' or c.author_id = ${viewer.accountId})`
    : sql`c.moderation_state <> 'held'`;
}

async function supportedBy(db: Db, accountId: string | null, ids: string[]): Promise<Set<string>> {
  if (!accountId || ids.length === 0) return new Set();
  const rows = await db
    .select({ id: consultationCommentSupports.commentId })
    .from(consultationCommentSupports)
    .where(
      and(
        eq(consultationCommentSupports.accountId, accountId),
        inArray(consultationCommentSupports.commentId, ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

interface CommentRow {
  kind: "top" | "reply";
  pos: number;
  id: string;
  sectionId: string | null;
  parentId: string | null;
  rootId: string | null;
  depth: number;
  body: string;
  alignment: CommentView["alignment"];
  official: boolean;
  status: CommentView["status"];
  moderationState: ModerationState;
  moderationReason: string | null;
  supportCount: number;
  createdAt: string | Date;
  authorName: string;
  /** Replies in the thread (reply rows), or top-level comments in the list (top rows). */
  total: number;
}

/**
 * One page of the comments on a section (or on the whole text: sectionId null), with the first
 * replies of each, in one round trip whatever the number of comments: the page (an index scan that
 * stops at the page), its count, and the replies of the page's comments (by root); plus the
 * viewer's supports among them when someone is signed in.
 */
export async function listCommentPage(
  db: Db,
  options: {
    consultationId: string;
    sectionId: string | null;
    sort: CommentSort;
    page: number;
    viewer: CommentViewer;
    pageSize?: number;
  },
): Promise<{ threads: CommentThread[]; total: number; totalPages: number; page: number }> {
  const pageSize = options.pageSize ?? COMMENTS_PER_PAGE;
  const where = sql`c.consultation_id = ${options.consultationId} and ${
    options.sectionId === null ? sql`c.section_id is null` : sql`c.section_id = ${options.sectionId}`
  } and c.parent_id is null and ${seenBy(options.viewer)}`;
  const order =
    options.sort === "supported" ? sql`c.support_count desc, c.created_at desc` : sql`c.created_at desc`;
  const [counted] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${consultationComments} c where ${where}`),
  );
  const total = counted?.n ?? 0;
  const { page, totalPages, offset } = pageOf(options.page, total, pageSize);
  const rows = rowsOf<CommentRow>(
    await db.execute(sql`
        with top as (
          select p.*, row_number() over () as pos
          from (
            select c.* from ${consultationComments} c
            where ${where}
            order by ${order}
            limit ${pageSize} offset ${offset}
          ) p
        ),
        replies as (
          select * from (
            select c.*, row_number() over (partition by c.root_id order by c.created_at) as pos,
              count(*) over (partition by c.root_id)::int as total
            from ${consultationComments} c
            where c.root_id in (select id from top) and ${seenBy(options.viewer)}
          ) r
          where pos <= ${REPLIES_PER_THREAD}
        ),
        shown as (
          -- total: how many replies a thread has (the top comments are counted above)
          select 'top' as kind, t.*, 0 as total
          from top t
          union all
          select 'reply', r.* from replies r
        )
        select s.kind, s.pos::int as pos, s.id, s.section_id as "sectionId", s.parent_id as "parentId",
          s.root_id as "rootId", s.depth, s.body, s.alignment, s.official, s.status,
          s.moderation_state as "moderationState", s.moderation_reason as "moderationReason",
          s.support_count as "supportCount", s.created_at as "createdAt",
          coalesce(a.display_name, '') as "authorName", s.total
        from shown s left join ${accounts} a on a.id = s.author_id`),
  );
  const view = (r: CommentRow): Omit<CommentView, "supportedByMe"> => ({
    id: r.id,
    sectionId: r.sectionId,
    parentId: r.parentId,
    rootId: r.rootId,
    depth: r.depth,
    body: r.body,
    alignment: r.alignment,
    official: r.official,
    status: r.status,
    moderationState: r.moderationState,
    moderationReason: r.moderationReason,
    supportCount: r.supportCount,
    createdAt: new Date(r.createdAt),
    authorName: r.authorName,
  });
  const top = rows.filter((r) => r.kind === "top").sort((a, b) => a.pos - b.pos);
  const replies = rows.filter((r) => r.kind === "reply").sort((a, b) => a.pos - b.pos);
  const mine = await supportedBy(
    db,
    options.viewer.accountId,
    rows.map((r) => r.id),
  );
  const threads = top.map((c) => {
    const own = replies.filter((r) => r.rootId === c.id);
    return {
      ...view(c),
      supportedByMe: mine.has(c.id),
      replies: own.map((r) => ({ ...view(r), supportedByMe: mine.has(r.id) })),
      replyCount: own[0]?.total ?? 0,
    };
  });
  return { threads, total, totalPages, page };
}

/**
 * A comment and all its replies (its thread's page); null when there is no such comment here or
 * its thread starts with a comment held from this viewer.
 */
export async function findThread(
  db: Db,
  consultationId: string,
  commentId: string,
  viewer: CommentViewer,
): Promise<CommentThread | null> {
  if (!isUuid(commentId)) return null;
  const mayRead = (row: { moderationState: ModerationState; authorId: string | null }) =>
    viewer.moderator || row.moderationState !== "held" || row.authorId === viewer.accountId;
  const columns = { ...commentColumns, authorId: consultationComments.authorId };
  const [comment] = await db
    .select(columns)
    .from(consultationComments)
    .leftJoin(accounts, eq(accounts.id, consultationComments.authorId))
    .where(
      and(eq(consultationComments.id, commentId), eq(consultationComments.consultationId, consultationId)),
    );
  if (!comment) return null;
  const rootId = comment.rootId ?? comment.id;
  const [root] =
    rootId === comment.id
      ? [comment]
      : await db
          .select(columns)
          .from(consultationComments)
          .leftJoin(accounts, eq(accounts.id, consultationComments.authorId))
          .where(eq(consultationComments.id, rootId));
  if (!root || !mayRead(root)) return null;
  const replies = (
    await db
      .select(columns)
      .from(consultationComments)
      .leftJoin(accounts, eq(accounts.id, consultationComments.authorId))
      .where(eq(consultationComments.rootId, rootId))
      .orderBy(asc(consultationComments.createdAt))
      .limit(1000)
  ).filter(mayRead);
  const mine = await supportedBy(db, viewer.accountId, [rootId, ...replies.map((r) => r.id)]);
  const view = ({ authorId: _, ...c }: typeof root) => c;
  return {
    ...view(root),
    supportedByMe: mine.has(rootId),
    replies: replies.map((r) => ({ ...view(r), supportedByMe: mine.has(r.id) })),
    replyCount: replies.length,
  };
}

export async function findComment(db: Db, consultationId: string, commentId: string) {
  if (!isUuid(commentId)) return null;
  const [row] = await db
    .select()
    .from(consultationComments)
    .where(
      and(eq(consultationComments.id, commentId), eq(consultationComments.consultationId, consultationId)),
    );
  return row ?? null;
}

// --- Questionnaire ------------------------------------------------------------------------------

export async function hasResponded(db: Db, consultationId: string, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: consultationResponses.id })
    .from(consultationResponses)
    .where(
      and(
        eq(consultationResponses.consultationId, consultationId),
        eq(consultationResponses.accountId, accountId),
      ),
    );
  return Boolean(row);
}

export interface QuestionResult {
  questionId: string;
  kind: Question["kind"];
  /** People who answered this question. */
  answered: number;
  /** Per option id (choices) or per scale value, as a string. */
  counts: Record<string, number>;
  /** A scale question's mean, rounded to 2 decimals; null without answers. */
  mean: number | null;
}

/** The questionnaire's aggregated answers: counts per option or scale value, and respondents. */
export async function questionnaireResults(
  db: Db,
  consultationId: string,
): Promise<{ respondents: number; questions: QuestionResult[] }> {
  const questions = await listQuestions(db, consultationId);
  const [respondents] = await db
    .select({ n: count() })
    .from(consultationResponses)
    .where(eq(consultationResponses.consultationId, consultationId));
  const choiceRows = rowsOf<{ question_id: string; value: string; n: number }>(
    await db.execute(sql`
      select a.question_id, v.value, count(*)::int as n
      from ${consultationAnswers} a
      join ${consultationQuestions} q on q.id = a.question_id
      cross join lateral unnest(a.choices) as v(value)
      where q.consultation_id = ${consultationId}
      group by a.question_id, v.value`),
  );
  const scaleRows = rowsOf<{ question_id: string; value: number; n: number }>(
    await db.execute(sql`
      select a.question_id, a.scale as value, count(*)::int as n
      from ${consultationAnswers} a
      join ${consultationQuestions} q on q.id = a.question_id
      where q.consultation_id = ${consultationId} and a.scale is not null
      group by a.question_id, a.scale`),
  );
  const answeredRows = rowsOf<{ question_id: string; n: number }>(
    await db.execute(sql`
      select a.question_id, count(*)::int as n
      from ${consultationAnswers} a
      join ${consultationQuestions} q on q.id = a.question_id
      where q.consultation_id = ${consultationId}
        and (cardinality(a.choices) > 0 or a.scale is not null or coalesce(a.text, '') <> '')
      group by a.question_id`),
  );
  return {
    respondents: respondents?.n ?? 0,
    questions: questions.map((q) => {
      const counts: Record<string, number> = {};
      if (q.kind === "single" || q.kind === "multiple") {
        for (const o of q.options) counts[o.id] = 0;
        for (const r of choiceRows) if (r.question_id === q.id) counts[r.value] = Number(r.n);
      }
      let mean: number | null = null;
      if (q.kind === "scale") {
        for (let v = q.scaleMin ?? 1; v <= (q.scaleMax ?? 5); v++) counts[String(v)] = 0;
        let sum = 0;
        let n = 0;
        for (const r of scaleRows)
          if (r.question_id === q.id) {
            counts[String(r.value)] = Number(r.n);
            sum += Number(r.value) * Number(r.n);
            n += Number(r.n);
          }
        mean = n > 0 ? Math.round((sum / n) * 100) / 100 : null;
      }
      const answered = Number(answeredRows.find((r) => r.question_id === q.id)?.n ?? 0);
      return { questionId: q.id, kind: q.kind, answered, counts, mean };
    }),
  };
}

/** The text answers to one question (admins only), newest first. */
export async function listTextAnswers(db: Db, questionId: string, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ text: consultationAnswers.text })
    .from(consultationAnswers)
    .where(and(eq(consultationAnswers.questionId, questionId), isNotNull(consultationAnswers.text)))
    .orderBy(desc(consultationAnswers.createdAt))
    .limit(limit);
  return rows.map((r) => r.text!).filter((t) => t.length > 0);
}

// --- Outcome ------------------------------------------------------------------------------------

export async function findSynthesis(db: Db, consultationId: string): Promise<Synthesis | null> {
  const [row] = await db
    .select()
    .from(consultationSyntheses)
    .where(eq(consultationSyntheses.consultationId, consultationId));
  return row ?? null;
}

export async function listOutcomes(db: Db, consultationId: string): Promise<Outcome[]> {
  return db
    .select()
    .from(consultationOutcomes)
    .where(eq(consultationOutcomes.consultationId, consultationId));
}

// --- Following ----------------------------------------------------------------------------------

export async function isFollowing(
  db: Db,
  consultationId: string,
  accountId: string | null,
): Promise<boolean> {
  return isFollowingThing(db, accountId, "consultation", consultationId);
}
