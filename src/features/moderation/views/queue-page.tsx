import { formatDateTime } from "../../../core/i18n/format.js";
import { Table } from "../../../core/views/components/table/table.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import type { QueueEntry } from "../queries.js";
import { excerpt } from "./excerpt.js";

export function QueuePage({
  entries,
  counts,
  total,
  labels,
  kind,
}: {
  entries: QueueEntry[];
  counts: Record<string, number>;
  total: number;
  /** kind → i18n key of its name. */
  labels: Record<string, string>;
  kind?: string;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <Layout title={t("moderation.queue.title")}>
      <h1 class="sh-heading-xl">{t("moderation.queue.title")}</h1>
      <p class="sh-lead">{t("moderation.queue.lead", { count: total })}</p>
      <nav aria-label={t("moderation.queue.byKind")}>
        <ul class="sh-list sh-list--inline">
          <li>
            <a href={href("/moderation")} aria-current={kind ? undefined : "page"}>
              {t("moderation.queue.all", { count: total })}
            </a>
          </li>
          {Object.entries(labels).map(([name, key]) => (
            <li key={name}>
              <a href={href(`/moderation?kind=${name}`)} aria-current={kind === name ? "page" : undefined}>
                {t("moderation.queue.kindCount", { kind: t(key), count: counts[name] ?? 0 })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {entries.length === 0 ? (
        <p>{t("moderation.queue.empty")}</p>
      ) : (
        <Table
          id="moderation-queue"
          caption={t("moderation.queue.caption")}
          head={[
            { text: t("moderation.queue.item") },
            { text: t("moderation.queue.kind") },
            { text: t("moderation.queue.why") },
            { text: t("moderation.queue.since") },
          ]}
          rows={entries.map((e) => [
            <a key="a" href={href(`/moderation/items/${e.kind}/${e.item.id}`)}>
              <UserText>{excerpt(e.item) || t("moderation.queue.untitled")}</UserText>
            </a>,
            t(labels[e.kind] ?? e.kind),
            [
              e.openFlags > 0 ? t("moderation.queue.flags", { count: e.openFlags }) : null,
              e.holdCause ? t(`moderation.holdCause.${e.holdCause}`) : null,
            ]
              .filter(Boolean)
              .join(" · "),
            formatDateTime(e.pendingSince, locale),
          ])}
        />
      )}
    </Layout>
  );
}
