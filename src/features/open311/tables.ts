import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import { id, requiredRef, timestamps, tstz } from "../../db/columns.js";
import { cases } from "../cases/tables.js";

/**
 * Client applications allowed to file requests through the Open311 API. Each holds one API key,
 * shown once when a platform admin issues it and stored only as its sha256.
 */
export const open311Clients = pgTable("open311_clients", {
  id: id(),
  /** The application, as admins know it ("Tunis municipality app"). */
  name: text("name").notNull(),
  /** Who answers for the application. */
  contactEmail: text("contact_email").notNull(),
  /** sha256 (hex) of the key: a leaked table opens nothing. */
  keyHash: text("key_hash").notNull().unique(),
  /** The key's first characters, so admins can tell keys apart without the secret. */
  keyHint: text("key_hint").notNull(),
  createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
  revokedAt: tstz("revoked_at"),
  ...timestamps(),
});

/** Which application filed which request: to find a key's requests if it is abused. */
export const open311Submissions = pgTable(
  "open311_submissions",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    clientId: requiredRef("client_id", () => open311Clients.id),
    ...timestamps(),
  },
  (t) => [index("open311_submissions_client_idx").on(t.clientId)],
);
