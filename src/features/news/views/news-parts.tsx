import { formatDate } from "../../../core/i18n/format.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Localized } from "../../../core/views/localized-text.js";
import type { NewsItem } from "../queries.js";

/** A news item in a list: its category, title, structure, date and summary. */
export function NewsListItem({ item }: { item: NewsItem }) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <li class="sh-news-list__item">
      <h3 class="sh-heading-m">
        <a class="sh-link" href={href(`/news/${item.id}`)}>
          <Localized text={item.title} />
        </a>
      </h3>
      <p class="sh-tag-list">
        <StatusTag tone="info">{t(`news.category.${item.category}`)}</StatusTag>
        {item.pinned && <StatusTag tone="new">{t("news.pinned")}</StatusTag>}
      </p>
      <p class="sh-news-list__meta">
        <Localized text={item.structure.name} />
        {item.publishedAt && (
          <>
            {" · "}
            <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt, locale)}</time>
          </>
        )}
      </p>
      {pickLocalized(item.summary, locale).text && (
        <p class="sh-body-text">
          <Localized text={item.summary} />
        </p>
      )}
    </li>
  );
}
