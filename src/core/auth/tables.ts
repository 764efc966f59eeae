import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, ownedBy, timestamps, tstz } from "../../db/columns.js";

export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    /** Stored as typed; unique regardless of case. Null once the account is deleted. */
    email: text("email"),
    emailVerifiedAt: tstz("email_verified_at"),
    /** argon2id; null for accounts that only sign in through the national e-ID. */
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    /** E.164, e.g. +21620123456. */
    phone: text("phone"),
    locale: text("locale").notNull().default("ar"),
    /** Set when a national e-ID provider vouched for this person. */
    identityVerifiedAt: tstz("identity_verified_at"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    /** Encrypted with a key derived from the cookie secret (see totp.ts). */
    totpSecret: text("totp_secret"),
    totpEnabledAt: tstz("totp_enabled_at"),
    /** The 30-second time step of the last TOTP code accepted: codes of that step or before are refused. */
    totpLastStep: integer("totp_last_step"),
    /** argon2id hashes of the unused recovery codes. */
    recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    deletedAt: tstz("deleted_at"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("accounts_email_unique").on(sql`lower(${t.email})`)],
);

/** Identities at external OpenID Connect providers (the national e-ID), linked to an account. */
export const accountIdentities = pgTable(
  "account_identities",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("account_identities_issuer_subject").on(t.issuer, t.subject)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie's random token: a leaked table opens no session. */
    id: text("id").primaryKey(),
    accountId: ownedBy("account_id", () => accounts.id),
    persistent: boolean("persistent").notNull().default(false),
    /** A coarse description of the device ("Firefox · Android"), shown on "your sessions". */
    device: text("device").notNull().default(""),
    /** When a TOTP code was checked in this session; an account with TOTP on is signed in only then. */
    secondFactorAt: tstz("second_factor_at"),
    lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
    ...timestamps(),
  },
  (t) => [index("sessions_account_idx").on(t.accountId)],
);

export const tokenPurpose = pgEnum("token_purpose", [
  "verify_email",
  "reset_password",
  "change_email",
  "invitation",
]);

/** Single-use, expiring tokens sent by mail. Only their sha256 is stored. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: id(),
    accountId: ownedBy("account_id", () => accounts.id),
    purpose: tokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    ...timestamps(),
  },
  (t) => [index("account_tokens_account_idx").on(t.accountId, t.purpose)],
);

/** Failed sign-ins per email (hashed), for back-off that holds across every node. */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: tstz("locked_until"),
  ...timestamps(),
});
