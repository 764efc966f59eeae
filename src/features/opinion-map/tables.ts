import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";
import { consultations } from "../consultations/tables.js";
import type { OpinionMapState } from "./math/compute.js";
import type { MapSnapshot } from "./snapshot.js";

/** pending: submitted by a participant, waiting for a moderator; approved: shown and voted on; rejected: never shown. */
export const statementStatus = pgEnum("opinion_statement_status", ["pending", "approved", "rejected"]);

/**
 * A consultation's opinion map: the last computed snapshot (what pages and open data show), the
 * maths' state for the next update (so a restart changes nothing), and since when votes wait.
 */
export const opinionMaps = pgTable("opinion_maps", {
  consultationId: uuid("consultation_id")
    .primaryKey()
    .references(() => consultations.id, { onDelete: "cascade" }),
  snapshot: jsonb("snapshot").$type<MapSnapshot>(),
  state: jsonb("state").$type<OpinionMapState>(),
  computedAt: tstz("computed_at"),
  /** Set when a vote or a statement changes the map, cleared by the job that recomputes it. */
  staleSince: tstz("stale_since"),
  ...timestamps(),
});

/** A short statement (≤ 280 characters) people vote on. Seeded by the admin in several languages, or submitted by a participant. */
export const opinionStatements = pgTable(
  "opinion_statements",
  {
    id: id(),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    body: jsonb("body").$type<LocalizedText>().notNull(),
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    /** Seeded by the consultation's admins (approved from the start). */
    seeded: boolean("seeded").notNull().default(false),
    status: statementStatus("status").notNull().default("pending"),
    ...timestamps(),
  },
  (t) => [
    index("opinion_statements_consultation_idx").on(t.consultationId, t.status, t.createdAt),
    index("opinion_statements_author_idx").on(t.authorId),
  ],
);

/** One vote per participant and statement: +1 agree, −1 disagree, 0 pass. Voting again replaces it (the latest wins). */
export const opinionVotes = pgTable(
  "opinion_votes",
  {
    statementId: ownedBy("statement_id", () => opinionStatements.id),
    accountId: ownedBy("account_id", () => accounts.id),
    consultationId: ownedBy("consultation_id", () => consultations.id),
    vote: smallint("vote").notNull(),
    /** How many times this participant changed this vote (kept for the record, never shown). */
    changes: integer("changes").notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.statementId, t.accountId] }),
    index("opinion_votes_consultation_idx").on(t.consultationId, t.updatedAt),
    index("opinion_votes_account_idx").on(t.accountId),
    check("opinion_votes_vote_check", sql`${t.vote} in (-1, 0, 1)`),
  ],
);
