import type { ContributionMechanism } from "../../../core/features/contracts.js";
import { formatDateTime, formatMonth, formatNumber } from "../../../core/i18n/format.js";
import { Table } from "../../../core/views/components/table/table.js";
import { Reference } from "../../../core/views/components/user-text/user-text.js";
import { usePage } from "../../../core/views/context.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { ServiceLevel } from "../level-queries.js";
import type { FUNNEL_FORMS, UsageGrid, usageByGovernorate, usageByStructure } from "../queries.js";
import { BarChart, LineChart } from "./charts.js";
import { CsvLink, nameOf, percentText, ServiceLevelTable } from "./figures.js";

export interface DashboardProps {
  /** The reader sees national figures (platform admin); otherwise their structures only. */
  national: boolean;
  /** The mechanisms counted, in order, with their labels (mechanismsOf). */
  mechanisms: ContributionMechanism[];
  usage: UsageGrid;
  governorates: Awaited<ReturnType<typeof usageByGovernorate>>;
  structures: Awaited<ReturnType<typeof usageByStructure>>;
  accounts: Array<{ month: string; created: number; active: number }> | null;
  funnel: Array<{
    form: (typeof FUNNEL_FORMS)[number];
    opened: number;
    submitted: number;
    rate: number | null;
  }> | null;
  levels: ServiceLevel[];
  overdue: Array<{ id: string; reference: string; type: string; dueAt: Date; name: Record<string, string> }>;
  refreshedAt: Date | null;
}

/** /[lang]/admin/insights: use of each mechanism, where, and how well structures answer. */
export function DashboardPage(p: DashboardProps) {
  const { t, locale } = usePage();
  const n = (v: number) => formatNumber(v, locale);
  // The overdue list is of requests: each type is named as its mechanism (the cases feature's label).
  const requestLabel = (type: string) =>
    p.mechanisms.find((m) => m.name === `request_${type}`)?.labelKey ?? type;
  const placeName = (g: { code: string; name: Record<string, string> | null }) =>
    g.name ? nameOf(g.name, locale) : t(`insights.places.${g.code}`);
  return (
    <AdminLayout title={t("insights.dashboard.title")} section="insights">
      <h1 class="sh-heading-xl">{t("insights.dashboard.title")}</h1>
      <p class="sh-lead">
        {t(p.national ? "insights.dashboard.leadNational" : "insights.dashboard.leadScoped")}
      </p>
      <p class="sh-body-text">
        {p.refreshedAt
          ? t("insights.refreshedAt", { at: formatDateTime(p.refreshedAt, locale) })
          : t("insights.notRefreshed")}{" "}
        {t("insights.printHint")}
      </p>
      {p.national && (
        <p class="sh-body-text sh-no-print">
          <a class="sh-link" href={`/${locale}/admin/insights/plan`}>
            {t("insights.plan.title")}
          </a>
        </p>
      )}

      <h2 class="sh-heading-l">{t("insights.dashboard.perMonth")}</h2>
      <LineChart
        id="usage-chart"
        title={t("insights.charts.contributions")}
        description={t("insights.charts.contributionsDesc", { months: p.usage.months.length })}
        labelHeader={t("insights.month")}
        valueHeader={t("insights.contributions")}
        data={p.usage.months.map((m) => ({
          key: m,
          label: formatMonth(m, locale),
          value: p.usage.totals[m] ?? 0,
        }))}
      />
      <Table
        id="usage-table"
        caption={t("insights.dashboard.byMechanism")}
        firstCellIsHeader
        head={[
          { text: t("insights.mechanism") },
          ...p.usage.months.map((m) => ({ text: formatMonth(m, locale), numeric: true })),
        ]}
        rows={p.mechanisms.map((mech) => [
          t(mech.labelKey),
          ...p.usage.months.map((m) => n(p.usage.counts[m]?.[mech.name] ?? 0)),
        ])}
      />
      <CsvLink href="/admin/insights/usage.csv" label={t("insights.dashboard.byMechanism")} />

      <h2 class="sh-heading-l">{t("insights.dashboard.byPlace")}</h2>
      <BarChart
        id="place-chart"
        title={t("insights.charts.places")}
        description={t("insights.charts.placesDesc")}
        labelHeader={t("insights.place")}
        valueHeader={t("insights.contributions")}
        data={p.governorates.map((g) => ({ key: g.code, label: placeName(g), value: g.n }))}
        footer={<CsvLink href="/admin/insights/governorates.csv" label={t("insights.charts.places")} />}
      />

      <h2 class="sh-heading-l">{t("insights.dashboard.byStructure")}</h2>
      {p.structures.length === 0 ? (
        <p class="sh-body-text">{t("insights.empty")}</p>
      ) : (
        <Table
          id="structure-table"
          caption={t("insights.dashboard.byStructure")}
          firstCellIsHeader
          head={[
            { text: t("insights.levels.structure") },
            ...p.mechanisms.map((m) => ({ text: t(m.labelKey), numeric: true })),
            { text: t("insights.total"), numeric: true },
          ]}
          rows={p.structures.map((s) => [
            nameOf(s.name, locale),
            ...p.mechanisms.map((m) => n(s.counts[m.name] ?? 0)),
            n(s.total),
          ])}
        />
      )}
      <CsvLink href="/admin/insights/structures.csv" label={t("insights.dashboard.byStructure")} />

      {p.accounts && (
        <>
          <h2 class="sh-heading-l">{t("insights.dashboard.accounts")}</h2>
          <Table
            id="accounts-table"
            caption={t("insights.dashboard.accounts")}
            firstCellIsHeader
            head={[
              { text: t("insights.month") },
              { text: t("insights.accounts.created"), numeric: true },
              { text: t("insights.accounts.active"), numeric: true },
            ]}
            rows={p.accounts.map((a) => [formatMonth(a.month, locale), n(a.created), n(a.active)])}
          />
          <CsvLink href="/admin/insights/accounts.csv" label={t("insights.dashboard.accounts")} />
        </>
      )}

      {p.funnel && (
        <>
          <h2 class="sh-heading-l">{t("insights.dashboard.funnel")}</h2>
          <p class="sh-body-text">{t("insights.funnel.lead")}</p>
          <Table
            id="funnel-table"
            caption={t("insights.dashboard.funnel")}
            firstCellIsHeader
            head={[
              { text: t("insights.funnel.form") },
              { text: t("insights.funnel.opened"), numeric: true },
              { text: t("insights.funnel.submitted"), numeric: true },
              { text: t("insights.funnel.rate"), numeric: true },
            ]}
            rows={p.funnel.map((f) => [
              t(`insights.funnel.forms.${f.form}`),
              n(f.opened),
              n(f.submitted),
              percentText(f.rate, locale, t),
            ])}
          />
          <CsvLink href="/admin/insights/funnel.csv" label={t("insights.dashboard.funnel")} />
        </>
      )}

      <h2 class="sh-heading-l">{t("insights.dashboard.levels")}</h2>
      <p class="sh-body-text">{t("insights.levels.lead", { min: 10 })}</p>
      {p.levels.length === 0 ? (
        <p class="sh-body-text">{t("insights.empty")}</p>
      ) : (
        <ServiceLevelTable id="levels-table" levels={p.levels} caption={t("insights.dashboard.levels")} />
      )}
      <CsvLink href="/admin/insights/service-levels.csv" label={t("insights.dashboard.levels")} />

      <h2 class="sh-heading-l">{t("insights.dashboard.overdue")}</h2>
      {p.overdue.length === 0 ? (
        <p class="sh-body-text">{t("insights.overdue.none")}</p>
      ) : (
        <Table
          id="overdue-table"
          caption={t("insights.dashboard.overdue")}
          firstCellIsHeader
          head={[
            { text: t("insights.overdue.reference") },
            { text: t("insights.overdue.type") },
            { text: t("insights.levels.structure") },
            { text: t("insights.overdue.due") },
          ]}
          rows={p.overdue.map((c) => [
            <a key="r" class="sh-link" href={`/${locale}/staff/requests/${c.id}`}>
              <Reference>{c.reference}</Reference>
            </a>,
            t(requestLabel(c.type)),
            nameOf(c.name, locale),
            formatDateTime(c.dueAt, locale),
          ])}
        />
      )}
      <CsvLink href="/admin/insights/overdue.csv" label={t("insights.dashboard.overdue")} />
    </AdminLayout>
  );
}
