import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import type { StaffRole } from "../../../core/authz/actor.js";
import { memberships } from "../../../core/authz/tables.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { isUuid } from "../../../core/ids.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { caseTeamMembers, caseTeams } from "../tables.js";

export type Team = typeof caseTeams.$inferSelect;

export async function findTeam(db: Db, id: string | undefined): Promise<Team | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(caseTeams).where(eq(caseTeams.id, id));
  return row ?? null;
}

/** The ids of a team's members, whatever their role today. */
export async function teamMemberIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ id: caseTeamMembers.accountId })
    .from(caseTeamMembers)
    .where(eq(caseTeamMembers.teamId, teamId));
  return rows.map((r) => r.id);
}

/** A structure's teams, by name, each with its members' names (live agents of the structure only). */
export async function listTeams(db: Db, structureId: string) {
  const teams = await db
    .select()
    .from(caseTeams)
    .where(eq(caseTeams.structureId, structureId))
    .orderBy(asc(caseTeams.createdAt), asc(caseTeams.id));
  if (teams.length === 0) return [];
  const members = await db
    .select({ teamId: caseTeamMembers.teamId, name: accounts.displayName })
    .from(caseTeamMembers)
    .innerJoin(accounts, eq(accounts.id, caseTeamMembers.accountId))
    .where(
      and(
        inArray(
          caseTeamMembers.teamId,
          teams.map((t) => t.id),
        ),
        isNull(accounts.deletedAt),
      ),
    )
    .orderBy(asc(accounts.displayName));
  return teams.map((team) => ({
    team,
    members: members.filter((m) => m.teamId === team.id).map((m) => m.name),
  }));
}

/** The live agents of a structure: who may be a member of its teams. */
export async function listTeamCandidates(db: Db, structureId: string) {
  return db
    .selectDistinct({ id: accounts.id, name: accounts.displayName })
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
    .orderBy(asc(accounts.displayName), asc(accounts.id));
}

/** The teams of some structures, with their structure's name (the routing form's choices). */
export async function listTeamsOf(db: Db, structureIds: "all" | string[]) {
  if (structureIds !== "all" && structureIds.length === 0) return [];
  return db
    .select({
      id: caseTeams.id,
      name: caseTeams.name,
      structureId: caseTeams.structureId,
      structureName: structures.name,
    })
    .from(caseTeams)
    .innerJoin(structures, eq(structures.id, caseTeams.structureId))
    .where(
      and(
        isNull(structures.retiredAt),
        structureIds === "all" ? undefined : inArray(caseTeams.structureId, structureIds),
      ),
    )
    .orderBy(asc(structures.code), asc(caseTeams.createdAt));
}

/** Names of some teams, by id (for timelines). */
export async function teamNames(db: Db, ids: string[]): Promise<Map<string, LocalizedText>> {
  const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: caseTeams.id, name: caseTeams.name })
    .from(caseTeams)
    .where(inArray(caseTeams.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * When a staff role is withdrawn: an agent no longer of the structure leaves its teams (an agent
 * who still holds the role there, through another membership, stays).
 */
export async function leaveTeams(
  db: Db,
  membership: { accountId: string; structureId: string; role: StaffRole },
): Promise<void> {
  if (membership.role !== "agent") return;
  const still = await listTeamCandidates(db, membership.structureId);
  if (still.some((a) => a.id === membership.accountId)) return;
  await db
    .delete(caseTeamMembers)
    .where(
      and(
        eq(caseTeamMembers.accountId, membership.accountId),
        inArray(
          caseTeamMembers.teamId,
          db
            .select({ id: caseTeams.id })
            .from(caseTeams)
            .where(eq(caseTeams.structureId, membership.structureId)),
        ),
      ),
    );
}
