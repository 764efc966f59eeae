import type { FieldErrors } from "../../../core/forms.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { FileUpload } from "../../../core/views/components/file-upload/file-upload.js";
import { Select } from "../../../core/views/components/select/select.js";
import { Table } from "../../../core/views/components/table/table.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { DecisionRow } from "../commands/from-consultation.js";
import type { ImportReport } from "../commands/import-results.js";
import { RESULT_FIELDS, type ResultField, type ResultInput } from "../commands/result-fields.js";
import type { Origin } from "../commands/save-result.js";
import type { ResultSummary } from "../queries.js";
import { RESULT_STATUSES } from "../tables.js";
import { ResultList } from "./parts.js";

type Named = { code: string; name: LocalizedText };

/** Staff: the results of their structures, and the ways to add some. */
export function AdminListPage({ rows, canCreate }: { rows: ResultSummary[]; canCreate: boolean }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("accountability.admin.title")} section="accountability">
      <h1 class="sh-heading-xl">{t("accountability.admin.title")}</h1>
      <p class="sh-lead">{t("accountability.admin.lead")}</p>
      {canCreate && (
        <div class="sh-button-group">
          <Button href={href("/admin/accountability/new")}>{t("accountability.admin.create")}</Button>
          <Button variant="secondary" href={href("/admin/accountability/import")}>
            {t("accountability.import.title")}
          </Button>
        </div>
      )}
      {rows.length === 0 ? (
        <p class="sh-body-text">{t("accountability.admin.empty")}</p>
      ) : (
        <ResultList rows={rows} />
      )}
    </AdminLayout>
  );
}

/** Creates a result (maybe from another record: `origin`), or edits one's commitment. */
export function ResultFormPage({
  editing,
  origin,
  originName,
  values,
  errors,
  structures,
  parents,
  governorates,
  municipalities,
  themes,
}: {
  editing?: { id: string; title: LocalizedText };
  origin: Origin;
  originName: string | null;
  values: ResultInput;
  errors?: FieldErrors<ResultField>;
  structures: Array<{ id: string; name: LocalizedText }>;
  parents: Array<{ id: string; code: string; title: LocalizedText }>;
  governorates: Named[];
  municipalities: Array<{ id: string; name: LocalizedText }>;
  themes: Named[];
}) {
  const { t } = usePage();
  const plain = usePlainName();
  const ids = Object.fromEntries(RESULT_FIELDS.map((f) => [f, f])) as Record<ResultField, string>;
  const { message } = useFieldErrors(errors, ids);
  const title = editing ? t("accountability.admin.editTitle") : t("accountability.admin.create");
  const input = (f: ResultField, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput
      id={f}
      name={f}
      label={t(`accountability.field.${f}`)}
      value={values[f]}
      error={message(f)}
      {...extra}
    />
  );
  return (
    <AdminLayout title={title} section="accountability">
      <h1 class="sh-heading-xl">{title}</h1>
      {originName ? (
        <p class="sh-lead">
          {t(`accountability.origin.${origin.origin}`)}: <bdi>{originName}</bdi>
        </p>
      ) : (
        !editing && origin.origin === "plan" && <p class="sh-lead">{t("accountability.origin.plan")}</p>
      )}
      <Form action={editing ? `/admin/accountability/${editing.id}/edit` : "/admin/accountability/new"}>
        {!editing && (
          <>
            <input type="hidden" name="origin" value={origin.origin} />
            <input type="hidden" name="originId" value={origin.originId ?? ""} />
          </>
        )}
        {input("code", { hint: t("accountability.field.codeHint"), dir: "ltr", width: 30 })}
        <Select
          id="structureId"
          name="structureId"
          label={t("accountability.field.structureId")}
          value={values.structureId}
          error={message("structureId")}
          options={[
            { value: "", text: "" },
            ...structures.map((s) => ({ value: s.id, text: plain(s.name) })),
          ]}
        />
        <Select
          id="parentId"
          name="parentId"
          label={t("accountability.field.parentId")}
          value={values.parentId}
          error={message("parentId")}
          options={[
            { value: "", text: t("accountability.field.noParent") },
            ...parents
              .filter((p) => p.id !== editing?.id)
              .map((p) => ({ value: p.id, text: `${p.code} · ${plain(p.title)}` })),
          ]}
        />
        {(["Ar", "Fr", "En"] as const).map((s) => input(`title${s}`))}
        {(["Ar", "Fr", "En"] as const).map((s) => (
          <Textarea
            key={s}
            id={`description${s}`}
            name={`description${s}`}
            rows={5}
            label={t(`accountability.field.description${s}`)}
            value={values[`description${s}`]}
            error={message(`description${s}`)}
          />
        ))}
        <Select
          id="governorateCode"
          name="governorateCode"
          label={t("accountability.field.governorateCode")}
          value={values.governorateCode}
          error={message("governorateCode")}
          options={[
            { value: "", text: t("accountability.place.national") },
            ...governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
          ]}
        />
        <Select
          id="municipalityId"
          name="municipalityId"
          label={t("accountability.field.municipalityId")}
          value={values.municipalityId}
          error={message("municipalityId")}
          options={[
            { value: "", text: "" },
            ...municipalities.map((m) => ({ value: m.id, text: plain(m.name) })),
          ]}
        />
        <Select
          id="themeCode"
          name="themeCode"
          label={t("accountability.field.themeCode")}
          value={values.themeCode}
          error={message("themeCode")}
          options={[
            { value: "", text: "" },
            ...themes.map((th) => ({ value: th.code, text: plain(th.name) })),
          ]}
        />
        {input("startsOn", { hint: t("accountability.update.dateHint"), width: 10, dir: "ltr" })}
        {input("endsOn", { hint: t("accountability.update.dateHint"), width: 10, dir: "ltr" })}
        {input("weight", { hint: t("accountability.field.weightHint"), width: 4, inputMode: "numeric" })}
        {input("budgetPlanned", {
          hint: t("accountability.field.budgetHint"),
          width: 20,
          inputMode: "decimal",
        })}
        {input("budgetSpent", {
          hint: t("accountability.field.budgetHint"),
          width: 20,
          inputMode: "decimal",
        })}
        {!editing && (
          <>
            <Select
              id="status"
              name="status"
              label={t("accountability.update.status")}
              value={values.status}
              error={message("status")}
              options={RESULT_STATUSES.map((s) => ({ value: s, text: t(`accountability.status.${s}`) }))}
            />
            {input("progress", {
              hint: t("accountability.update.progressHint"),
              width: 4,
              inputMode: "numeric",
            })}
            {(["Ar", "Fr", "En"] as const).map((s) => input(`dropReason${s}`))}
          </>
        )}
        <Button>{editing ? t("accountability.admin.save") : t("accountability.admin.create")}</Button>
      </Form>
    </AdminLayout>
  );
}

/** Turns a published consultation's section decisions into results. */
export function FromConsultationPage({
  consultation,
  decisions,
  parentId,
  error,
}: {
  consultation: { id: string; title: LocalizedText };
  decisions: DecisionRow[];
  parentId: string | null;
  error?: string;
}) {
  const { t } = usePage();
  const href = useHref();
  const { message } = useFieldErrors(error ? { sections: { key: error } } : undefined, {
    sections: "sections",
  });
  const open = decisions.filter((d) => !d.resultId);
  return (
    <AdminLayout title={t("accountability.fromConsultation.title")} section="accountability">
      <h1 class="sh-heading-xl">{t("accountability.fromConsultation.title")}</h1>
      <p class="sh-lead">
        <Localized text={consultation.title} />
      </p>
      {parentId && (
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/accountability/${parentId}`)}>
            {t("accountability.fromConsultation.existing")}
          </a>
        </p>
      )}
      {open.length === 0 ? (
        <p class="sh-body-text">{t("accountability.fromConsultation.none")}</p>
      ) : (
        <Form action={`/admin/accountability/from-consultation/${consultation.id}`}>
          <Checkboxes
            id="sections"
            name="sections"
            label={t("accountability.fromConsultation.legend")}
            error={message("sections")}
            values={open.filter((d) => d.decision !== "dropped").map((d) => d.sectionId)}
            items={open.map((d) => ({
              value: d.sectionId,
              label: `${t("accountability.origin.section", { n: d.position })} · ${t(`accountability.decision.${d.decision}`)}`,
            }))}
          />
          <Button>{t("accountability.fromConsultation.submit")}</Button>
        </Form>
      )}
    </AdminLayout>
  );
}

/** The import: upload a CSV, then its report, line by line. */
export function ImportPage({ report, error }: { report?: ImportReport; error?: string }) {
  const { t } = usePage();
  const { message } = useFieldErrors(error ? { file: { key: error } } : undefined, { file: "file" });
  return (
    <AdminLayout title={t("accountability.import.title")} section="accountability">
      <h1 class="sh-heading-xl">{t("accountability.import.title")}</h1>
      <p class="sh-lead">{t("accountability.import.lead")}</p>
      {report && (
        <section aria-labelledby="import-report">
          <h2 id="import-report" class="sh-heading-l">
            {t("accountability.import.report", {
              rows: report.rows,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              invalid: report.invalid.length,
            })}
          </h2>
          {report.invalid.length > 0 && (
            <Table
              id="import-errors"
              caption={t("accountability.import.invalidCaption")}
              head={[
                { text: t("accountability.import.line"), numeric: true },
                { text: t("accountability.field.code") },
                { text: t("accountability.import.reason") },
              ]}
              rows={report.invalid.map((i) => [String(i.line), i.code, i.reason])}
            />
          )}
        </section>
      )}
      <Form action="/admin/accountability/import" enctype="multipart/form-data">
        <FileUpload
          id="file"
          name="file"
          label={t("accountability.import.file")}
          hint={t("accountability.import.hint")}
          accept=".csv,text/csv"
          error={message("file")}
        />
        <Button>{t("accountability.import.submit")}</Button>
      </Form>
    </AdminLayout>
  );
}
