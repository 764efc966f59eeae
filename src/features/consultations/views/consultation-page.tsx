import type { ComponentChildren, VNode } from "preact";
import type { FieldErrors } from "../../../core/forms.js";
import { pickLocalized } from "../../../core/i18n/localized.js";
import { Breadcrumbs } from "../../../core/views/components/breadcrumbs/breadcrumbs.js";
import { Button } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";
import { Form } from "../../../core/views/form.js";
import { Layout } from "../../../core/views/layout.js";
import { Localized } from "../../../core/views/localized-text.js";
import { Problem } from "../../../core/views/problem.js";
import type { CommentField } from "../commands/comments.js";
import type { CommentSort, CommentThread } from "../comment-queries.js";
import type { Amendment } from "../drafting/queries.js";
import { hasClosed, phaseOf } from "../phase.js";
import type { ParticipationRefusal } from "../policy.js";
import type { ConsultationDocument, ConsultationView, Outcome, Section, Synthesis } from "../queries.js";
import type { CommentAbilities } from "./comments.js";
import { CommentsSection } from "./comments-section.js";
import { OutcomeSection } from "./outcome-section.js";
import { DocumentLink, LocalizedBlock, PhaseTag, PhaseTimeline, useSectionTitle } from "./parts.js";

export interface ConsultationPageProps {
  c: ConsultationView;
  sections: Section[];
  /** Visible comments per section id ("" for the whole text). */
  counts: Map<string, number>;
  documents: ConsultationDocument[];
  questionCount: number;
  comments: { threads: CommentThread[]; total: number; page: number; totalPages: number };
  sort: CommentSort;
  abilities: CommentAbilities & { manage: boolean; signedIn: boolean; following: boolean };
  /** `panels`: what other features show under "what we did" (the results it gave). */
  outcome: { synthesis: Synthesis; outcomes: Outcome[]; panels?: VNode[]; amendments?: Amendment[] } | null;
  /** What other features add after the questionnaire (the opinion map's link). */
  children?: ComponentChildren;
  /** After a refused or invalid comment on the whole text. */
  refusal?: ParticipationRefusal;
  errors?: FieldErrors<CommentField>;
  values?: Record<string, string>;
}

/** A consultation's public page: what is consulted, its timeline, its text by section, and the comments on the whole. */
export function ConsultationPage(props: ConsultationPageProps) {
  const { c, sections, counts, documents, abilities } = props;
  const { t, locale } = usePage();
  const href = useHref();
  const sectionTitle = useSectionTitle();
  const title = pickLocalized(c.title, locale).text;
  const phase = phaseOf(c);
  const base = `/consultations/${c.id}`;
  const area =
    c.area === "national"
      ? t("consultations.area.national")
      : c.area === "governorate"
        ? pickLocalized(c.governorateName, locale).text
        : pickLocalized(c.municipalityName, locale).text;
  return (
    <Layout title={title} description={pickLocalized(c.summary, locale).text}>
      <Breadcrumbs
        items={[
          { text: t("consultations.breadcrumbs.home"), href: href("/") },
          { text: t("consultations.list.title"), href: href("/consultations") },
          { text: title },
        ]}
      />
      {props.refusal && <Problem id="refusal" title={t(`consultations.participate.${props.refusal}`)} />}
      {c.visibility === "draft" && <p class="sh-inset">{t("consultations.page.draftNote")}</p>}
      <p class="sh-caption">
        <a class="sh-link" href={href(`/structures/${c.structure.code}`)}>
          <Localized text={c.structure.name} />
        </a>{" "}
        · {t(`consultations.theme.${c.theme}`)} · {area}
      </p>
      <h1 class="sh-heading-xl">
        <Localized text={c.title} />
      </h1>
      <p>
        <PhaseTag consultation={c} />
      </p>
      <p class="sh-lead">
        <Localized text={c.summary} />
      </p>
      {abilities.manage && (
        <p class="sh-body-text">
          <a class="sh-link" href={href(`/admin${base}`)}>
            {t("consultations.page.manage")}
          </a>
        </p>
      )}

      <PhaseTimeline c={c} />
      <p class="sh-body-text">{t(`consultations.participation.${c.participation}`)}</p>
      {abilities.signedIn && c.visibility === "published" && (
        <Form action={`${base}/follow`} class="sh-inline-form">
          <input type="hidden" name="follow" value={abilities.following ? "no" : "yes"} />
          <Button variant="secondary">
            {abilities.following ? t("consultations.follow.stop") : t("consultations.follow.start")}
          </Button>
        </Form>
      )}

      {props.outcome && <OutcomeSection c={c} sections={sections} {...props.outcome} />}

      {Object.keys(c.body).length > 0 && (
        <section aria-labelledby="about">
          <h2 id="about" class="sh-heading-l">
            {t("consultations.page.about")}
          </h2>
          <LocalizedBlock text={c.body} />
        </section>
      )}

      {documents.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents" class="sh-heading-l">
            {t("consultations.page.documents")}
          </h2>
          <ul class="sh-list">
            {documents.map((d) => (
              <li key={d.id}>
                <DocumentLink consultationId={c.id} document={d} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {props.questionCount > 0 && (
        <section aria-labelledby="questionnaire">
          <h2 id="questionnaire" class="sh-heading-l">
            {t("consultations.questionnaire.title")}
          </h2>
          <p class="sh-body-text">
            <a class="sh-link" href={href(`${base}/questionnaire`)}>
              {hasClosed(c)
                ? t("consultations.questionnaire.seeResults")
                : phase === "open"
                  ? t("consultations.questionnaire.answer", { count: props.questionCount })
                  : t("consultations.questionnaire.see")}
            </a>
          </p>
        </section>
      )}

      {props.children}

      <section aria-labelledby="text">
        <h2 id="text" class="sh-heading-l">
          {t("consultations.page.text")}
        </h2>
        <ol class="sh-sections">
          {sections.map((s, i) => (
            <li key={s.id} class="sh-sections__item" id={`section-${s.id}`}>
              <h3 class="sh-heading-m">{sectionTitle(s, i)}</h3>
              <LocalizedBlock text={s.body} />
              <p class="sh-body-text">
                <a class="sh-link" href={href(`${base}/sections/${s.id}`)}>
                  {phase === "open"
                    ? t("consultations.page.commentSection", { count: counts.get(s.id) ?? 0 })
                    : t("consultations.page.readComments", { count: counts.get(s.id) ?? 0 })}
                </a>
              </p>
            </li>
          ))}
        </ol>
      </section>

      <CommentsSection
        consultationId={c.id}
        heading={t("consultations.page.wholeComments")}
        formHeading={t("consultations.comments.newWhole")}
        back={base}
        page={props}
      />
    </Layout>
  );
}
