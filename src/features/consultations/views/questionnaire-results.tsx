import { formatNumber } from "../../../core/i18n/format.js";
import { usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import type { Question } from "../queries.js";
import type { QuestionResult } from "../questionnaire-queries.js";
import { Bar } from "./parts.js";

/** Results of the questionnaire: a bar per option or scale value; text answers counted. */
export function QuestionnaireResults({
  questions,
  results,
  respondents,
  headingLevel = 3,
}: {
  questions: Question[];
  results: QuestionResult[];
  respondents: number;
  headingLevel?: 3 | 4;
}) {
  const { t, locale } = usePage();
  const H = `h${headingLevel}` as "h3";
  return (
    <div class="sh-results">
      <p class="sh-body-text">{t("consultations.results.respondents", { count: respondents })}</p>
      {questions.map((q) => {
        const r = results.find((x) => x.questionId === q.id);
        if (!r) return null;
        return (
          <div key={q.id} class="sh-results__question">
            <H class="sh-heading-s">
              <Localized text={q.prompt} />
            </H>
            {q.kind === "single" || q.kind === "multiple" ? (
              q.options.map((o) => (
                <Bar
                  key={o.id}
                  label={<Localized text={o.label} />}
                  value={r.counts[o.id] ?? 0}
                  total={r.answered}
                />
              ))
            ) : q.kind === "scale" ? (
              [
                ...Object.entries(r.counts).map(([value, n]) => (
                  <Bar key={value} label={formatNumber(Number(value), locale)} value={n} total={r.answered} />
                )),
                r.mean !== null && (
                  <p key="mean" class="sh-body-text">
                    {t("consultations.results.mean", { mean: formatNumber(r.mean, locale) })}
                  </p>
                ),
              ]
            ) : (
              <p class="sh-body-text">{t("consultations.results.textAnswers", { count: r.answered })}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}
