import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../../../../test/accounts.js";
import { openTestDatabase } from "../../../../../test/databases.js";
import { agentOpenLoad } from "../tables.js";
import { structureIdOf } from "../testing.js";
import { type Assignee, leastLoadedAgent } from "./handlers.js";

// Several filings at once exist only on PostgreSQL (PGlite serves one statement at a time).
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "the least-loaded agent, with filings at the same moment",
  () => {
    it("hands two simultaneous requests to two agents, the second without waiting for the first", async () => {
      const database = await openTestDatabase();
      afterAll(() => database.close());
      const structure = "mun-tn-12";
      const agents = [];
      for (const displayName of ["Agent A", "Agent B"])
        agents.push(await createAccount(database, { displayName, roles: [{ structure, role: "agent" }] }));
      const structureId = await structureIdOf(database.db, structure);
      // Both have handled requests before, all settled: their loads are counted, and nil.
      await database.db.insert(agentOpenLoad).values(agents.map((a) => ({ accountId: a.id, n: 0 })));

      // The first filing picks its agent and has not committed yet, as while it writes its request.
      let picked: (value: Assignee | null) => void = () => {};
      const firstPick = new Promise<Assignee | null>((resolve) => {
        picked = resolve;
      });
      let commit: () => void = () => {};
      const committed = new Promise<void>((resolve) => {
        commit = resolve;
      });
      const first = database.db.transaction(async (tx) => {
        picked(await leastLoadedAgent(tx, structureId));
        await committed;
      });
      const firstAgent = await firstPick;

      const waited = new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 5_000));
      const second = await Promise.race([
        database.db.transaction((tx) => leastLoadedAgent(tx, structureId)),
        waited,
      ]);
      commit();
      await first;
      expect(second).not.toBe("waited");
      expect(firstAgent).not.toBeNull();
      expect((second as Assignee).id).not.toBe(firstAgent!.id);
      // Alone, the choice is the usual one: both have no request, so the longest-serving agent.
      const alone = await database.db.transaction((tx) => leastLoadedAgent(tx, structureId));
      expect(alone!.id).toBe(firstAgent!.id);
    });
  },
);
