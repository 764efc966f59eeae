import { asc, count, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { governorates, structures } from "./tables.js";

export async function listGovernorates(db: Db) {
  return db.select().from(governorates).orderBy(asc(governorates.position));
}

/** How many active structures of each kind the directory holds. */
export async function countStructuresByKind(db: Db) {
  return db
    .select({ kind: structures.kind, n: count() })
    .from(structures)
    .where(isNull(structures.retiredAt))
    .groupBy(structures.kind);
}
