import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.js";

/** Platform-wide settings and one-off markers (e.g. when demo content was seeded), by key. */
export const platformSettings = pgTable("platform_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  ...timestamps(),
});
