import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailsTo } from "../../../../test/mail.js";
import { cases } from "../tables.js";
import { insertCase, reload } from "../workspace/testing.js";
import { type DeadlineRun, runDeadlineJob } from "./deadlines.js";
import { deadlineEvents, deadlinePeople, ENV, jobTestDatabase, mailCounts } from "./testing.js";

const database = await jobTestDatabase();
const db = database.db;
const people = await deadlinePeople(database, "acceptance");
const addresses = [people.assignee, people.colleague, people.admin, people.office].map((p) => p.email);

/** Two job workers at once, `rounds` times over: what each run reported. */
async function twoWorkers(now: Date, rounds = 3): Promise<DeadlineRun[]> {
  const runs: DeadlineRun[] = [];
  for (let i = 0; i < rounds; i++) {
    runs.push(...(await Promise.all([runDeadlineJob(db, now, ENV), runDeadlineJob(db, now, ENV)])));
  }
  return runs;
}

const total = (runs: DeadlineRun[], key: keyof DeadlineRun) => runs.reduce((n, r) => n + r[key], 0);

describe("the deadline job", () => {
  it("tells the assignee, then the structure admin, then the central office, each exactly once, with two workers", async () => {
    // Due at the end of Tuesday 17 March 2026 in Tunis (UTC+1). Friday 20 March is a public holiday.
    const c = await insertCase(db, {
      status: "in_progress",
      assigneeId: people.assignee.id,
      dueAt: new Date("2026-03-17T22:59:59.999Z"),
    });
    // [moment (UTC), expected mails so far to assignee, admin, office; level]
    const clock: Array<[string, number, number, number, number]> = [
      ["2026-03-13T09:00:00Z", 0, 0, 0, 0], // Friday: two working days left besides today
      ["2026-03-15T11:00:00Z", 0, 0, 0, 0], // Sunday: Monday and Tuesday left
      ["2026-03-15T23:01:00Z", 1, 0, 0, 1], // Monday 00:01: due by the end of the next working day
      ["2026-03-16T15:00:00Z", 1, 0, 0, 1],
      ["2026-03-17T22:59:59Z", 1, 0, 0, 1], // Tuesday 23:59:59: not overdue yet
      ["2026-03-17T23:00:01Z", 1, 1, 0, 2], // Wednesday 00:00:01: overdue
      ["2026-03-20T10:00:00Z", 1, 1, 0, 2], // Friday, a holiday: two working days late (Wed, Thu)
      ["2026-03-23T22:59:00Z", 1, 1, 0, 2], // Monday 23:59: three working days late, not more
      ["2026-03-23T23:00:01Z", 1, 1, 1, 3], // Tuesday 24 00:00:01: the fourth working day
      ["2026-03-30T08:00:00Z", 1, 1, 1, 3],
      ["2026-06-01T08:00:00Z", 1, 1, 1, 3],
    ];
    for (const [moment, assignee, admin, office, level] of clock) {
      await twoWorkers(new Date(moment));
      expect(await mailCounts(database, addresses), moment).toEqual({
        [people.assignee.email]: assignee,
        [people.colleague.email]: 0,
        [people.admin.email]: admin,
        [people.office.email]: office,
      });
      expect((await reload(db, c.id)).escalationLevel, moment).toBe(level);
    }

    const events = await deadlineEvents(database, c.id);
    expect(events.map((e) => [e.kind, e.details.level, e.details.to, e.internal])).toEqual([
      ["reminded", 1, "assignee", true],
      ["escalated", 2, "structure", true],
      ["escalated", 3, "central_office", true],
    ]);
    expect(events.map((e) => e.at.toISOString())).toEqual([
      "2026-03-15T23:01:00.000Z",
      "2026-03-17T23:00:01.000Z",
      "2026-03-23T23:00:01.000Z",
    ]);

    // Each in the recipient's language, with the request and a link to it.
    const [reminder] = await mailsTo(database, people.assignee.email);
    expect(reminder!.subject).toBe(`Rappel : la requête ${c.reference} arrive à échéance le 17 mars 2026`);
    expect(reminder!.textBody).toContain(`https://sharek.test/fr/staff/requests/${c.id}`);
    const [alert] = await mailsTo(database, people.admin.email);
    expect(alert!.subject).toBe(`Overdue: request ${c.reference} at Governorate of Tunis`);
    const [escalation] = await mailsTo(database, people.office.email);
    expect(escalation!.subject).toContain(c.reference);
    expect(escalation!.textBody).toContain("أكثر من 3 أيام عمل");
    expect(escalation!.textBody).toContain(`https://sharek.test/ar/staff/requests/${c.id}`);
  });

  it("shares a backlog between two workers in batches, and tells each request's people once", async () => {
    const before = await mailCounts(database, addresses);
    const many = [];
    for (let i = 0; i < 23; i++) {
      many.push(
        await insertCase(db, {
          status: i % 2 ? "new" : "in_progress",
          assigneeId: i % 2 ? null : people.assignee.id,
          dueAt: new Date(Date.UTC(2026, 3, 1 + (i % 5), 22, 59, 59, 999)),
        }),
      );
    }
    const now = new Date("2026-04-28T10:00:00Z"); // weeks after every deadline
    const runs = await Promise.all([1, 2, 3, 4].map(() => runDeadlineJob(db, now, ENV, { batchSize: 4 })));
    expect(total(runs, "alerted")).toBe(23);
    expect(total(runs, "escalated")).toBe(23);
    expect(total(runs, "reminded")).toBe(0); // already overdue: no reminder any more
    const after = await mailCounts(database, addresses);
    expect(after[people.admin.email]! - before[people.admin.email]!).toBe(23);
    expect(after[people.office.email]! - before[people.office.email]!).toBe(23);
    expect(after[people.assignee.email]).toBe(before[people.assignee.email]);
    for (const c of many) {
      expect((await deadlineEvents(database, c.id)).map((e) => e.details.level)).toEqual([2, 3]);
    }
  });

  it("leaves alone requests whose clock does not run, and starts again after a reset", async () => {
    const due = new Date("2026-05-05T22:59:59.999Z");
    const paused = await insertCase(db, {
      status: "awaiting_citizen",
      dueAt: due,
      pausedAt: new Date("2026-05-04T08:00:00Z"),
    });
    const pausedButRunning = await insertCase(db, {
      status: "in_progress",
      dueAt: due,
      pausedAt: new Date("2026-05-04T08:00:00Z"),
    });
    const answered = await insertCase(db, { status: "answered", dueAt: due });
    const noDeadline = await insertCase(db, { status: "new", dueAt: null });
    const unassigned = await insertCase(db, { status: "new", dueAt: due });
    const now = new Date("2026-05-05T09:00:00Z"); // Tuesday: due tonight
    await twoWorkers(now);
    for (const c of [paused, pausedButRunning, answered, noDeadline]) {
      expect((await reload(db, c.id)).escalationLevel).toBe(0);
      expect(await deadlineEvents(database, c.id)).toEqual([]);
    }
    // No one holds it: the structure admin is reminded and asked to assign it.
    const [reminder] = await mailsTo(database, people.admin.email);
    expect(reminder!.subject).toBe(
      `Reminder: request ${unassigned.reference} is due on 5 May 2026 and no one handles it`,
    );
    expect((await deadlineEvents(database, unassigned.id))[0]!.details).toMatchObject({
      level: 1,
      to: "structure",
      notified: 1,
    });

    // Transferred or reopened: back to level 0 with a new deadline, and the cycle starts again.
    await db
      .update(cases)
      .set({ escalationLevel: 0, dueAt: new Date("2026-05-12T22:59:59.999Z") })
      .where(eq(cases.id, unassigned.id));
    const adminMails = (await mailsTo(database, people.admin.email)).length;
    await twoWorkers(new Date("2026-05-11T23:30:00Z")); // Tuesday 12, 00:30 in Tunis
    expect((await mailsTo(database, people.admin.email)).length).toBe(adminMails + 1);
    expect((await deadlineEvents(database, unassigned.id)).map((e) => e.details.level)).toEqual([1, 1]);
  });

  it("raises the level even when no one can be told, so it does not try again", async () => {
    // The Governorate of Ariana has no staff in this database.
    const lonely = await insertCase(db, {
      structure: "gov-tn-12",
      status: "new",
      dueAt: new Date("2026-06-01T22:59:59.999Z"),
    });
    const first = await twoWorkers(new Date("2026-06-03T10:00:00Z"), 1);
    expect(total(first, "unreached")).toBe(1);
    expect((await reload(db, lonely.id)).escalationLevel).toBe(2);
    expect((await deadlineEvents(database, lonely.id))[0]!.details).toMatchObject({ notified: 0 });
    const again = await twoWorkers(new Date("2026-06-03T10:05:00Z"), 1);
    expect(total(again, "alerted")).toBe(0);
  });
});
