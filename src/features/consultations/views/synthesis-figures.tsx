import { formatNumber } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Table } from "../../../core/views/components/table/table.js";
import { usePage } from "../../../core/views/context.js";
import type { Question, Section } from "../queries.js";
import type { SynthesisFigures } from "../synthesis.js";
import { useSectionTitle } from "./parts.js";
import { QuestionnaireResults } from "./questionnaire-results.js";

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
          // Drafting together: shown once someone proposed an amendment.
          ...(figures.amendments
            ? ([
                ["amendments", figures.amendments],
                ["amendmentSupports", figures.amendmentSupports ?? 0],
              ] as const)
            : []),
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
  // Passage comments and amendments get their columns when the consultation had any.
  const drafting = figures.sections.some((s) => s.passages || s.amendments);
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
          ...(drafting
            ? [
                { text: t("consultations.figures.passages"), numeric: true },
                { text: t("consultations.figures.amendmentsProposed"), numeric: true },
                { text: t("consultations.figures.amendmentsAccepted"), numeric: true },
              ]
            : []),
        ]}
        rows={figures.sections.map((s) => [
          nameOfSection(s.sectionId),
          formatNumber(s.for, locale),
          formatNumber(s.against, locale),
          formatNumber(s.neutral, locale),
          formatNumber(s.replies, locale),
          ...(drafting
            ? [
                formatNumber(s.passages ?? 0, locale),
                formatNumber(s.amendments ?? 0, locale),
                formatNumber(s.amendmentsAccepted ?? 0, locale),
              ]
            : []),
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
