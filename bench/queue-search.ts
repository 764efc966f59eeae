import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openPostgres } from "../src/db/client.js";
import { queueSearchQuery } from "../src/features/cases/workspace/queries/queue.js";
import { parseQueueQuery } from "../src/features/cases/workspace/queue-filters.js";
import { benchAppEnv, makeTempDir } from "./lib/app-env.js";
import { type ChildServer, startChild } from "./lib/child-server.js";
import { percentile, timeRequests } from "./lib/load.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { explainAnalyze, planLine } from "./lib/plans.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";
import type { QueueServer } from "./queue-serve.js";

/**
 * `npx tsx bench/queue-search.ts`: the staff queue's search (issue 18) on a structure holding
 * 100,000 requests, plus 100,000 at another structure, answers with p95 ≤ 150 ms on PostgreSQL: by
 * reference (full, and its number alone in Arabic-Indic digits), by words (Arabic typed with other
 * alef and teh marbuta forms, and French), and by e-mail. It creates its own database on
 * BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432), fills it through
 * bench/queue-serve.ts, and drops it at the end. Writes the "Queue search" section of bench/RESULTS.md.
 */

const P95_BUDGET_MS = 150;
const CLIENTS = Number(process.env.BENCH_QUEUE_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const server = new URL(process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432");
const databaseName = `sharek_bench_search_${process.pid}`;
const databaseUrl = new URL(server);
databaseUrl.pathname = `/${databaseName}`;

/** Runs one statement on the server's maintenance database (create and drop ours). */
async function admin(statement: string) {
  const url = new URL(server);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const host = machine();
const started = new Date();
const code = revision();
console.log(`Queue search bench of ${code} on PostgreSQL: ${describeMachine(host)}`);
const method = `${CLIENTS} agents searching back to back, ${WARMUP} s warm-up then ${SECONDS} s per search, each request timed to its last byte`;
console.log(
  `${method} (BENCH_QUEUE_CLIENTS, BENCH_WARMUP, BENCH_DURATION); load average ${host.loadAverage}\n`,
);

/** The searches measured: what an agent types, and what they expect to see on the page. */
const SEARCHES: Array<{ label: string; q: string; status?: string; expect: string }> = [
  { label: "full reference", q: "EC-2026-004321", status: "all", expect: "EC-2026-004321" },
  { label: "number alone, Arabic-Indic digits", q: "٤٣٢١", status: "all", expect: "EC-2026-004321" },
  { label: "e-mail", q: "Bench4321@example.tn", status: "all", expect: "EC-2026-004321" },
  // "انقطاع الماء" written with other alef and teh marbuta forms: 1 request in 24.
  { label: "two Arabic words, open requests", q: "إنقطاع الماء الصالح", expect: "انقطاع الماء" },
  { label: "two Arabic words, every status", q: "إنقطاع الماء", status: "all", expect: "انقطاع الماء" },
  { label: "one French word, every status", q: "éclairage", status: "all", expect: "Éclairage public" },
];

const tmp = makeTempDir("queue-search");
let child: ChildServer<QueueServer> | undefined;
let info: QueueServer | undefined;
let created = false;
const rows: Row[] = [];
const plans: string[] = [];
const problems: string[] = [];
const warnings: string[] = [];
let fatal: string | undefined;

try {
  await admin(`create database ${databaseName}`);
  created = true;
  process.env.DATABASE_URL = databaseUrl.toString();
  child = await startChild<QueueServer>(fileURLToPath(new URL("./queue-serve.ts", import.meta.url)), {
    env: benchAppEnv(tmp.path),
    readyTimeoutMs: 900_000,
  });
  info = child.info;
  const total = Object.values(info.byStatus).reduce((a, b) => a + b, 0);
  console.log(`Database: ${info.engine.label}; ${fmt.int(total)} requests at the structure`);
  if (info.seedSeconds > 0) console.log(`Inserted in ${info.seedSeconds.toFixed(1)} s`);

  // The plan of each search's statement (its page's ids and its counts, read once).
  const database = await openPostgres(databaseUrl.toString(), 1);
  try {
    const now = new Date();
    const clock = { now, soonLimit: new Date(now.getTime() + 2 * 86_400_000), accountId: info.structureId };
    for (const s of SEARCHES) {
      const filters = parseQueueQuery({ q: s.q, status: s.status }, info.structureId);
      plans.push(
        `${s.label}: \`${planLine(await explainAnalyze(database, queueSearchQuery(filters, clock)))}\`.`,
      );
    }
  } finally {
    await database.close();
  }
  for (const p of plans) console.log(p);
  console.log("");

  const base = `${info.url}/fr/staff/requests?structure=${info.structureId}`;
  for (const s of SEARCHES) {
    const url = `${base}&q=${encodeURIComponent(s.q)}${s.status ? `&status=${s.status}` : ""}`;
    const first = await fetch(url, { headers: { cookie: info.cookie } });
    const body = await first.text();
    if (first.status !== 200 || !body.includes(s.expect))
      throw new Error(`${s.label}: ${url} answered ${first.status} without ${s.expect}`);
    const load = (seconds: number) =>
      timeRequests(url, { clients: CLIENTS, seconds, headers: { cookie: info!.cookie } });
    if (WARMUP > 0) await load(WARMUP);
    const t = await load(SECONDS);
    const p = (n: number) => percentile(t.samples, n);
    console.log(
      `${s.label}: ${t.samples.length} pages, ${(t.samples.length / t.seconds).toFixed(1)}/s, p50 ${fmt.ms(p(50))}, p95 ${fmt.ms(p(95))}, p99 ${fmt.ms(p(99))}, errors ${t.errors}`,
    );
    if (t.errors > 0) problems.push(`${s.label}: ${t.errors} requests failed or did not answer 200`);
    rows.push(
      check({ figure: `${s.label} ("${s.q}"): p95`, value: p(95), max: P95_BUDGET_MS, format: fmt.ms }),
      note(
        `${s.label}: p50 / p99, pages/s`,
        `${fmt.ms(p(50))} / ${fmt.ms(p(99))}, ${(t.samples.length / t.seconds).toFixed(1)}/s`,
      ),
    );
  }
  rows.push(note("requests at the structure (and at another)", `${fmt.int(total)} (${fmt.int(total)})`));
} catch (error) {
  fatal = error instanceof Error ? error.message : String(error);
} finally {
  await child?.stop();
  tmp.remove();
  if (created) await admin(`drop database if exists ${databaseName} with (force)`);
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
  area: "Queue search",
  intro:
    "`npx tsx bench/queue-search.ts`: the staff queue's search box on a structure holding 100,000 requests " +
    "(plus 100,000 at another structure), in a database the bench creates and drops, loaded by several " +
    "signed-in agents at once: the whole page, timed from request to last byte. Budget (issue 18): p95 ≤ 150 ms on PostgreSQL.",
  body: [
    `${when} · code ${code} · ${info.engine.label} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
    `${method}; the load generator and the server in separate processes on the same machine.`,
    ...plans.map((p) => `- ${p}`),
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
