import { fileURLToPath } from "node:url";
import type { ExportServer } from "./export-serve.js";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { type ChildServer, startChild } from "./lib/child-server.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";

/**
 * `npx tsx bench/export.ts`: the contributions dataset with 1,000,000 comments downloaded as CSV
 * (DESIGN.md, issue 8: exports stream, memory stays flat, ≤ 200 MB RSS whatever the number of rows).
 * The server's RSS is sampled every 50 ms during the download; the peak is the figure. Writes the
 * "Open-data export" section of bench/RESULTS.md.
 */

const RSS_BUDGET_MB = 200;
const engineName = databaseEngine();
const host = machine();
const code = revision();
console.log(`Export bench of ${code} on ${engineName}: ${describeMachine(host)}`);

const tmp = makeTempDir("export");
let server: ChildServer<ExportServer> | undefined;
const rows: Row[] = [];
let exitCode = 0;
try {
  const start = () =>
    startChild<ExportServer>(fileURLToPath(new URL("./export-serve.ts", import.meta.url)), {
      env: benchAppEnv(tmp.path),
      readyTimeoutMs: 900_000,
    });
  // The first start seeds the contributions (once per database); the server measured is a fresh
  // process, as after a restart, so its memory is its own and not the seeding's.
  const seeding = await start();
  const { seedSeconds } = seeding.info;
  await seeding.stop();
  server = await start();
  const { url, comments } = server.info;
  console.log(`${fmt.int(comments)} contributions in the database (seeded in ${seedSeconds.toFixed(0)} s)`);
  const before = await server.stats();
  let peak = before.rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await server!.stats()).rss);
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
  const exported = lines - 1;
  rows.push(
    check({
      figure: "peak server RSS during the download",
      value: peak / 2 ** 20,
      max: RSS_BUDGET_MB,
      format: (v) => `${v.toFixed(0)} MB`,
    }),
    note("server RSS before the download", `${(before.rss / 2 ** 20).toFixed(0)} MB`),
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
      "`npx tsx bench/export.ts`: the contributions dataset (anonymised comments of published consultations) downloaded as CSV from `/open-data/contributions.csv`, streamed page by page from the database. Budget (DESIGN.md, issue 8): 1,000,000 contributions with peak server RSS ≤ 200 MB.",
    body: [
      `${new Date().toISOString().replace(/\.\d+Z$/, "Z")} · code ${code} · ${server.info.engine} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
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
