import type { FastifyRequest } from "fastify";
import { renderPanels } from "../../../core/features/registry.js";
import type { FieldErrors } from "../../../core/forms.js";
import { isLocale, pickLocalized } from "../../../core/i18n/localized.js";
import { requestedPage } from "../../../core/paging.js";
import { canModerate } from "../../moderation/policy.js";
import { opinionMapLink, opinionMapSynthesis } from "../../opinion-map/hooks.js";
import { listGovernorates } from "../../structures/queries.js";
import type { CommentField } from "../commands/comments.js";
import { type CommentSort, type CommentViewer, findThread, listCommentPage } from "../comment-queries.js";
import { countProposedAmendments, listAppliedAmendments, listPassageAnchors } from "../drafting/queries.js";
import { SectionText } from "../drafting/views.js";
import { canConsultation, type ParticipationRefusal, participationRefusal } from "../policy.js";
import {
  type ConsultationView,
  findSynthesis,
  isFollowing,
  listOutcomes,
  listQuestions,
  listSections,
  loadPageContent,
  type Section,
} from "../queries.js";
import { ConsultationPage } from "../views/consultation-page.js";
import { SectionPage, ThreadPage } from "../views/discussion-pages.js";
import { SynthesisPage } from "../views/synthesis-page.js";

/** What a form post left to show again: why it was refused, or what was wrong and what was typed. */
export interface FormState {
  refusal?: ParticipationRefusal;
  errors?: FieldErrors<CommentField>;
  values?: Record<string, string>;
}

export interface ListQuery {
  sort?: string;
  page?: string;
}

export const sortOf = (q: ListQuery): CommentSort => (q.sort === "supported" ? "supported" : "recent");

function commentViewer(request: FastifyRequest): CommentViewer {
  return { accountId: request.account?.id ?? null, moderator: canModerate(request.actor) };
}

/** The consultation's public page, with the first page of comments on the whole text. */
export async function consultationPage(
  request: FastifyRequest,
  c: ConsultationView,
  query: ListQuery,
  state: FormState = {},
) {
  const db = request.server.db;
  const viewer = commentViewer(request);
  const viewerId = viewer.accountId;
  const sort = sortOf(query);
  const published = c.outcomePublishedAt !== null;
  const [
    { sections, counts, documents, questionCount },
    comments,
    following,
    synthesis,
    outcomes,
    opinionMap,
    outcomePanels,
    amendments,
  ] = await Promise.all([
    loadPageContent(db, c.id),
    listCommentPage(db, {
      consultationId: c.id,
      sectionId: null,
      sort,
      page: requestedPage(query.page),
      viewer,
    }),
    isFollowing(db, c.id, viewerId),
    published ? findSynthesis(db, c.id) : null,
    published ? listOutcomes(db, c.id) : [],
    opinionMapLink(db, c.id),
    published ? renderPanels(request.server.features, "consultation.outcome", db, c.id) : [],
    published ? listAppliedAmendments(db, c.id) : [],
  ]);
  return (
    <ConsultationPage
      c={c}
      sections={sections}
      counts={counts}
      documents={documents}
      questionCount={questionCount}
      comments={comments}
      sort={sort}
      abilities={{
        refusal: participationRefusal(request.actor, c),
        manage: canConsultation(request.actor, "manage", c),
        signedIn: viewerId !== null,
        following,
      }}
      outcome={synthesis?.publishedAt ? { synthesis, outcomes, panels: outcomePanels, amendments } : null}
      {...state}
    >
      {opinionMap}
    </ConsultationPage>
  );
}

/** One section's page, with a page of its comments; null when the section is not this consultation's. */
export async function sectionPage(
  request: FastifyRequest,
  c: ConsultationView,
  sectionId: string,
  query: ListQuery,
  state: FormState = {},
) {
  const db = request.server.db;
  const viewer = commentViewer(request);
  const sections = await listSections(db, c.id);
  const index = sections.findIndex((s) => s.id === sectionId);
  if (index < 0) return null;
  const sort = sortOf(query);
  const section = sections[index]!;
  const shownLang = pickLocalized(section.body, request.locale).lang;
  const [comments, passages, amendmentCounts] = await Promise.all([
    listCommentPage(db, {
      consultationId: c.id,
      sectionId,
      sort,
      page: requestedPage(query.page),
      viewer,
    }),
    listPassageAnchors(db, c.id, sectionId, (lang) => (isLocale(lang) ? (section.body[lang] ?? "") : "")),
    countProposedAmendments(db, c.id, sectionId, shownLang),
  ]);
  const refusal = participationRefusal(request.actor, c);
  return (
    <SectionPage
      text={
        <SectionText
          c={c}
          section={section}
          passages={passages}
          amendmentCounts={amendmentCounts}
          canComment={refusal === null}
        />
      }
      c={c}
      section={sections[index]!}
      index={index}
      previous={sections[index - 1] ?? null}
      next={sections[index + 1] ?? null}
      comments={comments}
      sort={sort}
      abilities={{ refusal: participationRefusal(request.actor, c), signedIn: viewer.accountId !== null }}
      {...state}
    />
  );
}

/** A thread's page (the comment `commentId` belongs to); null when there is no such comment here. */
export async function threadPage(
  request: FastifyRequest,
  c: ConsultationView,
  commentId: string,
  state: FormState = {},
) {
  const db = request.server.db;
  const viewer = commentViewer(request);
  const thread = await findThread(db, c.id, commentId, viewer);
  if (!thread) return null;
  let section: { section: Section; index: number } | null = null;
  if (thread.sectionId) {
    const sections = await listSections(db, c.id);
    const index = sections.findIndex((s) => s.id === thread.sectionId);
    if (index >= 0) section = { section: sections[index]!, index };
  }
  return (
    <ThreadPage
      c={c}
      section={section}
      thread={thread}
      replyTo={commentId}
      abilities={{ refusal: participationRefusal(request.actor, c), signedIn: viewer.accountId !== null }}
      {...state}
    />
  );
}

/** The published record in full; null before it is published. */
export async function synthesisPage(request: FastifyRequest, c: ConsultationView) {
  const db = request.server.db;
  const synthesis = await findSynthesis(db, c.id);
  if (!synthesis?.publishedAt || !c.outcomePublishedAt) return null;
  const [sections, outcomes, questions, governorates, opinionMap, amendments] = await Promise.all([
    listSections(db, c.id),
    listOutcomes(db, c.id),
    listQuestions(db, c.id),
    listGovernorates(db),
    opinionMapSynthesis(db, c.id),
    listAppliedAmendments(db, c.id),
  ]);
  return (
    <SynthesisPage
      c={c}
      sections={sections}
      synthesis={synthesis}
      outcomes={outcomes}
      amendments={amendments}
      questions={questions}
      governorateNames={new Map(governorates.map((g) => [g.code, g.name]))}
    >
      {opinionMap}
    </SynthesisPage>
  );
}
