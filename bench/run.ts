import { fileURLToPath } from "node:url";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { type ChildServer, startChild } from "./lib/child-server.js";
import { DEFAULT_DURATION, DEFAULT_WARMUP, describeLoad, ROUNDS, runRounds } from "./lib/load.js";
import { cpuBusy, describeMachine, machine, revision } from "./lib/machine.js";
import {
  BROWSER_ACCEPT_ENCODING,
  type PageWeight,
  publicPages,
  type Transfer,
  weighPage,
} from "./lib/page-weight.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";
import type { PlatformServers } from "./serve.js";

/**
 * `npm run bench`: the platform budgets of docs/architecture.md.
 * - The home page serves ≥ 30% of the requests/s of a bare Fastify route doing one indexed query on
 *   the same database, in the same run (the budget is for PostgreSQL; on PGlite it is informational).
 * - Every public page weighs ≤ 50 KB transferred: HTML + CSS + JS, compressed.
 * Writes the "Platform" section of bench/RESULTS.md (one subsection per database engine).
 */

const CONNECTIONS = 10;
const RATIO_BUDGET = 0.3;
/** Each other public page of issue 26 (a consultation of 5,000 comments, the idea list…) ÷ bare route. */
const PAGE_RATIO_BUDGET = 0.15;
const PAGE_BUDGET = 50 * 1024;
/** What a browser sends with a page request (the app compresses what it serves). */
const BROWSER_HEADERS = { accept: "text/html", "accept-encoding": BROWSER_ACCEPT_ENCODING };

const engineName = databaseEngine();
const host = machine();
const started = new Date();
const code = revision();
// A neighbour's load skews every figure (they share the cores with the load generator and server).
const busyBefore = await cpuBusy();
console.log(`Platform bench of ${code} on ${engineName}: ${describeMachine(host)}`);
const method =
  `autocannon, ${CONNECTIONS} connections, ${DEFAULT_WARMUP} s warm-up then ${DEFAULT_DURATION} s per target ` +
  `in ${ROUNDS} alternating rounds`;
console.log(
  `${method} (BENCH_WARMUP, BENCH_DURATION, BENCH_ROUNDS); CPU used by other processes at the start: ${fmt.percent(busyBefore)}\n`,
);

const tmp = makeTempDir("platform");
let server: ChildServer<PlatformServers> | undefined;
let engineLabel: string = engineName;
let barePlan = "";
const rows: Row[] = [];
/** Something wrong with the run itself (errors under load, a missing asset): the bench fails. */
const problems: string[] = [];
/** Worth a look but not a failure (a listed page that cannot be weighed without demo data). */
const warnings: string[] = [];
/** Set when the run could not finish: nothing is written to RESULTS.md then. */
let fatal: string | undefined;

try {
  server = await startChild<PlatformServers>(fileURLToPath(new URL("./serve.ts", import.meta.url)), {
    // Demo content: the idea list, forum threads and transparency figures measured are the demo's.
    env: benchAppEnv(tmp.path, { SEED_DEMO: "true" }),
  });
  const { appUrl, bareUrl, engine } = server.info;
  engineLabel = engine.label;
  barePlan = server.info.barePlan;
  console.log(`Database: ${engine.label}`);
  console.log(`Bare route: ${bareUrl} — ${barePlan}`);

  const pageUrls = Object.entries(server.info.pages).map(
    ([name, path]) => [name, `${appUrl}${path}`] as const,
  );
  // Every target must answer 200 before it is worth loading.
  for (const url of [bareUrl, `${appUrl}/ar`, ...pageUrls.map(([, url]) => url)]) {
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  }

  // Alternating rounds, so a neighbour's burst of CPU on a shared machine hits both targets alike.
  const loads = await runRounds<string>({
    bare: { url: bareUrl, connections: CONNECTIONS, server },
    home: { url: `${appUrl}/ar`, connections: CONNECTIONS, headers: BROWSER_HEADERS, server },
    homePlain: { url: `${appUrl}/ar`, connections: CONNECTIONS, server },
    ...Object.fromEntries(
      pageUrls.map(([name, url]) => [
        name,
        { url, connections: CONNECTIONS, headers: BROWSER_HEADERS, server },
      ]),
    ),
  });
  const [bare, home, homePlain] = [loads.bare!, loads.home!, loads.homePlain!];
  console.log(describeLoad("bare route   ", bare));
  console.log(describeLoad("GET /ar      ", home));
  console.log(describeLoad("GET /ar plain", homePlain));
  for (const [label, r] of [
    ["bare route", bare],
    ["GET /ar", home],
    ["GET /ar plain", homePlain],
  ] as const) {
    if (r.errors > 0) problems.push(`${label}: ${r.errors} errors or non-2xx answers under load`);
  }

  const ratio = home.rps / bare.rps;
  const informational = engine.kind !== "postgres";
  rows.push(
    check({
      figure: `GET /ar ÷ bare route, requests/s${informational ? " (budget is for PostgreSQL)" : ""}`,
      value: ratio,
      min: RATIO_BUDGET,
      format: fmt.ratio,
      informational,
    }),
    note(
      "same ratio from server CPU per request (bare ÷ GET /ar; steadier on a busy machine)",
      fmt.ratio(bare.serverCpuMsPerRequest! / home.serverCpuMsPerRequest!),
    ),
    note("GET /ar requests/s (as a browser: compressed)", fmt.rps(home.rps)),
    note("GET /ar p99 latency", fmt.ms(home.latency.p99)),
    note("GET /ar server CPU per request", fmt.msFine(home.serverCpuMsPerRequest!)),
    note("bare route requests/s (one indexed query)", fmt.rps(bare.rps)),
    note("bare route p99 latency", fmt.ms(bare.latency.p99)),
    note("bare route server CPU per request", fmt.msFine(bare.serverCpuMsPerRequest!)),
    note("GET /ar without Accept-Encoding: requests/s", fmt.rps(homePlain.rps)),
    note("GET /ar without Accept-Encoding: p99 latency", fmt.ms(homePlain.latency.p99)),
    note(
      "GET /ar without Accept-Encoding: server CPU per request",
      fmt.msFine(homePlain.serverCpuMsPerRequest!),
    ),
  );
  for (const [name, path] of Object.entries(server.info.pages)) {
    const r = loads[name]!;
    console.log(describeLoad(`${name.padEnd(13)}`, r));
    if (r.errors > 0) problems.push(`${name}: ${r.errors} errors or non-2xx answers under load`);
    rows.push(
      check({
        figure: `GET ${path.replace(/[0-9a-f-]{36}/, ":id")} (${name}) ÷ bare route, requests/s${informational ? " (budget is for PostgreSQL)" : ""}`,
        value: r.rps / bare.rps,
        min: PAGE_RATIO_BUDGET,
        format: fmt.ratio,
        informational,
      }),
      note(
        `${name}: requests/s, p99, server CPU per request`,
        `${fmt.rps(r.rps)}, ${fmt.ms(r.latency.p99)}, ${fmt.msFine(r.serverCpuMsPerRequest!)}`,
      ),
    );
  }
  rows.push(note("server RSS after load", fmt.mb((await server.stats()).rss)));

  // Page weight of every public page, as a first visit pays it.
  const { pages, source } = await publicPages();
  console.log(`\nPage weight of ${pages.length} pages (${source}):`);
  const cache = new Map<string, Promise<Transfer>>();
  // One row per page, for its heaviest language (the console lists every language).
  const heaviest = new Map<
    string,
    { weight: PageWeight; status: number; developmentOnly: boolean; n: number }
  >();
  for (const { path, status, developmentOnly } of pages) {
    const weight = await weighPage(appUrl, path, cache);
    if (weight.page.status !== status) {
      warnings.push(`${path} answered HTTP ${weight.page.status} instead of ${status}: not weighed`);
      continue;
    }
    const parts = [weight.page, ...weight.assets].map(
      (t) => `${new URL(t.url).pathname} ${fmt.bytes(t.bytes)} ${t.encoding}`,
    );
    console.log(`  ${path}: ${fmt.bytes(weight.total)} = ${parts.join(" + ")}`);
    for (const t of weight.assets) if (t.status !== 200) problems.push(`${t.url} answered HTTP ${t.status}`);
    const page = path.replace(/^\/(ar|fr|en)(?=\/|\?|$)/, "") || "/";
    const seen = heaviest.get(page);
    if (!seen || weight.total > seen.weight.total) {
      heaviest.set(page, { weight, status, developmentOnly, n: (seen?.n ?? 0) + 1 });
    } else seen.n++;
  }
  for (const [page, { weight, status, developmentOnly, n }] of heaviest) {
    const notes = [status === 200 ? "" : `HTTP ${status}`, developmentOnly ? "development only" : ""].filter(
      Boolean,
    );
    rows.push(
      check({
        figure:
          `page ${page}${notes.length ? ` (${notes.join(", ")})` : ""}, heaviest of ${n} languages ` +
          `(${weight.path.split(/[/?]/)[1]}): HTML ${fmt.kb(weight.page.bytes)} + ${weight.assets.length} assets`,
        value: weight.total,
        max: PAGE_BUDGET,
        format: fmt.kb,
        informational: developmentOnly,
      }),
    );
  }
} catch (error) {
  fatal = error instanceof Error ? error.message : String(error);
} finally {
  await server?.stop();
  tmp.remove();
}

if (busyBefore > 0.25) {
  warnings.push(
    `the machine was busy (${fmt.percent(busyBefore)} of its CPU used by other processes at the start): ` +
      "requests/s and latencies are unreliable, run again on a quiet machine",
  );
}

const when = started.toISOString().replace(/\.\d+Z$/, "Z");
console.log(`\n${textTable(rows)}\n`);
console.log(`Machine: ${describeMachine(host)}`);
console.log(`Database: ${engineLabel}`);
for (const w of warnings) console.log(`Warning: ${w}`);
for (const p of problems) console.log(`Problem: ${p}`);
if (fatal) {
  console.error(`\nThe bench could not finish: ${fatal}\nbench/RESULTS.md is left as it was.`);
  process.exit(1);
}

writeResultsSection({
  area: "Platform",
  subsection: engineName,
  intro:
    "`npm run bench` (bench/run.ts): the home page against a bare Fastify route doing one indexed query " +
    "through the same database object, in the same run; and the compressed weight of every public page " +
    "(HTML and the same-origin CSS, JS and images it references). The requests/s budget is stated for " +
    "PostgreSQL; the PGlite figures are informational.",
  body: [
    `${when} · code ${code} · ${engineLabel} · ${describeMachine(host)} (${fmt.percent(busyBefore)} of the CPU used by other processes at the start).`,
    `${method}; load generator and server in separate processes on the same machine. ` +
      `GET /ar is requested as a browser does (Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}). ` +
      `Bare route: \`${barePlan}\`.`,
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
