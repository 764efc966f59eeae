import type { FieldErrors } from "../../../core/forms.js";
import { formatDateTime } from "../../../core/i18n/format.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Pagination } from "../../../core/views/components/pagination/pagination.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { FlagLink, HeldNotice, Tombstone } from "../../moderation/views/markers.js";
import type { CommentField } from "../commands/comments.js";
import type { CommentSort, CommentThread, CommentView } from "../comment-queries.js";
import { LIMITS, MAX_DEPTH } from "../fields.js";
import type { ParticipationRefusal } from "../policy.js";

/** What the viewer may do with the comments shown, computed once by the route. */
export interface CommentAbilities {
  /** null: they may comment, support and reply now; otherwise why not. */
  refusal: ParticipationRefusal | null;
  /** Signed-in people may report a comment to the moderators. */
  signedIn: boolean;
}

const ALIGNMENT_TONES = { for: "success", against: "danger", neutral: "neutral" } as const;

function CommentBody({ comment }: { comment: CommentView }) {
  const { t } = usePage();
  if (comment.status === "removed")
    return <p class="sh-comment__tombstone">{t("consultations.comments.tombstone.removed")}</p>;
  if (comment.moderationState === "hidden") return <Tombstone reason={comment.moderationReason} />;
  return (
    <>
      {comment.moderationState === "held" && <HeldNotice />}
      <p class="sh-body-text sh-preserve-lines sh-comment__text" dir="auto">
        {comment.body}
      </p>
    </>
  );
}

/** One comment or reply: author, date, alignment, official mark, text, supports, and reply link. */
export function CommentItem({
  consultationId,
  comment,
  abilities,
  back,
}: {
  consultationId: string;
  comment: CommentView;
  abilities: CommentAbilities;
  /** Locale-relative page to come back to after supporting. */
  back: string;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const visible = comment.status === "visible" && comment.moderationState === "visible";
  return (
    <article
      id={`comment-${comment.id}`}
      class={comment.official ? "sh-comment sh-comment--official" : "sh-comment"}
      aria-labelledby={`comment-${comment.id}-by`}
    >
      <header class="sh-comment__meta">
        <span id={`comment-${comment.id}-by`} class="sh-comment__author" dir="auto">
          {comment.authorName || t("consultations.comments.deletedAccount")}
        </span>{" "}
        <time class="sh-comment__date" dateTime={comment.createdAt.toISOString()}>
          {formatDateTime(comment.createdAt, locale)}
        </time>
        {comment.official && (
          <>
            {" "}
            <StatusTag tone="info">{t("consultations.comments.official")}</StatusTag>
          </>
        )}
        {comment.alignment && visible && (
          <>
            {" "}
            <StatusTag tone={ALIGNMENT_TONES[comment.alignment]}>
              {t(`consultations.alignment.${comment.alignment}`)}
            </StatusTag>
          </>
        )}
      </header>
      <CommentBody comment={comment} />
      {visible && (
        <div class="sh-comment__actions">
          {abilities.refusal === null ? (
            <Form
              action={`/consultations/${consultationId}/comments/${comment.id}/support`}
              class="sh-inline-form"
            >
              <input type="hidden" name="back" value={back} />
              <Button variant="secondary">
                {t(
                  comment.supportedByMe
                    ? "consultations.comments.unsupport"
                    : "consultations.comments.support",
                  {
                    count: comment.supportCount,
                  },
                )}
              </Button>
            </Form>
          ) : (
            <span class="sh-caption">
              {t("consultations.comments.supports", { count: comment.supportCount })}
            </span>
          )}
          {abilities.refusal === null && comment.depth < MAX_DEPTH && (
            <a class="sh-link" href={href(`/consultations/${consultationId}/comments/${comment.id}#reply`)}>
              {t("consultations.comments.reply")}
            </a>
          )}
          {abilities.signedIn && <FlagLink kind="consultation_comment" id={comment.id} />}
        </div>
      )}
    </article>
  );
}

/** A comment with the replies shown under it, indented by depth. */
export function ThreadItem({
  consultationId,
  thread,
  abilities,
  back,
  all,
}: {
  consultationId: string;
  thread: CommentThread;
  abilities: CommentAbilities;
  back: string;
  /** The thread's own page: every reply is shown, and no "see all" link. */
  all?: boolean;
}) {
  const { t } = usePage();
  const href = useHref();
  return (
    <li class="sh-thread">
      <CommentItem consultationId={consultationId} comment={thread} abilities={abilities} back={back} />
      {thread.replies.length > 0 && (
        <ol class="sh-thread__replies" aria-label={t("consultations.comments.repliesLabel")}>
          {thread.replies.map((r) => (
            <li key={r.id} class={`sh-thread__reply sh-thread__reply--${Math.min(r.depth, MAX_DEPTH)}`}>
              <CommentItem consultationId={consultationId} comment={r} abilities={abilities} back={back} />
            </li>
          ))}
        </ol>
      )}
      {!all && thread.replyCount > thread.replies.length && (
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/consultations/${consultationId}/comments/${thread.id}`)}>
            {t("consultations.comments.allReplies", { count: thread.replyCount })}
          </a>
        </p>
      )}
    </li>
  );
}

/** A page of comments with its sort links and pagination. */
export function CommentList({
  consultationId,
  threads,
  total,
  page,
  totalPages,
  sort,
  abilities,
  back,
  headingId,
}: {
  consultationId: string;
  threads: CommentThread[];
  total: number;
  page: number;
  totalPages: number;
  sort: CommentSort;
  abilities: CommentAbilities;
  back: string;
  headingId: string;
}) {
  const { t, locale, path } = usePage();
  const sortHref = (s: CommentSort) => `/${locale}${path}?sort=${s}#${headingId}`;
  return (
    <div class="sh-comments">
      <p class="sh-body-text">
        {t("consultations.comments.count", { count: total })}
        {total > 1 && (
          <>
            {" · "}
            {(["recent", "supported"] as const).map((s, i) => (
              <span key={s}>
                {i > 0 && " · "}
                {s === sort ? (
                  <strong aria-current="true">{t(`consultations.comments.sort.${s}`)}</strong>
                ) : (
                  <a class="sh-link" href={sortHref(s)}>
                    {t(`consultations.comments.sort.${s}`)}
                  </a>
                )}
              </span>
            ))}
          </>
        )}
      </p>
      {threads.length > 0 && (
        <ol class="sh-thread-list">
          {threads.map((thread) => (
            <ThreadItem
              key={thread.id}
              consultationId={consultationId}
              thread={thread}
              abilities={abilities}
              back={back}
            />
          ))}
        </ol>
      )}
      <Pagination page={page} totalPages={totalPages} label={t("consultations.comments.pagination")} />
    </div>
  );
}

/** Why the viewer cannot take part now, said plainly (with a way to sign in when that is why). */
export function RefusalNote({ refusal }: { refusal: ParticipationRefusal }) {
  const { t, locale, path } = usePage();
  if (refusal === "signIn")
    return (
      <p class="sh-inset">
        <a class="sh-link" href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`}>
          {t("consultations.participate.signIn")}
        </a>
      </p>
    );
  return <p class="sh-inset">{t(`consultations.participate.${refusal}`)}</p>;
}

/** A new comment on a section or the whole text (with an alignment), or a reply (without). */
export function CommentForm({
  consultationId,
  sectionId,
  parentId,
  values = {},
  errors,
  idPrefix = "comment",
  passage,
}: {
  consultationId: string;
  sectionId?: string;
  parentId?: string;
  /** A comment on a paragraph of the section (its index and the language shown): no alignment asked. */
  passage?: { paragraph: number; lang: string; start?: number; end?: number; quote?: string };
  values?: Record<string, string>;
  errors?: FieldErrors<CommentField>;
  idPrefix?: string;
}) {
  const { t } = usePage();
  const ids = { body: `${idPrefix}-body`, alignment: `${idPrefix}-alignment` };
  const { message } = useFieldErrors(errors, {
    body: ids.body,
    alignment: ids.alignment,
    sectionId: ids.body,
    parentId: ids.body,
    paragraph: ids.body,
  });
  return (
    <Form action={`/consultations/${consultationId}/comments`}>
      {sectionId && <input type="hidden" name="sectionId" value={sectionId} />}
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {passage && <input type="hidden" name="paragraph" value={String(passage.paragraph)} />}
      {passage && <input type="hidden" name="lang" value={passage.lang} />}
      {passage?.quote !== undefined && (
        <>
          <input type="hidden" name="start" value={String(passage.start)} />
          <input type="hidden" name="end" value={String(passage.end)} />
          <input type="hidden" name="quote" value={passage.quote} />
        </>
      )}
      {!parentId && !passage && (
        <Radios
          id={ids.alignment}
          name="alignment"
          label={t("consultations.comments.alignmentLabel")}
          inline
          value={values.alignment}
          error={message("alignment")}
          items={(["for", "against", "neutral"] as const).map((a) => ({
            value: a,
            label: t(`consultations.alignment.${a}`),
          }))}
        />
      )}
      <Textarea
        id={ids.body}
        name="body"
        label={parentId ? t("consultations.comments.replyLabel") : t("consultations.comments.bodyLabel")}
        hint={t("consultations.comments.bodyHint")}
        value={values.body}
        error={message("body") ?? message("parentId") ?? message("sectionId")}
        maxLength={LIMITS.comment}
        rows={4}
      />
      <Button>{parentId ? t("consultations.comments.sendReply") : t("consultations.comments.send")}</Button>
    </Form>
  );
}
