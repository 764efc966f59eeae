import { date, doublePrecision, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { structures } from "../../core/structures/tables.js";
import { tstz } from "../../db/columns.js";

/**
 * Rollup: how many contributions of each mechanism arrived, per structure (null: not addressed to
 * one) and either per month (Africa/Tunis; governorate "*"), per governorate ("TN-11"…, "abroad"
 * or "unstated"; month "*"), or over all time (both "*"). Also holds each month's new and active accounts (governorate "*").
 * Rebuilt whole by the insights-refresh job (refresh.ts): pages read this, never the source tables.
 */
export const insightsUsage = pgTable(
  "insights_usage",
  {
    month: text("month").notNull(),
    mechanism: text("mechanism").notNull(),
    governorate: text("governorate").notNull(),
    structureId: uuid("structure_id").references(() => structures.id, { onDelete: "cascade" }),
    count: integer("count").notNull(),
  },
  (t) => [
    index("insights_usage_month_idx").on(t.month, t.mechanism),
    index("insights_usage_structure_idx").on(t.structureId),
  ],
);

/**
 * Rollup: each structure's service levels on the requests it holds, as of `refreshedAt`. Every
 * structure has its row (zeros included), so the latest refresh time is always known.
 */
export const insightsServiceLevels = pgTable("insights_service_levels", {
  structureId: uuid("structure_id")
    .primaryKey()
    .references(() => structures.id, { onDelete: "cascade" }),
  received: integer("received").notNull(),
  answered: integer("answered").notNull(),
  medianHours: doublePrecision("median_hours"),
  p90Hours: doublePrecision("p90_hours"),
  deadlineKnown: integer("deadline_known").notNull(),
  answeredInTime: integer("answered_in_time").notNull(),
  /** Open requests (new, in progress, awaiting the citizen). */
  backlog: integer("backlog").notNull(),
  /** Open requests past their deadline with the clock running. */
  overdue: integer("overdue").notNull(),
  /** Requests this structure passed on to another. */
  transfersOut: integer("transfers_out").notNull(),
  /** Requests held here that came by a transfer. */
  transfersIn: integer("transfers_in").notNull(),
  ratings: integer("ratings").notNull(),
  meanSatisfaction: doublePrecision("mean_satisfaction"),
  refreshedAt: tstz("refreshed_at").notNull(),
});

/**
 * First-party counters for the submission funnel: how many times a form was opened and submitted
 * each day. Aggregated counts only: no cookie, no address, no account.
 */
export const insightsCounters = pgTable(
  "insights_counters",
  {
    day: date("day").notNull(),
    name: text("name").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.name] })],
);
