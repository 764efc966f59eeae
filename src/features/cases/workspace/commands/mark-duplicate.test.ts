import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../../test/accounts.js";
import { mailsTo } from "../../../../../test/mail.js";
import { caseFollowers } from "../../tables.js";
import { eventsOf, insertCase, reload, staffPeople, staffTestApp } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

describe("marking a request as a duplicate", () => {
  it("closes it as a duplicate, makes its people follow the original, and says so on both", async () => {
    const submitter = await createAccount(database, { displayName: "Leila" });
    const follower = await createAccount(database, { displayName: "Karim" });
    const original = await insertCase(db, { status: "in_progress" });
    const duplicate = await insertCase(db, { submitterId: submitter.id, contactEmail: null });
    await db.insert(caseFollowers).values({ caseId: duplicate.id, accountId: follower.id });

    const response = await people.agent.agent.post(`/fr/staff/requests/${duplicate.id}/duplicate`, {
      reference: original.reference.toLowerCase(),
    });
    expect(response.statusCode).toBe(303);
    expect(await reload(db, duplicate.id)).toMatchObject({
      status: "closed",
      outcome: "duplicate",
      duplicateOfId: original.id,
    });
    expect((await reload(db, original.id)).status).toBe("in_progress");
    const followers = await db.select().from(caseFollowers).where(eq(caseFollowers.caseId, original.id));
    expect(followers.map((f) => f.accountId).sort()).toEqual([submitter.id, follower.id].sort());
    expect((await eventsOf(db, duplicate.id)).find((e) => e.kind === "merged")?.details).toEqual({
      into: original.id,
      reference: original.reference,
    });
    expect((await eventsOf(db, original.id)).find((e) => e.kind === "merged")?.details).toEqual({
      from: duplicate.id,
      reference: duplicate.reference,
    });
    const [mail] = await mailsTo(database, submitter.email!);
    expect(mail?.textBody).toContain(original.reference);

    // The original's progress now reaches the duplicate's submitter: its status, not what staff write
    // to the original's submitter (which may carry that person's details).
    await people.agent.agent.post(`/fr/staff/requests/${original.id}/reply`, { body: "Réparé." });
    const [news] = await mailsTo(database, submitter.email!);
    expect(news?.textBody).toContain(original.reference);
    expect(news?.textBody).not.toContain("Réparé.");
    const page = await people.agent.agent.get(`/fr/staff/requests/${duplicate.id}`);
    expect(page.body).toContain(`href="/fr/staff/requests/${original.id}"`);
  });

  it("only merges into another request of the same structure that is no duplicate itself", async () => {
    const c = await insertCase(db);
    const elsewhere = await insertCase(db, { structure: "gov-tn-12" });
    const dupOfDup = await insertCase(db, {
      status: "closed",
      outcome: "duplicate",
      duplicateOfId: elsewhere.id,
    });
    for (const [reference, message] of [
      ["", "Saisissez la référence"],
      ["EC-2026-999999", "Aucune requête de cette structure"],
      [elsewhere.reference, "Aucune requête de cette structure"],
      [c.reference, "ne peut pas être le doublon d"],
      [dupOfDup.reference, "est elle-même un doublon"],
    ] as const) {
      const response = await people.agent.agent.post(`/fr/staff/requests/${c.id}/duplicate`, { reference });
      expect(response.statusCode, reference).toBe(422);
      expect(response.body).toContain(message);
      expect(response.body).toContain('href="#duplicate-reference"');
    }
    expect((await reload(db, c.id)).status).toBe("new");
  });
});
