import { formatDate, formatNumber } from "../../../core/i18n/format.js";
import { SummaryList, SummaryRow } from "../../../core/views/components/summary-list/summary-list.js";
import { usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { DatasetSummary } from "../catalogue.js";
import { API_QUOTA } from "../routes/api.js";

/** /[lang]/open-data: every dataset with its licence, update frequency, formats, last change and size. */
export function CataloguePage({ datasets, licence }: { datasets: DatasetSummary[]; licence: string }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("open-data.title")} description={t("open-data.lead")}>
      <h1 class="sh-heading-xl">{t("open-data.title")}</h1>
      <p class="sh-lead">{t("open-data.lead")}</p>
      <ul class="sh-card-list">
        {datasets.map(({ dataset, apiPath, rows, modified }) => (
          <li key={dataset.id} class="sh-card">
            <h2 class="sh-card__heading">{t(`open-data.datasets.${dataset.id}.title`)}</h2>
            <p class="sh-body-text">{t(`open-data.datasets.${dataset.id}.description`)}</p>
            <SummaryList>
              <SummaryRow label={t("open-data.formats")}>
                <a class="sh-link" href={`/open-data/${dataset.id}.csv`} download>
                  CSV
                </a>{" "}
                ·{" "}
                <a class="sh-link" href={`/open-data/${dataset.id}.json`} download>
                  JSON
                </a>{" "}
                ·{" "}
                <a class="sh-link" href={`/api/v1${apiPath}`} dir="ltr">
                  /api/v1{apiPath}
                </a>
              </SummaryRow>
              <SummaryRow label={t("open-data.licence")}>
                <a class="sh-link" href={licence} dir="ltr">
                  {licence}
                </a>
              </SummaryRow>
              <SummaryRow label={t("open-data.frequency")}>
                {t(`open-data.frequencies.${dataset.frequency}`)}
              </SummaryRow>
              <SummaryRow label={t("open-data.modified")}>
                {modified ? formatDate(modified, locale) : t("open-data.never")}
              </SummaryRow>
              <SummaryRow label={t("open-data.size")}>{t("open-data.rows", { count: rows })}</SummaryRow>
            </SummaryList>
          </li>
        ))}
      </ul>
      <h2 class="sh-heading-l">{t("open-data.machine")}</h2>
      <p class="sh-body-text">
        {t("open-data.apiLead", { count: formatNumber(API_QUOTA.anonymous, locale) })}
      </p>
      <ul class="sh-list">
        <li>
          <a class="sh-link" href="/api/docs">
            {t("open-data.apiDocs")}
          </a>
        </li>
        <li>
          <a class="sh-link" href="/open-data/catalog.jsonld">
            {t("open-data.dcatJsonLd")}
          </a>
        </li>
        <li>
          <a class="sh-link" href="/open-data/catalog.ttl">
            {t("open-data.dcatTurtle")}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
