import { describe, expect, it } from "vitest";
import { auditOf, eventsOf, insertCase, reload, staffPeople, staffTestApp } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

describe("internal notes", () => {
  it("adds a note only staff see: no status change, no mail, audited without its text", async () => {
    const c = await insertCase(db, { status: "closed", outcome: "answered" });
    const text = "Le citoyen a appelé : il confirme la réparation.";
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${c.id}/note`, { body: text })).statusCode,
    ).toBe(303);
    expect((await reload(db, c.id)).status).toBe("closed");
    const note = (await eventsOf(db, c.id)).find((e) => e.kind === "note");
    expect(note).toMatchObject({ internal: true, body: text });
    const [n] = await database.query<{ n: number }>(
      "select count(*)::int as n from outbox_messages where to_address = $1",
      [c.contactEmail],
    );
    expect(n?.n).toBe(0);
    const entries = await auditOf(db, c.id);
    expect(entries.map((e) => e.action)).toEqual(["case.note"]);
    expect(JSON.stringify(entries[0]!.details)).not.toContain("appelé");
    const page = await people.agent.agent.get(`/fr/staff/requests/${c.id}`);
    expect(page.body).toContain(text);
    expect(page.body).toContain("Interne");
  });
});
