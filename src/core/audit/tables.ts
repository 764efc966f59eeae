import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, tstz } from "../../db/columns.js";

/**
 * Append-only record of what officials and the system did: who, what, when, on which record, from
 * which structure. A trigger refuses UPDATE and DELETE. Never holds the content of integrity
 * reports, nor passwords, tokens or message bodies.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    at: tstz("at").notNull().defaultNow(),
    /** Null for the system (jobs, CLI). No foreign key: the log outlives deleted accounts. */
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    structureId: uuid("structure_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_structure_idx").on(t.structureId),
  ],
);
