import { describe, expect, it } from "vitest";
import { contentKey } from "../../../../core/files/store.js";
import { caseAttachments } from "../../tables.js";
import {
  auditOf,
  eventsOf,
  insertCase,
  reload,
  staffPeople,
  staffTestApp,
  structureIdOf,
} from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const tunis = await structureIdOf(db, "gov-tn-11");

describe("Staff of structure A never see structure B's cases", () => {
  it("in the queue, on the page, in the files, through any action, and by reference", async () => {
    const theirs = await insertCase(db, {
      structure: "gov-tn-12",
      subject: "Secret de l'Ariana",
      contactName: "Nour Ariana",
    });
    const png = Buffer.from("89504e470d0a1a0a01", "hex");
    await app.files.put(contentKey(png).key, png);
    const [file] = await db
      .insert(caseAttachments)
      .values({ caseId: theirs.id, fileKey: contentKey(png).key, mime: "image/png", size: png.length })
      .returning();
    const mine = await insertCase(db);
    const agent = people.agent.agent;

    for (const query of [
      "",
      "?status=all",
      "?status=new&deadline=overdue",
      `?structure=${tunis}&status=all`,
    ]) {
      const page = await agent.get(`/fr/staff/requests${query}`);
      expect(page.body).not.toContain(theirs.reference);
      expect(page.body).not.toContain("Secret de l");
    }
    const page = await agent.get(`/fr/staff/requests/${theirs.id}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain("Nour Ariana");
    expect((await agent.get(`/fr/staff/requests/${theirs.id}/files/${file!.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/fr/staff/requests/${mine.id}/files/${file!.id}`)).statusCode).toBe(404);

    const actions: Array<[string, Record<string, string>]> = [
      ["assign", { assignee: "me" }],
      ["reply", { body: "x" }],
      ["ask", { body: "x" }],
      ["note", { body: "x" }],
      ["transfer", { structure: tunis, reason: "x" }],
      ["duplicate", { reference: mine.reference }],
      ["close", { outcome: "answered" }],
    ];
    for (const [action, form] of actions) {
      expect((await agent.post(`/fr/staff/requests/${theirs.id}/${action}`, form)).statusCode, action).toBe(
        404,
      );
    }
    await agent.post("/fr/staff/requests/bulk", {
      structure: tunis,
      ids: theirs.id,
      op: "close",
      outcome: "answered",
    });
    // Nor can one of A's requests be merged into B's by quoting its reference.
    const merge = await agent.post(`/fr/staff/requests/${mine.id}/duplicate`, {
      reference: theirs.reference,
    });
    expect(merge.statusCode).toBe(422);

    expect(await reload(db, theirs.id)).toMatchObject({
      status: "new",
      assigneeId: null,
      structureId: theirs.structureId,
    });
    expect((await eventsOf(db, theirs.id)).map((e) => e.kind)).toEqual(["submitted"]);
    expect(await auditOf(db, theirs.id)).toEqual([]);
    // B's own staff see it.
    expect((await people.otherAgent.agent.get(`/fr/staff/requests/${theirs.id}`)).body).toContain(
      "Nour Ariana",
    );
  });
});
