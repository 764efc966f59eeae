import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.js";
import { translator } from "../../../core/i18n/catalog.js";
import { insertCase, type NewCase, structureIdOf } from "../workspace/testing.js";
import { STATS_MIN_CASES, structureCaseStats } from "./queries.js";
import { durationText } from "./stats-section.js";

const { app, database } = await createTestApp();
const db = database.db;

const start = new Date("2026-02-02T08:00:00Z");
const h = (hours: number) => new Date(start.getTime() + hours * 3600_000);
const DUE = h(100);
const LATER = new Date("2030-01-01T00:00:00Z");

/**
 * Twelve requests at the Governorate of Sfax, with their figures worked out by hand:
 * - received 12; answered 7 (1–6 and 12);
 * - first responses at this structure after 2, 5, 10, 20, 30, 50, 70 and 8 hours (12's came at the
 *   structure that passed it on, before it arrived): sorted 2 5 8 10 20 30 50 70, median (10+20)/2 = 15 h;
 * - deadline known for 9: the 7 answered and the 2 unanswered past their deadline with the clock
 *   running (7, 10); 8 waits for the citizen, 9 is not due yet, 11 was closed without an answer;
 *   answered in time: 1, 2, 3, 4 and 12, so 5 / 9;
 * - ratings 5 4 4 3 1 2: mean 19 / 6;
 * - channels: 2 and 9 were filed at the counter, 3 by phone, the others online.
 */
const FIXTURE: NewCase[] = [
  { status: "answered", firstResponseAt: h(2), answeredAt: h(2), dueAt: DUE, satisfaction: 5 },
  {
    status: "answered",
    firstResponseAt: h(5),
    answeredAt: h(30),
    dueAt: DUE,
    satisfaction: 4,
    channel: "counter",
  },
  {
    status: "answered",
    firstResponseAt: h(10),
    answeredAt: h(10),
    dueAt: DUE,
    satisfaction: 4,
    channel: "phone",
  },
  {
    status: "closed",
    outcome: "answered",
    firstResponseAt: h(20),
    answeredAt: h(20),
    closedAt: h(60),
    dueAt: DUE,
    satisfaction: 3,
  },
  { status: "answered", firstResponseAt: h(30), answeredAt: h(150), dueAt: DUE, satisfaction: 1 },
  { status: "answered", firstResponseAt: h(50), answeredAt: h(200), dueAt: DUE, satisfaction: 2 },
  { status: "in_progress", firstResponseAt: h(70), dueAt: DUE },
  { status: "awaiting_citizen", firstResponseAt: h(8), pausedAt: h(8), dueAt: DUE },
  { status: "new", dueAt: LATER, channel: "counter" },
  { status: "new", dueAt: DUE },
  { status: "closed", outcome: "not_competent", closedAt: h(3), dueAt: DUE },
  { status: "answered", firstResponseAt: h(-5), answeredAt: h(40), dueAt: DUE },
];

const sfax = await structureIdOf(db, "gov-tn-61");
for (const fields of FIXTURE) {
  await insertCase(db, { structure: "gov-tn-61", clockStartedAt: start, createdAt: h(-10), ...fields });
}

describe("a structure's public figures on requests", () => {
  it("are computed in SQL to the hand-worked values", async () => {
    const stats = await structureCaseStats(db, sfax, new Date("2026-03-01T00:00:00Z"));
    expect(stats).toEqual({
      received: 12,
      byChannel: { web: 9, counter: 2, phone: 1, post: 0, open311: 0 },
      answered: 7,
      medianFirstResponseHours: 15,
      deadlineKnown: 9,
      answeredInTime: 5,
      shareInTime: 5 / 9,
      ratings: 6,
      meanSatisfaction: expect.closeTo(19 / 6, 10),
    });
  });

  it("show on the structure's public page, in each language", async () => {
    const en = await app.inject("/en/structures/gov-tn-61");
    expect(en.statusCode).toBe(200);
    const text = en.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Requests and answers");
    expect(text).toContain("Requests received 12");
    // Channels with requests, each with its count; none for a channel nobody used.
    expect(text).toContain("Requests by channel Online: 9 At the counter: 2 By phone: 1 ");
    expect(text).not.toContain("By post");
    expect(text).toContain("Requests answered 7");
    expect(text).toContain("Median time to a first response 15 hours");
    expect(text).toContain("Answered within the legal deadline 56% (5 of 9)");
    expect(text).toContain("Citizens’ satisfaction 3.2 out of 5 (6 ratings)");

    const fr = (await app.inject("/fr/structures/gov-tn-61")).body;
    expect(fr).toContain("15 heures");
    expect(fr).toContain("3,2 sur 5 (6 avis)");
    const ar = (await app.inject("/ar/structures/gov-tn-61")).body;
    expect(ar).toContain("المطالب والردود");
    expect(ar).toContain("15 ساعة");
    expect(ar).toContain("بالشبّاك: 2");
  });

  it(`appear only from ${STATS_MIN_CASES} requests; before, a sentence says so`, async () => {
    const bizerte = await structureIdOf(db, "gov-tn-23");
    for (let i = 0; i < STATS_MIN_CASES - 1; i++) {
      await insertCase(db, {
        structureId: bizerte,
        status: "answered",
        answeredAt: h(3),
        firstResponseAt: h(3),
      });
    }
    const page = async () => (await app.inject("/en/structures/gov-tn-23")).body.replace(/\s+/g, " ");
    const nine = await page();
    expect(nine).toContain("Figures appear once the structure has received 10 requests.");
    expect(nine).not.toContain("Requests received");
    expect(nine).not.toContain("Median time");

    await insertCase(db, { structureId: bizerte, status: "new", dueAt: LATER });
    const ten = await page();
    expect(ten).not.toContain("Figures appear once");
    expect(ten.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("Requests received 10");
    // Nothing measurable yet is said so, not shown as zero.
    expect(ten).toContain("No rating yet");
  });

  it("say nothing measurable when nothing is", async () => {
    const empty = await structureCaseStats(db, await structureIdOf(db, "gov-tn-33"));
    expect(empty).toMatchObject({
      received: 0,
      medianFirstResponseHours: null,
      shareInTime: null,
      meanSatisfaction: null,
    });
  });
});

describe("durations", () => {
  it("read in hours up to two days, then in days", () => {
    const t = translator("en");
    expect(durationText(0.4, t)).toBe("less than an hour");
    expect(durationText(1, t)).toBe("1 hour");
    expect(durationText(47.4, t)).toBe("47 hours");
    expect(durationText(60, t)).toBe("2.5 days");
    expect(durationText(24 * 9, t)).toBe("9 days");
    expect(translator("ar")("cases.stats.duration.hours", { count: 2 })).toBe("ساعتان");
  });
});
