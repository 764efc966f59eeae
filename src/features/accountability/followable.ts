import { eq } from "drizzle-orm";
import type { FollowableKind } from "../../core/features/contracts.js";
import { results } from "./tables.js";

/** A result: its followers hear of each update (notify.ts). */
export const resultFollowable: FollowableKind = {
  kind: "result",
  async name(db, target) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(target)) return null;
    const [row] = await db.select({ title: results.title }).from(results).where(eq(results.id, target));
    return row?.title ?? null;
  },
  path: (target) => `/accountability/${target}`,
};
