import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { rowsOf } from "../src/db/client.js";
import { benchAppEnv, databaseEngine, makeTempDir } from "./lib/app-env.js";
import { startRealApp } from "./lib/app-server.js";
import { startChild } from "./lib/child-server.js";
import { percentile, timeRequests } from "./lib/load.js";
import { describeMachine, machine, revision } from "./lib/machine.js";
import { writeResultsSection } from "./lib/results.js";
import { serveArguments } from "./lib/serve.js";
import { check, failed, fmt, markdownTable, note, type Row, textTable } from "./lib/table.js";

/**
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/<fresh db> npx tsx bench/budgets.ts`: a
 * participatory budget with 300 projects (five districts and the city-wide pool) and 200,000
 * ballots of five projects each (inserted once per database with generate_series, kept for later
 * runs). Budgets (issue 25), on PostgreSQL: the tally ≤ 5 s with the tallying process's peak RSS
 * ≤ 256 MB (a separate process, so its memory is its own: the database counts the votes, the
 * process never holds the ballots), and the ballot page p95 ≤ 100 ms with several readers at once.
 * On PGlite the figures are informational. Writes its section of bench/RESULTS.md; exits 1 when a
 * figure misses its budget.
 */

const TALLY_BUDGET_MS = 5000;
const RSS_BUDGET_MB = 256;
const P95_BUDGET_MS = 100;
const PROJECTS = Number(process.env.BENCH_BUDGET_PROJECTS ?? 300);
const BALLOTS = Number(process.env.BENCH_BUDGET_BALLOTS ?? 200_000);
const ITEMS = 5;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CODE = "bench-budget";

const host = machine();
const code = revision();
const engineName = databaseEngine();
const informational = engineName !== "PostgreSQL";
const busy = Number(host.loadAverage.split(" ")[0]) > host.cores;
console.log(`Participatory budget bench of ${code} on ${engineName}: ${describeMachine(host)}`);
/** What the tallying child (budgets-tally.mjs) reports. */
interface TallyFigures {
  ms: number;
  rssBefore: number;
  peak: number;
  ballots: number;
  selected: number;
}

// The tallying child runs the compiled build, as the server does in production.
execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
const tmp = makeTempDir("budgets");
Object.assign(process.env, benchAppEnv(tmp.path));
const real = await startRealApp();
const db = real.database.db;
const rows: Row[] = [];
let exitCode = 0;

try {
  const started = performance.now();
  let [budget] = rowsOf<{ id: string }>(await db.execute(sql`select id from budgets where code = ${CODE}`));
  if (!budget) {
    // Voting open (so the ballot page answers), five districts of 100,000 TND, a city-wide pool of 500,000.
    [budget] = rowsOf<{ id: string }>(
      await db.execute(sql`
        insert into budgets (id, code, structure_id, title, description, amount_millimes, min_share_percent,
          proposals_from, review_from, voting_from, results_from, implementation_from, voter_key_salt)
        select gen_random_uuid(), ${CODE}, s.id, '{"fr":"Budget participatif du banc d''essai","ar":"ميزانية تشاركية للتجربة","en":"Bench participatory budget"}',
          '{"fr":"Trois cents projets."}', 1000000000, 0,
          now() - interval '30 days', now() - interval '20 days', now() - interval '10 days',
          now() + interval '10 days', now() + interval '20 days', md5(random()::text)
        from structures s where s.code = 'mun-tn-11' returning id`),
    );
    await db.execute(sql`
      insert into budget_districts (id, budget_id, code, name, share_millimes)
      select gen_random_uuid(), ${budget!.id}, 'd' || k, jsonb_build_object('fr', 'Arrondissement ' || k, 'ar', 'الدائرة ' || k), 100000000
      from generate_series(1, 5) k`);
    await db.execute(sql`
      insert into budget_proposals (id, budget_id, code, district_id, title, description, place, cost_millimes, status)
      select gen_random_uuid(), ${budget!.id}, 'P-' || lpad(i::text, 3, '0'),
        (select id from budget_districts where budget_id = ${budget!.id} and code = 'd' || (i % 6)),
        jsonb_build_object('fr', 'Projet ' || i, 'ar', 'مشروع ' || i, 'en', 'Project ' || i),
        jsonb_build_object('fr', 'Description du projet ' || i || ', avec ses travaux et son calendrier.'),
        'Rue ' || i, (5000 + (i * 7919) % 45000) * 1000, 'accepted'
      from generate_series(1, ${PROJECTS}::int) i`);
  }
  const ballotCount = async () =>
    Number(
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from budget_ballots where budget_id = ${budget!.id}`),
      )[0]!.n,
    );
  for (let from = await ballotCount(); from < BALLOTS; from += 50_000) {
    const to = Math.min(from + 50_000, BALLOTS);
    // Ballot i holds five distinct projects, spread so that votes differ from project to project.
    await db.execute(sql`
      with b as (
        insert into budget_ballots (budget_id, receipt_hash)
        select ${budget!.id}, md5(${CODE} || i) || md5(i::text) from generate_series(${from}::int, ${to - 1}::int) i
        returning id),
      n as (select id, row_number() over () + ${from} as i from b),
      p as (select array_agg(id order by code) as ids from budget_proposals where budget_id = ${budget!.id})
      insert into budget_ballot_items (ballot_id, proposal_id)
      select n.id, p.ids[1 + ((n.i * n.i) % 97 + k * 59) % array_length(p.ids, 1)]
      from n cross join p cross join generate_series(1, ${ITEMS}) k
      on conflict do nothing`);
    process.stdout.write(`\rInserted ${to} ballots`);
  }
  await db.execute(sql`analyze budget_ballots`);
  await db.execute(sql`analyze budget_ballot_items`);
  await db.execute(sql`analyze budget_proposals`);
  const ballots = await ballotCount();
  const [items] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from budget_ballot_items i
      join budget_ballots b on b.id = i.ballot_id where b.budget_id = ${budget!.id}`),
  );
  console.log(
    `\n${fmt.int(ballots)} ballots, ${fmt.int(Number(items!.n))} ballot items (${((performance.now() - started) / 1000).toFixed(1)} s to insert)`,
  );

  // The tally, twice (the first warms PostgreSQL's cache), each in a fresh process.
  let figures: TallyFigures | undefined;
  for (let run = 0; run < 2; run++) {
    const child = await startChild<TallyFigures>(
      fileURLToPath(new URL("./budgets-tally.mjs", import.meta.url)),
      {
        env: { ...benchAppEnv(tmp.path), BENCH_BUDGET_ID: budget!.id },
        // The tally runs inside the server in production: under the serve script's V8 flags.
        nodeOptions: serveArguments().filter((a) => a.startsWith("--")),
      },
    );
    figures = child.info;
    await child.stop();
  }
  rows.push(
    check({
      figure: "tally of the budget (votes counted by the database, winners selected)",
      value: figures!.ms,
      max: TALLY_BUDGET_MS,
      format: fmt.ms,
      informational,
    }),
    check({
      figure: "peak RSS of the tallying process (VmHWM: start-up and tally)",
      value: figures!.peak / 2 ** 20,
      max: RSS_BUDGET_MB,
      format: (v) => `${v.toFixed(0)} MB`,
      informational,
    }),
    note(
      "RSS of the tallying process before the tally (start-up: Node and the compiled app's modules)",
      fmt.mb(figures!.rssBefore),
    ),
    note(
      "RSS growth during the tally (peak less the RSS before)",
      fmt.mb(Math.max(0, figures!.peak - figures!.rssBefore)),
    ),
    note("ballots counted / projects selected", `${fmt.int(figures!.ballots)} / ${figures!.selected}`),
  );

  const url = `${real.url}/fr/budgets/${budget!.id}/vote`;
  const first = await fetch(url);
  if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
  await first.arrayBuffer();
  if (WARMUP > 0) await timeRequests(url, { clients: CLIENTS, seconds: WARMUP });
  const t = await timeRequests(url, { clients: CLIENTS, seconds: SECONDS });
  rows.push(
    check({
      figure: `ballot page (${PROJECTS} projects): p95`,
      value: percentile(t.samples, 95),
      max: P95_BUDGET_MS,
      format: fmt.ms,
      informational,
    }),
    note(
      `ballot page (${PROJECTS} projects): p50 / p99, requests, errors`,
      `${fmt.ms(percentile(t.samples, 50))} / ${fmt.ms(percentile(t.samples, 99))}, ${fmt.int(t.samples.length)}, ${t.errors}`,
    ),
  );
  console.log(`\n${textTable(rows)}`);
  writeResultsSection({
    area: "Participatory budget",
    subsection: engineName,
    intro:
      "`npx tsx bench/budgets.ts`: a participatory budget of 300 projects (five districts and the city-wide pool) with 200,000 ballots of five projects each. The tally runs as the results page runs it, from the compiled build under the serve script's V8 flags (the database counts votes per project and ballots per pool; the published rule then selects the winners) in a fresh process whose peak RSS is the kernel's high-water mark; the ballot page is loaded by several readers at once, each request timed to its last byte, the load generator in the server's process. Budgets (issue 25): tally ≤ 5 s with peak RSS ≤ 256 MB, ballot page p95 ≤ 100 ms, on PostgreSQL.",
    body: [
      `${new Date().toISOString().replace(/\.\d+Z$/, "Z")} · code ${code} · ${real.engine.label} · ${describeMachine(host)} (load average ${host.loadAverage} at the start).`,
      `${CLIENTS} readers, ${WARMUP} s warm-up then ${SECONDS} s on the ballot page; the tally run twice in fresh processes, the second measured.`,
      "",
      markdownTable(rows),
      ...(busy
        ? [
            "",
            `- Warning: the machine was busy (1-minute load average ${host.loadAverage.split(" ")[0]} on ${host.cores} cores): the figures are unreliable, run again on a quiet machine`,
          ]
        : []),
    ].join("\n"),
  });
  if (failed(rows).length > 0) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await real.app.close();
  await real.database.close();
  tmp.remove();
}
process.exit(exitCode);
