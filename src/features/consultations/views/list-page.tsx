import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { THEMES } from "../fields.js";
import { type ConsultationCard, LIST_STATUSES } from "../list-queries.js";
import { ConsultationCardItem } from "./parts.js";

export interface ListFormValues {
  q: string;
  status: string;
  theme: string;
  structure: string;
  area: string;
}

export type ListView =
  | {
      mode: "highlights";
      open: ConsultationCard[];
      upcoming: ConsultationCard[];
      decided: ConsultationCard[];
    }
  | { mode: "results"; items: ConsultationCard[]; total: number; page: number; totalPages: number };

function Cards({ items, level }: { items: ConsultationCard[]; level: 2 | 3 }) {
  return (
    <ul class="sh-card-list">
      {items.map((c) => (
        <li key={c.id}>
          <ConsultationCardItem c={c} headingLevel={level} />
        </li>
      ))}
    </ul>
  );
}

/** The public list: open now, upcoming and recently decided; or the results of a search with filters. */
export function ConsultationListPage({
  values,
  view,
  structures,
  governorates,
}: {
  values: ListFormValues;
  view: ListView;
  structures: Array<{ code: string; name: LocalizedText }>;
  governorates: Array<{ code: string; name: LocalizedText }>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const plain = (text: LocalizedText) => pickLocalized(text, locale).text;
  return (
    <Layout
      title={t("consultations.list.title")}
      description={t("consultations.list.lead")}
      feeds={[{ title: t("consultations.feeds.open"), path: "/feeds/consultations.atom" }]}
    >
      <Breadcrumbs
        items={[
          { text: t("consultations.breadcrumbs.home"), href: href("/") },
          { text: t("consultations.list.title") },
        ]}
      />
      <h1 class="sh-heading-xl">{t("consultations.list.title")}</h1>
      <p class="sh-lead">{t("consultations.list.lead")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={href("/feeds/consultation-deadlines.ics")} type="text/calendar">
          {t("consultations.feeds.calendar")}
        </a>
      </p>
      <search>
        <form method="get" action={href("/consultations")} class="sh-filters">
          <TextInput
            id="q"
            name="q"
            type="search"
            value={values.q}
            label={t("consultations.list.search")}
            hint={t("consultations.list.searchHint")}
            width={30}
          />
          <Select
            id="status"
            name="status"
            label={t("consultations.list.status")}
            value={values.status}
            options={[
              { value: "", text: t("consultations.list.anyStatus") },
              ...LIST_STATUSES.map((s) => ({ value: s, text: t(`consultations.list.statuses.${s}`) })),
            ]}
          />
          <Select
            id="theme"
            name="theme"
            label={t("consultations.list.theme")}
            value={values.theme}
            options={[
              { value: "", text: t("consultations.list.anyTheme") },
              ...THEMES.map((th) => ({ value: th, text: t(`consultations.theme.${th}`) })),
            ]}
          />
          <Select
            id="structure"
            name="structure"
            label={t("consultations.list.structure")}
            value={values.structure}
            options={[
              { value: "", text: t("consultations.list.anyStructure") },
              ...structures.map((s) => ({ value: s.code, text: plain(s.name) })),
            ]}
          />
          <Select
            id="area"
            name="area"
            label={t("consultations.list.area")}
            value={values.area}
            options={[
              { value: "", text: t("consultations.list.anyArea") },
              { value: "national", text: t("consultations.area.national") },
              ...governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
            ]}
          />
          <Button variant="secondary">{t("consultations.list.filter")}</Button>
        </form>
      </search>

      {view.mode === "highlights" ? (
        (
          [
            ["open", view.open],
            ["upcoming", view.upcoming],
            ["decided", view.decided],
          ] as const
        ).map(([group, items]) => (
          <section key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`} class="sh-heading-l">
              {t(`consultations.list.groups.${group}`)}
            </h2>
            {items.length > 0 ? (
              <>
                <Cards items={items} level={3} />
                <p class="sh-body-text">
                  <a class="sh-link" href={href(`/consultations?status=${group}`)}>
                    {t(`consultations.list.more.${group}`)}
                  </a>
                </p>
              </>
            ) : (
              <p class="sh-body-text">{t(`consultations.list.none.${group}`)}</p>
            )}
          </section>
        ))
      ) : (
        <section aria-labelledby="results">
          <h2 id="results" class="sh-heading-l">
            {t("consultations.list.results", { count: view.total })}
          </h2>
          {view.items.length === 0 ? (
            <EmptyState title={t("consultations.list.emptyTitle")} headingLevel={3}>
              <p class="sh-body-text">{t("consultations.list.emptyText")}</p>
            </EmptyState>
          ) : (
            <Cards items={view.items} level={3} />
          )}
          <Pagination page={view.page} totalPages={view.totalPages} />
        </section>
      )}
      {values.structure && (
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/structures/${values.structure}`)}>
            <Localized text={structures.find((s) => s.code === values.structure)?.name} />
          </a>
        </p>
      )}
    </Layout>
  );
}
