import { and, eq } from "drizzle-orm";
import type { FollowableKind } from "../../core/features/contracts.js";
import { isUuid } from "../../core/ids.js";
import { consultations } from "./tables.js";

/** A published consultation can be followed for its news (phases, outcome). */
export const consultationFollowable: FollowableKind = {
  kind: "consultation",
  path: (target) => `/consultations/${target}`,
  async name(db, target) {
    if (!isUuid(target)) return null;
    const [row] = await db
      .select({ title: consultations.title })
      .from(consultations)
      .where(and(eq(consultations.id, target), eq(consultations.visibility, "published")));
    return row?.title ?? null;
  },
};
