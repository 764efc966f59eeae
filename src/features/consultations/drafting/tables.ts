import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts } from "../../../core/auth/tables.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { id, optionalRef, ownedBy, timestamps, tstz } from "../../../db/columns.js";
import { moderationColumns } from "../../moderation/tables.js";
import { consultationSections, consultations } from "../tables.js";

/** A section as one version of the text holds it. */
export interface VersionSection {
  sectionId: string;
  position: number;
  title: LocalizedText;
  body: LocalizedText;
}

/**
 * The versions of a consultation's draft text, numbered from 1 (the text as first put to the public).
 * Each holds every section as it read then, so any two versions compare.
 */
export const consultationTextVersions = pgTable(
  "consultation_text_versions",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    number: integer("number").notNull(),
    sections: jsonb("sections").$type<VersionSection[]>().notNull(),
    /** What changed, in the drafting team's words. */
    note: jsonb("note").$type<LocalizedText>(),
    publishedBy: optionalRef("published_by", () => accounts.id, "set null"),
    publishedAt: tstz("published_at").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("consultation_text_versions_number_unique").on(t.consultationId, t.number)],
);

export const amendmentStatus = pgEnum("amendment_status", [
  "proposed",
  "accepted",
  "accepted_with_changes",
  "rejected",
]);
export type AmendmentStatus = (typeof amendmentStatus.enumValues)[number];

/**
 * A participant's proposed wording for one paragraph of a section, in one language, with the reason.
 * The drafting team accepts it (its wording, or theirs, goes into the next version: applied_version)
 * or rejects it with a reason. Moderated like comments.
 */
export const consultationAmendments = pgTable(
  "consultation_amendments",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    sectionId: ownedBy("section_id", () => consultationSections.id),
    /** The paragraph's index (from 0) in the section, in the version it was proposed on. */
    paragraph: integer("paragraph").notNull(),
    lang: text("lang").notNull(),
    /** The version of the text it was proposed on, and the paragraph as it read there. */
    baseVersion: integer("base_version").notNull(),
    original: text("original").notNull(),
    proposed: text("proposed").notNull(),
    reason: text("reason").notNull(),
    authorId: optionalRef("author_id", () => accounts.id, "set null"),
    status: amendmentStatus("status").notNull().default("proposed"),
    /** The wording accepted (the proposed one, or the drafting team's changes to it). */
    acceptedText: text("accepted_text"),
    decisionReason: text("decision_reason"),
    decidedBy: optionalRef("decided_by", () => accounts.id, "set null"),
    decidedAt: tstz("decided_at"),
    /** The version its accepted wording first appears in. */
    appliedVersion: integer("applied_version"),
    supportCount: integer("support_count").notNull().default(0),
    ...moderationColumns(),
    ...timestamps(),
  },
  (t) => [
    index("consultation_amendments_section_idx").on(t.consultationId, t.sectionId, t.createdAt),
    index("consultation_amendments_pending_idx")
      .on(t.consultationId, t.sectionId)
      .where(sql`${t.status} in ('accepted', 'accepted_with_changes') and ${t.appliedVersion} is null`),
    index("consultation_amendments_author_idx").on(t.authorId),
    index("consultation_amendments_export_idx").on(t.createdAt, t.id),
  ],
);

/** One support per account and amendment. */
export const consultationAmendmentSupports = pgTable(
  "consultation_amendment_supports",
  {
    amendmentId: ownedBy("amendment_id", () => consultationAmendments.id),
    accountId: ownedBy("account_id", () => accounts.id),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.amendmentId, t.accountId] }),
    index("consultation_amendment_supports_account_idx").on(t.accountId),
  ],
);
