import { type LocalizedText, pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Details } from "../../../core/views/components/details/details.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { renderMarkdown } from "../markdown.js";
import type { HelpArticle } from "../queries.js";

/** Admin-written Markdown, rendered safely (markdown.ts), in the page's language or its fallback. */
export function MarkdownBody({ body }: { body: LocalizedText }) {
  const { locale } = usePage();
  const picked = pickLocalized(body, locale);
  return (
    <div
      class="sh-prose"
      lang={picked.lang}
      dir={picked.lang === "ar" ? "rtl" : "ltr"}
      // markdown-it with raw HTML off: the output holds only markup it made itself.
      dangerouslySetInnerHTML={{ __html: renderMarkdown(picked.text) }}
    />
  );
}

/** The help and training centre: the guides, the FAQ, and a search across both. */
export function HelpPage({ articles, q }: { articles: HelpArticle[]; q: string }) {
  const { t } = usePage();
  const href = useHref();
  const guides = articles.filter((a) => a.kind === "guide");
  const faq = articles.filter((a) => a.kind === "faq");
  return (
    <Layout title={t("help.title")} description={t("help.lead")}>
      <Breadcrumbs items={[{ text: t("help.home"), href: href("/") }, { text: t("help.title") }]} />
      <h1 class="sh-heading-xl">{t("help.title")}</h1>
      <p class="sh-lead">{t("help.lead")}</p>
      <p class="sh-body-text">
        <a class="sh-link" href={href("/integrity")}>
          {t("help.integrityLink")}
        </a>
      </p>
      <search>
        <form method="get" action={href("/help")} class="sh-directory-search">
          <TextInput id="q" name="q" type="search" value={q} label={t("help.searchLabel")} width={30} />
          <Button variant="secondary">{t("help.searchButton")}</Button>
        </form>
      </search>
      {q && articles.length === 0 && (
        <EmptyState title={t("help.noResults", { q })}>
          <p class="sh-body-text">{t("help.noResultsText")}</p>
        </EmptyState>
      )}
      {q && articles.length > 0 && (
        <p class="sh-body-text" role="status">
          {t("help.results", { count: articles.length })}
        </p>
      )}
      {guides.length > 0 && (
        <section aria-labelledby="guides">
          <h2 id="guides" class="sh-heading-l">
            {t("help.guides")}
          </h2>
          <ul class="sh-list">
            {guides.map((g) => (
              <li key={g.id}>
                <a class="sh-link sh-heading-s" href={href(`/help/${g.slug}`)}>
                  <Localized text={g.title} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {faq.length > 0 && (
        <section aria-labelledby="faq">
          <h2 id="faq" class="sh-heading-l">
            {t("help.faq")}
          </h2>
          {faq.map((f) => (
            <Details key={f.id} summary={<Localized text={f.title} />}>
              <MarkdownBody body={f.body} />
            </Details>
          ))}
        </section>
      )}
    </Layout>
  );
}

/** One guide. */
export function ArticlePage({ article }: { article: HelpArticle }) {
  const { t, locale } = usePage();
  const href = useHref();
  const title = pickLocalized(article.title, locale).text;
  return (
    <Layout title={title}>
      <Breadcrumbs
        items={[
          { text: t("help.home"), href: href("/") },
          { text: t("help.title"), href: href("/help") },
          { text: title },
        ]}
      />
      <h1 class="sh-heading-xl">
        <Localized text={article.title} />
      </h1>
      <MarkdownBody body={article.body} />
    </Layout>
  );
}
