import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { ExportServer } from "./export-serve.js";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { startChild } from "./lib/child-server.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { serveArguments } from "./lib/serve.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";

/**
 * `npx tsx bench/export.ts`: the contributions dataset with 1,000,000 comments downloaded as CSV
 * (docs/architecture.md, issue 8: exports stream, memory stays flat, ≤ 200 MB RSS whatever the number of rows).
 * The server measured is the compiled build as `npm run serve` starts it; its peak
 * RSS is the kernel's high-water mark (VmHWM), and RSS is also sampled every 50 ms. Writes the
 * "Open-data export" section of bench/RESULTS.md.
 */

const RSS_BUDGET_MB = 200;
const engineName = databaseEngine();
const host = machine();
const code = revision();
console.log(`Export bench of ${code} on ${engineName}: ${describeMachine(host)}`);

const tmp = makeTempDir("export");
const rows: Row[] = [];
let exitCode = 0;
let server: ChildProcess | undefined;
try {
  // The first start seeds the contributions (once per database), under tsx like every bench child.
  const seeding = await startChild<ExportServer>(
    fileURLToPath(new URL("./export-serve.ts", import.meta.url)),
    {
      env: benchAppEnv(tmp.path),
      readyTimeoutMs: 900_000,
    },
  );
  const { seedSeconds, comments, engine } = seeding.info;
  await seeding.stop();
  console.log(`${fmt.int(comments)} contributions in the database (seeded in ${seedSeconds.toFixed(0)} s)`);

  // The server measured is the compiled build as production runs it (`npm run serve`), a fresh
  // process: its memory is its own, with no TypeScript loader thread and not the seeding's.
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const port = await freePort();
  server = spawn(process.execPath, serveArguments(), {
    env: { ...process.env, ...benchAppEnv(tmp.path, { PORT: String(port) }) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/readyz`);
  const pid = server.pid!;
  const before = { rss: memory(pid, "VmRSS") };
  let sampled = before.rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      sampled = Math.max(sampled, memory(pid, "VmRSS"));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const answer = await fetch(`${url}/open-data/contributions.csv`, {
    headers: { "accept-encoding": "identity" },
  });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  // VmHWM: the highest RSS the kernel saw in the server's whole life, start-up included.
  const peak = memory(pid, "VmHWM");
  const exported = lines - 1;
  rows.push(
    check({
      figure: "peak server RSS (kernel high-water mark, start-up and download)",
      value: peak / 2 ** 20,
      max: RSS_BUDGET_MB,
      format: (v) => `${v.toFixed(0)} MB`,
    }),
    note("server RSS before the download / highest sampled during it", `${mb(before.rss)} / ${mb(sampled)}`),
    check({ figure: "rows exported", value: exported, min: comments, format: fmt.int }),
    note(
      "download time",
      `${seconds.toFixed(1)} s (${fmt.int(Math.round(exported / seconds))} rows/s, ${(bytes / 2 ** 20).toFixed(0)} MB of CSV)`,
    ),
  );
  console.log(`\n${textTable(rows)}`);
  writeResultsSection({
    area: "Open-data export",
    subsection: engineName,
    intro:
      "`npx tsx bench/export.ts`: the contributions dataset (anonymised comments of published consultations) downloaded as CSV from `/open-data/contributions.csv`, streamed page by page from the database, by the compiled server as `npm run serve` starts it in production (128 MB V8 heap). Peak RSS is the kernel's high-water mark (VmHWM) over the server's whole life. Budget (docs/architecture.md, issue 8): 1,000,000 contributions with peak server RSS ≤ 200 MB.",
    body: [
      `${new Date().toISOString().replace(/\.\d+Z$/, "Z")} · code ${code} · ${engine} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
      "",
      markdownTable(rows),
    ].join("\n"),
  });
  if (failed(rows).length > 0) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  tmp.remove();
}
process.exit(exitCode);

/** A field of /proc/<pid>/status in bytes (VmRSS: resident now; VmHWM: the highest it has been). */
function memory(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no ${field} for process ${pid}`);
  return Number(match[1]) * 1024;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server?.exitCode !== null) throw new Error(`the server exited with code ${server?.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not ready after ${timeoutMs} ms`);
}
