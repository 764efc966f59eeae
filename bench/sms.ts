/**
 * SMS bench: N SMS queued (BENCH_SMS_COUNT, default 100,000) are sent at SMPP_RATE (BENCH_SMS_RATE,
 * default 500 segments/s) to an SMSC in this process (the smpp library's server side, loopback), by
 * a sender in a child process that is killed (SIGKILL) half-way and started again. Prints the
 * child's RSS samples, then figures against the budgets: none sent twice, what the kill left
 * unknown (at most the sender's window), the rate kept, and flat memory.
 *
 *   node --import tsx bench/sms.ts            (PGlite under bench/.tmp; DATABASE_URL for PostgreSQL)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseSmppUrl } from "../src/config.js";
import { inboundHandlers, SmsSender } from "../src/core/sms/sender.js";
import { SmppLink } from "../src/core/sms/smpp-link.js";
import { smsMessages } from "../src/core/sms/tables.js";
import { type Database, openDatabase } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { TestSmsc } from "../test/smsc.js";
import { databaseEngine, makeTempDir } from "./lib/app-env.js";
import { serveArguments } from "./lib/serve.js";

const COUNT = Number(process.env.BENCH_SMS_COUNT ?? 100_000);
const RATE = Number(process.env.BENCH_SMS_RATE ?? 500);
const WINDOW = 50;
const RSS_BUDGET_MB = 200;

function open(dataDir: string): Promise<Database> {
  return openDatabase({ DATABASE_URL: process.env.DATABASE_URL ?? "", DATABASE_POOL_MAX: 5, dataDir });
}

/** The child: drains the outbox until nothing is pending or being sent, printing its RSS each second. */
async function child(): Promise<void> {
  const database = await open(process.env.DATA_DIR!);
  const log = { info: () => {}, error: (d: object, m: string) => console.error(m, JSON.stringify(d)) };
  const link = new SmppLink(parseSmppUrl(process.env.SMPP_URL!, RATE), inboundHandlers(database.db, log));
  // A lease longer than a claim waits for its turn here, so only the killed sender's claims expire.
  const sender = new SmsSender(database.db, link, { rate: RATE, window: WINDOW, leaseSeconds: 20 }, log);
  link.start();
  sender.start();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const [row] = await database.query<{ left: number }>(
      "select count(*)::int as left from sms_messages where status in ('pending', 'sending')",
    );
    console.log(
      JSON.stringify({
        rssMb: Math.round(process.memoryUsage().rss / 1e6),
        sent: sender.sent,
        left: row!.left,
      }),
    );
    if (row!.left === 0) break;
  }
  await sender.stop();
  await database.close();
}

function startChild(
  dataDir: string,
  smscUrl: string,
  onLine: (line: { rssMb: number; sent: number; left: number }) => void,
) {
  // The sender runs inside the server in production: under the server's V8 flags (its heap limit).
  const flags = serveArguments().filter((a) => a.startsWith("--"));
  const proc: ChildProcess = spawn(
    process.execPath,
    [...flags, "--import", "tsx", fileURLToPath(import.meta.url), "--child"],
    {
      env: { ...process.env, DATA_DIR: dataDir, SMPP_URL: smscUrl },
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
  const dir = makeTempDir("sms");
  console.log(`SMS bench: ${COUNT} SMS at ${RATE}/s, ${databaseEngine()}, window ${WINDOW}`);
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
  const code = await second.exited;
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
  const line = (name: string, budget: string, measured: string, ok: boolean) =>
    console.log(
      `${ok ? "ok  " : "FAIL"} ${name.padEnd(34)} budget ${budget.padEnd(14)} measured ${measured}`,
    );
  console.log(`\nstatuses: ${JSON.stringify(by)}; second sender exit code ${code}`);
  line("sent twice", "0", String(twice), twice === 0);
  line("unknown after the kill", `<= ${WINDOW}`, String(by.unknown ?? 0), (by.unknown ?? 0) <= WINDOW);
  line(
    "sent + unknown",
    String(COUNT),
    String((by.sent ?? 0) + (by.unknown ?? 0)),
    (by.sent ?? 0) + (by.unknown ?? 0) === COUNT,
  );
  line("rate (incl. kill and restart)", `<= ${RATE}/s`, `${rate.toFixed(0)}/s`, rate <= RATE * 1.05);
  line("rate kept", `>= ${(RATE * 0.8).toFixed(0)}/s`, `${rate.toFixed(0)}/s`, rate >= RATE * 0.8);
  line(
    "max RSS of the sender",
    `<= ${RSS_BUDGET_MB} MB`,
    `${Math.max(...samples)} MB`,
    Math.max(...samples) <= RSS_BUDGET_MB,
  );
  line(
    "RSS growth after warm-up",
    "<= 50 MB",
    `${steady.length ? Math.max(...steady) - Math.min(...steady) : 0} MB`,
    !steady.length || Math.max(...steady) - Math.min(...steady) <= 50,
  );
  dir.remove();
}

if (process.argv.includes("--child")) await child();
else await main();
