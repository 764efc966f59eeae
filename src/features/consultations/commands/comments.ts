import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../core/authz/actor.js";
import { type FieldErrors, fieldError, hasErrors, text } from "../../../core/forms.js";
import { isUuid } from "../../../core/ids.js";
import type { Db } from "../../../db/client.js";
import { blockedError, recordHold, screenPosting } from "../../moderation/screen.js";
import { type PassageAnchor, passageAnchor } from "../drafting/passage.js";
import { LIMITS, MAX_DEPTH } from "../fields.js";
import { speaksForStructure } from "../policy.js";
import { consultationCommentSupports, consultationComments, consultationSections } from "../tables.js";
import { type Refused, whileOpen } from "./participate.js";

/** Replies and supports go only to comments everyone sees: not removed, held or hidden. */
function shownToAll(c: { status: string; moderationState: string }): boolean {
  return c.status === "visible" && c.moderationState === "visible";
}

export type CommentField = "body" | "alignment" | "sectionId" | "parentId" | "paragraph";
export interface CommentInput {
  body?: string;
  alignment?: string;
  /** A section of the text; "" for the whole text. */
  sectionId?: string;
  /** The comment this replies to; "" for a new comment. */
  parentId?: string;
  /**
   * A comment on a passage of the section: its paragraph (from 0), in the language shown (`lang`),
   * and, when a script sent the words selected, their offsets in the paragraph and the words.
   */
  paragraph?: string;
  lang?: string;
  start?: string;
  end?: string;
  quote?: string;
}

export type CommentResult =
  | { ok: true; value: { id: string; rootId: string; held: boolean } }
  | Refused
  | { ok: false; errors: FieldErrors<CommentField> };

/**
 * Adds a comment on a section or on the whole text (with its alignment), or a reply to a comment
 * (at most MAX_DEPTH deep; it belongs to its parent's section). Refused outside the open phase and
 * to those the participation rule excludes, with nothing stored. An answer from the consulting
 * structure's staff is marked official. Moderation screens it in the same transaction: refused
 * while the author is blocked, or stored held for review.
 */
export async function addComment(
  db: Db,
  actor: Actor,
  consultationId: string,
  input: CommentInput,
): Promise<CommentResult> {
  const body = text(input.body);
  const parentId = text(input.parentId);
  const result = await whileOpen(db, actor, consultationId, async (tx, c) => {
    const errors: FieldErrors<CommentField> = {};
    if ([...body].length < LIMITS.commentMin)
      errors.body = fieldError("consultations.errors.commentRequired");
    else if ([...body].length > LIMITS.comment)
      errors.body = fieldError("consultations.errors.commentTooLong", { max: LIMITS.comment });
    let sectionId: string | null = null;
    let depth = 0;
    let rootId: string | null = null;
    let alignment: "for" | "against" | "neutral" | null = null;
    let anchor: PassageAnchor | null = null;
    if (parentId) {
      const [parent] = isUuid(parentId)
        ? await tx
            .select()
            .from(consultationComments)
            .where(and(eq(consultationComments.id, parentId), eq(consultationComments.consultationId, c.id)))
        : [];
      if (!parent || !shownToAll(parent)) errors.parentId = fieldError("consultations.errors.parentGone");
      else if (parent.depth >= MAX_DEPTH) errors.parentId = fieldError("consultations.errors.tooDeep");
      else {
        sectionId = parent.sectionId;
        depth = parent.depth + 1;
        rootId = parent.rootId ?? parent.id;
      }
    } else {
      const section = text(input.sectionId);
      if (section) {
        const [row] = isUuid(section)
          ? await tx
              .select({ id: consultationSections.id })
              .from(consultationSections)
              .where(and(eq(consultationSections.id, section), eq(consultationSections.consultationId, c.id)))
          : [];
        if (!row) errors.sectionId = fieldError("consultations.errors.sectionGone");
        else sectionId = row.id;
      }
      if (text(input.paragraph)) {
        // A passage comment: the anchor is checked against the section as it reads now.
        const found = sectionId ? await passageAnchor(tx, c.id, sectionId, input) : null;
        if (!found) errors.paragraph = fieldError("consultations.drafting.errors.passageGone");
        else anchor = found;
      }
      const a = text(input.alignment);
      if (a === "for" || a === "against" || a === "neutral") alignment = a;
      // A passage comment need not say for or against the whole text.
      else if (!text(input.paragraph))
        errors.alignment = fieldError("consultations.errors.alignmentRequired");
    }
    if (hasErrors(errors)) return { errors };
    const author = actor.accountId!;
    const screening = await screenPosting(tx, {
      accountId: author,
      kind: "consultation_comment",
      text: body,
    });
    if (screening.blockedUntil)
      return {
        errors: {
          body: blockedError(screening.blockedUntil),
        },
      };
    const [row] = await tx
      .insert(consultationComments)
      .values({
        consultationId: c.id,
        sectionId,
        parentId: parentId || null,
        rootId,
        depth,
        authorId: author,
        body,
        alignment,
        anchor,
        official: speaksForStructure(actor, c),
        moderationState: screening.hold ? "held" : "visible",
      })
      .returning({ id: consultationComments.id });
    if (screening.hold)
      await recordHold(
        tx,
        { kind: "consultation_comment", itemId: row!.id, authorId: author },
        screening.hold,
      );
    return { id: row!.id, rootId: rootId ?? row!.id, held: screening.hold !== null };
  });
  if (!result.ok) return result;
  if ("errors" in result.value && result.value.errors) return { ok: false, errors: result.value.errors };
  return { ok: true, value: result.value };
}

/**
 * Supports a comment once per account, or withdraws the support: the count on the comment moves
 * in the same transaction. Supports are contributions too: refused outside the open phase.
 */
export async function toggleSupport(
  db: Db,
  actor: Actor,
  consultationId: string,
  commentId: string,
): Promise<{ ok: true; value: { supported: boolean } } | Refused | { ok: false; notFound: true }> {
  const result = await whileOpen(db, actor, consultationId, async (tx) => {
    const [comment] = isUuid(commentId)
      ? await tx
          .select({
            id: consultationComments.id,
            status: consultationComments.status,
            moderationState: consultationComments.moderationState,
          })
          .from(consultationComments)
          .where(
            and(
              eq(consultationComments.id, commentId),
              eq(consultationComments.consultationId, consultationId),
            ),
          )
      : [];
    if (!comment || !shownToAll(comment)) return null;
    const accountId = actor.accountId!;
    const removed = await tx
      .delete(consultationCommentSupports)
      .where(
        and(
          eq(consultationCommentSupports.commentId, comment.id),
          eq(consultationCommentSupports.accountId, accountId),
        ),
      )
      .returning({ id: consultationCommentSupports.commentId });
    if (removed.length === 0) {
      const added = await tx
        .insert(consultationCommentSupports)
        .values({ commentId: comment.id, accountId })
        .onConflictDoNothing()
        .returning({ id: consultationCommentSupports.commentId });
      if (added.length > 0)
        await tx
          .update(consultationComments)
          .set({ supportCount: sql`${consultationComments.supportCount} + 1` })
          .where(eq(consultationComments.id, comment.id));
      return { supported: true };
    }
    await tx
      .update(consultationComments)
      .set({ supportCount: sql`greatest(${consultationComments.supportCount} - 1, 0)` })
      .where(eq(consultationComments.id, comment.id));
    return { supported: false };
  });
  if (!result.ok) return result;
  if (!result.value) return { ok: false, notFound: true };
  return { ok: true, value: result.value };
}
