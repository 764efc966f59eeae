import { eq } from "drizzle-orm";
import { audit } from "../../../../core/audit/record.js";
import { type FieldErrors, fieldError, hasErrors, type Result, text } from "../../../../core/forms.js";
import { isUuid } from "../../../../core/ids.js";
import { caseTeamMembers, caseTeams } from "../../tables.js";
import { canManageTeams } from "../policy.js";
import { listTeamCandidates, type Team } from "../teams.js";
import type { StaffContext } from "./context.js";

export type TeamField = "structure" | "nameAr" | "nameFr" | "nameEn" | "members";
export interface TeamInput {
  structure?: string;
  nameAr?: string;
  nameFr?: string;
  nameEn?: string;
  /** The ids of the members: one (a string) or several. */
  members?: string | string[];
}
export const TEAM_NAME_MAX = 80;
export const TEAM_MEMBERS_MAX = 200;

const NAME_FIELDS = [
  ["ar", "nameAr"],
  ["fr", "nameFr"],
  ["en", "nameEn"],
] as const;

/**
 * Creates a team of a structure, or updates `existing` (its structure never changes): its name in
 * Arabic, French and English, and its members, each a live agent of the structure. The structure
 * must be one the actor administers. Members are replaced as a whole.
 */
export async function saveTeam(
  ctx: StaffContext,
  input: TeamInput,
  existing?: Team,
): Promise<Result<{ id: string }, TeamField>> {
  const errors: FieldErrors<TeamField> = {};
  const structureId = existing?.structureId ?? text(input.structure);
  if (!isUuid(structureId) || !canManageTeams(ctx.actor, structureId))
    errors.structure = fieldError("cases.workspace.errors.structureRequired");
  const name = { ar: "", fr: "", en: "" };
  for (const [locale, field] of NAME_FIELDS) {
    const value = text(input[field]);
    if (!value) errors[field] = fieldError(`cases.workspace.errors.teamName.${locale}`);
    else if ([...value].length > TEAM_NAME_MAX)
      errors[field] = fieldError("cases.workspace.errors.teamNameLong", { max: TEAM_NAME_MAX });
    name[locale] = value;
  }
  const wanted = [
    ...new Set(
      [input.members ?? []]
        .flat()
        .map((m) => text(m))
        .filter(Boolean),
    ),
  ];
  if (wanted.length > TEAM_MEMBERS_MAX || !wanted.every((m) => isUuid(m)))
    errors.members = fieldError("cases.workspace.errors.teamMemberInvalid");
  else if (wanted.length > 0 && !errors.structure) {
    const agents = new Set((await listTeamCandidates(ctx.db, structureId)).map((a) => a.id));
    if (!wanted.every((m) => agents.has(m)))
      errors.members = fieldError("cases.workspace.errors.teamMemberInvalid");
  }
  if (hasErrors(errors)) return { ok: false, errors };

  return ctx.db.transaction(async (tx) => {
    const [team] = existing
      ? await tx
          .update(caseTeams)
          .set({ name, updatedAt: new Date() })
          .where(eq(caseTeams.id, existing.id))
          .returning({ id: caseTeams.id })
      : await tx
          .insert(caseTeams)
          .values({ structureId, name, createdBy: ctx.actor.accountId })
          .returning({ id: caseTeams.id });
    await tx.delete(caseTeamMembers).where(eq(caseTeamMembers.teamId, team!.id));
    if (wanted.length > 0)
      await tx.insert(caseTeamMembers).values(wanted.map((accountId) => ({ teamId: team!.id, accountId })));
    await audit(
      tx,
      {
        action: existing ? "case_team.update" : "case_team.create",
        subjectType: "case_team",
        subjectId: team!.id,
        structureId,
        details: { members: wanted },
      },
      ctx.request,
      ctx.actor.accountId,
    );
    return { ok: true as const, value: team! };
  });
}
