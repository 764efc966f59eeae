import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { audit } from "../../../../core/audit/record.js";
import { csvText } from "../../../../core/csv.js";
import { pickLocalized } from "../../../../core/i18n/localized.js";
import { tunisDay } from "../../../calendar/days.js";
import { listCategories, listGovernorates } from "../../../structures/queries.js";
import { listQueue, QUEUE_EXPORT_MAX } from "../queries/queue.js";
import { parseQueueQuery, type QueueQuery } from "../queue-filters.js";
import { QueueQuerySchema } from "../schema.js";
import { QueuePrintPage } from "../views/queue-print-page.js";
import { pickStructure, queueClock, staffGuard } from "./load.js";

/**
 * The queue as it is filtered (the same filters and search), for one of the actor's structures:
 * the first QUEUE_EXPORT_MAX requests in queue order. Each export is audited (format and count,
 * never the search, which may hold an e-mail or a phone number).
 */
async function loadExport(request: FastifyRequest, query: QueueQuery, format: "csv" | "print") {
  const db = request.server.db;
  const { structure } = await pickStructure(request, query.structure);
  const filters = { ...parseQueueQuery(query, structure.id), page: 1 };
  const [rows, categories, governorates] = await Promise.all([
    listQueue(db, filters, await queueClock(request), QUEUE_EXPORT_MAX),
    listCategories(db, structure.id),
    listGovernorates(db),
  ]);
  await audit(
    db,
    {
      action: "case.queue.export",
      subjectType: "structure",
      subjectId: structure.id,
      structureId: structure.id,
      details: { format, rows: rows.length },
    },
    request,
  );
  const name = (text: Parameters<typeof pickLocalized>[0]) => pickLocalized(text, request.locale).text;
  const categoryName = new Map(categories.map((c) => [c.id, name(c.name)]));
  const governorateName = new Map(governorates.map((g) => [g.code, name(g.name)]));
  return {
    structure,
    filters,
    rows: rows.map((r) => ({
      ...r,
      category: r.categoryId ? (categoryName.get(r.categoryId) ?? "") : "",
      governorate: r.governorateCode ? (governorateName.get(r.governorateCode) ?? "") : "",
    })),
    truncated: rows.length === QUEUE_EXPORT_MAX,
  };
}

export type ExportRow = Awaited<ReturnType<typeof loadExport>>["rows"][number];

/** The queue's CSV and printable list: staff of the structure only, like the queue itself. */
export const exportRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", staffGuard);

  app.get<{ Querystring: QueueQuery }>(
    "/staff/requests/export.csv",
    { schema: { querystring: QueueQuerySchema } },
    async (request, reply) => {
      const { structure, rows } = await loadExport(request, request.query, "csv");
      const t = request.t;
      const columns = [
        "reference",
        "subject",
        "type",
        "status",
        "category",
        "governorate",
        "submitted",
        "dueAt",
        "deadline",
        "assignee",
      ] as const;
      const header = Object.fromEntries(
        columns.map((c) => [
          c,
          t(c === "dueAt" ? "cases.workspace.export.dueAt" : `cases.workspace.fields.${c}`),
        ]),
      );
      const records = rows.map((r) => ({
        reference: r.reference,
        subject: r.subject,
        type: t(`cases.workspace.type.${r.type}`),
        status: t(`cases.workspace.status.${r.status}`),
        category: r.category,
        governorate: r.governorate,
        submitted: tunisDay(r.createdAt),
        dueAt: r.dueAt ? tunisDay(r.dueAt) : "",
        deadline: r.deadline === "none" ? "" : t(`cases.workspace.deadline.${r.deadline}`),
        assignee: r.assigneeId ? (r.assigneeName ?? "") : t("cases.workspace.queue.unassigned"),
      }));
      const csv = csvText(records, { columns: columns.map((key) => ({ key, header: header[key] })) });
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="requests-${structure.code}-${tunisDay(new Date())}.csv"`,
        )
        .send(csv);
    },
  );

  app.get<{ Querystring: QueueQuery }>(
    "/staff/requests/print",
    { schema: { querystring: QueueQuerySchema } },
    async (request, reply) => {
      const data = await loadExport(request, request.query, "print");
      return reply.render(<QueuePrintPage {...data} printedAt={new Date()} />);
    },
  );
};
