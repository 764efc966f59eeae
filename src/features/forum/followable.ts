import { and, eq } from "drizzle-orm";
import type { FollowableKind } from "../../core/features/contracts.js";
import { isUuid } from "../../core/ids.js";
import { plainText } from "../subscriptions/followable.js";
import { forumThreads } from "./tables.js";

/** A visible thread can be followed for its replies. */
export const threadFollowable: FollowableKind = {
  kind: "thread",
  path: (target) => `/forum/threads/${target}`,
  async name(db, target) {
    if (!isUuid(target)) return null;
    const [row] = await db
      .select({ title: forumThreads.title })
      .from(forumThreads)
      .where(and(eq(forumThreads.id, target), eq(forumThreads.moderationState, "visible")));
    return row ? plainText(row.title) : null;
  },
};
