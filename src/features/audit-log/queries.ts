import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { auditEvents } from "../../core/audit/tables.js";
import { accounts } from "../../core/auth/tables.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import type { AuditFilters } from "./filters.js";

function where(filters: AuditFilters): SQL | undefined {
  return and(
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.actorEmail ? sql`lower(${accounts.email}) = lower(${filters.actorEmail})` : undefined,
    filters.structureId ? eq(auditEvents.structureId, filters.structureId) : undefined,
    filters.from ? gte(auditEvents.at, filters.from) : undefined,
    filters.before ? lt(auditEvents.at, filters.before) : undefined,
  );
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  /** The exact timestamp as text (microseconds), for keyset pagination: a Date keeps only milliseconds. */
  atKey: sql<string>`${auditEvents.at}::text`,
  actorId: auditEvents.actorId,
  actorName: accounts.displayName,
  actorDeleted: sql<boolean>`${accounts.deletedAt} is not null`,
  action: auditEvents.action,
  subjectType: auditEvents.subjectType,
  subjectId: auditEvents.subjectId,
  structureId: auditEvents.structureId,
  structureName: structures.name,
  requestId: auditEvents.requestId,
  details: auditEvents.details,
};

function select(db: Db) {
  return db
    .select(columns)
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .leftJoin(structures, eq(structures.id, auditEvents.structureId));
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof select>["execute"]>>[number];

export const AUDIT_PAGE_SIZE = 50;

/** One page of events, newest first, and how many match. */
export async function listAuditEvents(db: Db, filters: AuditFilters, page: number) {
  const [total] = await db
    .select({ n: count() })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorId))
    .where(where(filters));
  const rows = await select(db)
    .where(where(filters))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Every matching event, newest first, in chunks read with keyset pagination: memory stays flat
 * whatever the size of the log, and rows appended meanwhile never shift the chunks.
 */
export async function* auditEventChunks(
  db: Db,
  filters: AuditFilters,
  size = 1000,
): AsyncGenerator<AuditRow[]> {
  let cursor: { atKey: string; id: string } | null = null;
  for (;;) {
    const after: SQL | undefined = cursor
      ? sql`(${auditEvents.at}, ${auditEvents.id}) < (${cursor.atKey}::timestamptz, ${cursor.id}::uuid)`
      : undefined;
    const rows: AuditRow[] = await select(db)
      .where(and(where(filters), after))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    const last: AuditRow = rows[rows.length - 1]!;
    cursor = { atKey: last.atKey, id: last.id };
  }
}

export async function listStructureOptions(db: Db) {
  return db
    .select({ id: structures.id, code: structures.code, name: structures.name })
    .from(structures)
    .orderBy(structures.code);
}
