import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import {
  allLanguages,
  foldAccents,
  searchFold,
  searchVector,
  searchVectorColumn,
} from "../../core/search.js";
import { governorates, structures } from "../../core/structures/tables.js";
import {
  id,
  localizedText,
  optionalRef,
  ownedBy,
  requiredRef,
  storedFile,
  timestamps,
  tstz,
} from "../../db/columns.js";
import { moderationColumns } from "../moderation/tables.js";
import type { PassageAnchor } from "./drafting/anchor.js";

/**
 * The text the list's search matches: title and summary in every language, Arabic-normalised,
 * lower-cased and without French accents. Queries must use this exact expression so the trigram
 * index serves them.
 */
export const CONSULTATION_SEARCH_TEXT = sql.raw(
  `(${foldAccents("normalize_arabic(consultations.title::text || ' ' || consultations.summary::text)")})`,
);

/** The portal search's expressions over a consultation and a section (stored search_vector, GIN indexes). */
export const CONSULTATION_SEARCH_VECTOR = searchVector(
  allLanguages("consultations.title"),
  `${allLanguages("consultations.summary")} || ' ' || ${allLanguages("consultations.body")}`,
);
export const SECTION_SEARCH_VECTOR = searchVector(
  allLanguages("consultation_sections.title"),
  allLanguages("consultation_sections.body"),
);
export const SECTION_SEARCH_TITLE = searchFold(allLanguages("consultation_sections.title"));

/** Who a consultation is about: the whole country, one governorate, or one municipality. */
export const consultationArea = pgEnum("consultation_area", ["national", "governorate", "municipality"]);
/** Draft consultations are seen by their admins only. */
export const consultationVisibility = pgEnum("consultation_visibility", ["draft", "published"]);
/** Who may take part: any signed-in account, or only accounts whose identity an e-ID vouched for. */
export const participationRule = pgEnum("participation_rule", ["signed_in", "identity_verified"]);
export const commentAlignment = pgEnum("comment_alignment", ["for", "against", "neutral"]);
/**
 * visible: shown; removed: emptied when its author deleted their account with their texts (a
 * tombstone keeps the replies readable). Moderation (held, hidden) is apart: moderationColumns().
 */
export const commentStatus = pgEnum("comment_status", ["visible", "removed"]);
export const questionKind = pgEnum("question_kind", [
  "single",
  "multiple",
  "scale",
  "short_text",
  "long_text",
]);
export const sectionDecision = pgEnum("section_decision", ["kept", "changed", "dropped"]);

/**
 * A public consultation on a draft text. Its phases follow from its dates: announced (published,
 * before opens_at) → open → closed (closes_at passed; under analysis) → outcome published.
 */
export const consultations = pgTable(
  "consultations",
  {
    searchVector: searchVectorColumn(CONSULTATION_SEARCH_VECTOR),
    id: id(),
    structureId: requiredRef("structure_id", () => structures.id),
    title: localizedText("title"),
    summary: localizedText("summary"),
    body: localizedText("body"),
    /** One of THEMES (fields.ts). */
    theme: text("theme").notNull(),
    area: consultationArea("area").notNull(),
    /** For a governorate's consultation, and for a municipality's (its governorate). */
    governorateCode: text("governorate_code").references(() => governorates.code),
    /** For a municipality's consultation: the municipality. */
    municipalityId: optionalRef("municipality_id", (): AnyPgColumn => structures.id),
    participation: participationRule("participation").notNull().default("signed_in"),
    visibility: consultationVisibility("visibility").notNull().default("draft"),
    publishedAt: tstz("published_at"),
    opensAt: tstz("opens_at").notNull(),
    closesAt: tstz("closes_at").notNull(),
    /** When the outcome is expected (shown on the timeline; optional). */
    outcomeDueAt: tstz("outcome_due_at"),
    /** Set once the synthesis and the decision are published: from then on they stay public for good. */
    outcomePublishedAt: tstz("outcome_published_at"),
    /** The last phase its followers were told of ("open", "analysis", "outcome"): each notice goes once. */
    notifiedPhase: text("notified_phase"),
    createdBy: optionalRef("created_by", () => accounts.id, "set null"),
    ...timestamps(),
  },
  (t) => [
    index("consultations_structure_idx").on(t.structureId),
    index("consultations_public_idx").on(t.visibility, t.closesAt),
    index("consultations_search_idx").using("gin", sql`${CONSULTATION_SEARCH_TEXT} gin_trgm_ops`),
    index("consultations_fulltext_idx").using("gin", t.searchVector),
  ],
);

/** PDF documents of a consultation (the draft text as published, an impact study…). */
export const consultationDocuments = pgTable(
  "consultation_documents",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    title: text("title").notNull(),
    ...storedFile(),
    ...timestamps(),
  },
  (t) => [index("consultation_documents_consultation_idx").on(t.consultationId)],
);

/** The draft text, split into sections (articles or paragraphs), in order. */
export const consultationSections = pgTable(
  "consultation_sections",
  {
    searchVector: searchVectorColumn(SECTION_SEARCH_VECTOR),
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    position: integer("position").notNull(),
    title: localizedText("title"),
    body: localizedText("body"),
    ...timestamps(),
  },
  (t) => [
    index("consultation_sections_consultation_idx").on(t.consultationId, t.position),
    index("consultation_sections_search_idx").using("gin", t.searchVector),
    index("consultation_sections_search_title_idx").using("gin", sql`${SECTION_SEARCH_TITLE} gin_trgm_ops`),
  ],
);

/**
 * Comments ("contributions") on a section or on the whole text (section_id null). Replies point to
 * their parent and to the thread's first comment (root_id), at depth 1 to 3 (depth 0: a comment).
 * Moderation (hidden) and open data build on status, created_at and author_id.
 */
export const consultationComments = pgTable(
  "consultation_comments",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    sectionId: optionalRef("section_id", () => consultationSections.id, "cascade"),
    parentId: optionalRef("parent_id", (): AnyPgColumn => consultationComments.id),
    rootId: optionalRef("root_id", (): AnyPgColumn => consultationComments.id),
    depth: integer("depth").notNull().default(0),
    authorId: optionalRef("author_id", () => accounts.id, "set null"),
    body: text("body").notNull(),
    /** For or against the text, or neutral; comments only (replies have none). */
    alignment: commentAlignment("alignment"),
    /** An answer on behalf of the consulting structure. */
    official: boolean("official").notNull().default(false),
    status: commentStatus("status").notNull().default("visible"),
    supportCount: integer("support_count").notNull().default(0),
    /** A comment on a passage of its section: the paragraph, the words quoted and where they were. */
    anchor: jsonb("anchor").$type<PassageAnchor>(),
    ...moderationColumns(),
    ...timestamps(),
  },
  (t) => [
    // The passage comments of a section (highlights and counts on its page).
    index("consultation_comments_passage_idx")
      .on(t.consultationId, t.sectionId, t.createdAt)
      .where(sql`${t.anchor} is not null and ${t.parentId} is null`),
    // The pages of comments, most recent or most supported first, per section (or the whole text).
    index("consultation_comments_recent_idx")
      .on(t.consultationId, t.sectionId, t.createdAt.desc().nullsFirst())
      .where(sql`${t.parentId} is null`),
    index("consultation_comments_supported_idx")
      .on(t.consultationId, t.sectionId, t.supportCount.desc().nullsFirst(), t.createdAt.desc().nullsFirst())
      .where(sql`${t.parentId} is null`),
    // The same pages for the comments on the whole text (no section): `section_id is null` is no
    // equality, so the two indexes above cannot give those in order (the page scanned or sorted them all).
    index("consultation_comments_text_recent_idx")
      .on(t.consultationId, t.createdAt.desc().nullsFirst())
      .where(sql`${t.parentId} is null and ${t.sectionId} is null`),
    index("consultation_comments_text_supported_idx")
      .on(t.consultationId, t.supportCount.desc().nullsFirst(), t.createdAt.desc().nullsFirst())
      .where(sql`${t.parentId} is null and ${t.sectionId} is null`),
    // Counts per section (pages, synthesis), replies included: index-only, whatever else the table holds.
    index("consultation_comments_counts_idx").on(t.consultationId, t.sectionId, t.status, t.moderationState),
    index("consultation_comments_thread_idx").on(t.rootId, t.createdAt),
    index("consultation_comments_author_idx").on(t.authorId),
    // The open-data contributions dataset reads every comment in this order, page after page.
    index("consultation_comments_export_idx").on(t.createdAt, t.id),
  ],
);

/** One support per account and comment. */
export const consultationCommentSupports = pgTable(
  "consultation_comment_supports",
  {
    commentId: ownedBy("comment_id", () => consultationComments.id),
    accountId: ownedBy("account_id", () => accounts.id),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.accountId] }),
    index("consultation_comment_supports_account_idx").on(t.accountId),
  ],
);

export interface QuestionOption {
  /** Stable within the question ("o1", "o2", …): answers store it. */
  id: string;
  label: LocalizedText;
}

/** The questionnaire: its questions, in order. */
export const consultationQuestions = pgTable(
  "consultation_questions",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    position: integer("position").notNull(),
    kind: questionKind("kind").notNull(),
    prompt: localizedText("prompt"),
    /** Choices of a single or multiple choice question. */
    options: jsonb("options").$type<QuestionOption[]>().notNull().default(sql`'[]'::jsonb`),
    /** A scale question's range, e.g. 1 to 5. */
    scaleMin: integer("scale_min"),
    scaleMax: integer("scale_max"),
    required: boolean("required").notNull().default(false),
    ...timestamps(),
  },
  (t) => [index("consultation_questions_consultation_idx").on(t.consultationId, t.position)],
);

/** A participant's answers to the questionnaire: one per participant and consultation. */
export const consultationResponses = pgTable(
  "consultation_responses",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    accountId: optionalRef("account_id", () => accounts.id, "set null"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("consultation_responses_once").on(t.consultationId, t.accountId),
    index("consultation_responses_account_idx").on(t.accountId),
  ],
);

export const consultationAnswers = pgTable(
  "consultation_answers",
  {
    responseId: ownedBy("response_id", () => consultationResponses.id),
    questionId: ownedBy("question_id", () => consultationQuestions.id),
    /** Chosen option ids (single: one; multiple: any). */
    choices: text("choices").array(),
    scale: integer("scale"),
    text: text("text"),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index("consultation_answers_question_idx").on(t.questionId),
  ],
);

/**
 * The synthesis ("what we heard"): the admin's summary and the figures computed from the
 * contributions, frozen when published (published_at set), so the record never changes after.
 */
export const consultationSyntheses = pgTable("consultation_syntheses", {
  consultationId: ownedBy("consultation_id", () => consultations.id).primaryKey(),
  summary: localizedText("summary"),
  figures: jsonb("figures").$type<Record<string, unknown>>(),
  publishedAt: tstz("published_at"),
  publishedBy: optionalRef("published_by", () => accounts.id, "set null"),
  ...timestamps(),
});

/** The decision ("what we did"), section by section. */
export const consultationOutcomes = pgTable(
  "consultation_outcomes",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    sectionId: ownedBy("section_id", () => consultationSections.id),
    decision: sectionDecision("decision").notNull(),
    reason: localizedText("reason"),
    /** Where the final text is published (an official journal, a decree). */
    finalTextUrl: text("final_text_url"),
    /** Why there is no final text to link to (yet). */
    noLinkReason: jsonb("no_link_reason").$type<LocalizedText>(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("consultation_outcomes_section_unique").on(t.consultationId, t.sectionId)],
);
