import { and, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsync } from "fastify";
import Type, { type Static } from "typebox";
import { requireAccount } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import { formSchema, text } from "../../../core/forms.js";
import { LOCALES, type LocalizedText } from "../../../core/i18n/localized.js";
import { submissionLimit } from "../../../core/security/submission-limit.js";
import { auditConsultation } from "../commands/audit-consultation.js";
import { listSections } from "../queries.js";
import { changeContext, loadPublic } from "../routes/load.js";
import {
  type AmendmentInput,
  decideAmendment,
  proposeAmendment,
  toggleAmendmentSupport,
} from "./amendments.js";
import { listAmendments, listAppliedAmendments } from "./queries.js";
import { amendmentPage, canDraft, paragraphPage } from "./render.js";
import { consultationAmendments } from "./tables.js";
import { findVersion, listVersions, liveSections, publishVersion } from "./versions.js";
import { AmendmentsPage, VersionsPage } from "./views.js";

const Id = Type.String({ maxLength: 100 });
const IdParams = Type.Object({ lang: Type.String(), id: Id });
const SectionParams = Type.Object({ lang: Type.String(), id: Id, sectionId: Id });
const ParagraphParams = Type.Object({
  lang: Type.String(),
  id: Id,
  sectionId: Id,
  paragraph: Type.String({ pattern: "^[0-9]{1,4}$" }),
});
/** Words selected in the paragraph (sent by the section page's script): where they start and end, and the words. */
const SelectionQuery = Type.Object({
  start: Type.Optional(Type.String({ maxLength: 10 })),
  end: Type.Optional(Type.String({ maxLength: 10 })),
  quote: Type.Optional(Type.String({ maxLength: 25_000 })),
});
const AmendmentParams = Type.Object({ lang: Type.String(), id: Id, amendmentId: Id });
const CompareQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 6 })),
  to: Type.Optional(Type.String({ maxLength: 6 })),
});
const AmendmentBody = formSchema({ paragraph: 10, lang: 5, proposed: 25_000, reason: 5000 });
const DecisionBody = formSchema({ decision: 30, acceptedText: 25_000, decisionReason: 5000 });
const VersionBody = formSchema({ note: 5000 });
const EmptyBody = formSchema({});

/** Why taking part is refused: the moment (409) or the person (403), as for comments. */
const refusalStatus = (refusal: string) => (refusal === "notOpenYet" || refusal === "closed" ? 409 : 403);

/**
 * Drafting together: a paragraph's page (comments on it, amendments), amendments proposed,
 * supported and decided, and the versions of the text compared word by word.
 */
export const draftingRoutes: FastifyPluginAsync = async (app) => {
  const submissions = submissionLimit(app);

  app.get<{ Params: Static<typeof ParagraphParams>; Querystring: Static<typeof SelectionQuery> }>(
    "/consultations/:id/sections/:sectionId/paragraphs/:paragraph",
    { schema: { params: ParagraphParams, querystring: SelectionQuery } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const { start, end, quote } = request.query;
      const page = await paragraphPage(
        request,
        c,
        request.params.sectionId,
        Number(request.params.paragraph),
        {
          values: { start: start ?? "", end: end ?? "", quote: quote ?? "" },
        },
      );
      if (!page) throw new NotFoundError();
      reply.noStore();
      return reply.render(page);
    },
  );

  app.post<{ Params: Static<typeof SectionParams>; Body: AmendmentInput }>(
    "/consultations/:id/sections/:sectionId/amendments",
    {
      schema: { params: SectionParams, body: AmendmentBody },
      preHandler: requireAccount,
      config: submissions,
    },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      const result = await proposeAmendment(
        app.db,
        request.actor,
        c.id,
        request.params.sectionId,
        request.body,
      );
      if (result.ok)
        return reply.redirectWithFlash(`/consultations/${c.id}/amendments/${result.value.id}`, {
          kind: "success",
          message: result.value.held ? "consultations.flash.held" : "consultations.drafting.flash.proposed",
        });
      if ("notFound" in result) throw new NotFoundError();
      const paragraph = Number.parseInt(request.body.paragraph ?? "", 10);
      const page = await paragraphPage(
        request,
        c,
        request.params.sectionId,
        Number.isInteger(paragraph) ? paragraph : 0,
        "refusal" in result
          ? { refusal: result.refusal }
          : { amendmentErrors: result.errors, values: request.body as Record<string, string> },
      );
      if (!page) throw new NotFoundError();
      return reply.render(page, "refusal" in result ? refusalStatus(result.refusal) : 422);
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    "/consultations/:id/amendments",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const [sections, amendments] = await Promise.all([
        listSections(app.db, c.id),
        listAmendments(app.db, c.id),
      ]);
      reply.noStore();
      return reply.render(<AmendmentsPage c={c} sections={sections} amendments={amendments} />);
    },
  );

  app.get<{ Params: Static<typeof AmendmentParams> }>(
    "/consultations/:id/amendments/:amendmentId",
    { schema: { params: AmendmentParams } },
    async (request, reply) => {
      const c = await loadPublic(request, request.params.id);
      const page = await amendmentPage(request, c, request.params.amendmentId);
      if (!page) throw new NotFoundError();
      reply.noStore();
      return reply.render(page);
    },
  );

  app.post<{ Params: Static<typeof AmendmentParams> }>(
    "/consultations/:id/amendments/:amendmentId/support",
    { schema: { params: AmendmentParams, body: EmptyBody }, preHandler: requireAccount, config: submissions },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      const result = await toggleAmendmentSupport(app.db, request.actor, c.id, request.params.amendmentId);
      if (!result.ok && "notFound" in result) throw new NotFoundError();
      if (!result.ok) {
        const page = await amendmentPage(request, c, request.params.amendmentId);
        if (!page) throw new NotFoundError();
        return reply.render(page, refusalStatus(result.refusal));
      }
      return reply.redirectWithFlash(`/consultations/${c.id}/amendments/${request.params.amendmentId}`, {
        kind: "success",
        message: result.value.supported
          ? "consultations.drafting.flash.supported"
          : "consultations.drafting.flash.unsupported",
      });
    },
  );

  app.post<{ Params: Static<typeof AmendmentParams>; Body: Record<string, string> }>(
    "/consultations/:id/amendments/:amendmentId/decision",
    { schema: { params: AmendmentParams, body: DecisionBody }, preHandler: requireAccount },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      if (!canDraft(request.actor, c)) throw new ForbiddenError();
      const result = await decideAmendment(app.db, c, request.params.amendmentId, request.body, {
        by: request.account!.id,
        publicUrl: app.config.publicUrl,
      });
      if (result.ok) {
        await auditConsultation(app.db, c, "consultation.amendment.decided", changeContext(request), {
          amendmentId: request.params.amendmentId,
          status: result.value.status,
        });
        return reply.redirectWithFlash(`/consultations/${c.id}/amendments/${request.params.amendmentId}`, {
          kind: "success",
          message: "consultations.drafting.flash.decided",
        });
      }
      if ("notFound" in result) throw new NotFoundError();
      const page = await amendmentPage(
        request,
        c,
        request.params.amendmentId,
        "errors" in result ? { errors: result.errors, values: request.body } : {},
      );
      if (!page) throw new NotFoundError();
      return reply.render(page, "errors" in result ? 422 : 409);
    },
  );

  async function versionsPage(
    request: Parameters<typeof loadPublic>[0],
    id: string,
    from?: number,
    to?: number,
  ) {
    const c = await loadPublic(request, id);
    const versions = await listVersions(app.db, c.id);
    let compare = null;
    if (from !== undefined && to !== undefined) {
      const [a, b] = await Promise.all([findVersion(app.db, c.id, from), findVersion(app.db, c.id, to)]);
      // Before any version is stored, version 1 is the text as it reads now.
      const before =
        a?.sections ?? (from === 1 && versions.length === 0 ? await liveSections(app.db, c.id) : null);
      const after =
        b?.sections ?? (to === 1 && versions.length === 0 ? await liveSections(app.db, c.id) : null);
      if (!before || !after) return null;
      compare = { from, to, before, after };
    }
    const canPublish = canDraft(request.actor, c);
    const pendingCount = canPublish
      ? (
          await app.db
            .select({ id: consultationAmendments.id })
            .from(consultationAmendments)
            .where(
              and(
                eq(consultationAmendments.consultationId, c.id),
                inArray(consultationAmendments.status, ["accepted", "accepted_with_changes"]),
                isNull(consultationAmendments.appliedVersion),
              ),
            )
        ).length
      : 0;
    const lo = Math.min(from ?? 0, to ?? 0);
    const hi = Math.max(from ?? 0, to ?? 0);
    const applied = compare
      ? (await listAppliedAmendments(app.db, c.id)).filter(
          (a) => (a.appliedVersion ?? 0) > lo && (a.appliedVersion ?? 0) <= hi,
        )
      : [];
    return (
      <VersionsPage
        c={c}
        versions={versions}
        compare={compare}
        canPublish={canPublish}
        pendingCount={pendingCount}
        applied={applied}
      />
    );
  }

  app.get<{ Params: Static<typeof IdParams> }>(
    "/consultations/:id/versions",
    { schema: { params: IdParams } },
    async (request, reply) => {
      reply.noStore();
      return reply.render((await versionsPage(request, request.params.id))!);
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof CompareQuery> }>(
    "/consultations/:id/versions/compare",
    { schema: { params: IdParams, querystring: CompareQuery } },
    async (request, reply) => {
      const number = (v: string | undefined) => (v && /^[0-9]{1,5}$/.test(v) ? Number(v) : undefined);
      const from = number(request.query.from);
      const to = number(request.query.to);
      if (from === undefined || to === undefined) throw new NotFoundError();
      const page = await versionsPage(request, request.params.id, from, to);
      if (!page) throw new NotFoundError();
      reply.noStore();
      return reply.render(page);
    },
  );

  app.post<{ Params: Static<typeof IdParams>; Body: { note?: string } }>(
    "/consultations/:id/versions",
    { schema: { params: IdParams, body: VersionBody }, preHandler: requireAccount },
    async (request, reply) => {
      reply.noStore();
      const c = await loadPublic(request, request.params.id);
      if (!canDraft(request.actor, c)) throw new ForbiddenError();
      const note: LocalizedText = {};
      const written = text(request.body.note);
      if (written) for (const l of LOCALES) if (l === request.locale) note[l] = written;
      const result = await publishVersion(app.db, c.id, { note, by: request.account!.id });
      await auditConsultation(app.db, c, "consultation.version.published", changeContext(request), {
        version: result.number,
        amendments: result.applied.length,
      });
      return reply.redirectWithFlash(
        `/consultations/${c.id}/versions/compare?from=${result.number - 1}&to=${result.number}`,
        {
          kind: result.unplaced.length > 0 ? "info" : "success",
          message:
            result.unplaced.length > 0
              ? "consultations.drafting.flash.publishedUnplaced"
              : "consultations.drafting.flash.published",
        },
      );
    },
  );
};
