import { describe, expect, it } from "vitest";
import { mailsTo } from "../../../../../test/mail.js";
import { auditOf, insertCase, reload, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");

describe("bulk actions on the queue", () => {
  it("assigns the checked requests to a colleague, each with its own history and audit entry", async () => {
    const a = await insertCase(db);
    const b = await insertCase(db);
    const untouched = await insertCase(db);
    const response = await people.admin.agent.post("/fr/staff/requests/bulk", {
      structure: home,
      ids: [a.id, b.id],
      op: "assign",
      assignee: people.colleague.account.id,
      outcome: "",
    });
    expect(response.statusCode).toBe(303);
    for (const c of [a, b]) {
      expect(await reload(db, c.id)).toMatchObject({
        assigneeId: people.colleague.account.id,
        status: "in_progress",
      });
      expect((await auditOf(db, c.id)).map((e) => e.action)).toEqual(["case.assign"]);
    }
    expect((await reload(db, untouched.id)).assigneeId).toBeNull();
    const page = await people.admin.agent.get(response.headers.location as string);
    expect(page.body).toContain("Les requêtes sélectionnées ont été mises à jour");
  });

  it("closes the checked requests, skipping those that cannot be closed or are not the structure's", async () => {
    const open = await insertCase(db);
    const closed = await insertCase(db, { status: "closed", outcome: "withdrawn" });
    const elsewhere = await insertCase(db, { structure: "gov-tn-12" });
    const response = await people.agent.agent.post("/fr/staff/requests/bulk", {
      structure: home,
      ids: [open.id, closed.id, elsewhere.id, "not-a-uuid"],
      op: "close",
      outcome: "no_further_action",
    });
    expect(response.statusCode).toBe(303);
    expect(await reload(db, open.id)).toMatchObject({ status: "closed", outcome: "no_further_action" });
    expect((await reload(db, closed.id)).outcome).toBe("withdrawn");
    expect((await reload(db, elsewhere.id)).status).toBe("new");
    const page = await people.agent.agent.get(response.headers.location as string);
    expect(page.body).toContain("Certaines requêtes sélectionnées ne permettaient pas cette action");
  });

  it("asks for a selection and for what to do, without JavaScript", async () => {
    const none = await people.agent.agent.post("/fr/staff/requests/bulk", {
      structure: home,
      op: "close",
      outcome: "answered",
    });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain("Sélectionnez au moins une requête");
    const c = await insertCase(db);
    const noOutcome = await people.agent.agent.post("/fr/staff/requests/bulk", {
      structure: home,
      ids: c.id,
      op: "close",
      outcome: "",
    });
    expect(noOutcome.statusCode).toBe(422);
    expect(noOutcome.body).toContain('href="#bulk-outcome"');
    const stranger = await people.admin.agent.post("/fr/staff/requests/bulk", {
      structure: home,
      ids: c.id,
      op: "assign",
      assignee: people.otherAgent.account.id,
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.body).toContain('href="#bulk-assignee"');
    expect((await reload(db, c.id)).status).toBe("new");
  });

  it("lets an agent hand requests only to themselves", async () => {
    const c = await insertCase(db);
    await people.agent.agent.post("/fr/staff/requests/bulk", {
      structure: home,
      ids: c.id,
      op: "assign",
      assignee: people.colleague.account.id,
    });
    expect((await reload(db, c.id)).assigneeId).toBeNull();
    await people.agent.agent.post("/fr/staff/requests/bulk", {
      structure: home,
      ids: c.id,
      op: "assign",
      assignee: "me",
    });
    expect((await reload(db, c.id)).assigneeId).toBe(people.agent.account.id);
  });

  describe("access-to-information requests", () => {
    const information = (fields: Parameters<typeof insertCase>[1] = {}) =>
      insertCase(db, { type: "information", accessTrack: "standard", status: "in_progress", ...fields });

    it("offers the law's outcomes and its grounds on the queue", async () => {
      await information();
      const page = (await people.agent.agent.get(`/fr/staff/requests?structure=${home}`)).body;
      expect(page).toContain('<option value="refused" dir="auto">Accès refusé</option>');
      expect(page).toContain('<option value="partly_granted" dir="auto">');
      expect(page).toContain('name="ground"');
      expect(page).toContain('value="personal_data"');
    });

    it("refuses an outcome the law does not have, naming why, and closes nothing", async () => {
      const complaint = await insertCase(db);
      const a = await information();
      const b = await information();
      const response = await people.agent.agent.post("/fr/staff/requests/bulk", {
        structure: home,
        ids: [complaint.id, a.id, b.id],
        op: "close",
        outcome: "answered",
      });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain('href="#bulk-outcome"');
      expect(response.body).toContain("2 requêtes sélectionnées sont des demandes d’accès à l’information");
      // The selection and the choice are kept.
      expect(response.body).toContain(`value="${a.id}" checked`);
      for (const c of [complaint, a, b]) expect((await reload(db, c.id)).status).not.toBe("closed");

      const wrongWay = await people.agent.agent.post("/fr/staff/requests/bulk", {
        structure: home,
        ids: [complaint.id, a.id],
        op: "close",
        outcome: "granted",
      });
      expect(wrongWay.statusCode).toBe(422);
      expect(wrongWay.body).toContain("1 requête sélectionnée n’est pas une demande d’accès à l’information");
      expect((await reload(db, a.id)).status).toBe("in_progress");
    });

    it("refuses a bulk refusal without the law's ground or the reasons, and closes nothing", async () => {
      const a = await information();
      const bare = await people.agent.agent.post("/fr/staff/requests/bulk", {
        structure: home,
        ids: [a.id],
        op: "close",
        outcome: "refused",
        ground: "",
        message: "",
      });
      expect(bare.statusCode).toBe(422);
      expect(bare.body).toContain('href="#bulk-ground"');
      expect(bare.body).toContain("Choisissez le motif légal du refus (article 24)");
      expect(bare.body).toContain('href="#bulk-message"');
      const forged = await people.agent.agent.post("/fr/staff/requests/bulk", {
        structure: home,
        ids: [a.id],
        op: "close",
        outcome: "refused",
        ground: "too_much_work",
        message: "Trop de travail.",
      });
      expect(forged.statusCode).toBe(422);
      expect((await reload(db, a.id)).status).toBe("in_progress");
    });

    it("closes information requests as refused on a ground, each requester told the ground and the appeal routes", async () => {
      const a = await information();
      const b = await information();
      const response = await people.agent.agent.post("/fr/staff/requests/bulk", {
        structure: home,
        ids: [a.id, b.id],
        op: "close",
        outcome: "refused",
        ground: "national_defence",
        message: "Les plans demandés relèvent de la défense nationale.",
      });
      expect(response.statusCode).toBe(303);
      for (const c of [a, b]) {
        expect(await reload(db, c.id)).toMatchObject({
          status: "closed",
          outcome: "refused",
          refusalGround: "national_defence",
        });
        const [mail] = await mailsTo(database, c.contactEmail!);
        expect(mail?.textBody).toContain("Les plans demandés relèvent de la défense nationale.");
        expect(mail?.textBody).toContain("هيئة النفاذ إلى المعلومة");
      }
      const granted = await information();
      const done = await people.agent.agent.post("/fr/staff/requests/bulk", {
        structure: home,
        ids: granted.id,
        op: "close",
        outcome: "granted",
      });
      expect(done.statusCode).toBe(303);
      expect((await reload(db, granted.id)).outcome).toBe("granted");
    });
  });
});
