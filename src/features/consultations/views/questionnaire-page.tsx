import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { Problem } from "../../../core/views/problem.js";
import { answerField, type ResponseInput } from "../commands/respond.js";
import { LIMITS } from "../fields.js";
import type { ParticipationRefusal } from "../policy.js";
import type { ConsultationView, Question } from "../queries.js";
import type { QuestionResult } from "../questionnaire-queries.js";
import { RefusalNote } from "./comments.js";
import { PhaseTag } from "./parts.js";
import { QuestionnaireResults } from "./questionnaire-results.js";

export type QuestionnaireView =
  | { mode: "form"; values?: ResponseInput; errors?: FieldErrors }
  | { mode: "answered" }
  | { mode: "refused"; refusal: ParticipationRefusal }
  | { mode: "results"; respondents: number; results: QuestionResult[] };

/** One question as a form control, by kind; required ones say so in their label. */
function QuestionField({
  q,
  values,
  message,
}: {
  q: Question;
  values: ResponseInput;
  message: (field: string) => string | undefined;
}) {
  const { t, locale } = usePage();
  const name = answerField(q);
  const label = (
    <>
      <Localized text={q.prompt} />
      {!q.required && ` (${t("consultations.questionnaire.optional")})`}
    </>
  );
  const value = values[name];
  const first = typeof value === "string" ? value : value?.[0];
  const items = q.options.map((o) => ({ value: o.id, label: pickLocalized(o.label, locale).text }));
  switch (q.kind) {
    case "single":
      return <Radios id={name} name={name} label={label} items={items} value={first} error={message(name)} />;
    case "multiple":
      return (
        <Checkboxes
          id={name}
          name={name}
          label={label}
          hint={t("consultations.questionnaire.multipleHint")}
          items={items}
          values={[value ?? []].flat()}
          error={message(name)}
        />
      );
    case "scale": {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 5;
      return (
        <Radios
          id={name}
          name={name}
          label={label}
          hint={t("consultations.questionnaire.scaleHint", { min, max })}
          inline
          items={Array.from({ length: max - min + 1 }, (_, i) => ({
            value: String(min + i),
            label: String(min + i),
          }))}
          value={first}
          error={message(name)}
        />
      );
    }
    case "short_text":
      return <TextInput id={name} name={name} label={label} value={first} error={message(name)} />;
    default:
      return (
        <Textarea
          id={name}
          name={name}
          label={label}
          value={first}
          error={message(name)}
          maxLength={LIMITS.longText}
        />
      );
  }
}

/** The questionnaire: the form while open, a thank-you once answered, the results once closed. */
export function QuestionnairePage({
  c,
  questions,
  view,
  refusal,
}: {
  c: ConsultationView;
  questions: Question[];
  view: QuestionnaireView;
  refusal?: ParticipationRefusal;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const errors = view.mode === "form" ? view.errors : undefined;
  const numbers = new Map(questions.map((q, i) => [answerField(q), { n: i + 1, q }]));
  const { message, Summary } = useFieldErrors(
    errors,
    Object.fromEntries(questions.map((q) => [answerField(q), answerField(q)])),
    // The summary names each question ("Answer question 2: …"): its items stand far from them.
    (field, e) => {
      const question = numbers.get(field);
      const kind = e.key.split(".").pop();
      if (!question || !["answerRequired", "choose", "textTooLong"].includes(kind ?? ""))
        return t(e.key, e.values);
      return t(`consultations.errors.question.${kind}`, {
        ...e.values,
        number: question.n,
        question: pickLocalized(question.q.prompt, locale).text,
      });
    },
  );
  const title = t("consultations.questionnaire.title");
  return (
    <Layout title={`${title} · ${pickLocalized(c.title, locale).text}`}>
      <Breadcrumbs
        items={[
          { text: t("consultations.breadcrumbs.home"), href: href("/") },
          { text: t("consultations.list.title"), href: href("/consultations") },
          { text: pickLocalized(c.title, locale).text, href: href(`/consultations/${c.id}`) },
          { text: title },
        ]}
      />
      <Summary />
      {refusal && <Problem id="refusal" title={t(`consultations.participate.${refusal}`)} />}
      <p class="sh-caption">
        <Localized text={c.title} /> <PhaseTag consultation={c} />
      </p>
      <h1 class="sh-heading-xl">{title}</h1>
      {view.mode === "form" && (
        <Form action={`/consultations/${c.id}/questionnaire`}>
          <p class="sh-body-text">{t("consultations.questionnaire.once")}</p>
          {questions.map((q) => (
            <QuestionField key={q.id} q={q} values={view.values ?? {}} message={message} />
          ))}
          <Button>{t("consultations.questionnaire.send")}</Button>
        </Form>
      )}
      {view.mode === "answered" && <p class="sh-inset">{t("consultations.questionnaire.thanks")}</p>}
      {view.mode === "refused" && <RefusalNote refusal={view.refusal} />}
      {view.mode === "results" && (
        <>
          <h2 class="sh-heading-l">{t("consultations.questionnaire.results")}</h2>
          <QuestionnaireResults questions={questions} results={view.results} respondents={view.respondents} />
        </>
      )}
      <p class="sh-body-text">
        <a class="sh-link" href={href(`/consultations/${c.id}`)}>
          {t("consultations.questionnaire.back")}
        </a>
      </p>
    </Layout>
  );
}
