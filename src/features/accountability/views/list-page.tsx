import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import { BarChart } from "../../insights/views/charts.js";
import type { ResultSummary, StructureFigures } from "../queries.js";
import { RESULT_ORIGINS, RESULT_STATUSES } from "../tables.js";
import { ResultList } from "./parts.js";

type Named = { code: string; name: LocalizedText };

export interface ResultFilterValues {
  structure: string;
  place: string;
  theme: string;
  status: string;
  origin: string;
}

export interface ListPageProps {
  rows: ResultSummary[];
  total: number;
  page: number;
  totalPages: number;
  filters: ResultFilterValues;
  structures: Named[];
  governorates: Named[];
  themes: Named[];
  figures: StructureFigures[];
  late: number;
}

/** The public list of results: filters, the per-structure summary chart, and the results with their progress. */
export function ListPage(props: ListPageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const { filters } = props;
  const options = (all: string, items: Named[]) => [
    { value: "", text: all },
    ...items.map((i) => ({ value: i.code, text: plain(i.name) })),
  ];
  return (
    <Layout
      title={t("accountability.list.title")}
      description={t("accountability.list.lead")}
      feeds={[{ title: t("accountability.feeds.latest"), path: "/feeds/results.atom" }]}
    >
      <Breadcrumbs
        items={[
          { text: t("accountability.breadcrumbs.home"), href: href("/") },
          { text: t("accountability.list.title") },
        ]}
      />
      <h1 class="sh-heading-xl">{t("accountability.list.title")}</h1>
      <p class="sh-lead">{t("accountability.list.lead")}</p>
      {props.late > 0 && (
        <p class="sh-body-text">
          <a class="sh-link" href={href("/accountability?status=late")}>
            {t("accountability.list.lateLink", { count: props.late })}
          </a>
        </p>
      )}
      <search>
        <form method="get" action={href("/accountability")} class="sh-directory-search">
          <Select
            id="structure"
            name="structure"
            label={t("accountability.filters.structure")}
            value={filters.structure}
            options={options(t("accountability.filters.allStructures"), props.structures)}
          />
          <Select
            id="place"
            name="place"
            label={t("accountability.filters.place")}
            value={filters.place}
            options={[
              { value: "", text: t("accountability.filters.allPlaces") },
              { value: "national", text: t("accountability.place.national") },
              ...props.governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
            ]}
          />
          <Select
            id="theme"
            name="theme"
            label={t("accountability.filters.theme")}
            value={filters.theme}
            options={options(t("accountability.filters.allThemes"), props.themes)}
          />
          <Select
            id="status"
            name="status"
            label={t("accountability.filters.status")}
            value={filters.status}
            options={[
              { value: "", text: t("accountability.filters.allStatuses") },
              ...RESULT_STATUSES.map((s) => ({ value: s, text: t(`accountability.status.${s}`) })),
              { value: "late", text: t("accountability.status.late") },
            ]}
          />
          <Select
            id="origin"
            name="origin"
            label={t("accountability.filters.origin")}
            value={filters.origin}
            options={[
              { value: "", text: t("accountability.filters.allOrigins") },
              ...RESULT_ORIGINS.map((o) => ({ value: o, text: t(`accountability.origin.${o}`) })),
            ]}
          />
          <Button variant="secondary">{t("accountability.filters.apply")}</Button>
        </form>
      </search>
      {props.figures.length > 0 && (
        <BarChart
          id="by-structure"
          title={t("accountability.chart.title")}
          description={t("accountability.chart.description")}
          labelHeader={t("accountability.chart.structure")}
          valueHeader={t("accountability.chart.meanProgress")}
          data={props.figures.map((f) => ({ key: f.code, label: plain(f.name), value: f.meanProgress }))}
        />
      )}
      {props.rows.length === 0 ? (
        <EmptyState title={t("accountability.list.emptyTitle")}>
          <p class="sh-body-text">{t("accountability.list.emptyText")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="results-count">
          <h2 id="results-count" class="sh-heading-l">
            {t("accountability.list.count", { count: props.total })}
          </h2>
          <ResultList rows={props.rows} />
        </section>
      )}
      <Pagination
        page={props.page}
        totalPages={props.totalPages}
        label={t("accountability.list.pagination")}
      />
    </Layout>
  );
}
