import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/databases.js";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { Database } from "../../db/client.js";
import { type Counters, databaseCounters, memoryCounters } from "./counters.js";

describe("counters", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("in the database, are shared by every node: two nodes' hits add up in one window", async () => {
    const nodeA = databaseCounters(database, "shared-secret-of-every-node");
    const nodeB = databaseCounters(database, "shared-secret-of-every-node");
    const key = "rate:GET /ar:203.0.113.7";
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) seen.push((await (i % 2 ? nodeB : nodeA).hit(key, 60_000)).count);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect((await nodeB.peek(key)).count).toBe(4);
    expect((await nodeA.hit("rate:GET /ar:198.51.100.1", 60_000)).count).toBe(1);
  });

  it("in the database, store no key in clear (addresses are HMACed under the shared secret)", async () => {
    const counters = databaseCounters(database, "shared-secret-of-every-node");
    await counters.hit("integrity:192.0.2.55", 60_000);
    const rows = await database.query<{ key: string }>("select key from rate_counters");
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).not.toMatch(/\d+\.\d+\.\d+\.\d+|rate:|integrity:/);
    // Another secret (another installation) does not see these counts.
    expect((await databaseCounters(database, "another-secret").peek("integrity:192.0.2.55")).count).toBe(0);
  });

  it("in the database, let only the hit itself commit without waiting for the disk: its connection's next transactions wait again", async () => {
    // One connection for the hit and the check (PGlite has only one; on PostgreSQL, one of the pool's).
    const pool = database.kind === "postgres" ? (database.driver as pg.Pool) : null;
    const client = pool ? await pool.connect() : null;
    const one: Database = client
      ? {
          ...database,
          query: async <T>(text: string, params: unknown[] = [], name?: string) =>
            (await client.query({ text, values: params, name })).rows as T[],
        }
      : database;
    try {
      await databaseCounters(one, "shared-secret-of-every-node").hit("rate:GET /fr:192.0.2.80", 60_000);
      const [setting] = await one.query<{ synchronous_commit: string }>("show synchronous_commit");
      // A request filed next on this connection is flushed to disk before it is acknowledged.
      expect(setting?.synchronous_commit).toBe("on");
    } finally {
      client?.release();
    }
  });

  it("in the database, sweep windows that have ended, so the table does not grow for ever", async () => {
    await database.query(
      "insert into rate_counters (key, count, reset_at) values ('ended-long-ago', 3, now() - interval '1 hour')",
    );
    await databaseCounters(database, "s").hit("a-new-window", 60_000);
    await expect
      .poll(
        async () => (await database.query("select 1 from rate_counters where key = 'ended-long-ago'")).length,
      )
      .toBe(0);
  });

  it.each([
    ["database", (db: Database) => databaseCounters(db, "s")],
    ["memory", () => memoryCounters()],
  ] as Array<[string, (db: Database) => Counters]>)(
    "in %s, open a new window once the old one ends",
    async (_name, make) => {
      const counters = make(database);
      await counters.hit("window", 150);
      expect((await counters.hit("window", 150)).count).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await counters.peek("window")).count).toBe(0);
      const fresh = await counters.hit("window", 150);
      expect(fresh.count).toBe(1);
      expect(fresh.resetAt).toBeGreaterThan(Date.now());
    },
  );
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("rate limits on PostgreSQL (two nodes, one database)", () => {
  it("count one client's requests across both nodes", async () => {
    const database = await openTestDatabase();
    const config = loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATA_DIR: mkdtempSync(join(tmpdir(), "sharek-node-")),
      COOKIE_SECRET: "test-secret-test-secret-test-secret-0123",
      RATE_LIMIT_MAX: "6",
    });
    const nodes = [await buildApp({ config, database }), await buildApp({ config, database })];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const response = await nodes[i % 2]!.inject({ url: "/ar/structures", remoteAddress: "203.0.113.9" });
        statuses.push(response.statusCode);
      }
      // Six allowed in all, three on each node: not six on each.
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
      // Another client still gets through.
      expect(
        (await nodes[1]!.inject({ url: "/ar/structures", remoteAddress: "203.0.113.10" })).statusCode,
      ).toBe(200);
    } finally {
      for (const node of nodes) await node.close();
      await database.close();
    }
  });
});
