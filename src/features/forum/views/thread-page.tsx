import type { VNode } from "preact";
import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Checkboxes } from "../../../core/views/components/checkboxes/checkboxes.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Select } from "../../../core/views/components/select/select.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../core/views/components/util.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import type { Presence } from "../../moderation/policy.js";
import { FlagLink, HeldNotice, Tombstone } from "../../moderation/views/markers.js";
import type { ThreadAbilities } from "../policy.js";
import type { CategoryRow, PostRow, ThreadDetail } from "../queries.js";
import type { forumCategories } from "../tables.js";
import { MarkdownText } from "./markdown-text.js";

export type ShownPost = PostRow & { presence: Presence };

export interface ThreadPageProps {
  detail: ThreadDetail;
  presence: Presence;
  category: typeof forumCategories.$inferSelect;
  categories: CategoryRow[];
  posts: ShownPost[];
  following: boolean;
  abilities: ThreadAbilities;
  signedIn: boolean;
  quote?: ShownPost;
  /** What other features add: the results made of this thread, and staff actions (make a result). */
  panels?: VNode[];
  actions?: VNode[];
  values?: Record<string, string>;
  errors?: FieldErrors<"body">;
}

export function ThreadPage(props: ThreadPageProps) {
  const { detail, presence, category, posts, abilities } = props;
  const { thread } = detail;
  const { t, locale } = usePage();
  const href = useHref();
  const name = usePlainName();
  const base = `/forum/threads/${thread.id}`;
  const { message, Summary } = useFieldErrors(props.errors, { body: "reply" });
  const byId = new Map(posts.map((p) => [p.id, p]));
  const pinned = posts.filter((p) => p.official && p.pinnedAt && p.presence === "shown");
  if (presence === "tombstone")
    return (
      <Layout title={t("forum.hiddenThread")}>
        <p>
          <a href={href(`/forum/${category.slug}`)}>{t("forum.backTo", { category: name(category.name) })}</a>
        </p>
        <h1 class="sh-heading-xl">{t("forum.hiddenThread")}</h1>
        <Tombstone reason={thread.moderationReason} />
      </Layout>
    );
  return (
    <Layout title={thread.title}>
      <Summary />
      <p>
        <a href={href(`/forum/${category.slug}`)}>{t("forum.backTo", { category: name(category.name) })}</a>
      </p>
      <article class="sh-thread" id="opening">
        <UserText as="h1" class="sh-heading-xl">
          {thread.title}
        </UserText>
        <p class="sh-thread__meta">
          {thread.pinnedAt && <StatusTag tone="new">{t("forum.pinned")}</StatusTag>}{" "}
          {thread.lockedAt && <StatusTag tone="neutral">{t("forum.locked")}</StatusTag>}{" "}
          {translateWith(t, "forum.postedBy", {
            name: <UserText>{detail.authorName ?? t("forum.deletedAccount")}</UserText>,
            date: formatDateTime(thread.createdAt, locale),
          })}
        </p>
        {presence === "held" && <HeldNotice />}
        <MarkdownText source={thread.body} />
        {props.signedIn && presence === "shown" && <FlagLink kind="forum_thread" id={thread.id} />}
      </article>
      {props.signedIn && presence === "shown" && (
        <Form action={`${base}/follow`}>
          <input type="hidden" name="follow" value={props.following ? "0" : "1"} />
          <Button variant="secondary">
            {props.following ? t("forum.follow.stop") : t("forum.follow.start")}
          </Button>
        </Form>
      )}
      {pinned.length > 0 && (
        <section class="sh-official" aria-labelledby="official-heading">
          <h2 id="official-heading" class="sh-heading-m">
            {t("forum.officialAnswer")}
          </h2>
          {pinned.map((p) => (
            <div key={p.id}>
              <p class="sh-official__label">
                {t("forum.officialBy", { name: p.authorName ?? t("forum.deletedAccount") })}
              </p>
              <MarkdownText source={p.body} />
              <a href={`#post-${p.id}`}>{t("forum.seeInThread")}</a>
            </div>
          ))}
        </section>
      )}
      {props.panels}
      {props.actions}
      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading" class="sh-heading-m">
          {t("forum.replies", { count: posts.filter((p) => p.presence === "shown").length })}
        </h2>
        <ol class="sh-posts">
          {posts
            .filter((p) => p.presence !== "absent")
            .map((p) => {
              const quoted = p.quotedPostId ? byId.get(p.quotedPostId) : undefined;
              return (
                <li
                  key={p.id}
                  id={`post-${p.id}`}
                  class={p.official ? "sh-post sh-post--official" : "sh-post"}
                >
                  {p.presence === "tombstone" ? (
                    <Tombstone reason={p.reason} />
                  ) : (
                    <>
                      <p class="sh-post__meta">
                        {p.official && <StatusTag tone="success">{t("forum.official")}</StatusTag>}{" "}
                        {translateWith(t, "forum.postedBy", {
                          name: <UserText>{p.authorName ?? t("forum.deletedAccount")}</UserText>,
                          date: formatDateTime(p.createdAt, locale),
                        })}
                      </p>
                      {p.presence === "held" && <HeldNotice />}
                      {quoted && <Quote post={quoted} />}
                      <MarkdownText source={p.body} />
                      <p class="sh-post__actions">
                        {abilities.reply && p.presence === "shown" && (
                          <a href={href(`${base}?quote=${p.id}#reply-form`)}>{t("forum.quote")}</a>
                        )}{" "}
                        {props.signedIn && p.presence === "shown" && <FlagLink kind="forum_post" id={p.id} />}
                      </p>
                      {abilities.manage && p.official && p.presence === "shown" && (
                        <Form action={`/forum/posts/${p.id}/pin`}>
                          <input type="hidden" name="pin" value={p.pinnedAt ? "0" : "1"} />
                          <Button variant="secondary">
                            {p.pinnedAt ? t("forum.unpinAnswer") : t("forum.pinAnswer")}
                          </Button>
                        </Form>
                      )}
                    </>
                  )}
                </li>
              );
            })}
        </ol>
      </section>
      {thread.lockedAt && <p class="sh-inset">{t("forum.lockedNotice")}</p>}
      {abilities.reply && presence === "shown" && (
        <section aria-labelledby="reply-heading" id="reply-form">
          <h2 id="reply-heading" class="sh-heading-m">
            {t("forum.reply")}
          </h2>
          <Form action={`${base}/replies`}>
            {props.quote && (
              <>
                <input type="hidden" name="quote" value={props.quote.id} />
                <Quote post={props.quote} />
              </>
            )}
            <Textarea
              id="reply"
              name="body"
              label={t("forum.fields.reply")}
              hint={t("forum.fields.markdownHint")}
              value={props.values?.body}
              error={message("body")}
              rows={6}
            />
            {abilities.answerOfficially && (
              <Checkboxes
                id="official"
                name="official"
                label={t("forum.fields.officialLabel")}
                values={props.values?.official === "1" ? ["1"] : []}
                items={[{ value: "1", label: t("forum.fields.official") }]}
              />
            )}
            <Button>{t("forum.publish")}</Button>
          </Form>
        </section>
      )}
      {abilities.manage && (
        <section aria-labelledby="manage-heading" class="sh-panel">
          <h2 id="manage-heading" class="sh-heading-m">
            {t("forum.manage.title")}
          </h2>
          <Form action={`${base}/manage`}>
            <Radios
              id="action"
              name="action"
              label={t("forum.manage.action")}
              items={[
                thread.lockedAt
                  ? { value: "unlock", label: t("forum.manage.unlock") }
                  : { value: "lock", label: t("forum.manage.lock") },
                thread.pinnedAt
                  ? { value: "unpin", label: t("forum.manage.unpin") }
                  : { value: "pin", label: t("forum.manage.pin") },
                { value: "move", label: t("forum.manage.move") },
              ]}
            />
            <Select
              id="category"
              name="category"
              label={t("forum.manage.category")}
              value={category.slug}
              options={props.categories.map((c) => ({ value: c.slug, text: name(c.name) }))}
            />
            <Button variant="secondary">{t("forum.manage.submit")}</Button>
          </Form>
        </section>
      )}
    </Layout>
  );
}

function Quote({ post }: { post: ShownPost }) {
  const { t } = usePage();
  if (post.presence !== "shown") return <p class="sh-quote">{t("forum.quotedHidden")}</p>;
  return (
    <blockquote class="sh-quote">
      <p class="sh-quote__who">
        {translateWith(t, "forum.quoted", {
          name: <UserText>{post.authorName ?? t("forum.deletedAccount")}</UserText>,
        })}
      </p>
      <MarkdownText source={post.body} />
    </blockquote>
  );
}
