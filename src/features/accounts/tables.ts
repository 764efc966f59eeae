import { sql } from "drizzle-orm";
import { customType, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";

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

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

export const dataExportStatus = pgEnum("data_export_status", ["pending", "ready", "failed"]);

/**
 * "Download my data": a person's request for a ZIP of everything tied to their account, prepared
 * by a job (data-export/job.ts), downloadable by them only, until it expires. One pending at a time.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    status: dataExportStatus("status").notNull().default("pending"),
    /** The language of the mail that says it is ready. */
    locale: text("locale").notNull(),
    readyAt: tstz("ready_at"),
    expiresAt: tstz("expires_at"),
    /** The ZIP itself (a few MB at most: a person's own records and files). Deleted once expired. */
    zip: bytea("zip"),
    size: integer("size"),
    ...timestamps(),
  },
  (t) => [
    index("data_exports_account_idx").on(t.accountId, t.createdAt),
    uniqueIndex("data_exports_one_pending").on(t.accountId).where(sql`${t.status} = 'pending'`),
  ],
);

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
