import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { sessions } from "../../core/auth/tables.js";
import {
  Agent,
  follow,
  officer,
  receiptIn,
  submitReportForm,
  validReport,
  whistleblowerReply,
} from "./testing.js";

/*
 * The integrity channel keeps days, never times of day: not in request metrics, not in the
 * session of a signed-in whistleblower, not in the times of the files it stores.
 */
const METRICS_TOKEN = "metrics-token-for-tests";
const testApp = await createTestApp({ env: { METRICS_TOKEN } });
const { app, database, config } = testApp;
await officer(testApp);

const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#808080" } })
  .jpeg()
  .toBuffer();

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.map((e) => join(e.parentPath, e.name));
}

describe("integrity: no time of day", () => {
  it("leaves the integrity routes out of the request metrics", async () => {
    const receipt = receiptIn((await submitReportForm(app, new Agent(app), validReport())).body);
    expect((await follow(new Agent(app), receipt)).statusCode).toBe(200);
    await app.inject("/fr");
    const metrics = await app.inject({
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",group="[^"]+",status="200"\}/,
    );
    expect(metrics.body).not.toContain("integrity");
  });

  it("does not touch a signed-in person's session when they file or follow a report", async () => {
    const { agent, account } = await signedInAgent(app, database);
    const longAgo = new Date("2026-01-01T00:00:00Z");
    await database.db.update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.accountId, account.id));
    const receipt = receiptIn((await submitReportForm(app, agent, validReport())).body);
    expect(
      (await whistleblowerReply(app, agent, receipt, "Un complément, envoyé connecté.")).statusCode,
    ).toBe(200);
    const [session] = await database.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    expect(session!.lastSeenAt.toISOString()).toBe(longAgo.toISOString());
  });

  it("stores sealed files and their folders with no time of day", async () => {
    const response = await submitReportForm(app, new Agent(app), validReport(), [
      { name: "attachments", filename: "photo.jpg", type: "image/jpeg", data: photo },
    ]);
    expect(response.statusCode).toBe(200);
    const root = join(config.dataDir, "files", "integrity");
    const paths = await filesUnder(root);
    expect(paths.length).toBeGreaterThan(0);
    // (Listing the folders reads them, which sets their access times: only their mtimes are checked.)
    for (const path of [root, ...paths]) {
      const info = await stat(path);
      const times = info.isFile() ? [info.mtime, info.atime] : [info.mtime];
      for (const time of times) expect(time.toISOString(), path).toMatch(/T00:00:00\.000Z$/);
    }
  });
});
