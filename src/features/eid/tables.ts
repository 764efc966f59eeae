import { boolean, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps, tstz } from "../../db/columns.js";
import type { EidClaims } from "./oidc-client.js";

/**
 * A person the e-ID vouched for who has not yet accepted the terms of use and the personal-data
 * notice: what the provider said, held on the server between the callback and the acceptance step.
 * The browser holds only a random token (its sha256 is stored here). Spent on acceptance, deleted on
 * refusal, useless after `expires_at` and then deleted (the eid-forget-lapsed job, every 15 minutes).
 */
export const eidPendingSignIns = pgTable(
  "eid_pending_sign_ins",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    claims: jsonb("claims").$type<EidClaims>().notNull(),
    /** The language the person started in, and where to go once signed in (checked at the start). */
    locale: text("locale").notNull(),
    next: text("next").notNull(),
    /** Whether an account existed for this person when the step was shown (only the wording differs). */
    existingAccount: boolean("existing_account").notNull(),
    expiresAt: tstz("expires_at").notNull(),
    ...timestamps(),
  },
  (t) => [index("eid_pending_sign_ins_expires_idx").on(t.expiresAt)],
);
