import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { governorates, structures } from "../../core/structures/tables.js";
import { id, localizedText, optionalRef, ownedBy, requiredRef, timestamps } from "../../db/columns.js";
import { themes } from "../subscriptions/tables.js";

export const resultStatus = pgEnum("result_status", ["planned", "in_progress", "done", "delayed", "dropped"]);
/**
 * Where a result comes from: a consultation's outcome (one section's decision, or the whole text),
 * an accepted idea, a forum thread's official answer, the national action plan, a participatory
 * budget's winning proposal, or nothing (a commitment the structure made on its own).
 */
export const resultOrigin = pgEnum("result_origin", [
  "consultation",
  "idea",
  "forum",
  "plan",
  "own",
  "budget",
]);

/**
 * A result ("what was decided"): a commitment a structure made, followed until it is done. A result
 * may have child results; its progress is then their weighted mean (progress.ts), otherwise the
 * percentage its staff set. Every change of status or progress is a row of result_updates.
 */
export const results = pgTable(
  "results",
  {
    id: id(),
    /** Stable, human code (the import's key: "mun-tunis-2026-lighting"). */
    code: text("code").notNull(),
    parentId: optionalRef("parent_id", (): AnyPgColumn => results.id, "cascade"),
    structureId: requiredRef("structure_id", () => structures.id),
    title: localizedText("title"),
    description: localizedText("description"),
    /** Where it applies: a governorate, a municipality (and its governorate), or neither (national). */
    governorateCode: text("governorate_code").references(() => governorates.code),
    municipalityId: optionalRef("municipality_id", (): AnyPgColumn => structures.id),
    themeCode: text("theme_code").references(() => themes.code),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    status: resultStatus("status").notNull().default("planned"),
    /** Why it was dropped (required when dropped). */
    dropReason: jsonb("drop_reason").$type<LocalizedText>(),
    /** 0–100: computed from the children when it has any, else set by staff through an update. */
    progress: integer("progress").notNull().default(0),
    /** Its weight in its parent's progress. */
    weight: integer("weight").notNull().default(1),
    /** In Tunisian dinars, optional. */
    budgetPlanned: numeric("budget_planned", { precision: 16, scale: 3 }),
    budgetSpent: numeric("budget_spent", { precision: 16, scale: 3 }),
    origin: resultOrigin("origin").notNull().default("own"),
    /** The consultation, idea or forum thread it comes from. */
    originId: uuid("origin_id"),
    /** For a consultation's outcome: the section whose decision it carries out (null: the whole text). */
    originSectionId: uuid("origin_section_id"),
    createdBy: optionalRef("created_by", () => accounts.id, "set null"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("results_code_unique").on(t.code),
    index("results_parent_idx").on(t.parentId),
    index("results_structure_idx").on(t.structureId, t.status),
    index("results_origin_idx").on(t.origin, t.originId),
    index("results_list_idx").on(t.updatedAt.desc().nullsFirst(), t.id),
    // The public list (top-level results, most recently moved first), its count and its per-structure chart.
    // DESC NULLS FIRST as the queries' desc() orders (drizzle-kit's desc() alone means NULLS LAST, an
    // order no query asks: each list then sorted every top-level result instead of reading 20).
    index("results_top_list_idx").on(t.updatedAt.desc().nullsFirst(), t.id).where(sql`${t.parentId} is null`),
    index("results_top_figures_idx")
      .on(t.structureId, t.status, t.endsOn, t.progress)
      .where(sql`${t.parentId} is null`),
    index("results_export_idx").on(t.createdAt, t.id),
  ],
);

/** A piece of evidence an update points to: a public link, or a file in the store. */
export interface Evidence {
  label: string;
  url?: string;
  fileKey?: string;
  mime?: string;
}

/**
 * A dated update on a result: what was done, with evidence, and the status and progress it set
 * (before → after). The timeline of a result is its updates, newest first. Written by a member of
 * a structure, whose structure is kept with it.
 */
export const resultUpdates = pgTable(
  "result_updates",
  {
    id: id(),
    resultId: ownedBy("result_id", () => results.id),
    /** The day it happened (staff may record an update late). */
    happenedOn: date("happened_on").notNull(),
    body: jsonb("body").$type<LocalizedText>().notNull().default(sql`'{}'::jsonb`),
    statusBefore: resultStatus("status_before"),
    statusAfter: resultStatus("status_after"),
    progressBefore: integer("progress_before"),
    progressAfter: integer("progress_after"),
    evidence: jsonb("evidence").$type<Evidence[]>().notNull().default(sql`'[]'::jsonb`),
    authorId: optionalRef("author_id", () => accounts.id, "set null"),
    /** The structure the author acted for. */
    authorStructureId: optionalRef("author_structure_id", () => structures.id, "set null"),
    ...timestamps(),
  },
  (t) => [
    index("result_updates_result_idx").on(
      t.resultId,
      t.happenedOn.desc().nullsFirst(),
      t.createdAt.desc().nullsFirst(),
    ),
  ],
);

export type ResultRow = typeof results.$inferSelect;
export type ResultUpdateRow = typeof resultUpdates.$inferSelect;
export type ResultStatus = (typeof resultStatus.enumValues)[number];
export type ResultOrigin = (typeof resultOrigin.enumValues)[number];
export const RESULT_STATUSES = resultStatus.enumValues;
export const RESULT_ORIGINS = resultOrigin.enumValues;
