import type { LocalizedText } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import type { EventSummary } from "../queries.js";
import { EventFacts, type GovernorateNames } from "./event-facts.js";

export interface AgendaPageProps {
  events: EventSummary[];
  total: number;
  governorate: string;
  governorates: Array<{ code: string; name: LocalizedText }>;
  page: number;
  totalPages: number;
}

/** The public agenda: upcoming information days, trainings and awareness sessions. */
export function AgendaPage({ events, total, governorate, governorates, page, totalPages }: AgendaPageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const names: GovernorateNames = new Map(governorates.map((g) => [g.code, g.name]));
  const feed = `/events/calendar.ics${governorate ? `?governorate=${governorate}` : ""}`;
  return (
    <Layout
      title={t("events.agenda.title")}
      description={t("events.agenda.lead")}
      feeds={[{ title: t("events.feeds.new"), path: "/feeds/events.atom" }]}
    >
      <Breadcrumbs
        items={[{ text: t("events.breadcrumbs.home"), href: href("/") }, { text: t("events.agenda.title") }]}
      />
      <h1 class="sh-heading-xl">{t("events.agenda.title")}</h1>
      <p class="sh-lead">{t("events.agenda.lead")}</p>
      <search>
        <form method="get" action={href("/events")} class="sh-directory-search">
          <Select
            id="governorate"
            name="governorate"
            label={t("events.agenda.governorateLabel")}
            value={governorate}
            options={[
              { value: "", text: t("events.agenda.allGovernorates") },
              ...governorates.map((g) => ({ value: g.code, text: plain(g.name) })),
            ]}
          />
          <Button variant="secondary">{t("events.agenda.filter")}</Button>
        </form>
      </search>
      <p class="sh-body-text">
        <a class="sh-link" href={href(feed)}>
          {t("events.agenda.feed")}
        </a>
      </p>
      {events.length === 0 ? (
        <EmptyState title={t("events.agenda.emptyTitle")}>
          <p class="sh-body-text">{t("events.agenda.emptyText")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="agenda-results">
          <h2 id="agenda-results" class="sh-heading-l">
            {t("events.agenda.count", { count: total })}
          </h2>
          <ul class="sh-event-list">
            {events.map((e) => (
              <li key={e.id} class="sh-event-list__item">
                <h3 class="sh-heading-m">
                  <a class="sh-link" href={href(`/events/${e.id}`)}>
                    <Localized text={e.title} />
                  </a>
                </h3>
                <p class="sh-tag-list">
                  <StatusTag tone="info">{t(`events.kind.${e.kind}`)}</StatusTag>
                  <StatusTag>{t(`events.mode.${e.mode}`)}</StatusTag>
                </p>
                <EventFacts event={e} governorates={names} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <Pagination page={page} totalPages={totalPages} label={t("events.agenda.pagination")} />
    </Layout>
  );
}
