import { formatEventTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Table } from "../../../core/views/components/table/table.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import { AdminLayout } from "../../admin/views/admin-layout.js";
import type { EventSummary } from "../queries.js";

/** The events the actor runs, latest first. */
export function EventsAdminPage({ events, canCreate }: { events: EventSummary[]; canCreate: boolean }) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <AdminLayout title={t("events.admin.title")} section="events">
      <h1 class="sh-heading-xl">{t("events.admin.title")}</h1>
      {canCreate && <Button href={href("/admin/events/new")}>{t("events.admin.create")}</Button>}
      <Table
        id="events"
        caption={t("events.admin.caption")}
        head={[
          { text: t("events.admin.columns.title") },
          { text: t("events.admin.columns.when") },
          { text: t("events.admin.columns.registered"), numeric: true },
          { text: t("events.admin.columns.waiting"), numeric: true },
        ]}
        rows={events.map((e) => [
          <a key="t" class="sh-link" href={href(`/admin/events/${e.id}`)}>
            <UserText>
              <Localized text={e.title} />
            </UserText>
          </a>,
          formatEventTime(e.startsAt, locale),
          `${e.confirmed} / ${e.capacity}`,
          String(e.waiting),
        ])}
      />
    </AdminLayout>
  );
}
