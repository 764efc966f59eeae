import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { foldAccents } from "../../core/search.js";
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
import { structureCategories } from "../structures/tables.js";
import { REFUSAL_GROUNDS } from "./access-law.js";

export const caseType = pgEnum("case_type", ["notice", "complaint", "suggestion", "guidance", "information"]);
export const caseStatus = pgEnum("case_status", [
  "new",
  "in_progress",
  "awaiting_citizen",
  "answered",
  "closed",
]);
export const caseOutcome = pgEnum("case_outcome", [
  "answered",
  "not_competent",
  "no_further_action",
  "duplicate",
  "withdrawn",
  // Access-to-information decisions (Organic Law 2016-22): see access-law.ts.
  "granted",
  "partly_granted",
  "refused",
]);
/** The time limit an access-to-information request runs under (access-law.ts says which article). */
export const accessTrack = pgEnum("access_track", ["standard", "on_site", "life_liberty"]);
/** The exception of the law a refusal (or a partial grant) rests on (access-law.ts). */
export const accessRefusalGround = pgEnum("access_refusal_ground", REFUSAL_GROUNDS);
/** How a request reached the administration: filed online, or entered by an agent on the person's behalf. */
export const CASE_CHANNELS = ["web", "counter", "phone", "post", "open311"] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const caseChannel = pgEnum("case_channel", CASE_CHANNELS);

export const caseEventKind = pgEnum("case_event_kind", [
  "submitted",
  "assigned",
  "transferred",
  "info_requested",
  "citizen_replied",
  "replied",
  "note",
  "closed",
  "reopened",
  "appealed",
  "rated",
  "merged",
  "reminded",
  "escalated",
  "extended",
  "routed",
]);

/** The number part of a reference (000123 of EC-2026-000123): what a caller quotes without the year. */
export const CASE_REFERENCE_NUMBER = sql.raw(`split_part(cases.reference, '-', 3)`);

/**
 * A team of a structure's agents (a "roads" team, a "civil registry" desk): routing rules may send
 * requests to it, to wait in its queue or to go to one of its members (workspace/routing.ts).
 */
export const caseTeams = pgTable(
  "case_teams",
  {
    id: id(),
    structureId: requiredRef("structure_id", () => structures.id),
    name: localizedText("name"),
    createdBy: optionalRef("created_by", () => accounts.id, "set null"),
    ...timestamps(),
  },
  (t) => [index("case_teams_structure_idx").on(t.structureId)],
);

/** A team's members: agents of the team's structure (checked when the team is saved and when it is used). */
export const caseTeamMembers = pgTable(
  "case_team_members",
  {
    teamId: ownedBy("team_id", () => caseTeams.id),
    accountId: ownedBy("account_id", () => accounts.id),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.accountId] }),
    index("case_team_members_account_idx").on(t.accountId),
  ],
);

/** An E-Citizen request ("case" in code; people see "request"). */
export const cases = pgTable(
  "cases",
  {
    id: id(),
    /** EC-2026-000123: what citizens quote. */
    reference: text("reference").notNull().unique(),
    /**
     * sha256 of the form's one-time key: a double submit finds the case the first submit created.
     * Never the key itself, so the table gives nobody a key to replay.
     */
    submissionKeyHash: text("submission_key_hash").notNull().unique(),
    type: caseType("type").notNull(),
    status: caseStatus("status").notNull().default("new"),
    outcome: caseOutcome("outcome"),
    structureId: requiredRef("structure_id", () => structures.id),
    categoryId: uuid("category_id").references(() => structureCategories.id),
    /** Sent by someone who did not know the competent structure: the central office routes it. */
    needsTriage: boolean("needs_triage").notNull().default(false),
    channel: caseChannel("channel").notNull().default("web"),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    /**
     * What the staff queue's search matches: subject and text, Arabic-normalised, lower-cased and
     * without French accents, kept with the row so a search's recheck compares plain text rather
     * than normalising every candidate again.
     */
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(sql.raw(foldAccents("normalize_arabic(subject || ' ' || description)"))),
    governorateCode: text("governorate_code").references(() => governorates.code),
    municipalityId: uuid("municipality_id").references(() => structures.id),
    address: text("address"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    submitterId: uuid("submitter_id").references(() => accounts.id, { onDelete: "set null" }),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /** A postal address to answer to, for a request filed on someone's behalf (by post, at the counter). */
    contactAddress: text("contact_address"),
    /**
     * The language the request was filed in: what is sent to a person without an account (by mail
     * or SMS) is written in it. Null for requests filed before it was recorded (they get Arabic).
     */
    locale: text("locale"),
    /** Fully anonymous: no contact at all, followed only with the receipt code. */
    anonymous: boolean("anonymous").notNull().default(false),
    /** sha256 of the secret in the follow-up link (the receipt code for anonymous requests). */
    followTokenHash: text("follow_token_hash").notNull().unique(),
    /**
     * HMAC of the follow code's PIN (typed with the reference on the public follow page; see
     * follow-code.ts). Null for requests filed before follow codes: their link still works.
     */
    followPinHash: text("follow_pin_hash"),
    assigneeId: uuid("assignee_id").references(() => accounts.id, { onDelete: "set null" }),
    /** The team a routing rule sent it to (it waits in that team's queue until someone takes it). */
    teamId: optionalRef("team_id", () => caseTeams.id, "set null"),
    /** When the clock started at the current structure (submission, or the latest transfer). */
    clockStartedAt: tstz("clock_started_at").notNull().defaultNow(),
    dueAt: tstz("due_at"),
    pausedAt: tstz("paused_at"),
    firstResponseAt: tstz("first_response_at"),
    answeredAt: tstz("answered_at"),
    closedAt: tstz("closed_at"),
    satisfaction: integer("satisfaction"),
    satisfactionComment: text("satisfaction_comment"),
    /** 0: none; 1: the structure admin reviews; 2: the central office reviews. */
    appealLevel: integer("appeal_level").notNull().default(0),
    /** Whose admins review the latest appeal: the request's structure, then the central office. */
    appealStructureId: uuid("appeal_structure_id").references(() => structures.id),
    /** When the latest appeal was made. */
    appealedAt: tstz("appealed_at"),
    /** Access-to-information requests only: the law's track, its one extension, a refusal's ground. */
    accessTrack: accessTrack("access_track"),
    extendedAt: tstz("extended_at"),
    refusalGround: accessRefusalGround("refusal_ground"),
    /**
     * Access-to-information requests only: the deadline whose passing in silence the requester was
     * told of (the law counts it as a refusal). A new deadline (extension, appeal, transfer) differs
     * from it, so each silence is told once (jobs/access-silence.ts).
     */
    silenceToldFor: tstz("silence_told_for"),
    transferCount: integer("transfer_count").notNull().default(0),
    duplicateOfId: uuid("duplicate_of_id"),
    /** 0: none; 1: assignee reminded; 2: structure admin alerted; 3: central office alerted. */
    escalationLevel: integer("escalation_level").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    // The queue: pages in deadline order and their counts, read from the index alone.
    // The staff queue: its pages (in deadline order) and its counts of open requests under any
    // filter are read from this index alone. The columns after id only cover the filters.
    index("cases_queue_idx").on(
      t.structureId,
      t.status,
      t.dueAt,
      t.createdAt,
      t.id,
      t.pausedAt,
      t.type,
      t.categoryId,
      t.governorateCode,
      t.assigneeId,
    ),
    index("cases_submitter_idx").on(t.submitterId),
    // The "appeals" queue: the appeals a structure's admins review.
    index("cases_appeal_idx")
      .on(t.appealStructureId, t.dueAt)
      .where(sql`${t.appealLevel} > 0 and ${t.status} in ('new', 'in_progress', 'awaiting_citizen')`),
    index("cases_assignee_idx").on(t.assigneeId),
    index("cases_team_idx").on(t.teamId),
    // Open requests by deadline: the deadline job's and the insights' overdue requests.
    index("cases_due_idx").on(t.dueAt).where(sql`${t.status} in ('new', 'in_progress', 'awaiting_citizen')`),
    // Access-to-information requests whose silence past the deadline the requester was not yet told of.
    index("cases_access_silence_idx")
      .on(t.dueAt)
      .where(
        sql`${t.type} = 'information' and ${t.status} in ('new', 'in_progress', 'awaiting_citizen') and ${t.silenceToldFor} is distinct from ${t.dueAt}`,
      ),
    index("cases_similar_idx").using("gin", sql`normalize_arabic(${t.subject}) gin_trgm_ops`),
    // The queue's search box (queries/queue.ts): words, reference without its year, e-mail, phone.
    index("cases_search_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("cases_reference_number_idx").on(sql`${CASE_REFERENCE_NUMBER}`),
    index("cases_contact_email_idx").on(sql`lower(${t.contactEmail})`),
    index("cases_contact_phone_idx").on(t.contactPhone),
  ],
);

/** A case's history: what happened, who did it, and whether the citizen sees it. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: id(),
    caseId: ownedBy("case_id", () => cases.id),
    at: tstz("at").notNull().defaultNow(),
    kind: caseEventKind("kind").notNull(),
    actorId: uuid("actor_id").references(() => accounts.id, { onDelete: "set null" }),
    /** Internal notes and routing details are for staff only. */
    internal: boolean("internal").notNull().default(false),
    body: text("body"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index("case_events_case_idx").on(t.caseId, t.at),
    // The routing page counts, for each rule, the requests it routed lately.
    index("case_events_rule_idx")
      .on(sql`(${t.details}->>'ruleId')`, t.at)
      .where(sql`(${t.details}->>'ruleId') is not null`),
  ],
);

export const caseAttachments = pgTable(
  "case_attachments",
  {
    id: id(),
    caseId: ownedBy("case_id", () => cases.id),
    eventId: uuid("event_id").references(() => caseEvents.id, { onDelete: "set null" }),
    ...storedFile(),
    ...timestamps(),
  },
  (t) => [index("case_attachments_case_idx").on(t.caseId)],
);

/** People told of a case's progress besides its submitter (merged duplicates, "me too"). */
export const caseFollowers = pgTable(
  "case_followers",
  {
    caseId: ownedBy("case_id", () => cases.id),
    accountId: ownedBy("account_id", () => accounts.id),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.accountId] })],
);
