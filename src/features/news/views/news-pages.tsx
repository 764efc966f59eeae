import { formatDate } from "../../../core/i18n/format.js";
import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Select } from "../../../core/views/components/select/select.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import { ShareLinks } from "../../../core/views/sharing.js";
import { Description } from "../../events/views/event-page.js";
import { NEWS_FOLLOW_TARGET } from "../followable.js";
import type { NewsCategory, NewsItem } from "../queries.js";
import { newsCategory } from "../tables.js";
import { NewsListItem } from "./news-parts.js";

export interface NewsListPageProps {
  items: NewsItem[];
  total: number;
  category: NewsCategory | "";
  /** The structure whose news are listed, or null for every structure's. */
  structure: { id: string; code: string; name: LocalizedText } | null;
  page: number;
  totalPages: number;
  /** Someone is signed in (the follow button; the page is then never kept for others). */
  signedIn: boolean;
}

/** Every published announcement, newest first, by category and by structure, with its feed. */
export function NewsListPage({
  items,
  total,
  category,
  structure,
  page,
  totalPages,
  signedIn,
}: NewsListPageProps) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  const feeds = [{ title: t("news.feeds.title"), path: "/feeds/news.atom" }];
  if (structure)
    feeds.push({
      title: `${t("news.feeds.title")} · ${plain(structure.name)}`,
      path: `/feeds/news.atom?structure=${encodeURIComponent(structure.code)}`,
    });
  const title = structure
    ? t("news.list.structureTitle", { name: plain(structure.name) })
    : t("news.list.title");
  return (
    <Layout title={title} description={t("news.list.lead")} feeds={feeds}>
      <Breadcrumbs
        items={[
          { text: t("news.breadcrumbs.home"), href: href("/") },
          ...(structure ? [{ text: t("news.list.title"), href: href("/news") }] : []),
          { text: title },
        ]}
      />
      <h1 class="sh-heading-xl">{title}</h1>
      <p class="sh-lead">{t("news.list.lead")}</p>
      <search>
        <form method="get" action={href("/news")} class="sh-directory-search">
          {structure && <input type="hidden" name="structure" value={structure.code} />}
          <Select
            id="category"
            name="category"
            label={t("news.list.categoryLabel")}
            value={category}
            options={[
              { value: "", text: t("news.list.allCategories") },
              ...newsCategory.enumValues.map((c) => ({ value: c, text: t(`news.category.${c}`) })),
            ]}
          />
          <Button variant="secondary">{t("news.list.filter")}</Button>
        </form>
      </search>
      {signedIn && (
        <Form action="/subscriptions/follow">
          <input type="hidden" name="kind" value={structure ? "structure" : "news"} />
          <input type="hidden" name="target" value={structure ? structure.id : NEWS_FOLLOW_TARGET} />
          <input
            type="hidden"
            name="back"
            value={structure ? `/news?structure=${encodeURIComponent(structure.code)}` : "/news"}
          />
          <Button variant="secondary">{structure ? t("news.follow.structure") : t("news.follow.all")}</Button>
        </Form>
      )}
      {items.length === 0 ? (
        <EmptyState title={t("news.list.emptyTitle")}>
          <p class="sh-body-text">{t("news.list.emptyText")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="news-results">
          <h2 id="news-results" class="sh-heading-l">
            {t("news.list.count", { count: total })}
          </h2>
          <ul class="sh-news-list">
            {items.map((item) => (
              <NewsListItem key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
      <Pagination page={page} totalPages={totalPages} label={t("news.list.pagination")} />
    </Layout>
  );
}

/** An announcement as schema.org's NewsArticle, for search engines. */
export function newsJsonLd(
  item: NewsItem,
  publicUrl: string,
  locale: "ar" | "fr" | "en",
  /** The category's name in the page's language. */
  section: string,
): Record<string, unknown> {
  const url = `${publicUrl}/${locale}/news/${item.id}`;
  const title = pickLocalized(item.title, locale);
  const organisation = {
    "@type": "GovernmentOrganization",
    name: pickLocalized(item.structure.name, locale).text,
    url: `${publicUrl}/${locale}/structures/${item.structure.code}`,
  };
  return {
    "@type": "NewsArticle",
    headline: title.text.slice(0, 110),
    description: pickLocalized(item.summary, locale).text || undefined,
    inLanguage: title.lang,
    url,
    mainEntityOfPage: url,
    datePublished: (item.publishedAt ?? item.createdAt).toISOString(),
    dateModified: item.updatedAt.toISOString(),
    articleSection: section,
    image: item.imageKey ? [`${url}/image`] : undefined,
    author: organisation,
    publisher: organisation,
  };
}

/** One announcement: its text, image and structure; a draft is shown only to its writers, marked so. */
export function NewsArticlePage({
  item,
  url,
  canManage,
}: {
  item: NewsItem;
  url: string;
  canManage: boolean;
}) {
  const { t, locale, publicUrl } = usePage();
  const href = useHref();
  const title = pickLocalized(item.title, locale).text;
  return (
    <Layout
      title={title}
      description={pickLocalized(item.summary, locale).text.slice(0, 200) || undefined}
      structuredData={
        item.published ? newsJsonLd(item, publicUrl, locale, t(`news.category.${item.category}`)) : undefined
      }
      width="narrow"
    >
      <Breadcrumbs
        items={[
          { text: t("news.breadcrumbs.home"), href: href("/") },
          { text: t("news.list.title"), href: href("/news") },
          { text: title },
        ]}
      />
      <article>
        <p class="sh-tag-list">
          <StatusTag tone="info">{t(`news.category.${item.category}`)}</StatusTag>
          {!item.published && <StatusTag tone="warning">{t("news.status.draft")}</StatusTag>}
        </p>
        <h1 class="sh-heading-xl">
          <Localized text={item.title} />
        </h1>
        <p class="sh-news-list__meta">
          <a class="sh-link" href={href(`/news?structure=${encodeURIComponent(item.structure.code)}`)}>
            <Localized text={item.structure.name} />
          </a>
          {item.publishedAt && (
            <>
              {" · "}
              <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt, locale)}</time>
            </>
          )}
        </p>
        {pickLocalized(item.summary, locale).text && (
          <p class="sh-lead">
            <Localized text={item.summary} />
          </p>
        )}
        {item.imageKey && (
          <img
            class="sh-news__image"
            src={href(`/news/${item.id}/image`)}
            alt={pickLocalized(item.imageAlt, locale).text}
            lang={pickLocalized(item.imageAlt, locale).lang}
          />
        )}
        <Description text={item.body} />
      </article>
      {canManage && (
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/admin/news/${item.id}/edit`)}>
            {t("news.article.manage")}
          </a>
        </p>
      )}
      {item.published && <ShareLinks url={url} title={title} />}
    </Layout>
  );
}
