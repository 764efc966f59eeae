import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { computeResults, findBudget } from "../src/features/budgets/queries.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";

/**
 * Child process of bench/budgets.ts: tallies one budget (BENCH_BUDGET_ID) the way the results page
 * does, in its own process so its memory is measured alone. Reports the time taken, and its RSS
 * just before the tally and its peak (VmHWM) just after.
 */

export interface TallyFigures {
  ms: number;
  rssBefore: number;
  peak: number;
  ballots: number;
  selected: number;
}

const memory = (field: "VmRSS" | "VmHWM") =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))![1]) * 1024;

try {
  const database = await openDatabase(loadConfig());
  onStop(() => database.close());
  const budget = await findBudget(database.db, process.env.BENCH_BUDGET_ID ?? "");
  if (!budget) throw new Error("no budget to tally");
  const rssBefore = memory("VmRSS");
  const started = performance.now();
  const result = await computeResults(database.db, budget);
  const ms = performance.now() - started;
  childReady<TallyFigures>({
    ms,
    rssBefore,
    peak: memory("VmHWM"),
    ballots: result.ballots,
    selected: result.pools.reduce((n, p) => n + p.lines.filter((l) => l.selected).length, 0),
  });
} catch (error) {
  childFailed(error);
}
