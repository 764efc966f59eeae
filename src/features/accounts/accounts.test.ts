import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { linkInLatestMail, mailsTo } from "../../../test/mail.js";
import { roleMatrix } from "../../../test/role-matrix.js";

const testApp = await createTestApp();
const { app, database, logs } = testApp;

const uniqueEmail = (tag: string) =>
  `${tag}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.tn`;

describe.each([
  ["ar", "حسابك", "تم تسجيل خروجك."],
  ["fr", "Votre compte", "Vous êtes déconnecté."],
  ["en", "Your account", "You are signed out."],
] as const)("the account life cycle in %s", (lang, accountTitle, signedOut) => {
  const email = uniqueEmail(`cycle-${lang}`);
  const agent = new Agent(app);

  it("signs up, and the verification mail waits in the outbox", async () => {
    await agent.get(`/${lang}/sign-up`);
    const response = await agent.post(`/${lang}/sign-up`, {
      displayName: "Amal Trabelsi",
      email,
      password: "ma phrase de passe longue",
      phone: "20 123 456",
      terms: "yes",
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(email);
    const [mail] = await mailsTo(database, email);
    expect(mail?.textBody).toContain(`/${lang}/verify-email/`);
    const [account] = await database.query<{ phone: string; verified: boolean }>(
      "select phone, email_verified_at is not null as verified from accounts where email = $1",
      [email],
    );
    expect(account).toEqual({ phone: "+21620123456", verified: false });
  });

  it("cannot sign in before verifying, and is told why", async () => {
    const response = await agent.post(`/${lang}/sign-in`, { email, password: "ma phrase de passe longue" });
    expect(response.statusCode).toBe(422);
    expect(response.headers["set-cookie"] ?? "").not.toContain("sid=");
  });

  it("verifies the address from the mailed link and is signed in", async () => {
    const link = await linkInLatestMail(database, email);
    expect((await agent.get(link)).statusCode).toBe(200); // a confirmation button, not yet spent
    const confirmed = await agent.post(link);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/${lang}/account`);
    const page = await agent.get(`/${lang}/account`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(accountTitle);
    expect(page.body).toContain(email);
    // The link works once.
    expect((await new Agent(app).post(link)).statusCode).toBe(410);
  });

  it("signs out, then signs in again", async () => {
    const out = await agent.post(`/${lang}/sign-out`);
    expect(out.statusCode).toBe(303);
    expect((await agent.get(out.headers.location as string)).body).toContain(signedOut);
    expect((await agent.get(`/${lang}/account`)).statusCode).toBe(303);
    const back = await agent.post(`/${lang}/sign-in`, {
      email,
      password: "ma phrase de passe longue",
      next: `/${lang}/account`,
    });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/${lang}/account`);
    expect((await agent.get(`/${lang}/account`)).statusCode).toBe(200);
  });

  it("resets a forgotten password with a single-use link, which signs out every session", async () => {
    const stranger = new Agent(app);
    const asked = await stranger.post(`/${lang}/forgot-password`, { email: email.toUpperCase() });
    expect(asked.statusCode).toBe(200);
    const link = await linkInLatestMail(database, email);
    expect((await stranger.get(link)).statusCode).toBe(200);
    const tooShort = await stranger.post(link, { password: "short" });
    expect(tooShort.statusCode).toBe(422);
    const reset = await stranger.post(link, { password: "une toute nouvelle phrase" });
    expect(reset.statusCode).toBe(303);
    expect((await stranger.post(link, { password: "encore une autre phrase" })).statusCode).toBe(410);
    // The session opened before the reset is over.
    expect((await agent.get(`/${lang}/account`)).statusCode).toBe(303);
    expect(
      (await agent.post(`/${lang}/sign-in`, { email, password: "ma phrase de passe longue" })).statusCode,
    ).toBe(422);
    expect(
      (await agent.post(`/${lang}/sign-in`, { email, password: "une toute nouvelle phrase" })).statusCode,
    ).toBe(303);
  });
});

describe("sign-up", () => {
  it("re-shows the form with 422, an error per field and the values typed, storing nothing", async () => {
    const agent = new Agent(app);
    const before = await database.query<{ n: number }>("select count(*)::int as n from accounts");
    const response = await agent.post("/fr/sign-up", {
      displayName: "",
      email: "pas-une-adresse",
      password: "court",
      phone: "12",
    });
    expect(response.statusCode).toBe(422);
    for (const id of ["#display-name", "#email", "#password", "#phone", "#terms"])
      expect(response.body).toContain(`href="${id}"`);
    expect(response.body).toContain('value="pas-une-adresse"');
    expect(response.body).not.toContain('value="court"');
    expect(await database.query("select count(*)::int as n from accounts")).toEqual(before);
  });

  it("answers an address that already has an account exactly as a new one, and tells its owner by mail", async () => {
    const existing = await createAccount(database, { email: uniqueEmail("taken") });
    const agent = new Agent(app);
    const response = await agent.post("/en/sign-up", {
      displayName: "Someone",
      email: existing.email!.toUpperCase(),
      password: "a long enough password",
      terms: "yes",
    });
    expect(response.statusCode).toBe(200);
    const [mail] = await mailsTo(database, existing.email!.toUpperCase());
    expect(mail?.subject).toBe("Sharek: you already have an account");
    const rows = await database.query("select id from accounts where lower(email) = lower($1)", [
      existing.email,
    ]);
    expect(rows).toHaveLength(1);
  });

  it("creates one account from a double submit", async () => {
    const email = uniqueEmail("double");
    const form = { displayName: "Double", email, password: "a long enough password", terms: "yes" };
    const agent = new Agent(app);
    const [a, b] = await Promise.all([agent.post("/en/sign-up", form), agent.post("/en/sign-up", form)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await database.query("select id from accounts where email = $1", [email])).toHaveLength(1);
  });

  it("refuses a malformed request (wrong types, oversize text) with a 400 page, not a 500", async () => {
    const agent = new Agent(app);
    const response = await agent.post("/en/sign-up", { email: "x".repeat(5000) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Invalid request");
  });
});

describe("sign-in throttling", () => {
  it("throttles after five wrong passwords with a clear message, and the right password works after the back-off", async () => {
    const account = await createAccount(database, { email: uniqueEmail("throttle") });
    const agent = new Agent(app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await agent.post("/en/sign-in", { email: account.email!, password: `wrong password ${i}` }))
          .statusCode,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 422, 429]);
    const blocked = await agent.post("/en/sign-in", { email: account.email!, password: TEST_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain("Too many failed attempts");
    expect(blocked.body).toMatch(/Try again in \d+ seconds/);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);

    // The back-off passes.
    await database.db.execute(sql`update sign_in_throttles set locked_until = now() - interval '1 second'`);
    const ok = await agent.post("/en/sign-in", { email: account.email!, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(303);
  });
});

describe("account settings", () => {
  it("changes the password, keeping this session and ending the others", async () => {
    const email = uniqueEmail("change");
    const first = await signedInAgent(app, database, { email });
    const second = new Agent(app);
    expect((await second.post("/en/sign-in", { email, password: TEST_PASSWORD })).statusCode).toBe(303);
    const wrong = await first.agent.post("/en/account/password", {
      currentPassword: "nope",
      newPassword: "another long password",
    });
    expect(wrong.statusCode).toBe(422);
    const changed = await first.agent.post("/en/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "another long password",
    });
    expect(changed.statusCode).toBe(303);
    expect((await first.agent.get("/en/account")).statusCode).toBe(200);
    expect((await second.get("/en/account")).statusCode).toBe(303);
  });

  it("changes the email only once the new address confirms it", async () => {
    const email = uniqueEmail("old");
    const newEmail = uniqueEmail("new");
    const { agent } = await signedInAgent(app, database, { email });
    const asked = await agent.post("/fr/account/email", { email: newEmail, currentPassword: TEST_PASSWORD });
    expect(asked.statusCode).toBe(200);
    expect((await mailsTo(database, email))[0]?.subject).toContain("changement d’adresse");
    expect(await database.query("select id from accounts where email = $1", [newEmail])).toHaveLength(0);
    const link = await linkInLatestMail(database, newEmail);
    expect((await agent.post(link)).statusCode).toBe(303);
    expect(await database.query("select id from accounts where email = $1", [newEmail])).toHaveLength(1);
  });

  it("lists sessions and revokes one; another person's session id is not found", async () => {
    const email = uniqueEmail("sessions");
    const { agent, account } = await signedInAgent(app, database, { email });
    const other = new Agent(app);
    await other.post("/en/sign-in", { email, password: TEST_PASSWORD }, {});
    const page = await agent.get("/en/account/sessions");
    expect(page.body).toContain("2 open sessions");
    const stranger = await signedInAgent(app, database, {});
    const [theirs] = await database.query<{ id: string }>("select id from sessions where account_id = $1", [
      stranger.account.id,
    ]);
    expect((await agent.post(`/en/account/sessions/${theirs!.id}/revoke`)).statusCode).toBe(404);
    const [mine] = await database.query<{ id: string }>(
      "select id from sessions where account_id = $1 order by created_at desc limit 1",
      [account.id],
    );
    expect((await agent.post(`/en/account/sessions/${mine!.id}/revoke`)).statusCode).toBe(303);
    expect((await other.get("/en/account")).statusCode).toBe(303);
    expect((await stranger.agent.get("/en/account")).statusCode).toBe(200);
  });

  it("keeps a statistics profile only with consent, and deletes it on withdrawal", async () => {
    const { agent, account } = await signedInAgent(app, database, {});
    const refused = await agent.post("/ar/account/profile", {
      residence: "TN-51",
      ageBand: "25_34",
      gender: "female",
    });
    expect(refused.statusCode).toBe(422);
    expect(
      await database.query("select 1 from account_profiles where account_id = $1", [account.id]),
    ).toHaveLength(0);
    const forged = await agent.post("/ar/account/profile", { consent: "yes", residence: "XX-99" });
    expect(forged.statusCode).toBe(422);
    const saved = await agent.post("/ar/account/profile", {
      consent: "yes",
      residence: "abroad",
      ageBand: "25_34",
      gender: "",
    });
    expect(saved.statusCode).toBe(303);
    expect(
      await database.query("select residence, age_band, gender from account_profiles where account_id = $1", [
        account.id,
      ]),
    ).toEqual([{ residence: "abroad", age_band: "25_34", gender: null }]);
    await agent.post("/ar/account/profile/delete");
    expect(
      await database.query("select 1 from account_profiles where account_id = $1", [account.id]),
    ).toHaveLength(0);
  });

  it("deletes an account: personal details gone, sign-in impossible, the address free again", async () => {
    const email = uniqueEmail("delete");
    const { agent, account } = await signedInAgent(app, database, { email });
    expect((await agent.post("/en/account/delete", { mode: "anonymise", confirm: "wrong" })).statusCode).toBe(
      422,
    );
    const deleted = await agent.post("/en/account/delete", { mode: "anonymise", confirm: TEST_PASSWORD });
    expect(deleted.statusCode).toBe(303);
    const [row] = await database.query<Record<string, unknown>>(
      "select email, password_hash, display_name, phone, deleted_at is not null as deleted from accounts where id = $1",
      [account.id],
    );
    expect(row).toEqual({ email: null, password_hash: null, display_name: "", phone: null, deleted: true });
    expect((await agent.get("/en/account")).statusCode).toBe(303);
    expect((await new Agent(app).post("/en/sign-in", { email, password: TEST_PASSWORD })).statusCode).toBe(
      422,
    );
    const again = await new Agent(app).post("/en/sign-up", {
      displayName: "New",
      email,
      password: "a long enough password",
      terms: "yes",
    });
    expect(again.statusCode).toBe(200);
    expect(
      await database.query("select 1 from accounts where email = $1 and deleted_at is null", [email]),
    ).toHaveLength(1);
  });

  it("only lets a signed-in person reach their account pages, coming back after sign-in", async () => {
    const response = await new Agent(app).get("/fr/account/sessions");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/fr/sign-in?next=%2Ffr%2Faccount%2Fsessions");
  });

  it("refuses to send anyone to another site after sign-in", async () => {
    const account = await createAccount(database, { email: uniqueEmail("next") });
    const response = await new Agent(app).post("/en/sign-in", {
      email: account.email!,
      password: TEST_PASSWORD,
      next: "//evil.example/steal",
    });
    expect(response.headers.location).toBe("/en/account");
  });
});

describe("logs across the account flows", () => {
  it("hold no password, token, session id or email address", () => {
    const all = logs.join("\n");
    expect(all).not.toMatch(/@example\.tn/);
    expect(all).not.toContain("ma phrase de passe longue");
    expect(all).not.toContain(TEST_PASSWORD);
    expect(all).not.toMatch(/verify-email\/[A-Za-z0-9_-]{20,}/);
    expect(all).not.toMatch(/reset-password\/[A-Za-z0-9_-]{20,}/);
    expect(all).not.toMatch(/sid=/);
  });
});

roleMatrix("accounts", testApp, [
  { method: "GET", url: "/ar/sign-up", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/sign-in", expect: { anonymous: 200, otherwise: 303 } },
  { method: "GET", url: "/ar/forgot-password", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/reset-password/not-a-real-token", expect: { otherwise: 410 } },
  { method: "POST", url: "/ar/verify-email/not-a-real-token", expect: { otherwise: 410 } },
  { method: "GET", url: "/ar/account", expect: { anonymous: 303, otherwise: 200 } },
  { method: "GET", url: "/ar/account/sessions", expect: { anonymous: 303, otherwise: 200 } },
  { method: "GET", url: "/ar/account/profile", expect: { anonymous: 303, otherwise: 200 } },
  { method: "GET", url: "/ar/account/delete", expect: { anonymous: 303, otherwise: 200 } },
  { method: "POST", url: "/ar/account/sessions/0000/revoke", expect: { anonymous: 303, otherwise: 404 } },
  {
    method: "POST",
    url: "/ar/account/password",
    form: { currentPassword: "x" },
    expect: { anonymous: 303, otherwise: 422 },
  },
  { method: "POST", url: "/ar/account/profile", form: {}, expect: { anonymous: 303, otherwise: 422 } },
  { method: "POST", url: "/ar/account/delete", form: {}, expect: { anonymous: 303, otherwise: 422 } },
  { method: "POST", url: "/ar/sign-out", expect: { otherwise: 303 } },
]);
