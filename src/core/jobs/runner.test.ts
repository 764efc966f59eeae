import { afterAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/databases.js";
import type { Db } from "../../db/client.js";
import type { FeatureManifest } from "../manifest.js";
import { startBoss } from "./boss.js";
import type { JobEnv } from "./job.js";
import { startJobs } from "./runner.js";

const database = await openTestDatabase();
afterAll(() => database.close());

const lines: Array<{ level: string; message: string; details: object }> = [];
const log = {
  info: (details: object, message: string) => lines.push({ level: "info", message, details }),
  error: (details: object, message: string) => lines.push({ level: "error", message, details }),
};

async function until(check: () => boolean, what: string, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the job runner", () => {
  it("schedules each manifest's jobs by cron, works them with the database and the clock, and stops", async () => {
    // A schedule left by a job that no manifest declares any more.
    const producer = await startBoss(database, { supervise: false });
    await producer.createQueue("retired-job");
    await producer.schedule("retired-job", "0 * * * *");

    const calls: Array<{ db: Db; now: Date; env: JobEnv }> = [];
    const manifests: FeatureManifest[] = [
      {
        name: "demo",
        jobs: [
          {
            name: "demo-tick",
            cron: "*/5 * * * *",
            run: async (db, now, env) => calls.push({ db, now, env }),
          },
          {
            name: "demo-broken",
            cron: "0 3 * * *",
            run: async () => {
              throw new Error("boom");
            },
          },
        ],
      },
    ];
    const stop = await startJobs(database, manifests, log, {
      publicUrl: "https://sharek.test",
      secret: "job-test-secret",
      pollingIntervalSeconds: 0.5,
    });
    try {
      const schedules = await producer.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
        ["demo-broken", "0 3 * * *"],
        ["demo-tick", "*/5 * * * *"],
      ]);
      expect(lines.some((l) => l.message === "job unscheduled")).toBe(true);

      const sent = Date.now();
      await producer.send("demo-tick", {});
      await until(() => calls.length === 1, "the job to run");
      expect(calls[0]!.db).toBe(database.db);
      expect(calls[0]!.env).toEqual({
        publicUrl: "https://sharek.test",
        secret: "job-test-secret",
        features: manifests,
      });
      expect(calls[0]!.now.getTime()).toBeGreaterThanOrEqual(sent - 1000);

      await producer.send("demo-broken", {});
      await until(() => lines.some((l) => l.message === "job failed"), "the failure to be logged");
      expect(lines.find((l) => l.message === "job failed")!.details).toMatchObject({ job: "demo-broken" });
    } finally {
      await stop();
    }
    // Stopped: nothing works the queue any more.
    await producer.send("demo-tick", {});
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls).toHaveLength(1);
    await producer.stop({ graceful: false, close: false });
  });

  it("refuses two jobs with the same queue name", async () => {
    const job = { name: "twice", cron: "0 0 * * *", run: async () => null };
    await expect(
      startJobs(
        database,
        [
          { name: "a", jobs: [job] },
          { name: "b", jobs: [job] },
        ],
        log,
        {
          publicUrl: "https://sharek.test",
          secret: "job-test-secret",
        },
      ),
    ).rejects.toThrow("two jobs share a queue name");
  });
});
