import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../core/forms.js";
import { type ReviewField, type ReviewInput, reviewProposal } from "../commands/review.js";
import { publishWinners } from "../commands/to-accountability.js";
import { issuePaperCode } from "../commands/vote.js";
import { phaseOf } from "../phase.js";
import { budgetScope, canBudget } from "../policy.js";
import {
  type BudgetDetail,
  findBudget,
  findProposal,
  listBudgets,
  listDistricts,
  listProposals,
} from "../queries.js";
import { CodeBody, IdParams, ProposalParams, PublishBody, ReviewBody } from "../schema.js";
import { AdminBudgetPage, AdminBudgetsPage, IssuedCodePage } from "../views/admin-pages.js";

/** Budgets in the admin area: the technical review of proposals, and voting codes for the counter. */
export const adminBudgetRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  /** A budget the actor's structures run (404 otherwise: another structure's budget is not shown). */
  const load = async (request: FastifyRequest, id: string) => {
    const budget = await findBudget(app.db, id);
    const scope = budgetScope(request.actor);
    if (!budget || (scope !== "all" && !scope.includes(budget.structureId))) throw new NotFoundError();
    return budget;
  };

  const budgetPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    budget: BudgetDetail,
    form?: { proposalId: string; values: ReviewInput; errors: FieldErrors<ReviewField> },
  ) => {
    const [districts, proposals] = await Promise.all([
      listDistricts(app.db, budget.id),
      listProposals(app.db, budget.id),
    ]);
    return reply.render(
      <AdminBudgetPage
        budget={budget}
        phase={phaseOf(budget)}
        districts={districts}
        proposals={proposals}
        canReview={canBudget(request.actor, "review", budget)}
        canIssue={canBudget(request.actor, "issueCode", budget)}
        form={form}
      />,
      form ? 422 : 200,
    );
  };

  app.get("/admin/budgets", async (request, reply) => {
    const scope = budgetScope(request.actor);
    if (scope !== "all" && scope.length === 0) throw new ForbiddenError();
    const all = await listBudgets(app.db);
    const rows = scope === "all" ? all : all.filter((b) => scope.includes(b.structureId));
    return reply.render(<AdminBudgetsPage rows={rows.map((b) => ({ ...b, phase: phaseOf(b) }))} />);
  });

  app.get<{ Params: IdParams }>(
    "/admin/budgets/:id",
    { schema: { params: IdParams } },
    async (request, reply) => budgetPage(request, reply, await load(request, request.params.id)),
  );

  app.post<{ Params: ProposalParams; Body: ReviewInput }>(
    "/admin/budgets/:id/proposals/:proposalId/review",
    { schema: { params: ProposalParams, body: ReviewBody } },
    async (request, reply) => {
      const budget = await load(request, request.params.id);
      if (!canBudget(request.actor, "review", budget)) throw new ForbiddenError();
      const proposal = await findProposal(app.db, budget.id, request.params.proposalId);
      if (!proposal) throw new NotFoundError();
      const result = await reviewProposal(
        app.db,
        { actor: request.actor, request },
        budget,
        proposal,
        request.body,
      );
      if (!result.ok)
        return budgetPage(request, reply, budget, {
          proposalId: proposal.id,
          values: request.body,
          errors: result.errors,
        });
      return reply.redirectWithFlash(`/admin/budgets/${budget.id}#proposal-${proposal.code}`, {
        kind: "success",
        message: "budgets.flash.reviewed",
      });
    },
  );

  app.post<{ Params: IdParams }>(
    "/admin/budgets/:id/codes",
    { schema: { params: IdParams, body: CodeBody } },
    async (request, reply) => {
      const budget = await load(request, request.params.id);
      if (!canBudget(request.actor, "issueCode", budget)) throw new ForbiddenError();
      const code = await issuePaperCode(app.db, { actor: request.actor, request }, budget);
      if (!code)
        return reply.redirectWithFlash(`/admin/budgets/${budget.id}`, {
          kind: "info",
          message: "budgets.flash.codesClosed",
        });
      return reply.render(<IssuedCodePage budget={budget} code={code} />);
    },
  );

  app.post<{ Params: IdParams }>(
    "/admin/budgets/:id/publish-winners",
    { schema: { params: IdParams, body: PublishBody } },
    async (request, reply) => {
      const budget = await load(request, request.params.id);
      if (!canBudget(request.actor, "review", budget)) throw new ForbiddenError();
      const created = await publishWinners(app.db, { actor: request.actor, request }, budget);
      return reply.redirectWithFlash(`/admin/budgets/${budget.id}`, {
        kind: created === null ? "info" : "success",
        message: created === null ? "budgets.flash.winnersNotYet" : "budgets.flash.winnersPublished",
      });
    },
  );
};
