import { describe, expect, it } from "vitest";
import { mailsTo } from "../../../../../test/mail.js";
import { auditOf, eventsOf, insertCase, reload, staffPeople, staffTestApp } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

describe("assigning a request", () => {
  it("lets an agent take a new request: it is in progress, the citizen is told, the history says who", async () => {
    const c = await insertCase(db);
    const response = await people.agent.agent.post(`/fr/staff/requests/${c.id}/assign`, { assignee: "me" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/fr/staff/requests/${c.id}`);
    const after = await reload(db, c.id);
    expect(after.assigneeId).toBe(people.agent.account.id);
    expect(after.status).toBe("in_progress");
    const assigned = (await eventsOf(db, c.id)).find((e) => e.kind === "assigned");
    expect(assigned).toMatchObject({
      internal: true,
      actorId: people.agent.account.id,
      details: { to: people.agent.account.id },
    });
    const [mail] = await mailsTo(database, c.contactEmail!);
    expect(mail?.subject).toContain(c.reference);
    expect(mail?.subject).toMatch(/cours de traitement|قيد المعالجة|being handled/);
    // Nobody mails themselves.
    expect(await mailsTo(database, people.agent.account.email!)).toHaveLength(0);
    const [entry] = await auditOf(db, c.id);
    expect(entry).toMatchObject({
      action: "case.assign",
      structureId: c.structureId,
      actorId: people.agent.account.id,
    });
  });

  it("lets the structure admin hand a request to a colleague, who is mailed in their language", async () => {
    const c = await insertCase(db, { status: "in_progress" });
    const response = await people.admin.agent.post(`/en/staff/requests/${c.id}/assign`, {
      assignee: people.colleague.account.id,
    });
    expect(response.statusCode).toBe(303);
    expect((await reload(db, c.id)).assigneeId).toBe(people.colleague.account.id);
    const [mail] = await mailsTo(database, people.colleague.account.email!);
    expect(mail?.subject).toBe(`أُسند إليك المطلب ${c.reference}`);
    expect(mail?.textBody).toContain(`/ar/staff/requests/${c.id}`);
    // Already in progress: no news for the citizen.
    expect(await mailsTo(database, c.contactEmail!)).toHaveLength(0);
  });

  it("picks the least-loaded agent when asked to", async () => {
    // The agent already holds two open requests; the colleague, none of this test's.
    await insertCase(db, { status: "in_progress", assigneeId: people.agent.account.id });
    await insertCase(db, { status: "in_progress", assigneeId: people.agent.account.id });
    const c = await insertCase(db);
    await people.admin.agent.post(`/fr/staff/requests/${c.id}/assign`, { assignee: "auto" });
    expect((await reload(db, c.id)).assigneeId).toBe(people.colleague.account.id);
    const assigned = (await eventsOf(db, c.id)).find((e) => e.kind === "assigned");
    expect(assigned?.details).toMatchObject({ auto: true });
  });

  it("refuses someone outside the structure, and shows the form again", async () => {
    const c = await insertCase(db);
    const response = await people.admin.agent.post(`/fr/staff/requests/${c.id}/assign`, {
      assignee: people.otherAgent.account.id,
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#assign-assignee"');
    expect(response.body).toContain("Choisissez un agent de cette structure");
    expect((await reload(db, c.id)).assigneeId).toBeNull();
  });

  it("does not let an agent hand requests to others (403), nor assign a closed request (409)", async () => {
    const c = await insertCase(db);
    const forbidden = await people.agent.agent.post(`/fr/staff/requests/${c.id}/assign`, {
      assignee: people.colleague.account.id,
    });
    expect(forbidden.statusCode).toBe(403);
    const closed = await insertCase(db, { status: "closed", outcome: "answered" });
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${closed.id}/assign`, { assignee: "me" }))
        .statusCode,
    ).toBe(409);
  });
});
