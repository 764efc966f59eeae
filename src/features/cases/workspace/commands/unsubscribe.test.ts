import { describe, expect, it } from "vitest";
import { Agent } from "../../../../../test/app.js";
import { mailsTo } from "../../../../../test/mail.js";
import { insertCase, staffPeople, staffTestApp } from "../testing.js";
import { readUnsubscribeToken, unsubscribeToken } from "../unsubscribe-token.js";

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
