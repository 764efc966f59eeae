import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { forgetLapsedSignInsJob } from "./pending.js";
import { eidPendingSignIns } from "./tables.js";

const { database } = await createTestApp();
const db = database.db;

describe("the eid-forget-lapsed job", () => {
  it("deletes the identities whose acceptance step lapsed, and keeps those still open", async () => {
    const now = new Date("2026-12-07T10:00:00Z");
    const row = (subject: string, expiresAt: Date) => ({
      tokenHash: `hash-${subject}`,
      claims: { issuer: "https://eid.example.tn", subject, email: null, emailVerified: false, name: "N" },
      locale: "ar",
      next: "/ar",
      existingAccount: false,
      expiresAt,
    });
    await db
      .insert(eidPendingSignIns)
      .values([
        row("lapsed", new Date(now.getTime() - 1000)),
        row("at-the-minute", now),
        row("open", new Date(now.getTime() + 60_000)),
      ]);
    const env = { publicUrl: "http://localhost", secret: "s", features: [] };
    expect(await forgetLapsedSignInsJob.run(db, now, env)).toBe(2);
    const left = await db.select().from(eidPendingSignIns);
    expect(left.map((r) => r.claims.subject)).toEqual(["open"]);
    expect(await forgetLapsedSignInsJob.run(db, now, env)).toBe(0);
  });
});
