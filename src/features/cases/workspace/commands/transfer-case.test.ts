import { describe, expect, it } from "vitest";
import { createAccount } from "../../../../../test/accounts.js";
import { mailsTo } from "../../../../../test/mail.js";
import {
  auditOf,
  createCategory,
  eventsOf,
  insertCase,
  reload,
  staffFixture,
  structureIdOf,
} from "../testing.js";

const { database, db, people, home: tunis, ariana } = await staffFixture();
const municipality = await structureIdOf(db, "mun-tn-11");
const office = await createAccount(database, { roles: [{ structure: "bcrc", role: "structure_admin" }] });

describe("transferring a request", () => {
  it("moves it to the competent structure with a fresh clock, and tells that structure and the citizen", async () => {
    const category = await createCategory(db, "gov-tn-11");
    const started = new Date(Date.now() - 5 * 86_400_000);
    const c = await insertCase(db, {
      status: "in_progress",
      assigneeId: people.agent.account.id,
      categoryId: category.id,
      clockStartedAt: started,
      escalationLevel: 1,
    });
    const reason = "Les routes régionales relèvent du gouvernorat de l'Ariana.";
    const response = await people.agent.agent.post(`/fr/staff/requests/${c.id}/transfer`, {
      structure: ariana,
      reason,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/fr/staff/requests?structure=${tunis}`);

    const after = await reload(db, c.id);
    expect(after).toMatchObject({
      structureId: ariana,
      status: "new",
      assigneeId: null,
      categoryId: null,
      transferCount: 1,
      escalationLevel: 0,
      pausedAt: null,
    });
    expect(after.clockStartedAt.getTime()).toBeGreaterThan(started.getTime());
    // A full deadline at the new structure, counted from today (the national default applies).
    expect(after.dueAt!.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    const transferred = (await eventsOf(db, c.id)).find((e) => e.kind === "transferred");
    expect(transferred?.details).toEqual({ from: tunis, to: ariana, reason });
    expect((await auditOf(db, c.id))[0]).toMatchObject({
      action: "case.transfer",
      details: { from: tunis, to: ariana, transferCount: 1 },
    });
    expect(JSON.stringify((await auditOf(db, c.id))[0]!.details)).not.toContain("Ariana.");

    // Ariana's admin is told; the citizen learns where the request went.
    const [toAdmin] = await mailsTo(database, people.otherAdmin.account.email!);
    expect(toAdmin?.textBody).toContain(c.reference);
    const [toCitizen] = await mailsTo(database, c.contactEmail!);
    expect(toCitizen?.textBody).toContain("ولاية أريانة");

    // Tunis's agent no longer sees it; Ariana's does.
    expect((await people.agent.agent.get(`/fr/staff/requests/${c.id}`)).statusCode).toBe(404);
    const page = await people.otherAgent.agent.get(`/fr/staff/requests/${c.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("De Gouvernorat de Tunis à Gouvernorat de l");
  });

  it("flags a request transferred twice to the central office", async () => {
    const c = await insertCase(db);
    await people.agent.agent.post(`/fr/staff/requests/${c.id}/transfer`, {
      structure: ariana,
      reason: "Ariana.",
    });
    expect(await mailsTo(database, office.email!)).toHaveLength(0);
    await people.otherAgent.agent.post(`/fr/staff/requests/${c.id}/transfer`, {
      structure: municipality,
      reason: "Municipalité.",
    });
    const after = await reload(db, c.id);
    expect(after.transferCount).toBe(2);
    const flag = (await eventsOf(db, c.id)).find((e) => e.kind === "escalated");
    expect(flag).toMatchObject({ internal: true, details: { cause: "transferred_twice" } });
    const [mail] = await mailsTo(database, office.email!);
    expect(mail?.subject).toContain(c.reference);
    expect((await auditOf(db, c.id)).map((e) => e.action)).toEqual([
      "case.transfer",
      "case.transfer",
      "case.flag",
    ]);
    const page = await people.platformAdmin.agent.get(`/fr/staff/requests/${c.id}`);
    expect(page.body).toContain("Transférée 2 fois");
    expect(page.body).toContain("signalée au bureau central");
  });

  it("asks for a structure and a reason, and refuses the structure it is already at", async () => {
    const c = await insertCase(db);
    const empty = await people.agent.agent.post(`/fr/staff/requests/${c.id}/transfer`, {
      structure: "",
      reason: "",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#transfer-structure"');
    expect(empty.body).toContain('href="#transfer-reason"');
    const same = await people.agent.agent.post(`/fr/staff/requests/${c.id}/transfer`, {
      structure: tunis,
      reason: "Ici.",
    });
    expect(same.statusCode).toBe(422);
    const forged = await people.agent.agent.post(`/fr/staff/requests/${c.id}/transfer`, {
      structure: "not-a-uuid",
      reason: "x",
    });
    expect(forged.statusCode).toBe(422);
    expect((await reload(db, c.id)).structureId).toBe(tunis);
  });

  it("cannot transfer a request waiting for the citizen", async () => {
    const c = await insertCase(db, { status: "awaiting_citizen" });
    expect(
      (
        await people.agent.agent.post(`/fr/staff/requests/${c.id}/transfer`, {
          structure: ariana,
          reason: "x",
        })
      ).statusCode,
    ).toBe(409);
  });
});
