import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { mailsTo } from "../../../../../test/mail.js";
import { accounts } from "../../../../core/auth/tables.js";
import { caseFollowers } from "../../tables.js";
import { auditOf, eventsOf, insertCase, reload, staffPeople, staffTestApp } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

describe("replying to the citizen", () => {
  it("answers the request, stops its clock, and mails the answer with a way to stop such mails", async () => {
    const c = await insertCase(db, { status: "in_progress", pausedAt: new Date() });
    const body = "Les lampadaires de votre rue ont été réparés le 3 mars.";
    const response = await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, { body });
    expect(response.statusCode).toBe(303);
    const after = await reload(db, c.id);
    expect(after.status).toBe("answered");
    expect(after.answeredAt).not.toBeNull();
    expect(after.firstResponseAt).not.toBeNull();
    expect(after.pausedAt).toBeNull();
    const replied = (await eventsOf(db, c.id)).find((e) => e.kind === "replied");
    expect(replied).toMatchObject({ internal: false, body, actorId: people.agent.account.id });

    const [mail] = await mailsTo(database, c.contactEmail!);
    expect(mail?.textBody).toContain(body);
    // No account: the citizen follows with the link of their acknowledgement.
    expect(mail?.textBody).toMatch(/accusé de réception|acknowledgement|الإشعار بالاستلام/);
    expect(mail?.textBody).toMatch(/\/requests\/unsubscribe\/[\w.-]+/);
    expect(mail?.headers).toMatchObject({
      "List-Unsubscribe": expect.stringMatching(/^<http.+\/requests\/unsubscribe\/.+>$/),
    });

    const entries = await auditOf(db, c.id);
    expect(entries.map((e) => e.action)).toEqual(["case.reply"]);
    expect(JSON.stringify(entries[0]!.details)).not.toContain("lampadaires");
  });

  it("mails a signed-in submitter in their language with a link to the request, and its followers too", async () => {
    const follower = people.citizen.account;
    const [submitter] = await db
      .insert(accounts)
      .values({ email: `submitter-${Date.now()}@example.tn`, displayName: "Sami", locale: "en" })
      .returning();
    const c = await insertCase(db, { status: "in_progress", submitterId: submitter!.id, contactEmail: null });
    await db.insert(caseFollowers).values({ caseId: c.id, accountId: follower.id });
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, { body: "Done." });
    const [toSubmitter] = await mailsTo(database, submitter!.email!);
    expect(toSubmitter?.subject).toBe(`Your request ${c.reference} has been answered`);
    expect(toSubmitter?.textBody).toContain(`/en/requests/${c.id}`);
    expect(await mailsTo(database, follower.email!)).toHaveLength(1);
  });

  it("tells a follower the request's new status, never the texts addressed to its submitter", async () => {
    const { agent: follower, account } = await signedInAgent(testApp.app, database, {
      displayName: "Voisin",
    });
    const c = await insertCase(db, { type: "notice", status: "new" });
    expect((await follower.post(`/fr/requests/${c.id}/follow`, {})).statusCode).toBe(303);
    const question = "Madame Ben Salah, pouvez-vous confirmer votre numéro 22 333 444 et l'adresse exacte ?";
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/ask`, { body: question });
    const answer = "Madame Ben Salah, l'équipe passera chez vous au 12 rue de Marseille jeudi.";
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, { body: answer });

    const toSubmitter = (await mailsTo(database, c.contactEmail!)).map((m) => m.textBody).join("\n");
    expect(toSubmitter).toContain(question);
    expect(toSubmitter).toContain(answer);
    const toFollower = await mailsTo(database, account.email!);
    expect(toFollower.length).toBeGreaterThan(0);
    const followerText = toFollower.map((m) => `${m.subject}\n${m.textBody}`).join("\n");
    expect(followerText).not.toContain("Ben Salah");
    expect(followerText).not.toContain("22 333 444");
    expect(followerText).not.toContain("rue de Marseille");
    // What reaches them: the status, answered at last.
    expect(toFollower[0]!.textBody).toMatch(/Répondue|Answered|تمّ الرد/);
    expect(toFollower[0]!.textBody).toContain(c.reference);
  });

  it("mails nobody about an anonymous request", async () => {
    const c = await insertCase(db, { anonymous: true, contactEmail: null, contactName: null });
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, {
      body: "Merci pour votre signalement.",
    });
    expect((await reload(db, c.id)).status).toBe("answered");
    const [{ n }] = (await database.query<{ n: number }>(
      "select count(*)::int as n from outbox_messages where text_body like $1",
      [`%${c.reference}%`],
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("asks for a text of sane length, keeping what was typed", async () => {
    const c = await insertCase(db);
    const empty = await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, { body: "   " });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#reply-body"');
    const long = "x".repeat(5001);
    const tooLong = await people.agent.agent.post(`/fr/staff/requests/${c.id}/reply`, { body: long });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain(long);
    expect((await reload(db, c.id)).status).toBe("new");
    expect((await eventsOf(db, c.id)).map((e) => e.kind)).toEqual(["submitted"]);
  });
});
