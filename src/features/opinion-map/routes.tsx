import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { audit } from "../../core/audit/record.js";
import { requireAccount, requireStaff } from "../../core/auth/plugin.js";
import { NotFoundError } from "../../core/errors/app-error.js";
import { type FieldErrors, formSchema } from "../../core/forms.js";
import { submissionLimit } from "../../core/security/submission-limit.js";
import { participationRefusal } from "../consultations/policy.js";
import type { ConsultationView } from "../consultations/queries.js";
import { loadAdmin, loadPublic } from "../consultations/routes/load.js";
import { IdParams } from "../consultations/routes/public.js";
import {
  castVote,
  moderateStatement,
  type StatementField,
  seedStatement,
  submitStatement,
  VOTES,
  type VoteChoice,
} from "./commands/statements.js";
import {
  findGroupOf,
  findOpinionMap,
  findOpinionMapData,
  listStatements,
  nextStatement,
  votesOf,
} from "./queries.js";
import { AdminOpinionMapPage } from "./views/admin-page.js";
import { OpinionMapPage } from "./views/opinion-map-page.js";

const VOTES_PER_MINUTE = 60;
const VoteBody = formSchema({ statementId: 100, vote: 20 });
const StatementBody = formSchema({ body: 2000 });
const SeedBody = formSchema({ bodyAr: 2000, bodyFr: 2000, bodyEn: 2000 });
const ModerateBody = formSchema({ decision: 20 });
const StatementParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  statementId: Type.String({ maxLength: 100 }),
});

interface PageState {
  errors?: FieldErrors<StatementField>;
  values?: Record<string, string>;
}

async function publicPage(request: FastifyRequest, c: ConsultationView, state: PageState = {}) {
  const db = request.server.db;
  const accountId = request.account?.id ?? null;
  const [statements, map, votes, myGroup] = await Promise.all([
    listStatements(db, c.id),
    findOpinionMap(db, c.id),
    votesOf(db, c.id, accountId),
    findGroupOf(db, c.id, accountId),
  ]);
  const snapshot = map?.snapshot ?? null;
  const approvedIds = new Set(statements.map((s) => s.id));
  return (
    <OpinionMapPage
      c={c}
      statements={statements}
      next={nextStatement(statements, votes, snapshot)}
      voted={[...votes.keys()].filter((id) => approvedIds.has(id)).length}
      snapshot={snapshot}
      stale={map?.stale ?? false}
      myGroup={myGroup}
      refusal={participationRefusal(request.actor, c)}
      {...state}
    />
  );
}

async function adminPage(request: FastifyRequest, c: ConsultationView, state: PageState = {}) {
  const db = request.server.db;
  const [statements, map] = await Promise.all([
    listStatements(db, c.id, ["pending", "approved", "rejected"]),
    findOpinionMap(db, c.id),
  ]);
  return (
    <AdminOpinionMapPage
      c={c}
      statements={statements}
      snapshot={map?.snapshot ?? null}
      stale={map?.stale ?? false}
      {...state}
    />
  );
}

const refusalStatus = (refusal: string) => (refusal === "notOpenYet" || refusal === "closed" ? 409 : 403);

/**
 * The opinion map of a consultation: its public page (vote one statement at a time, propose one, see
 * the map), its open data, and the admin page to seed and moderate statements. Votes only mark the
 * map stale; the job recomputes it.
 */
export const opinionMapRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);
  // Voting is quick work (one statement at a time): a limit per account, one vote a second on average.
  const votes = {
    rateLimit: {
      max: VOTES_PER_MINUTE,
      timeWindow: 60_000,
      hook: "preValidation" as const,
      keyGenerator: (request: FastifyRequest) =>
        request.account ? `opinion-vote:${request.account.id}` : `opinion-vote-ip:${request.ip}`,
    },
  };
  app.get<{ Params: IdParams }>(
    "/consultations/:id/opinion-map",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      if (request.account) reply.noStore();
      return reply.render(await publicPage(request, c));
    },
  );

  app.get<{ Params: IdParams }>(
    "/consultations/:id/opinion-map.json",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      if (c.visibility !== "published") throw new NotFoundError();
      return reply.type("application/json; charset=utf-8").send(await findOpinionMapData(app.db, c.id));
    },
  );

  app.post<{ Params: IdParams; Body: { statementId?: string; vote?: string } }>(
    "/consultations/:id/opinion-map/votes",
    { schema: { params: IdParams, body: VoteBody }, preHandler: requireAccount, config: votes },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      const choice = request.body.vote ?? "";
      if (!(choice in VOTES)) throw new NotFoundError();
      const result = await castVote(
        app.db,
        request.actor,
        c.id,
        request.body.statementId ?? "",
        choice as VoteChoice,
      );
      if (!result) throw new NotFoundError();
      if (!result.ok) return reply.render(await publicPage(request, c), refusalStatus(result.refusal));
      return reply.redirectWithFlash(`/consultations/${c.id}/opinion-map`, {
        kind: "success",
        message: "opinion-map.flash.voted",
      });
    },
  );

  app.post<{ Params: IdParams; Body: { body?: string } }>(
    "/consultations/:id/opinion-map/statements",
    { schema: { params: IdParams, body: StatementBody }, preHandler: requireAccount, config: submissions },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      const result = await submitStatement(app.db, request.actor, c.id, request.body, request.locale);
      if (!result.ok) {
        if ("refusal" in result)
          return reply.render(await publicPage(request, c), refusalStatus(result.refusal));
        return reply.render(
          await publicPage(request, c, {
            errors: result.errors,
            values: request.body as Record<string, string>,
          }),
          422,
        );
      }
      return reply.redirectWithFlash(`/consultations/${c.id}/opinion-map`, {
        kind: "success",
        message: "opinion-map.flash.proposed",
      });
    },
  );

  await app.register(async (admin) => {
    admin.addHook("preHandler", requireStaff);
    admin.addHook("onSend", async (_request, reply) => {
      reply.noStore();
    });

    admin.get<{ Params: IdParams }>(
      "/admin/consultations/:id/opinion-map",
      { schema: { params: IdParams } },
      async (request, reply) => {
        const c = await loadAdmin(request, request.params.id);
        return reply.render(await adminPage(request, c));
      },
    );

    admin.post<{ Params: IdParams; Body: Record<string, string> }>(
      "/admin/consultations/:id/opinion-map/statements",
      { schema: { params: IdParams, body: SeedBody } },
      async (request, reply) => {
        const c = await loadAdmin(request, request.params.id, "update");
        const result = await seedStatement(app.db, request.account!.id, c.id, request.body);
        if (!result.ok)
          return reply.render(
            await adminPage(request, c, { errors: result.errors, values: request.body }),
            422,
          );
        await audit(
          app.db,
          {
            action: "opinion_map.statement_seeded",
            subjectType: "opinion_statement",
            subjectId: result.value.id,
            structureId: c.structureId,
          },
          request,
        );
        return reply.redirectWithFlash(`/admin/consultations/${c.id}/opinion-map`, {
          kind: "success",
          message: "opinion-map.flash.seeded",
        });
      },
    );

    admin.post<{ Params: Static<typeof StatementParams>; Body: { decision?: string } }>(
      "/admin/consultations/:id/opinion-map/statements/:statementId/moderate",
      { schema: { params: StatementParams, body: ModerateBody } },
      async (request, reply) => {
        const c = await loadAdmin(request, request.params.id, "update");
        const decision = request.body.decision;
        if (decision !== "approved" && decision !== "rejected") throw new NotFoundError();
        const done = await moderateStatement(app.db, c.id, request.params.statementId, decision);
        if (!done) throw new NotFoundError();
        await audit(
          app.db,
          {
            action: `opinion_map.statement_${decision}`,
            subjectType: "opinion_statement",
            subjectId: done.id,
            structureId: c.structureId,
          },
          request,
        );
        return reply.redirectWithFlash(`/admin/consultations/${c.id}/opinion-map`, {
          kind: "success",
          message: decision === "approved" ? "opinion-map.flash.approved" : "opinion-map.flash.rejected",
        });
      },
    );
  });
};
