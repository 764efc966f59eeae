import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { lastMonths } from "../../insights/queries.js";
import { refreshInsights } from "../../insights/refresh.js";
import { insertCase, type NewCase } from "../workspace/testing.js";

const { app, database } = await createTestApp();
const db = database.db;

/** Every request arrived on the 10th of last month (Tunis time), so they make one open-data cell. */
const [month] = lastMonths(new Date(), 2) as [string, string];
const T0 = new Date(`${month}-10T08:00:00Z`);
const h = (hours: number) => new Date(T0.getTime() + hours * 3600_000);
const DUE = h(100);
const FAR = new Date("2099-01-01T00:00:00Z");
const CODE = "gov-tn-51";

/**
 * Twelve complaints filed online at the Governorate of Sousse, with their figures worked out by hand:
 * - answered 6: in time after 2, 30, 40 (first response before it arrived: it came by a transfer)
 *   and 20 hours (then closed), late after 200 and 150 hours;
 * - first responses at this structure after 2, 4, 6, 150, 8, 10, 120 and 20 hours: sorted
 *   2 4 6 8 10 20 120 150, median (8 + 10) / 2 = 9 h. Two open requests never had one;
 * - overdue 3: in progress past the deadline, new past it without any response, and one asked a
 *   question only after its deadline had passed (the question does not stop a clock already late);
 *   not overdue: one whose clock stopped while it waits for the citizen, one due in 2099;
 * - deadline known 9 (6 answered, 3 overdue), answered in time 4: 4 / 9 ≈ 44 %; closed without an
 *   answer (not competent) is left out;
 * - open 5; ratings 5 4 2 3: mean 3.5.
 */
const FIXTURE: NewCase[] = [
  { status: "answered", firstResponseAt: h(2), answeredAt: h(2), satisfaction: 5 },
  { status: "answered", firstResponseAt: h(4), answeredAt: h(30), satisfaction: 4 },
  { status: "answered", firstResponseAt: h(6), answeredAt: h(200), satisfaction: 2 },
  { status: "answered", firstResponseAt: h(150), answeredAt: h(150) },
  { status: "in_progress", firstResponseAt: h(8) },
  { status: "new" },
  { status: "new", dueAt: FAR },
  { status: "awaiting_citizen", firstResponseAt: h(10), pausedAt: h(10) },
  { status: "awaiting_citizen", firstResponseAt: h(120) },
  { status: "closed", outcome: "not_competent", closedAt: h(3) },
  { status: "answered", firstResponseAt: h(-5), answeredAt: h(40), transferCount: 1 },
  {
    status: "closed",
    outcome: "answered",
    firstResponseAt: h(20),
    answeredAt: h(20),
    closedAt: h(60),
    satisfaction: 3,
  },
];
for (const fields of FIXTURE) {
  await insertCase(db, { structure: CODE, clockStartedAt: T0, createdAt: T0, dueAt: DUE, ...fields });
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const csvRows = (body: string) => parse(body, { bom: true, columns: true }) as Array<Record<string, string>>;

describe("a structure's service levels", () => {
  it("are the same on its public page, in the open data and in the insights", async () => {
    const page = await app.inject(`/en/structures/${CODE}`);
    expect(page.statusCode).toBe(200);
    const shown = text(page.body);
    expect(shown).toContain("Requests received 12");
    expect(shown).toContain("Requests answered 6");
    expect(shown).toContain("Median time to a first response 9 hours");
    expect(shown).toContain("Answered within the legal deadline 44% (4 of 9)");
    expect(shown).toContain("Citizens’ satisfaction 3.5 out of 5 (4 ratings)");

    const published = {
      structure_code: CODE,
      type: "complaint",
      channel: "web",
      month,
      received: 12,
      answered: 6,
      median_first_response_hours: 9,
      share_answered_in_time: 0.444,
      mean_satisfaction: 3.5,
      suppressed: false,
    };
    const json = await app.inject("/open-data/request-statistics.json");
    expect(json.statusCode).toBe(200);
    const cells = (json.json() as Array<Record<string, unknown>>).filter((r) => r.structure_code === CODE);
    expect(cells).toEqual([published]);
    const csv = await app.inject("/open-data/request-statistics.csv");
    expect(csv.statusCode).toBe(200);
    expect(csvRows(csv.body).filter((r) => r.structure_code === CODE)).toEqual([
      Object.fromEntries(Object.entries(published).map(([k, v]) => [k, String(v)])),
    ]);

    await refreshInsights(db, app.features);
    const levels = await app.inject("/en/transparency/service-levels.csv");
    expect(levels.statusCode).toBe(200);
    const [level] = csvRows(levels.body).filter((r) => r.structure_code === CODE);
    expect(level).toMatchObject({
      received: "12",
      answered: "6",
      median_first_response_hours: "9",
      deadline_known: "9",
      answered_in_time: "4",
      backlog: "5",
      overdue: "3",
      transfers_in: "1",
      ratings: "4",
      mean_satisfaction: "3.5",
    });
    expect(Number(level!.share_answered_in_time)).toBeCloseTo(4 / 9, 10);
    const transparency = text((await app.inject("/en/transparency")).body);
    expect(transparency).toContain("44% (4 of 9)");
  });

  it("count as overdue the requests the insights list as overdue", async () => {
    const admin = await signedInAgent(app, database, { platformAdmin: true });
    const overdue = await admin.agent.get("/en/admin/insights/overdue.csv");
    expect(overdue.statusCode).toBe(200);
    const listed = csvRows(overdue.body).filter((r) => r.structure_code === CODE);
    expect(listed).toHaveLength(3);
    expect(listed.map((r) => r.due_at)).toEqual([DUE.toISOString(), DUE.toISOString(), DUE.toISOString()]);
  });
});
