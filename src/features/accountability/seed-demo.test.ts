import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";

const { app, database } = await createTestApp({ demo: true });

describe("the demo results", () => {
  it("come from the demo consultations' decisions and accepted ideas, in ar, fr and en, some late", async () => {
    const rows = await database.query<{ origin: string; n: number; late: number; trilingual: number }>(`
      select origin::text, count(*)::int as n,
        (count(*) filter (where status = 'delayed' or (ends_on < current_date and status not in ('done', 'dropped'))))::int as late,
        (count(*) filter (where title ? 'ar' and title ? 'fr' and title ? 'en'))::int as trilingual
      from results group by origin order by origin`);
    const by = Object.fromEntries(rows.map((r) => [r.origin, r]));
    expect(by.consultation?.n).toBeGreaterThan(1);
    expect(by.idea?.n).toBeGreaterThan(0);
    expect(by.own?.n).toBe(3);
    // The national action plan's six milestones are results of the plan.
    expect(by.plan?.n).toBe(6);
    expect(rows.reduce((n, r) => n + r.late, 0)).toBeGreaterThan(1);
    for (const r of rows) expect(r.trilingual).toBe(r.n);
    const [updates] = await database.query<{ n: number }>(
      "select count(*)::int as n from result_updates where body <> '{}'::jsonb",
    );
    expect(updates!.n).toBeGreaterThan(5);

    const late = (await app.inject("/fr/accountability?status=late")).body;
    expect(late).toContain("Équiper 40 centres de santé de base en milieu rural");
    expect((await app.inject("/ar/accountability")).body).toContain("تجهيز 40 مركز صحة أساسية في الأرياف");
    const dropped = await database.query<{ id: string }>("select id from results where status = 'dropped'");
    expect((await app.inject(`/en/accountability/${dropped[0]!.id}`)).body).toContain(
      "The ministry chose to equip shared computer rooms instead.",
    );
    const [decided] = await database.query<{ id: string }>(
      "select origin_id as id from results where origin = 'consultation' limit 1",
    );
    const page = (await app.inject(`/en/consultations/${decided!.id}`)).body;
    expect(page).toContain("What is being done: the results");
    const data = await app.inject("/api/v1/results?limit=100");
    expect(data.statusCode).toBe(200);
    expect(data.json().data.length).toBe(rows.reduce((n, r) => n + r.n, 0));
  });
});
