import { describe, expect, it } from "vitest";
import { mailsTo } from "../../../../../test/mail.js";
import { auditOf, eventsOf, insertCase, reload, staffPeople, staffTestApp } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

describe("closing a request", () => {
  it("closes with an outcome code and a word to the citizen, who is mailed both", async () => {
    const c = await insertCase(db, { status: "in_progress", pausedAt: new Date() });
    const response = await people.agent.agent.post(`/fr/staff/requests/${c.id}/close`, {
      outcome: "not_competent",
      message: "Ce sujet relève de la STEG.",
    });
    expect(response.statusCode).toBe(303);
    const after = await reload(db, c.id);
    expect(after).toMatchObject({ status: "closed", outcome: "not_competent", pausedAt: null });
    expect(after.closedAt).not.toBeNull();
    const closed = (await eventsOf(db, c.id)).find((e) => e.kind === "closed");
    expect(closed).toMatchObject({
      internal: false,
      details: { outcome: "not_competent" },
      body: "Ce sujet relève de la STEG.",
    });
    const [mail] = await mailsTo(database, c.contactEmail!);
    expect(mail?.textBody).toContain("عدم الاختصاص"); // no account, no language recorded: Arabic
    expect(mail?.textBody).toContain("Ce sujet relève de la STEG.");
    expect((await auditOf(db, c.id))[0]).toMatchObject({
      action: "case.close",
      details: { outcome: "not_competent", from: "in_progress" },
    });
  });

  it("closes an answered request without a message", async () => {
    const c = await insertCase(db, { status: "answered" });
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${c.id}/close`, { outcome: "answered" })).statusCode,
    ).toBe(303);
    expect((await reload(db, c.id)).status).toBe("closed");
  });

  it("asks for an outcome, and leaves duplicates to the duplicate form", async () => {
    const c = await insertCase(db);
    for (const outcome of ["", "duplicate", "whatever"]) {
      const response = await people.agent.agent.post(`/fr/staff/requests/${c.id}/close`, { outcome });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain('href="#close-outcome"');
    }
    expect((await reload(db, c.id)).status).toBe("new");
  });

  it("cannot close a closed request twice", async () => {
    const c = await insertCase(db, { status: "closed", outcome: "withdrawn" });
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${c.id}/close`, { outcome: "answered" })).statusCode,
    ).toBe(409);
  });
});
