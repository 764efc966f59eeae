import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type ResultStatus, results } from "./tables.js";

export interface Weighted {
  progress: number;
  weight: number;
  status: ResultStatus;
}

/**
 * A parent's progress from its children: their progress weighted by their weight, rounded to the
 * nearest whole percent. Dropped children do not count (what was given up is not owed); with no
 * child left to count, null (the parent keeps what staff set).
 */
export function weightedProgress(children: readonly Weighted[]): number | null {
  const counted = children.filter((c) => c.status !== "dropped" && c.weight > 0);
  const total = counted.reduce((n, c) => n + c.weight, 0);
  if (total === 0) return null;
  return Math.round(counted.reduce((n, c) => n + c.progress * c.weight, 0) / total);
}

/**
 * Recomputes the progress of `resultId`'s ancestors, from the nearest up, after a child changed.
 * Returns the ancestors whose progress moved, with before and after (for their timelines).
 */
export async function recomputeAncestors(
  db: Db,
  resultId: string,
): Promise<Array<{ id: string; before: number; after: number }>> {
  const moved: Array<{ id: string; before: number; after: number }> = [];
  let [current] = await db
    .select({ parentId: results.parentId })
    .from(results)
    .where(eq(results.id, resultId));
  const seen = new Set<string>([resultId]);
  while (current?.parentId && !seen.has(current.parentId)) {
    const parentId = current.parentId;
    seen.add(parentId);
    const children = await db
      .select({ progress: results.progress, weight: results.weight, status: results.status })
      .from(results)
      .where(eq(results.parentId, parentId));
    const [parent] = await db
      .select({ progress: results.progress, parentId: results.parentId })
      .from(results)
      .where(eq(results.id, parentId))
      .for("update");
    if (!parent) break;
    const after = weightedProgress(children);
    if (after !== null && after !== parent.progress) {
      await db
        .update(results)
        .set({ progress: after, updatedAt: sql`now()` })
        .where(eq(results.id, parentId));
      moved.push({ id: parentId, before: parent.progress, after });
    }
    current = parent;
  }
  return moved;
}
