import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { type ChildServer, startChild } from "./lib/child-server.js";
import { percentile, timeRequests } from "./lib/load.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { planLine } from "./lib/plans.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";
import type { QueueServer } from "./queue-serve.js";

/**
 * `npx tsx bench/queue.ts`: the staff queue of a structure holding 100,000 requests (docs/architecture.md,
 * issue 4) loads with p95 ≤ 200 ms on PostgreSQL. Several agents load queue pages at once, each
 * timed from request to last byte; the default queue and the usual filters are measured in turn.
 * Writes the "Staff queue" section of bench/RESULTS.md (one subsection per database engine).
 */

const P95_BUDGET_MS = 200;
const CLIENTS = Number(process.env.BENCH_QUEUE_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);

const engineName = databaseEngine();
const host = machine();
const started = new Date();
const code = revision();
console.log(`Staff queue bench of ${code} on ${engineName}: ${describeMachine(host)}`);
const method = `${CLIENTS} agents loading pages back to back, ${WARMUP} s warm-up then ${SECONDS} s per page, each request timed to its last byte`;
console.log(
  `${method} (BENCH_QUEUE_CLIENTS, BENCH_WARMUP, BENCH_DURATION); load average ${host.loadAverage}\n`,
);

/** CLIENTS agents loading `url` for `seconds`, signed in with `cookie`. */
const timeLoad = (url: string, cookie: string, seconds: number) =>
  timeRequests(url, { clients: CLIENTS, seconds, headers: { cookie } });

const tmp = makeTempDir("queue");
let server: ChildServer<QueueServer> | undefined;
let engineLabel: string = engineName;
let info: QueueServer | undefined;
const rows: Row[] = [];
const problems: string[] = [];
const warnings: string[] = [];
let fatal: string | undefined;

try {
  server = await startChild<QueueServer>(fileURLToPath(new URL("./queue-serve.ts", import.meta.url)), {
    env: benchAppEnv(tmp.path),
    readyTimeoutMs: 600_000,
  });
  info = server.info;
  engineLabel = info.engine.label;
  const total = Object.values(info.byStatus).reduce((a, b) => a + b, 0);
  console.log(
    `Database: ${engineLabel}; ${fmt.int(total)} requests at the structure ${JSON.stringify(info.byStatus)}`,
  );
  if (info.seedSeconds > 0) console.log(`Inserted in ${info.seedSeconds.toFixed(1)} s`);
  console.log(
    `\nPlan of the page's list query:\n${info.plans.list}\n\nPlan of its counts query:\n${info.plans.counts}\n`,
  );

  const base = `${info.url}/fr/staff/requests?structure=${info.structureId}`;
  const pages: Array<[string, string]> = [
    ["default queue (open requests, first page)", base],
    ["overdue only", `${base}&deadline=overdue`],
    ["assigned to me", `${base}&assignee=me`],
    ["one governorate and one type", `${base}&governorate=TN-11&type=complaint`],
    ["page 40 of the open requests", `${base}&page=40`],
    ["every status (all 100,000), first page", `${base}&status=all`],
  ];
  const first = await fetch(base, { headers: { cookie: info.cookie } });
  const body = await first.text();
  if (first.status !== 200) throw new Error(`${base} answered ${first.status}`);
  if (!body.includes("sh-table"))
    throw new Error("the queue page shows no table: the requests were not found");

  const informational = info.engine.kind !== "postgres";
  for (const [label, url] of pages) {
    if (WARMUP > 0) await timeLoad(url, info.cookie, WARMUP);
    const t = await timeLoad(url, info.cookie, SECONDS);
    const p = (n: number) => percentile(t.samples, n);
    console.log(
      `${label}: ${t.samples.length} pages, ${(t.samples.length / t.seconds).toFixed(1)}/s, p50 ${fmt.ms(p(50))}, p95 ${fmt.ms(p(95))}, p99 ${fmt.ms(p(99))}, errors ${t.errors}`,
    );
    if (t.errors > 0) problems.push(`${label}: ${t.errors} requests failed or did not answer 200`);
    rows.push(
      check({
        figure: `${label}: p95${informational ? " (budget is for PostgreSQL)" : ""}`,
        value: p(95),
        max: P95_BUDGET_MS,
        format: fmt.ms,
        informational,
      }),
      note(
        `${label}: p50 / p99, pages/s`,
        `${fmt.ms(p(50))} / ${fmt.ms(p(99))}, ${(t.samples.length / t.seconds).toFixed(1)}/s`,
      ),
    );
  }
  rows.push(
    note("requests at the structure", fmt.int(total)),
    note("server RSS after load", fmt.mb((await server.stats()).rss)),
  );
} catch (error) {
  fatal = error instanceof Error ? error.message : String(error);
} finally {
  await server?.stop();
  tmp.remove();
}

const busiest = Math.max(Number(host.loadAverage.split(" ")[0]), loadavg()[0]!);
if (busiest > host.cores / 2) {
  warnings.push(
    `the machine was busy (1-minute load average up to ${busiest.toFixed(1)} on ${host.cores} cores): latencies are unreliable, run again on a quiet machine`,
  );
}

const when = started.toISOString().replace(/\.\d+Z$/, "Z");
console.log(`\n${textTable(rows)}\n`);
for (const w of warnings) console.log(`Warning: ${w}`);
for (const p of problems) console.log(`Problem: ${p}`);
if (fatal || !info) {
  console.error(`\nThe bench could not finish: ${fatal}\nbench/RESULTS.md is left as it was.`);
  process.exit(1);
}

writeResultsSection({
  area: "Staff queue",
  subsection: engineName,
  intro:
    "`npx tsx bench/queue.ts`: the queue page of a structure holding 100,000 requests (plus 100,000 at " +
    "another structure), loaded by several signed-in agents at once: the whole page (both case queries, " +
    "the filters' lists, rendering), timed from request to last byte. Budget (issue 4): p95 ≤ 200 ms on PostgreSQL.",
  body: [
    `${when} · code ${code} · ${engineLabel} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
    `${method}; the load generator and the server in separate processes on the same machine.`,
    `Requests at the structure by status: ${Object.entries(info.byStatus)
      .map(([s, n]) => `${s} ${fmt.int(n)}`)
      .join(", ")}.`,
    `List query (default filters): \`${planLine(info.plans.list)}\`.`,
    `Counts query: \`${planLine(info.plans.counts)}\`.`,
    "",
    markdownTable(rows),
    ...(problems.length + warnings.length > 0 ? [""] : []),
    ...warnings.map((w) => `- Warning: ${w}`),
    ...problems.map((p) => `- Problem: ${p}`),
  ].join("\n"),
});
console.log("Written to bench/RESULTS.md");

const failures = failed(rows);
if (failures.length > 0 || problems.length > 0) {
  console.error(
    `\n${failures.length} budget(s) failed${problems.length ? `, ${problems.length} problem(s)` : ""}.`,
  );
  process.exit(1);
}
