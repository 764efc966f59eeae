import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { accountIdentities, accounts } from "../../../core/auth/tables.js";
import { recordAcceptance } from "../../legal/commands/record-acceptance.js";
import { findCurrentVersion } from "../../legal/queries.js";
import { legalAcceptances } from "../../legal/tables.js";
import type { EidClaims } from "../oidc-client.js";
import { signInWithEid } from "./sign-in-with-eid.js";

const { database } = await createTestApp();
const db = database.db;
const ISSUER = "https://eid.example.tn";
const context = { locale: "ar" as const, fallbackName: "مشارك", accepted: true };
const claims = (subject: string, more: Partial<EidClaims> = {}): EidClaims => ({
  issuer: ISSUER,
  subject,
  email: null,
  emailVerified: false,
  name: null,
  ...more,
});

/** signInWithEid for a person who has just accepted the terms: always signed in. */
async function signInWithEidAccepted(...args: Parameters<typeof signInWithEid>) {
  const result = await signInWithEid(...args);
  if (result.status !== "signedIn") throw new Error("expected a signed-in result");
  return result;
}

const acceptedVersions = async (accountId: string) =>
  (await db.select().from(legalAcceptances).where(eq(legalAcceptances.accountId, accountId)))
    .map((a) => a.versionId)
    .sort();
const countAccounts = async () => (await db.select({ id: accounts.id }).from(accounts)).length;

describe("signInWithEid", () => {
  it("creates an identity-verified account without a password, named by the provider or by default", async () => {
    const named = await signInWithEidAccepted(
      db,
      claims("s-1", { name: "Rim", email: "rim@example.tn", emailVerified: true }),
      context,
    );
    expect(named.outcome).toBe("created");
    expect(named.account).toMatchObject({
      displayName: "Rim",
      email: "rim@example.tn",
      passwordHash: null,
      locale: "ar",
    });
    expect(named.account.identityVerifiedAt).toBeInstanceOf(Date);
    const unnamed = await signInWithEidAccepted(db, claims("s-2"), context);
    expect(unnamed.account.displayName).toBe("مشارك");
    expect(unnamed.account.email).toBeNull();
  });

  it("finds the same account for the same issuer and subject, and not for another issuer", async () => {
    const first = await signInWithEidAccepted(db, claims("s-3"), context);
    const again = await signInWithEidAccepted(db, claims("s-3"), context);
    expect(again).toMatchObject({ outcome: "known", account: { id: first.account.id } });
    const elsewhere = await signInWithEidAccepted(
      db,
      { ...claims("s-3"), issuer: "https://other.example.tn" },
      context,
    );
    expect(elsewhere.account.id).not.toBe(first.account.id);
  });

  it("links by email only when the provider verified it, keeping the account's own name", async () => {
    const existing = await createAccount(database, { email: "mourad@example.tn", displayName: "Mourad" });
    const unverified = await signInWithEidAccepted(
      db,
      claims("s-4", { email: "mourad@example.tn", name: "X" }),
      context,
    );
    expect(unverified.account.id).not.toBe(existing.id);
    expect(unverified.account.email).toBeNull();
    const verified = await signInWithEidAccepted(
      db,
      claims("s-5", { email: "MOURAD@example.tn", emailVerified: true, name: "X" }),
      context,
    );
    expect(verified).toMatchObject({
      outcome: "linked",
      account: { id: existing.id, displayName: "Mourad" },
    });
  });

  it("starts afresh when the linked account was deleted", async () => {
    const first = await signInWithEidAccepted(db, claims("s-6"), context);
    await db.update(accounts).set({ deletedAt: new Date() }).where(eq(accounts.id, first.account.id));
    const next = await signInWithEidAccepted(db, claims("s-6"), context);
    expect(next.outcome).toBe("created");
    expect(next.account.id).not.toBe(first.account.id);
    const links = await db.select().from(accountIdentities).where(eq(accountIdentities.subject, "s-6"));
    expect(links.map((l) => l.accountId)).toEqual([next.account.id]);
  });

  it("settles two sign-ins of the same new person at once on one account", async () => {
    const [a, b] = await Promise.all([
      signInWithEidAccepted(db, claims("s-7"), context),
      signInWithEidAccepted(db, claims("s-7"), context),
    ]);
    expect(a.account.id).toBe(b.account.id);
  });

  it("records the versions of the terms and the personal-data notice in force when the person accepted them", async () => {
    const { account } = await signInWithEidAccepted(db, claims("s-8"), context);
    const terms = await findCurrentVersion(db, "terms");
    const privacy = await findCurrentVersion(db, "privacy");
    expect(await acceptedVersions(account.id)).toEqual([terms!.id, privacy!.id].sort());
  });
});

describe("signInWithEid before the person accepted the terms", () => {
  const notYet = { ...context, accepted: false };

  it("creates nothing for a new person and asks for the acceptance", async () => {
    const before = await countAccounts();
    const result = await signInWithEid(
      db,
      claims("n-1", { email: "n1@example.tn", emailVerified: true }),
      notYet,
    );
    expect(result).toEqual({ status: "mustAccept", existingAccount: false });
    expect(await countAccounts()).toBe(before);
    expect(await db.select().from(accountIdentities).where(eq(accountIdentities.subject, "n-1"))).toEqual([]);
  });

  it("asks an account with no acceptance on record, and changes nothing until it accepts", async () => {
    const { account } = await signInWithEidAccepted(db, claims("n-2"), context);
    await db.delete(legalAcceptances).where(eq(legalAcceptances.accountId, account.id));
    const verifiedAt = new Date("2026-01-01T00:00:00Z");
    await db.update(accounts).set({ identityVerifiedAt: verifiedAt }).where(eq(accounts.id, account.id));

    expect(await signInWithEid(db, claims("n-2"), notYet)).toEqual({
      status: "mustAccept",
      existingAccount: true,
    });
    const [unchanged] = await db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(unchanged!.identityVerifiedAt).toEqual(verifiedAt);
    expect(await acceptedVersions(account.id)).toEqual([]);

    const accepted = await signInWithEidAccepted(db, claims("n-2"), context);
    expect(accepted).toMatchObject({ outcome: "known", account: { id: account.id } });
    expect(await acceptedVersions(account.id)).toHaveLength(2);
  });

  it("signs in at once an account that accepted the terms before", async () => {
    const first = await signInWithEidAccepted(db, claims("n-3"), context);
    const again = await signInWithEid(db, claims("n-3"), notYet);
    expect(again).toMatchObject({ status: "signedIn", outcome: "known", account: { id: first.account.id } });
  });

  it("links at once an email account that accepted the terms, and asks one that has none on record", async () => {
    const signedUp = await createAccount(database, { email: "accepted@example.tn" });
    await recordAcceptance(db, signedUp.id);
    const linked = await signInWithEid(
      db,
      claims("n-4", { email: "accepted@example.tn", emailVerified: true }),
      notYet,
    );
    expect(linked).toMatchObject({ status: "signedIn", outcome: "linked", account: { id: signedUp.id } });

    const never = await createAccount(database, { email: "never.accepted@example.tn" });
    const asked = await signInWithEid(
      db,
      claims("n-5", { email: "never.accepted@example.tn", emailVerified: true }),
      notYet,
    );
    expect(asked).toEqual({ status: "mustAccept", existingAccount: true });
    expect(
      await db.select().from(accountIdentities).where(eq(accountIdentities.accountId, never.id)),
    ).toEqual([]);
  });

  it("does not shut an unverified account holding the address before the person accepts", async () => {
    const squatter = await createAccount(database, { email: "held@example.tn", verified: false });
    const result = await signInWithEid(
      db,
      claims("n-6", { email: "held@example.tn", emailVerified: true }),
      notYet,
    );
    expect(result).toEqual({ status: "mustAccept", existingAccount: false });
    const [untouched] = await db.select().from(accounts).where(eq(accounts.id, squatter.id));
    expect(untouched).toMatchObject({ email: "held@example.tn", passwordHash: squatter.passwordHash });
  });
});
