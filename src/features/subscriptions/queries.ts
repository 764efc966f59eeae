import { asc } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { themes } from "./tables.js";

export async function listThemes(db: Db) {
  return db.select().from(themes).orderBy(asc(themes.position));
}
