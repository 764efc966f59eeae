import { pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
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
