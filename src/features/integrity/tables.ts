import { randomUUID } from "node:crypto";
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts, sessions } from "../../core/auth/tables.js";
import { memberships } from "../../core/authz/tables.js";
import { structures } from "../../core/structures/tables.js";
import { ownedBy, timestamps, tstz } from "../../db/columns.js";

/*
 * The integrity channel's tables. What a whistleblower wrote, attached or is named as lives only
 * as libsodium ciphertext (base64). Rows about reports carry no precise time: days only, and
 * random (v4) ids, since a v7 id would carry the moment it was made.
 */

/** A random uuid (v4): it says nothing about when the row was made. */
const randomId = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => randomUUID());

export const integrityReportStatus = pgEnum("integrity_report_status", [
  "new",
  "under_review",
  "referred",
  "closed",
]);
export const integrityKeyPurpose = pgEnum("integrity_key_purpose", ["content", "identity"]);
export const integrityAuthor = pgEnum("integrity_author", ["whistleblower", "officer"]);

/**
 * An integrity officer's Curve25519 keypair. The private key is stored only wrapped (secretbox)
 * under an argon2id key from the officer's password, and again under one from their recovery key.
 */
export const integrityOfficerKeys = pgTable("integrity_officer_keys", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  publicKey: text("public_key").notNull(),
  passwordSalt: text("password_salt").notNull(),
  passwordWrapped: text("password_wrapped").notNull(),
  recoverySalt: text("recovery_salt").notNull(),
  recoveryWrapped: text("recovery_wrapped").notNull(),
  ...timestamps(),
});

/**
 * An integrity officer's appointment, as the integrity channel sees it: report keys are sealed to
 * the officer only once it is approved, by an approved officer of the same structure, or on its
 * own when the structure had no approved officer (nobody else could approve: the platform admin's
 * appointment stands). A pending appointment (approvedOn null) receives no key. Days only.
 */
export const integrityAppointments = pgTable("integrity_appointments", {
  membershipId: uuid("membership_id")
    .primaryKey()
    .references(() => memberships.id, { onDelete: "cascade" }),
  approvedOn: date("approved_on"),
  /** The approving officer; null when the appointment stood on its own (or they left). */
  approvedBy: uuid("approved_by").references(() => accounts.id, { onDelete: "set null" }),
});

/**
 * An officer's unlocked private key for one sign-in session, wrapped under a random key that only
 * the officer's browser holds (a cookie): the database alone opens nothing. Ends with the session.
 */
export const integrityKeySessions = pgTable("integrity_key_sessions", {
  sessionId: text("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  accountId: ownedBy("account_id", () => accounts.id),
  wrappedKey: text("wrapped_key").notNull(),
  expiresAt: tstz("expires_at").notNull(),
});

/** A corruption report. Never called a case, and never in the cases' tables. */
export const integrityReports = pgTable(
  "integrity_reports",
  {
    id: randomId(),
    /** The structure whose integrity officers it is addressed to (null: the central unit only). */
    structureId: uuid("structure_id").references(() => structures.id),
    status: integrityReportStatus("status").notNull().default("new"),
    receivedOn: date("received_on").notNull(),
    dueOn: date("due_on").notNull(),
    updatedOn: date("updated_on").notNull(),
    /** argon2id(receipt, installation salt), hex: finds the report, opens nothing. */
    receiptHash: text("receipt_hash").notNull(),
    /** The whistleblower's public key, derived from the receipt (argon2id with this salt). */
    whistleblowerSalt: text("whistleblower_salt").notNull(),
    whistleblowerPublicKey: text("whistleblower_public_key").notNull(),
    /** The report itself, sealed to a content key. */
    contentKeyId: uuid("content_key_id").notNull(),
    content: text("content").notNull(),
    /** The whistleblower's identity, when given: sealed to a key only officers hold. */
    identityKeyId: uuid("identity_key_id"),
    identity: text("identity"),
  },
  (t) => [
    uniqueIndex("integrity_reports_receipt_unique").on(t.receiptHash),
    index("integrity_reports_structure_idx").on(t.structureId, t.status),
  ],
);

/**
 * A report's keypairs. Content keys come in generations: when an officer leaves, a new one takes
 * over for everything written after. The private key exists only sealed (crypto_box_seal) to its
 * recipients, and, for content keys, to the whistleblower's receipt-derived key.
 */
export const integrityReportKeys = pgTable(
  "integrity_report_keys",
  {
    id: randomId(),
    reportId: ownedBy("report_id", () => integrityReports.id),
    purpose: integrityKeyPurpose("purpose").notNull(),
    generation: integer("generation").notNull().default(1),
    publicKey: text("public_key").notNull(),
    whistleblowerSealed: text("whistleblower_sealed"),
  },
  (t) => [uniqueIndex("integrity_report_keys_generation").on(t.reportId, t.purpose, t.generation)],
);

/** A report key's private half, sealed to one officer's public key. */
export const integrityKeyRecipients = pgTable(
  "integrity_key_recipients",
  {
    keyId: ownedBy("key_id", () => integrityReportKeys.id),
    accountId: ownedBy("account_id", () => accounts.id),
    sealedKey: text("sealed_key").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.accountId] }),
    index("integrity_key_recipients_account_idx").on(t.accountId),
  ],
);

/** The anonymous conversation: each message sealed to the report's content key of its time. */
export const integrityMessages = pgTable(
  "integrity_messages",
  {
    id: randomId(),
    reportId: ownedBy("report_id", () => integrityReports.id),
    seq: integer("seq").notNull(),
    author: integrityAuthor("author").notNull(),
    keyId: uuid("key_id").notNull(),
    body: text("body").notNull(),
    sentOn: date("sent_on").notNull(),
  },
  (t) => [uniqueIndex("integrity_messages_seq").on(t.reportId, t.seq)],
);

/**
 * Evidence. The file store holds the sealed original (kept as evidence) and, for images, a sealed
 * copy re-encoded without metadata (what officers open). What the file is lives in sealed `meta`.
 */
export const integrityAttachments = pgTable(
  "integrity_attachments",
  {
    id: randomId(),
    reportId: ownedBy("report_id", () => integrityReports.id),
    /** The whistleblower's message it came with; null for the report's first evidence. */
    messageId: uuid("message_id").references(() => integrityMessages.id, { onDelete: "cascade" }),
    keyId: uuid("key_id").notNull(),
    meta: text("meta").notNull(),
    originalFile: text("original_file").notNull(),
    cleanFile: text("clean_file"),
    addedOn: date("added_on").notNull(),
  },
  (t) => [index("integrity_attachments_report_idx").on(t.reportId)],
);
