import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import { isUuid } from "../../../core/ids.js";
import type { Db } from "../../../db/client.js";
import { consultationComments } from "../tables.js";
import { type AnchorState, locateAnchor, type PassageAnchor, splitParagraphs } from "./anchor.js";
import { consultationAmendmentSupports, consultationAmendments } from "./tables.js";

export interface PassageComment {
  id: string;
  body: string;
  anchor: PassageAnchor;
  createdAt: Date;
  authorName: string;
  /** Where the passage stands in the text as it reads now. */
  now: AnchorState;
}

/**
 * A section's passage comments everyone sees (not removed, held or hidden), oldest first, each
 * located in the section's text as it reads now in the anchor's language.
 */
export async function listPassageComments(
  db: Db,
  consultationId: string,
  sectionId: string,
  textOf: (lang: string) => string,
): Promise<PassageComment[]> {
  const rows = await db
    .select({
      id: consultationComments.id,
      body: consultationComments.body,
      anchor: consultationComments.anchor,
      createdAt: consultationComments.createdAt,
      authorName: sql<string>`coalesce(${accounts.displayName}, '')`,
    })
    .from(consultationComments)
    .leftJoin(accounts, eq(accounts.id, consultationComments.authorId))
    .where(
      and(
        eq(consultationComments.consultationId, consultationId),
        eq(consultationComments.sectionId, sectionId),
        isNotNull(consultationComments.anchor),
        isNull(consultationComments.parentId),
        eq(consultationComments.status, "visible"),
        eq(consultationComments.moderationState, "visible"),
      ),
    )
    .orderBy(asc(consultationComments.createdAt));
  const paragraphsOf = new Map<string, string[]>();
  return rows.map((r) => {
    const anchor = r.anchor as PassageAnchor;
    let paragraphs = paragraphsOf.get(anchor.lang);
    if (!paragraphs) {
      paragraphs = splitParagraphs(textOf(anchor.lang));
      paragraphsOf.set(anchor.lang, paragraphs);
    }
    return { ...r, anchor, now: locateAnchor(anchor, paragraphs) };
  });
}

/** Where a section's passage comments point, and no more (the section page highlights them and counts them). */
export async function listPassageAnchors(
  db: Db,
  consultationId: string,
  sectionId: string,
  textOf: (lang: string) => string,
): Promise<Array<Pick<PassageComment, "anchor" | "now">>> {
  const rows = await db
    .select({ anchor: consultationComments.anchor })
    .from(consultationComments)
    .where(
      and(
        eq(consultationComments.consultationId, consultationId),
        eq(consultationComments.sectionId, sectionId),
        isNotNull(consultationComments.anchor),
        isNull(consultationComments.parentId),
        eq(consultationComments.status, "visible"),
        eq(consultationComments.moderationState, "visible"),
      ),
    );
  const paragraphsOf = new Map<string, string[]>();
  return rows.map((r) => {
    const anchor = r.anchor as PassageAnchor;
    let paragraphs = paragraphsOf.get(anchor.lang);
    if (!paragraphs) {
      paragraphs = splitParagraphs(textOf(anchor.lang));
      paragraphsOf.set(anchor.lang, paragraphs);
    }
    return { anchor, now: locateAnchor(anchor, paragraphs) };
  });
}

/** How many amendments everyone sees are still proposed, per paragraph of a section in one language. */
export async function countProposedAmendments(
  db: Db,
  consultationId: string,
  sectionId: string,
  lang: string,
): Promise<Map<number, number>> {
  const rows = await db
    .select({ paragraph: consultationAmendments.paragraph, count: sql<number>`count(*)::int` })
    .from(consultationAmendments)
    .where(
      and(
        eq(consultationAmendments.consultationId, consultationId),
        eq(consultationAmendments.sectionId, sectionId),
        eq(consultationAmendments.lang, lang),
        eq(consultationAmendments.status, "proposed"),
        eq(consultationAmendments.moderationState, "visible"),
      ),
    )
    .groupBy(consultationAmendments.paragraph);
  return new Map(rows.map((r) => [r.paragraph, Number(r.count)]));
}

export type Amendment = typeof consultationAmendments.$inferSelect & { authorName: string };

const amendmentColumns = {
  row: consultationAmendments,
  authorName: sql<string>`coalesce(${accounts.displayName}, '')`,
};

/** The amendments everyone sees (neither held nor hidden), of one section or of the whole text. */
export async function listAmendments(
  db: Db,
  consultationId: string,
  sectionId?: string,
): Promise<Amendment[]> {
  const rows = await db
    .select(amendmentColumns)
    .from(consultationAmendments)
    .leftJoin(accounts, eq(accounts.id, consultationAmendments.authorId))
    .where(
      and(
        eq(consultationAmendments.consultationId, consultationId),
        sectionId ? eq(consultationAmendments.sectionId, sectionId) : undefined,
        eq(consultationAmendments.moderationState, "visible"),
      ),
    )
    .orderBy(asc(consultationAmendments.createdAt));
  return rows.map((r) => ({ ...r.row, authorName: r.authorName }));
}

/**
 * One amendment of the consultation, for its page: null when there is none, or when it is held or
 * hidden and the viewer is neither its author nor allowed to see it (moderators, the drafting team).
 */
export async function findAmendment(
  db: Db,
  consultationId: string,
  amendmentId: string,
  viewer: { accountId: string | null; seesAll: boolean },
): Promise<(Amendment & { supportedByMe: boolean }) | null> {
  if (!isUuid(amendmentId)) return null;
  const [r] = await db
    .select({
      ...amendmentColumns,
      supportedByMe: viewer.accountId
        ? sql<boolean>`exists (select 1 from ${consultationAmendmentSupports} where ${consultationAmendmentSupports.amendmentId} = ${consultationAmendments.id} and ${consultationAmendmentSupports.accountId} = ${viewer.accountId})`
        : sql<boolean>`false`,
    })
    .from(consultationAmendments)
    .leftJoin(accounts, eq(accounts.id, consultationAmendments.authorId))
    .where(
      and(
        eq(consultationAmendments.id, amendmentId),
        eq(consultationAmendments.consultationId, consultationId),
      ),
    );
  if (!r) return null;
  if (r.row.moderationState !== "visible" && !viewer.seesAll && r.row.authorId !== viewer.accountId)
    return null;
  return { ...r.row, authorName: r.authorName, supportedByMe: r.supportedByMe };
}

/** The amendments whose wording went into a version, by section: "what we did" links each change to them. */
export async function listAppliedAmendments(db: Db, consultationId: string): Promise<Amendment[]> {
  const rows = await db
    .select(amendmentColumns)
    .from(consultationAmendments)
    .leftJoin(accounts, eq(accounts.id, consultationAmendments.authorId))
    .where(
      and(
        eq(consultationAmendments.consultationId, consultationId),
        isNotNull(consultationAmendments.appliedVersion),
        eq(consultationAmendments.moderationState, "visible"),
      ),
    )
    .orderBy(asc(consultationAmendments.appliedVersion), desc(consultationAmendments.supportCount));
  return rows.map((r) => ({ ...r.row, authorName: r.authorName }));
}
