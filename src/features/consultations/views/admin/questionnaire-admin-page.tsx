import type { FieldErrors } from "../../../../core/forms.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../../core/views/components/checkboxes/checkboxes.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Localized } from "../../../../core/views/localized-text.js";
import { QUESTION_KINDS, type QuestionField } from "../../commands/questions.js";
import type { Consultation, Question } from "../../queries.js";
import { ConsultationAdminFrame } from "./admin-frame.js";

const FIELDS: QuestionField[] = [
  "kind",
  "promptAr",
  "promptFr",
  "promptEn",
  "optionsAr",
  "optionsFr",
  "optionsEn",
  "scaleMin",
  "scaleMax",
  "required",
];

/** The questionnaire builder: its questions in order, and a form to add one of any kind. */
export function QuestionnaireAdminPage({
  c,
  questions,
  editable,
  values = {},
  errors,
}: {
  c: Consultation;
  questions: Question[];
  editable: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors<QuestionField>;
}) {
  const { t } = usePage();
  const { message, Summary } = useFieldErrors(
    errors,
    Object.fromEntries(FIELDS.map((f) => [f, f])) as Record<QuestionField, string>,
  );
  const base = `/admin/consultations/${c.id}/questionnaire`;
  return (
    <ConsultationAdminFrame c={c} tab="questionnaire" title={t("consultations.admin.tabs.questionnaire")}>
      <Summary />
      <h1 class="sh-heading-xl">{t("consultations.admin.questions.title")}</h1>
      {!editable && <p class="sh-inset">{t("consultations.admin.questions.locked")}</p>}
      {questions.length === 0 ? (
        <p class="sh-body-text">{t("consultations.admin.questions.none")}</p>
      ) : (
        <ol class="sh-list sh-list--bullet">
          {questions.map((q) => (
            <li key={q.id}>
              <strong>
                <Localized text={q.prompt} />
              </strong>{" "}
              <span class="sh-caption">
                {t(`consultations.admin.questions.kinds.${q.kind}`)} ·{" "}
                {q.required
                  ? t("consultations.admin.questions.required")
                  : t("consultations.questionnaire.optional")}
              </span>
              {q.options.length > 0 && (
                <ul class="sh-list sh-list--bullet">
                  {q.options.map((o) => (
                    <li key={o.id}>
                      <Localized text={o.label} />
                    </li>
                  ))}
                </ul>
              )}
              {q.kind === "scale" && (
                <p class="sh-caption">
                  {t("consultations.questionnaire.scaleHint", { min: q.scaleMin, max: q.scaleMax })}
                </p>
              )}
              {editable && (
                <Form action={`${base}/${q.id}/delete`} class="sh-inline-form">
                  <Button variant="warning">{t("consultations.admin.questions.delete")}</Button>
                </Form>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <>
          <h2 class="sh-heading-l">{t("consultations.admin.questions.add")}</h2>
          <Form action={base}>
            <Radios
              id="kind"
              name="kind"
              label={t("consultations.admin.questions.kind")}
              value={values.kind}
              error={message("kind")}
              items={QUESTION_KINDS.map((k) => ({
                value: k,
                label: t(`consultations.admin.questions.kinds.${k}`),
              }))}
            />
            {(["Ar", "Fr", "En"] as const).map((l) => (
              <div key={l} dir={l === "Ar" ? "rtl" : "ltr"}>
                <TextInput
                  id={`prompt${l}`}
                  name={`prompt${l}`}
                  label={t(`consultations.admin.questions.prompt${l}`)}
                  value={values[`prompt${l}`]}
                  error={message(`prompt${l}` as QuestionField)}
                />
              </div>
            ))}
            <p class="sh-hint">{t("consultations.admin.questions.optionsHint")}</p>
            {(["Ar", "Fr", "En"] as const).map((l) => (
              <div key={l} dir={l === "Ar" ? "rtl" : "ltr"}>
                <Textarea
                  id={`options${l}`}
                  name={`options${l}`}
                  label={t(`consultations.admin.questions.options${l}`)}
                  value={values[`options${l}`]}
                  error={message(`options${l}` as QuestionField)}
                  rows={4}
                />
              </div>
            ))}
            <TextInput
              id="scaleMin"
              name="scaleMin"
              label={t("consultations.admin.questions.scaleMin")}
              value={values.scaleMin ?? "1"}
              error={message("scaleMin")}
              width={4}
              inputMode="numeric"
            />
            <TextInput
              id="scaleMax"
              name="scaleMax"
              label={t("consultations.admin.questions.scaleMax")}
              value={values.scaleMax ?? "5"}
              error={message("scaleMax")}
              width={4}
              inputMode="numeric"
            />
            <Checkboxes
              id="required"
              name="required"
              label={t("consultations.admin.questions.requiredLabel")}
              items={[{ value: "yes", label: t("consultations.admin.questions.required") }]}
              values={values.required === "yes" ? ["yes"] : []}
            />
            <Button>{t("consultations.admin.questions.addButton")}</Button>
          </Form>
        </>
      )}
    </ConsultationAdminFrame>
  );
}
