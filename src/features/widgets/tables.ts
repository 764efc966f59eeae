import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../../db/columns.js";
import { structures } from "../structures/tables.js";

/** The web origins allowed to frame a structure's widgets (CSP frame-ancestors). */
export const widgetOrigins = pgTable(
  "widget_origins",
  {
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "cascade" }),
    /** "https://www.commune-tunis.gov.tn": scheme, host and port only. */
    origin: text("origin").notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.structureId, t.origin] })],
);
