import { and, eq, isNull, sql } from "drizzle-orm";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { accounts } from "../src/core/auth/tables.js";
import { newTotpSecret } from "../src/core/auth/totp.js";
import { memberships } from "../src/core/authz/tables.js";
import { NotFoundError } from "../src/core/errors/app-error.js";
import { isLocale } from "../src/core/i18n/localized.js";
import { structures } from "../src/core/structures/tables.js";
import { type Database, type Db, openDatabase, rowsOf } from "../src/db/client.js";
import { runMigrations } from "../src/db/migrate.js";
import { seedOnFirstStart } from "../src/db/seed.js";
import { loadCalendarFor } from "../src/features/calendar/queries.js";
import { dueSoonLimit } from "../src/features/cases/workspace/deadline-state.js";
import { workspaceRoutes } from "../src/features/cases/workspace/index.js";
import { queueCountsQuery, queuePageIdsQuery } from "../src/features/cases/workspace/queries/queue.js";
import { parseQueueQuery } from "../src/features/cases/workspace/queue-filters.js";
import { structureCategories } from "../src/features/structures/tables.js";
import { baseUrl, describeEngine, type EngineInfo } from "./lib/app-server.js";
import { explainAnalyze } from "./lib/plans.js";

const BUFFERS = "analyze, buffers, costs off";

import { childFailed, childReady, onStop } from "./lib/child-server.js";

/**
 * Child process of bench/queue.ts: the real app (with the staff routes), a structure holding
 * QUEUE_CASES requests (plus as many spread over another structure, so the table is not the
 * structure's alone), and a signed-in agent of that structure. The data is inserted once per
 * database, with one INSERT … SELECT generate_series per structure, and kept for later runs.
 */

export const QUEUE_CASES = Number(process.env.BENCH_QUEUE_CASES ?? 100_000);
const HOME = "gov-tn-11";
const NOISE = "gov-tn-12";
const AGENT_EMAIL = "bench-queue-agent@example.tn";

export interface QueueServer {
  url: string;
  engine: EngineInfo;
  /** The agent's session cookie ("name=value"). */
  cookie: string;
  structureId: string;
  /** Requests of the structure, by status. */
  byStatus: Record<string, number>;
  /** Seconds spent inserting the requests (0 when they were already there). */
  seedSeconds: number;
  /** EXPLAIN ANALYZE of the page's two case queries (default filters). */
  plans: { list: string; counts: string };
}

/** Subjects as citizens write them, in Arabic and French (each one on 1 request in 24). */
export const SUBJECT_LIST = [
  "انقطاع الماء الصالح للشرب في حي النصر",
  "أعمدة الإنارة معطّبة في نهج مرسيليا",
  "تراكم الفضلات أمام المدرسة الابتدائية",
  "حفر خطيرة في الطريق المؤدية إلى المستشفى",
  "طلب رخصة بناء لم يصدر فيها قرار",
  "ضجيج مقهى بعد منتصف الليل",
  "تأخر في تسليم مضمون ولادة",
  "مطالبة بتهيئة ملعب الحي",
  "تسرب مياه الصرف الصحي في الشارع",
  "غياب النقل المدرسي في المنطقة الريفية",
  "طلب النفاذ إلى ميزانية البلدية",
  "حيوانات سائبة قرب السوق البلدية",
  "Éclairage public en panne rue de Marseille",
  "Déchets non ramassés à El Menzah 6",
  "Nid-de-poule dangereux avenue Habib Bourguiba",
  "Retard dans la délivrance d'un extrait de naissance",
  "Demande d'aménagement d'un passage piéton",
  "Coupure d'eau potable depuis trois jours",
  "Bruit d'un chantier la nuit",
  "Absence de transport scolaire",
  "Demande d'accès aux procès-verbaux du conseil municipal",
  "Arbre menaçant de tomber sur la chaussée",
  "Stationnement anarchique devant l'hôpital",
  "Égout bouché après la pluie",
];
const DESCRIPTION_LIST = [
  "منذ أسبوعين لم يتغير شيء رغم الاتصال بالمصالح المعنية، ونرجو التدخل في أقرب الآجال.",
  "Le problème dure depuis plusieurs semaines malgré plusieurs appels au standard ; merci d'intervenir rapidement.",
  "الوضع يمثل خطرًا على الأطفال وكبار السن، وقد سبق أن أعلمنا العمدة دون نتيجة.",
  "Les habitants du quartier ont déjà signalé la situation par téléphone, sans réponse à ce jour.",
  "نطلب إعلامنا بالإجراءات المتخذة وبالآجال المتوقعة لمعالجة هذا المطلب.",
];
const SUBJECTS = sql`${`{${SUBJECT_LIST.map((s) => JSON.stringify(s)).join(",")}}`}`;
const DESCRIPTIONS = sql`${`{${DESCRIPTION_LIST.map((s) => JSON.stringify(s)).join(",")}}`}`;

async function idOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: structures.id }).from(structures).where(eq(structures.code, code));
  if (!row) throw new Error(`no structure ${code}: the reference seed did not run`);
  return row.id;
}

/** The bench agent (TOTP enrolled), an agent of the structure, with a session past the second factor. */
async function benchAgent(db: Db, structureId: string): Promise<{ id: string; cookie: string }> {
  let [agent] = await db.select().from(accounts).where(eq(accounts.email, AGENT_EMAIL));
  if (!agent) {
    [agent] = await db
      .insert(accounts)
      .values({
        email: AGENT_EMAIL,
        displayName: "Bench agent",
        emailVerifiedAt: new Date(),
        totpSecret: newTotpSecret(),
        totpEnabledAt: new Date(),
      })
      .returning();
  }
  const [member] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.accountId, agent!.id),
        eq(memberships.structureId, structureId),
        isNull(memberships.revokedAt),
      ),
    );
  if (!member) await db.insert(memberships).values({ accountId: agent!.id, structureId, role: "agent" });
  const { token } = await createSession(db, agent!.id, {
    persistent: false,
    device: "Bench",
    secondFactor: true,
  });
  return { id: agent!.id, cookie: `${SESSION_COOKIE}=${token}` };
}

/**
 * QUEUE_CASES requests at a structure in one statement, referenced EC-<year>-000001 onwards (one
 * year per structure), their subjects and texts taken in turn from the lists below (what the
 * queue's search reads), each with its own e-mail (bench<n>@example.tn): 10% new, 8% in progress, 4% waiting for the
 * citizen (half of them with the clock stopped), 18% answered, 60% closed; open ones filed in the
 * last 40 days, the rest over two years; a 14-day deadline; five types, two categories, 24
 * governorates; a quarter assigned to the bench agent.
 */
async function insertCases(
  database: Database,
  prefix: string,
  year: number,
  structureId: string,
  assigneeId: string | null,
) {
  const db = database.db;
  const categories = await db
    .select({ id: structureCategories.id })
    .from(structureCategories)
    .where(eq(structureCategories.structureId, structureId));
  for (const code of ["bench-roads", "bench-lighting"].slice(categories.length)) {
    categories.push(
      ...(await db
        .insert(structureCategories)
        .values({ structureId, code, name: { ar: code, fr: code, en: code } })
        .returning({ id: structureCategories.id })),
    );
  }
  await db.execute(sql`
    insert into cases (id, reference, submission_key_hash, type, status, outcome, structure_id, category_id, subject,
      description, governorate_code, contact_name, contact_email, follow_token_hash, assignee_id,
      clock_started_at, due_at, paused_at, answered_at, closed_at, created_at, updated_at)
    select gen_random_uuid(), ${`EC-${year}-`} || lpad(n::text, 6, '0'), ${`${prefix}-`} || n,
      (array['notice', 'complaint', 'suggestion', 'guidance', 'information'])[1 + n % 5]::case_type,
      s.status::case_status, case when s.status = 'closed' then 'answered'::case_outcome end,
      ${structureId}, case n % 3 when 0 then ${categories[0]!.id}::uuid when 1 then ${categories[1]!.id}::uuid end,
      (${SUBJECTS}::text[])[1 + n % ${SUBJECT_LIST.length}] || ' (' || n || ')',
      (${DESCRIPTIONS}::text[])[1 + n % ${DESCRIPTION_LIST.length}],
      g.codes[1 + n % array_length(g.codes, 1)], 'Citoyen ' || n, 'bench' || n || '@example.tn', ${`${prefix}-`} || n,
      case when n % 4 = 0 then ${assigneeId}::uuid end,
      s.created, s.created + interval '14 days',
      case when s.status = 'awaiting_citizen' and n % 2 = 0 then s.created + interval '3 days' end,
      case when s.status in ('answered', 'closed') then s.created + interval '9 days' end,
      case when s.status = 'closed' then s.created + interval '12 days' end,
      s.created, s.created
    from generate_series(1, ${QUEUE_CASES}) n
    cross join (select array_agg(code order by position) as codes from governorates) g
    cross join lateral (
      select t.status,
        case when t.status in ('new', 'in_progress', 'awaiting_citizen')
          then now() - (n % 40) * interval '1 day' - (n % 1440) * interval '1 minute'
          else now() - (n % 730) * interval '1 day' - (n % 1440) * interval '1 minute' end as created
      from (select case
        when n % 100 < 10 then 'new' when n % 100 < 18 then 'in_progress' when n % 100 < 22 then 'awaiting_citizen'
        when n % 100 < 40 then 'answered' else 'closed' end as status) t
    ) s
    on conflict do nothing`);
}

try {
  const config = loadConfig();
  const database = await openDatabase(config);
  await runMigrations(database);
  await seedOnFirstStart(database, config);
  const db = database.db;
  const home = await idOf(db, HOME);
  const agent = await benchAgent(db, home);

  const [existing] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from cases where structure_id = ${home} and submission_key_hash like 'bench-queue-%'`,
    ),
  );
  let seedSeconds = 0;
  if ((existing?.n ?? 0) < QUEUE_CASES) {
    const started = performance.now();
    await insertCases(database, "bench-queue", 2026, home, agent.id);
    await insertCases(database, "bench-noise", 2025, await idOf(db, NOISE), null);
    // As autovacuum soon would on a live server: statistics, and the visibility map that lets the
    // queue read its index alone.
    await db.execute(sql`vacuum analyze cases`);
    seedSeconds = (performance.now() - started) / 1000;
  }
  const counted = rowsOf<{ status: string; n: number }>(
    await db.execute(
      sql`select status, count(*)::int as n from cases where structure_id = ${home} group by status`,
    ),
  );

  const now = new Date();
  const clock = { now, soonLimit: dueSoonLimit(now, await loadCalendarFor(db, now)), accountId: agent.id };
  const filters = parseQueueQuery({}, home);
  const plans = {
    list: await explainAnalyze(database, queuePageIdsQuery(filters, clock), BUFFERS),
    counts: await explainAnalyze(database, queueCountsQuery(filters, clock), BUFFERS),
  };

  const app = await buildApp({ config, database });
  // The cases feature registers the staff routes; until it does, the bench adds them as the pages scope would.
  if (!app.hasRoute({ method: "GET", url: "/:lang/staff/requests" })) {
    await app.register(
      async (pages) => {
        pages.addHook("onRequest", async (request) => {
          if (!isLocale((request.params as { lang?: string }).lang)) throw new NotFoundError();
        });
        await pages.register(workspaceRoutes);
      },
      { prefix: "/:lang" },
    );
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  onStop(async () => {
    await app.close();
    await database.close();
  });
  childReady<QueueServer>({
    url: baseUrl(app),
    engine: await describeEngine(database),
    cookie: agent.cookie,
    structureId: home,
    byStatus: Object.fromEntries(counted.map((r) => [r.status, Number(r.n)])),
    seedSeconds,
    plans,
  });
} catch (error) {
  childFailed(error);
}
