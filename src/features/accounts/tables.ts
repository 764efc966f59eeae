import { integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { timestamps, tstz } from "../../db/columns.js";

export const ageBand = pgEnum("age_band", [
  "under_18",
  "18_24",
  "25_34",
  "35_44",
  "45_54",
  "55_64",
  "65_plus",
]);
export const gender = pgEnum("gender", ["female", "male", "unstated"]);

/**
 * The optional profile used only in aggregate statistics, kept only with explicit consent.
 * residence is a governorate code (TN-11…) or "abroad".
 */
export const accountProfiles = pgTable("account_profiles", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  residence: text("residence"),
  ageBand: ageBand("age_band"),
  gender: gender("gender"),
  consentedAt: tstz("consented_at").notNull(),
  ...timestamps(),
});

/**
 * The check of an account's phone number by a one-time code sent by SMS. The number is verified
 * while `verifiedPhone` equals the account's phone; a new number must be checked again.
 */
export const accountPhoneChecks = pgTable("account_phone_checks", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  /** The number the latest code went to (E.164). */
  phone: text("phone").notNull(),
  /** sha256 of the account id and the code: the code itself is never stored. */
  codeHash: text("code_hash"),
  codeExpiresAt: tstz("code_expires_at"),
  /** Wrong codes typed since the latest was sent (5 spend it). */
  failures: integer("failures").notNull().default(0),
  /** Codes sent in the current day (from dayStartedAt), at most 5. */
  sentToday: integer("sent_today").notNull().default(0),
  dayStartedAt: tstz("day_started_at").notNull().defaultNow(),
  lastSentAt: tstz("last_sent_at"),
  verifiedPhone: text("verified_phone"),
  verifiedAt: tstz("verified_at"),
  ...timestamps(),
});
