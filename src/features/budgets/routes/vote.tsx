import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { fieldError, text } from "../../../core/forms.js";
import { spendByPool } from "../ballot-rules.js";
import { ballotByReceipt, castBallot, changeBallot } from "../commands/vote.js";
import { phaseOf } from "../phase.js";
import { type BudgetDetail, findBudget, listDistricts, listProposals, onBallot } from "../queries.js";
import { BallotBody, IdParams, ReceiptBody } from "../schema.js";
import { poolsOf } from "../tally.js";
import { BallotPage, type BallotPageProps, ChangeBallotPage, ReceiptPage } from "../views/vote-pages.js";

/**
 * Voting: the ballot builder (no JavaScript needed), casting with a verified identity or a paper
 * code, the receipt, and changing a ballot by its receipt until voting closes. These routes write
 * no access log lines (a line would hold the time and the session of a vote) and are never cached.
 */
export const voteRoutes: FastifyPluginAsync = async (app) => {
  const quiet = { logLevel: "warn" as const };
  const open = async (id: string) => {
    const budget = await findBudget(app.db, id);
    if (!budget || phaseOf(budget) !== "voting") throw new NotFoundError();
    return budget;
  };
  const ballotPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    budget: BudgetDetail,
    props: Partial<BallotPageProps>,
    status = 200,
  ) => {
    const [districts, proposals] = await Promise.all([
      listDistricts(app.db, budget.id),
      listProposals(app.db, budget.id),
    ]);
    const ballot = onBallot(proposals);
    const checked = props.checked ?? [];
    const spend = spendByPool(
      poolsOf(budget.amountMillimes, districts),
      ballot.filter((p) => checked.includes(p.id)),
    );
    return reply.render(
      <BallotPage
        budget={budget}
        districts={districts}
        proposals={ballot}
        spend={spend}
        checked={checked}
        via={request.actor.identityVerified && budget.voteByEid ? "eid" : "code"}
        {...props}
      />,
      status,
    );
  };

  app.get<{ Params: IdParams }>(
    "/budgets/:id/vote",
    { schema: { params: IdParams }, logLevel: quiet.logLevel },
    async (request, reply) => {
      reply.noStore();
      return ballotPage(request, reply, await open(request.params.id), {});
    },
  );

  app.post<{ Params: IdParams; Body: BallotBody }>(
    "/budgets/:id/vote",
    { schema: { params: IdParams, body: BallotBody }, logLevel: quiet.logLevel },
    async (request, reply) => {
      reply.noStore();
      const budget = await open(request.params.id);
      const body = request.body;
      const checked = [body.proposal ?? []].flat();
      const receipt = text(body.receipt) || undefined;
      const code = text(body.code);
      if (body.action !== "cast")
        return ballotPage(request, reply, budget, { checked, receipt, code, checkedOnce: true });
      const outcome = receipt
        ? await changeBallot(app.db, budget, receipt, checked)
        : request.actor.identityVerified && budget.voteByEid && request.account && !code
          ? await castBallot(app.db, budget, { kind: "eid", accountId: request.account.id }, checked)
          : code
            ? await castBallot(app.db, budget, { kind: "paper_code", code }, checked)
            : {
                ok: false as const,
                error: fieldError("budgets.errors.codeRequired"),
                field: "code" as const,
              };
      if (!outcome.ok)
        return ballotPage(
          request,
          reply,
          budget,
          {
            checked,
            receipt,
            code,
            checkedOnce: true,
            error: { field: outcome.field, error: outcome.error },
          },
          422,
        );
      return reply.render(
        <ReceiptPage budget={budget} receipt={outcome.receipt} changed={Boolean(receipt)} />,
      );
    },
  );

  app.get<{ Params: IdParams }>(
    "/budgets/:id/vote/change",
    { schema: { params: IdParams } },
    async (request, reply) => {
      reply.noStore();
      return reply.render(<ChangeBallotPage budget={await open(request.params.id)} />);
    },
  );

  app.post<{ Params: IdParams; Body: { receipt?: string } }>(
    "/budgets/:id/vote/change",
    { schema: { params: IdParams, body: ReceiptBody }, logLevel: quiet.logLevel },
    async (request, reply) => {
      reply.noStore();
      const budget = await open(request.params.id);
      const receipt = text(request.body.receipt);
      const ballot = await ballotByReceipt(app.db, budget.id, receipt);
      if (!ballot)
        return reply.render(
          <ChangeBallotPage
            budget={budget}
            receipt={receipt}
            error={fieldError("budgets.errors.receiptUnknown")}
          />,
          422,
        );
      return ballotPage(request, reply, budget, { receipt, checked: ballot.proposalIds });
    },
  );
};
