import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../../core/forms.js";
import { isUuid } from "../../../../core/ids.js";
import { deleteTeam } from "../commands/delete-team.js";
import { saveTeam, type TeamField } from "../commands/save-team.js";
import { canManageTeams } from "../policy.js";
import {
  EmptyBody,
  ItemParams,
  type StructureQuery,
  StructureQuery as StructureQuerySchema,
  TeamBody,
} from "../schema.js";
import { findTeam, listTeamCandidates, listTeams, type Team, teamMemberIds } from "../teams.js";
import { TeamEditPage, TeamsPage, type TeamValues } from "../views/teams-page.js";
import { managedStructures, staffContext, staffGuard, staffNav } from "./load.js";

/** The form's values as it shows them again. */
const valuesOf = (body: TeamBody): TeamValues => ({
  nameAr: body.nameAr,
  nameFr: body.nameFr,
  nameEn: body.nameEn,
  members: [body.members ?? []].flat(),
});

/** Teams: the structure admins of a structure (platform admins, any) make its teams of agents. */
export const teamRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);

  const listPage = async (
    request: FastifyRequest,
    wanted: string | undefined,
    values: TeamValues = {},
    errors?: FieldErrors<TeamField>,
  ) => {
    const structures = await managedStructures(request);
    const structure = wanted ? structures.find((s) => isUuid(wanted) && s.id === wanted) : structures[0];
    if (!structure) throw new NotFoundError();
    return (
      <TeamsPage
        nav={staffNav(request)}
        structures={structures}
        structure={structure}
        teams={await listTeams(app.db, structure.id)}
        candidates={await listTeamCandidates(app.db, structure.id)}
        values={values}
        errors={errors}
      />
    );
  };

  app.get<{ Querystring: StructureQuery }>(
    "/staff/teams",
    { schema: { querystring: StructureQuerySchema } },
    async (request, reply) => reply.render(await listPage(request, request.query.structure)),
  );

  app.post<{ Body: TeamBody }>("/staff/teams", { schema: { body: TeamBody } }, async (request, reply) => {
    const structures = await managedStructures(request);
    if (!structures.some((s) => s.id === request.body.structure)) throw new NotFoundError();
    const result = await saveTeam(staffContext(request), request.body);
    if (!result.ok)
      return reply.render(
        await listPage(request, request.body.structure, valuesOf(request.body), result.errors),
        422,
      );
    return reply.redirectWithFlash(`/staff/teams?structure=${request.body.structure}`, {
      kind: "success",
      message: "cases.workspace.flash.teamSaved",
    });
  });

  /** A team the actor manages; 404 for any other. */
  const load = async (request: FastifyRequest, id: string): Promise<Team> => {
    const team = await findTeam(app.db, id);
    if (!team || !canManageTeams(request.actor, team.structureId)) throw new NotFoundError();
    return team;
  };

  const editPage = async (
    request: FastifyRequest,
    team: Team,
    values: TeamValues,
    errors?: FieldErrors<TeamField | "team">,
  ) => (
    <TeamEditPage
      nav={staffNav(request)}
      team={team}
      candidates={await listTeamCandidates(app.db, team.structureId)}
      values={values}
      errors={errors}
    />
  );

  app.get<{ Params: ItemParams }>(
    "/staff/teams/:itemId",
    { schema: { params: ItemParams } },
    async (request, reply) => {
      const team = await load(request, request.params.itemId);
      const values = {
        nameAr: team.name.ar,
        nameFr: team.name.fr,
        nameEn: team.name.en,
        members: await teamMemberIds(app.db, team.id),
      };
      return reply.render(await editPage(request, team, values));
    },
  );

  app.post<{ Params: ItemParams; Body: TeamBody }>(
    "/staff/teams/:itemId",
    { schema: { params: ItemParams, body: TeamBody } },
    async (request, reply) => {
      const team = await load(request, request.params.itemId);
      const result = await saveTeam(staffContext(request), request.body, team);
      if (!result.ok)
        return reply.render(await editPage(request, team, valuesOf(request.body), result.errors), 422);
      return reply.redirectWithFlash(`/staff/teams?structure=${team.structureId}`, {
        kind: "success",
        message: "cases.workspace.flash.teamSaved",
      });
    },
  );

  app.post<{ Params: ItemParams }>(
    "/staff/teams/:itemId/delete",
    { schema: { params: ItemParams, body: EmptyBody } },
    async (request, reply) => {
      const team = await load(request, request.params.itemId);
      const result = await deleteTeam(staffContext(request), team);
      if (!result.ok) {
        const values = {
          nameAr: team.name.ar,
          nameFr: team.name.fr,
          nameEn: team.name.en,
          members: await teamMemberIds(app.db, team.id),
        };
        return reply.render(await editPage(request, team, values, result.errors), 409);
      }
      return reply.redirectWithFlash(`/staff/teams?structure=${team.structureId}`, {
        kind: "success",
        message: "cases.workspace.flash.teamDeleted",
      });
    },
  );
};
