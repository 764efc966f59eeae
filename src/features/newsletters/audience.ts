import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../db/client.js";
import type { newsletters } from "./tables.js";

export type Newsletter = typeof newsletters.$inferSelect;
export interface Recipient {
  account_id: string;
  email: string;
  locale: string;
  token: string;
}

/**
 * Who gets a newsletter: people who opted in, with an address; for a structure's newsletter, only
 * those following the structure; then, by segment, those following a governorate or a theme.
 */
function audience(n: Pick<Newsletter, "structureId" | "segment" | "segmentValue">): SQL {
  const follows = (kind: string, target: string) =>
    sql`and exists (select 1 from subscriptions f where f.account_id = s.account_id and f.kind = ${kind} and f.target = ${target})`;
  return sql`
    from subscriber_settings s
    join accounts a on a.id = s.account_id and a.email is not null and a.deleted_at is null
    where s.newsletter
    ${n.structureId ? follows("structure", n.structureId) : sql``}
    ${n.segment !== "all" && n.segmentValue ? follows(n.segment, n.segmentValue) : sql``}`;
}

export async function countAudience(db: Db, n: Parameters<typeof audience>[0]): Promise<number> {
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count ${audience(n)}`),
  );
  return row?.count ?? 0;
}

/** The next recipients after `cursor`, in account order. */
export async function audienceBatch(
  db: Db,
  n: Newsletter,
  cursor: string | null,
  limit: number,
): Promise<Recipient[]> {
  return rowsOf<Recipient>(
    await db.execute(sql`
      select s.account_id, a.email, a.locale, s.unsubscribe_token as token ${audience(n)}
      ${cursor ? sql`and s.account_id > ${cursor}` : sql``}
      order by s.account_id limit ${limit}`),
  );
}
