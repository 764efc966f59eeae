import type { VNode } from "preact";
import type { FieldErrors } from "../../../core/forms.js";
import { formatDate, formatDateTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { UserText } from "../../../core/views/components/user-text/user-text.js";
import { translateWith } from "../../../core/views/components/util.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { usePlainName } from "../../../core/views/localized-text.js";
import type { Presence } from "../../moderation/policy.js";
import { FlagLink, HeldNotice, Tombstone } from "../../moderation/views/markers.js";
import type { StatusField } from "../commands/idea-actions.js";
import type { IdeaComment, IdeaDetail, IdeaEvent } from "../queries.js";
import { IDEA_STATUSES, LIMITS } from "../rules.js";
import { IdeaStatusTag } from "./parts.js";

export interface IdeaPageProps {
  /** What other features show about it (the results it gave), before its history. */
  panels?: VNode[];
  /** What other features offer this staff member on the idea (make a result of it). */
  actions?: VNode[];
  detail: IdeaDetail;
  presence: Presence;
  events: IdeaEvent[];
  comments: Array<IdeaComment & { presence: Presence }>;
  threshold: { supports: number; answerDays: number };
  viewer: { signedIn: boolean; supported: boolean; following: boolean; canAnswer: boolean; own: boolean };
  commentErrors?: FieldErrors<"body">;
  commentValue?: string;
  statusErrors?: FieldErrors<StatusField>;
  statusValues?: Record<string, string>;
}

export function IdeaPage(props: IdeaPageProps) {
  const { detail, presence, viewer, threshold } = props;
  const { idea } = detail;
  const { t, locale } = usePage();
  const href = useHref();
  const name = usePlainName();
  const base = `/ideas/${idea.id}`;
  const comment = useFieldErrors(props.commentErrors, { body: "comment" });
  const status = useFieldErrors(props.statusErrors, { status: "status", body: "answer" });
  // Removed by its author (who deleted their account): no text of theirs, but others' contributions stay.
  const removed = idea.removedAt !== null;
  if (presence === "tombstone" && !removed) {
    return (
      <Layout title={t("ideas.hidden")}>
        <p>
          <a href={href("/ideas")}>{t("ideas.back")}</a>
        </p>
        <h1 class="sh-heading-xl">{t("ideas.hidden")}</h1>
        <Tombstone reason={idea.moderationReason} />
      </Layout>
    );
  }
  const open = idea.status === "under_review";
  return (
    <Layout title={removed ? t("ideas.removed.title") : idea.title}>
      <comment.Summary />
      <status.Summary />
      <p>
        <a href={href("/ideas")}>{t("ideas.back")}</a>
      </p>
      <article class="sh-idea">
        <UserText as="h1" class="sh-heading-xl">
          {removed ? t("ideas.removed.title") : idea.title}
        </UserText>
        {presence === "held" && <HeldNotice />}
        <p class="sh-idea__meta">
          <IdeaStatusTag status={idea.status} />{" "}
          {[
            name(detail.structureName) || name(detail.themeName),
            name(detail.areaName),
            translateWith(t, "ideas.by", {
              name: <UserText>{detail.authorName ?? t("ideas.deletedAccount")}</UserText>,
            }),
            formatDate(idea.createdAt, locale),
          ]
            .filter(Boolean)
            .map((part, i) => [i > 0 && " · ", part])}
        </p>
        {idea.imageKey && (
          <img class="sh-idea__image" src={href(`${base}/image`)} alt={t("ideas.imageAlt")} loading="lazy" />
        )}
        {removed ? (
          <p class="sh-tombstone" role="note">
            {t("ideas.removed.notice")}
          </p>
        ) : (
          <UserText as="p" class="sh-prewrap">
            {idea.description}
          </UserText>
        )}
      </article>

      <section class="sh-idea__supports" aria-labelledby="supports-heading">
        <h2 id="supports-heading" class="sh-heading-m">
          {t("ideas.supports.count", { count: idea.supportCount })}
        </h2>
        <p>
          {idea.answeredAt
            ? t("ideas.supports.answered", { date: formatDate(idea.answeredAt, locale) })
            : idea.thresholdReachedAt
              ? t("ideas.supports.answerDue", { date: formatDate(idea.answerDueAt!, locale) })
              : t("ideas.supports.threshold", { count: threshold.supports, days: threshold.answerDays })}
        </p>
        <meter
          class="sh-meter"
          min={0}
          max={threshold.supports}
          value={Math.min(idea.supportCount, threshold.supports)}
          aria-label={t("ideas.supports.progress")}
        />
        {presence === "shown" &&
          (viewer.signedIn ? (
            <div class="sh-button-group">
              {!viewer.own && (
                <Form action={`${base}/support`}>
                  <input type="hidden" name="support" value={viewer.supported ? "0" : "1"} />
                  <Button variant={viewer.supported ? "secondary" : "primary"}>
                    {viewer.supported ? t("ideas.supports.withdraw") : t("ideas.supports.add")}
                  </Button>
                </Form>
              )}
              <Form action={`${base}/follow`}>
                <input type="hidden" name="follow" value={viewer.following ? "0" : "1"} />
                <Button variant="secondary">
                  {viewer.following ? t("ideas.follow.stop") : t("ideas.follow.start")}
                </Button>
              </Form>
            </div>
          ) : (
            <p>
              <a href={href(`/sign-in?next=${encodeURIComponent(`/${locale}${base}`)}`)}>
                {t("ideas.signInToSupport")}
              </a>
            </p>
          ))}
      </section>

      {props.panels}
      {props.actions}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" class="sh-heading-m">
          {t("ideas.history.title")}
        </h2>
        <ol class="sh-timeline">
          {props.events.map((e, i) => (
            <li key={i} class="sh-timeline__item">
              <p class="sh-timeline__title">
                {e.kind === "status"
                  ? t(`ideas.history.status`, { status: t(`ideas.status.${e.status}`) })
                  : t(`ideas.history.${e.kind}`)}
              </p>
              <p class="sh-timeline__date">{formatDateTime(e.createdAt, locale)}</p>
              {e.body && (
                <div class="sh-official">
                  <p class="sh-official__label">{t("ideas.history.official")}</p>
                  <UserText as="p" class="sh-prewrap">
                    {e.body}
                  </UserText>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      {viewer.canAnswer && (
        <section aria-labelledby="answer-heading" class="sh-panel">
          <h2 id="answer-heading" class="sh-heading-m">
            {open ? t("ideas.answer.title") : t("ideas.answer.update")}
          </h2>
          <Form action={`${base}/status`}>
            <Radios
              id="status"
              name="status"
              label={t("ideas.answer.status")}
              value={props.statusValues?.status}
              error={status.message("status")}
              items={IDEA_STATUSES.filter((s) => s !== idea.status).map((s) => ({
                value: s,
                label: t(`ideas.status.${s}`),
              }))}
            />
            <Textarea
              id="answer"
              name="body"
              label={t("ideas.answer.body")}
              hint={t("ideas.answer.bodyHint")}
              value={props.statusValues?.body}
              error={status.message("body")}
              rows={5}
              maxLength={LIMITS.answer}
            />
            <Button>{t("ideas.answer.submit")}</Button>
          </Form>
        </section>
      )}

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading" class="sh-heading-m">
          {t("ideas.comments.title", { count: props.comments.filter((c) => c.presence === "shown").length })}
        </h2>
        <ol class="sh-comments">
          {props.comments
            .filter((c) => c.presence !== "absent")
            .map((c) => (
              <li key={c.id} id={`comment-${c.id}`} class="sh-comment">
                {c.presence === "tombstone" ? (
                  <Tombstone reason={c.reason} />
                ) : (
                  <>
                    <p class="sh-comment__meta">
                      <UserText>{c.authorName ?? t("ideas.deletedAccount")}</UserText> ·{" "}
                      {formatDateTime(c.createdAt, locale)}
                    </p>
                    {c.presence === "held" && <HeldNotice />}
                    <UserText as="p" class="sh-prewrap">
                      {c.body}
                    </UserText>
                    {viewer.signedIn && c.presence === "shown" && <FlagLink kind="idea_comment" id={c.id} />}
                  </>
                )}
              </li>
            ))}
        </ol>
        {presence === "shown" && viewer.signedIn && (
          <Form action={`${base}/comments`}>
            <Textarea
              id="comment"
              name="body"
              label={t("ideas.comments.add")}
              value={props.commentValue}
              error={comment.message("body")}
              rows={4}
              maxLength={LIMITS.comment.max}
            />
            <Button>{t("ideas.comments.submit")}</Button>
          </Form>
        )}
      </section>
      {viewer.signedIn && presence === "shown" && !viewer.own && (
        <p>
          <FlagLink kind="idea" id={idea.id} label={t("ideas.flag")} />
        </p>
      )}
    </Layout>
  );
}
