import { usePage } from "../../../core/views/context.js";
import { SectionLayout } from "../../../core/views/section-layout.js";
import { REPORT_STATUSES, type ReportStatus } from "../reports.js";

/** What staff who may not read reports see: how many there are. */
export function CountsPage({
  counts,
  scope,
}: {
  counts: Partial<Record<ReportStatus, number>>;
  scope: "all" | "mine";
}) {
  const { t, locale } = usePage();
  const total = REPORT_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const number = new Intl.NumberFormat(locale);
  return (
    <SectionLayout
      title={t("integrity.counts.title")}
      navLabel={t("integrity.counts.title")}
      current=""
      links={[]}
    >
      <h1 class="sh-heading-xl">{t("integrity.counts.title")}</h1>
      <p class="sh-lead">{t(scope === "all" ? "integrity.counts.leadAll" : "integrity.counts.leadMine")}</p>
      <ul class="sh-stats">
        <li class="sh-stats__item">
          <span class="sh-stats__value">{number.format(total)}</span>
          {t("integrity.counts.total")}
        </li>
        {REPORT_STATUSES.map((s) => (
          <li key={s} class="sh-stats__item">
            <span class="sh-stats__value">{number.format(counts[s] ?? 0)}</span>
            {t(`integrity.status.${s}`)}
          </li>
        ))}
      </ul>
      <p class="sh-body-text">{t("integrity.counts.why")}</p>
    </SectionLayout>
  );
}
