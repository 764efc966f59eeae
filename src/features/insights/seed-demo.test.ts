import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { rowsOf } from "../../db/client.js";

const { app, database } = await createTestApp({ demo: true });

describe("the demo insights", () => {
  it("show the action plan in ar, fr and en, and figures computed from the other features' demo content", async () => {
    const [cases] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from cases`),
    );
    const en = (await app.inject("/en/transparency")).body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(en).toContain("Diagnosis of digital public participation (status: done)");
    expect(en).toContain("Portal improvements (status: in progress)");
    expect(en).toContain("National information day (status: planned)");
    expect(en).toContain(`Requests received ${Number(cases!.n)}`);
    expect(Number(cases!.n)).toBeGreaterThan(0);
    expect((await app.inject("/fr/transparency")).body).toContain("Étude des expériences réussies");
    expect((await app.inject("/ar/transparency")).body).toContain("دورات تكوينية في الجهات");
  });
});
