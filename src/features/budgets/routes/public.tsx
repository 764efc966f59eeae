import type { FastifyPluginAsync } from "fastify";
import { requireAccount } from "../../../core/auth/plugin.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { submissionLimit } from "../../../core/security/submission-limit.js";
import { type ProposalInput, proposeProject } from "../commands/propose.js";
import { setProposalSupport } from "../commands/support.js";
import { phaseOf, resultsOut } from "../phase.js";
import {
  computeResults,
  findBudget,
  findProposal,
  hasSupported,
  listBudgets,
  listDistricts,
  listProposals,
  publishedBallots,
} from "../queries.js";
import { IdParams, ProposalBody, ProposalParams, SupportBody } from "../schema.js";
import { poolsOf } from "../tally.js";
import { BudgetListPage, BudgetPage, ProposalPage, ProposePage } from "../views/public-pages.js";

/** The public side of participatory budgets: the list, a budget, its proposals, proposing and supporting. */
export const publicBudgetRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);
  const load = async (id: string) => {
    const budget = await findBudget(app.db, id);
    if (!budget) throw new NotFoundError();
    return budget;
  };

  app.get("/budgets", async (_request, reply) => {
    const rows = await listBudgets(app.db);
    const now = new Date();
    reply.header("cache-control", "public, max-age=60");
    return reply.render(<BudgetListPage rows={rows.map((b) => ({ ...b, phase: phaseOf(b, now) }))} />);
  });

  app.get<{ Params: IdParams }>("/budgets/:id", { schema: { params: IdParams } }, async (request, reply) => {
    const budget = await load(request.params.id);
    const phase = phaseOf(budget);
    const [districts, proposals, results] = await Promise.all([
      listDistricts(app.db, budget.id),
      listProposals(app.db, budget.id),
      resultsOut(phase) ? computeResults(app.db, budget) : null,
    ]);
    return reply.render(
      <BudgetPage
        budget={budget}
        phase={phase}
        districts={districts}
        proposals={proposals}
        results={results}
        signedIn={Boolean(request.account)}
      />,
    );
  });

  /** The anonymised ballots, once voting has closed: anyone can recompute the result from them. */
  app.get<{ Params: IdParams }>(
    "/budgets/:id/ballots.json",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const budget = await load(request.params.id);
      if (!resultsOut(phaseOf(budget))) throw new NotFoundError();
      const [districts, proposals, ballots] = await Promise.all([
        listDistricts(app.db, budget.id),
        listProposals(app.db, budget.id),
        publishedBallots(app.db, budget),
      ]);
      reply.header("cache-control", "public, max-age=300");
      return {
        budget: budget.code,
        amountMillimes: budget.amountMillimes,
        rule: "greedy by votes within each pool's amount; ties: lower cost first, then code",
        pools: poolsOf(budget.amountMillimes, districts).map((p) => ({
          district: districts.find((d) => d.id === p.districtId)?.code ?? null,
          amountMillimes: p.amount,
        })),
        proposals: proposals
          .filter((p) => p.status === "accepted")
          .map((p) => ({
            code: p.code,
            district: districts.find((d) => d.id === p.districtId)?.code ?? null,
            costMillimes: p.costMillimes,
          })),
        ballots,
      };
    },
  );

  const proposePage = async (budgetId: string) => {
    const budget = await load(budgetId);
    if (phaseOf(budget) !== "proposals") throw new NotFoundError();
    const districts = await listDistricts(app.db, budget.id);
    const hasCityWide = poolsOf(budget.amountMillimes, districts).some((p) => p.districtId === null);
    return { budget, districts, hasCityWide };
  };

  app.get<{ Params: IdParams }>(
    "/budgets/:id/propose",
    { schema: { params: IdParams }, preHandler: requireAccount },
    async (request, reply) => {
      reply.noStore();
      const { budget, districts, hasCityWide } = await proposePage(request.params.id);
      return reply.render(
        <ProposePage budget={budget} districts={districts} hasCityWide={hasCityWide} values={{}} />,
      );
    },
  );

  app.post<{ Params: IdParams; Body: ProposalInput }>(
    "/budgets/:id/propose",
    { schema: { params: IdParams, body: ProposalBody }, preHandler: requireAccount, config: submissions },
    async (request, reply) => {
      reply.noStore();
      const { budget, districts, hasCityWide } = await proposePage(request.params.id);
      const result = await proposeProject(app.db, budget, request.account!.id, request.locale, request.body);
      if (!result.ok)
        return reply.render(
          <ProposePage
            budget={budget}
            districts={districts}
            hasCityWide={hasCityWide}
            values={request.body}
            errors={result.errors}
          />,
          422,
        );
      return reply.redirectWithFlash(`/budgets/${budget.id}/proposals/${result.value.id}`, {
        kind: "success",
        message: "budgets.flash.proposed",
      });
    },
  );

  const loadProposal = async (params: ProposalParams) => {
    const budget = await load(params.id);
    const proposal = await findProposal(app.db, budget.id, params.proposalId);
    if (!proposal) throw new NotFoundError();
    return { budget, proposal };
  };

  app.get<{ Params: ProposalParams }>(
    "/budgets/:id/proposals/:proposalId",
    { schema: { params: ProposalParams } },
    async (request, reply) => {
      const { budget, proposal } = await loadProposal(request.params);
      const [districts, supported, mergedInto] = await Promise.all([
        listDistricts(app.db, budget.id),
        hasSupported(app.db, proposal.id, request.account?.id),
        proposal.mergedIntoId ? findProposal(app.db, budget.id, proposal.mergedIntoId) : null,
      ]);
      return reply.render(
        <ProposalPage
          budget={budget}
          phase={phaseOf(budget)}
          proposal={proposal}
          districts={districts}
          mergedInto={mergedInto}
          supported={supported}
          canSupport={
            Boolean(request.account) && proposal.status !== "rejected" && proposal.status !== "merged"
          }
        />,
      );
    },
  );

  app.post<{ Params: ProposalParams; Body: { support?: string } }>(
    "/budgets/:id/proposals/:proposalId/support",
    { schema: { params: ProposalParams, body: SupportBody }, preHandler: requireAccount },
    async (request, reply) => {
      const { budget, proposal } = await loadProposal(request.params);
      const path = `/budgets/${budget.id}/proposals/${proposal.id}`;
      if (phaseOf(budget) !== "proposals" || proposal.status === "rejected" || proposal.status === "merged")
        return reply.redirectWithFlash(path, { kind: "info", message: "budgets.flash.supportClosed" });
      const support = request.body.support !== "0";
      await setProposalSupport(app.db, proposal.id, request.account!.id, support);
      return reply.redirectWithFlash(path, {
        kind: "success",
        message: support ? "budgets.flash.supported" : "budgets.flash.unsupported",
      });
    },
  );
};
