import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../test/app.js";
import { databaseCounters, memoryCounters } from "../../core/counters/counters.js";
import { RECEIPT_TRIES, SLOW_LANE } from "./routes/public.js";
import { follow, officer, receiptIn, submitReportForm, validReport } from "./testing.js";
import {
  clientKey,
  leadingZeroBits,
  newChallenge,
  POW_BITS,
  solveChallenge,
  spendChallenge,
  WindowCounter,
} from "./throttle.js";

const testApp = await createTestApp();
const { app } = testApp;
await officer(testApp);

describe("integrity: abuse", () => {
  it("throttles receipt guessing: after ten wrong receipts, even the right one waits", async () => {
    const receipt = receiptIn((await submitReportForm(app, new Agent(app), validReport())).body);
    const wrong = receipt.startsWith("0") ? `1${receipt.slice(1)}` : `0${receipt.slice(1)}`;
    for (let i = 0; i < RECEIPT_TRIES; i++) {
      const response = await follow(new Agent(app), wrong);
      expect(response.statusCode, `try ${i + 1}`).toBe(422);
    }
    const throttled = await follow(new Agent(app), receipt);
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    expect(throttled.body).not.toContain("Direction régionale des marchés");
  });

  it("lets JavaScript-off reports through a slower lane, counting only accepted reports, per client", async () => {
    // Empty or invalid posts, by the hundred and from many addresses, count against nobody.
    for (let i = 0; i < 100; i++) {
      const junk = await submitReportForm(
        app,
        new Agent(app),
        i % 2 ? {} : validReport({ what: "court" }),
        [],
        {
          pow: false,
          remoteAddress: `203.0.113.${i}`,
        },
      );
      expect(junk.statusCode, `junk ${i + 1}`).toBe(422);
    }
    const slow = { pow: false, remoteAddress: "198.51.100.7" };
    for (let i = 0; i < SLOW_LANE.perClient; i++) {
      const response = await submitReportForm(app, new Agent(app), validReport(), [], slow);
      expect(response.statusCode, `report ${i + 1}`).toBe(200);
    }
    const refused = await submitReportForm(
      app,
      new Agent(app),
      validReport({ what: "Un texte gardé quand la page revient." }),
      [],
      slow,
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain("Un texte gardé quand la page revient.");
    // Another client still reports without JavaScript, and the same one with the proof of work.
    const other = await submitReportForm(app, new Agent(app), validReport(), [], {
      pow: false,
      remoteAddress: "198.51.100.8",
    });
    expect(other.statusCode).toBe(200);
    expect(
      (await submitReportForm(app, new Agent(app), validReport(), [], { remoteAddress: "198.51.100.7" }))
        .statusCode,
    ).toBe(200);
  });

  it("spends each proof of work once (on any node), and refuses forged, wrong or expired ones", async () => {
    // Two nodes on one database share their spent challenges.
    const nodes = [
      databaseCounters(testApp.database, "shared"),
      databaseCounters(testApp.database, "shared"),
    ];
    const spend = (i: number, secret: string, challenge: string, nonce: string) =>
      spendChallenge(nodes[i]!, secret, challenge, nonce);
    const challenge = newChallenge("secret");
    const nonce = solveChallenge(challenge);
    expect(await spend(0, "other-secret", challenge, nonce)).toBe(false);
    // One character changed (never to itself, or the "forgery" would be the challenge).
    const forged = `${challenge.slice(0, -1)}${challenge.endsWith("x") ? "y" : "x"}`;
    expect(await spend(0, "secret", forged, nonce)).toBe(false);
    expect(await spend(0, "secret", challenge, nonce)).toBe(true);
    expect(await spend(0, "secret", challenge, nonce)).toBe(false);
    expect(await spend(1, "secret", challenge, nonce)).toBe(false);
    const expired = newChallenge("secret", Date.now() - 3 * 3600_000);
    expect(await spend(1, "secret", expired, solveChallenge(expired))).toBe(false);
    expect(leadingZeroBits(Buffer.from([0, 0x0f]))).toBe(12);
    expect(POW_BITS).toBeGreaterThanOrEqual(16);
  });

  it("forgets a client's count when its window ends", async () => {
    const counter = new WindowCounter(memoryCounters(), "test", 2, 200);
    await counter.hit("a");
    await counter.hit("a");
    expect(await counter.wait("a")).toBe(1);
    expect(await counter.wait("b")).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await counter.wait("a")).toBe(0);
  });

  it("counts a client under a key that changes every day", () => {
    const morning = new Date("2026-03-01T08:00:00Z");
    const evening = new Date("2026-03-01T20:00:00Z");
    const nextDay = new Date("2026-03-02T08:00:00Z");
    const key = (address: string, at: Date, secret = "shared") => clientKey(secret, address, at);
    // Every node (same secret) counts a client alike through the day.
    expect(key("192.0.2.1", morning)).toBe(key("192.0.2.1", evening));
    expect(key("192.0.2.1", morning)).not.toBe(key("192.0.2.2", morning));
    expect(key("192.0.2.1", morning)).not.toBe(key("192.0.2.1", morning, "another-installation"));
    const tomorrow = key("192.0.2.1", nextDay);
    expect(tomorrow).not.toContain("192.0.2.1");
    expect(tomorrow).not.toBe(key("192.0.2.1", evening));
  });
});
