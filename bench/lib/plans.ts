import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../../src/db/client.js";

/** EXPLAIN ANALYZE of a drizzle query on the bench's database, as the plan's text. */
export async function explainAnalyze(
  database: Database,
  query: SQL,
  options = "analyze, costs off",
): Promise<string> {
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  const rows = await database.query<{ "QUERY PLAN": string }>(`explain (${options}) ${text}`, params);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

/** A plan on one line for RESULTS.md: its scans, aggregates, appends and limits with their row counts, and the time. */
export function planLine(plan: string): string {
  return plan
    .split("\n")
    .filter((l) => /(Scan|Aggregate|Append|Limit) |Execution Time/.test(l))
    .map((l) =>
      l
        .trim()
        .replace(/^->\s*/, "")
        .replace(/ \(actual time=[^)]*rows=(\d+) loops=\d+\)/, " ($1 rows)"),
    )
    .join(" / ");
}
