import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { accounts } from "../../../../core/auth/tables.js";
import type { StaffRole } from "../../../../core/authz/actor.js";
import { memberships } from "../../../../core/authz/tables.js";
import { isUuid } from "../../../../core/ids.js";
import { type Db, rowsOf } from "../../../../db/client.js";
import { caseTeamMembers } from "../../tables.js";
import { agentOpenLoad, staffPreferences } from "../tables.js";

/** A member of staff who handles a structure's requests, as lists and mails need them. */
export interface Handler {
  id: string;
  name: string;
  email: string | null;
  locale: string;
}

/** A membership in one of these roles, not revoked, of an account not deleted (joined on memberships). */
export const liveMembership = (roles: StaffRole[]) =>
  and(inArray(memberships.role, roles), isNull(memberships.revokedAt), isNull(accounts.deletedAt));

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
    .where(and(eq(memberships.structureId, structureId), liveMembership(roles)))
    .orderBy(asc(accounts.displayName), asc(accounts.id));
}

/** A member of staff a request may be assigned to, and whether they chose a daily summary over a mail each time. */
export interface Assignee extends Handler {
  dailySummary: boolean;
}

const assigneeColumns = {
  id: accounts.id,
  name: accounts.displayName,
  email: accounts.email,
  locale: accounts.locale,
  dailySummary: sql<boolean>`coalesce(${staffPreferences.assignmentMail} = 'daily', false)`,
};

/** Whether an account handles a structure's requests (agent or structure admin), so may be assigned one. */
export async function findHandler(db: Db, structureId: string, accountId: string): Promise<Assignee | null> {
  if (!isUuid(accountId)) return null;
  const [row] = await db
    .select(assigneeColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .leftJoin(staffPreferences, eq(staffPreferences.accountId, accounts.id))
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

/**
 * The structure's least-loaded agent (of one of its teams, when given): the fewest open requests
 * assigned to them (in any structure, read from agent_open_load, one row per agent), the
 * longest-serving first on a tie. Null when the structure (or team) has no agent. Call inside the
 * transaction that files the request; one statement, so routing costs the filing one round trip.
 *
 * Requests filed at the same moment read the same loads, and the trigger that counts the chosen
 * agent's new request locks their load row until the filing commits. So the choice takes, in that
 * order, the first agent whose row no other filing holds (FOR UPDATE SKIP LOCKED): simultaneous
 * filings go to different agents instead of queueing behind one another on the same row. (An agent
 * with no row yet has had no request: they come first, and their first request creates their row.)
 */
export async function leastLoadedAgent(
  db: Db,
  structureId: string,
  teamId: string | null = null,
): Promise<Assignee | null> {
  const [row] = rowsOf<{ id: string; name: string; email: string | null; locale: string; daily: boolean }>(
    await db.execute(sql`
      with candidates as (
        select ${accounts.id} as id, ${accounts.displayName} as name, ${accounts.email} as email,
          ${accounts.locale} as locale, ${assigneeColumns.dailySummary} as daily,
          ${agentOpenLoad.accountId} is not null as counted,
          row_number() over (order by coalesce(${agentOpenLoad.n}, 0), ${memberships.createdAt},
            ${memberships.accountId}) as rank
        from ${memberships}
        join ${accounts} on ${accounts.id} = ${memberships.accountId}
        left join ${staffPreferences} on ${staffPreferences.accountId} = ${accounts.id}
        left join ${agentOpenLoad} on ${agentOpenLoad.accountId} = ${accounts.id}
        where ${agentsOf(structureId, teamId)}
      ),
      free as (
        select l.account_id from agent_open_load l join candidates c on c.id = l.account_id
        where exists (select 1 from candidates where rank = 1 and counted)
        order by c.rank limit 1
        for update of l skip locked
      )
      select id, name, email, locale, daily from candidates
      order by id in (select account_id from free) desc, rank
      limit 1`),
  );
  return row
    ? { id: row.id, name: row.name, email: row.email, locale: row.locale, dailySummary: row.daily }
    : null;
}
/**
 * The structure's agents (of one of its teams, when given) in the order a round-robin rule takes
 * them: longest-serving first.
 */
export async function listAgentsInTurn(
  db: Db,
  structureId: string,
  teamId: string | null = null,
): Promise<Assignee[]> {
  return db
    .select(assigneeColumns)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .leftJoin(staffPreferences, eq(staffPreferences.accountId, accounts.id))
    .where(agentsOf(structureId, teamId))
    .orderBy(asc(memberships.createdAt), asc(memberships.accountId));
}

/** The live agents of a structure (not its admins: rules hand requests to agents), of a team when given. */
function agentsOf(structureId: string, teamId: string | null = null) {
  return and(
    eq(memberships.structureId, structureId),
    eq(memberships.role, "agent"),
    isNull(memberships.revokedAt),
    isNull(accounts.deletedAt),
    teamId
      ? sql`exists (select 1 from ${caseTeamMembers} where ${caseTeamMembers.teamId} = ${teamId}
          and ${caseTeamMembers.accountId} = ${accounts.id})`
      : undefined,
  );
}

/**
 * The members of a team who are still live agents of its structure, with their choice of mail
 * rhythm: who hears of a request waiting in the team's queue.
 */
export async function listTeamAgents(db: Db, structureId: string, teamId: string): Promise<Assignee[]> {
  return listAgentsInTurn(db, structureId, teamId);
}
