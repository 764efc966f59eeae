import { and, eq, isNull } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { isUuid } from "../../../../core/ids.js";
import { governorates, structures } from "../../../../core/structures/tables.js";
import { isUniqueViolation } from "../../../../db/errors.js";
import { findMunicipality } from "../../../structures/queries.js";
import { canRoutingRule } from "../policy.js";
import { findHandler } from "../queries/handlers.js";
import { ruleResource } from "../routing-rules.js";
import { caseRoutingRules, ROUTING_ASSIGNMENTS, type RoutingAssignment } from "../tables.js";
import { findTeam, teamMemberIds } from "../teams.js";
import type { StaffContext } from "./context.js";

export type RoutingRuleField =
  | "category"
  | "governorate"
  | "municipality"
  | "structure"
  | "team"
  | "assignment"
  | "agent";
export type RoutingRuleInput = Partial<Record<RoutingRuleField, string>>;

/**
 * Adds a routing rule: a category's requests from a municipality, a governorate (or from anywhere)
 * go to a structure, and optionally straight to one of its agents (the least loaded, each in turn,
 * or one named agent of that structure), or to one of its teams (whose queue it joins; any
 * assignment is then among the team's members). One rule per category and place; a municipality
 * must be in the rule's governorate, a team of the target structure.
 */
export async function createRoutingRule(
  ctx: StaffContext,
  input: RoutingRuleInput,
): Promise<Result<{ id: string }, RoutingRuleField>> {
  const errors: FieldErrors<RoutingRuleField> = {};
  const categoryId = text(input.category);
  const targetStructureId = text(input.structure);
  const governorateCode = text(input.governorate) || null;
  const wanted = text(input.assignment) || "none";
  const assignment = (ROUTING_ASSIGNMENTS as readonly string[]).includes(wanted)
    ? (wanted as RoutingAssignment)
    : null;
  if (!assignment) errors.assignment = fieldError("cases.workspace.errors.assignmentInvalid");

  const [target] = isUuid(targetStructureId)
    ? await ctx.db
        .select({ id: structures.id })
        .from(structures)
        .where(and(eq(structures.id, targetStructureId), isNull(structures.retiredAt)))
    : [];
  if (!target) errors.structure = fieldError("cases.workspace.errors.structureRequired");
  const resource = await ruleResource(ctx.db, { categoryId, targetStructureId });
  if (!resource) errors.category = fieldError("cases.workspace.errors.categoryInvalid");
  if (governorateCode) {
    const [known] = await ctx.db.select().from(governorates).where(eq(governorates.code, governorateCode));
    if (!known) errors.governorate = fieldError("cases.workspace.errors.governorateInvalid");
  }
  const municipalityRef = text(input.municipality);
  const municipality = municipalityRef ? await findMunicipality(ctx.db, municipalityRef) : null;
  if (municipalityRef && !municipality)
    errors.municipality = fieldError("cases.workspace.errors.municipalityInvalid");
  else if (municipality && municipality.governorateCode !== governorateCode)
    errors.municipality = fieldError("cases.workspace.errors.municipalityOutsideGovernorate");
  const municipalityId = municipality?.id ?? null;
  // A team of the target structure: the request waits in its queue, or goes to one of its members.
  const teamRef = text(input.team);
  const team = teamRef ? await findTeam(ctx.db, teamRef) : null;
  if (teamRef && (!team || !target || team.structureId !== target.id))
    errors.team = fieldError("cases.workspace.errors.teamInvalid");
  const targetTeamId = team?.id ?? null;
  const agentId = assignment === "agent" ? text(input.agent) : "";
  if (assignment === "agent" && !(target && (await findHandler(ctx.db, target.id, agentId))))
    errors.agent = fieldError("cases.workspace.errors.agentInvalid");
  else if (assignment === "agent" && team && !(await teamMemberIds(ctx.db, team.id)).includes(agentId))
    errors.agent = fieldError("cases.workspace.errors.agentNotInTeam");
  if (target && resource && !canRoutingRule(ctx.actor, resource)) {
    errors.category = fieldError("cases.workspace.errors.categoryNotYours");
  }
  if (hasErrors(errors)) return { ok: false, errors };

  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(caseRoutingRules)
        .values({
          categoryId,
          governorateCode,
          municipalityId,
          targetStructureId,
          targetTeamId,
          assignment: assignment!,
          targetAgentId: agentId || null,
          createdBy: ctx.actor.accountId,
        })
        .returning({ id: caseRoutingRules.id });
      await audit(
        tx,
        {
          action: "case_routing_rule.create",
          subjectType: "case_routing_rule",
          subjectId: row!.id,
          structureId: targetStructureId,
          details: {
            categoryId,
            governorateCode,
            municipalityId,
            assignment,
            targetAgentId: agentId || null,
          },
        },
        ctx.request,
        ctx.actor.accountId,
      );
      return { ok: true as const, value: row! };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const field = municipalityId ? "municipality" : "governorate";
    return { ok: false, errors: { [field]: fieldError("cases.workspace.errors.ruleExists") } };
  }
}
