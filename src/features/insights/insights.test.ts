import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { rowsOf } from "../../db/client.js";
import { accountProfiles } from "../accounts/tables.js";
import { caseEvents } from "../cases/tables.js";
import { insertCase, type NewCase, structureIdOf } from "../cases/workspace/testing.js";
import { consultationComments, consultationResponses } from "../consultations/tables.js";
import { createTestConsultation } from "../consultations/testing.js";
import { forumPosts, forumThreads } from "../forum/tables.js";
import { createCategory } from "../forum/testing.js";
import { ideaSupports, ideas } from "../ideas/tables.js";
import { insightsManifest } from "./manifest.js";
import { lastMonths } from "./queries.js";
import { refreshInsights, refreshInsightsJob } from "./refresh.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

const [PREV, CUR] = lastMonths(new Date(), 2) as [string, string];
/** Requests arrived on the 10th of last month; the other contributions on the 10th of this month. */
const T0 = new Date(`${PREV}-10T08:00:00Z`);
const h = (hours: number) => new Date(T0.getTime() + hours * 3600_000);
const NOW_CUR = new Date(`${CUR}-10T08:00:00Z`);
const DUE = h(100);
const FAR = new Date("2099-01-01T00:00:00Z");

// People: A lives in Sfax (TN-61), B said nothing, C lives abroad (consented profiles).
const a = await createAccount(database);
const b = await createAccount(database);
const c = await createAccount(database);
await db.insert(accountProfiles).values([
  { accountId: a.id, residence: "TN-61", consentedAt: new Date() },
  { accountId: c.id, residence: "abroad", consentedAt: new Date() },
]);
const admin = await signedInAgent(app, database, { platformAdmin: true });
const tunisAdmin = await signedInAgent(app, database, {
  roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
});
const arianaAdmin = await signedInAgent(app, database, {
  roles: [{ structure: "gov-tn-12", role: "structure_admin" }],
});

const tunis = await structureIdOf(db, "gov-tn-11");
const sfax = await structureIdOf(db, "gov-tn-61");

/**
 * Requests, all arrived last month, with their figures worked out by hand.
 * Governorate of Tunis (10): first responses 1 2 3 4 5 6 7 8 10 h → median 5 h; p90 at rank
 * 0.9 × 8 = 7.2 → 8 + 0.2 × (10 − 8) = 8.4 h. Answered 7 (1–7); deadline known 8 (the 7 answered
 * and 8, overdue); in time 6 (all answered but 4) → 75 %. Open 3 (8, 9, 10); overdue 1 (8; 10 waits
 * for the citizen, 9 is due in 2099). Ratings 5 4 1 → 3.3 out of 5. One transfer in (9), one out.
 */
const IN_TIME = (hours: number): NewCase => ({
  status: "answered",
  firstResponseAt: h(hours),
  answeredAt: h(hours),
  dueAt: DUE,
});
const TUNIS: NewCase[] = [
  { ...IN_TIME(1), type: "notice", satisfaction: 5 },
  { ...IN_TIME(2), type: "information", satisfaction: 4 },
  { ...IN_TIME(3), governorateCode: null, submitterId: c.id },
  { ...IN_TIME(4), answeredAt: h(200), satisfaction: 1 },
  IN_TIME(5),
  IN_TIME(6),
  IN_TIME(7),
  { status: "in_progress", firstResponseAt: h(8), dueAt: DUE },
  { status: "new", dueAt: FAR, transferCount: 1 },
  { status: "awaiting_citizen", firstResponseAt: h(10), pausedAt: h(10), dueAt: DUE },
];
for (const fields of TUNIS)
  await insertCase(db, {
    structure: "gov-tn-11",
    governorateCode: "TN-11",
    clockStartedAt: T0,
    createdAt: T0,
    ...fields,
  });
// Sfax (10): all answered in 2 h, in time; no governorate given → "unstated". One came from Tunis.
for (let i = 0; i < 10; i++) {
  const row = await insertCase(db, {
    structure: "gov-tn-61",
    governorateCode: null,
    clockStartedAt: T0,
    createdAt: T0,
    transferCount: i === 0 ? 1 : 0,
    ...IN_TIME(2),
  });
  if (i === 0)
    await db
      .insert(caseEvents)
      .values({ caseId: row.id, kind: "transferred", at: h(1), details: { from: tunis, to: sfax } });
}
// Ariana (3) and the Municipality of Tunis under the governorate (2): too few to publish.
for (let i = 0; i < 3; i++)
  await insertCase(db, {
    structure: "gov-tn-12",
    governorateCode: "TN-12",
    clockStartedAt: T0,
    createdAt: T0,
    ...IN_TIME(2),
  });
for (let i = 0; i < 2; i++)
  await insertCase(db, {
    structure: "mun-tn-11",
    governorateCode: "TN-11",
    clockStartedAt: T0,
    createdAt: T0,
    ...IN_TIME(3),
  });

// This month: A's idea to Tunis with 2 supports (B, C); A's forum thread and reply (plus an official
// answer, not counted); comments by B and C (plus an official one, not counted); C's questionnaire.
const [idea] = await db
  .insert(ideas)
  .values({
    submissionKey: "insights-idea",
    authorId: a.id,
    structureId: tunis,
    title: "Des bancs au jardin",
    description: "Des bancs à l’ombre.",
    createdAt: NOW_CUR,
  })
  .returning();
await db.insert(ideaSupports).values([
  { ideaId: idea!.id, accountId: b.id, createdAt: NOW_CUR },
  { ideaId: idea!.id, accountId: c.id, createdAt: NOW_CUR },
]);
const category = await createCategory(db, "insights");
const [thread] = await db
  .insert(forumThreads)
  .values({
    categoryId: category.id,
    authorId: a.id,
    title: "Transport",
    body: "Horaires ?",
    createdAt: NOW_CUR,
  })
  .returning();
await db.insert(forumPosts).values([
  { threadId: thread!.id, authorId: a.id, body: "Merci", createdAt: NOW_CUR },
  { threadId: thread!.id, authorId: admin.account.id, body: "Réponse", official: true, createdAt: NOW_CUR },
]);
const { consultation } = await createTestConsultation(db, { structure: "gov-tn-11", sections: 1 });
await db.insert(consultationComments).values([
  { consultationId: consultation.id, authorId: b.id, body: "Pour.", createdAt: NOW_CUR },
  { consultationId: consultation.id, authorId: c.id, body: "Contre.", createdAt: NOW_CUR },
  {
    consultationId: consultation.id,
    authorId: admin.account.id,
    body: "Merci.",
    official: true,
    createdAt: NOW_CUR,
  },
]);
await db
  .insert(consultationResponses)
  .values({ consultationId: consultation.id, accountId: c.id, createdAt: NOW_CUR });

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\u00a0|\u202f/g, " ")
    .replace(/\s+/g, " ");
/** The cells of the table with this id, row by row. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? "";
  const body = /<tbody[\s\S]*<\/tbody>/.exec(table)?.[0] ?? "";
  return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((r) =>
    [...r[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => text(m[1]!).trim()),
  );
}

describe("before a refresh", () => {
  it("the pages say the figures are not computed yet, and show zeros", async () => {
    const page = text((await app.inject("/en/transparency")).body);
    expect(page).toContain("The figures have not been computed yet");
    expect(page).toContain("Requests received 0");
  });
});

describe("after a refresh", () => {
  it("the rollups hold the hand-computed usage", async () => {
    await refreshInsights(db, app.features, new Date());
    const rows = rowsOf<{ month: string; mechanism: string; n: number }>(
      await db.execute(sql`
        select month, mechanism, sum(count)::int as n from insights_usage where governorate = '*' and month <> '*'
        group by 1, 2 order by 1, 2`),
    );
    const got = Object.fromEntries(rows.map((r) => [`${r.month} ${r.mechanism}`, Number(r.n)]));
    expect(got).toEqual({
      [`${PREV} request_complaint`]: 23,
      [`${PREV} request_notice`]: 1,
      [`${PREV} request_information`]: 1,
      [`${PREV} account_active`]: 1,
      [`${CUR} idea`]: 1,
      [`${CUR} idea_support`]: 2,
      [`${CUR} forum_post`]: 2,
      [`${CUR} consultation_comment`]: 2,
      [`${CUR} questionnaire_answer`]: 1,
      [`${CUR} account_active`]: 3,
      // A, B, C and the three staff accounts were all created this month.
      [`${CUR} account_new`]: 6,
    });
  });

  it("the platform admin's dashboard shows every figure, equal to the hand-computed values", async () => {
    const response = await admin.agent.get("/en/admin/insights");
    expect(response.statusCode).toBe(200);
    const html = response.body;
    // Contributions per month: 25 requests last month, 8 contributions this month.
    const perMonth = tableRows(html, "usage-chart-table");
    expect(perMonth).toHaveLength(12);
    expect(perMonth.slice(-2).map((r) => r[1])).toEqual(["25", "8"]);
    expect(perMonth.slice(0, 10).every((r) => r[1] === "0")).toBe(true);
    // Per mechanism (the last two months' columns).
    const mech = Object.fromEntries(tableRows(html, "usage-table").map((r) => [r[0], r.slice(-2)]));
    expect(mech["Consultation comments"]).toEqual(["0", "2"]);
    expect(mech["Questionnaire answers"]).toEqual(["0", "1"]);
    expect(mech.Ideas).toEqual(["0", "1"]);
    expect(mech["Idea supports"]).toEqual(["0", "2"]);
    expect(mech["Forum posts"]).toEqual(["0", "2"]);
    expect(mech["Requests: complaints"]).toEqual(["23", "0"]);
    expect(mech["Requests: problem reports"]).toEqual(["1", "0"]);
    expect(mech["Requests: access to information"]).toEqual(["1", "0"]);
    expect(mech["Integrity reports (count only)"]).toEqual(["0", "0"]);
    // Per governorate: TN-11 9 + 2, TN-12 3, TN-61 3 (A's idea and posts), abroad 4 (C), unstated 12.
    const places = Object.fromEntries(tableRows(html, "place-chart-table").map((r) => [r[0], r[1]]));
    expect(places).toMatchObject({
      Tunis: "11",
      Ariana: "3",
      Sfax: "3",
      Abroad: "4",
      "Not stated": "12",
      Gafsa: "0",
    });
    // Per structure: Tunis 10 requests + idea + 2 supports + 2 comments + 1 questionnaire.
    const perStructure = tableRows(html, "structure-table");
    expect(perStructure.map((r) => [r[0], r.at(-1)])).toEqual([
      ["Governorate of Tunis", "16"],
      ["Governorate of Ariana", "3"],
      ["Governorate of Sfax", "10"],
      ["Municipality of Tunis", "2"],
    ]);
    // Accounts: last month C was active; this month 6 new, 3 active.
    expect(
      tableRows(html, "accounts-table")
        .slice(-2)
        .map((r) => r.slice(1)),
    ).toEqual([
      ["0", "1"],
      ["6", "3"],
    ]);
    // Service levels: Sfax ranked 1st (100 %), Tunis 2nd (75 %), the small ones unranked.
    const levels = tableRows(html, "levels-table");
    expect(levels.map((r) => [r[0], r[1]])).toEqual([
      ["Governorate of Sfax", "1"],
      ["Governorate of Tunis", "2"],
      ["Governorate of Ariana", "Not ranked"],
      ["Municipality of Tunis", "Not ranked"],
    ]);
    expect(levels[1]).toEqual([
      "Governorate of Tunis",
      "2",
      "10",
      "7",
      "5 hours",
      "8 hours",
      "75% (6 of 8)",
      "3",
      "1",
      "1 / 1",
      "3.3 out of 5 (3 ratings)",
    ]);
    expect(levels[0]!.slice(2)).toEqual([
      "10",
      "10",
      "2 hours",
      "2 hours",
      "100% (10 of 10)",
      "0",
      "0",
      "0 / 1",
      "Not measurable yet",
    ]);
    // The overdue list: Tunis's request 8 only.
    const overdue = tableRows(html, "overdue-table");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.slice(1, 3)).toEqual(["Requests: complaints", "Governorate of Tunis"]);
  });

  it("the p90 is computed exactly (8.4 h), shown rounded", async () => {
    const [row] = rowsOf<{ median_hours: number; p90_hours: number }>(
      await db.execute(
        sql`select median_hours, p90_hours from insights_service_levels where structure_id = ${tunis}`,
      ),
    );
    expect(Number(row!.median_hours)).toBe(5);
    expect(Number(row!.p90_hours)).toBeCloseTo(8.4, 10);
  });

  it("each chart's marks carry the same values as its data table", async () => {
    const html = (await admin.agent.get("/en/admin/insights")).body;
    for (const chart of ["usage-chart", "place-chart"]) {
      const svg = new RegExp(`<svg[^>]*data-chart="${chart}"[\\s\\S]*?</svg>`).exec(html)?.[0] ?? "";
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
      const plotted = [...svg.matchAll(/data-key="([^"]+)" data-value="(\d+)"/g)].map((m) => [m[1], m[2]]);
      const table = new RegExp(`<table id="${chart}-table"[\\s\\S]*?</table>`).exec(html)?.[0] ?? "";
      const listed = [...table.matchAll(/<span data-key="([^"]+)">([^<]+)<\/span>/g)].map((m) => [
        m[1],
        m[2]!.replace(/\D/g, ""),
      ]);
      expect(plotted.length).toBeGreaterThan(0);
      expect(plotted).toEqual(listed);
    }
  });

  it("every table downloads as CSV with the same figures", async () => {
    const levels = await admin.agent.get("/en/admin/insights/service-levels.csv");
    expect(levels.statusCode).toBe(200);
    expect(levels.headers["content-type"]).toContain("text/csv");
    const lines = levels.body
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "structure_code,structure,rank,received,answered,median_first_response_hours,p90_first_response_hours,deadline_known,answered_in_time,share_answered_in_time,backlog,overdue,transfers_out,transfers_in,ratings,mean_satisfaction",
    );
    expect(lines[2]).toMatch(/^gov-tn-11,Gouvernorat de Tunis,2,10,7,5,8\.4,8,6,0\.75,3,1,1,1,3,3\.33/);
    const usage = (await admin.agent.get("/en/admin/insights/usage.csv")).body.trim().split("\r\n");
    expect(usage.at(-1)).toBe(`${CUR},2,1,1,2,2,0,0,0,0,0,0,8`);
    expect(usage.at(-2)).toBe(`${PREV},0,0,0,0,0,1,23,0,0,1,0,25`);
    for (const table of ["governorates", "structures", "accounts", "funnel", "overdue"]) {
      expect((await admin.agent.get(`/en/admin/insights/${table}.csv`)).statusCode).toBe(200);
    }
  });

  it("the public page shows national figures and only structures with 10 requests or more", async () => {
    const response = await app.inject("/en/transparency");
    expect(response.statusCode).toBe(200);
    const page = text(response.body);
    expect(page).toContain("Contributions (all mechanisms) 33");
    expect(page).toContain("Requests received 25");
    expect(page).toContain("Requests answered 22");
    expect(page).toContain("Answered within the deadline 91% (21 of 23)");
    expect(page).toContain("Open requests 3");
    expect(page).toContain("Overdue 1");
    expect(page).toContain("Citizens’ satisfaction 3.3 out of 5 (3 ratings)");
    expect(tableRows(response.body, "public-levels-table").map((r) => [r[0], r[1], r[6]])).toEqual([
      ["Governorate of Sfax", "1", "100% (10 of 10)"],
      ["Governorate of Tunis", "2", "75% (6 of 8)"],
    ]);
    expect(page).toContain("2 structures have received fewer than 10 requests and are not shown.");
    expect(page).not.toContain("Governorate of Ariana");
    expect(page).not.toContain("Municipality of Tunis");
    const csv = (await app.inject("/en/transparency/service-levels.csv")).body;
    expect(csv).toContain("gov-tn-61");
    expect(csv).not.toContain("gov-tn-12");
    expect(csv).not.toContain("mun-tn-11");
    const ar = await app.inject("/ar/transparency");
    expect(ar.body).toContain("الشفافية");
    expect(ar.body).toContain('dir="rtl"');
  });

  it("a structure admin sees their structure and its children, never another's unpublished figures", async () => {
    const html = (await tunisAdmin.agent.get("/en/admin/insights")).body;
    const page = text(html);
    expect(tableRows(html, "levels-table").map((r) => r[0])).toEqual([
      "Governorate of Tunis",
      "Municipality of Tunis",
    ]);
    expect(page).not.toContain("Governorate of Ariana");
    expect(page).not.toContain("Governorate of Sfax");
    // Their usage: 10 + 2 requests last month; 6 contributions this month (the forum has no structure).
    expect(
      tableRows(html, "usage-chart-table")
        .slice(-2)
        .map((r) => r[1]),
    ).toEqual(["12", "6"]);
    expect(page).not.toContain("New and active accounts");
    expect((await tunisAdmin.agent.get("/en/admin/insights/accounts.csv")).statusCode).toBe(403);
    const csv = (await tunisAdmin.agent.get("/en/admin/insights/service-levels.csv")).body;
    expect(csv).toContain("mun-tn-11");
    expect(csv).not.toContain("gov-tn-12");
    expect(csv).not.toContain("gov-tn-61");

    const ariana = (await arianaAdmin.agent.get("/en/admin/insights")).body;
    expect(tableRows(ariana, "levels-table").map((r) => r[0])).toEqual(["Governorate of Ariana"]);
    expect(text(ariana)).not.toContain("Governorate of Tunis");
    expect(text(ariana)).not.toContain("Municipality of Tunis");
    expect(text(ariana)).not.toContain("EC-2026-");
  });
});

describe("the refresh job", () => {
  it("is declared in the manifest, and running it twice, even at once, rebuilds rather than adds", async () => {
    expect(insightsManifest.jobs).toContain(refreshInsightsJob);
    expect(refreshInsightsJob.cron).toBe("*/10 * * * *");
    const total = async () =>
      Number(
        rowsOf<{ n: number }>(
          await db.execute(
            sql`select sum(count)::int as n from insights_usage
            where month = '*' and governorate = '*' and mechanism not like 'account_%'`,
          ),
        )[0]!.n,
      );
    const env = { publicUrl: "https://sharek.example.tn", secret: "job-test-secret", features: app.features };
    await Promise.all([
      refreshInsightsJob.run(db, new Date(), env),
      refreshInsightsJob.run(db, new Date(), env),
    ]);
    expect(await total()).toBe(33);
  });
});

describe("the submission funnel", () => {
  it("counts forms opened and sent as daily totals, without a cookie", async () => {
    const visitor = new Agent(app);
    const first = await app.inject("/en/requests/new");
    expect(first.statusCode).toBe(200);
    await visitor.get("/fr/requests/new");
    // Sent to sign in first: not an opened form.
    expect((await app.inject("/en/ideas/new")).statusCode).toBe(303);
    // An invalid form is not a submission.
    const invalid = await visitor.post("/fr/requests", {});
    expect(invalid.statusCode).toBe(422);
    const html = (await admin.agent.get("/en/admin/insights")).body;
    expect(tableRows(html, "funnel-table")).toEqual([
      ["Request", "2", "0", "0%"],
      ["Idea", "0", "0", "Not measurable yet"],
      ["Forum discussion", "0", "0", "Not measurable yet"],
    ]);
    const counters = rowsOf<Record<string, unknown>>(await db.execute(sql`select * from insights_counters`));
    expect(Object.keys(counters[0]!).sort()).toEqual(["count", "day", "name"]);
  });
});
