import { and, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { requireStaff } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../core/forms.js";
import { structures } from "../../../core/structures/tables.js";
import { type ReviewField, type ReviewInput, reviewProposal } from "../commands/review.js";
import {
  type BudgetFormField,
  type BudgetInput,
  budgetToInput,
  rowCount,
  rulesLocked,
  saveBudget,
} from "../commands/save-budget.js";
import { publishWinners } from "../commands/to-accountability.js";
import { issuePaperCode } from "../commands/vote.js";
import { phaseOf } from "../phase.js";
import { budgetCreateScope, budgetScope, canBudget } from "../policy.js";
import {
  type BudgetDetail,
  findBudget,
  findProposal,
  listBudgets,
  listDistricts,
  listProposals,
} from "../queries.js";
import { BudgetBody, CodeBody, IdParams, ProposalParams, PublishBody, ReviewBody } from "../schema.js";
import { AdminBudgetPage, AdminBudgetsPage, BudgetFormPage, IssuedCodePage } from "../views/admin-pages.js";

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
    const [districts, all] = await Promise.all([
      listDistricts(app.db, budget.id),
      listProposals(app.db, budget.id),
    ]);
    // A proposal moderation hid is out of the review (it can never reach the ballot).
    const proposals = all.filter((p) => p.moderationState !== "hidden");
    return reply.render(
      <AdminBudgetPage
        budget={budget}
        phase={phaseOf(budget)}
        districts={districts}
        proposals={proposals}
        canReview={canBudget(request.actor, "review", budget)}
        canIssue={canBudget(request.actor, "issueCode", budget)}
        canManage={canBudget(request.actor, "manage", budget)}
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
    const create = budgetCreateScope(request.actor);
    return reply.render(
      <AdminBudgetsPage
        rows={rows.map((b) => ({ ...b, phase: phaseOf(b) }))}
        canCreate={create === "all" || create.length > 0}
      />,
    );
  });

  /** The structures the actor may create budgets for (403 when none). */
  const creatable = async (request: FastifyRequest) => {
    const scope = budgetCreateScope(request.actor);
    if (scope !== "all" && scope.length === 0) throw new ForbiddenError();
    return app.db
      .select({ id: structures.id, name: structures.name })
      .from(structures)
      .where(
        scope === "all"
          ? isNull(structures.retiredAt)
          : and(inArray(structures.id, scope), isNull(structures.retiredAt)),
      )
      .orderBy(structures.code);
  };

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    budget: BudgetDetail | null,
    values: BudgetInput,
    options: { errors?: FieldErrors<BudgetFormField>; add?: number } = {},
  ) =>
    reply.render(
      <BudgetFormPage
        editing={budget ? { id: budget.id, title: budget.title, code: budget.code } : undefined}
        locked={budget ? rulesLocked(budget) : false}
        values={values}
        errors={options.errors}
        rows={rowCount(values, options.add ?? 0)}
        structures={budget ? [] : await creatable(request)}
      />,
      options.errors ? 422 : 200,
    );

  app.get("/admin/budgets/new", async (request, reply) => {
    await creatable(request);
    return formPage(
      request,
      reply,
      null,
      { rule: "knapsack", minShare: "0", voteMethods: ["eid", "paper_code"] },
      { add: 2 },
    );
  });

  app.post<{ Body: BudgetInput & { action?: string } }>(
    "/admin/budgets/new",
    { schema: { body: BudgetBody } },
    async (request, reply) => {
      await creatable(request);
      const { action, ...values } = request.body;
      // "Add a district": the same form again with one more blank row, nothing stored.
      if (action === "addRow") return formPage(request, reply, null, values, { add: 1 });
      const result = await saveBudget(app.db, { actor: request.actor, request }, null, values);
      if (!result.ok) return formPage(request, reply, null, values, { errors: result.errors });
      return reply.redirectWithFlash(`/admin/budgets/${result.value.id}`, {
        kind: "success",
        message: "budgets.flash.created",
      });
    },
  );

  /** A budget the actor may manage (404 outside its scope, 403 for its agents). */
  const manageable = async (request: FastifyRequest, id: string) => {
    const budget = await load(request, id);
    if (!canBudget(request.actor, "manage", budget)) throw new ForbiddenError();
    return budget;
  };

  app.get<{ Params: IdParams }>(
    "/admin/budgets/:id/edit",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const budget = await manageable(request, request.params.id);
      const districts = await listDistricts(app.db, budget.id);
      return formPage(request, reply, budget, budgetToInput(budget, districts), { add: 1 });
    },
  );

  app.post<{ Params: IdParams; Body: BudgetInput & { action?: string } }>(
    "/admin/budgets/:id/edit",
    { schema: { params: IdParams, body: BudgetBody } },
    async (request, reply) => {
      const budget = await manageable(request, request.params.id);
      const { action, ...values } = request.body;
      if (action === "addRow") return formPage(request, reply, budget, values, { add: 1 });
      const result = await saveBudget(app.db, { actor: request.actor, request }, budget, values);
      if (!result.ok) return formPage(request, reply, budget, values, { errors: result.errors });
      return reply.redirectWithFlash(`/admin/budgets/${budget.id}`, {
        kind: "success",
        message: "budgets.flash.saved",
      });
    },
  );

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
      if (!proposal || proposal.moderationState === "hidden") throw new NotFoundError();
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
          message: budget.voteByPaperCode ? "budgets.flash.codesClosed" : "budgets.flash.codesOff",
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
