import { describe, expect, it } from "vitest";
import { mailsTo } from "../../../../../test/mail.js";
import { deadlinePolicies } from "../../../calendar/tables.js";
import { eventsOf, insertCase, reload, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");
// Complaints may stop the clock here; suggestions may not (a structure's own rules).
await db.insert(deadlinePolicies).values([
  { caseType: "complaint", structureId: home, workingDays: 10, pauseAllowed: true },
  { caseType: "suggestion", structureId: home, workingDays: 10, pauseAllowed: false },
]);
const inTenDays = () => new Date(Date.now() + 10 * 86_400_000);

describe("asking the citizen for more information", () => {
  it("waits for the citizen, stops the clock where the policy allows, and mails the question", async () => {
    const c = await insertCase(db, { status: "in_progress", dueAt: inTenDays() });
    const question = "Pouvez-vous préciser le numéro de la rue ?";
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${c.id}/ask`, { body: question })).statusCode,
    ).toBe(303);
    const after = await reload(db, c.id);
    expect(after.status).toBe("awaiting_citizen");
    expect(after.pausedAt).not.toBeNull();
    expect(after.firstResponseAt).not.toBeNull();
    const asked = (await eventsOf(db, c.id)).find((e) => e.kind === "info_requested");
    expect(asked).toMatchObject({ internal: false, body: question, details: { paused: true } });
    const [mail] = await mailsTo(database, c.contactEmail!);
    expect(mail?.textBody).toContain(question);
  });

  it("keeps the clock running where the policy does not allow a pause", async () => {
    const c = await insertCase(db, { type: "suggestion", dueAt: inTenDays() });
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/ask`, { body: "Une précision ?" });
    const after = await reload(db, c.id);
    expect(after.status).toBe("awaiting_citizen");
    expect(after.pausedAt).toBeNull();
  });

  it("never stops the clock of a request already overdue", async () => {
    const c = await insertCase(db, { status: "in_progress", dueAt: new Date(Date.now() - 86_400_000) });
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/ask`, { body: "Une précision ?" });
    expect((await reload(db, c.id)).pausedAt).toBeNull();
  });

  it("cannot ask twice in a row (the request already waits for the citizen)", async () => {
    const c = await insertCase(db, { status: "awaiting_citizen" });
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${c.id}/ask`, { body: "Encore ?" })).statusCode,
    ).toBe(409);
  });
});
