import type { VNode } from "preact";
import { formatDate } from "../../../core/i18n/format.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import type { Amendment } from "../drafting/queries.js";
import { AppliedAmendments } from "../drafting/views.js";
import type { Outcome, Question, Section, Synthesis } from "../queries.js";
import type { SynthesisFigures } from "../synthesis.js";
import { LocalizedBlock, useSectionTitle } from "./parts.js";
import { Figures, HeadlineFigures } from "./synthesis-figures.js";

const DECISION_TONES = { kept: "success", changed: "info", dropped: "danger" } as const;

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
  panels,
  amendments = [],
}: {
  c: { id: string; outcomePublishedAt: Date | null };
  sections: Section[];
  synthesis: Synthesis;
  outcomes: Outcome[];
  questions?: Question[];
  governorateNames?: Map<string, LocalizedText>;
  /** What other features add under the decisions (the results they gave, and their progress). */
  panels?: VNode[];
  /** Amendments whose wording went into the text (drafting): each change linked to its amendment. */
  amendments?: Amendment[];
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
              <AppliedAmendments c={c} amendments={amendments.filter((a) => a.sectionId === s.id)} />
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
      {panels}
    </section>
  );
}
