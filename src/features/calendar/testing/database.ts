import { and, eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { openTestDatabase } from "../../../../test/databases.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";

/** A private test database with the reference data, closed after the file's tests. */
export async function commandTestDb(): Promise<Db> {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  return database.db;
}

/** The audit events recorded for one subject and action. */
export async function auditOf(db: Db, action: string, subjectId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));
}

export async function structureId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: structures.id }).from(structures).where(eq(structures.code, code));
  if (!row) throw new Error(`no structure ${code}`);
  return row.id;
}
