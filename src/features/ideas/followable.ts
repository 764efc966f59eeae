import { and, eq } from "drizzle-orm";
import type { FollowableKind } from "../../core/features/contracts.js";
import { isUuid } from "../../core/ids.js";
import { plainText } from "../subscriptions/followable.js";
import { ideas } from "./tables.js";

/** A visible idea can be followed for its news (answers, thresholds). */
export const ideaFollowable: FollowableKind = {
  kind: "idea",
  path: (target) => `/ideas/${target}`,
  async name(db, target) {
    if (!isUuid(target)) return null;
    const [row] = await db
      .select({ title: ideas.title })
      .from(ideas)
      .where(and(eq(ideas.id, target), eq(ideas.moderationState, "visible")));
    return row ? plainText(row.title) : null;
  },
};
