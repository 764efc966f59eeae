import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { ForbiddenError, NotFoundError } from "../../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../../core/forms.js";
import { isUuid } from "../../../../core/ids.js";
import { submissionLimit } from "../../../../core/security/submission-limit.js";
import { readUpload } from "../../../../core/security/uploads.js";
import { listGovernorates, listMunicipalities } from "../../../structures/queries.js";
import { ATTACHMENT_UPLOADS } from "../../attachments.js";
import { followPinOf } from "../../follow-code.js";
import { findCaseByFollowToken, listActiveCategories } from "../../queries.js";
import { requireCase } from "../commands/context.js";
import { type FileRequestField, fileRequest } from "../commands/file-request.js";
import { structureNames } from "../queries/case.js";
import { type StructureQuery, StructureQuery as StructureQuerySchema, TokenParams } from "../schema.js";
import { StaffIntakePage } from "../views/intake-page.js";
import { ReceiptPage } from "../views/receipt-page.js";
import { queueStructures, staffContext, staffGuard, staffNav } from "./load.js";

/**
 * Requests received at the counter, by phone or by post: an agent files them for the person, for a
 * structure whose queue they handle, and prints the receipt that tells the person how to follow.
 */
export const intakeRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);

  /** The structures the agent files for, and the one asked for (by id or code); 404 for any other. */
  async function chooseStructure(request: FastifyRequest, wanted: { id?: string; code?: string }) {
    const structures = await queueStructures(request);
    if (structures.length === 0) throw new ForbiddenError();
    const structure = wanted.code
      ? structures.find((s) => s.code === wanted.code)
      : wanted.id
        ? isUuid(wanted.id)
          ? structures.find((s) => s.id === wanted.id)
          : undefined
        : structures[0];
    if (!structure) throw new NotFoundError();
    return { structure, structures };
  }

  const page = async (
    request: FastifyRequest,
    wanted: { id?: string; code?: string },
    form: {
      submissionKey?: string;
      values?: Record<string, string | undefined>;
      errors?: FieldErrors<FileRequestField>;
    } = {},
  ) => {
    const { structure, structures } = await chooseStructure(request, wanted);
    const [categories, governorates, municipalities] = await Promise.all([
      listActiveCategories(app.db, structure.id),
      listGovernorates(app.db),
      listMunicipalities(app.db),
    ]);
    return (
      <StaffIntakePage
        nav={staffNav(request)}
        structures={structures}
        structure={structure}
        categories={categories}
        governorates={governorates}
        municipalities={municipalities}
        submissionKey={form.submissionKey || randomBytes(18).toString("base64url")}
        values={form.values}
        errors={form.errors}
      />
    );
  };

  app.get<{ Querystring: StructureQuery }>(
    "/staff/requests/new",
    { schema: { querystring: StructureQuerySchema } },
    async (request, reply) => reply.render(await page(request, { id: request.query.structure })),
  );

  app.post(
    "/staff/requests/new",
    {
      config: { upload: ATTACHMENT_UPLOADS, ...submissionLimit(app) },
    },
    async (request, reply) => {
      const { fields, files } = await readUpload(request);
      // Checked before anything is filed: a structure the agent does not handle does not exist for them.
      await chooseStructure(request, { code: fields.structure ?? "" });
      const result = await fileRequest(
        { ...staffContext(request), files: app.files, t: request.t, locale: request.locale },
        fields,
        files.filter((f) => f.field === "attachments"),
      );
      if (!result.ok) {
        // The same one-time key: a corrected form still cannot file the request twice.
        return reply.render(
          await page(
            request,
            { code: fields.structure },
            { submissionKey: fields.submissionKey, values: fields, errors: result.errors },
          ),
          422,
        );
      }
      return reply.redirectWithFlash(`/staff/requests/receipt/${result.value.followToken}`, {
        kind: "success",
        message: "cases.workspace.flash.filed",
      });
    },
  );

  app.get<{ Params: TokenParams }>(
    "/staff/requests/receipt/:token",
    { schema: { params: TokenParams } },
    async (request, reply) => {
      const c = requireCase(
        staffContext(request),
        "view",
        await findCaseByFollowToken(app.db, request.params.token),
      );
      const names = await structureNames(app.db, [c.structureId]);
      // The page's address holds the follow-up secret: it is never sent on as a referrer.
      reply.header("referrer-policy", "no-referrer");
      const site = `${app.config.publicUrl}/${request.locale}`;
      return reply.render(
        <ReceiptPage
          c={c}
          structureName={names.get(c.structureId) ?? {}}
          followUrl={`${site}/requests/follow/${request.params.token}`}
          pin={followPinOf(app.config.cookieSecret, c, request.params.token)}
          followCodeUrl={`${site}/requests/follow`}
        />,
      );
    },
  );
};
