import { pipeline, Readable } from "node:stream";
import type { FastifyPluginAsync } from "fastify";
import Type from "typebox";
import { audit } from "../../../core/audit/record.js";
import { requirePlatformAdmin } from "../../../core/auth/plugin.js";
import { csvStringifier } from "../../../core/csv.js";
import { hasErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { type FilterInput, filterQuery, parseFilters } from "../filters.js";
import { actionLabel, knownActions } from "../labels.js";
import { AUDIT_PAGE_SIZE, auditEventChunks, listAuditEvents, listStructureOptions } from "../queries.js";
import { AuditPage } from "../views/audit-page.js";

const FilterQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 200 })),
  actor: Type.Optional(Type.String({ maxLength: 300 })),
  structure: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ maxLength: 30 })),
  to: Type.Optional(Type.String({ maxLength: 30 })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});

const CSV_COLUMNS = [
  "id",
  "at",
  "actor_id",
  "actor_name",
  "action",
  "action_label",
  "subject_type",
  "subject_id",
  "structure_id",
  "structure_name",
  "request_id",
  "details",
];

/** Platform admins only: the audit log, filtered, paged and exported as CSV. */
export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onRequest", async (_request, reply) => {
    reply.noStore();
  });

  app.get<{ Querystring: FilterInput & { page?: string } }>(
    "/admin/audit",
    { preHandler: requirePlatformAdmin, schema: { querystring: FilterQuery } },
    async (request, reply) => {
      const { filters, errors } = parseFilters(request.query);
      const invalid = hasErrors(errors);
      const page = Math.max(1, Number.parseInt(request.query.page ?? "1", 10) || 1);
      const [result, structures] = await Promise.all([
        invalid ? { rows: [], total: 0 } : listAuditEvents(app.db, filters, page),
        listStructureOptions(app.db),
      ]);
      return reply.render(
        <AuditPage
          values={request.query}
          errors={errors}
          actions={knownActions(request.locale)}
          structures={structures}
          rows={result.rows}
          total={result.total}
          page={page}
          totalPages={Math.ceil(result.total / AUDIT_PAGE_SIZE)}
          query={filterQuery(request.query)}
        />,
        invalid ? 422 : 200,
      );
    },
  );

  app.get<{ Querystring: FilterInput }>(
    "/admin/audit.csv",
    { preHandler: requirePlatformAdmin, schema: { querystring: FilterQuery } },
    async (request, reply) => {
      const { filters, errors } = parseFilters(request.query);
      if (hasErrors(errors))
        return reply.redirect(`/${request.locale}/admin/audit${filterQuery(request.query)}`, 303);
      const { t, locale } = request;
      await audit(
        app.db,
        {
          action: "audit.export",
          subjectType: "audit_log",
          // The filters, without the actor's email address (personal data stays out of the log).
          details: {
            action: filters.action ?? null,
            actorFiltered: Boolean(filters.actorEmail),
            structureId: filters.structureId ?? null,
            from: request.query.from || null,
            to: request.query.to || null,
          },
        },
        request,
      );
      const db = app.db;
      async function* records() {
        for await (const chunk of auditEventChunks(db, filters)) {
          for (const row of chunk) {
            yield [
              row.id,
              row.at.toISOString(),
              row.actorId ?? "",
              row.actorId && !row.actorDeleted ? (row.actorName ?? "") : "",
              row.action,
              actionLabel(t, row.action),
              row.subjectType,
              row.subjectId ?? "",
              row.structureId ?? "",
              row.structureName ? pickLocalized(row.structureName, locale).text : "",
              row.requestId ?? "",
              JSON.stringify(row.details),
            ];
          }
        }
      }
      const csv = csvStringifier({ columns: CSV_COLUMNS });
      const day = new Date().toISOString().slice(0, 10);
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="sharek-audit-${day}.csv"`);
      // pipeline() ends the answer if the database fails midway, instead of leaving it hanging.
      pipeline(Readable.from(records()), csv, (error) => {
        if (error) request.log.error({ err: error }, "audit export failed");
      });
      return reply.send(csv);
    },
  );
};
