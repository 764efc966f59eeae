import type { ComponentChildren } from "preact";
import { formatDate, formatNumber } from "../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Card } from "../../../core/views/components/card/card.js";
import { StatusTag, type StatusTone } from "../../../core/views/components/status-tag/status-tag.js";
import {
  StepTimeline,
  type TimelineStep,
} from "../../../core/views/components/step-timeline/step-timeline.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import type { ConsultationCard } from "../list-queries.js";
import { type Phase, type PhaseDates, phaseOf } from "../phase.js";
import type { ConsultationDocument, Section } from "../queries.js";

export const PHASE_TONES: Record<Phase | "draft", StatusTone> = {
  draft: "neutral",
  announced: "new",
  open: "success",
  closed: "neutral",
  analysis: "warning",
  outcome: "info",
};

export function PhaseTag({ consultation }: { consultation: PhaseDates }) {
  const { t } = usePage();
  const phase = phaseOf(consultation);
  return <StatusTag tone={PHASE_TONES[phase]}>{t(`consultations.phase.${phase}`)}</StatusTag>;
}

/** A multilingual text of several paragraphs, in the page's language or its fallback. */
export function LocalizedBlock({
  text,
  class: className,
}: {
  text: LocalizedText | null | undefined;
  class?: string;
}) {
  return (
    <div class={className ?? "sh-body-text sh-preserve-lines"}>
      <Localized text={text} />
    </div>
  );
}

/** A consultation in a list: its title, structure, dates and phase. */
export function ConsultationCardItem({ c, headingLevel = 3 }: { c: ConsultationCard; headingLevel?: 2 | 3 }) {
  const { t, locale } = usePage();
  const href = useHref();
  const phase = phaseOf(c);
  return (
    <Card
      title={<Localized text={c.title} />}
      href={href(`/consultations/${c.id}`)}
      headingLevel={headingLevel}
      meta={
        <>
          <Localized text={c.structureName} /> · {t(`consultations.theme.${c.theme}`)}
        </>
      }
      tag={<PhaseTag consultation={c} />}
    >
      <p class="sh-body-text">
        <Localized text={c.summary} />
      </p>
      <p class="sh-caption">
        {phase === "announced"
          ? t("consultations.card.opens", { date: formatDate(c.opensAt, locale) })
          : phase === "open"
            ? t("consultations.card.closes", { date: formatDate(c.closesAt, locale) })
            : phase === "outcome" && c.outcomePublishedAt
              ? t("consultations.card.decided", { date: formatDate(c.outcomePublishedAt, locale) })
              : t("consultations.card.closed", { date: formatDate(c.closesAt, locale) })}
      </p>
    </Card>
  );
}

/** The phases of a consultation with their dates, the current one marked. */
export function PhaseTimeline({
  c,
}: {
  c: PhaseDates & { publishedAt: Date | null; outcomeDueAt: Date | null };
}) {
  const { t } = usePage();
  const phase = phaseOf(c);
  const order = ["announced", "open", "analysis", "outcome"] as const;
  const at = order.indexOf(phase === "draft" ? "announced" : (phase as (typeof order)[number]));
  const state = (i: number): TimelineStep["state"] =>
    phase === "draft"
      ? "upcoming"
      : i < at || (i === at && phase === "outcome")
        ? "done"
        : i === at
          ? "current"
          : "upcoming";
  const steps: TimelineStep[] = [
    {
      title: t("consultations.phase.announced"),
      state: state(0),
      start: c.publishedAt ?? undefined,
      end: c.opensAt,
    },
    { title: t("consultations.phase.open"), state: state(1), start: c.opensAt, end: c.closesAt },
    {
      title: t("consultations.phase.analysis"),
      state: state(2),
      start: c.closesAt,
      end: c.outcomeDueAt ?? undefined,
    },
    { title: t("consultations.phase.outcome"), state: state(3), start: c.outcomePublishedAt ?? undefined },
  ];
  return <StepTimeline steps={steps} label={t("consultations.page.timelineLabel")} />;
}

/** A count against a total, as a meter with its figures written out (no colour-only meaning). */
export function Bar({ label, value, total }: { label: ComponentChildren; value: number; total: number }) {
  const { t, locale } = usePage();
  const share = total > 0 ? Math.round((value / total) * 100) : 0;
  return (
    <div class="sh-bar">
      <span class="sh-bar__label">{label}</span>
      <meter class="sh-bar__meter" min={0} max={Math.max(total, 1)} value={value} aria-hidden="true" />
      <span class="sh-bar__value">
        {t("consultations.figures.countShare", { count: value, share: formatNumber(share, locale) })}
      </span>
    </div>
  );
}

/** Section headings: the section's own title, or "Section n". */
export function useSectionTitle() {
  const { t, locale } = usePage();
  return (s: Section, index: number) =>
    pickLocalized(s.title, locale).text || t("consultations.page.sectionNumber", { n: index + 1 });
}

/** A consultation's PDF document: its title, linking to the file, then its size. */
export function DocumentLink({
  consultationId,
  document,
}: {
  consultationId: string;
  document: ConsultationDocument;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <>
      <a class="sh-link" href={href(`/consultations/${consultationId}/documents/${document.id}`)}>
        <UserText>{document.title}</UserText>
      </a>{" "}
      <span class="sh-caption">
        {t("consultations.page.documentSize", {
          size: formatNumber(Math.ceil(document.size / 1024), locale),
        })}
      </span>
    </>
  );
}
