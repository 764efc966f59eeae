import type { FieldErrors } from "../../../core/forms.js";
import { formatDate } from "../../../core/i18n/format.js";
import { dirOf, isLocale, pickLocalized } from "../../../core/i18n/localized.js";
import { Button } from "../../../core/views/components/button/button.js";
import { Radios } from "../../../core/views/components/radios/radios.js";
import { StatusTag } from "../../../core/views/components/status-tag/status-tag.js";
import { Textarea } from "../../../core/views/components/textarea/textarea.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form, useFieldErrors } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { FlagLink } from "../../moderation/views/markers.js";
import type { CommentField } from "../commands/comments.js";
import type { ParticipationRefusal } from "../policy.js";
import type { ConsultationView, Section } from "../queries.js";
import { CommentForm, RefusalNote } from "../views/comments.js";
import { useSectionTitle } from "../views/parts.js";
import { AMENDMENT_LIMITS, type AmendmentField, type DecisionField } from "./amendments.js";
import { joinParagraphs, splitParagraphs } from "./anchor.js";
import { type DiffSegment, diffText } from "./diff.js";
import type { Amendment, PassageComment } from "./queries.js";
import type { VersionSection } from "./tables.js";

const STATUS_TONES = {
  proposed: "new",
  accepted: "success",
  accepted_with_changes: "success",
  rejected: "danger",
} as const;

/** A word-level comparison: what was removed in <del>, what was added in <ins>, in the text's language and direction. */
export function DiffView({ segments, lang }: { segments: DiffSegment[]; lang: string }) {
  const { t } = usePage();
  return (
    <p class="sh-diff sh-body-text sh-preserve-lines" lang={lang} dir={isLocale(lang) ? dirOf(lang) : "auto"}>
      {segments.map((s, i) =>
        s.kind === "same" ? (
          s.text
        ) : s.kind === "del" ? (
          <del key={i} class="sh-diff__del" title={t("consultations.drafting.diff.removed")}>
            {s.text}
          </del>
        ) : (
          <ins key={i} class="sh-diff__ins" title={t("consultations.drafting.diff.added")}>
            {s.text}
          </ins>
        ),
      )}
    </p>
  );
}

/** Highlighted stretches of a paragraph: where passage comments point, with how many overlap. */
function highlights(length: number, ranges: Array<{ start: number; end: number }>) {
  const marks: Array<{ start: number; end: number; count: number }> = [];
  const cuts = [...new Set([0, length, ...ranges.flatMap((r) => [r.start, r.end])])]
    .filter((x) => x >= 0 && x <= length)
    .sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const count = ranges.filter((r) => r.start <= start && r.end >= end).length;
    const last = marks.at(-1);
    if (last && last.end === start && last.count === count) last.end = end;
    else marks.push({ start, end, count });
  }
  return marks;
}

/**
 * The section's text, paragraph by paragraph: passages people commented on are highlighted with
 * their comment count (a number CSS shows after the words: a long text may hold thousands of
 * highlights, so the worded count is said once per paragraph, under it); each paragraph links to
 * its page (comment on it, propose a new wording), which works without JavaScript. With it, selecting words offers to comment on just those.
 */
export function SectionText(props: {
  c: ConsultationView;
  section: Section;
  passages: Array<Pick<PassageComment, "anchor" | "now">>;
  amendmentCounts: Map<number, number>;
  canComment: boolean;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const shown = pickLocalized(props.section.body, locale);
  const paragraphs = splitParagraphs(shown.text);
  const base = `/consultations/${props.c.id}/sections/${props.section.id}`;
  const byParagraph = new Map<number, Array<Pick<PassageComment, "anchor" | "now">>>();
  for (const p of props.passages) {
    if (p.anchor.lang !== shown.lang || p.now.state === "changed") continue;
    const list = byParagraph.get(p.now.paragraph);
    if (list) list.push(p);
    else byParagraph.set(p.now.paragraph, [p]);
  }
  return (
    <div
      class="sh-passages"
      data-module="sh-passage-comments"
      data-base={href(base)}
      data-label={props.canComment ? t("consultations.drafting.passage.select") : undefined}
      lang={shown.lang}
      dir={dirOf(shown.lang)}
    >
      {paragraphs.map((text, n) => {
        const here = byParagraph.get(n) ?? [];
        const marks = highlights(
          text.length,
          here.map((p) => (p.now.state === "changed" ? { start: 0, end: 0 } : p.now)),
        );
        const amendments = props.amendmentCounts.get(n) ?? 0;
        return (
          <div key={n} class="sh-passage" id={`paragraph-${n}`}>
            <p class="sh-body-text sh-passage__text" data-paragraph={String(n)}>
              {marks.map((m) =>
                m.count > 0 ? (
                  <mark key={m.start} class="sh-passage__mark" data-count={String(m.count)}>
                    {text.slice(m.start, m.end)}
                  </mark>
                ) : (
                  text.slice(m.start, m.end)
                ),
              )}
            </p>
            <p class="sh-passage__actions sh-hint" lang={locale} dir={dirOf(locale)}>
              <a class="sh-link" href={href(`${base}/paragraphs/${n}`)}>
                {props.canComment
                  ? t("consultations.drafting.paragraph.commentOn")
                  : t("consultations.drafting.paragraph.open")}
              </a>
              {here.length > 0 && <> · {t("consultations.drafting.passage.count", { count: here.length })}</>}
              {amendments > 0 && <> · {t("consultations.drafting.amendment.count", { count: amendments })}</>}
            </p>
          </div>
        );
      })}
    </div>
  );
}

function PassageList({ passages }: { passages: PassageComment[] }) {
  const { t, locale } = usePage();
  if (passages.length === 0) return <p class="sh-hint">{t("consultations.drafting.passage.none")}</p>;
  return (
    <ul class="sh-list">
      {passages.map((p) => (
        <li key={p.id} id={`comment-${p.id}`} class="sh-comment">
          <blockquote
            class="sh-passage__quote"
            lang={p.anchor.lang}
            dir={isLocale(p.anchor.lang) ? dirOf(p.anchor.lang) : "auto"}
          >
            {p.anchor.quote}
          </blockquote>
          {p.now.state === "changed" && (
            <p class="sh-hint sh-passage__changed">
              {t("consultations.drafting.passage.changed", { version: p.anchor.version })}
            </p>
          )}
          <p class="sh-body-text sh-preserve-lines" dir="auto">
            {p.body}
          </p>
          <p class="sh-hint">
            {p.authorName || t("consultations.drafting.formerAccount")} · {formatDate(p.createdAt, locale)}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function AmendmentItem({ a, c }: { a: Amendment; c: { id: string } }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <li class="sh-amendment">
      <a class="sh-link" href={href(`/consultations/${c.id}/amendments/${a.id}`)}>
        {t("consultations.drafting.amendment.linkText", { paragraph: a.paragraph + 1 })}
      </a>{" "}
      <StatusTag tone={STATUS_TONES[a.status]}>{t(`consultations.drafting.status.${a.status}`)}</StatusTag>{" "}
      <span class="sh-hint">{t("consultations.drafting.amendment.supports", { count: a.supportCount })}</span>
      <DiffView segments={diffText(a.original, a.proposed)} lang={a.lang} />
    </li>
  );
}

export interface ParagraphState {
  refusal?: ParticipationRefusal;
  commentErrors?: FieldErrors<CommentField>;
  amendmentErrors?: FieldErrors<AmendmentField>;
  values?: Record<string, string>;
}

/** One paragraph: the comments on its passages, its amendments, and the forms to add either (no script needed). */
export function ParagraphPage(
  props: ParagraphState & {
    c: ConsultationView;
    section: Section;
    index: number;
    paragraph: number;
    text: string;
    lang: string;
    passages: PassageComment[];
    amendments: Amendment[];
    refusalNow: ParticipationRefusal | null;
    /** Words selected on the section page: the comment form anchors the comment to them. */
    selection?: { start: number; end: number; quote: string };
  },
) {
  const { t } = usePage();
  const href = useHref();
  const sectionTitle = useSectionTitle();
  const title = t("consultations.drafting.paragraph.title", {
    paragraph: props.paragraph + 1,
    article: sectionTitle(props.section, props.index),
  });
  const values = props.values ?? {};
  const ids = { proposed: "amendment-proposed", reason: "amendment-reason" };
  const { message } = useFieldErrors(props.amendmentErrors, { ...ids, paragraph: ids.proposed });
  const base = `/consultations/${props.c.id}/sections/${props.section.id}`;
  return (
    <Layout title={title}>
      <p class="sh-caption">
        <a class="sh-link" href={href(`${base}#paragraph-${props.paragraph}`)}>
          <Localized text={props.c.title} />
        </a>
      </p>
      <h1 class="sh-heading-l">{title}</h1>
      <blockquote
        class="sh-passage__quote sh-body-text"
        lang={props.lang}
        dir={isLocale(props.lang) ? dirOf(props.lang) : "auto"}
      >
        {props.text}
      </blockquote>
      <section aria-labelledby="passage-comments">
        <h2 id="passage-comments" class="sh-heading-m">
          {t("consultations.drafting.passage.title")}
        </h2>
        <PassageList passages={props.passages} />
        {props.refusalNow ? (
          <RefusalNote refusal={props.refusalNow} />
        ) : (
          <>
            <h3 class="sh-heading-s" id="passage-form">
              {props.selection
                ? t("consultations.drafting.passage.formSelected")
                : t("consultations.drafting.paragraph.commentForm")}
            </h3>
            {props.selection && (
              <>
                <p class="sh-hint">{t("consultations.drafting.passage.selected")}</p>
                <blockquote
                  class="sh-passage__quote sh-passage__quote--selected"
                  lang={props.lang}
                  dir={isLocale(props.lang) ? dirOf(props.lang) : "auto"}
                >
                  {props.selection.quote}
                </blockquote>
                <p>
                  <a class="sh-link" href={href(`${base}/paragraphs/${props.paragraph}#passage-form`)}>
                    {t("consultations.drafting.passage.whole")}
                  </a>
                </p>
              </>
            )}
            <CommentForm
              consultationId={props.c.id}
              sectionId={props.section.id}
              passage={{ paragraph: props.paragraph, lang: props.lang, ...props.selection }}
              values={props.commentErrors ? values : {}}
              errors={props.commentErrors}
              idPrefix="passage"
            />
          </>
        )}
      </section>
      <section aria-labelledby="amendments">
        <h2 id="amendments" class="sh-heading-m">
          {t("consultations.drafting.amendment.title")}
        </h2>
        {props.amendments.length === 0 ? (
          <p class="sh-hint">{t("consultations.drafting.amendment.none")}</p>
        ) : (
          <ul class="sh-list">
            {props.amendments.map((a) => (
              <AmendmentItem key={a.id} a={a} c={props.c} />
            ))}
          </ul>
        )}
        {!props.refusalNow && (
          <>
            <h3 class="sh-heading-s">{t("consultations.drafting.amendment.formTitle")}</h3>
            <Form action={`${base}/amendments`}>
              <input type="hidden" name="paragraph" value={String(props.paragraph)} />
              <input type="hidden" name="lang" value={props.lang} />
              <Textarea
                id={ids.proposed}
                name="proposed"
                label={t("consultations.drafting.amendment.proposedLabel")}
                hint={t("consultations.drafting.amendment.proposedHint")}
                value={values.proposed ?? (props.amendmentErrors ? "" : props.text)}
                error={message("proposed") ?? message("paragraph")}
                maxLength={AMENDMENT_LIMITS.text}
                rows={5}
              />
              <Textarea
                id={ids.reason}
                name="reason"
                label={t("consultations.drafting.amendment.reasonLabel")}
                value={values.reason}
                error={message("reason")}
                maxLength={AMENDMENT_LIMITS.reason}
                rows={3}
              />
              <Button>{t("consultations.drafting.amendment.send")}</Button>
            </Form>
          </>
        )}
      </section>
    </Layout>
  );
}

/** An amendment: the change it proposes as a diff, its reason, supports, and the drafting team's decision. */
export function AmendmentPage(props: {
  c: ConsultationView;
  a: Amendment & { supportedByMe: boolean };
  sectionTitle: string;
  refusal: ParticipationRefusal | null;
  canDecide: boolean;
  signedIn: boolean;
  errors?: FieldErrors<DecisionField>;
  values?: Record<string, string>;
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const { a, c } = props;
  const title = t("consultations.drafting.amendment.pageTitle", {
    paragraph: a.paragraph + 1,
    article: props.sectionTitle,
  });
  const ids = { decision: "decision", acceptedText: "decision-text", decisionReason: "decision-reason" };
  const { message } = useFieldErrors(props.errors, ids);
  const values = props.values ?? {};
  return (
    <Layout title={title}>
      <p class="sh-caption">
        <a class="sh-link" href={href(`/consultations/${c.id}/amendments`)}>
          {t("consultations.drafting.amendment.all")}
        </a>
      </p>
      <h1 class="sh-heading-l">{title}</h1>
      <p>
        <StatusTag tone={STATUS_TONES[a.status]}>{t(`consultations.drafting.status.${a.status}`)}</StatusTag>{" "}
        <span class="sh-hint">
          {a.authorName || t("consultations.drafting.formerAccount")} · {formatDate(a.createdAt, locale)} ·{" "}
          {t("consultations.drafting.amendment.supports", { count: a.supportCount })}
        </span>
      </p>
      <h2 class="sh-heading-m">{t("consultations.drafting.amendment.change")}</h2>
      <DiffView segments={diffText(a.original, a.proposed)} lang={a.lang} />
      <h2 class="sh-heading-m">{t("consultations.drafting.amendment.reasonLabel")}</h2>
      <p class="sh-body-text sh-preserve-lines" dir="auto">
        {a.reason}
      </p>
      {a.status !== "proposed" && (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title" class="sh-heading-m">
            {t("consultations.drafting.decision.title")}
          </h2>
          {a.status === "accepted_with_changes" && a.acceptedText && (
            <DiffView segments={diffText(a.original, a.acceptedText)} lang={a.lang} />
          )}
          {a.decisionReason && (
            <p class="sh-body-text sh-preserve-lines" dir="auto">
              {a.decisionReason}
            </p>
          )}
          {a.appliedVersion !== null && (
            <p>
              <a
                class="sh-link"
                href={href(
                  `/consultations/${c.id}/versions/compare?from=${a.baseVersion}&to=${a.appliedVersion}`,
                )}
              >
                {t("consultations.drafting.amendment.inVersion", { version: a.appliedVersion })}
              </a>
            </p>
          )}
        </section>
      )}
      <p>
        <a
          class="sh-link"
          href={href(`/consultations/${c.id}/sections/${a.sectionId}/paragraphs/${a.paragraph}`)}
        >
          {t("consultations.drafting.amendment.discuss")}
        </a>
      </p>
      {a.status === "proposed" &&
        (props.refusal ? (
          <RefusalNote refusal={props.refusal} />
        ) : (
          <Form action={`/consultations/${c.id}/amendments/${a.id}/support`}>
            <Button variant="secondary">
              {a.supportedByMe
                ? t("consultations.drafting.amendment.unsupport")
                : t("consultations.drafting.amendment.support")}
            </Button>
          </Form>
        ))}
      {props.signedIn && <FlagLink kind="consultation_amendment" id={a.id} />}
      {props.canDecide && a.status === "proposed" && (
        <section aria-labelledby="decide-title">
          <h2 id="decide-title" class="sh-heading-m">
            {t("consultations.drafting.decision.formTitle")}
          </h2>
          <Form action={`/consultations/${c.id}/amendments/${a.id}/decision`}>
            <Radios
              id={ids.decision}
              name="decision"
              label={t("consultations.drafting.decision.label")}
              value={values.decision}
              error={message("decision")}
              items={(["accept", "acceptWithChanges", "reject"] as const).map((d) => ({
                value: d,
                label: t(`consultations.drafting.decision.${d}`),
              }))}
            />
            <Textarea
              id={ids.acceptedText}
              name="acceptedText"
              label={t("consultations.drafting.decision.acceptedTextLabel")}
              hint={t("consultations.drafting.decision.acceptedTextHint")}
              value={values.acceptedText ?? a.proposed}
              error={message("acceptedText")}
              maxLength={AMENDMENT_LIMITS.text}
              rows={5}
            />
            <Textarea
              id={ids.decisionReason}
              name="decisionReason"
              label={t("consultations.drafting.decision.reasonLabel")}
              hint={t("consultations.drafting.decision.reasonHint")}
              value={values.decisionReason}
              error={message("decisionReason")}
              maxLength={AMENDMENT_LIMITS.reason}
              rows={3}
            />
            <Button>{t("consultations.drafting.decision.send")}</Button>
          </Form>
        </section>
      )}
    </Layout>
  );
}

/** Every amendment of the consultation that everyone may see, section by section. */
export function AmendmentsPage(props: { c: ConsultationView; sections: Section[]; amendments: Amendment[] }) {
  const { t } = usePage();
  const sectionTitle = useSectionTitle();
  return (
    <Layout title={t("consultations.drafting.amendment.all")}>
      <p class="sh-caption">
        <Localized text={props.c.title} />
      </p>
      <h1 class="sh-heading-l">{t("consultations.drafting.amendment.all")}</h1>
      {props.amendments.length === 0 && <p class="sh-hint">{t("consultations.drafting.amendment.none")}</p>}
      {props.sections.map((s, i) => {
        const here = props.amendments.filter((a) => a.sectionId === s.id);
        if (here.length === 0) return null;
        return (
          <section key={s.id}>
            <h2 class="sh-heading-m">{sectionTitle(s, i)}</h2>
            <ul class="sh-list">
              {here.map((a) => (
                <AmendmentItem key={a.id} a={a} c={props.c} />
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

/** Two versions of the text compared section by section, and (for the drafting team) the form to publish the next. */
export function VersionsPage(props: {
  c: ConsultationView;
  versions: Array<{ number: number; publishedAt: Date }>;
  compare: { from: number; to: number; before: VersionSection[]; after: VersionSection[] } | null;
  canPublish: boolean;
  pendingCount: number;
  /** Amendments applied in the versions compared. */
  applied?: Amendment[];
}) {
  const { t, locale } = usePage();
  const href = useHref();
  const numbers = props.versions.length > 0 ? props.versions.map((v) => v.number) : [1];
  const sectionTitle = useSectionTitle();
  return (
    <Layout title={t("consultations.drafting.versions.title")}>
      <p class="sh-caption">
        <a class="sh-link" href={href(`/consultations/${props.c.id}`)}>
          <Localized text={props.c.title} />
        </a>
      </p>
      <h1 class="sh-heading-l">{t("consultations.drafting.versions.title")}</h1>
      <ul class="sh-list">
        {props.versions.map((v) => (
          <li key={v.number}>
            {t("consultations.drafting.versions.item", {
              version: v.number,
              date: formatDate(v.publishedAt, locale),
            })}
          </li>
        ))}
      </ul>
      {numbers.length > 1 && (
        <form
          method="get"
          action={href(`/consultations/${props.c.id}/versions/compare`)}
          class="sh-versions__compare"
        >
          <label class="sh-label" for="from">
            {t("consultations.drafting.versions.from")}
          </label>
          <select class="sh-select" id="from" name="from">
            {numbers.map((n) => (
              <option key={n} value={String(n)} selected={n === (props.compare?.from ?? numbers.at(-2))}>
                {n}
              </option>
            ))}
          </select>
          <label class="sh-label" for="to">
            {t("consultations.drafting.versions.to")}
          </label>
          <select class="sh-select" id="to" name="to">
            {numbers.map((n) => (
              <option key={n} value={String(n)} selected={n === (props.compare?.to ?? numbers.at(-1))}>
                {n}
              </option>
            ))}
          </select>
          <Button variant="secondary">{t("consultations.drafting.versions.compare")}</Button>
        </form>
      )}
      {props.compare && (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title" class="sh-heading-m">
            {t("consultations.drafting.versions.diffTitle", {
              from: props.compare.from,
              to: props.compare.to,
            })}
          </h2>
          {props.compare.after.map((s, i) => {
            const before = props.compare!.before.find((b) => b.sectionId === s.sectionId);
            const now = pickLocalized(s.body, locale);
            // Paragraphs compared as paragraphs: how they were separated (one line break or two) is no change.
            const tidy = (text: string) => joinParagraphs(splitParagraphs(text));
            const segments = diffText(tidy(before?.body[now.lang] ?? ""), tidy(now.text));
            const same = segments.every((x) => x.kind === "same");
            return (
              <section key={s.sectionId}>
                <h3 class="sh-heading-s">
                  {sectionTitle({ title: s.title, position: s.position } as Section, i)}
                </h3>
                {same ? (
                  <p class="sh-hint">{t("consultations.drafting.versions.unchanged")}</p>
                ) : (
                  <DiffView segments={segments} lang={now.lang} />
                )}
                <AppliedAmendments
                  c={props.c}
                  amendments={(props.applied ?? []).filter((a) => a.sectionId === s.sectionId)}
                />
              </section>
            );
          })}
        </section>
      )}
      {props.canPublish && (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title" class="sh-heading-m">
            {t("consultations.drafting.versions.publishTitle")}
          </h2>
          <p class="sh-hint">{t("consultations.drafting.versions.pending", { count: props.pendingCount })}</p>
          <Form action={`/consultations/${props.c.id}/versions`}>
            <Textarea
              id="version-note"
              name="note"
              label={t("consultations.drafting.versions.noteLabel")}
              rows={3}
              maxLength={2000}
            />
            <Button>{t("consultations.drafting.versions.publish")}</Button>
          </Form>
        </section>
      )}
    </Layout>
  );
}

/** "What we did": each change the amendments made to the text, with a link to the amendment behind it. */
export function AppliedAmendments({ c, amendments }: { c: { id: string }; amendments: Amendment[] }) {
  const { t } = usePage();
  const href = useHref();
  if (amendments.length === 0) return null;
  return (
    <ul class="sh-list sh-applied-amendments" aria-label={t("consultations.drafting.whatWeDid.title")}>
      {amendments.map((a) => (
        <li key={a.id}>
          <a class="sh-link" href={href(`/consultations/${c.id}/amendments/${a.id}`)}>
            {t("consultations.drafting.whatWeDid.item", {
              paragraph: a.paragraph + 1,
              version: a.appliedVersion ?? 0,
            })}
          </a>
          <DiffView segments={diffText(a.original, a.acceptedText ?? a.proposed)} lang={a.lang} />
        </li>
      ))}
    </ul>
  );
}
