import { describe, expect, it } from "vitest";
import { postgresUrl, RUN_PREFIX } from "../../../test/databases.js";
import { createDatabase, openPostgres } from "../../db/client.js";
import { startBoss } from "./boss.js";

// Several nodes started at once on a new database each install pg-boss's schema: one does, the
// others start on it. Only PostgreSQL has several nodes (PGlite is one process).
describe.skipIf(!process.env.TEST_DATABASE_URL)("pg-boss on a new PostgreSQL database", () => {
  it("starts on four nodes started at the same moment", async () => {
    for (let round = 0; round < 3; round++) {
      const url = postgresUrl(`${RUN_PREFIX}_boss_${process.pid}_${round}`);
      await createDatabase(url);
      const nodes = await Promise.all([0, 1, 2, 3].map(() => openPostgres(url, 2)));
      try {
        const bosses = await Promise.all(nodes.map((db) => startBoss(db, { supervise: false })));
        await Promise.all(bosses.map((boss) => boss.stop({ graceful: false, wait: true })));
        expect(bosses).toHaveLength(4);
      } finally {
        await Promise.all(nodes.map((db) => db.close()));
      }
    }
  });
});
