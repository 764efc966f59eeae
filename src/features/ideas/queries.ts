import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import { text } from "../../core/forms.js";
import { pageOf } from "../../core/paging.js";
import { governorates, structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { isFollowing } from "../subscriptions/queries.js";
import type { IdeaSort, IdeaStatus } from "./rules.js";
import { ideaComments, ideaEvents, ideaSupports, ideas, ideaThemes, ideaThresholds } from "./tables.js";

export const PAGE_SIZE = 20;

export interface IdeaFilters {
  structure?: string;
  theme?: string;
  area?: string;
  status?: IdeaStatus;
  sort: IdeaSort;
  page: number;
}

const ORDER: Record<IdeaSort, SQL[]> = {
  supported: [sql`${ideas.supportCount} desc`, sql`${ideas.createdAt} desc`],
  newest: [sql`${ideas.createdAt} desc`],
  answered: [sql`${ideas.answeredAt} desc nulls last`, sql`${ideas.createdAt} desc`],
};

/** Public list of visible ideas, filtered and sorted: one page (within the last), with the total. */
export async function listIdeas(db: Db, f: IdeaFilters) {
  const where = and(
    eq(ideas.moderationState, "visible"),
    f.structure ? eq(structures.code, f.structure) : undefined,
    f.theme ? eq(ideaThemes.code, f.theme) : undefined,
    f.area ? eq(ideas.governorateCode, f.area) : undefined,
    f.status ? eq(ideas.status, f.status) : undefined,
    f.sort === "answered" ? isNotNull(ideas.answeredAt) : undefined,
  );
  const base = db
    .select({
      id: ideas.id,
      title: ideas.title,
      status: ideas.status,
      supportCount: ideas.supportCount,
      createdAt: ideas.createdAt,
      answeredAt: ideas.answeredAt,
      structureName: structures.name,
      themeName: ideaThemes.name,
      areaName: governorates.name,
    })
    .from(ideas)
    .leftJoin(structures, eq(structures.id, ideas.structureId))
    .leftJoin(ideaThemes, eq(ideaThemes.id, ideas.themeId))
    .leftJoin(governorates, eq(governorates.code, ideas.governorateCode));
  const [counted] = await db
    .select({ n: count() })
    .from(ideas)
    .leftJoin(structures, eq(structures.id, ideas.structureId))
    .leftJoin(ideaThemes, eq(ideaThemes.id, ideas.themeId))
    .where(where);
  const total = counted?.n ?? 0;
  const { page, totalPages, offset } = pageOf(f.page, total, PAGE_SIZE);
  const rows = await base
    .where(where)
    .orderBy(...ORDER[f.sort], desc(ideas.id))
    .limit(PAGE_SIZE)
    .offset(offset);
  return { rows, total, page, totalPages };
}
export type IdeaListRow = Awaited<ReturnType<typeof listIdeas>>["rows"][number];

export async function findIdea(db: Db, id: string) {
  const [row] = await db
    .select({
      idea: ideas,
      structureName: structures.name,
      structureCode: structures.code,
      themeName: ideaThemes.name,
      areaName: governorates.name,
      authorName: accounts.displayName,
    })
    .from(ideas)
    .leftJoin(structures, eq(structures.id, ideas.structureId))
    .leftJoin(ideaThemes, eq(ideaThemes.id, ideas.themeId))
    .leftJoin(governorates, eq(governorates.code, ideas.governorateCode))
    .leftJoin(accounts, eq(accounts.id, ideas.authorId))
    .where(eq(ideas.id, id));
  return row ?? null;
}
export type IdeaDetail = NonNullable<Awaited<ReturnType<typeof findIdea>>>;

/** Everything on an idea's page besides the idea: history, comments, and the viewer's support and follow. */
export async function loadIdeaPage(db: Db, ideaId: string, viewerId: string | null) {
  const [events, comments, mine] = await Promise.all([
    db
      .select({
        kind: ideaEvents.kind,
        status: ideaEvents.status,
        body: ideaEvents.body,
        createdAt: ideaEvents.createdAt,
      })
      .from(ideaEvents)
      .where(eq(ideaEvents.ideaId, ideaId))
      .orderBy(asc(ideaEvents.createdAt), asc(ideaEvents.id)),
    db
      .select({
        id: ideaComments.id,
        authorId: ideaComments.authorId,
        authorName: accounts.displayName,
        body: ideaComments.body,
        state: ideaComments.moderationState,
        reason: ideaComments.moderationReason,
        createdAt: ideaComments.createdAt,
      })
      .from(ideaComments)
      .leftJoin(accounts, eq(accounts.id, ideaComments.authorId))
      .where(eq(ideaComments.ideaId, ideaId))
      .orderBy(asc(ideaComments.createdAt), asc(ideaComments.id)),
    viewerId
      ? Promise.all([
          db
            .select()
            .from(ideaSupports)
            .where(and(eq(ideaSupports.ideaId, ideaId), eq(ideaSupports.accountId, viewerId))),
          isFollowing(db, viewerId, "idea", ideaId),
        ])
      : ([[], false] as const),
  ]);
  return { events, comments, supported: mine[0].length > 0, following: mine[1] };
}
export type IdeaComment = Awaited<ReturnType<typeof loadIdeaPage>>["comments"][number];
export type IdeaEvent = Awaited<ReturnType<typeof loadIdeaPage>>["events"][number];

/** Visible ideas whose title resembles the words typed (trigram similarity after Arabic normalisation). */
export async function findSimilarIdeas(db: Db, words: string, limit = 5) {
  const q = text(words);
  if (q.length < 3) return [];
  return db
    .select({ id: ideas.id, title: ideas.title, status: ideas.status, supportCount: ideas.supportCount })
    .from(ideas)
    .where(
      and(
        eq(ideas.moderationState, "visible"),
        or(
          sql`normalize_arabic(${ideas.title}) % normalize_arabic(${q})`,
          ilike(sql`normalize_arabic(${ideas.title})`, sql`'%' || normalize_arabic(${q}) || '%'`),
        ),
      ),
    )
    .orderBy(desc(sql`similarity(normalize_arabic(${ideas.title}), normalize_arabic(${q}))`))
    .limit(limit);
}

export async function listThemes(db: Db) {
  return db
    .select({ code: ideaThemes.code, name: ideaThemes.name })
    .from(ideaThemes)
    .orderBy(asc(ideaThemes.position));
}

/** Structures an idea may be addressed to: every active one, by kind (ministries first, then regions and towns). */
export async function listAddressableStructures(db: Db) {
  return db
    .select({ code: structures.code, name: structures.name })
    .from(structures)
    .where(isNull(structures.retiredAt))
    .orderBy(asc(structures.kind), asc(structures.code));
}

/** Structures that have visible ideas (the list's structure filter). */
export async function listStructuresWithIdeas(db: Db) {
  return db
    .selectDistinct({ code: structures.code, name: structures.name })
    .from(ideas)
    .innerJoin(structures, eq(structures.id, ideas.structureId))
    .where(eq(ideas.moderationState, "visible"))
    .orderBy(asc(structures.code));
}

/**
 * The thresholds the threshold page lists: for a structure admin, each structure they run (null
 * supports: the default applies); for platform admins ("all"), the structures that set their own.
 */
export async function listThresholds(db: Db, scope: "all" | string[]) {
  if (scope !== "all" && scope.length === 0) return [];
  const columns = {
    id: structures.id,
    code: structures.code,
    name: structures.name,
    supports: ideaThresholds.supports,
    answerDays: ideaThresholds.answerDays,
  };
  if (scope === "all")
    return db
      .select(columns)
      .from(ideaThresholds)
      .innerJoin(structures, eq(structures.id, ideaThresholds.structureId))
      .where(isNull(structures.retiredAt))
      .orderBy(asc(structures.code));
  return db
    .select(columns)
    .from(structures)
    .leftJoin(ideaThresholds, eq(ideaThresholds.structureId, structures.id))
    .where(and(isNull(structures.retiredAt), inArray(structures.id, scope)))
    .orderBy(asc(structures.code));
}
export type ThresholdRow = Awaited<ReturnType<typeof listThresholds>>[number];
