import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { linkInLatestMail, mailsTo } from "../../../test/mail.js";
import { auditEvents } from "../../core/audit/tables.js";
import { createSession, SESSION_COOKIE } from "../../core/auth/sessions.js";
import { accountTokens } from "../../core/auth/tables.js";
import { memberships } from "../../core/authz/tables.js";
import { accountByEmail, structureId } from "./testing.js";

const testApp = await createTestApp();
const { app, database, logs } = testApp;
const tunis = await structureId(database, "gov-tn-11");
const ariana = await structureId(database, "gov-tn-12");

/** Everything that must never reach a log line, gathered as the flows run. */
const secrets = new Set<string>([TEST_PASSWORD]);
const remember = (...values: Array<string | null | undefined>) => {
  for (const v of values) if (v) secrets.add(v);
};

async function membershipOf(accountId: string) {
  const [row] = await database.db.select().from(memberships).where(eq(memberships.accountId, accountId));
  return row!;
}

describe("staff pages of another structure", () => {
  it("answer 404 to an agent or a structure admin of another structure", async () => {
    const ariane = await createAccount(database, { roles: [{ structure: "gov-tn-12", role: "agent" }] });
    const arianeMembership = await membershipOf(ariane.id);
    for (const role of ["agent", "structure_admin"] as const) {
      const { agent, account } = await signedInAgent(app, database, {
        roles: [{ structure: "gov-tn-11", role }],
      });
      remember(account.email);
      expect((await agent.get(`/en/admin/staff?structure=${ariana}`)).statusCode).toBe(404);
      expect((await agent.get(`/en/admin/staff/memberships/${arianeMembership.id}/revoke`)).statusCode).toBe(
        404,
      );
      expect((await agent.post(`/en/admin/staff/memberships/${arianeMembership.id}/revoke`)).statusCode).toBe(
        404,
      );
    }
    expect((await membershipOf(ariane.id)).revokedAt).toBeNull();
  });

  it("list only the structure admin's own structures", async () => {
    const inTunis = await createAccount(database, {
      displayName: "Hedi Tunis",
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    const inAriana = await createAccount(database, {
      displayName: "Rim Ariana",
      roles: [{ structure: "gov-tn-12", role: "moderator" }],
    });
    remember(inTunis.email, inAriana.email);
    const { agent } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    const page = await agent.get("/en/admin/staff");
    expect(page.body).toContain("Hedi Tunis");
    expect(page.body).not.toContain("Rim Ariana");
    expect(page.body).toContain('aria-current="page">Staff and roles');

    const { agent: platform } = await signedInAgent(app, database, { platformAdmin: true });
    const all = await platform.get("/en/admin/staff");
    expect(all.body).toContain("Rim Ariana");
    const filtered = await platform.get(`/en/admin/staff?structure=${ariana}`);
    expect(filtered.body).toContain("Rim Ariana");
    expect(filtered.body).not.toContain("Hedi Tunis");
  });
});

describe("inviting staff", () => {
  it("offers a structure admin only their structures and the roles they may grant", async () => {
    const { agent, account } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    remember(account.email);
    const form = await agent.get("/fr/admin/staff/invite");
    expect(form.body).toContain(`value="${tunis}"`);
    expect(form.body).not.toContain(`value="${ariana}"`);
    expect(form.body).not.toContain('value="integrity_officer"');
    expect(form.body).toContain(
      "Les référents intégrité sont nommés par les administrateurs de la plateforme.",
    );

    const forged = await agent.post("/fr/admin/staff/invite", {
      email: "salah@example.tn",
      displayName: "Salah",
      role: "integrity_officer",
      structureId: tunis,
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain('href="#role"');
    expect(forged.body).toContain('value="salah@example.tn"');
    const elsewhere = await agent.post("/fr/admin/staff/invite", {
      email: "salah@example.tn",
      displayName: "Salah",
      role: "agent",
      structureId: ariana,
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.body).toContain('href="#structureId"');
    expect(await mailsTo(database, "salah@example.tn")).toHaveLength(0);
  });

  it("re-renders an incomplete form with every problem linked to its field", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const response = await agent.post("/ar/admin/staff/invite", {
      email: "not an email",
      role: "",
      structureId: "",
    });
    expect(response.statusCode).toBe(422);
    for (const field of ["email", "displayName", "structureId", "role"])
      expect(response.body).toContain(`href="#${field}"`);
    expect(response.body).toContain('value="not an email"');
  });

  it("mails a single-use link in the inviter's language, shows it pending, and grants the role on acceptance", async () => {
    const { agent, account: inviter } = await signedInAgent(app, database, {
      displayName: "Mounir Admin",
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    remember(inviter.email);
    const email = "nadia.invitee@example.tn";
    remember(email);
    const sent = await agent.post("/fr/admin/staff/invite", {
      email,
      displayName: "Nadia Ferchichi",
      role: "moderator",
      structureId: tunis,
    });
    expect(sent.headers.location).toBe(`/fr/admin/staff?structure=${tunis}`);
    const [mail] = await mailsTo(database, email);
    expect(mail?.subject).toBe("Invitation à rejoindre Gouvernorat de Tunis sur Sharek");
    expect(mail?.textBody).toContain("Mounir Admin vous invite");
    const list = await agent.get(sent.headers.location as string);
    expect(list.body).toContain("L'invitation a été envoyée.");
    expect(list.body).toContain(email);

    const path = await linkInLatestMail(database, email);
    remember(path.split("/").pop());
    const invitee = new Agent(app);
    const password = "une phrase assez longue";
    remember(password);
    const short = await invitee.post(path, { displayName: "Nadia Ferchichi", password: "court" });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('href="#password"');
    expect(short.body).toContain("Le mot de passe doit contenir au moins 10 caractères");
    const accepted = await invitee.post(path, { displayName: "Nadia Ferchichi", password });
    expect(accepted.statusCode).toBe(303);
    remember(invitee.cookieHeader().match(/sid=([^;]+)/)?.[1]);

    const account = (await accountByEmail(database, email))!;
    expect(account.passwordHash).not.toBeNull();
    expect(account.emailVerifiedAt).not.toBeNull();
    const membership = await membershipOf(account.id);
    expect(membership).toMatchObject({ role: "moderator", structureId: tunis, grantedBy: inviter.id });

    // The link works once.
    const reused = await new Agent(app).get(path);
    expect(reused.statusCode).toBe(404);
    expect(reused.body).toContain("Ce lien d'invitation ne fonctionne pas");
    expect(
      (await new Agent(app).post(path, { displayName: "X", password: "another long password" })).statusCode,
    ).toBe(404);
  });

  it("refuses an expired or cancelled invitation", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    for (const email of ["late@example.tn", "cancelled@example.tn"]) {
      remember(email);
      await agent.post("/en/admin/staff/invite", {
        email,
        displayName: "Someone",
        role: "agent",
        structureId: tunis,
      });
    }
    const late = await linkInLatestMail(database, "late@example.tn");
    const lateAccount = (await accountByEmail(database, "late@example.tn"))!;
    await database.db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.accountId, lateAccount.id));
    expect((await new Agent(app).get(late)).statusCode).toBe(404);

    const cancelled = await linkInLatestMail(database, "cancelled@example.tn");
    const cancelledAccount = (await accountByEmail(database, "cancelled@example.tn"))!;
    const [token] = await database.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.accountId, cancelledAccount.id));
    expect((await agent.post(`/en/admin/staff/invitations/${token!.id}/cancel`)).statusCode).toBe(303);
    expect((await new Agent(app).get(cancelled)).statusCode).toBe(404);
  });

  it("asks an existing account to sign in, then grants the role to it", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const citizen = await createAccount(database, { email: "already.here@example.tn" });
    remember(citizen.email);
    await admin.post("/en/admin/staff/invite", {
      email: "ALREADY.here@example.tn",
      displayName: "",
      role: "agent",
      structureId: tunis,
    });
    const path = await linkInLatestMail(database, "ALREADY.here@example.tn");
    const anonymous = await new Agent(app).get(path);
    expect(anonymous.body).toContain(`href="/en/sign-in?next=${encodeURIComponent(path)}"`);
    expect(anonymous.body).not.toContain('name="password"');

    const agent = new Agent(app);
    const { token } = await createSession(database.db, citizen.id, { persistent: false, device: "" });
    agent.setCookie(SESSION_COOKIE, token);
    expect((await agent.get(path)).body).toContain("Accept the invitation");
    const accepted = await agent.post(path);
    // Their existing session stays; TOTP comes next.
    expect(accepted.headers.location).toBe("/en/account/two-factor?next=%2Fen%2Fadmin");
    expect(accepted.headers["set-cookie"]?.toString() ?? "").not.toContain("sid=");
    expect((await membershipOf(citizen.id)).role).toBe("agent");
  });
});

describe("revoking a role", () => {
  it("takes effect at the holder's next request, and is audited", async () => {
    const { agent: holder, account } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "agent" }],
    });
    expect((await holder.get("/en/admin")).statusCode).toBe(200);
    const { agent: admin, account: adminAccount } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    const membership = await membershipOf(account.id);
    const confirm = await admin.get(`/en/admin/staff/memberships/${membership.id}/revoke`);
    expect(confirm.body).toContain("will lose the role “Agent” in “Governorate of Tunis”");
    const revoked = await admin.post(`/en/admin/staff/memberships/${membership.id}/revoke`);
    expect(revoked.headers.location).toBe(`/en/admin/staff?structure=${tunis}`);

    expect((await holder.get("/en/admin")).statusCode).toBe(403);
    expect((await membershipOf(account.id)).revokedBy).toBe(adminAccount.id);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "membership.revoke"), eq(auditEvents.subjectId, membership.id)));
    expect(event).toMatchObject({ actorId: adminAccount.id, structureId: tunis });
  });

  it("never lets a structure admin revoke their own role", async () => {
    const { agent, account } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    const own = await membershipOf(account.id);
    expect((await agent.get("/en/admin/staff")).body).not.toContain(`/memberships/${own.id}/revoke`);
    expect((await agent.post(`/en/admin/staff/memberships/${own.id}/revoke`)).statusCode).toBe(403);
  });
});

describe("platform admins", () => {
  it("are invited through a confirmed form, and gain and lose the power at once", async () => {
    const { agent: admin, account: me } = await signedInAgent(app, database, { platformAdmin: true });
    const unticked = await admin.post("/en/admin/staff/platform-admins", {
      email: "future.admin@example.tn",
      displayName: "Future Admin",
    });
    expect(unticked.statusCode).toBe(422);
    expect(unticked.body).toContain('href="#confirm"');
    remember("future.admin@example.tn");
    const sent = await admin.post("/en/admin/staff/platform-admins", {
      email: "future.admin@example.tn",
      displayName: "Future Admin",
      confirm: "yes",
    });
    expect(sent.statusCode).toBe(303);
    const pending = await admin.get("/en/admin/staff/platform-admins");
    expect(pending.body).toContain("future.admin@example.tn");
    expect(pending.body).toContain(`<td class="sh-table__cell">${me.displayName}</td>`);
    const path = await linkInLatestMail(database, "future.admin@example.tn");
    const invitee = new Agent(app);
    expect((await invitee.get(path)).body).toContain("Role: Platform admin");
    await invitee.post(path, { displayName: "Future Admin", password: "a very long admin password" });
    remember("a very long admin password");
    const future = (await accountByEmail(database, "future.admin@example.tn"))!;
    expect(future.isPlatformAdmin).toBe(true);
    // Not before TOTP.
    expect((await invitee.get("/en/admin/staff/platform-admins")).headers.location).toBe(
      "/en/account/two-factor?next=%2Fen%2Fadmin%2Fstaff%2Fplatform-admins",
    );

    const [grant] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "platform_admin.grant"), eq(auditEvents.subjectId, future.id)));
    expect(grant?.actorId).toBe(me.id);

    expect((await admin.get(`/en/admin/staff/platform-admins/${me.id}/revoke`)).statusCode).toBe(403);
    expect((await admin.post(`/en/admin/staff/platform-admins/${future.id}/revoke`)).statusCode).toBe(303);
    expect((await accountByEmail(database, "future.admin@example.tn"))!.isPlatformAdmin).toBe(false);
  });
});

describe("logs", () => {
  it("hold no password, token, session id or email address from these flows", () => {
    const text = logs.join("\n");
    expect(text.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
  });
});
