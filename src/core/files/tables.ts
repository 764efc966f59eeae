import { customType, integer, pgTable, text } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Uploaded files on PostgreSQL, so every node reads what any node wrote and one backup holds
 * everything. Deliberately no timestamp column: the integrity channel promises its files carry no
 * time of day.
 */
export const storedFiles = pgTable("stored_files", {
  key: text("key").primaryKey(),
  data: bytea("data").notNull(),
  size: integer("size").notNull(),
});
