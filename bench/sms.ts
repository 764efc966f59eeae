/**
 * SMS bench: N SMS queued (BENCH_SMS_COUNT, default 100,000) are sent at SMPP_RATE (BENCH_SMS_RATE,
 * default 500 segments/s) to an SMSC in this process (the smpp library's server side, loopback), by
 * the compiled build's sender (bench/sms-sender.mjs, after `npm run build`) in a child process that
 * is killed (SIGKILL) half-way and started again. Prints the child's RSS samples, then figures against
 * the budgets: none sent twice, what the kill left unknown (at most the sender's window), the rate
 * kept, and flat memory; writes the "SMS sending" section of bench/RESULTS.md.
 *
 *   node --import tsx bench/sms.ts            (PGlite under bench/.tmp; DATABASE_URL for PostgreSQL)
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { smsMessages } from "../src/core/sms/tables.js";
import { type Database, openDatabase } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { TestSmsc } from "../test/smsc.js";
import { databaseEngine, makeTempDir } from "./lib/app-env.js";
import { cpuBusy, describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { serveArguments } from "./lib/serve.js";
import { check, failed, fmt, markdownTable, type Row, textTable } from "./lib/table.js";

const COUNT = Number(process.env.BENCH_SMS_COUNT ?? 100_000);
const RATE = Number(process.env.BENCH_SMS_RATE ?? 500);
const WINDOW = 50;
const RSS_BUDGET_MB = 200;

function open(dataDir: string): Promise<Database> {
  return openDatabase({ DATABASE_URL: process.env.DATABASE_URL ?? "", DATABASE_POOL_MAX: 5, dataDir });
}

function startChild(
  dataDir: string,
  smscUrl: string,
  onLine: (line: { rssMb: number; sent: number; left: number }) => void,
) {
  // The sender runs inside the server in production: the compiled build, under the server's V8 flags.
  const flags = serveArguments().filter((a) => a.startsWith("--"));
  const proc: ChildProcess = spawn(
    process.execPath,
    [...flags, fileURLToPath(new URL("./sms-sender.mjs", import.meta.url))],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        SMPP_URL: smscUrl,
        BENCH_SMS_RATE: String(RATE),
        BENCH_SMS_WINDOW: String(WINDOW),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let buffer = "";
  proc.stdout!.on("data", (chunk) => {
    buffer += String(chunk);
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) onLine(JSON.parse(line));
  });
  return { proc, exited: new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code))) };
}

async function main(): Promise<void> {
  const host = machine();
  const busyBefore = await cpuBusy();
  const startedAt = new Date();
  const code = revision();
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const dir = makeTempDir("sms");
  console.log(
    `SMS bench of ${code}: ${COUNT} SMS at ${RATE}/s, ${databaseEngine()}, window ${WINDOW}; ${describeMachine(host)}`,
  );
  let database = await open(dir.path);
  await runMigrations(database);
  if (process.env.DATABASE_URL) await database.exec("delete from sms_messages; delete from sms_opt_outs;");
  for (let i = 0; i < COUNT; i += 5000) {
    const rows = Array.from({ length: Math.min(5000, COUNT - i) }, (_, j) => ({
      toNumber: `+216${20_000_000 + i + j}`,
      body: `Sharek: your request EC-2026-${String(i + j).padStart(6, "0")} was received.`,
    }));
    await database.db.insert(smsMessages).values(rows);
  }
  await database.close();
  const smsc = await TestSmsc.start();
  const samples: number[] = [];
  const started = performance.now();

  const first = startChild(dir.path, smsc.url, (line) => {
    samples.push(line.rssMb);
    console.log(`  rss ${line.rssMb} MB, ${smsc.segments.length} at the SMSC`);
  });
  while (smsc.segments.length < COUNT / 2) await new Promise((r) => setTimeout(r, 50));
  first.proc.kill("SIGKILL");
  await first.exited;
  const atKill = smsc.segments.length;
  console.log(`  killed the sender with ${atKill} at the SMSC; starting another`);
  const second = startChild(dir.path, smsc.url, (line) => {
    samples.push(line.rssMb);
    console.log(`  rss ${line.rssMb} MB, ${smsc.segments.length} at the SMSC`);
  });
  const exit = await second.exited;
  const seconds = (performance.now() - started) / 1000;

  database = await open(dir.path);
  const statuses = await database.query<{ status: string; n: number }>(
    "select status, count(*)::int as n from sms_messages group by status",
  );
  await database.close();
  await smsc.close();
  const by = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
  const perNumber = new Map<string, number>();
  for (const s of smsc.segments) perNumber.set(s.to, (perNumber.get(s.to) ?? 0) + 1);
  const twice = [...perNumber.values()].filter((n) => n > 1).length;
  const steady = samples.slice(2);
  const rate = smsc.segments.length / seconds;
  // The sender prints its RSS in MB (10^6 bytes).
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  const growth = steady.length ? Math.max(...steady) - Math.min(...steady) : 0;
  const rows: Row[] = [
    check({ figure: "sent twice", value: twice, max: 0 }),
    check({ figure: "left unknown by the kill", value: by.unknown ?? 0, max: WINDOW }),
    check({
      figure: "sent + unknown",
      value: (by.sent ?? 0) + (by.unknown ?? 0),
      min: COUNT,
      max: COUNT,
      format: fmt.int,
    }),
    check({
      figure: "rate, kill and restart included (segments/s)",
      value: rate,
      min: RATE * 0.8,
      max: RATE * 1.05,
      format: fmt.int,
    }),
    check({
      figure: "max RSS of the sender",
      value: Math.max(...samples),
      max: RSS_BUDGET_MB,
      format: mb,
    }),
    check({ figure: "RSS growth after warm-up", value: growth, max: 50, format: mb }),
  ];
  console.log(`\nstatuses: ${JSON.stringify(by)}; second sender exit code ${exit}\n\n${textTable(rows)}\n`);
  writeResultsSection({
    area: "SMS sending",
    subsection: databaseEngine(),
    intro:
      "`DATABASE_URL=… npx tsx bench/sms.ts`: 100,000 SMS queued (as for an event reminder) are sent to an SMSC in the bench's " +
      "process (the smpp library's server side, over loopback) at `SMPP_RATE`, by the compiled build's sender in its own process " +
      "under the serve script's V8 flags (`--max-old-space-size=128`), which is killed (SIGKILL) half-way and started again. " +
      "Budgets (issue 22): none sent twice, at most the sender's window left unknown by the kill, the rate kept, flat memory.",
    body: [
      `${startedAt.toISOString().replace(/\.\d+Z$/, "Z")} · code ${code} · ${COUNT.toLocaleString("en-US")} SMS at ${RATE}/s, window ${WINDOW} · ${describeMachine(host)} (load average ${host.loadAverage}, ${Math.round(busyBefore * 100)}% of the CPU used by other processes at the start).`,
      `Statuses at the end: ${JSON.stringify(by)}; ${seconds.toFixed(0)} s in all.`,
      "",
      markdownTable(rows),
    ].join("\n"),
  });
  console.log("Written to bench/RESULTS.md");
  process.exitCode = failed(rows).length > 0 ? 1 : 0;
  dir.remove();
}

await main();
