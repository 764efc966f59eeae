import { and, eq, exists, sql } from "drizzle-orm";
import type { Actor } from "../../../core/authz/actor.js";
import { ForbiddenError } from "../../../core/errors/app-error.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { forumPosts, forumThreads } from "../../forum/tables.js";
import { ideas } from "../../ideas/tables.js";
import { CENTRAL_OFFICE_CODE } from "../../structures/reference-data.js";
import { canResult } from "../policy.js";
import { type Origin, OWN } from "./save-result.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where a new result comes from, checked: an accepted (or implemented) idea, a forum thread with an
 * official answer, the
 * national action plan (platform admins only), or a published consultation (whose decisions have their own page). Its name, and a structure to
 * propose. Null when the record does not exist or may not give a result.
 */
export async function originOf(db: Db, actor: Actor, kind: string | undefined, id: string | undefined) {
  if (!kind || kind === "own") return { origin: OWN, name: null, structureId: null };
  if (kind === "plan") {
    // The national action plan is the central office's: platform admins keep it.
    if (!canResult(actor, "plan", null)) throw new ForbiddenError();
    const [office] = await db
      .select({ id: structures.id })
      .from(structures)
      .where(eq(structures.code, CENTRAL_OFFICE_CODE));
    return {
      origin: { origin: "plan", originId: null, originSectionId: null } as Origin,
      name: null,
      structureId: office?.id ?? null,
    };
  }
  if (!id || !UUID.test(id)) return null;
  if (kind === "idea") {
    const [idea] = await db
      .select({ title: ideas.title, structureId: ideas.structureId, status: ideas.status })
      .from(ideas)
      .where(eq(ideas.id, id));
    if (!idea || !["accepted", "in_progress", "implemented"].includes(idea.status)) return null;
    return {
      origin: { origin: "idea", originId: id, originSectionId: null } as Origin,
      name: idea.title,
      structureId: idea.structureId,
    };
  }
  if (kind === "forum") {
    // A visible thread with an official answer (a visible one) from staff.
    const [thread] = await db
      .select({ title: forumThreads.title })
      .from(forumThreads)
      .where(
        and(
          eq(forumThreads.id, id),
          eq(forumThreads.moderationState, "visible"),
          exists(
            db
              .select({ one: sql`1` })
              .from(forumPosts)
              .where(
                and(
                  eq(forumPosts.threadId, forumThreads.id),
                  eq(forumPosts.official, true),
                  eq(forumPosts.moderationState, "visible"),
                ),
              ),
          ),
        ),
      );
    if (!thread) return null;
    return {
      origin: { origin: "forum", originId: id, originSectionId: null } as Origin,
      name: thread.title,
      structureId: null,
    };
  }
  return null;
}
