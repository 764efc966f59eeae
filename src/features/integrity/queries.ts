import { and, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import type { ReportStatus } from "./reports.js";
import { integrityMessages, integrityReports } from "./tables.js";

/** A report's short reference for officers: the start of its random id. */
export const reportReference = (id: string) => `IR-${id.slice(0, 8).toUpperCase()}`;

/**
 * Reports addressed to these structures; every report when the central unit is among them (its
 * officers receive them all). Newest first.
 */
function addressedTo(structureIds: string[], central: string | null): SQL | undefined {
  if (central && structureIds.includes(central)) return undefined;
  return structureIds.length > 0 ? inArray(integrityReports.structureId, structureIds) : sql`false`;
}

export async function listQueue(
  db: Db,
  structureIds: string[],
  central: string | null,
  status?: ReportStatus,
) {
  const last = db
    .select({
      reportId: integrityMessages.reportId,
      author:
        sql<string>`(array_agg(${integrityMessages.author} order by ${integrityMessages.seq} desc))[1]`.as(
          "author",
        ),
      messages: count().as("messages"),
    })
    .from(integrityMessages)
    .groupBy(integrityMessages.reportId)
    .as("last");
  return db
    .select({
      id: integrityReports.id,
      status: integrityReports.status,
      receivedOn: integrityReports.receivedOn,
      dueOn: integrityReports.dueOn,
      updatedOn: integrityReports.updatedOn,
      structureName: structures.name,
      lastAuthor: last.author,
      messages: last.messages,
    })
    .from(integrityReports)
    .leftJoin(structures, eq(structures.id, integrityReports.structureId))
    .leftJoin(last, eq(last.reportId, integrityReports.id))
    .where(and(addressedTo(structureIds, central), status ? eq(integrityReports.status, status) : undefined))
    .orderBy(desc(integrityReports.receivedOn), desc(integrityReports.id))
    .limit(500);
}

export async function findReport(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db.select().from(integrityReports).where(eq(integrityReports.id, id));
  return row ?? null;
}

/** How many reports, by status: all of them, or those addressed to some structures. Counts only. */
export async function countReports(db: Db, structureIds: string[] | "all") {
  const rows = await db
    .select({ status: integrityReports.status, n: count() })
    .from(integrityReports)
    .where(
      structureIds === "all"
        ? undefined
        : structureIds.length > 0
          ? or(inArray(integrityReports.structureId, structureIds))
          : sql`false`,
    )
    .groupBy(integrityReports.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<
    Record<ReportStatus, number>
  >;
}
