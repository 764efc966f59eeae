import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { EmptyState } from "../../../core/views/components/empty-state/empty-state.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { TextInput } from "../../../core/views/components/text-input/text-input.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../core/views/components/util.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized, usePlainName } from "../../../core/views/localized-text.js";
import type { ThreadField } from "../commands/posts.js";
import { LIMITS } from "../commands/posts.js";
import type { CategoryRow, ThreadRow } from "../queries.js";
import type { forumCategories } from "../tables.js";

type Category = typeof forumCategories.$inferSelect;

export function ForumPage({ categories, manage }: { categories: CategoryRow[]; manage: boolean }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <Layout title={t("forum.title")}>
      <h1 class="sh-heading-xl">{t("forum.title")}</h1>
      <p class="sh-lead">{t("forum.lead")}</p>
      {manage && (
        <p>
          <a href={href("/admin/forum")}>{t("forum.admin.link")}</a>
        </p>
      )}
      {categories.length === 0 ? (
        <EmptyState title={t("forum.noCategories")} />
      ) : (
        <ul class="sh-card-list">
          {categories.map((c) => (
            <li key={c.id}>
              <div class="sh-card">
                <h2 class="sh-card__heading">
                  <a class="sh-card__link" href={href(`/forum/${c.slug}`)}>
                    <Localized text={c.name} />
                  </a>
                </h2>
                <p class="sh-card__text">
                  <Localized text={c.description} />
                </p>
                <p class="sh-card__meta">{t("forum.threadCount", { count: c.threads })}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function CategoryPage({
  category,
  threads,
  total,
  page,
  totalPages,
  signedIn,
}: {
  category: Category;
  threads: ThreadRow[];
  total: number;
  page: number;
  totalPages: number;
  signedIn: boolean;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const name = usePlainName();
  return (
    <Layout title={name(category.name)}>
      <p>
        <a href={href("/forum")}>{t("forum.back")}</a>
      </p>
      <h1 class="sh-heading-xl">
        <Localized text={category.name} />
      </h1>
      <p class="sh-lead">
        <Localized text={category.description} />
      </p>
      <p>
        <Button
          href={href(
            signedIn
              ? `/forum/${category.slug}/new`
              : `/sign-in?next=${encodeURIComponent(`/${locale}/forum/${category.slug}/new`)}`,
          )}
        >
          {t("forum.newThread")}
        </Button>
      </p>
      <p role="status">{t("forum.threadCount", { count: total })}</p>
      {threads.length === 0 ? (
        <EmptyState title={t("forum.noThreads")} />
      ) : (
        <ul class="sh-thread-list">
          {threads.map((th) => (
            <li key={th.id} class="sh-thread-list__item">
              <a href={href(`/forum/threads/${th.id}`)} class="sh-thread-list__title">
                <UserText>{th.title}</UserText>
              </a>
              <p class="sh-thread-list__meta">
                {th.pinnedAt && <StatusTag tone="new">{t("forum.pinned")}</StatusTag>}{" "}
                {th.lockedAt && <StatusTag tone="neutral">{t("forum.locked")}</StatusTag>}{" "}
                {th.answered && <StatusTag tone="success">{t("forum.answered")}</StatusTag>}{" "}
                {translateWith(
                  t,
                  "forum.threadMeta",
                  {
                    name: <UserText>{th.authorName ?? t("forum.deletedAccount")}</UserText>,
                    date: formatDateTime(th.lastPostAt, locale),
                  },
                  { count: th.replyCount },
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} totalPages={totalPages} />
    </Layout>
  );
}

export function NewThreadPage({
  category,
  values,
  errors,
}: {
  category: Category;
  values?: Record<string, string>;
  errors?: FieldErrors<ThreadField>;
}) {
  const { t } = usePage();
  const name = usePlainName();
  const { message, Summary } = useFieldErrors(errors, { title: "title", body: "body" });
  return (
    <Layout title={t("forum.newThread")} width="narrow">
      <Summary />
      <h1 class="sh-heading-xl">{t("forum.newThread")}</h1>
      <p class="sh-lead">{t("forum.newThreadIn", { category: name(category.name) })}</p>
      <Form action={`/forum/${category.slug}/threads`}>
        <TextInput
          id="title"
          name="title"
          label={t("forum.fields.title")}
          hint={t("forum.fields.titleHint", LIMITS.title)}
          value={values?.title}
          error={message("title")}
        />
        <Textarea
          id="body"
          name="body"
          label={t("forum.fields.body")}
          hint={t("forum.fields.markdownHint")}
          value={values?.body}
          error={message("body")}
          rows={10}
        />
        <Button>{t("forum.publish")}</Button>
      </Form>
    </Layout>
  );
}
