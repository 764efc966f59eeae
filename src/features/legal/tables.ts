import { index, jsonb, pgEnum, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import { id, ownedBy, requiredRef, timestamps, tstz } from "../../db/columns.js";

export const LEGAL_PAGES = ["terms", "privacy", "accessibility"] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];
export const legalPageKind = pgEnum("legal_page", LEGAL_PAGES);
/** The pages a person accepts before getting an account. */
export const ACCEPTED_AT_SIGN_UP = ["terms", "privacy"] as const satisfies readonly LegalPage[];

/**
 * Every version of the terms of use, the personal-data notice and the accessibility statement, in
 * Markdown, one per language. A save adds a version; the newest is the one in force. Never updated.
 */
export const legalPageVersions = pgTable(
  "legal_page_versions",
  {
    id: id(),
    page: legalPageKind("page").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    body: jsonb("body").$type<LocalizedText>().notNull(),
    /** The platform admin who published it; null for the texts an installation starts with. */
    authorId: uuid("author_id").references(() => accounts.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [index("legal_page_versions_page_idx").on(t.page, t.createdAt)],
);

/** Which versions of the terms and the personal-data notice a person accepted (at sign-up, or at the e-ID's acceptance step). */
export const legalAcceptances = pgTable(
  "legal_acceptances",
  {
    accountId: ownedBy("account_id", () => accounts.id),
    versionId: requiredRef("version_id", () => legalPageVersions.id),
    acceptedAt: tstz("accepted_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.versionId] })],
);
