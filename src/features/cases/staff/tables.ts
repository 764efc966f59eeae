import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../../../core/auth/tables.js";
import { id, timestamps } from "../../../db/columns.js";
import { governorates, structureCategories, structures } from "../../structures/tables.js";
import { caseStatus, cases, caseType } from "../tables.js";

/** A queue's filters saved under a name by a member of staff, for one structure. */
export const savedCaseViews = pgTable(
  "saved_case_views",
  {
    id: id(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id),
    name: text("name").notNull(),
    /** The queue's query string, normalised (known filters only), without "?". */
    query: text("query").notNull(),
    ...timestamps(),
  },
  (t) => [index("saved_case_views_account_idx").on(t.accountId, t.structureId)],
);

/**
 * Replies a structure keeps ready, for one category or for all (category null), in one language.
 * Placeholders {reference}, {name}, {structure} and {date} are filled in when an agent uses one.
 */
export const responseTemplates = pgTable(
  "response_templates",
  {
    id: id(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id),
    categoryId: uuid("category_id").references(() => structureCategories.id),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("response_templates_structure_idx").on(t.structureId, t.categoryId),
    check("response_templates_locale", sql`${t.locale} in ('ar', 'fr', 'en')`),
  ],
);

/**
 * Where requests of a category go, by place: category × governorate (null: any governorate) →
 * structure, optionally handed at once to the structure's least-loaded agent.
 */
export const caseRoutingRules = pgTable(
  "case_routing_rules",
  {
    id: id(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => structureCategories.id),
    governorateCode: text("governorate_code").references(() => governorates.code),
    targetStructureId: uuid("target_structure_id")
      .notNull()
      .references(() => structures.id),
    autoAssign: boolean("auto_assign").notNull().default(false),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("case_routing_rules_place_unique")
      .on(t.categoryId, t.governorateCode)
      .where(sql`${t.governorateCode} is not null`),
    uniqueIndex("case_routing_rules_any_place_unique")
      .on(t.categoryId)
      .where(sql`${t.governorateCode} is null`),
    index("case_routing_rules_target_idx").on(t.targetStructureId),
  ],
);

/**
 * Addresses that asked for no more mail about a request (the unsubscribe link of its mails). The
 * address is kept only as a keyed hash (see notify.ts), never in clear.
 */
export const caseMailOptOuts = pgTable(
  "case_mail_opt_outs",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    addressKey: text("address_key").notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.addressKey] })],
);

/**
 * How many answered and closed requests each structure holds, by every queue filter (type,
 * category, governorate, assignee): the queue's counts read these few rows instead of counting a
 * structure's whole history on each page. Kept by the trigger cases_settled_counts (migration
 * 0014), in the same transaction as the change to the request, so it is never out of step.
 */
export const caseSettledCounts = pgTable(
  "case_settled_counts",
  {
    structureId: uuid("structure_id").notNull(),
    status: caseStatus("status").notNull(),
    type: caseType("type").notNull(),
    categoryId: uuid("category_id"),
    governorateCode: text("governorate_code"),
    assigneeId: uuid("assignee_id"),
    n: integer("n").notNull(),
  },
  (t) => [
    unique("case_settled_counts_cell")
      .on(t.structureId, t.status, t.type, t.categoryId, t.governorateCode, t.assigneeId)
      .nullsNotDistinct(),
  ],
);
