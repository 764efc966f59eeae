import type { FastifyPluginAsync } from "fastify";
import { requireAccount } from "../../../core/auth/plugin.js";
import type { Actor } from "../../../core/authz/actor.js";
import { NotFoundError } from "../../../core/errors/app-error.js";
import { submissionLimit } from "../../../core/security/submission-limit.js";
import { readUpload } from "../../../core/security/uploads.js";
import { canModerate, presence } from "../../moderation/policy.js";
import { PROPOSE_FORM_FIELDS, type ProposalInput, proposeProject } from "../commands/propose.js";
import { setProposalSupport } from "../commands/support.js";
import { phaseOf, resultsOut } from "../phase.js";
import { findProposalPhoto, firstPhotos, listProposalPhotos, PHOTO_UPLOADS } from "../photos.js";
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
import { IdParams, PhotoParams, ProposalParams, SupportBody } from "../schema.js";
import type { ProposalRow } from "../tables.js";
import { poolsOf } from "../tally.js";
import { BudgetListPage, BudgetPage, ProposalPage, ProposePage } from "../views/public-pages.js";

/**
 * How a proposal shows to this actor, after moderation: to all when visible; held for review, to
 * its author and moderators only; hidden, to them only as a tombstone with the reason. Else null:
 * the page, its photos and its support answer 404.
 */
function proposalPresence(actor: Actor, proposal: ProposalRow): "shown" | "held" | "tombstone" | null {
  const seen = presence(actor, { state: proposal.moderationState, authorId: proposal.authorId });
  if (seen === "absent") return null;
  const own = actor.accountId !== null && actor.accountId === proposal.authorId;
  if (seen === "tombstone" && !own && !canModerate(actor)) return null;
  return seen;
}

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
    const [districts, all, results] = await Promise.all([
      listDistricts(app.db, budget.id),
      listProposals(app.db, budget.id),
      resultsOut(phase) ? computeResults(app.db, budget) : null,
    ]);
    // Held and hidden proposals are in no list (their authors find them from their flash and mail).
    const proposals = all.filter((p) => p.moderationState === "visible");
    const thumbs = await firstPhotos(
      app.db,
      proposals.map((p) => p.id),
    );
    return reply.render(
      <BudgetPage
        budget={budget}
        phase={phase}
        districts={districts}
        proposals={proposals}
        thumbs={thumbs}
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

  // The form may carry photos: a multipart form (CSRF checked before a file byte is read), read
  // once the budget is known to take proposals. Sent urlencoded (no photo, no JavaScript) it reads the same.
  app.post<{ Params: IdParams }>(
    "/budgets/:id/propose",
    {
      schema: { params: IdParams },
      preHandler: requireAccount,
      config: { ...submissions, upload: PHOTO_UPLOADS },
    },
    async (request, reply) => {
      reply.noStore();
      const { budget, districts, hasCityWide } = await proposePage(request.params.id);
      const { fields, files } = await readUpload(request);
      const input = Object.fromEntries(
        PROPOSE_FORM_FIELDS.map((f) => [f, fields[f]]).filter(([, v]) => v !== undefined),
      ) as ProposalInput;
      const result = await proposeProject(app.db, budget, request.account!.id, request.locale, input, {
        files: app.files,
        uploads: files.filter((f) => /^photo[123]$/.test(f.field)),
      });
      if (!result.ok)
        return reply.render(
          <ProposePage
            budget={budget}
            districts={districts}
            hasCityWide={hasCityWide}
            values={input}
            errors={result.errors}
          />,
          422,
        );
      return reply.redirectWithFlash(`/budgets/${budget.id}/proposals/${result.value.id}`, {
        kind: "success",
        message: result.value.held ? "budgets.moderation.flashHeld" : "budgets.flash.proposed",
      });
    },
  );

  /** A proposal this actor may see (proposalPresence), with how it shows; else 404. */
  const loadProposal = async (actor: Actor, params: ProposalParams) => {
    const budget = await load(params.id);
    const proposal = await findProposal(app.db, budget.id, params.proposalId);
    const seen = proposal && proposalPresence(actor, proposal);
    if (!proposal || !seen) throw new NotFoundError();
    return { budget, proposal, seen };
  };

  app.get<{ Params: ProposalParams }>(
    "/budgets/:id/proposals/:proposalId",
    { schema: { params: ProposalParams } },
    async (request, reply) => {
      const { budget, proposal, seen } = await loadProposal(request.actor, request.params);
      if (seen !== "shown") reply.noStore();
      const [districts, supported, mergedInto, photos] = await Promise.all([
        listDistricts(app.db, budget.id),
        hasSupported(app.db, proposal.id, request.account?.id),
        proposal.mergedIntoId ? findProposal(app.db, budget.id, proposal.mergedIntoId) : null,
        seen === "tombstone" ? [] : listProposalPhotos(app.db, proposal.id),
      ]);
      return reply.render(
        <ProposalPage
          budget={budget}
          phase={phaseOf(budget)}
          proposal={proposal}
          presence={seen}
          photos={photos}
          districts={districts}
          mergedInto={mergedInto?.moderationState === "visible" ? mergedInto : null}
          supported={supported}
          signedIn={Boolean(request.account)}
          canSupport={
            Boolean(request.account) &&
            seen === "shown" &&
            proposal.status !== "rejected" &&
            proposal.status !== "merged"
          }
        />,
      );
    },
  );

  app.post<{ Params: ProposalParams; Body: { support?: string } }>(
    "/budgets/:id/proposals/:proposalId/support",
    { schema: { params: ProposalParams, body: SupportBody }, preHandler: requireAccount },
    async (request, reply) => {
      const { budget, proposal, seen } = await loadProposal(request.actor, request.params);
      // Only a proposal everyone sees can be supported (held or hidden: as if it did not exist).
      if (seen !== "shown") throw new NotFoundError();
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

  /**
   * A proposal's photo, or its small copy for the list: public while the proposal is, kept an hour
   * by caches for ten minutes; while held for review only its author and moderators get it, and no cache keeps it;
   * once hidden by moderation, nobody does.
   */
  for (const size of ["", "/thumb"] as const)
    app.get<{ Params: PhotoParams }>(
      `/budgets/:id/proposals/:proposalId/photos/:n${size}`,
      { schema: { params: PhotoParams } },
      async (request, reply) => {
        const { proposal, seen } = await loadProposal(request.actor, request.params);
        if (seen === "tombstone") throw new NotFoundError();
        const photo = await findProposalPhoto(app.db, proposal.id, Number(request.params.n));
        const data = photo ? await app.files.get(size ? photo.thumbKey : photo.fileKey) : null;
        if (!photo || !data) throw new NotFoundError();
        return reply
          .header("content-type", size ? "image/jpeg" : photo.mime)
          .header("content-disposition", "inline")
          .header("x-content-type-options", "nosniff")
          .header("cache-control", seen === "shown" ? "public, max-age=600" : "private, no-store")
          .send(data);
      },
    );
};
