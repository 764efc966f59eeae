import type { FastifyRequest } from "fastify";
import type { FieldErrors } from "../../../core/forms.js";
import { isLocale, pickLocalized } from "../../../core/i18n/localized.js";
import { canModerate } from "../../moderation/policy.js";
import { participationRefusal, speaksForStructure } from "../policy.js";
import { type ConsultationView, listSections } from "../queries.js";
import { useSectionTitle } from "../views/parts.js";
import type { DecisionField } from "./amendments.js";
import { anchorIn, splitParagraphs } from "./anchor.js";
import { findAmendment, listAmendments, listPassageComments } from "./queries.js";
import { AmendmentPage, ParagraphPage, type ParagraphState } from "./views.js";

/** The drafting team: the consulting structure's staff (its admins and agents) and platform admins. */
export const canDraft = speaksForStructure;

/** A paragraph's page; null when the section or the paragraph is not there (in the language shown). */
export async function paragraphPage(
  request: FastifyRequest,
  c: ConsultationView,
  sectionId: string,
  paragraph: number,
  state: ParagraphState = {},
) {
  const db = request.server.db;
  const sections = await listSections(db, c.id);
  const index = sections.findIndex((s) => s.id === sectionId);
  const section = sections[index];
  if (!section) return null;
  const shown = pickLocalized(section.body, request.locale);
  const paragraphs = splitParagraphs(shown.text);
  const text = paragraphs[paragraph];
  if (text === undefined) return null;
  // Words selected on the section page (by its script): kept only while they are in the paragraph.
  const int = (v: string | undefined) => (v && /^[0-9]{1,6}$/.test(v) ? Number(v) : undefined);
  const values = state.values ?? {};
  const chosen = values.quote
    ? anchorIn(paragraphs, { paragraph, start: int(values.start), end: int(values.end), quote: values.quote })
    : null;
  const selection = chosen && (chosen.start > 0 || chosen.end < text.length) ? chosen : undefined;
  const [passages, amendments] = await Promise.all([
    listPassageComments(db, c.id, section.id, (lang) => (isLocale(lang) ? (section.body[lang] ?? "") : "")),
    listAmendments(db, c.id, section.id),
  ]);
  return (
    <ParagraphPage
      c={c}
      section={section}
      index={index}
      paragraph={paragraph}
      text={text}
      lang={shown.lang}
      passages={passages.filter(
        (p) =>
          (p.now.state !== "changed" && p.now.paragraph === paragraph && p.anchor.lang === shown.lang) ||
          (p.now.state === "changed" && p.anchor.paragraph === paragraph),
      )}
      amendments={amendments.filter((a) => a.paragraph === paragraph && a.lang === shown.lang)}
      refusalNow={participationRefusal(request.actor, c)}
      selection={selection}
      {...state}
    />
  );
}

/** An amendment's page; null when there is none the viewer may see. */
export async function amendmentPage(
  request: FastifyRequest,
  c: ConsultationView,
  amendmentId: string,
  state: { errors?: FieldErrors<DecisionField>; values?: Record<string, string> } = {},
) {
  const db = request.server.db;
  const canDecide = canDraft(request.actor, c);
  const a = await findAmendment(db, c.id, amendmentId, {
    accountId: request.account?.id ?? null,
    seesAll: canDecide || canModerate(request.actor),
  });
  if (!a) return null;
  const sections = await listSections(db, c.id);
  const index = sections.findIndex((s) => s.id === a.sectionId);
  return (
    <AmendmentPageWithTitle
      c={c}
      a={a}
      section={sections[index]!}
      index={index}
      refusal={participationRefusal(request.actor, c)}
      canDecide={canDecide}
      signedIn={request.account !== null && request.account !== undefined}
      {...state}
    />
  );
}

function AmendmentPageWithTitle(
  props: Omit<Parameters<typeof AmendmentPage>[0], "sectionTitle"> & {
    section: Parameters<ReturnType<typeof useSectionTitle>>[0];
    index: number;
  },
) {
  const sectionTitle = useSectionTitle();
  return <AmendmentPage {...props} sectionTitle={sectionTitle(props.section, props.index)} />;
}
