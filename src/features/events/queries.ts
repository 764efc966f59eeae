import { and, asc, count, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import { isUuid } from "../../core/ids.js";
import { pageOf } from "../../core/paging.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { eventRegistrations, events } from "./tables.js";

export type EventRow = typeof events.$inferSelect;
export type Registration = typeof eventRegistrations.$inferSelect;

export interface EventSummary extends EventRow {
  structure: { code: string; name: EventRow["title"] };
  confirmed: number;
  waiting: number;
}

const confirmedCount = sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'confirmed')`;
const waitingCount = sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'waiting')`;

function summaries(db: Db) {
  return db
    .select({
      event: events,
      structure: { code: structures.code, name: structures.name },
      confirmed: confirmedCount,
      waiting: waitingCount,
    })
    .from(events)
    .innerJoin(structures, eq(structures.id, events.structureId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>["execute"]>>[number];
const toSummary = (r: SummaryRow): EventSummary => ({
  ...r.event,
  structure: r.structure,
  confirmed: r.confirmed,
  waiting: r.waiting,
});

/** An event by id; null for a malformed or unknown id. */
export async function findEvent(db: Db, id: string): Promise<EventSummary | null> {
  if (!isUuid(id)) return null;
  const [row] = await summaries(db).where(eq(events.id, id));
  return row ? toSummary(row) : null;
}

/** The public agenda: events not yet over, soonest first, optionally in one governorate. */
export async function listUpcomingEvents(
  db: Db,
  options: { governorate?: string; now?: Date; page: number; pageSize: number },
): Promise<{ rows: EventSummary[]; total: number; totalPages: number; page: number }> {
  const where = and(
    gte(events.endsAt, options.now ?? new Date()),
    isNull(events.cancelledAt),
    options.governorate ? eq(events.governorateCode, options.governorate) : undefined,
  );
  const [{ total }] = (await db.select({ total: count() }).from(events).where(where)) as [{ total: number }];
  const { page, totalPages, offset } = pageOf(options.page, total, options.pageSize);
  const rows = await summaries(db)
    .where(where)
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.pageSize)
    .offset(offset);
  return { rows: rows.map(toSummary), total, totalPages, page };
}

/** The feed's events: from a month ago on (calendar apps keep what they already have). */
export async function listFeedEvents(db: Db, since: Date): Promise<EventSummary[]> {
  const rows = await summaries(db).where(gte(events.endsAt, since)).orderBy(asc(events.startsAt)).limit(500);
  return rows.map(toSummary);
}

/** Events of these structures (or all, for platform admins), latest first, for the admin list. */
export async function listManagedEvents(db: Db, scope: "all" | string[]): Promise<EventSummary[]> {
  if (scope !== "all" && scope.length === 0) return [];
  const rows = await summaries(db)
    .where(scope === "all" ? undefined : inArray(events.structureId, scope))
    .orderBy(sql`${events.startsAt} desc`)
    .limit(200);
  return rows.map(toSummary);
}

/** The person's place at an event (any status), or null. */
export async function findRegistration(
  db: Db,
  eventId: string,
  accountId: string,
): Promise<Registration | null> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.accountId, accountId)));
  return row ?? null;
}

export interface Attendee {
  id: string;
  name: string;
  status: Registration["status"];
  attended: boolean;
  queuedAt: Date;
}

/** Registrations for staff: confirmed first, then the waiting list in order. */
export async function listAttendees(db: Db, eventId: string): Promise<Attendee[]> {
  return db
    .select({
      id: eventRegistrations.id,
      name: accounts.displayName,
      status: eventRegistrations.status,
      attended: eventRegistrations.attended,
      queuedAt: eventRegistrations.queuedAt,
    })
    .from(eventRegistrations)
    .innerJoin(accounts, eq(accounts.id, eventRegistrations.accountId))
    .where(and(eq(eventRegistrations.eventId, eventId), sql`${eventRegistrations.status} <> 'cancelled'`))
    .orderBy(asc(eventRegistrations.status), asc(eventRegistrations.queuedAt));
}
