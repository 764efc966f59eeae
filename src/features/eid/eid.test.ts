import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { randomToken, sha256 } from "../../core/auth/secrets.js";
import { createSession, SESSION_COOKIE } from "../../core/auth/sessions.js";
import { accountIdentities, accounts, sessions } from "../../core/auth/tables.js";
import { recordAcceptance } from "../legal/commands/record-acceptance.js";
import { findCurrentVersion } from "../legal/queries.js";
import { legalAcceptances } from "../legal/tables.js";
import { FLOW_COOKIE } from "./flow-cookie.js";
import { PENDING_COOKIE } from "./pending.js";
import { eidPendingSignIns } from "./tables.js";
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

/**
 * The whole sign-in up to the callback's answer (not followed). When the callback asks for the
 * terms (`asked`), they are accepted unless `stopAtTerms`, and `answer` is the acceptance's answer.
 */
async function signIn(login: string, options: { lang?: string; next?: string; stopAtTerms?: boolean } = {}) {
  const browser = new Browser(app, ORIGIN);
  const lang = options.lang ?? "fr";
  const start = `/${lang}/sign-in/eid?next=${encodeURIComponent(options.next ?? `/${lang}`)}`;
  const callback = await throughProvider(browser, login, start);
  let answer = await browser.go(callback.href, { stopBefore: () => true });
  const asked = answer.location === `/${lang}/sign-in/eid/accept`;
  const pending = browser.cookie(ORIGIN, PENDING_COOKIE);
  if (pending) secrets.add(pending);
  if (asked && !options.stopAtTerms) {
    const step = await follow(browser, answer);
    answer = await browser.submit(step, 'name="terms"', { terms: "yes" }, () => true);
  }
  const sid = browser.cookie(ORIGIN, "sid");
  if (sid) secrets.add(sid);
  return { browser, answer, asked };
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
const countAccounts = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(accounts))[0]!.n;
const countPending = async () =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(eidPendingSignIns))[0]!.n;
function follow(browser: Browser, visit: Visit) {
  return browser.go(visit.location!);
}

/** The ids of the legal versions an account accepted, and those in force now. */
async function acceptedBy(accountId: string) {
  const rows = await db.select().from(legalAcceptances).where(eq(legalAcceptances.accountId, accountId));
  return rows.map((r) => r.versionId).sort();
}
async function inForce() {
  const terms = await findCurrentVersion(db, "terms");
  const privacy = await findCurrentVersion(db, "privacy");
  return [terms!.id, privacy!.id].sort();
}

describe("e-ID sign-in for a new person", () => {
  it("creates an account marked identity verified, signs the person in and says so", async () => {
    provider.people.set("tn-1001", {
      email: "amel@example.tn",
      email_verified: true,
      name: "Amel Ben Salah",
    });
    secrets.add("amel@example.tn");
    const { browser, answer, asked } = await signIn("tn-1001", { next: "/fr/structures?page=2" });

    expect(asked).toBe(true);
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
    expect(await acceptedBy(account.id)).toEqual(await inForce());
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
    expect(first.asked).toBe(true);
    // The second sign-in goes straight in: the acceptance is on record.
    expect(second.asked).toBe(false);
    expect(second.answer.location).toBe("/fr");
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
    const { browser, answer, asked } = await signIn("tn-1004");
    expect(asked).toBe(true);
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
    await recordAcceptance(db, existing.id); // as the sign-up form does
    secrets.add("sami@example.tn").add("Sami@example.tn");
    provider.people.set("tn-2001", { email: "sami@EXAMPLE.tn", email_verified: true, name: "Sami T." });
    const { browser, answer, asked } = await signIn("tn-2001");
    expect(asked).toBe(false);
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
    // An account with no acceptance on record accepts the terms first, then gives the code.
    const { browser, answer, asked } = await signIn("tn-2003", { next: "/fr/admin" });
    expect(asked).toBe(true);
    expect(answer.location).toBe("/fr/sign-in/two-factor?next=%2Ffr%2Fadmin");
    expect(await whoami(browser)).toMatchObject({ accountId: null });
    for (const url of ["/fr/admin", "/fr/account", "/fr/account/sessions"]) {
      const page = await browser.go(url, { stopBefore: () => true });
      expect(page.location, url).toBe(`/fr/sign-in/two-factor?next=${encodeURIComponent(url)}`);
    }
    const code = await browser.go("/fr/sign-in/two-factor?next=%2Ffr%2Fadmin");
    expect(code.status).toBe(200);
    expect((await accountFor("tn-2003"))!.id).toBe(staff.id);
    expect(await acceptedBy(staff.id)).toEqual(await inForce());
  });

  it("leaves a citizen with TOTP on waiting for the code too", async () => {
    const citizen = await createAccount(testApp.database, { email: "citizen.totp@example.tn", totp: true });
    await recordAcceptance(db, citizen.id);
    secrets.add("citizen.totp@example.tn");
    provider.people.set("tn-2005", { email: "citizen.totp@example.tn", email_verified: true, name: "C" });
    const { browser, answer, asked } = await signIn("tn-2005", { next: "/fr/account" });
    expect(asked).toBe(false);
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

describe("e-ID acceptance of the terms", () => {
  /** Signs in at the provider and stops at the acceptance step; returns the step's page. */
  async function atTheStep(login: string, options: { lang?: string; next?: string } = {}) {
    const { browser, answer, asked } = await signIn(login, { ...options, stopAtTerms: true });
    expect(asked).toBe(true);
    const step = await follow(browser, answer);
    expect(step.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(step.body)![1]!;
    return { browser, answer, step, csrf };
  }
  const acceptUrl = (lang = "fr") => `${ORIGIN}/${lang}/sign-in/eid/accept`;

  it("shows the step at the first sign-in, in Arabic right to left, and creates nothing before", async () => {
    provider.people.set("tn-4001", { email: "salma@example.tn", email_verified: true, name: "Salma" });
    secrets.add("salma@example.tn");
    const accountsBefore = await countAccounts();
    const { browser, answer, step } = await atTheStep("tn-4001", { lang: "ar", next: "/ar/ideas" });

    expect(answer.location).toBe("/ar/sign-in/eid/accept");
    const cookie = answer.setCookies.find((c) => c.startsWith(`${PENDING_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=1800/);
    expect(browser.cookie(ORIGIN, FLOW_COOKIE)).toBeUndefined();
    expect(browser.cookie(ORIGIN, "sid")).toBeUndefined();
    expect(await accountFor("tn-4001")).toBeUndefined();
    expect(await countAccounts()).toBe(accountsBefore);
    expect((await whoami(browser)).accountId).toBeNull();

    expect(step.body).toContain('<html lang="ar" dir="rtl"');
    expect(step.body).toContain("قبول شروط الاستعمال");
    expect(step.body).toContain("تحقّق Mobile ID من هويّتك");
    expect(step.body).toContain("أوافق على شروط الاستعمال والإعلام بخصوص حماية المعطيات الشخصية");
    expect(step.body).toContain('href="/ar/legal/terms"');
    expect(step.body).toContain('href="/ar/legal/privacy"');
    expect(step.body).toMatch(
      /<form method="post" action="\/ar\/sign-in\/eid\/accept"[^>]*><input type="hidden" name="_csrf"/,
    );
    expect(step.body).toMatch(
      /<form method="post" action="\/ar\/sign-in\/eid\/decline"[^>]*><input type="hidden" name="_csrf"/,
    );
    expect(step.body).toContain('type="checkbox"');
    expect(step.body).not.toMatch(/type="checkbox"[^>]*checked/);
    // The identity waits on the server, not in the browser: the cookie holds no claim.
    expect(decodeURIComponent(browser.cookie(ORIGIN, PENDING_COOKIE)!)).not.toMatch(/salma|tn-4001/i);
  });

  it("creates the account with the acceptance of the versions in force once the box is ticked, and signs in", async () => {
    provider.people.set("tn-4002", { name: "Karim Mejri" });
    const { browser, csrf } = await atTheStep("tn-4002", { next: "/fr/structures" });
    const pendingBefore = await countPending();
    const accepted = await browser.go(acceptUrl(), {
      form: { _csrf: csrf, terms: "yes" },
      stopBefore: () => true,
    });
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe("/fr/structures");
    expect(accepted.setCookies.find((c) => c.startsWith(`${PENDING_COOKIE}=;`))).toBeDefined();
    secrets.add(browser.cookie(ORIGIN, "sid")!);

    const account = (await accountFor("tn-4002"))!;
    expect(account).toMatchObject({ displayName: "Karim Mejri", email: null, locale: "fr" });
    expect(account.identityVerifiedAt).toBeInstanceOf(Date);
    expect(await acceptedBy(account.id)).toEqual(await inForce());
    expect(await whoami(browser)).toMatchObject({ accountId: account.id, identityVerified: true });
    expect(await countPending()).toBe(pendingBefore - 1);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, account.id));
    expect(events.map((e) => e.action)).toEqual(["account.eid_create"]);
  });

  it("re-shows the step with 422 and a translated error summary when the box is not ticked", async () => {
    provider.people.set("tn-4003", { name: "Ines" });
    const { browser, csrf } = await atTheStep("tn-4003", { lang: "en" });
    for (const form of [{ _csrf: csrf }, { _csrf: csrf, terms: "no" }] as Record<string, string>[]) {
      const page = await browser.go(acceptUrl("en"), { form });
      expect(page.status).toBe(422);
      expect(page.body).toContain('<html lang="en" dir="ltr"');
      expect(page.body).toContain("sh-error-summary");
      expect(page.body).toContain(
        '<a class="sh-error-summary__link" href="#terms">You must accept the terms of use to create an account</a>',
      );
      expect(page.body).toContain('href="/en/legal/terms"');
    }
    expect(await accountFor("tn-4003")).toBeUndefined();
    expect(browser.cookie(ORIGIN, "sid")).toBeUndefined();
    // The step is still open: ticking the box now works.
    const accepted = await browser.go(acceptUrl("en"), {
      form: { _csrf: csrf, terms: "yes" },
      stopBefore: () => true,
    });
    expect(accepted.status).toBe(303);
    expect(await accountFor("tn-4003")).toBeDefined();
  });

  it("refuses an acceptance without its CSRF token or with a forged one", async () => {
    provider.people.set("tn-4004", { name: "Walid" });
    const { browser } = await atTheStep("tn-4004");
    const sessionsBefore = await countSessions();
    const withoutToken: Record<string, string>[] = [
      { terms: "yes" },
      { _csrf: "forged-token", terms: "yes" },
    ];
    for (const form of withoutToken) {
      const refused = await browser.go(acceptUrl(), { form, stopBefore: () => true });
      expect(refused.status).toBe(403);
    }
    const declined = await browser.go(`${ORIGIN}/fr/sign-in/eid/decline`, {
      form: { _csrf: "forged-token" },
      stopBefore: () => true,
    });
    expect(declined.status).toBe(403);
    // The identity still waits: refusing a forged form refused nothing on the person's behalf.
    expect((await browser.go(acceptUrl())).status).toBe(200);
    expect(await accountFor("tn-4004")).toBeUndefined();
    expect(await countSessions()).toBe(sessionsBefore);
  });

  it("refuses an expired step with a clear page, and creates nothing", async () => {
    provider.people.set("tn-4005", { name: "Olfa" });
    const { browser, csrf } = await atTheStep("tn-4005");
    await db.update(eidPendingSignIns).set({ expiresAt: new Date(Date.now() - 1000) });
    const shown = await browser.go(acceptUrl());
    expect(shown.status).toBe(200);
    expect(shown.url.pathname).toBe("/fr/sign-in/eid/error");
    expect(shown.url.searchParams.get("reason")).toBe("acceptExpired");
    expect(shown.body).toContain("La connexion a pris trop de temps");
    expect(shown.body).toContain("dans les 30 minutes");
    expect(shown.body).toContain('href="/fr/sign-in/eid?next=%2Ffr"');

    // A submission of the old page, the box ticked, is refused the same way.
    browser.setCookie(ORIGIN, PENDING_COOKIE, (await pendingCookieOf("tn-4005-again", "Olfa")).token);
    await db.update(eidPendingSignIns).set({ expiresAt: new Date(Date.now() - 1000) });
    const submitted = await browser.go(acceptUrl(), { form: { _csrf: csrf, terms: "yes" } });
    expect(submitted.status).toBe(200);
    expect(submitted.url.searchParams.get("reason")).toBe("acceptExpired");
    expect(await accountFor("tn-4005")).toBeUndefined();
    expect(await accountFor("tn-4005-again")).toBeUndefined();
    expect(browser.cookie(ORIGIN, "sid")).toBeUndefined();
  });

  it("refuses a forged, a missing or an already spent step with a clear page, never a 500", async () => {
    provider.people.set("tn-4006", { name: "Mehdi" });
    const { browser, csrf } = await atTheStep("tn-4006");
    const real = browser.cookie(ORIGIN, PENDING_COOKIE)!;

    for (const form of [undefined, { _csrf: csrf, terms: "yes" }]) {
      // Set before each visit: the answer clears a cookie that matches nothing.
      browser.setCookie(ORIGIN, PENDING_COOKIE, "forged-token-that-nobody-issued");
      const page = await browser.go(acceptUrl(), form ? { form } : {});
      expect(page.status).toBe(200);
      expect(page.url.pathname).toBe("/fr/sign-in/eid/error");
      expect(page.url.searchParams.get("reason")).toBe("invalid");
      expect(page.body).toContain("Impossible de vérifier cette connexion");
    }
    browser.setCookie(ORIGIN, PENDING_COOKIE, "x".repeat(500));
    expect((await browser.go(acceptUrl())).url.searchParams.get("reason")).toBe("invalid");
    expect(await accountFor("tn-4006")).toBeUndefined();

    const none = new Browser(app, ORIGIN);
    const missing = await none.go(acceptUrl("ar"));
    expect(missing.status).toBe(200);
    expect(missing.url.searchParams.get("reason")).toBe("acceptExpired");
    expect(missing.body).toContain('<html lang="ar" dir="rtl"');

    // The real one, spent once, cannot be spent again (a replayed or double submission).
    browser.setCookie(ORIGIN, PENDING_COOKIE, real);
    const accepted = await browser.go(acceptUrl(), {
      form: { _csrf: csrf, terms: "yes" },
      stopBefore: () => true,
    });
    expect(accepted.status).toBe(303);
    const accountsAfter = await countAccounts();
    browser.setCookie(ORIGIN, PENDING_COOKIE, real);
    const replay = await browser.go(acceptUrl(), { form: { _csrf: csrf, terms: "yes" } });
    expect(replay.url.searchParams.get("reason")).toBe("invalid");
    expect(await countAccounts()).toBe(accountsAfter);
  });

  it("creates nothing when the person refuses, and forgets the identity", async () => {
    provider.people.set("tn-4007", { email: "refus@example.tn", email_verified: true, name: "Refus" });
    secrets.add("refus@example.tn");
    const { browser, csrf } = await atTheStep("tn-4007", { next: "/fr/ideas" });
    const pendingBefore = await countPending();
    const page = await browser.go(`${ORIGIN}/fr/sign-in/eid/decline`, { form: { _csrf: csrf } });
    expect(page.url.pathname).toBe("/fr/sign-in/eid/error");
    expect(page.body).toContain("Vous n’êtes pas connecté");
    expect(page.body).toContain('href="/fr/sign-in/eid?next=%2Ffr%2Fideas"');
    expect(await countPending()).toBe(pendingBefore - 1);
    expect(await accountFor("tn-4007")).toBeUndefined();
    const [byEmail] = await db
      .select()
      .from(accounts)
      .where(sql`lower(${accounts.email}) = 'refus@example.tn'`);
    expect(byEmail).toBeUndefined();
    expect(browser.cookie(ORIGIN, "sid")).toBeUndefined();
    // Going back to the step finds nothing to accept.
    const back = await browser.go(acceptUrl(), { form: { _csrf: csrf, terms: "yes" } });
    expect(back.url.pathname).toBe("/fr/sign-in/eid/error");
    expect(await accountFor("tn-4007")).toBeUndefined();
  });

  it("asks an e-ID account with no acceptance on record at its next sign-in, before any session", async () => {
    provider.people.set("tn-4008", { name: "Ancien compte" });
    await signIn("tn-4008");
    const account = (await accountFor("tn-4008"))!;
    // As an account created before the acceptance step existed.
    await db.delete(legalAcceptances).where(eq(legalAcceptances.accountId, account.id));
    const sessionsBefore = await countSessions();

    const { browser, step, csrf } = await atTheStep("tn-4008");
    expect(step.body).toContain("Avant d’accéder à votre compte");
    expect(step.body).toContain("Accepter et continuer");
    expect(await countSessions()).toBe(sessionsBefore);
    expect((await whoami(browser)).accountId).toBeNull();

    const refused = await browser.go(acceptUrl(), { form: { _csrf: csrf } });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain(
      "Vous devez accepter les conditions d’utilisation pour accéder à votre compte",
    );

    const accepted = await browser.go(acceptUrl(), {
      form: { _csrf: csrf, terms: "yes" },
      stopBefore: () => true,
    });
    expect(accepted.location).toBe("/fr");
    expect((await whoami(browser)).accountId).toBe(account.id);
    expect(await acceptedBy(account.id)).toEqual(await inForce());
    expect((await signIn("tn-4008")).asked).toBe(false);
  });
});

/** A pending identity put straight in the database, as the callback would, with its raw token. */
async function pendingCookieOf(subject: string, name: string) {
  const token = randomToken();
  await db.insert(eidPendingSignIns).values({
    tokenHash: sha256(token),
    claims: { issuer: provider.issuer, subject, email: null, emailVerified: false, name },
    locale: "fr",
    next: "/fr",
    existingAccount: false,
    expiresAt: new Date(Date.now() + 60_000),
  });
  return { token };
}

roleMatrix("e-ID sign-in", testApp, [
  { method: "GET", url: "/fr/sign-in/eid?next=/fr", expect: { otherwise: 303 } },
  { method: "GET", url: "/auth/eid/callback?code=x&state=y", expect: { otherwise: 303 } },
  { method: "GET", url: "/fr/sign-in/eid/error?reason=denied", expect: { otherwise: 200 } },
  // Without an identity waiting in this browser, the acceptance step sends everyone to the error page.
  { method: "GET", url: "/fr/sign-in/eid/accept", expect: { otherwise: 303 } },
  { method: "POST", url: "/fr/sign-in/eid/accept", form: { terms: "yes" }, expect: { otherwise: 303 } },
  { method: "POST", url: "/fr/sign-in/eid/decline", expect: { otherwise: 303 } },
]);

describe("e-ID logs", () => {
  it("never hold codes, states, verifiers, tokens, session ids, emails or the client secret", () => {
    const logs = testApp.logs.join("\n");
    expect(logs).toContain("signed in with the e-ID");
    expect(logs).toContain("terms accepted at the e-ID sign-in");
    for (const secret of secrets) expect(logs, "a secret reached the logs").not.toContain(secret);
  });
});

describe("e-ID sign-in switched off", async () => {
  const off = await createTestApp();
  roleMatrix("e-ID sign-in off", off, [
    { method: "GET", url: "/fr/sign-in/eid?next=/fr", expect: { otherwise: 404 } },
    { method: "GET", url: "/auth/eid/callback?code=x&state=y", expect: { otherwise: 404 } },
    { method: "GET", url: "/fr/sign-in/eid/error?reason=denied", expect: { otherwise: 404 } },
    { method: "GET", url: "/fr/sign-in/eid/accept", expect: { otherwise: 404 } },
    { method: "POST", url: "/fr/sign-in/eid/accept", form: { terms: "yes" }, expect: { otherwise: 404 } },
    { method: "POST", url: "/fr/sign-in/eid/decline", expect: { otherwise: 404 } },
  ]);
});
