import type { FieldErrors } from "../../../core/forms.js";
import { LOCALES } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import { MILESTONE_FIELDS, type MilestoneField, type MilestoneInput } from "../commands/save-milestone.js";
import { milestoneStatus } from "../tables.js";
import { nameOf } from "./figures.js";
import { type Milestone, MilestoneTimeline } from "./transparency-page.js";

/** Platform admins: the action plan's milestones, each editable, and a form to add one. */
export function PlanPage({
  milestones,
  editing,
  values,
  errors,
}: {
  milestones: Milestone[];
  /** The form the errors belong to: a milestone id, or "new". */
  editing?: string;
  values?: MilestoneInput;
  errors?: FieldErrors<MilestoneField>;
}) {
  const { t, locale } = usePage();
  const valuesOf = (m: Milestone): MilestoneInput => ({
    due_on: m.dueOn,
    done_on: m.doneOn ?? "",
    status: m.status,
    evidence_url: m.evidenceUrl ?? "",
    ...Object.fromEntries(
      LOCALES.flatMap((l) => [
        [`title_${l}`, m.title[l] ?? ""],
        [`notes_${l}`, m.notes[l] ?? ""],
      ]),
    ),
  });
  return (
    <AdminLayout title={t("insights.plan.title")} section="insights">
      <h1 class="sh-heading-xl">{t("insights.plan.title")}</h1>
      <p class="sh-lead">{t("insights.plan.adminLead")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={`/${locale}/transparency`}>
          {t("insights.public.title")}
        </a>
      </p>
      {milestones.length > 0 && <MilestoneTimeline milestones={milestones} />}
      {milestones.map((m) => (
        <details key={m.id} class="sh-details" open={editing === m.id}>
          <summary class="sh-details__summary">{nameOf(m.title, locale)}</summary>
          <MilestoneForm
            prefix={m.id.slice(-8)}
            action={`/admin/insights/plan/${m.id}`}
            values={editing === m.id ? values! : valuesOf(m)}
            errors={editing === m.id ? errors : undefined}
          />
        </details>
      ))}
      <h2 class="sh-heading-m">{t("insights.plan.add")}</h2>
      <MilestoneForm
        prefix="new"
        action="/admin/insights/plan"
        values={editing === "new" ? values! : { status: "planned" }}
        errors={editing === "new" ? errors : undefined}
      />
    </AdminLayout>
  );
}

function MilestoneForm({
  prefix,
  action,
  values,
  errors,
}: {
  prefix: string;
  action: string;
  values: MilestoneInput;
  errors?: FieldErrors<MilestoneField>;
}) {
  const { t } = usePage();
  const ids = Object.fromEntries(MILESTONE_FIELDS.map((f) => [f, `${prefix}-${f}`])) as Record<
    MilestoneField,
    string
  >;
  const { message, Summary } = useFieldErrors(errors, ids);
  const dirOf = (f: string) => (f.endsWith("_ar") ? "rtl" : "ltr");
  return (
    <Form action={action}>
      <Summary />
      {LOCALES.map((l) => (
        <TextInput
          key={`title_${l}`}
          id={ids[`title_${l}`]}
          name={`title_${l}`}
          label={t(`insights.plan.fields.title_${l}`)}
          value={values[`title_${l}`]}
          error={message(`title_${l}`)}
          dir={dirOf(`title_${l}`)}
        />
      ))}
      {LOCALES.map((l) => (
        <Textarea
          key={`notes_${l}`}
          id={ids[`notes_${l}`]}
          name={`notes_${l}`}
          label={t(`insights.plan.fields.notes_${l}`)}
          value={values[`notes_${l}`]}
          error={message(`notes_${l}`)}
          rows={3}
        />
      ))}
      <TextInput
        id={ids.due_on}
        name="due_on"
        label={t("insights.plan.fields.due_on")}
        hint={t("insights.plan.dateHint")}
        value={values.due_on}
        error={message("due_on")}
        dir="ltr"
        width={10}
      />
      <TextInput
        id={ids.done_on}
        name="done_on"
        label={t("insights.plan.fields.done_on")}
        hint={t("insights.plan.dateHint")}
        value={values.done_on}
        error={message("done_on")}
        dir="ltr"
        width={10}
      />
      <Select
        id={ids.status}
        name="status"
        label={t("insights.plan.fields.status")}
        value={values.status}
        error={message("status")}
        options={milestoneStatus.enumValues.map((s) => ({
          value: s,
          text: t(`insights.plan.statuses.${s}`),
        }))}
      />
      <TextInput
        id={ids.evidence_url}
        name="evidence_url"
        type="url"
        label={t("insights.plan.fields.evidence_url")}
        value={values.evidence_url}
        error={message("evidence_url")}
        dir="ltr"
      />
      <Button>{t("insights.plan.save")}</Button>
    </Form>
  );
}
