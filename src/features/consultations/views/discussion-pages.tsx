import type { ComponentChildren } from "preact";
import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { Problem } from "../../../core/views/problem.js";
import type { CommentField } from "../commands/comments.js";
import type { CommentSort, CommentThread } from "../comment-queries.js";
import { MAX_DEPTH } from "../fields.js";
import type { ParticipationRefusal } from "../policy.js";
import type { ConsultationView, Section } from "../queries.js";
import { type CommentAbilities, CommentForm, RefusalNote, ThreadItem } from "./comments.js";
import { CommentsSection } from "./comments-section.js";
import { LocalizedBlock, PhaseTag, useSectionTitle } from "./parts.js";

interface FormState {
  refusal?: ParticipationRefusal;
  errors?: FieldErrors<CommentField>;
  values?: Record<string, string>;
}

function Crumbs({ c, current }: { c: ConsultationView; current: string }) {
  const { t, locale } = usePage();
  const href = useHref();
  return (
    <Breadcrumbs
      items={[
        { text: t("consultations.breadcrumbs.home"), href: href("/") },
        { text: t("consultations.list.title"), href: href("/consultations") },
        { text: pickLocalized(c.title, locale).text, href: href(`/consultations/${c.id}`) },
        { text: current },
      ]}
    />
  );
}

/** One section of the draft text, with the comments on it and the form to add one. */
export function SectionPage(
  props: FormState & {
    c: ConsultationView;
    section: Section;
    index: number;
    previous: Section | null;
    next: Section | null;
    comments: { threads: CommentThread[]; total: number; page: number; totalPages: number };
    sort: CommentSort;
    abilities: CommentAbilities;
    /** The section's text, paragraph by paragraph, with its passage comments (drafting/views.tsx). */
    text?: ComponentChildren;
  },
) {
  const { c, section, index } = props;
  const { t } = usePage();
  const href = useHref();
  const sectionTitle = useSectionTitle();
  const title = sectionTitle(section, index);
  const base = `/consultations/${c.id}/sections/${section.id}`;
  return (
    <Layout title={title}>
      <Crumbs c={c} current={title} />
      {props.refusal && <Problem id="refusal" title={t(`consultations.participate.${props.refusal}`)} />}
      <p class="sh-caption">
        <Localized text={c.title} /> <PhaseTag consultation={c} />
      </p>
      <h1 class="sh-heading-xl">{title}</h1>
      {props.text ?? <LocalizedBlock text={section.body} />}
      <p class="sh-section-links">
        <a class="sh-link" href={href(`/consultations/${c.id}/amendments`)}>
          {t("consultations.drafting.amendment.all")}
        </a>{" "}
        ·{" "}
        <a class="sh-link" href={href(`/consultations/${c.id}/versions`)}>
          {t("consultations.drafting.versions.title")}
        </a>
      </p>
      <nav class="sh-section-nav" aria-label={t("consultations.section.navLabel")}>
        {props.previous && (
          <a class="sh-link" href={href(`/consultations/${c.id}/sections/${props.previous.id}`)} rel="prev">
            {t("consultations.section.previous")}
          </a>
        )}
        {props.next && (
          <a class="sh-link" href={href(`/consultations/${c.id}/sections/${props.next.id}`)} rel="next">
            {t("consultations.section.next")}
          </a>
        )}
      </nav>
      <CommentsSection
        consultationId={c.id}
        sectionId={section.id}
        heading={t("consultations.section.comments")}
        formHeading={t("consultations.comments.newSection")}
        back={base}
        page={props}
      />
    </Layout>
  );
}

/** A comment with every reply, and the form to reply to it or to one of its replies. */
export function ThreadPage(
  props: FormState & {
    c: ConsultationView;
    section: { section: Section; index: number } | null;
    thread: CommentThread;
    /** The comment being answered: the thread's comment, or one of its replies. */
    replyTo: string;
    abilities: CommentAbilities;
  },
) {
  const { c, thread, abilities } = props;
  const { t } = usePage();
  const href = useHref();
  const sectionTitle = useSectionTitle();
  const target = [thread, ...thread.replies].find((x) => x.id === props.replyTo) ?? thread;
  const about = props.section
    ? sectionTitle(props.section.section, props.section.index)
    : t("consultations.thread.wholeText");
  return (
    <Layout title={t("consultations.thread.title")}>
      <Crumbs c={c} current={t("consultations.thread.title")} />
      {props.refusal && <Problem id="refusal" title={t(`consultations.participate.${props.refusal}`)} />}
      <h1 class="sh-heading-xl">{t("consultations.thread.title")}</h1>
      <p class="sh-body-text">
        {t("consultations.thread.about")}{" "}
        <a
          class="sh-link"
          href={href(
            props.section
              ? `/consultations/${c.id}/sections/${props.section.section.id}`
              : `/consultations/${c.id}`,
          )}
        >
          {about}
        </a>
      </p>
      <ol class="sh-thread-list">
        <ThreadItem
          consultationId={c.id}
          thread={thread}
          abilities={abilities}
          back={`/consultations/${c.id}/comments/${thread.id}`}
          all
        />
      </ol>
      <section aria-labelledby="reply">
        <h2 id="reply" class="sh-heading-l">
          {t("consultations.thread.replyTitle")}
        </h2>
        {abilities.refusal !== null ? (
          <RefusalNote refusal={abilities.refusal} />
        ) : target.depth >= MAX_DEPTH || target.status !== "visible" ? (
          <p class="sh-inset">{t("consultations.thread.cannotReply")}</p>
        ) : (
          <>
            {target.id !== thread.id && (
              <p class="sh-body-text">
                {t("consultations.thread.replyingTo", {
                  name: target.authorName || t("consultations.comments.deletedAccount"),
                })}
              </p>
            )}
            <CommentForm
              consultationId={c.id}
              parentId={target.id}
              values={props.values}
              errors={props.errors}
              idPrefix="reply"
            />
          </>
        )}
      </section>
    </Layout>
  );
}
