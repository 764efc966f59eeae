import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { createAccount, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { buildApp } from "../../app.js";
import { accounts, sessions } from "../../core/auth/tables.js";
import { newTotpSecret } from "../../core/auth/totp.js";

const testApp = await createTestApp();
const { app, database, config } = testApp;

const uniqueEmail = (tag: string) =>
  `${tag}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.tn`;

/** Signs in through the real form with the password only; the answer asks for the code. */
async function signInWithPassword(email: string, target = app) {
  const agent = new Agent(target);
  await agent.get("/fr/sign-in");
  const answer = await agent.post("/fr/sign-in", { email, password: TEST_PASSWORD });
  expect(answer.statusCode).toBe(303);
  expect(answer.headers.location).toBe("/fr/sign-in/two-factor?next=%2Ffr%2Faccount");
  return agent;
}

const storedSecret = async (id: string) =>
  (await database.db.select().from(accounts).where(eq(accounts.id, id)))[0]!.totpSecret;

describe("a session that has not given its TOTP code yet", () => {
  it("reaches no account page and acts as nobody until the code is entered", async () => {
    const email = uniqueEmail("pending");
    const account = await createAccount(database, { email, totp: true, displayName: "Rim Pending" });
    const agent = await signInWithPassword(email);

    for (const url of [
      "/fr/account",
      "/fr/account/sessions",
      "/fr/account/delete",
      "/fr/account/profile",
      "/fr/account/phone",
      "/fr/account/two-factor",
    ]) {
      const page = await agent.get(url);
      expect(page.statusCode, url).toBe(303);
      expect(page.headers.location, url).toBe(`/fr/sign-in/two-factor?next=${encodeURIComponent(url)}`);
    }
    for (const [url, form] of [
      ["/fr/account/email", { email: uniqueEmail("taken-over"), currentPassword: TEST_PASSWORD }],
      ["/fr/account/password", { currentPassword: TEST_PASSWORD, newPassword: "another long passphrase" }],
      ["/fr/account/delete", { mode: "anonymise", confirm: TEST_PASSWORD }],
    ] as const) {
      const answer = await agent.post(url, form);
      expect(answer.statusCode, url).toBe(303);
      expect(answer.headers.location, url).toMatch(/^\/fr\/sign-in\/two-factor\?next=/);
    }
    const [after] = await database.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after).toMatchObject({ email, deletedAt: null, passwordHash: account.passwordHash });

    // Public pages see a visitor, not the account.
    const home = await agent.get("/fr");
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain("Rim Pending");

    const codePage = await agent.get("/fr/sign-in/two-factor?next=%2Ffr%2Faccount");
    expect(codePage.statusCode).toBe(200);
    const verified = await agent.post("/fr/sign-in/two-factor", {
      code: await generate({ secret: account.totpSecret! }),
      next: "/fr/account",
    });
    expect(verified.statusCode).toBe(303);
    expect(verified.headers.location).toBe("/fr/account");
    for (const url of ["/fr/account", "/fr/account/sessions", "/fr/account/delete"])
      expect((await agent.get(url)).statusCode, url).toBe(200);
    expect((await agent.get("/fr")).body).toContain("Rim Pending");
  });

  it("can still sign out", async () => {
    const email = uniqueEmail("pending-out");
    const account = await createAccount(database, { email, totp: true });
    const agent = await signInWithPassword(email);
    expect((await agent.post("/fr/sign-out")).statusCode).toBe(303);
    expect(await database.db.select().from(sessions).where(eq(sessions.accountId, account.id))).toHaveLength(
      0,
    );
  });
});

describe("TOTP secrets and codes", () => {
  it("stores the secret encrypted: the column never holds the base32 secret", async () => {
    const email = uniqueEmail("enrol");
    const account = await createAccount(database, { email });
    const agent = new Agent(app);
    await agent.get("/fr/sign-in");
    await agent.post("/fr/sign-in", { email, password: TEST_PASSWORD });
    const page = await agent.get("/fr/account/two-factor");
    expect(page.statusCode).toBe(200);
    const secret = /id="totp-secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await storedSecret(account.id)).not.toContain(secret);

    const enabled = await agent.post("/fr/account/two-factor", { code: await generate({ secret }) });
    expect(enabled.statusCode).toBe(200);
    const stored = (await storedSecret(account.id))!;
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.toLowerCase());

    const created = await createAccount(database, { totp: true });
    expect(await storedSecret(created.id)).not.toContain(created.totpSecret!);
  });

  it("refuses a code used once already, even within its 30 seconds", async () => {
    const email = uniqueEmail("replay");
    const account = await createAccount(database, { email, totp: true });
    const first = await signInWithPassword(email);
    const second = await signInWithPassword(email);
    await second.get("/fr/sign-in/two-factor?next=%2Ffr%2Faccount");
    const code = await generate({ secret: account.totpSecret! });
    expect((await first.post("/fr/sign-in/two-factor", { code, next: "/fr/account" })).statusCode).toBe(303);
    const replayed = await second.post("/fr/sign-in/two-factor", { code, next: "/fr/account" });
    expect(replayed.statusCode).toBe(422);
    expect(replayed.body).toContain("est pas le bon");
    expect((await second.get("/fr/account")).statusCode).toBe(303);
    expect((await first.get("/fr/account")).statusCode).toBe(200);
  });

  it("keeps a secret stored in clear before the upgrade working, and encrypts it at start-up", async () => {
    const email = uniqueEmail("legacy");
    const account = await createAccount(database, { email, totp: true });
    const plain = newTotpSecret();
    await database.db.update(accounts).set({ totpSecret: plain }).where(eq(accounts.id, account.id));

    const restarted = await buildApp({ config, database });
    await restarted.ready();
    try {
      const stored = (await storedSecret(account.id))!;
      expect(stored).not.toContain(plain);
      const agent = await signInWithPassword(email, restarted);
      await agent.get("/fr/sign-in/two-factor?next=%2Ffr%2Faccount");
      const answer = await agent.post("/fr/sign-in/two-factor", {
        code: await generate({ secret: plain }),
        next: "/fr/account",
      });
      expect(answer.statusCode).toBe(303);
      expect((await agent.get("/fr/account")).statusCode).toBe(200);
    } finally {
      await restarted.close();
    }
  });
});
