import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { consultationSyntheses, consultations } from "../../consultations/tables.js";
import { createTestConsultation } from "../../consultations/testing.js";
import { recomputeStaleMaps } from "../commands/recompute.js";
import { findOpinionMapData } from "../queries.js";
import { opinionMaps, opinionStatements, opinionVotes } from "../tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

const STATEMENTS = [
  "Les bus devraient rouler après 22 h",
  "Il faut plus de pistes cyclables",
  "Le stationnement au centre devrait être gratuit",
  "La rue du marché devrait être piétonne",
  "Il faut augmenter les tarifs pour financer des bus",
  "Le parking central doit rester tel quel",
  "Les voitures doivent garder la priorité sur la corniche",
  "Il faut élargir l’avenue principale",
];

describe("the opinion map of a consultation", async () => {
  const { consultation } = await createTestConsultation(db, { phase: "open", structure: "gov-tn-11" });
  const base = `/fr/consultations/${consultation.id}/opinion-map`;
  const admin = (
    await signedInAgent(app, database, { roles: [{ structure: "gov-tn-11", role: "structure_admin" }] })
  ).agent;

  it("lets its admin seed statements, refusing bad ones with nothing stored", async () => {
    await admin.get(`/fr/admin/consultations/${consultation.id}/opinion-map`);
    const empty = await admin.post(`/fr/admin/consultations/${consultation.id}/opinion-map/statements`, {
      bodyFr: "",
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Écrivez la proposition dans au moins une langue");
    const long = await admin.post(`/fr/admin/consultations/${consultation.id}/opinion-map/statements`, {
      bodyFr: "x".repeat(281),
    });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain("Une proposition compte au plus 280 caractères");
    expect(
      await db.select().from(opinionStatements).where(eq(opinionStatements.consultationId, consultation.id)),
    ).toEqual([]);
    for (const text of STATEMENTS) {
      const r = await admin.post(`/fr/admin/consultations/${consultation.id}/opinion-map/statements`, {
        bodyFr: text,
        bodyAr: "",
      });
      expect(r.statusCode).toBe(303);
    }
  });

  const voters = await Promise.all(
    Array.from({ length: 12 }, () => signedInAgent(app, database, {}).then((a) => a.agent)),
  );

  it("takes votes one statement at a time, and only marks the map for the job", async () => {
    for (const [v, voter] of voters.entries()) {
      for (let k = 0; k < STATEMENTS.length; k++) {
        const page = await voter.get(base);
        expect(page.statusCode).toBe(200);
        const statementId = /name="statementId" value="([^"]+)"/.exec(page.body)?.[1];
        expect(statementId).toBeDefined();
        const [row] = await db.select().from(opinionStatements).where(eq(opinionStatements.id, statementId!));
        const j = STATEMENTS.indexOf(row!.body.fr!);
        // two camps: the first six voters agree with statements 0–3 and disagree with 4–7, the others the opposite
        const agree = v < 6 === j < 4;
        const r = await voter.post(`${base}/votes`, {
          statementId: statementId!,
          vote: agree ? "agree" : "disagree",
        });
        expect(r.statusCode).toBe(303);
      }
      const done = await voter.get(base);
      expect(done.body).toContain("Vous avez voté sur les 8 propositions");
    }
    const page = await voters[0]!.get(base);
    expect(page.body).toContain("La carte apparaît dès que suffisamment de personnes ont voté");
    const [map] = await db.select().from(opinionMaps).where(eq(opinionMaps.consultationId, consultation.id));
    expect(map?.staleSince).not.toBeNull();
    expect(map?.snapshot).toBeNull();
  });

  it("shows the map, the groups, the consensus and where you stand once the job ran", async () => {
    expect(await recomputeStaleMaps(db, new Date())).toBe(1);
    const page = await voters[0]!.get(base);
    expect(page.body).toContain("<svg");
    expect(page.body.match(/class="sh-opinion-map__hull/g)?.length).toBe(2);
    expect(page.body).toContain("Groupe A");
    expect(page.body).toContain("Groupe B");
    expect(page.body).toMatch(/Vous êtes dans le groupe [AB]/);
    const data = await findOpinionMapData(db, consultation.id);
    expect(data.groups.map((g) => g.size)).toEqual([6, 6]);
    expect(data.statements).toHaveLength(8);
    for (const group of data.groups) expect(group.representative.length).toBeGreaterThan(0);
    const json = await voters[0]!.get(`${base}.json`);
    expect(json.json().groups).toHaveLength(2);
    expect(await recomputeStaleMaps(db, new Date())).toBe(0);
  });

  it("gives the same groups after a restart between two updates: the state is in the database", async () => {
    const [before] = await db
      .select()
      .from(opinionMaps)
      .where(eq(opinionMaps.consultationId, consultation.id));
    // one voter changes their mind on a statement
    const [first] = await db
      .select()
      .from(opinionStatements)
      .where(eq(opinionStatements.consultationId, consultation.id));
    const r = await voters[11]!.post(`${base}/votes`, { statementId: first!.id, vote: "pass" });
    expect(r.statusCode).toBe(303);
    await recomputeStaleMaps(db, new Date("2030-01-01T00:00:00Z"));
    const [after] = await db
      .select()
      .from(opinionMaps)
      .where(eq(opinionMaps.consultationId, consultation.id));
    // put the first update's state back, as a restarted process would find it, and run the second update again
    await db
      .update(opinionMaps)
      .set({
        state: before!.state,
        snapshot: before!.snapshot,
        computedAt: before!.computedAt,
        staleSince: new Date(),
      })
      .where(eq(opinionMaps.consultationId, consultation.id));
    await recomputeStaleMaps(db, new Date("2030-01-01T00:00:00Z"));
    const [again] = await db
      .select()
      .from(opinionMaps)
      .where(eq(opinionMaps.consultationId, consultation.id));
    expect(again!.snapshot).toEqual(after!.snapshot);
    expect(again!.state).toEqual(after!.state);
  });

  it("holds a proposed statement for moderation before showing it", async () => {
    const short = await voters[0]!.post(`${base}/statements`, { body: "Non" });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain("Écrivez une proposition d’au moins 5 caractères");
    const r = await voters[0]!.post(`${base}/statements`, { body: "Des bancs à l’ombre dans chaque jardin" });
    expect(r.statusCode).toBe(303);
    expect((await voters[1]!.get(base)).body).not.toContain("Des bancs à l’ombre");
    const adminPage = await admin.get(`/fr/admin/consultations/${consultation.id}/opinion-map`);
    expect(adminPage.body).toContain("1 proposition attend une modération");
    const [pending] = await db
      .select()
      .from(opinionStatements)
      .where(eq(opinionStatements.status, "pending"));
    const approve = await admin.post(
      `/fr/admin/consultations/${consultation.id}/opinion-map/statements/${pending!.id}/moderate`,
      { decision: "approved" },
    );
    expect(approve.statusCode).toBe(303);
    // a new statement has the priority of an unseen one: it comes next
    expect((await voters[1]!.get(base)).body).toContain("Des bancs à l’ombre");
  });

  it("is linked from the consultation's page and included in its published synthesis", async () => {
    const page = await voters[0]!.get(`/fr/consultations/${consultation.id}`);
    expect(page.body).toContain(`href="/fr/consultations/${consultation.id}/opinion-map"`);
    await db
      .update(consultations)
      .set({ outcomePublishedAt: new Date() })
      .where(eq(consultations.id, consultation.id));
    await db.insert(consultationSyntheses).values({
      consultationId: consultation.id,
      summary: { fr: "Synthèse" },
      figures: null,
      publishedAt: new Date(),
    });
    const synthesis = await voters[0]!.get(`/fr/consultations/${consultation.id}/synthesis`);
    expect(synthesis.statusCode).toBe(200);
    expect(synthesis.body).toContain("La carte des opinions");
    expect(synthesis.body).toContain("Groupe A");
  });

  it("refuses votes on unknown statements and outside the open phase", async () => {
    const unknown = await voters[0]!.post(`${base}/votes`, {
      statementId: "00000000-0000-7000-8000-000000000000",
      vote: "agree",
    });
    expect(unknown.statusCode).toBe(404);
    const { consultation: closed } = await createTestConsultation(db, { phase: "analysis" });
    const [s] = await db
      .insert(opinionStatements)
      .values({
        consultationId: closed.id,
        body: { fr: "Une proposition" },
        seeded: true,
        status: "approved",
      })
      .returning();
    const late = await voters[0]!.post(`/fr/consultations/${closed.id}/opinion-map/votes`, {
      statementId: s!.id,
      vote: "agree",
    });
    expect(late.statusCode).toBe(409);
    expect(await db.select().from(opinionVotes).where(eq(opinionVotes.statementId, s!.id))).toEqual([]);
  });
});
