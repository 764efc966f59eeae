import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { loadCalendar } from "./queries.js";
import { holidays } from "./tables.js";

const testApp = await createTestApp();
const { db } = testApp.database;

const names = { nameAr: "عطلة استثنائية", nameFr: "Congé exceptionnel", nameEn: "Exceptional holiday" };
const datedId = async (date: string) =>
  (
    await db
      .select()
      .from(holidays)
      .where(and(eq(holidays.kind, "dated"), eq(holidays.date, date)))
  )[0]!.id;
// Ids the matrix needs, resolved now: a holiday each route works on.
const editId = await datedId("2027-06-06");
const deleteId = await datedId("2027-08-15");

const platformOnly = (ok: number) => ({ anonymous: 303, platform_admin: ok, otherwise: 403 });
roleMatrix("calendar admin", testApp, [
  { method: "GET", url: "/fr/admin/calendar", expect: platformOnly(200) },
  {
    method: "POST",
    url: "/fr/admin/calendar",
    form: { kind: "dated", date: "2027-12-30", ...names },
    expect: platformOnly(303),
  },
  { method: "GET", url: `/fr/admin/calendar/${editId}/edit`, expect: platformOnly(200) },
  {
    method: "POST",
    url: `/fr/admin/calendar/${editId}/edit`,
    form: { kind: "dated", date: "2027-06-07", ...names },
    expect: platformOnly(303),
  },
  { method: "GET", url: `/fr/admin/calendar/${deleteId}/delete`, expect: platformOnly(200) },
  { method: "POST", url: `/fr/admin/calendar/${deleteId}/delete`, expect: platformOnly(303) },
]);

const admin = async () => (await signedInAgent(testApp.app, testApp.database, { platformAdmin: true })).agent;

describe("calendar admin pages", () => {
  it("lists a year's holidays in date order, in Arabic, with their weekday", async () => {
    const body = (await (await admin()).get("/ar/admin/calendar?year=2026")).body;
    expect(body).toContain("عيد الاستقلال");
    expect(body).toContain("عيد الفطر");
    expect(body).toContain("المولد النبوي الشريف");
    expect(body.indexOf("رأس السنة الميلادية")).toBeLessThan(body.indexOf("عيد الاستقلال"));
    expect(body.indexOf("عيد الأضحى")).toBeLessThan(body.indexOf("عيد الثورة"));
    expect(body).toContain("14 عطلة رسمية في 2026");
    expect(body).toContain("الجمعة"); // 20 March 2026 is a Friday
  });

  it("switches years: fixed holidays every year, religious ones only in theirs", async () => {
    const agent = await admin();
    const y2029 = (await agent.get("/en/admin/calendar?year=2029")).body;
    expect(y2029).toContain("Independence Day");
    expect(y2029).not.toContain("Eid al-Fitr");
    expect(y2029).toContain("8 public holidays in 2029");
    expect(y2029).toMatch(/<option value="2029" selected/);
    const junk = await agent.get("/en/admin/calendar?year=abc");
    expect(junk.statusCode).toBe(200);
  });

  it("adds a holiday, says so, and counts it in deadlines from then on", async () => {
    const agent = await admin();
    await agent.get("/fr/admin/calendar");
    const response = await agent.post("/fr/admin/calendar", {
      kind: "dated",
      date: "02/11/2026",
      year: "2026",
      ...names,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/fr/admin/calendar?year=2026");
    const page = await agent.get("/fr/admin/calendar?year=2026");
    expect(page.body).toContain("Le jour férié a été ajouté.");
    expect(page.body).toContain("Congé exceptionnel");
    expect((await loadCalendar(db, 2026, 2026)).holidays.has("2026-11-02")).toBe(true);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "holiday.create"));
    expect(events.some((e) => (e.details as { date?: string }).date === "2026-11-02")).toBe(true);
  });

  it("shows the form again with 422, an error summary linking to each field, and what was typed", async () => {
    const agent = await admin();
    await agent.get("/en/admin/calendar");
    const response = await agent.post("/en/admin/calendar", {
      kind: "dated",
      date: "31/02/2026",
      nameAr: "عطلة",
      nameFr: "Congé",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#date"');
    expect(response.body).toContain('href="#nameEn"');
    expect(response.body).toContain("Enter a real date");
    expect(response.body).toContain('value="31/02/2026"');
    expect(response.body).toContain('value="Congé"');
  });

  it("refuses a second religious holiday on a day that has one", async () => {
    const agent = await admin();
    await agent.get("/en/admin/calendar");
    const response = await agent.post("/en/admin/calendar", { kind: "dated", date: "2026-05-27", ...names });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("There is already a holiday of this kind on that day");
  });

  it("moves a holiday from its edit page and removes one after a confirmation", async () => {
    const agent = await admin();
    const id = await datedId("2026-08-25");
    const edit = await agent.get(`/en/admin/calendar/${id}/edit`);
    expect(edit.body).toContain('value="2026-08-25"');
    expect(edit.body).toContain('value="Mawlid (the Prophet’s Birthday)"');
    const moved = await agent.post(`/en/admin/calendar/${id}/edit`, {
      kind: "dated",
      date: "2026-08-26",
      nameAr: "المولد النبوي الشريف",
      nameFr: "Mouled",
      nameEn: "Mawlid",
    });
    expect(moved.headers.location).toBe("/en/admin/calendar?year=2026");
    expect((await loadCalendar(db, 2026, 2026)).holidays.has("2026-08-26")).toBe(true);

    const confirm = await agent.get(`/en/admin/calendar/${id}/delete`);
    expect(confirm.body).toContain("Mawlid (Wednesday, 26 August 2026) will become a working day");
    const removed = await agent.post(`/en/admin/calendar/${id}/delete`);
    expect(removed.statusCode).toBe(303);
    expect((await loadCalendar(db, 2026, 2026)).holidays.has("2026-08-26")).toBe(false);
  });

  it("answers 404 for unknown and forged holiday ids", async () => {
    const agent = await admin();
    expect((await agent.get("/en/admin/calendar/00000000-0000-0000-0000-000000000000/edit")).statusCode).toBe(
      404,
    );
    expect((await agent.get("/en/admin/calendar/not-a-uuid/delete")).statusCode).toBe(404);
    expect((await agent.post("/en/admin/calendar/'%20or%201=1/delete")).statusCode).toBe(404);
  });

  it("keeps the pages out of shared caches", async () => {
    const response = await (await admin()).get("/fr/admin/calendar");
    expect(response.headers["cache-control"]).toContain("no-store");
  });
});
