import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { createSession, SESSION_COOKIE } from "../../core/auth/sessions.js";
import { accountIdentities, accounts, sessions } from "../../core/auth/tables.js";
import { FLOW_COOKIE } from "./flow-cookie.js";
import { Browser, type Visit } from "./testing/browser.js";
import { startTestProvider } from "./testing/provider.js";

const provider = await startTestProvider("http://localhost:3000/auth/eid/callback");
afterAll(() => provider.close());

const testApp = await createTestApp({
  env: {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: "Mobile ID",
  },
  routes: (app) => {
    app.get("/__test/whoami", async (request) => ({
      accountId: request.account?.id ?? null,
      identityVerified: request.actor.identityVerified,
      staffLocked: request.actor.staffLocked,
    }));
  },
});
const { app, config } = testApp;
const db = testApp.database.db;
const ORIGIN = config.publicUrl;
const isCallback = (url: URL) => url.href.startsWith(`${ORIGIN}/auth/eid/callback`);
/** Values that must never reach a log line; filled as the flows run. */
const secrets = new Set<string>([provider.clientSecret]);

/**
 * Runs the authorization-code flow as a person would: Sharek's button, the provider's sign-in and
 * consent forms, and back to the callback, which is returned before it is requested.
 */
async function throughProvider(browser: Browser, login: string, start: string) {
  const loginPage = await browser.go(start);
  expect(loginPage.url.origin).toBe(provider.issuer);
  let page = await browser.submit(loginPage, 'name="login"', { login, password: "any" }, isCallback);
  if (!page.location) page = await browser.submit(page, 'value="consent"', {}, isCallback);
  const callback = new URL(page.location!);
  secrets.add(callback.searchParams.get("code")!).add(callback.searchParams.get("state")!);
  return callback;
}

/** The whole sign-in; returns the callback's answer (not followed) and the browser. */
async function signIn(login: string, options: { lang?: string; next?: string } = {}) {
  const browser = new Browser(app, ORIGIN);
  const lang = options.lang ?? "fr";
  const start = `/${lang}/sign-in/eid?next=${encodeURIComponent(options.next ?? `/${lang}`)}`;
  const callback = await throughProvider(browser, login, start);
  const answer = await browser.go(callback.href, { stopBefore: () => true });
  const sid = browser.cookie(ORIGIN, "sid");
  if (sid) secrets.add(sid);
  return { browser, answer };
}

async function whoami(browser: Browser) {
  return JSON.parse((await browser.go("/__test/whoami")).body) as {
    accountId: string | null;
    identityVerified: boolean;
    staffLocked: string | null;
  };
}

async function accountFor(subject: string) {
  const [row] = await db
    .select({ account: accounts })
    .from(accountIdentities)
    .innerJoin(accounts, eq(accounts.id, accountIdentities.accountId))
    .where(and(eq(accountIdentities.issuer, provider.issuer), eq(accountIdentities.subject, subject)));
  return row?.account;
}

const countSessions = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(sessions))[0]!.n;
const follow = (browser: Browser, visit: Visit) => browser.go(visit.location!);

describe("e-ID sign-in for a new person", () => {
  it("creates an account marked identity verified, signs the person in and says so", async () => {
    provider.people.set("tn-1001", {
      email: "amel@example.tn",
      email_verified: true,
      name: "Amel Ben Salah",
    });
    secrets.add("amel@example.tn");
    const { browser, answer } = await signIn("tn-1001", { next: "/fr/structures?page=2" });

    expect(answer.status).toBe(303);
    expect(answer.location).toBe("/fr/structures?page=2");
    const sid = answer.setCookies.find((c) => c.startsWith("sid="))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Lax/i);
    expect(sid).toMatch(/Path=\/(;|$)/);
    expect(sid).not.toMatch(/Expires|Max-Age/i);
    expect(browser.cookie(ORIGIN, FLOW_COOKIE)).toBeUndefined();

    const account = (await accountFor("tn-1001"))!;
    expect(account).toMatchObject({ displayName: "Amel Ben Salah", email: "amel@example.tn", locale: "fr" });
    expect(account.passwordHash).toBeNull();
    expect(account.identityVerifiedAt).toBeInstanceOf(Date);
    expect(account.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await whoami(browser)).toEqual({
      accountId: account.id,
      identityVerified: true,
      staffLocked: null,
    });

    const home = await browser.go("/fr");
    expect(home.body).toContain("Amel Ben Salah");
    expect(home.body).toContain("votre identité a été vérifiée");

    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, account.id));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["account.eid_create", account.id]]);
  });

  it("sends the person to the provider with PKCE, state and nonce, kept in a signed HttpOnly cookie", async () => {
    const browser = new Browser(app, ORIGIN);
    const start = await browser.go("/en/sign-in/eid?next=/en", { stopBefore: () => true });
    expect(start.status).toBe(303);
    const to = new URL(start.location!);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/auth/eid/callback`);
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    expect(to.searchParams.get("state")).toBeTruthy();
    expect(to.searchParams.get("nonce")).toBeTruthy();
    expect(to.searchParams.get("ui_locales")).toBe("en");
    const flow = start.setCookies.find((c) => c.startsWith(`${FLOW_COOKIE}=`))!;
    expect(flow).toMatch(/HttpOnly/i);
    expect(flow).toMatch(/SameSite=Lax/i);
    expect(flow).toMatch(/Path=\/auth\/eid\/callback/);
    secrets.add(decodeURIComponent(browser.cookie(ORIGIN, FLOW_COOKIE)!));
  });

  it("opens the same account when the same person signs in again, without a second audit entry", async () => {
    provider.people.set("tn-1002", { email: "hedi@example.tn", email_verified: true, name: "Hédi" });
    secrets.add("hedi@example.tn");
    const first = await signIn("tn-1002");
    const second = await signIn("tn-1002");
    const a = await whoami(first.browser);
    const b = await whoami(second.browser);
    expect(b.accountId).toBe(a.accountId);
    const same = await db.select().from(accounts).where(sql`lower(${accounts.email}) = 'hedi@example.tn'`);
    expect(same).toHaveLength(1);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, a.accountId!));
    expect(events).toHaveLength(1);
  });

  it("still creates the account when a platform admin closed sign-up, and the closed sign-up page offers it", async () => {
    const { agent: admin } = await signedInAgent(app, testApp.database, { platformAdmin: true });
    const closed = { contactEmail: "", signUpOpen: "no", reopenWindowDays: "15" };
    expect((await admin.post("/fr/admin/settings", closed)).statusCode).toBe(303);
    const signUp = await new Browser(app, ORIGIN).go("/fr/sign-up");
    expect(signUp.body).toContain("Vous pouvez toujours vous connecter avec Mobile ID");
    expect(signUp.body).toContain('href="/fr/sign-in/eid"');

    provider.people.set("tn-1004", { name: "Rim Jaziri" });
    const { browser, answer } = await signIn("tn-1004");
    expect(answer.status).toBe(303);
    const account = (await accountFor("tn-1004"))!;
    expect(account.displayName).toBe("Rim Jaziri");
    expect((await whoami(browser)).accountId).toBe(account.id);
    await admin.post("/fr/admin/settings", { ...closed, signUpOpen: "yes" });
  });

  it("ignores a `next` address that leaves the site", async () => {
    provider.people.set("tn-1003", { name: "Nour" });
    for (const next of ["//evil.example/x", "https://evil.example", "/\t/evil.example"]) {
      const { answer } = await signIn("tn-1003", { next });
      expect(answer.location).toBe("/fr");
    }
  });
});

describe("e-ID sign-in for someone who already has an account", () => {
  it("links the account with the same email when the provider verified it, without a duplicate", async () => {
    const existing = await createAccount(testApp.database, { email: "Sami@example.tn" });
    secrets.add("sami@example.tn").add("Sami@example.tn");
    provider.people.set("tn-2001", { email: "sami@EXAMPLE.tn", email_verified: true, name: "Sami T." });
    const { browser, answer } = await signIn("tn-2001");
    expect(answer.status).toBe(303);
    expect((await whoami(browser)).accountId).toBe(existing.id);

    const linked = (await accountFor("tn-2001"))!;
    expect(linked.id).toBe(existing.id);
    expect(linked.displayName).toBe(existing.displayName);
    expect(linked.identityVerifiedAt).toBeInstanceOf(Date);
    expect(linked.emailVerifiedAt).toEqual(existing.emailVerifiedAt);
    expect(linked.passwordHash).toBe(existing.passwordHash);
    const same = await db.select().from(accounts).where(sql`lower(${accounts.email}) = 'sami@example.tn'`);
    expect(same).toHaveLength(1);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, existing.id));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["account.eid_link", existing.id]]);
  });

  it("never links on an email the provider did not verify: a separate account, without that email", async () => {
    const existing = await createAccount(testApp.database, { email: "leila@example.tn" });
    secrets.add("leila@example.tn");
    provider.people.set("tn-2002", { email: "leila@example.tn", email_verified: false, name: "Leila" });
    const { browser } = await signIn("tn-2002");

    const me = await whoami(browser);
    expect(me.accountId).not.toBe(existing.id);
    expect(me.identityVerified).toBe(true);
    const created = (await accountFor("tn-2002"))!;
    expect(created.email).toBeNull();
    const [untouched] = await db.select().from(accounts).where(eq(accounts.id, existing.id));
    expect(untouched!.identityVerifiedAt).toBeNull();
    const links = await db
      .select()
      .from(accountIdentities)
      .where(eq(accountIdentities.accountId, existing.id));
    expect(links).toHaveLength(0);
  });

  it("never gives an unverified account to the person whose address it used: a new account, the old one shut", async () => {
    // Someone signs up in advance with another person's address (the mailed link never clicked).
    const attacker = new Agent(app);
    await attacker.get("/fr/sign-up");
    const signedUp = await attacker.post("/fr/sign-up", {
      displayName: "Usurpateur",
      email: "Nadia@example.tn",
      password: "the attacker's own passphrase",
      terms: "yes",
    });
    expect(signedUp.statusCode).toBe(200);
    const [squatted] = await db
      .select()
      .from(accounts)
      .where(sql`lower(${accounts.email}) = 'nadia@example.tn'`);
    expect(squatted!.emailVerifiedAt).toBeNull();
    // Any session that account may hold (sign-up itself opens none).
    const { token } = await createSession(db, squatted!.id, { persistent: false, device: "Test" });
    attacker.setCookie(SESSION_COOKIE, token);
    expect((await attacker.get("/fr/account")).statusCode).toBe(200);
    secrets.add("nadia@example.tn").add("Nadia@example.tn");

    provider.people.set("tn-2004", { email: "nadia@example.tn", email_verified: true, name: "Nadia Gharbi" });
    const { browser } = await signIn("tn-2004");
    const me = await whoami(browser);
    expect(me.accountId).not.toBe(squatted!.id);
    const mine = (await accountFor("tn-2004"))!;
    expect(mine).toMatchObject({
      email: "nadia@example.tn",
      displayName: "Nadia Gharbi",
      passwordHash: null,
    });

    // The attacker's session is over, and their password opens nothing.
    expect((await attacker.get("/fr/account")).headers.location).toMatch(/^\/fr\/sign-in\?/);
    const again = new Agent(app);
    for (const email of ["Nadia@example.tn", "nadia@example.tn"]) {
      const answer = await again.post("/fr/sign-in", { email, password: "the attacker's own passphrase" });
      expect(answer.statusCode).toBe(422);
    }
    const [old] = await db.select().from(accounts).where(eq(accounts.id, squatted!.id));
    expect(old).toMatchObject({ email: null, passwordHash: null });
    expect(await db.select().from(sessions).where(eq(sessions.accountId, squatted!.id))).toHaveLength(0);
  });

  it("asks for the TOTP code next when the account has two-factor sign-in, and opens nothing before", async () => {
    const staff = await createAccount(testApp.database, {
      email: "agent.eid@example.tn",
      roles: [{ structure: "gov-tn-11", role: "agent" }],
    });
    secrets.add("agent.eid@example.tn");
    provider.people.set("tn-2003", { email: "agent.eid@example.tn", email_verified: true, name: "Agent" });
    const { browser, answer } = await signIn("tn-2003", { next: "/fr/admin" });
    expect(answer.location).toBe("/fr/sign-in/two-factor?next=%2Ffr%2Fadmin");
    expect(await whoami(browser)).toMatchObject({ accountId: null });
    for (const url of ["/fr/admin", "/fr/account", "/fr/account/sessions"]) {
      const page = await browser.go(url, { stopBefore: () => true });
      expect(page.location, url).toBe(`/fr/sign-in/two-factor?next=${encodeURIComponent(url)}`);
    }
    const code = await browser.go("/fr/sign-in/two-factor?next=%2Ffr%2Fadmin");
    expect(code.status).toBe(200);
    expect((await accountFor("tn-2003"))!.id).toBe(staff.id);
  });

  it("leaves a citizen with TOTP on waiting for the code too", async () => {
    await createAccount(testApp.database, { email: "citizen.totp@example.tn", totp: true });
    secrets.add("citizen.totp@example.tn");
    provider.people.set("tn-2005", { email: "citizen.totp@example.tn", email_verified: true, name: "C" });
    const { browser, answer } = await signIn("tn-2005", { next: "/fr/account" });
    expect(answer.location).toBe("/fr/sign-in/two-factor?next=%2Ffr%2Faccount");
    const page = await browser.go("/fr/account", { stopBefore: () => true });
    expect(page.location).toBe("/fr/sign-in/two-factor?next=%2Ffr%2Faccount");
  });
});

describe("e-ID sign-in that fails", () => {
  it("refuses an answer whose state was tampered with: a translated page, no session", async () => {
    provider.people.set("tn-3001", { email: "tampered@example.tn", email_verified: true, name: "T" });
    const browser = new Browser(app, ORIGIN);
    const callback = await throughProvider(browser, "tn-3001", "/fr/sign-in/eid?next=%2Ffr%2Fstructures");
    callback.searchParams.set("state", "forged-state");
    const sessionsBefore = await countSessions();
    const answer = await browser.go(callback.href, { stopBefore: () => true });
    expect(answer.location).toBe("/fr/sign-in/eid/error?reason=invalid&next=%2Ffr%2Fstructures");
    const page = await follow(browser, answer);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="fr"');
    expect(page.body).toContain("Impossible de vérifier cette connexion");
    expect(page.body).toContain('href="/fr/sign-in/eid?next=%2Ffr%2Fstructures"');
    expect(browser.cookie(ORIGIN, "sid")).toBeUndefined();
    expect(await countSessions()).toBe(sessionsBefore);
    expect(await accountFor("tn-3001")).toBeUndefined();
  });

  it("explains, in Arabic, that the person cancelled at the provider", async () => {
    const browser = new Browser(app, ORIGIN);
    const loginPage = await browser.go("/ar/sign-in/eid?next=%2Far");
    const cancel = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(loginPage.body)![1]!;
    const page = await browser.go(new URL(cancel.replace(/&amp;/g, "&"), loginPage.url).href);
    expect(page.url.pathname).toBe("/ar/sign-in/eid/error");
    expect(page.body).toContain('<html lang="ar" dir="rtl"');
    expect(page.body).toContain("أُلغي الدخول");
    expect(page.body).toContain("Mobile ID");
    expect(browser.cookie(ORIGIN, "sid")).toBeUndefined();
  });

  it("says the sign-in took too long when the flow has expired or is missing", async () => {
    const browser = new Browser(app, ORIGIN);
    const old = {
      codeVerifier: "v".repeat(43),
      state: "s",
      nonce: "n",
      locale: "en",
      next: "/en",
      expiresAt: Date.now() - 1000,
    };
    browser.setCookie(ORIGIN, FLOW_COOKIE, encodeURIComponent(app.signCookie(JSON.stringify(old))));
    const expired = await browser.go("/auth/eid/callback?code=abc&state=s");
    expect(expired.body).toContain("The sign-in took too long");
    expect(expired.body).toContain("within 10 minutes");
    const missing = await new Browser(app, ORIGIN).go("/auth/eid/callback?code=abc&state=s");
    expect(missing.url.pathname).toMatch(/^\/(ar|fr|en)\/sign-in\/eid\/error$/);
    expect(missing.url.searchParams.get("reason")).toBe("expired");
  });

  it("refuses a flow cookie whose signature does not hold", async () => {
    const browser = new Browser(app, ORIGIN);
    const forged = JSON.stringify({
      codeVerifier: "v",
      state: "s",
      nonce: "n",
      locale: "fr",
      next: "/fr",
      expiresAt: Date.now() + 60_000,
    });
    browser.setCookie(ORIGIN, FLOW_COOKIE, encodeURIComponent(`${forged}.forgedsignature`));
    const page = await browser.go("/auth/eid/callback?code=abc&state=s");
    expect(page.url.searchParams.get("reason")).toBe("invalid");
    expect(page.status).toBe(200);
  });
});

roleMatrix("e-ID sign-in", testApp, [
  { method: "GET", url: "/fr/sign-in/eid?next=/fr", expect: { otherwise: 303 } },
  { method: "GET", url: "/auth/eid/callback?code=x&state=y", expect: { otherwise: 303 } },
  { method: "GET", url: "/fr/sign-in/eid/error?reason=denied", expect: { otherwise: 200 } },
]);

describe("e-ID logs", () => {
  it("never hold codes, states, verifiers, tokens, session ids, emails or the client secret", () => {
    const logs = testApp.logs.join("\n");
    expect(logs).toContain("signed in with the e-ID");
    for (const secret of secrets) expect(logs, "a secret reached the logs").not.toContain(secret);
  });
});

describe("e-ID sign-in switched off", async () => {
  const off = await createTestApp();
  roleMatrix("e-ID sign-in off", off, [
    { method: "GET", url: "/fr/sign-in/eid?next=/fr", expect: { otherwise: 404 } },
    { method: "GET", url: "/auth/eid/callback?code=x&state=y", expect: { otherwise: 404 } },
    { method: "GET", url: "/fr/sign-in/eid/error?reason=denied", expect: { otherwise: 404 } },
  ]);
});
