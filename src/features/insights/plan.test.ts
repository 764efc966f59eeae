import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { auditEvents } from "../../core/audit/tables.js";
import { structures } from "../../core/structures/tables.js";
import { results, resultUpdates } from "../accountability/tables.js";
import { CENTRAL_OFFICE_CODE } from "../structures/reference-data.js";

const { app, database } = await createTestApp();
const db = database.db;
const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
const [office] = await db.select().from(structures).where(eq(structures.code, CENTRAL_OFFICE_CODE));

/** The new-result form, as a platform admin fills it for a result of the national action plan. */
const PLAN_RESULT = {
  origin: "plan",
  originId: "",
  code: "plan-2027-information-day",
  structureId: office!.id,
  titleAr: "يوم إعلامي وطني",
  titleFr: "Journée nationale d’information",
  titleEn: "National information day",
  descriptionFr: "Au palais des congrès.",
  descriptionEn: "At the conference centre.",
  endsOn: "2027-05-15",
  weight: "1",
  status: "planned",
  progress: "0",
};

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the action plan, as results of the accountability model", () => {
  it("offers platform admins accountability's form for a plan result, the central office chosen", async () => {
    const page = await admin.get("/en/admin/insights/plan");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("No result of the plan has been recorded yet.");
    expect(page.body).toContain('href="/en/admin/accountability/new?origin=plan"');
    const form = await admin.get("/en/admin/accountability/new?origin=plan");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("From the national action plan");
    expect(form.body).toContain('name="origin" value="plan"');
    expect(form.body).toMatch(new RegExp(`<option[^>]*value="${office!.id}"[^>]*selected`));
  });

  it("refuses a bad plan result with translated errors, storing nothing", async () => {
    await admin.get("/fr/admin/accountability/new?origin=plan");
    const response = await admin.post("/fr/admin/accountability/new", {
      ...PLAN_RESULT,
      titleAr: "",
      titleFr: "",
      titleEn: "",
      endsOn: "2027-02-30",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#titleAr"');
    expect(response.body).toContain('href="#endsOn"');
    expect(await db.select().from(results).where(eq(results.origin, "plan"))).toHaveLength(0);
  });

  it("creates a plan result, audited, shown on the transparency page, the admin plan and the filtered list", async () => {
    await admin.get("/en/admin/accountability/new?origin=plan");
    const response = await admin.post("/en/admin/accountability/new", PLAN_RESULT);
    expect(response.statusCode).toBe(303);
    const [row] = await db.select().from(results).where(eq(results.code, PLAN_RESULT.code));
    expect(row).toMatchObject({
      origin: "plan",
      originId: null,
      structureId: office!.id,
      endsOn: "2027-05-15",
    });
    expect(response.headers.location).toBe(`/en/accountability/${row!.id}`);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "accountability.result_created"))
      .orderBy(desc(auditEvents.at))
      .limit(1);
    expect(event).toMatchObject({ subjectId: row!.id, details: expect.objectContaining({ origin: "plan" }) });

    const en = (await app.inject("/en/transparency")).body;
    expect(en).toContain("National information day (status: planned)");
    expect(en).toContain(`href="/en/accountability/${row!.id}"`);
    expect((await app.inject("/ar/transparency")).body).toContain("يوم إعلامي وطني (الحالة: مبرمجة)");
    expect((await app.inject("/fr/transparency")).body).toContain(
      "Journée nationale d’information (état : prévu)",
    );
    const plan = (await admin.get("/en/admin/insights/plan")).body;
    expect(plan).toContain(`href="/en/accountability/${row!.id}"`);
    expect(plan).not.toContain("No result of the plan has been recorded yet.");

    // A result of the office's own, not in the plan: the list filtered to the plan leaves it out.
    await db.insert(results).values({
      code: "bcrc-own-hotline",
      structureId: office!.id,
      title: { ar: "خط هاتفي للمواطنين", fr: "Ligne d’appel", en: "Citizens’ hotline" },
      description: {},
    });
    const filtered = await app.inject("/ar/accountability?origin=plan");
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain("يوم إعلامي وطني");
    expect(filtered.body).not.toContain("خط هاتفي للمواطنين");
    expect(filtered.body).toMatch(/<option[^>]*value="plan"[^>]*selected/);
    const all = (await app.inject("/ar/accountability")).body;
    expect(all).toContain("يوم إعلامي وطني");
    expect(all).toContain("خط هاتفي للمواطنين");
  });

  it("moves on the transparency page when an update marks the plan result done with its evidence", async () => {
    const [row] = await db.select().from(results).where(eq(results.code, PLAN_RESULT.code));
    await admin.get(`/en/accountability/${row!.id}`);
    const posted = await admin.post(`/en/accountability/${row!.id}/updates`, {
      status: "done",
      bodyEn: "The day took place.",
      evidence: "Photos https://sharek.tn/en/events",
    });
    expect(posted.statusCode).toBe(303);
    const page = (await app.inject("/en/transparency")).body;
    expect(text(page)).toContain("National information day (status: done)");
    expect(page).toContain('href="https://sharek.tn/en/events"');
    expect(page).toContain("Progress: 100 %");
  });

  it("no longer has an editor of its own", async () => {
    await admin.get("/en/admin/insights/plan");
    expect((await admin.post("/en/admin/insights/plan", { title_en: "A second plan" })).statusCode).toBe(404);
  });
});

describe("the migration of the action plan", () => {
  it("turns each milestone into a result of the plan with its texts, dates, status and evidence", async () => {
    await database.query("CREATE TYPE milestone_status AS ENUM('planned', 'in_progress', 'done', 'delayed')");
    await database.query(`
      CREATE TABLE action_plan_milestones (
        id uuid PRIMARY KEY NOT NULL, title jsonb NOT NULL, notes jsonb NOT NULL, due_on date NOT NULL,
        done_on date, status milestone_status DEFAULT 'planned' NOT NULL, evidence_url text,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        updated_at timestamp with time zone DEFAULT now() NOT NULL)`);
    const done = "01900000-0000-7000-8000-00000000d0e1";
    const late = "01900000-0000-7000-8000-00000000d0e2";
    await database.query(
      `INSERT INTO action_plan_milestones (id, title, notes, due_on, done_on, status, evidence_url) VALUES
       ($1, '{"ar":"تشخيص","fr":"Diagnostic","en":"Diagnosis"}', '{"fr":"Deux portails"}', '2026-03-31', '2026-03-24', 'done', 'https://sharek.tn/fr/transparency'),
       ($2, '{"ar":"تكوين","fr":"Formations","en":"Trainings"}', '{}', '2026-04-30', null, 'delayed', null)`,
      [done, late],
    );
    const migration = readFileSync(
      fileURLToPath(new URL("../../db/migrations/0049_plan_results.sql", import.meta.url)),
      "utf8",
    );
    for (const statement of migration.split("--> statement-breakpoint")) await database.query(statement);

    const [diagnosis] = await db.select().from(results).where(eq(results.id, done));
    expect(diagnosis).toMatchObject({
      origin: "plan",
      code: "plan-2026-03-31-0000d0e1",
      structureId: office!.id,
      title: { ar: "تشخيص", fr: "Diagnostic", en: "Diagnosis" },
      description: { fr: "Deux portails" },
      endsOn: "2026-03-31",
      status: "done",
      progress: 100,
    });
    const [first] = await db.select().from(resultUpdates).where(eq(resultUpdates.resultId, done));
    expect(first).toMatchObject({
      happenedOn: "2026-03-24",
      statusAfter: "done",
      progressAfter: 100,
      evidence: [{ label: "", url: "https://sharek.tn/fr/transparency" }],
    });
    const [trainings] = await db
      .select()
      .from(results)
      .where(and(eq(results.id, late), eq(results.origin, "plan")));
    expect(trainings).toMatchObject({ status: "delayed", progress: 0, endsOn: "2026-04-30" });
    expect(
      await database.query("select 1 from pg_tables where tablename = 'action_plan_milestones'"),
    ).toHaveLength(0);
    const page = (await app.inject("/en/transparency")).body;
    expect(page).toContain("Diagnosis (status: done)");
    expect(page).toContain("Trainings (status: delayed)");
  });
});
