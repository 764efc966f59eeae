import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { auditEvents } from "../../core/audit/tables.js";
import { actionPlanMilestones } from "./tables.js";

const { app, database } = await createTestApp();
const db = database.db;
const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });

const VALID = {
  title_ar: "يوم إعلامي وطني",
  title_fr: "Journée nationale d’information",
  title_en: "National information day",
  notes_ar: "",
  notes_fr: "Au palais des congrès.",
  notes_en: "At the conference centre.",
  due_on: "2027-05-15",
  done_on: "",
  status: "planned",
  evidence_url: "",
};

describe("the action plan", () => {
  it("refuses a bad milestone with translated errors linked to each field, keeping what was typed", async () => {
    await admin.get("/fr/admin/insights/plan");
    const response = await admin.post("/fr/admin/insights/plan", {
      ...VALID,
      title_en: "",
      due_on: "2027-02-30",
      status: "done",
      evidence_url: "javascript:alert(1)",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Saisissez le titre en anglais, en 200 caractères au plus");
    expect(response.body).toContain("Saisissez une date réelle, par exemple 2026-12-31");
    expect(response.body).toContain("Saisissez la date de réalisation du jalon");
    expect(response.body).toContain("Saisissez une adresse web commençant par https://");
    expect(response.body).toContain('href="#new-title_en"');
    expect(response.body).toContain("Journée nationale d’information");
    expect(await db.select().from(actionPlanMilestones)).toHaveLength(0);
  });

  it("records a milestone, audits it, and shows it publicly as a timeline in each language", async () => {
    await admin.get("/en/admin/insights/plan");
    const response = await admin.post("/en/admin/insights/plan", VALID);
    expect(response.statusCode).toBe(303);
    const [row] = await db.select().from(actionPlanMilestones);
    expect(row).toMatchObject({ dueOn: "2027-05-15", status: "planned", doneOn: null, evidenceUrl: null });
    const [event] = await db.select().from(auditEvents).orderBy(desc(auditEvents.at)).limit(1);
    expect(event).toMatchObject({ action: "insights.milestone_created", subjectId: row!.id });

    const en = (await app.inject("/en/transparency")).body;
    expect(en).toContain("National information day (status: planned)");
    expect(en).toContain("sh-timeline__step--upcoming");
    expect((await app.inject("/ar/transparency")).body).toContain("يوم إعلامي وطني (الحالة: مبرمجة)");
    expect((await app.inject("/fr/transparency")).body).toContain(
      "Journée nationale d’information (état : prévu)",
    );
  });

  it("updates a milestone: done, with its date and its evidence", async () => {
    const [row] = await db.select().from(actionPlanMilestones);
    await admin.get("/en/admin/insights/plan");
    const response = await admin.post(`/en/admin/insights/plan/${row!.id}`, {
      ...VALID,
      status: "done",
      done_on: "2027-05-16",
      evidence_url: "https://sharek.tn/en/events",
    });
    expect(response.statusCode).toBe(303);
    const [updated] = await db
      .select()
      .from(actionPlanMilestones)
      .where(eq(actionPlanMilestones.id, row!.id));
    expect(updated).toMatchObject({
      status: "done",
      doneOn: "2027-05-16",
      evidenceUrl: "https://sharek.tn/en/events",
    });
    const page = (await app.inject("/en/transparency")).body;
    expect(page).toContain("National information day (status: done)");
    expect(page).toContain('href="https://sharek.tn/en/events"');
  });
});
