import { formatDateTime, formatMonth, formatNumber } from "../../../core/i18n/format.js";
import { type StepState, StepTimeline } from "../../../core/views/components/step-timeline/step-timeline.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { PlanResult } from "../../accountability/queries.js";
import type { nationalFigures, ServiceLevel } from "../level-queries.js";
import type { UsageGrid } from "../queries.js";
import { MIN_CASES } from "../queries.js";
import { LineChart } from "./charts.js";
import { CsvLink, nameOf, percentText, ServiceLevelTable, satisfactionText } from "./figures.js";

const STATE: Record<PlanResult["status"], StepState> = {
  done: "done",
  in_progress: "current",
  delayed: "current",
  planned: "upcoming",
  dropped: "done",
};

/** The national action plan: its results (accountability's, origin "plan") as a timeline, each linking to its page. */
export function PlanTimeline({ milestones }: { milestones: PlanResult[] }) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <StepTimeline
      label={t("insights.plan.title")}
      steps={milestones.map((m) => ({
        title: t("insights.plan.milestoneTitle", {
          title: nameOf(m.title, locale),
          status: t(`insights.plan.statuses.${m.status}`),
        }),
        state: STATE[m.status],
        start: new Date(`${m.endsOn ?? m.startsOn ?? m.updatedAt.toISOString().slice(0, 10)}T12:00:00Z`),
        description: (
          <>
            {nameOf(m.description, locale) && (
              <span class="sh-pre-wrap">{nameOf(m.description, locale)} </span>
            )}
            <a class="sh-link" href={href(`/accountability/${m.id}`)}>
              {t("accountability.progress.label", { progress: m.progress })}
            </a>
            {m.evidenceUrl && (
              <>
                {" · "}
                <a class="sh-link" href={m.evidenceUrl} dir="ltr" rel="noopener">
                  {t("insights.plan.evidence")}
                </a>
              </>
            )}
          </>
        ),
      }))}
    />
  );
}

/** /[lang]/transparency: national figures, the structures' table (small samples hidden), the plan. */
export function TransparencyPage({
  national,
  usage,
  levels,
  hidden,
  milestones,
}: {
  national: Awaited<ReturnType<typeof nationalFigures>>;
  usage: UsageGrid;
  /** Structures with MIN_CASES requests or more (the ranked first). */
  levels: ServiceLevel[];
  /** How many structures are left out for a small sample. */
  hidden: number;
  milestones: PlanResult[];
}) {
  const { t, locale } = usePage();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Layout title={t("insights.public.title")} description={t("insights.public.lead")}>
      <h1 class="sh-heading-xl">{t("insights.public.title")}</h1>
      <p class="sh-lead">{t("insights.public.lead")}</p>
      <p class="sh-body-text">
        {national.refreshedAt
          ? t("insights.refreshedAt", { at: formatDateTime(national.refreshedAt, locale) })
          : t("insights.notRefreshed")}
      </p>

      <h2 class="sh-heading-l">{t("insights.public.national")}</h2>
      <SummaryList id="national-figures">
        <SummaryRow label={t("insights.public.contributions")}>{n(national.contributions)}</SummaryRow>
        <SummaryRow label={t("insights.levels.received")}>{n(national.received)}</SummaryRow>
        <SummaryRow label={t("insights.levels.answered")}>{n(national.answered)}</SummaryRow>
        <SummaryRow label={t("insights.levels.inTime")}>
          {national.shareInTime === null
            ? t("insights.none")
            : t("insights.levels.share", {
                percent: percentText(national.shareInTime, locale, t),
                inTime: n(national.answeredInTime),
                known: n(national.deadlineKnown),
              })}
        </SummaryRow>
        <SummaryRow label={t("insights.levels.backlog")}>{n(national.backlog)}</SummaryRow>
        <SummaryRow label={t("insights.levels.overdue")}>{n(national.overdue)}</SummaryRow>
        <SummaryRow label={t("insights.levels.satisfaction")}>
          {national.ratings === 0
            ? t("insights.none")
            : t("insights.levels.rated", {
                mean: satisfactionText(national.meanSatisfaction, locale, t),
                count: national.ratings,
              })}
        </SummaryRow>
      </SummaryList>

      <LineChart
        id="public-usage-chart"
        title={t("insights.charts.contributions")}
        description={t("insights.charts.contributionsDesc", { months: usage.months.length })}
        labelHeader={t("insights.month")}
        valueHeader={t("insights.contributions")}
        data={usage.months.map((m) => ({
          key: m,
          label: formatMonth(m, locale),
          value: usage.totals[m] ?? 0,
        }))}
        footer={<CsvLink href="/transparency/usage.csv" label={t("insights.charts.contributions")} />}
      />

      <h2 class="sh-heading-l">{t("insights.public.structures")}</h2>
      <p class="sh-body-text">{t("insights.public.structuresLead", { min: MIN_CASES })}</p>
      {levels.length === 0 ? (
        <p class="sh-body-text">{t("insights.empty")}</p>
      ) : (
        <ServiceLevelTable
          id="public-levels-table"
          levels={levels}
          caption={t("insights.public.structures")}
        />
      )}
      {hidden > 0 && (
        <p class="sh-body-text">{t("insights.public.hidden", { count: hidden, min: MIN_CASES })}</p>
      )}
      <CsvLink href="/transparency/service-levels.csv" label={t("insights.public.structures")} />

      <h2 class="sh-heading-l">{t("insights.plan.title")}</h2>
      <p class="sh-body-text">{t("insights.plan.lead")}</p>
      {milestones.length === 0 ? (
        <p class="sh-body-text">{t("insights.plan.empty")}</p>
      ) : (
        <PlanTimeline milestones={milestones} />
      )}
    </Layout>
  );
}
