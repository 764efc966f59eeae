import { formatDateTime } from "../../../core/i18n/format.js";
import { type NotificationKind, notificationValues } from "../../../core/notifications/notify.js";
import { Button } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import type { NotificationRow } from "../queries.js";

/**
 * A person's notification centre: newest first, unread ones marked "New", each line in the
 * reader's language (from its kind and params) linking to what it is about, with a form to mark it
 * read, and one to mark everything read. Plain forms: it all works without JavaScript.
 */
export function NotificationsPage({
  items,
  more,
  unread,
  kinds,
  paged,
}: {
  items: NotificationRow[];
  more: boolean;
  unread: number;
  kinds: ReadonlyMap<string, NotificationKind>;
  /** Showing an older page (not the newest). */
  paged: boolean;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const line = (n: NotificationRow) => {
    const kind = kinds.get(n.kind);
    if (!kind) return t("notifications.unknown");
    return t(kind.messageKey(n.params), notificationValues(n.params, locale, t));
  };
  const last = items[items.length - 1];
  return (
    <Layout title={t("notifications.title")} width="narrow">
      <h1 class="sh-heading-xl">{t("notifications.title")}</h1>
      <p class="sh-body-text">{t("notifications.intro")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={href("/notifications/preferences")}>
          {t("notifications.preferences.link")}
        </a>
      </p>
      <p class="sh-body-text" id="notifications-unread">
        {t("notifications.unreadCount", { count: unread })}
      </p>
      {unread > 0 && (
        <Form action="/notifications/read-all">
          <Button variant="secondary">{t("notifications.markAllRead")}</Button>
        </Form>
      )}
      {items.length === 0 ? (
        <p class="sh-body-text">{t("notifications.empty")}</p>
      ) : (
        <ul class="sh-notifications">
          {items.map((n) => {
            const text = line(n);
            return (
              <li
                key={n.id}
                class={`sh-notifications__item${n.readAt ? "" : " sh-notifications__item--unread"}`}
              >
                <p class="sh-notifications__text">
                  {!n.readAt && <strong class="sh-tag sh-tag--new">{t("notifications.new")}</strong>}{" "}
                  <a class="sh-link" href={href(n.link)}>
                    {text}
                  </a>
                </p>
                <p class="sh-notifications__meta">
                  <span class="sh-hint">
                    {t("notifications.received", { date: formatDateTime(n.createdAt, locale) })}
                  </span>
                  {!n.readAt && (
                    <Form action={`/notifications/${n.id}/read`} class="sh-inline-form">
                      <button
                        type="submit"
                        class="sh-link-button"
                        aria-label={t("notifications.markReadOf", { what: text })}
                      >
                        {t("notifications.markRead")}
                      </button>
                    </Form>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {(more || paged) && (
        <p class="sh-body-text">
          {more && last && (
            <a class="sh-link" href={`${href("/notifications")}?before=${last.id}`}>
              {t("notifications.older")}
            </a>
          )}
          {more && paged && " · "}
          {paged && (
            <a class="sh-link" href={href("/notifications")}>
              {t("notifications.newest")}
            </a>
          )}
        </p>
      )}
    </Layout>
  );
}
