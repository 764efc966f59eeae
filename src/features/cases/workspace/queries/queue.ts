import { and, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { accounts } from "../../../../core/auth/tables.js";
import { likePattern, normalizedParam } from "../../../../core/search.js";
import { type Db, rowsOf } from "../../../../db/client.js";
import type { DeadlineState } from "../../../calendar/deadlines.js";
import { type CaseStatus, OPEN_STATUSES } from "../../lifecycle.js";
import { CASE_REFERENCE_NUMBER, caseStatus, cases, caseTeamMembers } from "../../tables.js";
import { type CaseDeadlineState, deadlineCondition, deadlineStateSql } from "../deadline-state.js";
import type { QueueFilters, QueueSearch } from "../queue-filters.js";
import { caseSettledCounts } from "../tables.js";

export const QUEUE_PAGE_SIZE = 50;
/** The most requests one export (CSV or printable list) holds: the first ones in queue order. */
export const QUEUE_EXPORT_MAX = 5_000;

/** The moment the queue is read at, and the due-soon limit that goes with it (see deadline-state.ts). */
export interface QueueClock {
  now: Date;
  soonLimit: Date;
  /** Who reads the queue: "assigned to me". */
  accountId: string;
}

/** The filtered columns, of cases or of the settled requests' counts. */
type FilterColumns = Record<
  "structureId" | "type" | "categoryId" | "governorateCode" | "assigneeId",
  AnyPgColumn
>;

/** Conditions of every filter but status and deadline (those two are the counts' dimensions). */
function baseConditions(f: QueueFilters, clock: QueueClock, t: FilterColumns = cases): SQL[] {
  // Appeals: those sent to this structure's admins, open ones only (the settled counts hold none).
  const where: SQL[] = f.appeals
    ? t === cases
      ? [eq(cases.appealStructureId, f.structureId), gt(cases.appealLevel, 0)]
      : [sql`false`]
    : [eq(t.structureId, f.structureId)];
  if (f.type) where.push(eq(t.type, f.type));
  if (f.categoryId) where.push(eq(t.categoryId, f.categoryId));
  if (f.governorate) where.push(eq(t.governorateCode, f.governorate));
  if (f.assignee === "unassigned") where.push(isNull(t.assigneeId));
  else if (f.assignee === "me") where.push(eq(t.assigneeId, clock.accountId));
  else if (f.assignee) where.push(eq(t.assigneeId, f.assignee));
  // The settled counts know nothing of teams: a team filter counts the requests themselves.
  if (f.team === "mine")
    where.push(
      t === cases
        ? sql`${cases.teamId} in (select ${caseTeamMembers.teamId} from ${caseTeamMembers}
            where ${caseTeamMembers.accountId} = ${clock.accountId})`
        : sql`false`,
    );
  return where;
}

/** Every condition but status: the base ones, the search, and the deadline state. */
function caseConditions(f: QueueFilters, clock: QueueClock): SQL[] {
  const where = baseConditions(f, clock);
  if (f.search) where.push(searchCondition(f.search));
  if (f.deadline) where.push(deadlineCondition(f.deadline, clock.now, clock.soonLimit));
  return where;
}

/** What the search box finds, each kind served by its own index (see cases in tables.ts). */
function searchCondition(search: QueueSearch): SQL {
  switch (search.kind) {
    case "reference":
      return search.year
        ? eq(cases.reference, `EC-${search.year}-${search.number}`)
        : sql`${CASE_REFERENCE_NUMBER} = ${search.number}`;
    case "email":
      return sql`lower(${cases.contactEmail}) = ${search.email}`;
    case "phone":
      return eq(cases.contactPhone, search.phone);
    case "words":
      return and(
        ...search.terms.map((term) => sql`${cases.searchText} like ${normalizedParam(likePattern(term))}`),
      )!;
  }
}

/** The statuses the status filter keeps. */
function statusesOf(f: QueueFilters): readonly CaseStatus[] {
  return f.status === "all" ? caseStatus.enumValues : f.status === "open" ? OPEN_STATUSES : [f.status];
}

const ORDER = sql`${cases.dueAt} asc nulls last, ${cases.createdAt} asc, ${cases.id} asc`;

/**
 * The ids of one page of a structure's queue: soonest deadline first (requests without one last),
 * then the oldest. Each status is read on its own from cases_queue_idx (structure_id, status,
 * due_at), already in deadline order, and only as far as the page needs; the statuses are then
 * merged. So a page costs its rows plus the offset, whatever the size of the structure's history,
 * where one scan of every open request and a sort would grow with the backlog.
 */
export function queuePageIdsQuery(f: QueueFilters, clock: QueueClock, size = QUEUE_PAGE_SIZE): SQL {
  const where = caseConditions(f, clock);
  const statuses = statusesOf(f);
  const offset = (f.page - 1) * size;
  // A search finds few requests through its own index: one pass over them, then sorted.
  if (f.search)
    return sql`select ${cases.id} from ${cases} where ${and(...where, inArray(cases.status, [...statuses]))}
      order by ${ORDER} limit ${size} offset ${offset}`;
  const branches = statuses.map(
    (status) => sql`(select ${cases.id}, ${cases.dueAt}, ${cases.createdAt} from ${cases}
      where ${and(...where, eq(cases.status, status))} order by ${ORDER} limit ${offset + size})`,
  );
  return sql`select id from (${sql.join(branches, sql` union all `)}) as ${sql.identifier("cases")}
    order by ${ORDER} limit ${size} offset ${offset}`;
}

/**
 * One page of a structure's queue (see queuePageIdsQuery), with each request's deadline state and
 * assignee; `size` rows a page (the exports take their first page of QUEUE_EXPORT_MAX).
 */
export async function listQueue(db: Db, f: QueueFilters, clock: QueueClock, size = QUEUE_PAGE_SIZE) {
  const ids = rowsOf<{ id: string }>(await db.execute(queuePageIdsQuery(f, clock, size))).map((r) => r.id);
  return queueRows(db, ids, clock);
}

/** The queue's rows of these requests, in this order. */
async function queueRows(db: Db, ids: string[], clock: QueueClock) {
  if (ids.length === 0) return [];
  const rows = await db
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
      /** When it reached this structure (filed, routed, or transferred): what "new" compares. */
      clockStartedAt: cases.clockStartedAt,
      needsTriage: cases.needsTriage,
      transferCount: cases.transferCount,
      anonymous: cases.anonymous,
      assigneeId: cases.assigneeId,
      assigneeName: accounts.displayName,
      deadline: deadlineStateSql(clock.now, clock.soonLimit),
    })
    .from(cases)
    .leftJoin(accounts, eq(accounts.id, cases.assigneeId))
    .where(inArray(cases.id, ids));
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
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

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * The grouped query behind the counts: one row per status × deadline state, under every filter but
 * status and deadline. Answered and closed requests (most of a structure's history) are summed
 * from case_settled_counts, a few rows whatever the history; open ones are counted by deadline
 * state from cases_queue_idx alone. One statement, one round trip.
 */
export function queueCountsQuery(f: QueueFilters, clock: QueueClock): SQL {
  // The settled counts know nothing of words or contacts: a search counts the requests it finds.
  // Nor of teams: a team filter counts its requests, few, from cases_team_idx.
  if (f.search || f.team)
    return sql`select ${cases.status} as status, ${deadlineStateSql(clock.now, clock.soonLimit)} as state,
      count(*)::int as n from ${cases}
      where ${and(...baseConditions(f, clock), f.search ? searchCondition(f.search) : undefined)} group by 1, 2`;
  const counted = caseSettledCounts;
  return sql`select ${counted.status} as status, 'none' as state, sum(${counted.n})::int as n from ${counted}
      where ${and(...baseConditions(f, clock, counted))} group by 1
    union all
    select ${cases.status}, ${deadlineStateSql(clock.now, clock.soonLimit)}, count(*)::int from ${cases}
      where ${and(...baseConditions(f, clock))} and ${cases.status} in (${OPEN}) group by 1, 2`;
}

/**
 * The counts at the top of the queue (queueCountsQuery): each dimension counted under every other
 * filter but its own (status counts honour the deadline filter and vice versa), and the total of
 * the cell the page shows.
 */
export async function queueCounts(db: Db, f: QueueFilters, clock: QueueClock): Promise<QueueCounts> {
  return foldCounts(f, rowsOf<CountCell>(await db.execute(queueCountsQuery(f, clock))));
}

interface CountCell {
  status: CaseStatus;
  state: CaseDeadlineState;
  n: number;
}

function foldCounts(f: QueueFilters, cells: readonly CountCell[]): QueueCounts {
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

/**
 * A search's page and counts in one statement: the requests the search finds are read once (through
 * their index, cases_search_idx or another of the search's own), then both grouped into the counts
 * and sorted into the page, where two statements would each read them from the table.
 */
export function queueSearchQuery(f: QueueFilters, clock: QueueClock, size = QUEUE_PAGE_SIZE): SQL {
  const statuses = statusesOf(f);
  const found = sql.identifier("cases");
  return sql`with ${found} as materialized (
      select ${cases.id}, ${cases.status}, ${cases.dueAt}, ${cases.createdAt},
        ${deadlineStateSql(clock.now, clock.soonLimit)} as state
      from ${cases} where ${and(...baseConditions(f, clock), searchCondition(f.search!))})
    select null::uuid as id, status, state, count(*)::int as n from ${found} group by 2, 3
    union all
    (select id, status, state, 0 from ${found}
      where ${and(inArray(cases.status, [...statuses]), f.deadline ? sql`state = ${f.deadline}` : undefined)}
      order by ${ORDER} limit ${size} offset ${(f.page - 1) * size})`;
}

/**
 * What the queue page shows: its rows and its counts. A search reads what it finds once
 * (queueSearchQuery); the queue without one reads its page and its counts from their own indexes.
 */
export async function queuePage(
  db: Db,
  f: QueueFilters,
  clock: QueueClock,
): Promise<{ rows: QueueRow[]; counts: QueueCounts }> {
  if (!f.search) {
    const [rows, counts] = await Promise.all([listQueue(db, f, clock), queueCounts(db, f, clock)]);
    return { rows, counts };
  }
  const cells = rowsOf<CountCell & { id: string | null }>(await db.execute(queueSearchQuery(f, clock)));
  const ids = cells.flatMap((c) => (c.id ? [c.id] : []));
  return {
    rows: await queueRows(db, ids, clock),
    counts: foldCounts(
      f,
      cells.filter((c) => !c.id),
    ),
  };
}

/**
 * The request after `caseId` in the queue under filters `f` (the queue's order: soonest deadline,
 * those without one last, then the oldest), or null when it is the last. Read from the request's
 * own stored position, so the next one is found even once this one has left the filter (answered,
 * say). One query, one row.
 */
export async function nextInQueue(
  db: Db,
  f: QueueFilters,
  clock: QueueClock,
  caseId: string,
): Promise<{ id: string } | null> {
  const statuses = statusesOf(f);
  const cur = sql.identifier("cur");
  const after = sql`(
    (${cur}.due_at is null and ${cases.dueAt} is null and (${cases.createdAt}, ${cases.id}) > (${cur}.created_at, ${cur}.id))
    or (${cur}.due_at is not null and (${cases.dueAt} is null or ${cases.dueAt} > ${cur}.due_at
      or (${cases.dueAt} = ${cur}.due_at and (${cases.createdAt}, ${cases.id}) > (${cur}.created_at, ${cur}.id)))))`;
  const where = and(...caseConditions(f, clock), inArray(cases.status, [...statuses]), after);
  const [row] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select ${cases.id} as id from ${cases},
        (select ${cases.dueAt} as due_at, ${cases.createdAt} as created_at, ${cases.id} as id from ${cases} where ${cases.id} = ${caseId}) as ${cur}
        where ${where} order by ${ORDER} limit 1`,
    ),
  );
  return row ?? null;
}
