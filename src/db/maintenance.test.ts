import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, wrapPglite } from "./client.js";
import { maintainDatabase } from "./maintenance.js";

/** PGlite has no autovacuum: the server vacuums and analyzes it itself. */
describe("database maintenance on PGlite", () => {
  let database: Database;
  beforeAll(async () => {
    database = wrapPglite(await PGlite.create());
    await database.exec(`
      create table notes (id int primary key, section int, body text not null);
      create index notes_section_idx on notes (section);
      insert into notes select n, n % 10, 'note ' || n from generate_series(1, 5000) n;`);
  });
  afterAll(() => database.close());

  const counted = async () => {
    const rows = await database.query<{ "QUERY PLAN": string }>(
      "explain (analyze, costs off) select count(*) from notes where section = 3",
    );
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  };

  it("gives the planner statistics and lets counts read the index alone", async () => {
    const [before] = await database.query<{ tuples: number }>(
      "select reltuples::int as tuples from pg_class where relname = 'notes'",
    );
    expect(before!.tuples).toBeLessThan(0); // never analyzed
    expect(await counted()).not.toMatch(/Index Only Scan[\s\S]*Heap Fetches: 0/);

    await maintainDatabase(database);

    const [after] = await database.query<{ tuples: number; stats: number }>(
      `select reltuples::int as tuples,
        (select count(*)::int from pg_stats where tablename = 'notes') as stats
      from pg_class where relname = 'notes'`,
    );
    expect(after).toEqual({ tuples: 5000, stats: 3 });
    expect(await counted()).toMatch(/Index Only Scan using notes_section_idx[\s\S]*Heap Fetches: 0/);
  });

  it("does nothing on PostgreSQL, where autovacuum does it", async () => {
    const calls: string[] = [];
    const postgres = {
      kind: "postgres",
      exec: async (sql: string) => {
        calls.push(sql);
      },
    } as unknown as Database;
    await maintainDatabase(postgres);
    expect(calls).toEqual([]);
  });
});
