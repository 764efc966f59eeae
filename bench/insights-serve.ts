import { eq, sql } from "drizzle-orm";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { accounts } from "../src/core/auth/tables.js";
import { newTotpSecret } from "../src/core/auth/totp.js";
import { memberships } from "../src/core/authz/tables.js";
import { structures } from "../src/core/structures/tables.js";
import { type Db, openDatabase, rowsOf } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { seedOnFirstStart } from "../src/db/seed.js";
import { FEATURES } from "../src/features/index.js";
import { refreshInsights } from "../src/features/insights/refresh.js";
import { baseUrl, describeEngine, type EngineInfo } from "./lib/app-server.js";
import { childFailed, childReady, onStop } from "./lib/child-server.js";

/**
 * Child process of bench/insights.ts: the real app over INSIGHTS_CASES requests spread over every
 * structure (inserted once per database in batches of INSERT … SELECT generate_series, and kept),
 * one refresh of the rollups (timed: it is the job's cost, paid every ten minutes, not the pages'),
 * and two signed-in staff: a platform admin and the structure admin of a governorate.
 */

export const INSIGHTS_CASES = Number(process.env.BENCH_INSIGHTS_CASES ?? 1_000_000);
const BATCH = 100_000;
const SCOPED = "gov-tn-11";

export interface InsightsServer {
  url: string;
  engine: EngineInfo;
  adminCookie: string;
  structureAdminCookie: string;
  cases: number;
  structures: number;
  seedSeconds: number;
  refreshSeconds: number;
  usageRows: number;
}

async function staffSession(db: Db, email: string, role: { structureId: string } | null): Promise<string> {
  let [account] = await db.select().from(accounts).where(eq(accounts.email, email));
  if (!account) {
    [account] = await db
      .insert(accounts)
      .values({
        email,
        displayName: "Bench staff",
        emailVerifiedAt: new Date(),
        totpSecret: newTotpSecret(),
        totpEnabledAt: new Date(),
        isPlatformAdmin: role === null,
      })
      .returning();
    if (role)
      await db
        .insert(memberships)
        .values({ accountId: account!.id, structureId: role.structureId, role: "structure_admin" });
  }
  const { token } = await createSession(db, account!.id, {
    persistent: false,
    device: "Bench",
    secondFactor: true,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * One batch of requests, numbered from `from`: spread evenly over the active structures; the
 * governorate is the structure's own (a national structure's requests come from every
 * governorate); five types; filed over two years. 12% are still open (a third of them past a
 * 14-day deadline), the rest answered after 1 to 20 days, a few transferred; two in five rated.
 */
async function insertBatch(db: Db, from: number, count: number) {
  await db.execute(sql`
    with s as (
      select array_agg(id order by code) as ids, array_agg(governorate_code order by code) as govs
      from structures where retired_at is null
    ), g as (select array_agg(code order by position) as codes from governorates)
    insert into cases (id, reference, submission_key, type, status, outcome, structure_id, subject, description,
      governorate_code, follow_token_hash, anonymous, clock_started_at, due_at, first_response_at, answered_at,
      closed_at, satisfaction, transfer_count, created_at, updated_at)
    select gen_random_uuid(), 'bench-insights-' || lpad(n::text, 8, '0'), 'bench-insights-' || n,
      (array['notice', 'complaint', 'suggestion', 'guidance', 'information'])[1 + n % 5]::case_type,
      x.status::case_status, case when x.status = 'closed' then 'answered'::case_outcome end,
      s.ids[1 + n % array_length(s.ids, 1)], 'Requête ' || n, 'Description de la requête ' || n,
      coalesce(s.govs[1 + n % array_length(s.ids, 1)], g.codes[1 + (n / 7) % array_length(g.codes, 1)]),
      'bench-insights-' || n, true,
      x.created, x.created + interval '14 days',
      case when x.status <> 'new' then x.created + x.took end,
      case when x.status in ('answered', 'closed') then x.created + x.took end,
      case when x.status = 'closed' then x.created + x.took + interval '3 days' end,
      case when x.status in ('answered', 'closed') and n % 5 < 2 then 1 + n % 5 * 2 % 5 end,
      case when n % 50 = 0 then 1 else 0 end,
      x.created, x.created
    from generate_series(${from}::int, ${from + count - 1}::int) n cross join s cross join g
    cross join lateral (
      select case when n % 100 < 6 then 'new' when n % 100 < 12 then 'in_progress'
          when n % 100 < 40 then 'answered' else 'closed' end as status,
        now() - (n % 730) * interval '1 day' - (n % 1440) * interval '1 minute' as created,
        (1 + n % 20) * interval '1 day' - (n % 23) * interval '1 hour' as took
    ) x
    on conflict do nothing`);
}

try {
  const config = loadConfig();
  const database = await openDatabase(config);
  await runMigrations(database);
  await seedOnFirstStart(database, config);
  const db = database.db;
  const [home] = await db.select({ id: structures.id }).from(structures).where(eq(structures.code, SCOPED));
  if (!home) throw new Error(`no structure ${SCOPED}: the reference seed did not run`);
  const adminCookie = await staffSession(db, "bench-insights-admin@example.tn", null);
  const structureAdminCookie = await staffSession(db, "bench-insights-gov@example.tn", {
    structureId: home.id,
  });

  const count = async () =>
    Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from cases`))[0]!.n);
  let seedSeconds = 0;
  let have = await count();
  if (have < INSIGHTS_CASES) {
    const started = performance.now();
    const [last] = rowsOf<{ n: number | null }>(
      await db.execute(
        sql`select max(substring(submission_key from 16)::int) as n from cases where submission_key like 'bench-insights-%'`,
      ),
    );
    let next = Number(last?.n ?? 0) + 1;
    while (have < INSIGHTS_CASES) {
      const size = Math.min(BATCH, INSIGHTS_CASES - have);
      await insertBatch(db, next, size);
      next += size;
      have = await count();
      process.stderr.write(`  ${have} requests\n`);
    }
    await db.execute(sql`vacuum analyze cases`);
    seedSeconds = (performance.now() - started) / 1000;
  }

  const refreshStarted = performance.now();
  const refreshed = await refreshInsights(db, FEATURES);
  const refreshSeconds = (performance.now() - refreshStarted) / 1000;
  await db.execute(sql`analyze insights_usage`);
  await db.execute(sql`analyze insights_service_levels`);
  const [structureCount] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from insights_service_levels`),
  );

  const app = await buildApp({ config, database });
  await app.listen({ port: config.PORT, host: config.HOST });
  onStop(async () => {
    await app.close();
    await database.close();
  });
  childReady<InsightsServer>({
    url: baseUrl(app),
    engine: await describeEngine(database),
    adminCookie,
    structureAdminCookie,
    cases: have,
    structures: Number(structureCount!.n),
    seedSeconds,
    refreshSeconds,
    usageRows: refreshed.usage,
  });
} catch (error) {
  childFailed(error);
}
