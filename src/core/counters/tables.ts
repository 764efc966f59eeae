import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters shared by every node: rate limits and throttles. Keys are opaque (an
 * address never appears in clear: callers hash or HMAC it). The table is UNLOGGED (see the
 * migration): counters are worth no WAL, and losing them in a crash only resets the windows.
 */
export const rateCounters = pgTable("rate_counters", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
});
