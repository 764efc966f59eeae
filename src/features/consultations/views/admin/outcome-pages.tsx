import type { FieldErrors } from "../../../../core/forms.js";
import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button, ButtonGroup } from "../../../../core/views/components/button/button.js";
import { Details } from "../../../../core/views/components/details/details.js";
import { Radios } from "../../../../core/views/components/radios/radios.js";
import { TextInput } from "../../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../../core/views/components/textarea/textarea.js";
import { usePage } from "../../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../../core/views/form.js";
import { Localized } from "../../../../core/views/localized-text.js";
import { DECISIONS, outcomeFields } from "../../commands/outcome.js";
import { LIMITS } from "../../fields.js";
import type { Consultation, Question, Section } from "../../queries.js";
import type { SynthesisFigures } from "../../synthesis.js";
import { LocalizedBlock, useSectionTitle } from "../parts.js";
import { Figures } from "../synthesis-figures.js";
import { ConsultationAdminFrame } from "./admin-frame.js";

/** Live results for the consultation's admins: every figure as it stands now, and the text answers. */
export function ResultsPage({
  c,
  figures,
  sections,
  questions,
  governorateNames,
  textAnswers,
}: {
  c: Consultation;
  figures: SynthesisFigures;
  sections: Section[];
  questions: Question[];
  governorateNames: Map<string, LocalizedText>;
  textAnswers: Map<string, string[]>;
}) {
  const { t } = usePage();
  return (
    <ConsultationAdminFrame c={c} tab="results" title={t("consultations.admin.tabs.results")}>
      <h1 class="sh-heading-xl">{t("consultations.admin.results.title")}</h1>
      <p class="sh-body-text">{t("consultations.admin.results.lead")}</p>
      <Figures
        figures={figures}
        sections={sections}
        questions={questions}
        governorateNames={governorateNames}
      />
      {questions
        .filter((q) => (textAnswers.get(q.id) ?? []).length > 0)
        .map((q) => (
          <Details key={q.id} summary={<Localized text={q.prompt} />}>
            <ul class="sh-list sh-list--bullet">
              {(textAnswers.get(q.id) ?? []).map((a, i) => (
                <li key={i} class="sh-preserve-lines">
                  {a}
                </li>
              ))}
            </ul>
          </Details>
        ))}
    </ConsultationAdminFrame>
  );
}

function Trio({
  prefix,
  name,
  label,
  values,
  message,
  rows = 3,
}: {
  prefix: string;
  /** Field name for a language suffix: (l) => `reason${l}-${id}`. */
  name: (l: "Ar" | "Fr" | "En") => string;
  label: (l: "Ar" | "Fr" | "En") => string;
  values: Record<string, string | undefined>;
  message: (field: string) => string | undefined;
  rows?: number;
}) {
  return (
    <>
      {(["Ar", "Fr", "En"] as const).map((l) => (
        <div key={l} dir={l === "Ar" ? "rtl" : "ltr"}>
          <Textarea
            id={`${prefix}${l}`}
            name={name(l)}
            label={label(l)}
            value={values[name(l)]}
            error={message(name(l))}
            rows={rows}
            maxLength={prefix === "summary" ? LIMITS.body : LIMITS.reason}
          />
        </div>
      ))}
    </>
  );
}

/** The synthesis (the admin's summary) and the decision on each section, saved as a draft, then published. */
export function OutcomePage({
  c,
  sections,
  editable,
  values,
  errors,
}: {
  c: Consultation;
  sections: Section[];
  /** Only between closing and publication. */
  editable: boolean;
  values: Record<string, string | undefined>;
  errors?: FieldErrors;
}) {
  const { t } = usePage();
  const sectionTitle = useSectionTitle();
  const ids: Record<string, string> = {
    summaryAr: "summaryAr",
    summaryFr: "summaryFr",
    summaryEn: "summaryEn",
  };
  for (const s of sections) {
    const f = outcomeFields(s.id);
    ids[f.decision] = f.decision;
    ids[f.reasonAr] = `reason-${s.id}Ar`;
    ids[f.link] = f.link;
    ids[f.noLinkAr] = `nolink-${s.id}Ar`;
  }
  const { message, Summary } = useFieldErrors(errors, ids);
  const msg = (field: string) => message(field);
  return (
    <ConsultationAdminFrame c={c} tab="outcome" title={t("consultations.admin.tabs.outcome")}>
      <Summary />
      <h1 class="sh-heading-xl">{t("consultations.admin.outcome.title")}</h1>
      {c.outcomePublishedAt ? (
        <p class="sh-inset">{t("consultations.admin.outcome.published")}</p>
      ) : !editable ? (
        <p class="sh-inset">{t("consultations.admin.outcome.notYet")}</p>
      ) : (
        <Form action={`/admin/consultations/${c.id}/outcome`}>
          <p class="sh-body-text">{t("consultations.admin.outcome.lead")}</p>
          <fieldset class="sh-fieldset">
            <legend class="sh-fieldset__legend sh-fieldset__legend--m">
              {t("consultations.admin.outcome.summary")}
            </legend>
            <p class="sh-hint">{t("consultations.admin.outcome.summaryHint")}</p>
            <Trio
              prefix="summary"
              name={(l) => `summary${l}`}
              label={(l) => t(`consultations.admin.outcome.summary${l}`)}
              values={values}
              message={msg}
              rows={6}
            />
          </fieldset>
          {sections.map((s, i) => {
            const f = outcomeFields(s.id);
            return (
              <fieldset key={s.id} class="sh-fieldset">
                <legend class="sh-fieldset__legend sh-fieldset__legend--m">{sectionTitle(s, i)}</legend>
                <Details summary={t("consultations.admin.outcome.sectionText")}>
                  <LocalizedBlock text={s.body} />
                </Details>
                <Radios
                  id={f.decision}
                  name={f.decision}
                  label={t("consultations.admin.outcome.decision")}
                  inline
                  value={values[f.decision]}
                  error={msg(f.decision)}
                  items={DECISIONS.map((d) => ({ value: d, label: t(`consultations.decision.${d}`) }))}
                />
                <Trio
                  prefix={`reason-${s.id}`}
                  name={(l) => `reason${l}-${s.id}`}
                  label={(l) => t(`consultations.admin.outcome.reason${l}`)}
                  values={values}
                  message={msg}
                />
                <TextInput
                  id={f.link}
                  name={f.link}
                  type="url"
                  label={t("consultations.admin.outcome.link")}
                  hint={t("consultations.admin.outcome.linkHint")}
                  value={values[f.link]}
                  error={msg(f.link)}
                />
                <Trio
                  prefix={`nolink-${s.id}`}
                  name={(l) => `noLink${l}-${s.id}`}
                  label={(l) => t(`consultations.admin.outcome.noLink${l}`)}
                  values={values}
                  message={msg}
                  rows={2}
                />
              </fieldset>
            );
          })}
          <p class="sh-hint">{t("consultations.admin.outcome.publishHint")}</p>
          <ButtonGroup>
            <Button variant="secondary" name="action" value="save">
              {t("consultations.admin.outcome.save")}
            </Button>
            <Button name="action" value="publish">
              {t("consultations.admin.outcome.publish")}
            </Button>
          </ButtonGroup>
        </Form>
      )}
    </ConsultationAdminFrame>
  );
}
