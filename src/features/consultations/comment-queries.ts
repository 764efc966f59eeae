import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import { isUuid } from "../../core/ids.js";
import { pageOf } from "../../core/paging.js";
import { type Db, rowsOf } from "../../db/client.js";
import type { ModerationState } from "../moderation/tables.js";
import { COMMENTS_PER_PAGE } from "./fields.js";
import { ownedBy } from "./queries.js";
import { consultationCommentSupports, consultationComments } from "./tables.js";

/** A consultation's comments: a page of threads, one thread, one comment. */

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

/** A comment as the list query returns it: the view's fields, with where it stands in the page. */
interface CommentRow extends Omit<CommentView, "createdAt" | "supportedByMe"> {
  kind: "top" | "reply";
  pos: number;
  createdAt: string | Date;
  /** Replies in the thread (reply rows), or top-level comments in the list (top rows). */
  total: number;
}

/**
 * One page of the comments on a section (or on the whole text: sectionId null), with the first
 * replies of each, in one round trip whatever the number of comments: the page (an index scan that
 * stops at the page), its count, and the replies of the page's comments (by root, an index probe
 * each); plus the viewer's supports among them when someone is signed in.
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
  // The count and the page in one statement (each statement costs a round trip, on PGlite several):
  // the offset is pageOf's, the requested page brought within [1, last page], so a list with
  // comments always returns some, and no row at all means none.
  const rows = rowsOf<CommentRow & { listed: number }>(
    await db.execute(sql`
        with counted as (
          select count(*)::int as n from ${consultationComments} c where ${where}
        ),
        top as (
          select p.*, row_number() over () as pos
          from (
            select c.* from ${consultationComments} c
            where ${where}
            order by ${order}
            limit ${pageSize}
            offset (least(greatest(1, ${options.page}::int),
              greatest(1, ceil((select n from counted) / ${pageSize}::numeric)::int)) - 1) * ${pageSize}
          ) p
        ),
        -- per comment of the page, through the thread index: its reply count and first replies
        replies as (
          select r.*, n.total
          from top t
          cross join lateral (
            select count(*)::int as total from ${consultationComments} c
            where c.root_id = t.id and ${seenBy(options.viewer)}
          ) n
          cross join lateral (
            select c.*, row_number() over (order by c.created_at) as pos
            from ${consultationComments} c
            where c.root_id = t.id and ${seenBy(options.viewer)}
            order by c.created_at
            limit ${REPLIES_PER_THREAD}
          ) r
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
          -- a key lookup per shown comment (a join would hash every account on a small page)
          coalesce((select a.display_name from ${accounts} a where a.id = s.author_id), '') as "authorName",
          s.total, (select n from counted) as listed
        from shown s`),
  );
  const total = rows[0]?.listed ?? 0;
  const { page, totalPages } = pageOf(options.page, total, pageSize);
  const view = ({
    kind,
    pos,
    total,
    listed,
    createdAt,
    ...fields
  }: CommentRow & { listed: number }): Omit<CommentView, "supportedByMe"> => ({
    ...fields,
    createdAt: new Date(createdAt),
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
    .where(ownedBy(consultationComments, consultationId, commentId));
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
    .where(ownedBy(consultationComments, consultationId, commentId));
  return row ?? null;
}
