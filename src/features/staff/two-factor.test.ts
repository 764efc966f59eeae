import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, plainTotpSecret, signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { linkInLatestMail } from "../../../test/mail.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { createSession, SESSION_COOKIE } from "../../core/auth/sessions.js";
import { accounts, sessions } from "../../core/auth/tables.js";
import { accountByEmail, currentCode, endBackOff, structureId } from "./testing.js";

const testApp = await createTestApp();
const { app, database, logs } = testApp;

roleMatrix("two-factor", testApp, [
  // Citizens see the enrolment page; staff (enrolled and verified) see the status page.
  { method: "GET", url: "/fr/account/two-factor", expect: { anonymous: 303, otherwise: 200 } },
  // A wrong code for a citizen enrolling; staff are already enrolled, so they go back to the page.
  {
    method: "POST",
    url: "/fr/account/two-factor",
    form: { code: "000000" },
    expect: { anonymous: 303, citizen: 422, otherwise: 303 },
  },
  // Citizens without TOTP have nothing to turn off; staff must keep it.
  {
    method: "POST",
    url: "/fr/account/two-factor/disable",
    form: { password: "wrong password" },
    expect: { anonymous: 303, citizen: 303, otherwise: 403 },
  },
  // Nobody in the matrix is waiting for a code: they are sent on.
  { method: "GET", url: "/fr/sign-in/two-factor", expect: { otherwise: 303 } },
  { method: "POST", url: "/fr/sign-in/two-factor", form: { code: "000000" }, expect: { otherwise: 303 } },
]);

/** An agent whose session has not passed the code step yet. */
async function awaitingCode(options: Parameters<typeof createAccount>[1]) {
  const account = await createAccount(database, options);
  const { token } = await createSession(database.db, account.id, { persistent: false, device: "Test" });
  const agent = new Agent(app);
  agent.setCookie(SESSION_COOKIE, token);
  return { agent, account };
}

describe("staff and TOTP, end to end", () => {
  it("lets an invited agent do nothing staff-only before enrolling, and a real code unlocks it", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const tunis = await structureId(database, "gov-tn-11");
    expect((await admin.get("/en/admin/staff/invite")).statusCode).toBe(200);
    const invited = await admin.post("/en/admin/staff/invite", {
      email: "Amel.Jaziri@example.tn",
      displayName: "Amel Jaziri",
      role: "agent",
      structureId: tunis,
    });
    expect(invited.statusCode).toBe(303);

    const path = await linkInLatestMail(database, "Amel.Jaziri@example.tn");
    const invitee = new Agent(app);
    const page = await invitee.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Role: Agent");
    expect(page.body).toContain("Structure: Governorate of Tunis");
    const accepted = await invitee.post(path, {
      displayName: "Amel Jaziri",
      password: "a long enough passphrase",
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe("/en/account/two-factor?next=%2Fen%2Fadmin");

    // Signed in, with the role, but nothing staff-only works before enrolment.
    const locked = await invitee.get("/en/admin");
    expect(locked.statusCode).toBe(303);
    expect(locked.headers.location).toBe("/en/account/two-factor?next=%2Fen%2Fadmin");

    const enrol = await invitee.get("/en/account/two-factor?next=%2Fen%2Fadmin");
    expect(enrol.statusCode).toBe(200);
    expect(enrol.body).toMatch(/<img class="sh-totp__qr" src="data:image\/svg\+xml;base64,/);
    const account = (await accountByEmail(database, "amel.jaziri@example.tn"))!;
    const grouped = plainTotpSecret(account.totpSecret!)
      .match(/.{1,4}/g)!
      .join(" ");
    expect(enrol.body).toContain(grouped);
    // The pending secret stays the same across visits, kept on the server.
    await invitee.get("/en/account/two-factor");
    expect((await accountByEmail(database, "amel.jaziri@example.tn"))!.totpSecret).toBe(account.totpSecret);

    const wrong = await invitee.post("/en/account/two-factor", { code: "123456", next: "/en/admin" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('href="#code"');
    expect((await invitee.get("/en/admin")).statusCode).toBe(303);

    const done = await invitee.post("/en/account/two-factor", {
      code: await currentCode(database, account.id),
      next: "/en/admin",
    });
    expect(done.statusCode).toBe(200);
    expect(done.body.match(/<code>[0-9a-f]{5}-[0-9a-f]{5}<\/code>/g)).toHaveLength(10);
    expect(done.body).toContain('href="/en/admin"');

    expect((await invitee.get("/en/admin")).statusCode).toBe(200);
    // An agent, not a structure admin: the staff pages stay closed.
    expect((await invitee.get("/en/admin/staff")).statusCode).toBe(403);

    const actions = (
      await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, account.id))
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["membership.invite", "account.totp_enable"]));
    const [grant] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "membership.grant"));
    expect(grant?.structureId).toBe(tunis);
  });

  it("never lets a `next` lead to another site", async () => {
    const { agent, account } = await awaitingCode({ roles: [{ structure: "gov-tn-11", role: "agent" }] });
    const form = await agent.get("/en/sign-in/two-factor?next=%2F%2Fevil.example");
    expect(form.body).toContain('name="next" value="/en/admin"');
    const response = await agent.post("/en/sign-in/two-factor", {
      code: await currentCode(database, account.id),
      next: "https://evil.example/",
    });
    expect(response.headers.location).toBe("/en/admin");
  });
});

describe("the code step of signing in", () => {
  it("unlocks staff powers with a right code, and sends them on", async () => {
    const { agent, account } = await awaitingCode({ platformAdmin: true });
    const admin = await agent.get("/ar/admin");
    expect(admin.headers.location).toBe("/ar/sign-in/two-factor?next=%2Far%2Fadmin");
    const form = await agent.get(admin.headers.location as string);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('dir="rtl"');
    const ok = await agent.post("/ar/sign-in/two-factor", {
      code: await currentCode(database, account.id),
      next: "/ar/admin",
    });
    expect(ok.headers.location).toBe("/ar/admin");
    expect((await agent.get("/ar/admin")).statusCode).toBe(200);
  });

  it("throttles wrong codes with a clear message, and the right code works after the back-off", async () => {
    const { agent, account } = await awaitingCode({ roles: [{ structure: "gov-tn-11", role: "agent" }] });
    for (let i = 0; i < 4; i++) {
      const wrong = await agent.post("/en/sign-in/two-factor", { code: "000000", next: "/en/admin" });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain("This code is not right");
    }
    const fifth = await agent.post("/en/sign-in/two-factor", { code: "000000", next: "/en/admin" });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.body).toContain("Too many wrong codes. Wait 30 seconds, then try again.");
    expect(fifth.headers["retry-after"]).toBe("30");
    const right = await agent.post("/en/sign-in/two-factor", {
      code: await currentCode(database, account.id),
      next: "/en/admin",
    });
    expect(right.statusCode).toBe(429);
    expect((await agent.get("/en/admin")).statusCode).toBe(303);

    await endBackOff(database);
    const after = await agent.post("/en/sign-in/two-factor", {
      code: await currentCode(database, account.id),
      next: "/en/admin",
    });
    expect(after.headers.location).toBe("/en/admin");
    expect((await agent.get("/en/admin")).statusCode).toBe(200);
  });

  it("accepts each recovery code once", async () => {
    // Enrol through the pages to get real recovery codes.
    const { agent, account } = await signedInAgent(app, database, { totp: false });
    await agent.get("/fr/account/two-factor");
    const codesPage = await agent.post("/fr/account/two-factor", {
      code: await currentCode(database, account.id),
    });
    const codes = [...codesPage.body.matchAll(/<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    await database.db.update(accounts).set({ isPlatformAdmin: true }).where(eq(accounts.id, account.id));

    const first = new Agent(app);
    first.setCookie(
      SESSION_COOKIE,
      (await createSession(database.db, account.id, { persistent: false, device: "" })).token,
    );
    // Typed in capitals and without the dash, as people do.
    const used = await first.post("/fr/sign-in/two-factor", {
      code: codes[0]!.replace("-", "").toUpperCase(),
      next: "/fr/admin",
    });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe("/fr/admin");
    const landing = await first.get("/fr/admin");
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain("code de secours");

    const second = new Agent(app);
    second.setCookie(
      SESSION_COOKIE,
      (await createSession(database.db, account.id, { persistent: false, device: "" })).token,
    );
    const again = await second.post("/fr/sign-in/two-factor", { code: codes[0]!, next: "/fr/admin" });
    expect(again.statusCode).toBe(422);
    expect((await accountByEmail(database, account.email!))!.recoveryCodeHashes).toHaveLength(9);
    const status = await first.get("/fr/account/two-factor");
    expect(status.body).toContain("Il vous reste 9 codes de secours.");
  });
});

describe("turning TOTP off", () => {
  it("lets a citizen turn it off with their password, and audits it", async () => {
    const { agent, account } = await signedInAgent(app, database, { totp: true });
    const status = await agent.get("/en/account/two-factor");
    expect(status.body).toContain("Turn off two-step verification");
    const wrong = await agent.post("/en/account/two-factor/disable", { password: "not my password" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("This password is not right");
    const ok = await agent.post("/en/account/two-factor/disable", { password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(303);
    const after = (await accountByEmail(database, account.email!))!;
    expect(after.totpEnabledAt).toBeNull();
    expect(after.totpSecret).toBeNull();
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "account.totp_disable"));
    expect(event?.actorId).toBe(account.id);
  });

  it("keeps it on for staff, even with the right password", async () => {
    const { agent, account } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    expect((await agent.get("/en/account/two-factor")).body).toContain("Staff accounts must keep");
    const refused = await agent.post("/en/account/two-factor/disable", { password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect((await accountByEmail(database, account.email!))!.totpEnabledAt).not.toBeNull();
  });

  it("asks for the code first when this session has not entered one", async () => {
    const { agent } = await awaitingCode({ totp: true });
    const response = await agent.get("/en/account/two-factor");
    expect(response.headers.location).toBe("/en/sign-in/two-factor?next=%2Fen%2Faccount%2Ftwo-factor");
  });
});

describe("logs", () => {
  it("hold no password, recovery code, TOTP secret, session id or email address from these flows", async () => {
    const text = logs.join("\n");
    expect(text).toContain('"route":"/:lang/sign-in/two-factor"');
    const rows = await database.db.select().from(accounts);
    const secrets = [
      TEST_PASSWORD,
      "a long enough passphrase",
      ...rows.flatMap((a) => [a.email, a.totpSecret && plainTotpSecret(a.totpSecret)]),
    ];
    const sessionRows = await database.db.select().from(sessions);
    secrets.push(...sessionRows.map((s) => s.id));
    for (const secret of secrets) if (secret) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{5}-[0-9a-f]{5}/);
    expect(text).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
  });
});
