import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { type ChildServer, startChild } from "./lib/child-server.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";
import type { PlatformServers } from "./serve.js";

/**
 * `npx tsx bench/submissions.ts`: citizens filing requests (issue 4 and docs/architecture.md): 200 submissions/s
 * sustained, p99 ≤ 100 ms, on PostgreSQL. Each request is a real multipart form through the whole
 * intake (CSRF, validation, reference, legal deadline, event, acknowledgement mail in the outbox), each
 * with its own one-time key, so every one creates a request. Writes "Request submissions" in RESULTS.md.
 */

interface SubmissionLoad {
  duration: number;
  errors: number;
  non2xx: number;
  "3xx": number;
  requests: { total: number };
  latency: { p50: number; p90: number; p99: number };
}
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: Record<string, unknown>,
) => Promise<SubmissionLoad>;

const RATE = Number(process.env.BENCH_SUBMISSION_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_SECONDS = 3;
const P99_BUDGET_MS = 100;
const engineName = databaseEngine();
const host = machine();
const code = revision();
console.log(
  `Submissions bench of ${code} on ${engineName}: ${describeMachine(host)}; ${RATE}/s for ${SECONDS} s`,
);

const tmp = makeTempDir("submissions");
let server: ChildServer<PlatformServers> | undefined;
const rows: Row[] = [];
let exitCode = 0;
try {
  server = await startChild<PlatformServers>(fileURLToPath(new URL("./serve.ts", import.meta.url)), {
    // One load generator stands for many citizens: lift the per-address submission limit.
    env: benchAppEnv(tmp.path, {
      SUBMISSION_RATE_LIMIT: "100000000",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    }),
  });
  const { appUrl, engine } = server.info;
  // A browser's visit to the form: the CSRF cookie and its token.
  const form = await fetch(`${appUrl}/en/requests/new?type=notice&structure=mun-tn-11`);
  const cookie = (form.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error("the intake form carries no CSRF token");

  const boundary = "----sharekbench";
  const body = (key: string) =>
    Object.entries({
      _csrf: token,
      submissionKey: key,
      type: "notice",
      structure: "mun-tn-11",
      subject: "Streetlight out on Rue de Marseille",
      description:
        "The streetlights of Rue de Marseille between Rue d'Espagne and Rue Djazira have been off for two weeks.",
      governorate: "TN-11",
      contactMode: "anonymous",
    })
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("")
      .concat(`--${boundary}--\r\n`);

  const load = (duration: number) =>
    autocannon({
      url: `${appUrl}/en/requests`,
      connections: 20,
      overallRate: RATE,
      duration,
      requests: [
        {
          method: "POST",
          headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            body: body(randomBytes(18).toString("base64url")),
          }),
        },
      ],
    });
  // Warm-up, not counted: connections to the database open and the code is compiled, as on a
  // server that has been running for a while.
  await load(WARMUP_SECONDS);
  const before = await server.stats();
  const result = await load(SECONDS);
  const after = await server.stats();
  const created = result["3xx"];
  const rate = created / result.duration;
  console.log(
    `${result.requests.total} submissions, ${created} created (303), non-2xx/3xx ${result.non2xx - created}, errors ${result.errors}`,
  );
  rows.push(
    check({
      figure: "submissions created per second",
      value: rate,
      min: RATE * 0.95,
      format: fmt.rps,
      informational: engine.kind !== "postgres",
    }),
    check({
      figure: "p99 latency",
      value: result.latency.p99,
      max: P99_BUDGET_MS,
      format: fmt.ms,
      informational: engine.kind !== "postgres",
    }),
    note("p50 / p90 latency", `${fmt.ms(result.latency.p50)} / ${fmt.ms(result.latency.p90)}`),
    note(
      "server CPU per submission",
      fmt.ms(
        (after.cpuUser + after.cpuSystem - before.cpuUser - before.cpuSystem) / 1000 / Math.max(created, 1),
      ),
    ),
    note("refused or failed submissions", fmt.int(result.requests.total - created + result.errors)),
  );
  console.log(`\n${textTable(rows)}`);
  writeResultsSection({
    area: "Request submissions",
    subsection: engine.label.startsWith("PostgreSQL") ? "PostgreSQL" : "PGlite",
    intro:
      "`npx tsx bench/submissions.ts`: anonymous notices filed through the whole intake (multipart form, CSRF, " +
      "validation, reference number, legal deadline, history event, outbox), each with its own one-time key, at a " +
      "fixed rate with autocannon. Budget (issue 4): 200 submissions/s sustained with p99 ≤ 100 ms on PostgreSQL.",
    body: [
      `${new Date().toISOString().replace(/\.\d+Z$/, "Z")} · code ${code} · ${engine.label} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
      `${RATE} submissions/s requested for ${SECONDS} s (after ${WARMUP_SECONDS} s of warm-up at the same rate, not counted) over 20 connections; load generator and server in separate processes on the same machine.`,
      "",
      markdownTable(rows),
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
