import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { allLanguages, searchFold, searchVector, searchVectorColumn } from "../../core/search.js";
import { governorates, structures } from "../../core/structures/tables.js";
import { id, localizedText, optionalRef, ownedBy, requiredRef, timestamps, tstz } from "../../db/columns.js";
import { themes } from "../subscriptions/tables.js";

export const eventKind = pgEnum("event_kind", ["information_day", "training", "awareness"]);
export const eventMode = pgEnum("event_mode", ["in_person", "online"]);
export const registrationStatus = pgEnum("registration_status", ["confirmed", "waiting", "cancelled"]);

/** The portal search's expressions over an event (its stored search_vector and the GIN indexes). */
export const EVENT_SEARCH_VECTOR = searchVector(
  allLanguages("events.title"),
  allLanguages("events.description"),
);
export const EVENT_SEARCH_TITLE = searchFold(allLanguages("events.title"));

/** An information day, a training or an awareness session, organised by a structure. */
export const events = pgTable(
  "events",
  {
    searchVector: searchVectorColumn(EVENT_SEARCH_VECTOR),
    id: id(),
    structureId: requiredRef("structure_id", () => structures.id),
    kind: eventKind("kind").notNull(),
    themeCode: text("theme_code").references(() => themes.code),
    mode: eventMode("mode").notNull(),
    title: localizedText("title"),
    description: localizedText("description"),
    /** In person: the governorate and the venue. */
    governorateCode: text("governorate_code").references(() => governorates.code),
    venue: localizedText("venue").default(sql`'{}'::jsonb`),
    /** Online: where to join (sent to registered people, shown on the page). */
    onlineUrl: text("online_url"),
    startsAt: tstz("starts_at").notNull(),
    endsAt: tstz("ends_at").notNull(),
    capacity: integer("capacity").notNull(),
    cancelledAt: tstz("cancelled_at"),
    /** Why its organiser cancelled it (shown on its page and told to the registered). */
    cancelReason: text("cancel_reason"),
    createdBy: optionalRef("created_by", () => accounts.id, "set null"),
    ...timestamps(),
  },
  (t) => [
    index("events_starts_idx").on(t.startsAt),
    index("events_governorate_idx").on(t.governorateCode, t.startsAt),
    index("events_structure_idx").on(t.structureId, t.startsAt),
    index("events_search_idx").using("gin", t.searchVector),
    index("events_search_title_idx").using("gin", sql`${EVENT_SEARCH_TITLE} gin_trgm_ops`),
  ],
);

/** A person's place at an event: confirmed, or on the waiting list (in order of arrival). */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: id(),
    eventId: ownedBy("event_id", () => events.id),
    accountId: ownedBy("account_id", () => accounts.id),
    status: registrationStatus("status").notNull(),
    /** Where the person stands in line: the waiting list is served in this order. */
    queuedAt: tstz("queued_at").notNull().defaultNow(),
    promotedAt: tstz("promoted_at"),
    cancelledAt: tstz("cancelled_at"),
    remindedAt: tstz("reminded_at"),
    attended: boolean("attended").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("event_registrations_person_idx").on(t.eventId, t.accountId),
    index("event_registrations_line_idx").on(t.eventId, t.status, t.queuedAt),
    index("event_registrations_account_idx").on(t.accountId),
  ],
);
