import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { Agent } from "../../../../../test/app.js";
import { mailsTo } from "../../../../../test/mail.js";
import { savePreferences } from "../../../../../test/preferences.js";
import { sendRequestForm } from "../../../../../test/request-form.js";
import { accounts } from "../../../../core/auth/tables.js";
import { notificationPreferences } from "../../../../core/notifications/tables.js";
import { cases } from "../../tables.js";
import { insertCase, staffPeople, staffTestApp } from "../testing.js";
import { kindUnsubscribeToken, readUnsubscribeToken, unsubscribeToken } from "../unsubscribe-token.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

describe("the unsubscribe link of request mails", () => {
  it("asks first, then stops the mails about that request to that address only", async () => {
    const c = await insertCase(db, { status: "in_progress" });
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/ask`, { body: "Quelle rue ?" });
    const [mail] = await mailsTo(database, c.contactEmail!);
    const link = new URL(/https?:\/\/\S+\/requests\/unsubscribe\/\S+/.exec(mail!.textBody)![0]).pathname;

    const visitor = new Agent(app);
    const question = await visitor.get(link);
    expect(question.statusCode).toBe(200);
    expect(question.headers["cache-control"]).toContain("no-store");
    // Opening the link (as a mail scanner would) stops nothing.
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, { body: "Première réponse." });
    expect(await mailsTo(database, c.contactEmail!)).toHaveLength(2);

    const done = await visitor.post(link);
    expect(done.statusCode).toBe(200);
    expect(await visitor.post(link).then((r) => r.statusCode)).toBe(200);
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/close`, { outcome: "answered" });
    expect(await mailsTo(database, c.contactEmail!)).toHaveLength(2);

    // Another request of the same person still sends mail.
    const other = await insertCase(db, { contactEmail: c.contactEmail });
    await people.agent.agent.post(`/fr/staff/requests/${other.id}/close`, { outcome: "answered" });
    expect(await mailsTo(database, c.contactEmail!)).toHaveLength(3);
  });

  it("for an account holder, turns e-mail off for that kind of news on their preferences, without signing in", async () => {
    const citizen = await signedInAgent(app, database, { email: "lien@example.tn" });
    // Mails speak the account's language.
    await db.update(accounts).set({ locale: "fr" }).where(eq(accounts.id, citizen.account.id));
    const filed = await sendRequestForm(app, citizen.agent, "fr", {
      type: "complaint",
      structure: "gov-tn-11",
      subject: "Trottoir défoncé avenue de Paris",
      description: "Le trottoir de l'avenue de Paris est défoncé sur vingt mètres devant la pharmacie.",
      governorate: "TN-11",
    });
    expect(filed.statusCode).toBe(303);
    const [c] = await db.select().from(cases).where(eq(cases.submitterId, citizen.account.id));
    await people.agent.agent.post(`/fr/staff/requests/${c!.id}/ask`, { body: "Quel numéro ?" });
    const [mail] = (await mailsTo(database, "lien@example.tn")).filter((m) =>
      m.subject.includes(c!.reference),
    );
    expect(mail!.textBody).toContain("Pour ne plus recevoir de courriels de ce type");
    const link = new URL(/https?:\/\/\S+\/requests\/unsubscribe\/\S+/.exec(mail!.textBody)![0]).pathname;

    // Whoever opens the link (a mail client, another browser) is asked first, with a form.
    const visitor = new Agent(app);
    const question = await visitor.get(link);
    expect(question.statusCode).toBe(200);
    expect(question.body).toContain(
      "Ne plus recevoir de courriels : Réponses et changements de statut de vos requêtes ?",
    );
    expect(question.body).toMatch(/<form[^>]*method="post"/);
    expect(question.body).toContain('name="_csrf"');
    expect((await visitor.post(link, {}, { csrf: false })).statusCode).toBe(403);
    const done = await visitor.post(link);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("Courriels désactivés : Réponses et changements de statut de vos requêtes");
    expect(done.body).toContain('href="/fr/notifications/preferences"');

    // The preferences page shows it: e-mail off for replies, the rest as it was.
    const page = await citizen.agent.get("/fr/notifications/preferences");
    expect(page.body).toMatch(/name="request-update.channels" value="centre" checked/);
    expect(page.body).not.toMatch(/name="request-update.channels" value="email" checked/);
    expect(page.body).toMatch(/name="followed-request.channels" value="email" checked/);

    // The next reply queues no e-mail; the notification centre still has it.
    const before = (await mailsTo(database, "lien@example.tn")).length;
    const reply = await people.agent.agent.post(`/fr/staff/requests/${c!.id}/reply`, {
      body: "Réparé demain.",
    });
    expect(reply.statusCode).toBe(303);
    expect(await mailsTo(database, "lien@example.tn")).toHaveLength(before);
    expect((await citizen.agent.get("/fr/notifications")).body).toContain(
      `Votre requête ${c!.reference} a reçu une réponse`,
    );
    // Turned back on on the preferences page, the next change is mailed again.
    await savePreferences(citizen.agent, "fr", { "request-update.channels": ["centre", "email"] });
    await people.agent.agent.post(`/fr/staff/requests/${c!.id}/close`, { outcome: "answered" });
    expect(await mailsTo(database, "lien@example.tn")).toHaveLength(before + 1);
  });

  it("answers a forged or altered link with a translated page, never a 500, and changes nothing", async () => {
    const secret = app.config.cookieSecret;
    const { account } = await signedInAgent(app, database, { email: "forge@example.tn" });
    const genuine = kindUnsubscribeToken(secret, account.id, "request-update");
    const [k, id, kind, sig] = genuine.split(".");
    const other = "01900000-0000-7000-8000-0000000000ff";
    const visitor = new Agent(app);
    for (const token of [
      `${k}.${id}.${kind}.${sig!.slice(0, -2)}xx`,
      `${k}.${other}.${kind}.${sig}`,
      `${k}.${id}.followed-request.${sig}`,
      kindUnsubscribeToken("another secret, another server", account.id, "request-update"),
      `${k}.${id}.moderation-decision.${sig}`,
      `${genuine}.x`,
      "k.pas-un-compte.request-update.abc",
    ]) {
      const opened = await visitor.get(`/en/requests/unsubscribe/${token}`);
      expect(opened.statusCode, token).toBe(404);
      expect(opened.body).toContain("This link does not work");
      expect(opened.body).toContain("This unsubscribe link is not valid");
      const posted = await visitor.post(`/ar/requests/unsubscribe/${token}`);
      expect(posted.statusCode, token).toBe(404);
      expect(posted.body).toContain("هذا الرابط لا يعمل");
    }
    expect((await visitor.get(`/fr/requests/unsubscribe/k.${"x".repeat(300)}`)).statusCode).toBeLessThan(500);
    expect(
      await db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.accountId, account.id)),
    ).toEqual([]);
    // The genuine one works: its account's choice, not anyone else's.
    expect((await visitor.post(`/fr/requests/unsubscribe/${genuine}`)).statusCode).toBe(200);
    expect(
      (
        await db
          .select()
          .from(notificationPreferences)
          .where(eq(notificationPreferences.accountId, account.id))
      ).map((r) => [r.kind, r.email, r.centre]),
    ).toEqual([["request-update", false, true]]);
  });

  it("only trusts links this server signed", () => {
    const secret = app.config.cookieSecret;
    const caseId = "01900000-0000-7000-8000-000000000001";
    const token = unsubscribeToken(secret, caseId, "Amira@Example.tn");
    expect(readUnsubscribeToken(secret, token)).toMatchObject({ caseId });
    expect(readUnsubscribeToken(secret, unsubscribeToken(secret, caseId, "amira@example.tn"))).toEqual(
      readUnsubscribeToken(secret, token),
    );
    expect(readUnsubscribeToken("another secret, another server", token)).toBeNull();
    const [id, key, sig] = token.split(".");
    expect(readUnsubscribeToken(secret, `${id}.${key}.${sig!.slice(1)}x`)).toBeNull();
    expect(readUnsubscribeToken(secret, `${id}.${"0".repeat(24)}.${sig}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}.x`)).toBeNull();
    expect(token.length).toBeLessThanOrEqual(100);
  });
});
