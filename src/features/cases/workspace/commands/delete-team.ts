import { eq } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import { fieldError, type Result } from "../../../../core/forms.js";
import { caseTeams } from "../../tables.js";
import { caseRoutingRules } from "../tables.js";
import type { Team } from "../teams.js";
import type { StaffContext } from "./context.js";

/**
 * Deletes a team: its members go with it, and its requests stay in the structure's queue without a
 * team. Refused while a routing rule sends requests to it (the rule would otherwise start handing
 * them to the whole structure): that rule is deleted or changed first.
 */
export async function deleteTeam(ctx: StaffContext, team: Team): Promise<Result<null, "team">> {
  return ctx.db.transaction(async (tx) => {
    const rules = await tx.$count(caseRoutingRules, eq(caseRoutingRules.targetTeamId, team.id));
    if (rules > 0)
      return {
        ok: false as const,
        errors: { team: fieldError("cases.workspace.errors.teamInUse", { count: rules }) },
      };
    await tx.delete(caseTeams).where(eq(caseTeams.id, team.id));
    await audit(
      tx,
      {
        action: "case_team.delete",
        subjectType: "case_team",
        subjectId: team.id,
        structureId: team.structureId,
        details: { name: team.name },
      },
      ctx.request,
      ctx.actor.accountId,
    );
    return { ok: true as const, value: null };
  });
}
