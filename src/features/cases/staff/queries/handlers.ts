import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { accounts } from "../../../../core/auth/tables.js";
import type { StaffRole } from "../../../../core/authz/actor.js";
import { memberships } from "../../../../core/authz/tables.js";
import { type Db, rowsOf } from "../../../../db/client.js";
import { isUuid } from "../../../structures/commands/structure-fields.js";
import { OPEN_STATUSES } from "../../lifecycle.js";

/** A member of staff who handles a structure's requests, as lists and mails need them. */
export interface Handler {
  id: string;
  name: string;
  email: string | null;
  locale: string;
}

/** The live accounts holding one of these roles in a structure, by name. */
export async function listMembers(
  db: Db,
  structureId: string,
  roles: StaffRole[] = ["agent", "structure_admin"],
): Promise<Handler[]> {
  return db
    .selectDistinct({
      id: accounts.id,
      name: accounts.displayName,
      email: accounts.email,
      locale: accounts.locale,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.structureId, structureId),
        inArray(memberships.role, roles),
        isNull(memberships.revokedAt),
        isNull(accounts.deletedAt),
      ),
    )
    .orderBy(asc(accounts.displayName), asc(accounts.id));
}

/** Whether an account handles a structure's requests (agent or structure admin), so may be assigned one. */
export async function findHandler(db: Db, structureId: string, accountId: string): Promise<Handler | null> {
  if (!isUuid(accountId)) return null;
  const [row] = await db
    .select({ id: accounts.id, name: accounts.displayName, email: accounts.email, locale: accounts.locale })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.structureId, structureId),
        eq(memberships.accountId, accountId),
        inArray(memberships.role, ["agent", "structure_admin"]),
        isNull(memberships.revokedAt),
        isNull(accounts.deletedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * The structure's least-loaded agent: the fewest open requests assigned to them (in any structure),
 * the longest-serving first on a tie. Null when the structure has no agent.
 */
export async function leastLoadedAgent(db: Db, structureId: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      select m.account_id as id
      from memberships m
      join accounts a on a.id = m.account_id and a.deleted_at is null
      where m.structure_id = ${structureId} and m.role = 'agent' and m.revoked_at is null
      order by (select count(*) from cases c where c.assignee_id = m.account_id and c.status in (${OPEN})),
        m.created_at, m.account_id
      limit 1`),
  );
  return row?.id ?? null;
}

/** The structure's agents in the order a round-robin rule takes them: longest-serving first. */
export async function listAgentsInTurn(db: Db, structureId: string): Promise<Handler[]> {
  return db
    .select({ id: accounts.id, name: accounts.displayName, email: accounts.email, locale: accounts.locale })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.structureId, structureId),
        eq(memberships.role, "agent"),
        isNull(memberships.revokedAt),
        isNull(accounts.deletedAt),
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.accountId));
}
