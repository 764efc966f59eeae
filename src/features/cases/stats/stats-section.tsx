import type { ComponentChildren } from "preact";
import type { Translate } from "../../../core/i18n/catalog.js";
import { formatNumber } from "../../../core/i18n/format.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { usePage } from "../../../core/views/context.js";
import { CASE_CHANNELS } from "../tables.js";
import { STATS_MIN_CASES, type StructureCaseStats } from "./queries.js";

/** A duration in hours, said the way people count it: hours up to two days, then days. */
export function durationText(hours: number, t: Translate): string {
  if (hours < 1) return t("cases.stats.duration.lessThanHour");
  if (hours < 48) return t("cases.stats.duration.hours", { count: Math.round(hours) });
  return t("cases.stats.duration.days", { count: Math.round((hours / 24) * 10) / 10 });
}

function Row({ label, value, hint }: { label: string; value: ComponentChildren; hint?: string }) {
  return (
    <SummaryRow label={label}>
      {value}
      {hint && <p class="sh-caption">{hint}</p>}
    </SummaryRow>
  );
}

/**
 * A structure's public figures on its requests, for its page. Under STATS_MIN_CASES requests it
 * shows only a sentence saying from when figures appear. Renders nothing when the page has no
 * figures to give (caseStats absent).
 */
export function StructureCaseStatsSection({ data }: { data: { caseStats?: StructureCaseStats | null } }) {
  const { t, locale } = usePage();
  const stats = data.caseStats;
  if (!stats) return null;
  const enough = stats.received >= STATS_MIN_CASES;
  return (
    <section class="sh-structure__section" aria-labelledby="case-stats-title" id="case-stats">
      <h2 id="case-stats-title" class="sh-heading-l">
        {t("cases.stats.title")}
      </h2>
      {!enough ? (
        <p class="sh-body-text">{t("cases.stats.notEnough", { min: STATS_MIN_CASES })}</p>
      ) : (
        <>
          <p class="sh-body-text">{t("cases.stats.lead")}</p>
          <SummaryList>
            <Row label={t("cases.stats.received")} value={formatNumber(stats.received, locale)} />
            <Row
              label={t("cases.stats.byChannel")}
              value={
                <ul class="sh-list">
                  {CASE_CHANNELS.filter((c) => stats.byChannel[c] > 0).map((c) => (
                    <li key={c}>
                      {t("cases.stats.channelCount", {
                        channel: t(`cases.channels.${c}`),
                        count: formatNumber(stats.byChannel[c], locale),
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
            <Row label={t("cases.stats.answered")} value={formatNumber(stats.answered, locale)} />
            <Row
              label={t("cases.stats.median")}
              value={
                stats.medianFirstResponseHours === null
                  ? t("cases.stats.noResponseYet")
                  : durationText(stats.medianFirstResponseHours, t)
              }
              hint={t("cases.stats.medianHint")}
            />
            <Row
              label={t("cases.stats.inTime")}
              value={
                stats.shareInTime === null
                  ? t("cases.stats.notMeasurable")
                  : t("cases.stats.inTimeValue", {
                      share: stats.shareInTime,
                      inTime: formatNumber(stats.answeredInTime, locale),
                      decided: formatNumber(stats.deadlineKnown, locale),
                    })
              }
              hint={t("cases.stats.inTimeHint")}
            />
            <Row
              label={t("cases.stats.satisfaction")}
              value={
                stats.meanSatisfaction === null
                  ? t("cases.stats.noRating")
                  : t("cases.stats.satisfactionValue", {
                      mean: stats.meanSatisfaction,
                      ratings: stats.ratings,
                    })
              }
            />
          </SummaryList>
        </>
      )}
    </section>
  );
}
