import { and, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accounts } from "./tables.js";

/** The live account with this email, whatever its case. */
export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(sql`lower(${accounts.email}) = lower(${email})`, isNull(accounts.deletedAt)));
  return row ?? null;
}
