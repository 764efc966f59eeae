import { and, eq, inArray, sql } from "drizzle-orm";
import { accounts } from "../../../../core/auth/tables.js";
import type { Db } from "../../../../db/client.js";
import { OPEN_STATUSES } from "../../lifecycle.js";
import { cases } from "../../tables.js";
import { type CaseDeadlineState, deadlineStateSql } from "../deadline-state.js";
import type { Handler } from "./handlers.js";
import type { QueueClock } from "./queue.js";

/** One line of the workload view: a handler (or nobody: id null) and their open requests by deadline state. */
export interface WorkloadLine {
  id: string | null;
  name: string;
  /** No longer an agent or admin of the structure, yet still holding some of its requests. */
  former: boolean;
  counts: Record<CaseDeadlineState, number>;
  total: number;
}

const emptyCounts = (): Record<CaseDeadlineState, number> => ({
  overdue: 0,
  due_soon: 0,
  on_time: 0,
  paused: 0,
  none: 0,
});

/**
 * The structure's open requests per assignee by deadline state (one grouped query, served by
 * cases_queue_idx): the unassigned ones first, then every handler of the structure (those holding
 * nothing included), then anyone who left the structure but still holds some of its requests.
 */
export async function listWorkload(
  db: Db,
  structureId: string,
  handlers: Handler[],
  clock: QueueClock,
): Promise<WorkloadLine[]> {
  const cells = await db
    .select({
      assigneeId: cases.assigneeId,
      state: deadlineStateSql(clock.now, clock.soonLimit),
      n: sql<number>`count(*)::int`,
    })
    .from(cases)
    .where(and(eq(cases.structureId, structureId), inArray(cases.status, [...OPEN_STATUSES])))
    .groupBy(sql`1, 2`);
  const line = (id: string | null, name: string, former = false): WorkloadLine => ({
    id,
    name,
    former,
    counts: emptyCounts(),
    total: 0,
  });
  const lines = new Map<string | null, WorkloadLine>([[null, line(null, "")]]);
  for (const h of handlers) lines.set(h.id, line(h.id, h.name));
  const formerIds = [
    ...new Set(cells.map((c) => c.assigneeId).filter((id) => id !== null && !lines.has(id))),
  ];
  if (formerIds.length > 0) {
    const former = await db
      .select({ id: accounts.id, name: accounts.displayName })
      .from(accounts)
      .where(inArray(accounts.id, formerIds as string[]));
    for (const a of former) lines.set(a.id, line(a.id, a.name, true));
  }
  for (const cell of cells) {
    const target = lines.get(cell.assigneeId);
    if (!target) continue;
    target.counts[cell.state] += Number(cell.n);
    target.total += Number(cell.n);
  }
  return [...lines.values()];
}
