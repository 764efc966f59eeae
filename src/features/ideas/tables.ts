import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { searchFold, searchVector, searchVectorColumn } from "../../core/search.js";
import { governorates, structures } from "../../core/structures/tables.js";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";
import { moderationColumns } from "../moderation/tables.js";

/** Themes an idea may be addressed to when it has no single structure (reference data). */
export const ideaThemes = pgTable("idea_themes", {
  id: id(),
  code: text("code").notNull().unique(),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  position: integer("position").notNull(),
  ...timestamps(),
});

/** Per structure: how many supports call for an official answer, and within how many days. */
export const ideaThresholds = pgTable("idea_thresholds", {
  structureId: uuid("structure_id")
    .primaryKey()
    .references(() => structures.id),
  supports: integer("supports").notNull(),
  answerDays: integer("answer_days").notNull(),
  ...timestamps(),
});

/** The portal search's expressions over an idea (its stored search_vector and the GIN indexes). */
export const IDEA_SEARCH_VECTOR = searchVector("ideas.title", "ideas.description");
export const IDEA_SEARCH_TITLE = searchFold("ideas.title");

export const ideaStatus = pgEnum("idea_status", [
  "under_review",
  "accepted",
  "rejected",
  "in_progress",
  "implemented",
]);

export const ideas = pgTable(
  "ideas",
  {
    searchVector: searchVectorColumn(IDEA_SEARCH_VECTOR),
    id: id(),
    /** The form's one-time key: a double submit finds the idea the first submit created. */
    submissionKey: text("submission_key").notNull().unique(),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    structureId: uuid("structure_id").references(() => structures.id),
    themeId: uuid("theme_id").references(() => ideaThemes.id),
    /** The area it concerns: a governorate. */
    governorateCode: text("governorate_code").references(() => governorates.code),
    title: text("title").notNull(),
    description: text("description").notNull(),
    imageKey: text("image_key"),
    imageMime: text("image_mime"),
    status: ideaStatus("status").notNull().default("under_review"),
    supportCount: integer("support_count").notNull().default(0),
    /** The threshold in force when the idea reached it, and when. */
    thresholdReachedAt: tstz("threshold_reached_at"),
    answerDueAt: tstz("answer_due_at"),
    answeredAt: tstz("answered_at"),
    /**
     * When its author deleted their account and had their contributions removed: its text and image
     * are gone, and it stays only as a tombstone holding others' comments, supports and answers.
     */
    removedAt: tstz("removed_at"),
    /** 0: none; 1: the structure's admins alerted (overdue); 2: the central office alerted. */
    escalationLevel: integer("escalation_level").notNull().default(0),
    ...moderationColumns(),
    ...timestamps(),
  },
  (t) => [
    check("ideas_addressed", sql`${t.structureId} is not null or ${t.themeId} is not null`),
    index("ideas_list_idx").on(t.moderationState, t.supportCount, t.createdAt),
    index("ideas_structure_idx").on(t.structureId, t.status),
    index("ideas_due_idx")
      .on(t.answerDueAt)
      .where(sql`${t.answerDueAt} is not null and ${t.answeredAt} is null`),
    index("ideas_similar_idx").using("gin", sql`normalize_arabic(${t.title}) gin_trgm_ops`),
    index("ideas_search_idx").using("gin", t.searchVector),
    index("ideas_search_title_idx").using("gin", sql`${IDEA_SEARCH_TITLE} gin_trgm_ops`),
  ],
);

export const ideaSupports = pgTable(
  "idea_supports",
  {
    ideaId: ownedBy("idea_id", () => ideas.id),
    accountId: ownedBy("account_id", () => accounts.id),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.accountId] })],
);

export const ideaEventKind = pgEnum("idea_event_kind", [
  "submitted",
  "threshold_reached",
  "status",
  "escalated",
]);

/** The idea's public history: its statuses with the official's text, the threshold, escalations. */
export const ideaEvents = pgTable(
  "idea_events",
  {
    id: id(),
    ideaId: ownedBy("idea_id", () => ideas.id),
    kind: ideaEventKind("kind").notNull(),
    status: ideaStatus("status"),
    body: text("body"),
    actorId: uuid("actor_id").references(() => accounts.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [index("idea_events_idea_idx").on(t.ideaId, t.createdAt)],
);

export const ideaComments = pgTable(
  "idea_comments",
  {
    id: id(),
    ideaId: ownedBy("idea_id", () => ideas.id),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    ...moderationColumns(),
    ...timestamps(),
  },
  (t) => [index("idea_comments_idea_idx").on(t.ideaId, t.createdAt)],
);
