import { formatDate, formatNumber } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Table } from "../../../core/views/components/table/table.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Localized } from "../../structures/views/localized-text.js";
import type { Outcome, Question, QuestionResult, Section, Synthesis } from "../queries.js";
import type { SynthesisFigures } from "../synthesis.js";
import { Bar, LocalizedBlock, useSectionTitle } from "./parts.js";

const DECISION_TONES = { kept: "success", changed: "info", dropped: "danger" } as const;

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

function Breakdown({
  id,
  caption,
  counts,
  total,
  label,
}: {
  id: string;
  caption: string;
  counts: Record<string, number>;
  total: number;
  label: (key: string) => string;
}) {
  const { locale } = usePage();
  const { t } = usePage();
  const rows = Object.entries(counts).filter(([, n]) => n > 0);
  return (
    <Table
      id={id}
      caption={caption}
      captionSize="s"
      head={[
        { text: t("consultations.figures.group") },
        { text: t("consultations.figures.people"), numeric: true },
      ]}
      rows={
        rows.length > 0
          ? rows.map(([k, n]) => [
              label(k),
              t("consultations.figures.countShare", {
                count: n,
                share: formatNumber(total > 0 ? Math.round((n / total) * 100) : 0, locale),
              }),
            ])
          : [[t("consultations.figures.none"), "0"]]
      }
      firstCellIsHeader
    />
  );
}

/**
 * "What we heard, what we did": the published synthesis (summary and the frozen figures) and the
 * decision taken on each section, with its reason and the final text (or why there is none).
 */
export function OutcomeSection({
  c,
  sections,
  synthesis,
  outcomes,
  questions,
  governorateNames,
}: {
  c: { id: string; outcomePublishedAt: Date | null };
  sections: Section[];
  synthesis: Synthesis;
  outcomes: Outcome[];
  questions?: Question[];
  governorateNames?: Map<string, LocalizedText>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const sectionTitle = useSectionTitle();
  const figures = synthesis.figures as unknown as SynthesisFigures | null;
  const full = Boolean(questions && governorateNames);
  return (
    <section aria-labelledby="outcome" class="sh-outcome">
      <h2 id="outcome" class="sh-heading-l">
        {t("consultations.outcome.title")}
      </h2>
      {c.outcomePublishedAt && (
        <p class="sh-caption">
          {t("consultations.outcome.publishedOn", { date: formatDate(c.outcomePublishedAt, locale) })}
        </p>
      )}
      <h3 class="sh-heading-m">{t("consultations.outcome.heard")}</h3>
      <LocalizedBlock text={synthesis.summary} />
      {figures && !full && <HeadlineFigures figures={figures} />}
      {figures && full && (
        <Figures
          figures={figures}
          sections={sections}
          questions={questions!}
          governorateNames={governorateNames!}
        />
      )}
      {figures && !full && (
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/consultations/${c.id}/synthesis`)}>
            {t("consultations.outcome.allFigures")}
          </a>
        </p>
      )}

      <h3 class="sh-heading-m" id="what-we-did">
        {t("consultations.outcome.did")}
      </h3>
      <ol class="sh-decisions">
        {sections.map((s, i) => {
          const o = outcomes.find((x) => x.sectionId === s.id);
          if (!o) return null;
          return (
            <li key={s.id} class="sh-decisions__item">
              <h4 class="sh-heading-s">
                {sectionTitle(s, i)}{" "}
                <StatusTag tone={DECISION_TONES[o.decision]}>
                  {t(`consultations.decision.${o.decision}`)}
                </StatusTag>
              </h4>
              <LocalizedBlock text={o.reason} />
              {o.finalTextUrl ? (
                <p class="sh-body-text">
                  <a class="sh-link" href={o.finalTextUrl} rel="noopener" dir="ltr">
                    {t("consultations.outcome.finalText")}
                  </a>
                </p>
              ) : (
                <p class="sh-body-text">
                  <strong>{t("consultations.outcome.noFinalText")}</strong>{" "}
                  <Localized text={o.noLinkReason} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The headline figures: participants, contributions, respondents, supports. */
export function HeadlineFigures({ figures }: { figures: SynthesisFigures }) {
  const { t, locale } = usePage();
  return (
    <ul class="sh-stats">
      {(
        [
          ["participants", figures.participants],
          ["contributions", figures.contributions],
          ["respondents", figures.questionnaire.respondents],
          ["supports", figures.supports],
        ] as const
      ).map(([key, n]) => (
        <li key={key} class="sh-stats__item">
          <span class="sh-stats__value">{formatNumber(n, locale)}</span>
          <span class="sh-stats__label">{t(`consultations.figures.${key}`, { count: n })}</span>
        </li>
      ))}
    </ul>
  );
}

/** Every figure of a synthesis: headline, by section and alignment, questionnaire, and who took part. */
export function Figures({
  figures,
  sections,
  questions,
  governorateNames,
}: {
  figures: SynthesisFigures;
  sections: Section[];
  questions: Question[];
  governorateNames: Map<string, LocalizedText>;
}) {
  const { t, locale } = usePage();
  const sectionTitle = useSectionTitle();
  const nameOfSection = (id: string | null) => {
    if (id === null) return t("consultations.figures.wholeText");
    const i = sections.findIndex((s) => s.id === id);
    return i >= 0 ? sectionTitle(sections[i]!, i) : "—";
  };
  return (
    <>
      <HeadlineFigures figures={figures} />
      <Table
        id="figures-sections"
        caption={t("consultations.figures.bySection")}
        captionSize="s"
        head={[
          { text: t("consultations.figures.section") },
          { text: t("consultations.alignment.for"), numeric: true },
          { text: t("consultations.alignment.against"), numeric: true },
          { text: t("consultations.alignment.neutral"), numeric: true },
          { text: t("consultations.figures.replies"), numeric: true },
        ]}
        rows={figures.sections.map((s) => [
          nameOfSection(s.sectionId),
          formatNumber(s.for, locale),
          formatNumber(s.against, locale),
          formatNumber(s.neutral, locale),
          formatNumber(s.replies, locale),
        ])}
        firstCellIsHeader
      />
      {questions.length > 0 && (
        <>
          <h3 class="sh-heading-m">{t("consultations.questionnaire.results")}</h3>
          <QuestionnaireResults
            questions={questions}
            results={figures.questionnaire.questions}
            respondents={figures.questionnaire.respondents}
            headingLevel={4}
          />
        </>
      )}
      <h3 class="sh-heading-m">{t("consultations.figures.whoTitle")}</h3>
      <p class="sh-body-text">
        {t("consultations.figures.whoLead", {
          with: figures.profiles.withProfile,
          without: figures.profiles.withoutProfile,
        })}
      </p>
      <Breakdown
        id="figures-residence"
        caption={t("consultations.figures.residence")}
        counts={figures.profiles.residence}
        total={figures.profiles.withProfile}
        label={(k) =>
          k === "abroad" || k === "unstated"
            ? t(`consultations.figures.${k}`)
            : (governorateNames.get(k)?.[locale] ?? k)
        }
      />
      <Breakdown
        id="figures-age"
        caption={t("consultations.figures.ageBand")}
        counts={figures.profiles.ageBand}
        total={figures.profiles.withProfile}
        label={(k) => t(`consultations.figures.age.${k}`)}
      />
      <Breakdown
        id="figures-gender"
        caption={t("consultations.figures.gender")}
        counts={figures.profiles.gender}
        total={figures.profiles.withProfile}
        label={(k) => t(`consultations.figures.genders.${k}`)}
      />
    </>
  );
}
