import { eq, sql } from "drizzle-orm";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { requireAccount } from "../../../core/auth/plugin.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors/app-error.js";
import type { FieldErrors } from "../../../core/forms.js";
import { requestedPage } from "../../../core/paging.js";
import { readUpload } from "../../../core/security/uploads.js";
import { structures } from "../../../core/structures/tables.js";
import { listGovernorates } from "../../structures/queries.js";
import { addFollow, unfollow } from "../../subscriptions/commands.js";
import { isFollowing, listThemes } from "../../subscriptions/queries.js";
import { postUpdate, UPDATE_FIELDS, type UpdateField, type UpdateInput } from "../commands/post-update.js";
import { canResult } from "../policy.js";
import {
  findEvidenceFile,
  findOrigin,
  findResult,
  listChildren,
  listResults,
  listUpdates,
  type ResultDetail,
  structureFigures,
} from "../queries.js";
import { EVIDENCE_UPLOADS, EvidenceParams, FollowBody, IdParams, ListQuery } from "../schema.js";
import { RESULT_ORIGINS, RESULT_STATUSES, type ResultOrigin, results } from "../tables.js";
import { ListPage } from "../views/list-page.js";
import { ResultPage } from "../views/result-page.js";

const PAGE_SIZE = 20;

/** The public side: the list of results, each result's page, following, and staff updates. */
export const publicResultRoutes: FastifyPluginAsync = async (app) => {
  const load = async (id: string) => {
    const r = await findResult(app.db, id);
    if (!r) throw new NotFoundError();
    return r;
  };

  app.get<{ Querystring: ListQuery }>(
    "/accountability",
    { schema: { querystring: ListQuery } },
    async (request, reply) => {
      // The structures that have results, and the per-structure figures, scan every top-level
      // result: computed once per public-content version (and minute), not on every rendering.
      const version = request.pageCacheVersion ?? (await app.pageCache.version());
      const [governorates, themes, structureRows] = await Promise.all([
        listGovernorates(app.db),
        listThemes(app.db),
        app.pageCache.remember(
          "accountability:structures",
          () =>
            app.db
              .select({ code: structures.code, name: structures.name })
              .from(structures)
              .where(sql`exists (select 1 from ${results} r where r.structure_id = ${structures.id})`)
              .orderBy(structures.code),
          { version },
        ),
      ]);
      const q = request.query;
      const pick = (value: string | undefined, allowed: string[]) =>
        value && allowed.includes(value) ? value : "";
      const filters = {
        structure: pick(
          q.structure,
          structureRows.map((s) => s.code),
        ),
        place: pick(q.place?.toUpperCase() === "NATIONAL" ? "national" : q.place?.toUpperCase(), [
          "national",
          ...governorates.map((g) => g.code),
        ]),
        theme: pick(
          q.theme,
          themes.map((th) => th.code),
        ),
        status: pick(q.status, [...RESULT_STATUSES, "late"]),
        origin: pick(q.origin, [...RESULT_ORIGINS]),
      };
      const query = {
        structure: filters.structure || undefined,
        place: filters.place || undefined,
        theme: filters.theme || undefined,
        status: filters.status || undefined,
        origin: (filters.origin || undefined) as ResultOrigin | undefined,
      };
      const [found, figures, late] = await Promise.all([
        listResults(app.db, { ...query, topLevel: !query.structure }, requestedPage(q.page), PAGE_SIZE),
        app.pageCache.remember(
          `accountability:figures:${JSON.stringify(query)}`,
          () => structureFigures(app.db, query),
          {
            version,
          },
        ),
        listResults(app.db, { ...query, status: "late", topLevel: !query.structure }, 1, 1),
      ]);
      reply.header("cache-control", "public, max-age=60");
      return reply.render(
        <ListPage
          rows={found.rows}
          total={found.total}
          page={found.page}
          totalPages={found.totalPages}
          filters={filters}
          structures={structureRows}
          governorates={governorates}
          themes={themes}
          figures={figures}
          late={filters.status === "late" ? 0 : late.total}
        />,
      );
    },
  );

  const resultPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    r: ResultDetail,
    form?: { values: UpdateInput; errors: FieldErrors<UpdateField> },
  ) => {
    const [children, timeline, origin, following, governorates, themes, municipality, parent] =
      await Promise.all([
        listChildren(app.db, r.id),
        listUpdates(app.db, r.id),
        findOrigin(app.db, r),
        isFollowing(app.db, request.account?.id, "result", r.id),
        listGovernorates(app.db),
        listThemes(app.db),
        r.municipalityId
          ? app.db
              .select({ name: structures.name })
              .from(structures)
              .where(eq(structures.id, r.municipalityId))
          : [],
        r.parentId ? findResult(app.db, r.parentId) : null,
      ]);
    return reply.render(
      <ResultPage
        result={r}
        parent={parent ? { id: parent.id, title: parent.title } : null}
        children={children}
        timeline={timeline}
        origin={origin}
        place={{
          governorate: governorates.find((g) => g.code === r.governorateCode)?.name ?? null,
          municipality: municipality[0]?.name ?? null,
        }}
        theme={themes.find((th) => th.code === r.themeCode)?.name ?? null}
        viewer={{
          signedIn: Boolean(request.account),
          following,
          canUpdate: canResult(request.actor, "update", r),
          canEdit: canResult(request.actor, "edit", r),
        }}
        updateValues={form?.values}
        updateErrors={form?.errors}
      />,
      form ? 422 : 200,
    );
  };

  app.get<{ Params: IdParams }>(
    "/accountability/:id",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const r = await load(request.params.id);
      if (!request.account) reply.header("cache-control", "public, max-age=60");
      return resultPage(request, reply, r);
    },
  );

  app.post<{ Params: IdParams }>(
    "/accountability/:id/follow",
    { schema: { params: IdParams, body: FollowBody }, preHandler: requireAccount },
    async (request, reply) => {
      const r = await load(request.params.id);
      const follow = (request.body as { follow?: string }).follow !== "0";
      if (follow) await addFollow(app.db, request.account!.id, "result", r.id);
      else await unfollow(app.db, request.account!.id, "result", r.id);
      return reply.redirectWithFlash(`/accountability/${r.id}`, {
        kind: "success",
        message: follow ? "accountability.flash.following" : "accountability.flash.unfollowed",
      });
    },
  );

  // An update may carry evidence files: a multipart form, read once the update is allowed.
  app.post<{ Params: IdParams }>(
    "/accountability/:id/updates",
    { schema: { params: IdParams }, preHandler: requireAccount, config: { upload: EVIDENCE_UPLOADS } },
    async (request, reply) => {
      const r = await load(request.params.id);
      if (!canResult(request.actor, "update", r)) throw new ForbiddenError();
      const { fields, files } = await readUpload(request);
      const input = Object.fromEntries(UPDATE_FIELDS.map((f) => [f, fields[f]])) as UpdateInput;
      const outcome = await postUpdate(
        app.db,
        r.id,
        input,
        { actor: request.actor, request, publicUrl: app.config.publicUrl },
        { files: app.files, uploads: files.filter((f) => f.field === "evidenceFiles") },
      );
      if (!outcome.ok) return resultPage(request, reply, r, { values: input, errors: outcome.errors });
      return reply.redirectWithFlash(`/accountability/${r.id}#timeline`, {
        kind: "success",
        message: "accountability.flash.updated",
      });
    },
  );

  // An evidence file of an update: public, as results are, and only when that update holds it.
  app.get<{ Params: EvidenceParams }>(
    "/accountability/:id/updates/:updateId/files/:n",
    { schema: { params: EvidenceParams } },
    async (request, reply) => {
      const r = await load(request.params.id);
      const file = await findEvidenceFile(app.db, r.id, request.params.updateId, request.params.n);
      const data = file ? await app.files.get(file.fileKey) : null;
      if (!file || !data) throw new NotFoundError();
      const extension = file.mime === "application/pdf" ? "pdf" : (file.mime.split("/")[1] ?? "bin");
      const disposition = file.mime.startsWith("image/") ? "inline" : "attachment";
      return reply
        .header("content-type", file.mime)
        .header(
          "content-disposition",
          `${disposition}; filename="${r.code}-${request.params.updateId.slice(-8)}-${request.params.n}.${extension}"`,
        )
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "public, max-age=3600")
        .send(data);
    },
  );
};
