import { and, asc, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { accounts } from "../../../../core/auth/tables.js";
import type { Db } from "../../../../db/client.js";
import type { DeadlineState } from "../../../calendar/deadlines.js";
import { type CaseStatus, OPEN_STATUSES } from "../../lifecycle.js";
import { caseStatus, cases } from "../../tables.js";
import { type CaseDeadlineState, deadlineCondition, deadlineStateSql } from "../deadline-state.js";
import type { QueueFilters } from "../queue-filters.js";

export const QUEUE_PAGE_SIZE = 50;

/** The moment the queue is read at, and the due-soon limit that goes with it (see deadline-state.ts). */
export interface QueueClock {
  now: Date;
  soonLimit: Date;
  /** Who reads the queue: "assigned to me". */
  accountId: string;
}

/** Conditions of every filter but status and deadline (those two are the counts' dimensions). */
function baseConditions(f: QueueFilters, clock: QueueClock): SQL[] {
  const where: SQL[] = [eq(cases.structureId, f.structureId)];
  if (f.type) where.push(eq(cases.type, f.type));
  if (f.categoryId) where.push(eq(cases.categoryId, f.categoryId));
  if (f.governorate) where.push(eq(cases.governorateCode, f.governorate));
  if (f.assignee === "unassigned") where.push(isNull(cases.assigneeId));
  else if (f.assignee === "me") where.push(eq(cases.assigneeId, clock.accountId));
  else if (f.assignee) where.push(eq(cases.assigneeId, f.assignee));
  return where;
}

function statusCondition(status: QueueFilters["status"]): SQL | undefined {
  if (status === "all") return undefined;
  if (status === "open") return inArray(cases.status, [...OPEN_STATUSES]);
  return eq(cases.status, status);
}

/**
 * One page of a structure's queue: soonest deadline first (requests without one last), then the
 * oldest. The order matches cases_queue_idx (structure_id, status, due_at), so a page reads only
 * its rows plus the offset, whatever the size of the structure's history.
 */
export async function listQueue(db: Db, f: QueueFilters, clock: QueueClock) {
  const where = [...baseConditions(f, clock)];
  const status = statusCondition(f.status);
  if (status) where.push(status);
  if (f.deadline) where.push(deadlineCondition(f.deadline, clock.now, clock.soonLimit));
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      type: cases.type,
      status: cases.status,
      subject: cases.subject,
      categoryId: cases.categoryId,
      governorateCode: cases.governorateCode,
      dueAt: cases.dueAt,
      pausedAt: cases.pausedAt,
      createdAt: cases.createdAt,
      needsTriage: cases.needsTriage,
      transferCount: cases.transferCount,
      assigneeId: cases.assigneeId,
      assigneeName: accounts.displayName,
      deadline: deadlineStateSql(clock.now, clock.soonLimit),
    })
    .from(cases)
    .leftJoin(accounts, eq(accounts.id, cases.assigneeId))
    .where(and(...where))
    .orderBy(sql`${cases.dueAt} asc nulls last`, asc(cases.createdAt), asc(cases.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((f.page - 1) * QUEUE_PAGE_SIZE);
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

/** How many requests the queue holds in each status × deadline state, under the other filters. */
export interface QueueCounts {
  byStatus: Record<CaseStatus, number>;
  /** Over the requests of the status filter (open ones by default). */
  byDeadline: Record<DeadlineState, number>;
  /** The requests matching every filter: what the pages hold. */
  total: number;
}

/**
 * The counts at the top of the queue, from one grouped query: each dimension counted under every
 * other filter but its own (status counts honour the deadline filter and vice versa), and the total
 * of the cell the page shows.
 */
export async function queueCounts(db: Db, f: QueueFilters, clock: QueueClock): Promise<QueueCounts> {
  const state = deadlineStateSql(clock.now, clock.soonLimit);
  const cells = await db
    .select({ status: cases.status, state, n: count() })
    .from(cases)
    .where(and(...baseConditions(f, clock)))
    .groupBy(sql`1, 2`);
  const inStatus = (s: CaseStatus) =>
    f.status === "all" || (f.status === "open" ? OPEN_STATUSES.includes(s) : f.status === s);
  const inDeadline = (d: CaseDeadlineState) => !f.deadline || f.deadline === d;
  const byStatus = Object.fromEntries(caseStatus.enumValues.map((s) => [s, 0])) as Record<CaseStatus, number>;
  const byDeadline: Record<DeadlineState, number> = { on_time: 0, due_soon: 0, overdue: 0, paused: 0 };
  let total = 0;
  for (const cell of cells) {
    const n = Number(cell.n);
    if (inDeadline(cell.state)) byStatus[cell.status] += n;
    if (inStatus(cell.status) && cell.state !== "none") byDeadline[cell.state] += n;
    if (inStatus(cell.status) && inDeadline(cell.state)) total += n;
  }
  return { byStatus, byDeadline, total };
}
