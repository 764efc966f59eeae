import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";

/** How often a channel brings news: at once, or gathered in a daily or weekly digest. */
export const deliveryFrequency = pgEnum("delivery_frequency", ["instant", "daily", "weekly", "never"]);

/** Themes people follow (health, water, …); events and, later, consultations and ideas carry one. */
export const themes = pgTable("themes", {
  code: text("code").primaryKey(),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  position: integer("position").notNull(),
});

/**
 * A person's mail preferences: the email channel's rhythm for what they follow, the newsletter
 * opt-in, and the random token of their one-click unsubscribe links.
 */
export const subscriberSettings = pgTable("subscriber_settings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  email: deliveryFrequency("email").notNull().default("weekly"),
  newsletter: boolean("newsletter").notNull().default(false),
  unsubscribeToken: text("unsubscribe_token").notNull().unique(),
  ...timestamps(),
});

/**
 * Something a person follows: a kind (one a manifest declares as `followable`: "structure", "theme",
 * "governorate", "consultation", "idea", "thread") and its key. The one list of follows: features' follow buttons
 * write here too, and the person's subscriptions page shows and manages them all.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    kind: text("kind").notNull(),
    target: text("target").notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("subscriptions_person_idx").on(t.accountId, t.kind, t.target),
    index("subscriptions_target_idx").on(t.kind, t.target),
  ],
);

/** News about a followed thing (an event announced, …), which followers get at once or in digests. */
export const notices = pgTable(
  "notices",
  {
    id: id(),
    kind: text("kind").notNull(),
    target: text("target").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    /** Locale-relative path of the page it is about ("/events/…"). */
    path: text("path").notNull(),
    /** A short text from who published it (an idea's answer), sent with instant mails. */
    body: text("body"),
    /** Who caused it (the one who replied, who answered): they are not told of their own news. */
    actorId: uuid("actor_id"),
    /** Set once the instant mails for it are queued. */
    instantSentAt: tstz("instant_sent_at"),
    ...timestamps(),
  },
  (t) => [
    index("notices_target_idx").on(t.kind, t.target, t.createdAt),
    index("notices_instant_idx").on(t.createdAt).where(sql`${t.instantSentAt} is null`),
  ],
);

/** One digest run (a frequency and its period), with a cursor so a run resumes where it stopped. */
export const digestRuns = pgTable(
  "digest_runs",
  {
    id: id(),
    frequency: deliveryFrequency("frequency").notNull(),
    periodStart: tstz("period_start").notNull(),
    periodEnd: tstz("period_end").notNull(),
    /** The last account handled: the next batch starts after it. */
    cursor: uuid("cursor"),
    mails: integer("mails").notNull().default(0),
    finishedAt: tstz("finished_at"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("digest_runs_period_idx").on(t.frequency, t.periodEnd)],
);
