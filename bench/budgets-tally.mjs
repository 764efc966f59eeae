/**
 * Child process of bench/budgets.ts: tallies one budget (BENCH_BUDGET_ID) the way the results page
 * does, with the compiled build (`npm run build`) as the server runs in production (plain Node, the
 * serve script's V8 flags, no TypeScript loader), in its own process so its memory is measured alone.
 * Reports the time taken, and its RSS just before the tally and its peak (VmHWM) just after, over
 * bench/lib/child-server.ts's IPC messages.
 */
import { readFileSync } from "node:fs";
import { loadConfig } from "../dist/src/config.js";
import { openDatabase } from "../dist/src/db/client.js";
import { computeResults, findBudget } from "../dist/src/features/budgets/queries.js";

const memory = (field) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))[1]) * 1024;

try {
  const database = await openDatabase(loadConfig());
  process.on("message", async (message) => {
    if (message?.type !== "stop") return;
    await database.close();
    process.exit(0);
  });
  const budget = await findBudget(database.db, process.env.BENCH_BUDGET_ID ?? "");
  if (!budget) throw new Error("no budget to tally");
  const rssBefore = memory("VmRSS");
  const started = performance.now();
  const result = await computeResults(database.db, budget);
  const ms = performance.now() - started;
  process.send({
    type: "ready",
    info: {
      ms,
      rssBefore,
      peak: memory("VmHWM"),
      ballots: result.ballots,
      selected: result.pools.reduce((n, p) => n + p.lines.filter((l) => l.selected).length, 0),
    },
  });
} catch (error) {
  process.send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}
