import { sql } from "drizzle-orm";
import {
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
import { governorates, structures } from "../../../core/structures/tables.js";
import { id, ownedBy, requiredRef, timestamps, tstz } from "../../../db/columns.js";
import { structureCategories } from "../../structures/tables.js";
import { caseStatus, cases, caseTeams, caseType } from "../tables.js";

/** A queue's filters saved under a name by a member of staff, for one structure. */
export const savedCaseViews = pgTable(
  "saved_case_views",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    structureId: requiredRef("structure_id", () => structures.id),
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
    structureId: requiredRef("structure_id", () => structures.id),
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
 * How a routing rule hands a request over once it reaches the target structure: not at all (it waits
 * in the structure's queue), to the agent with the fewest open requests, to the structure's agents
 * in turn, or to one named agent.
 */
export const ROUTING_ASSIGNMENTS = ["none", "least_loaded", "round_robin", "agent"] as const;
export type RoutingAssignment = (typeof ROUTING_ASSIGNMENTS)[number];

/**
 * Where requests of a category go, by place: category × municipality, or × governorate (null: any
 * governorate) → structure, and optionally at once to one of its agents (see ROUTING_ASSIGNMENTS).
 * A rule for a municipality also names the municipality's governorate.
 */
export const caseRoutingRules = pgTable(
  "case_routing_rules",
  {
    id: id(),
    categoryId: requiredRef("category_id", () => structureCategories.id),
    governorateCode: text("governorate_code").references(() => governorates.code),
    /** A municipality of that governorate: the rule then applies to requests from there only. */
    municipalityId: uuid("municipality_id").references(() => structures.id),
    targetStructureId: requiredRef("target_structure_id", () => structures.id),
    assignment: text("assignment").$type<RoutingAssignment>().notNull().default("none"),
    /** A team of the target structure: the request joins its queue, and any assignment is among its members. */
    targetTeamId: uuid("target_team_id").references(() => caseTeams.id, { onDelete: "set null" }),
    /** The agent of an "agent" rule (null otherwise, or once their account is gone). */
    targetAgentId: uuid("target_agent_id").references(() => accounts.id, { onDelete: "set null" }),
    /** Round robin: the agent the rule handed its latest request to; the next one in turn follows. */
    lastAssigneeId: uuid("last_assignee_id").references(() => accounts.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("case_routing_rules_place_unique")
      .on(t.categoryId, t.governorateCode)
      .where(sql`${t.governorateCode} is not null and ${t.municipalityId} is null`),
    uniqueIndex("case_routing_rules_municipality_unique")
      .on(t.categoryId, t.municipalityId)
      .where(sql`${t.municipalityId} is not null`),
    uniqueIndex("case_routing_rules_any_place_unique")
      .on(t.categoryId)
      .where(sql`${t.governorateCode} is null`),
    index("case_routing_rules_target_idx").on(t.targetStructureId),
    check(
      "case_routing_rules_municipality_governorate",
      sql`${t.municipalityId} is null or ${t.governorateCode} is not null`,
    ),
    check(
      "case_routing_rules_assignment",
      sql`${t.assignment} in ('none', 'least_loaded', 'round_robin', 'agent')`,
    ),
  ],
);

/**
 * Addresses that asked for no more mail about a request (the unsubscribe link of its mails). The
 * address is kept only as a keyed hash (see notify.ts), never in clear.
 */
export const caseMailOptOuts = pgTable(
  "case_mail_opt_outs",
  {
    caseId: ownedBy("case_id", () => cases.id),
    addressKey: text("address_key").notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.addressKey] })],
);

/**
 * A member of staff's own settings: how they hear of requests handed to them (a mail each, or one
 * summary a day), and when they last looked at their queue (what is "new" there).
 */
export const STAFF_MAIL_RHYTHMS = ["instant", "daily"] as const;
export type StaffMailRhythm = (typeof STAFF_MAIL_RHYTHMS)[number];

export const staffPreferences = pgTable(
  "staff_preferences",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    assignmentMail: text("assignment_mail").$type<StaffMailRhythm>().notNull().default("instant"),
    /** The end of the period the latest daily summary covered. */
    summaryUntil: tstz("summary_until"),
    /** Requests that reached the queue after this are marked "new": the end of the previous visit. */
    queueSeenAt: tstz("queue_seen_at"),
    /** The latest time the queue was shown: a visit ends after QUEUE_VISIT_GAP without one. */
    queueShownAt: tstz("queue_shown_at"),
    ...timestamps(),
  },
  (t) => [check("staff_preferences_assignment_mail", sql`${t.assignmentMail} in ('instant', 'daily')`)],
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

/**
 * How many open requests (new, in progress, awaiting the citizen) each account has assigned, in any
 * structure: the least-loaded rule reads one row per agent here instead of counting every open
 * request of every agent on each request it routes. Kept by the trigger cases_open_load (migration
 * 0035) in the same transaction as the change to the request; an agent with no row has none.
 */
export const agentOpenLoad = pgTable("agent_open_load", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  n: integer("n").notNull(),
});
