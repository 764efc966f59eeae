import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { structures } from "../../core/structures/tables.js";
import { ownedBy, timestamps } from "../../db/columns.js";

/** The web origins allowed to frame a structure's widgets (CSP frame-ancestors). */
export const widgetOrigins = pgTable(
  "widget_origins",
  {
    structureId: ownedBy("structure_id", () => structures.id),
    /** "https://www.commune-tunis.gov.tn": scheme, host and port only. */
    origin: text("origin").notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.structureId, t.origin] })],
);
