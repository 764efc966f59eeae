import { describe, expect, it } from "vitest";
import { startBoss } from "../../../core/jobs/boss.js";
import { startJobs } from "../../../core/jobs/runner.js";
import type { FeatureManifest } from "../../../core/manifest.js";
import { insertCase, reload } from "../workspace/testing.js";
import { runDeadlineJob } from "./deadlines.js";
import { deadlineEvents, deadlinePeople, ENV, jobTestDatabase, mailCounts } from "./testing.js";

const database = await jobTestDatabase();
const people = await deadlinePeople(database, "runner");
const QUEUE = "cases-deadlines-test";

/**
 * Two job runners on one database, as two nodes would be, each with a pg-boss of its own working the
 * deadline job. The job reads a simulated clock; its cron never fires during the test (1 January),
 * so the test sends the jobs itself. Each run waits (up to 3 s) for a second one to start, so the
 * two runners' workers run the job at the same time.
 */
const clock = { now: new Date() };
const ran = { A: 0, B: 0 };
let running = 0;
let overlapped = false;
let finished = 0;
let waiting: (() => void) | null = null;

async function meet() {
  if (waiting) {
    waiting();
    waiting = null;
    return;
  }
  await Promise.race([
    new Promise<void>((resolve) => {
      waiting = resolve;
    }),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
  waiting = null;
}

function runner(tag: "A" | "B"): FeatureManifest {
  return {
    name: "cases",
    jobs: [
      {
        name: QUEUE,
        cron: "0 0 1 1 *",
        run: async (db, _now, env) => {
          ran[tag]++;
          running++;
          overlapped ||= running > 1;
          try {
            await meet();
            return await runDeadlineJob(db, clock.now, env);
          } finally {
            running--;
            finished++;
          }
        },
      },
    ],
  };
}

async function until(check: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting for the jobs");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quiet = { info: () => {}, error: () => {} };

describe("the deadline job on two pg-boss runners", () => {
  it("tells the assignee, the structure admin and the central office exactly once each", async () => {
    const c = await insertCase(database.db, {
      status: "in_progress",
      assigneeId: people.assignee.id,
      dueAt: new Date("2026-03-17T22:59:59.999Z"),
    });
    const options = { ...ENV, pollingIntervalSeconds: 0.5 };
    const stopA = await startJobs(database, [runner("A")], quiet, options);
    const stopB = await startJobs(database, [runner("B")], quiet, options);
    const producer = await startBoss(database, { supervise: false });
    try {
      // Monday 16 (reminder), Wednesday 18 (overdue), Tuesday 24 March (fourth working day late), later.
      for (const moment of [
        "2026-03-15T23:01:00Z",
        "2026-03-17T23:00:01Z",
        "2026-03-23T23:00:01Z",
        "2026-04-01T08:00:00Z",
      ]) {
        clock.now = new Date(moment);
        const target = finished + 2;
        await producer.send(QUEUE, {});
        await producer.send(QUEUE, {});
        await until(() => finished >= target);
      }
    } finally {
      await Promise.all([stopA(), stopB()]);
      await producer.stop({ graceful: false, close: false });
    }

    expect(ran.A).toBeGreaterThan(0);
    expect(ran.B).toBeGreaterThan(0);
    expect(overlapped).toBe(true);
    expect(
      await mailCounts(database, [people.assignee.email, people.admin.email, people.office.email]),
    ).toEqual({
      [people.assignee.email]: 1,
      [people.admin.email]: 1,
      [people.office.email]: 1,
    });
    expect((await deadlineEvents(database, c.id)).map((e) => [e.kind, e.details.level])).toEqual([
      ["reminded", 1],
      ["escalated", 2],
      ["escalated", 3],
    ]);
    expect((await reload(database.db, c.id)).escalationLevel).toBe(3);
  });
});
