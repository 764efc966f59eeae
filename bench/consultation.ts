import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { ConsultationServer } from "./consultation-serve.js";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { type ChildServer, startChild } from "./lib/child-server.js";
import { percentile, timeRequests } from "./lib/load.js";
import { cpuBusy, describeMachine, machine, revision } from "./lib/machine.js";
import { weighPage } from "./lib/page-weight.js";
import { planLine } from "./lib/plans.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";

/**
 * `npx tsx bench/consultation.ts`: a consultation page holding 5,000 comments renders with
 * p95 ≤ 100 ms on PostgreSQL (issue 6) and ≤ 150 ms on PGlite (issue 26), and stays small (public pages ≤ 50 KB, docs/architecture.md): its
 * comments come 20 to a page. Several visitors load the public pages at once, each request timed to
 * its last byte. Writes the "Consultation page" section of bench/RESULTS.md (one subsection per engine).
 */

const P95_BUDGET_MS = 100;
/** On PGlite, whose one connection serves every request in turn (issue 26). */
const PGLITE_P95_BUDGET_MS = 150;
const WEIGHT_BUDGET = 50 * 1024;
const CLIENTS = Number(process.env.BENCH_CONSULTATION_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);

const engineName = databaseEngine();
const host = machine();
const busyBefore = await cpuBusy();
const started = new Date();
const code = revision();
console.log(`Consultation page bench of ${code} on ${engineName}: ${describeMachine(host)}`);
const method = `${CLIENTS} anonymous visitors loading pages back to back, ${WARMUP} s warm-up then ${SECONDS} s per page, each request timed to its last byte`;
console.log(
  `${method}; load average ${host.loadAverage}, ${Math.round(busyBefore * 100)}% of the CPU busy before the start\n`,
);

const tmp = makeTempDir("consultation");
let server: ChildServer<ConsultationServer> | undefined;
let info: ConsultationServer | undefined;
const rows: Row[] = [];
const problems: string[] = [];
const warnings: string[] = [];
let fatal: string | undefined;

try {
  server = await startChild<ConsultationServer>(
    fileURLToPath(new URL("./consultation-serve.ts", import.meta.url)),
    {
      env: benchAppEnv(tmp.path),
      readyTimeoutMs: 600_000,
    },
  );
  info = server.info;
  console.log(
    `Database: ${info.engine.label}; ${fmt.int(info.counts.comments)} comments and replies (${JSON.stringify(info.counts)})`,
  );
  if (info.seedSeconds > 0) console.log(`Inserted in ${info.seedSeconds.toFixed(1)} s`);
  console.log(
    `\nPlan of the page of comments:\n${info.plans.page}\n\nPlan of its count:\n${info.plans.count}\n`,
  );

  const base = `${info.url}/fr/consultations/${info.consultationId}`;
  const pages: Array<[string, string]> = [
    ["consultation page (text, first 20 comments on the whole text)", base],
    ["consultation page, most supported first", `${base}?sort=supported`],
    ["consultation page, page 50 of its comments", `${base}?page=50`],
    ["a section's page (text, first 20 comments on it)", `${base}/sections/${info.sectionId}`],
    ["a thread's page (a comment and all its replies)", `${base}/comments/${info.threadId}`],
  ];
  for (const [, url] of pages) {
    const first = await fetch(url);
    if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
  }
  const body = await (await fetch(base)).text();
  if (!body.includes("sh-thread-list")) throw new Error("the consultation page shows no comments");

  const pglite = info.engine.kind !== "postgres";
  for (const [label, url] of pages) {
    if (WARMUP > 0) await timeRequests(url, { clients: CLIENTS, seconds: WARMUP });
    const before = await server.stats();
    const t = await timeRequests(url, { clients: CLIENTS, seconds: SECONDS });
    const after = await server.stats();
    const cpuPerPage =
      (after.cpuUser + after.cpuSystem - before.cpuUser - before.cpuSystem) /
      1000 /
      Math.max(1, t.samples.length + t.errors);
    const p = (n: number) => percentile(t.samples, n);
    console.log(
      `${label}: ${t.samples.length} pages, ${(t.samples.length / t.seconds).toFixed(1)}/s, p50 ${fmt.ms(p(50))}, p95 ${fmt.ms(p(95))}, p99 ${fmt.ms(p(99))}, server CPU ${cpuPerPage.toFixed(2)} ms per page, errors ${t.errors}`,
    );
    if (t.errors > 0) problems.push(`${label}: ${t.errors} requests failed or did not answer 200`);
    rows.push(
      check({
        figure: `${label}: p95${pglite ? " (PGlite budget)" : ""}`,
        value: p(95),
        max: pglite ? PGLITE_P95_BUDGET_MS : P95_BUDGET_MS,
        format: fmt.ms,
      }),
      note(
        `${label}: p50 / p99, pages/s, server CPU per page`,
        `${fmt.ms(p(50))} / ${fmt.ms(p(99))}, ${(t.samples.length / t.seconds).toFixed(1)}/s, ${cpuPerPage.toFixed(2)} ms`,
      ),
    );
  }
  for (const lang of ["ar", "fr", "en"]) {
    const weight = await weighPage(info.url, `/${lang}/consultations/${info.consultationId}`);
    rows.push(
      check({
        figure: `consultation page weight in ${lang}: HTML ${fmt.kb(weight.page.bytes)} + ${weight.assets.length} assets`,
        value: weight.total,
        max: WEIGHT_BUDGET,
        format: fmt.kb,
      }),
    );
  }
  rows.push(
    note("comments and replies on the consultation", fmt.int(info.counts.comments)),
    note("server RSS after load", fmt.mb((await server.stats()).rss)),
  );
} catch (error) {
  fatal = error instanceof Error ? error.message : String(error);
} finally {
  await server?.stop();
  tmp.remove();
}

const busiest = Math.max(Number(host.loadAverage.split(" ")[0]), loadavg()[0]!);
if (busyBefore > 0.25 || busiest > host.cores / 2) {
  warnings.push(
    `the machine was busy (${Math.round(busyBefore * 100)}% of the CPU used by other processes before the start, 1-minute load average up to ${busiest.toFixed(1)} on ${host.cores} cores): latencies are unreliable, run again on a quiet machine`,
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
  area: "Consultation page",
  subsection: engineName,
  intro:
    "`npx tsx bench/consultation.ts`: the public pages of an open consultation holding 5,000 comments and replies " +
    "(4,000 comments, half on the whole text and half over its 10 sections, and 1,000 replies), loaded by several " +
    "anonymous visitors at once, each request timed to its last byte. Comments come 20 to a page, with their first 2 replies " +
    "under each (a thread's own page shows them all). Budgets: p95 ≤ 100 ms on PostgreSQL (issue 6), ≤ 150 ms on PGlite (issue 26); public pages ≤ 50 KB (docs/architecture.md).",
  body: [
    `${when} · code ${code} · ${info.engine.label} · ${describeMachine(host)} (load average ${host.loadAverage}, ${Math.round(busyBefore * 100)}% of the CPU used by other processes at the start).`,
    `${method}; the load generator and the server in separate processes on the same machine.`,
    `Page of comments: \`${planLine(info.plans.page)}\`.`,
    `Its count: \`${planLine(info.plans.count)}\`.`,
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
