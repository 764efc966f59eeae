import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { accounts } from "../../../../core/auth/tables.js";
import type { StaffRole } from "../../../../core/authz/actor.js";
import { memberships } from "../../../../core/authz/tables.js";
import { isUuid } from "../../../../core/ids.js";
import { notificationPreferences } from "../../../../core/notifications/tables.js";
import { type Db, rowsOf } from "../../../../db/client.js";
import { caseTeamMembers } from "../../tables.js";
import { ASSIGNMENT_KIND } from "../preferences.js";
import { agentOpenLoad, caseRoutingRules, staffPreferences } from "../tables.js";

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

/**
 * A member of staff a request may be assigned to, and whether they are mailed each request at once:
 * not when they chose a daily summary instead, nor when they turned these mails off (both on their
 * notification preferences, kind "request-assigned").
 */
export interface Assignee extends Handler {
  instantMail: boolean;
}

/** Whether the account (joined as accounts) is mailed each request handed to them at once (Assignee.instantMail). */
const instantMail = sql`(coalesce(${staffPreferences.assignmentMail} = 'instant', true)
    and not exists (select 1 from ${notificationPreferences} np where np.account_id = ${accounts.id}
      and np.kind = ${ASSIGNMENT_KIND} and not np.email))`;

/**
 * Memberships with their accounts, selected as Assignee's fields: what every query below that
 * chooses an assignee returns, one row each.
 */
const assigneeRows = sql`select ${accounts.id} as id, ${accounts.displayName} as name,
    ${accounts.email} as email, ${accounts.locale} as locale,
    ${instantMail} as "instantMail"
  from ${memberships}
  join ${accounts} on ${accounts.id} = ${memberships.accountId}
  left join ${staffPreferences} on ${staffPreferences.accountId} = ${accounts.id}`;

const firstAssignee = async (db: Db, query: SQL): Promise<Assignee | null> =>
  rowsOf<Assignee>(await db.execute(query))[0] ?? null;

/** The query for an account that handles a structure's requests (agent or structure admin). */
export const handlerQuery = (structureId: string, accountId: string): SQL =>
  sql`${assigneeRows} where ${and(
    eq(memberships.structureId, structureId),
    eq(memberships.accountId, accountId),
    liveMembership(["agent", "structure_admin"]),
  )} limit 1`;

/** Whether an account handles a structure's requests (agent or structure admin), so may be assigned one. */
export async function findHandler(db: Db, structureId: string, accountId: string): Promise<Assignee | null> {
  return isUuid(accountId) ? firstAssignee(db, handlerQuery(structureId, accountId)) : null;
}

/**
 * The query for the structure's least-loaded agent (of one of its teams, when given): the fewest
 * open requests assigned to them (in any structure, read from agent_open_load, one row per agent),
 * the longest-serving first on a tie; no row when the structure (or team) has no agent. Run inside
 * the transaction that assigns the request.
 *
 * Requests filed at the same moment read the same loads, and the trigger that counts the chosen
 * agent's new request locks their load row until the filing commits. So the choice takes, in that
 * order, the first agent whose row no other filing holds (FOR UPDATE SKIP LOCKED): simultaneous
 * filings go to different agents instead of queueing behind one another on the same row. (An agent
 * with no row yet has had no request: they come first, and their first request creates their row.)
 */
export const leastLoadedQuery = (structureId: string, teamId: string | null = null): SQL => sql`
  with candidates as (
    select ${accounts.id} as id, ${accounts.displayName} as name, ${accounts.email} as email,
      ${accounts.locale} as locale, ${instantMail} as instant,
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
  select id, name, email, locale, instant as "instantMail" from candidates
  order by id in (select account_id from free) desc, rank
  limit 1`;

/** The structure's least-loaded agent (leastLoadedQuery), or null when it has none. */
export async function leastLoadedAgent(
  db: Db,
  structureId: string,
  teamId: string | null = null,
): Promise<Assignee | null> {
  return firstAssignee(db, leastLoadedQuery(structureId, teamId));
}

/**
 * The query for a round-robin rule's next agent: among the structure's agents (of one of its teams,
 * when given), longest-serving first, the one after the agent it chose last (the first when that
 * agent is gone). It locks the rule's row until the transaction ends, so two requests filed at once
 * go to two agents.
 */
export const nextInTurnQuery = (
  ruleId: string,
  structureId: string,
  teamId: string | null = null,
): SQL => sql`
  with turn as (
    select ${caseRoutingRules.lastAssigneeId} as last from ${caseRoutingRules}
    where ${caseRoutingRules.id} = ${ruleId} for update
  ),
  agents as (
    select ${accounts.id} as id,
      row_number() over (order by ${memberships.createdAt}, ${memberships.accountId}) as n
    from ${memberships} join ${accounts} on ${accounts.id} = ${memberships.accountId}
    where ${agentsOf(structureId, teamId)}
  ),
  next as (
    select id from agents
    order by n <= coalesce((select n from agents where id = (select last from turn)), 0), n
    limit 1
  )
  ${assigneeRows} where ${agentsOf(structureId, teamId)} and ${accounts.id} = (select id from next)`;

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
  return rowsOf<Assignee>(
    await db.execute(
      sql`${assigneeRows} where ${agentsOf(structureId, teamId)}
        order by ${memberships.createdAt}, ${memberships.accountId}`,
    ),
  );
}
