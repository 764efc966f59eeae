import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../../test/app.js";
import { seedDemoStaff } from "../../staff/commands/seed-demo-staff.js";
import { receiptIn, submitReportForm, validReport } from "../testing.js";
import { seedDemoReports } from "./seed-demo-reports.js";

const { app, database } = await createTestApp();

describe("demo integrity reports", () => {
  it("leave the central unit able to receive: the form's default destination takes a report", async () => {
    await seedDemoStaff(database.db);
    const lines = (await seedDemoReports(database.db)).join("\n");
    expect(lines.match(/\d{4} \d{4} \d{4} \d{4}/g)).toHaveLength(4);
    const page = await new Agent(app).get("/ar/integrity/report");
    expect(/<option value="([^"]+)" selected/.exec(page.body)?.[1]).toBe("central");
    const response = await submitReportForm(app, new Agent(app), validReport({ structure: "central" }), [], {
      lang: "ar",
    });
    expect(response.statusCode).toBe(200);
    expect(receiptIn(response.body)).toMatch(/^\d{16}$/);
  });
});
