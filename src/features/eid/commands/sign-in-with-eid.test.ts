import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { accountIdentities, accounts } from "../../../core/auth/tables.js";
import { signInWithEid } from "./sign-in-with-eid.js";

const { database } = await createTestApp();
const db = database.db;
const ISSUER = "https://eid.example.tn";
const context = { locale: "ar" as const, fallbackName: "مشارك" };
const claims = (subject: string, more: Partial<Parameters<typeof signInWithEid>[1]> = {}) => ({
  issuer: ISSUER,
  subject,
  email: null,
  emailVerified: false,
  name: null,
  ...more,
});

describe("signInWithEid", () => {
  it("creates an identity-verified account without a password, named by the provider or by default", async () => {
    const named = await signInWithEid(
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
    const unnamed = await signInWithEid(db, claims("s-2"), context);
    expect(unnamed.account.displayName).toBe("مشارك");
    expect(unnamed.account.email).toBeNull();
  });

  it("finds the same account for the same issuer and subject, and not for another issuer", async () => {
    const first = await signInWithEid(db, claims("s-3"), context);
    const again = await signInWithEid(db, claims("s-3"), context);
    expect(again).toMatchObject({ outcome: "known", account: { id: first.account.id } });
    const elsewhere = await signInWithEid(
      db,
      { ...claims("s-3"), issuer: "https://other.example.tn" },
      context,
    );
    expect(elsewhere.account.id).not.toBe(first.account.id);
  });

  it("links by email only when the provider verified it, keeping the account's own name", async () => {
    const existing = await createAccount(database, { email: "mourad@example.tn", displayName: "Mourad" });
    const unverified = await signInWithEid(
      db,
      claims("s-4", { email: "mourad@example.tn", name: "X" }),
      context,
    );
    expect(unverified.account.id).not.toBe(existing.id);
    expect(unverified.account.email).toBeNull();
    const verified = await signInWithEid(
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
    const first = await signInWithEid(db, claims("s-6"), context);
    await db.update(accounts).set({ deletedAt: new Date() }).where(eq(accounts.id, first.account.id));
    const next = await signInWithEid(db, claims("s-6"), context);
    expect(next.outcome).toBe("created");
    expect(next.account.id).not.toBe(first.account.id);
    const links = await db.select().from(accountIdentities).where(eq(accountIdentities.subject, "s-6"));
    expect(links.map((l) => l.accountId)).toEqual([next.account.id]);
  });

  it("settles two sign-ins of the same new person at once on one account", async () => {
    const [a, b] = await Promise.all([
      signInWithEid(db, claims("s-7"), context),
      signInWithEid(db, claims("s-7"), context),
    ]);
    expect(a.account.id).toBe(b.account.id);
  });
});
