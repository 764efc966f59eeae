import { sql } from "drizzle-orm";
import { loadConfig } from "../src/config.js";
import { type Database, openDatabase, rowsOf } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { seedOnFirstStart } from "../src/db/seed.js";
import { DIGEST_BATCH, digestPeriod, runDigest } from "../src/features/subscriptions/digests.js";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { describeEngine } from "./lib/app-server.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { underServeFlags } from "./lib/serve.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";

/**
 * `npx tsx bench/digest.ts`: the weekly digest for 100,000 subscribers (issue 10) completes in
 * bounded memory. Subscribers each follow a governorate; the week holds news in every one. The
 * digest runs as its job does (runDigest, batches of DIGEST_BATCH), once for a tenth of the
 * subscribers and once for all of them: the JS heap's peak must stay under budget and about the
 * same, since each batch is dropped before the next. Writes the "Weekly digest" section of
 * bench/RESULTS.md. PGlite by default; PostgreSQL with DATABASE_URL. The digest job runs inside
 * the server, so the bench runs under the server's production V8 flags (`npm run serve`).
 */

underServeFlags();

const SUBSCRIBERS = Number(process.env.BENCH_DIGEST_SUBSCRIBERS ?? 100_000);
const HEAP_BUDGET = 200 * 1024 ** 2;
const NOTICES_PER_GOVERNORATE = 2;

const engineName = databaseEngine();
const host = machine();
const code = revision();
const started = new Date();
console.log(`Weekly digest bench of ${code} on ${engineName}: ${describeMachine(host)}`);

async function seedSubscribers(database: Database, from: number, to: number) {
  const db = database.db;
  await db.execute(sql`
    insert into accounts (id, email, display_name, locale, email_verified_at)
    select gen_random_uuid(), 'digest' || i || '@bench.sharek.tn', 'Subscriber ' || i,
      (array['ar', 'fr', 'en'])[1 + i % 3], now()
    from generate_series(${from}::int, ${to}::int) i`);
  await db.execute(sql`
    insert into subscriber_settings (account_id, email, unsubscribe_token)
    select a.id, 'weekly', md5(a.id::text) from accounts a
    where a.email like 'digest%@bench.sharek.tn'
      and not exists (select 1 from subscriber_settings s where s.account_id = a.id)`);
  await db.execute(sql`
    with g as (select code, row_number() over (order by position) - 1 as n, count(*) over () as total from governorates),
    a as (select id, row_number() over (order by id) as r from accounts a
      where a.email like 'digest%@bench.sharek.tn'
        and not exists (select 1 from subscriptions s where s.account_id = a.id))
    insert into subscriptions (id, account_id, kind, target)
    select gen_random_uuid(), a.id, 'governorate', g.code from a join g on g.n = a.r % g.total`);
}

interface Run {
  subscribers: number;
  ms: number;
  mails: number;
  batches: number;
  peakHeap: number;
  peakRss: number;
}

/** Runs one weekly digest, sampling heap and RSS every 20 ms. */
async function measure(database: Database, subscribers: number, now: Date): Promise<Run> {
  global.gc?.();
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 20);
  const t0 = performance.now();
  const result = await runDigest(database.db, "weekly", now, "https://sharek.tn");
  const ms = performance.now() - t0;
  clearInterval(timer);
  const m = process.memoryUsage();
  return {
    subscribers,
    ms,
    mails: result.mails,
    batches: result.batches,
    peakHeap: Math.max(peakHeap, m.heapUsed),
    peakRss: Math.max(peakRss, m.rss),
  };
}

const tmp = makeTempDir("digest");
const rows: Row[] = [];
let engineLabel = engineName as string;
let fatal: string | undefined;
try {
  const config = loadConfig(benchAppEnv(tmp.path));
  const database = await openDatabase(config);
  await runMigrations(database);
  await seedOnFirstStart(database, config);
  engineLabel = (await describeEngine(database)).label;
  // Two weeks, so each run has its own period: the small run the week before the large one.
  const weeks = [new Date("2026-11-23T06:00:00Z"), new Date("2026-11-30T06:00:00Z")];
  const runs: Run[] = [];
  for (const [i, size] of [Math.round(SUBSCRIBERS / 10), SUBSCRIBERS].entries()) {
    const s0 = performance.now();
    await seedSubscribers(database, i === 0 ? 1 : Math.round(SUBSCRIBERS / 10) + 1, size);
    const { start, end } = digestPeriod("weekly", weeks[i]!);
    await database.db.execute(sql`delete from notices`);
    await database.db.execute(sql`
      insert into notices (id, kind, target, title, path, created_at, instant_sent_at)
      select gen_random_uuid(), 'governorate', g.code,
        jsonb_build_object('ar', 'فعالية ' || n, 'fr', 'Événement ' || n, 'en', 'Event ' || n),
        '/events/' || n, ${start}::timestamptz + (n || ' hours')::interval, now()
      from governorates g, generate_series(1, ${NOTICES_PER_GOVERNORATE}::int) n`);
    console.log(
      `${fmt.int(size)} subscribers ready in ${fmt.ms(performance.now() - s0)}; period ${start.toISOString()} → ${end.toISOString()}`,
    );
    const run = await measure(database, size, weeks[i]!);
    console.log(
      `${fmt.int(size)} subscribers: ${fmt.int(run.mails)} mails in ${run.batches} batches, ${fmt.ms(run.ms)}, peak heap ${fmt.mb(run.peakHeap)}, peak RSS ${fmt.mb(run.peakRss)}`,
    );
    runs.push(run);
  }
  const [small, large] = runs as [Run, Run];
  const [{ queued }] = rowsOf<{ queued: number }>(
    await database.db.execute(sql`select count(*)::int as queued from outbox_messages`),
  ) as [{ queued: number }];
  rows.push(
    check({
      figure: `mails queued for ${fmt.int(large.subscribers)} subscribers`,
      value: large.mails,
      min: large.subscribers,
      format: fmt.int,
    }),
    note(
      `run time, ${fmt.int(large.subscribers)} subscribers`,
      `${(large.ms / 1000).toFixed(1)} s (${fmt.int((large.mails / large.ms) * 1000)} mails/s)`,
    ),
    note(`run time, ${fmt.int(small.subscribers)} subscribers`, `${(small.ms / 1000).toFixed(1)} s`),
    note("batches (subscribers per batch)", `${large.batches} (${fmt.int(DIGEST_BATCH)})`),
    check({
      figure: `peak JS heap, ${fmt.int(large.subscribers)} subscribers`,
      value: large.peakHeap,
      max: HEAP_BUDGET,
      format: fmt.mb,
    }),
    check({
      figure: `peak JS heap growth from ${fmt.int(small.subscribers)} to ${fmt.int(large.subscribers)} subscribers (bounded: about flat)`,
      value: Math.max(0, large.peakHeap - small.peakHeap),
      max: 64 * 1024 ** 2,
      format: fmt.mb,
    }),
    note(
      `peak RSS (process, ${engineName === "PGlite" ? "the database included" : "app side only"})`,
      fmt.mb(large.peakRss),
    ),
    note("mails in the outbox after both runs", fmt.int(queued)),
  );
  await database.close();
} catch (error) {
  fatal = error instanceof Error ? (error.stack ?? error.message) : String(error);
} finally {
  tmp.remove();
}

console.log(`\n${textTable(rows)}\n`);
if (fatal) {
  console.error(`The bench could not finish: ${fatal}\nbench/RESULTS.md is left as it was.`);
  process.exit(1);
}
const when = started.toISOString().replace(/\.\d+Z$/, "Z");
writeResultsSection({
  area: "Weekly digest",
  subsection: engineName,
  intro:
    "`npx tsx bench/digest.ts`: the weekly digest job (runDigest) for 100,000 subscribers, each following a " +
    "governorate with news that week, in batches of subscribers (one query and one outbox insert per batch, a " +
    "resumable cursor), with nothing queued per subscriber in the job queue. Budget (issue 10): it completes, in " +
    "bounded memory (peak JS heap ≤ 200 MB, and about flat between 10,000 and 100,000 subscribers).",
  body: [
    `${when} · code ${code} · ${engineLabel} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
    `The digest runs in the bench's own process, under the production server's V8 flags (${process.execArgv.filter((a) => a.startsWith("--max")).join(" ")}); memory is sampled every 20 ms.`,
    "",
    markdownTable(rows),
  ].join("\n"),
});
console.log("Written to bench/RESULTS.md");
if (failed(rows).length > 0) process.exit(1);
