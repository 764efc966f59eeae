import { fileURLToPath } from "node:url";
import type { ExportServer } from "./export-serve.js";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { startChild } from "./lib/child-server.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { type CompiledServer, processMemory, startCompiledServer } from "./lib/serve.js";
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
let server: CompiledServer | undefined;
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
  server = await startCompiledServer(benchAppEnv(tmp.path));
  const { url, pid } = server;
  const before = { rss: processMemory(pid, "VmRSS") };
  let sampled = before.rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      sampled = Math.max(sampled, processMemory(pid, "VmRSS"));
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
  const peak = processMemory(pid, "VmHWM");
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
  await server?.stop();
  tmp.remove();
}
process.exit(exitCode);

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}
