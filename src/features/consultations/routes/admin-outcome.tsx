import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { audit } from "../../../core/audit/record.js";
import { requireStaff } from "../../../core/auth/plugin.js";
import { csvText } from "../../../core/csv.js";
import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { listGovernorates } from "../../structures/queries.js";
import { type OutcomeInput, outcomeFields, publishOutcome, saveOutcome } from "../commands/outcome.js";
import { exportContributions } from "../export.js";
import { phaseOf } from "../phase.js";
import {
  type ConsultationView,
  findSynthesis,
  listOutcomes,
  listQuestions,
  listSections,
  type Section,
} from "../queries.js";
import { listTextAnswers, questionnaireResults } from "../questionnaire-queries.js";
import { computeFigures } from "../synthesis.js";
import { OutcomePage, ResultsPage } from "../views/admin/outcome-pages.js";
import { changeContext, loadAdmin } from "./load.js";
import { IdParams } from "./public.js";

/** The outcome form: the summary in ar/fr/en and, per section, eight fields; values are strings of sane size. */
const OutcomeBody = Type.Record(Type.String(), Type.String({ maxLength: 100_000 }), { maxProperties: 2000 });
const ExportParams = Type.Object({
  lang: Type.String(),
  id: Type.String({ maxLength: 100 }),
  dataset: Type.String({ maxLength: 40 }),
});

/** The form's values from what is saved (a draft) or nothing yet. */
async function savedValues(request: FastifyRequest, c: ConsultationView, sections: Section[]) {
  const db = request.server.db;
  const [synthesis, outcomes] = await Promise.all([findSynthesis(db, c.id), listOutcomes(db, c.id)]);
  const values: Record<string, string | undefined> = {
    summaryAr: synthesis?.summary.ar,
    summaryFr: synthesis?.summary.fr,
    summaryEn: synthesis?.summary.en,
  };
  for (const s of sections) {
    const o = outcomes.find((x) => x.sectionId === s.id);
    if (!o) continue;
    const f = outcomeFields(s.id);
    Object.assign(values, {
      [f.decision]: o.decision,
      [f.reasonAr]: o.reason.ar,
      [f.reasonFr]: o.reason.fr,
      [f.reasonEn]: o.reason.en,
      [f.link]: o.finalTextUrl ?? "",
      [f.noLinkAr]: o.noLinkReason?.ar,
      [f.noLinkFr]: o.noLinkReason?.fr,
      [f.noLinkEn]: o.noLinkReason?.en,
    });
  }
  return values;
}

function download(reply: FastifyReply, name: string, format: "csv" | "json", body: string) {
  return reply
    .type(format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
    .header("content-disposition", `attachment; filename="${name}.${format}"`)
    .send(body);
}

/** Live results, the synthesis and decision, and the exports of a consultation, for its admins. */
export const adminOutcomeRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("preHandler", requireStaff);
  app.addHook("onSend", async (_request, reply) => {
    reply.noStore();
  });

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/results",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      const [figures, sections, questions, governorates] = await Promise.all([
        computeFigures(app.db, c.id),
        listSections(app.db, c.id),
        listQuestions(app.db, c.id),
        listGovernorates(app.db),
      ]);
      const textAnswers = new Map<string, string[]>();
      for (const q of questions.filter((q) => q.kind === "short_text" || q.kind === "long_text"))
        textAnswers.set(q.id, await listTextAnswers(app.db, q.id));
      return reply.render(
        <ResultsPage
          c={c}
          figures={figures}
          sections={sections}
          questions={questions}
          governorateNames={new Map(governorates.map((g) => [g.code, g.name]))}
          textAnswers={textAnswers}
        />,
      );
    },
  );

  const outcomePage = async (
    request: FastifyRequest,
    c: ConsultationView,
    sections: Section[],
    values?: Record<string, string | undefined>,
    errors?: FieldErrors,
  ) => (
    <OutcomePage
      c={c}
      sections={sections}
      editable={phaseOf(c) === "analysis"}
      values={values ?? (await savedValues(request, c, sections))}
      errors={errors}
    />
  );

  app.get<{ Params: IdParams }>(
    "/admin/consultations/:id/outcome",
    { schema: { params: IdParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      return reply.render(await outcomePage(request, c, await listSections(app.db, c.id)));
    },
  );

  app.post<{ Params: IdParams; Body: OutcomeInput }>(
    "/admin/consultations/:id/outcome",
    { schema: { params: IdParams, body: OutcomeBody } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id, "publishOutcome");
      const sections = await listSections(app.db, c.id);
      const publish = request.body.action === "publish";
      const result = await (publish ? publishOutcome : saveOutcome)(
        app.db,
        c,
        sections,
        request.body,
        changeContext(request),
      );
      if (!result.ok)
        return reply.render(await outcomePage(request, c, sections, request.body, result.errors), 422);
      return reply.redirectWithFlash(
        publish ? `/consultations/${c.id}#outcome` : `/admin/consultations/${c.id}/outcome`,
        {
          kind: "success",
          message: publish ? "consultations.flash.outcomePublished" : "consultations.flash.outcomeSaved",
        },
      );
    },
  );

  app.get<{ Params: { lang: string; id: string; dataset: string } }>(
    "/admin/consultations/:id/export/:dataset",
    { schema: { params: ExportParams } },
    async (request, reply) => {
      const c = await loadAdmin(request, request.params.id);
      const [dataset, format] = request.params.dataset.split(".");
      if (
        (dataset !== "contributions" && dataset !== "questionnaire") ||
        (format !== "csv" && format !== "json")
      )
        return reply.callNotFound();
      await audit(
        app.db,
        {
          action: "consultation.export",
          subjectType: "consultation",
          subjectId: c.id,
          structureId: c.structureId,
          details: { dataset, format },
        },
        request,
      );
      const name = `sharek-consultation-${c.id.slice(0, 8)}-${dataset}`;
      if (dataset === "contributions") {
        const rows = await exportContributions(app.db, c.id);
        if (format === "json") return download(reply, name, "json", JSON.stringify(rows, null, 2));
        return download(reply, name, "csv", csvText(rows));
      }
      const [questions, results] = await Promise.all([
        listQuestions(app.db, c.id),
        questionnaireResults(app.db, c.id),
      ]);
      const rows = questions.flatMap((q, i) => {
        const r = results.questions.find((x) => x.questionId === q.id)!;
        const label = (o: string) => {
          const option = q.options.find((x) => x.id === o);
          return option ? pickLocalized(option.label, request.locale).text : o;
        };
        const prompt = pickLocalized(q.prompt, request.locale).text;
        const counts = Object.entries(r.counts);
        if (counts.length === 0)
          return [
            { question: i + 1, prompt, kind: q.kind, answer: "", count: r.answered, answered: r.answered },
          ];
        return counts.map(([answer, n]) => ({
          question: i + 1,
          prompt,
          kind: q.kind,
          answer: label(answer),
          count: n,
          answered: r.answered,
        }));
      });
      if (format === "json")
        return download(
          reply,
          name,
          "json",
          JSON.stringify({ respondents: results.respondents, rows }, null, 2),
        );
      return download(reply, name, "csv", csvText(rows));
    },
  );
};
