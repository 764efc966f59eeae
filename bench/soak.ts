import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { startChild } from "./lib/child-server.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { BROWSER_ACCEPT_ENCODING } from "./lib/page-weight.js";
import { writeResultsSection } from "./lib/results.js";
import { type CompiledServer, processMemory, serveArguments, startCompiledServer } from "./lib/serve.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";
import type { PlatformServers } from "./serve.js";

/**
 * `npx tsx bench/soak.ts`: the memory of one node after 10 minutes of mixed load (issue 26: RSS ≤ 256 MB).
 * bench/serve.ts seeds the demo content and the bench consultation; then the compiled build, started as
 * `npm run serve` starts it in production (its V8 flags, no TypeScript loader), takes at once: the public pages of issue 26 in Arabic, French and English as a browser
 * asks for them, as fast as they are served; anonymous requests filed through the web intake at a
 * modest rate; and search pages with varied words. The server's RSS is sampled every 10 s; the budget
 * holds its RSS when the load ends. BENCH_SOAK_SECONDS shortens the run. Writes "Soak" in RESULTS.md.
 */

interface SoakLoad {
  duration: number;
  errors: number;
  non2xx: number;
  "2xx": number;
  "3xx": number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { total: number };
  latency: { p50: number; p99: number };
}
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: Record<string, unknown>,
) => Promise<SoakLoad>;

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = 10;
const SAMPLE_SECONDS = 10;
const RSS_BUDGET_MB = 256;
const PAGE_CONNECTIONS = 8;
const SUBMISSION_RATE = 10;
const SEARCH_RATE = 10;
const LANGUAGES = ["ar", "fr", "en"] as const;
// biome-ignore format: a list of words
const SEARCH_WORDS = [
  "eau", "route", "école", "éclairage", "déchets", "transport", "budget", "parc", "marché", "jeunes",
  "piste cyclable", "bibliothèque", "مياه", "طريق", "water", "street", "zzqx",
];
const BROWSER_HEADERS = { accept: "text/html", "accept-encoding": BROWSER_ACCEPT_ENCODING };
/** The production server's V8 flags (package.json "serve"). */
const serveFlags = serveArguments().filter((a) => a.startsWith("--"));

const engineName = databaseEngine();
const host = machine();
const code = revision();
const when = new Date().toISOString().replace(/\.\d+Z$/, "Z");
const method =
  `${SECONDS} s of mixed load after ${WARMUP_SECONDS} s of warm-up: public pages as fast as served ` +
  `(${PAGE_CONNECTIONS} connections), ${SUBMISSION_RATE} submissions/s, ${SEARCH_RATE} searches/s ` +
  "(each from its own client address, TRUST_PROXY=1); " +
  `server RSS sampled every ${SAMPLE_SECONDS} s; server flags ${serveFlags.join(" ")}`;
console.log(`Soak bench of ${code} on ${engineName}: ${describeMachine(host)}\n${method}\n`);

const tmp = makeTempDir("soak");
let server: CompiledServer | undefined;
const rows: Row[] = [];
let exitCode = 0;
try {
  // One load generator stands for many citizens: the per-address submission limit is lifted, and each
  // search (120 a minute per address) carries its own client address, as behind production's proxy.
  const env = benchAppEnv(tmp.path, { SUBMISSION_RATE_LIMIT: "100000000", TRUST_PROXY: "1" });
  const seeding = await startChild<PlatformServers>(fileURLToPath(new URL("./serve.ts", import.meta.url)), {
    env: { ...env, SEED_DEMO: "true" },
  });
  const { engine, pages } = seeding.info;
  await seeding.stop();
  server = await startCompiledServer(env);
  const appUrl = server.url;
  const node = server;
  const pagePaths = ["/ar", ...Object.values(pages)].flatMap((path) =>
    LANGUAGES.map((lang) => path.replace(/^\/ar(?=\/|$)/, `/${lang}`)),
  );
  for (const path of pagePaths) {
    const response = await fetch(`${appUrl}${path}`);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  }

  // A browser's visit to the intake form: the CSRF cookie and its token.
  const form = await fetch(`${appUrl}/en/requests/new?type=notice&structure=mun-tn-11`);
  const cookie = (form.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error("the intake form carries no CSRF token");
  const boundary = "----sharekbench";
  const submission = () =>
    Object.entries({
      _csrf: token,
      submissionKey: randomBytes(18).toString("base64url"),
      type: "notice",
      structure: "mun-tn-11",
      subject: "Streetlight out on Rue de Marseille",
      description: "The streetlights of Rue de Marseille have been off for two weeks, the pavement is dark.",
      governorate: "TN-11",
      contactMode: "anonymous",
    })
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("")
      .concat(`--${boundary}--\r\n`);
  const byte = () => Math.floor(Math.random() * 256);
  const word = () => SEARCH_WORDS[Math.floor(Math.random() * SEARCH_WORDS.length)]!;

  /** The three loads at once, for `duration` seconds: pages, submissions, searches. */
  const mixed = (duration: number) =>
    Promise.all([
      autocannon({
        url: appUrl,
        connections: PAGE_CONNECTIONS,
        duration,
        headers: BROWSER_HEADERS,
        requests: pagePaths.map((path) => ({ method: "GET", path })),
      }),
      autocannon({
        url: `${appUrl}/en/requests`,
        connections: 10,
        overallRate: SUBMISSION_RATE,
        duration,
        requests: [
          {
            method: "POST",
            headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
            setupRequest: (request: Record<string, unknown>) => ({ ...request, body: submission() }),
          },
        ],
      }),
      autocannon({
        url: appUrl,
        connections: 10,
        overallRate: SEARCH_RATE,
        duration,
        headers: BROWSER_HEADERS,
        requests: [
          {
            method: "GET",
            setupRequest: (request: Record<string, unknown>) => ({
              ...request,
              path: `/fr/search?q=${encodeURIComponent(word())}`,
              headers: { ...(request.headers as object), "x-forwarded-for": `10.0.${byte()}.${byte()}` },
            }),
          },
        ],
      }),
    ]);
  const rss = () => {
    if (node.exited()) throw new Error("the server exited (out of memory?)");
    return processMemory(node.pid, "VmRSS");
  };
  const show = (label: string, bytes: number) => console.log(`${label}: RSS ${fmt.mb(bytes)}`);

  await mixed(WARMUP_SECONDS);
  const start = rss();
  show("after warm-up", start);
  const samples = [start];
  const began = performance.now();
  let finished = false;
  const loads = mixed(SECONDS).finally(() => {
    finished = true;
  });
  for (let t = SAMPLE_SECONDS; t < SECONDS; t += SAMPLE_SECONDS) {
    const wait = new Promise((r) => setTimeout(r, Math.max(0, began + t * 1000 - performance.now())));
    await Promise.race([wait, loads]);
    if (finished) break;
    const s = rss();
    samples.push(s);
    show(`${String(t).padStart(4)} s`, s);
  }
  const [pageLoad, submissionLoad, searchLoad] = await loads;
  const end = rss();
  samples.push(end);
  show(`${String(SECONDS).padStart(4)} s`, end);
  // The kernel's high-water mark over the server's whole life (its start included).
  const hwm = processMemory(node.pid, "VmHWM");

  const describe = (served: number, r: SoakLoad) =>
    `${fmt.int(served)} (${fmt.rps(served / r.duration)}), p50 ${fmt.ms(r.latency.p50)}, p99 ${fmt.ms(r.latency.p99)}`;
  /** Failed requests of one kind: socket errors (timeouts included) and answers other than `expected`. */
  const failures = (kind: string, r: SoakLoad, expected: string) => {
    const answers = Object.entries(r.statusCodeStats).filter(([status]) => status !== expected);
    const count = r.errors + answers.reduce((total, [, { count }]) => total + count, 0);
    const detail = [
      ...answers.map(([status, { count }]) => `HTTP ${status} × ${count}`),
      ...(r.errors ? [`${r.errors} socket errors (${r.timeouts} timeouts)`] : []),
    ];
    return { count, detail: detail.length ? `${kind}: ${detail.join(", ")}` : "" };
  };
  const problems = [
    failures("pages", pageLoad, "200"),
    failures("submissions", submissionLoad, "303"),
    failures("searches", searchLoad, "200"),
  ];
  const errors = problems.reduce((total, p) => total + p.count, 0);
  const errorDetail = problems
    .map((p) => p.detail)
    .filter(Boolean)
    .join("; ");
  rows.push(
    check({ figure: "server RSS at the end", value: end, max: RSS_BUDGET_MB * 2 ** 20, format: fmt.mb }),
    note(`server RSS peak (sampled every ${SAMPLE_SECONDS} s)`, fmt.mb(Math.max(...samples))),
    note("server RSS at the start (after warm-up)", fmt.mb(start)),
    note("server RSS high-water mark (kernel, its whole life)", fmt.mb(hwm)),
    note(`pages served (${pagePaths.length / 3} pages × 3 languages)`, describe(pageLoad["2xx"], pageLoad)),
    note("requests filed (303)", describe(submissionLoad["3xx"], submissionLoad)),
    note("search pages served", describe(searchLoad["2xx"], searchLoad)),
    check({
      figure: `errors or unexpected answers${errorDetail ? ` (${errorDetail})` : ""}`,
      value: errors,
      max: 0,
      format: fmt.int,
    }),
  );
  console.log(`\n${textTable(rows)}`);
  writeResultsSection({
    area: "Soak",
    subsection: engineName,
    intro:
      "`npx tsx bench/soak.ts`: one node of the real app with the demo content (seeded by bench/serve.ts), the " +
      "compiled build started as `npm run serve` starts it in production (its 128 MB heap limit), under mixed load: the public pages of issue 26 " +
      "(home, a consultation of 5,000 comments, ideas, a forum thread, a structure, transparency, open data) in " +
      "Arabic, French and English as a browser asks for them, anonymous requests filed through the web intake, " +
      "and search pages with varied words. On PGlite the embedded database lives in the server process, so its " +
      "RSS counts the database's memory too. Budget (issue 26): RSS ≤ 256 MB after 10 minutes.",
    body: [
      `${when} · code ${code} · ${engine.label} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
      `${method}; load generator and server in separate processes.`,
      "",
      markdownTable(rows),
      "",
      `RSS every ${SAMPLE_SECONDS} s (MB): ${samples.map((s) => (s / 2 ** 20).toFixed(0)).join(", ")}.`,
    ].join("\n"),
  });
  if (failed(rows).length > 0) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await server?.stop();
  tmp.remove();
}
process.exit(exitCode);
