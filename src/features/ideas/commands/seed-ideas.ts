import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { accounts } from "../../../core/auth/tables.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { seedDemoFlags, seedDemoHidden } from "../../moderation/commands/seed-demo-moderation.js";
import { addFollow } from "../../subscriptions/commands.js";
import type { IdeaStatus } from "../rules.js";
import { ideaComments, ideaEvents, ideaSupports, ideas, ideaThemes, ideaThresholds } from "../tables.js";

const THEMES: Array<{ code: string; name: Required<LocalizedText> }> = [
  { code: "environment", name: { ar: "البيئة", fr: "Environnement", en: "Environment" } },
  { code: "transport", name: { ar: "النقل", fr: "Transport", en: "Transport" } },
  { code: "health", name: { ar: "الصحة", fr: "Santé", en: "Health" } },
  { code: "education", name: { ar: "التعليم", fr: "Éducation", en: "Education" } },
  {
    code: "digital",
    name: { ar: "الإدارة الرقمية", fr: "Administration numérique", en: "Digital administration" },
  },
  {
    code: "culture-youth",
    name: { ar: "الثقافة والشباب", fr: "Culture et jeunesse", en: "Culture and youth" },
  },
  { code: "economy", name: { ar: "الاقتصاد والتشغيل", fr: "Économie et emploi", en: "Economy and jobs" } },
];

/** The idea themes every installation has (idempotent). */
export async function seedReferenceIdeas(db: Db): Promise<void> {
  await db
    .insert(ideaThemes)
    .values(THEMES.map((t, position) => ({ ...t, position })))
    .onConflictDoNothing({ target: ideaThemes.code });
}

/** Demo citizens who support, comment and discuss (they cannot sign in: no password). */
const VOICES = [
  "Amira Trabelsi / أميرة الطرابلسي",
  "Hichem Bouazizi / هشام البوعزيزي",
  "Sarra Khelifi / سارة الخليفي",
  "Walid Mejri / وليد المجري",
  "Ines Ferchichi / إيناس الفرشيشي",
  "Bilel Sassi / بلال الساسي",
  "Rim Hamdi / ريم الحمدي",
  "Anis Jlassi / أنيس الجلاصي",
  "Olfa Dridi / ألفة الدريدي",
  "Mehdi Zouari / مهدي الزواري",
  "Fatma Ben Salah / فاطمة بن صالح",
  "Yassine Karoui / ياسين القروي",
];

/** The demo's voices, created once; returns their ids in order. Shared by the forum's demo. */
export async function demoVoices(db: Db): Promise<string[]> {
  const emails = VOICES.map((_, i) => `voice${i + 1}@demo.sharek.tn`);
  await db
    .insert(accounts)
    .values(
      VOICES.map((name, i) => ({
        email: emails[i]!,
        displayName: name,
        emailVerifiedAt: sql`now()`,
        locale: ["ar", "fr", "en"][i % 3]!,
      })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(inArray(accounts.email, emails));
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return emails.map((e) => byEmail.get(e)!).filter(Boolean);
}

interface DemoIdea {
  to: { structure?: string; theme?: string };
  area?: string;
  title: string;
  description: string;
  supports: number;
  daysAgo: number;
  byCitizen?: boolean;
  status?: { status: IdeaStatus; body: string };
  /** Threshold reached this many days ago with no answer (the job escalates it). */
  overdue?: boolean;
  comments?: Array<{ body: string; hidden?: string; flagged?: boolean }>;
}

const DEMO: DemoIdea[] = [
  {
    to: { structure: "mun-tn-11" },
    area: "TN-11",
    title: "تركيب مقاعد وظلال في محطات الحافلات بشارع الحبيب بورقيبة",
    description:
      "ينتظر كبار السن والأمهات مع الأطفال الحافلة تحت الشمس في الصيف وتحت المطر في الشتاء. أقترح تركيب مقاعد ومظلات بسيطة في المحطات الخمس الأكثر ازدحامًا بالشارع، مع لوحة تبين مواعيد المرور.",
    supports: 12,
    daysAgo: 40,
    byCitizen: true,
    status: {
      status: "accepted",
      body: "تشكر البلدية صاحب الفكرة والداعمين. أُدرجت المظلات الخمس في ميزانية التهيئة لسنة 2027، وسيُعلن عن طلب العروض في الثلاثي الأول.",
    },
    comments: [
      { body: "فكرة ممتازة، خاصة محطة باب البحر حيث لا يوجد أي ظل." },
      { body: "Il faudrait aussi penser aux personnes en fauteuil roulant : des quais accessibles." },
    ],
  },
  {
    to: { structure: "mun-tn-11" },
    area: "TN-11",
    title: "Des bacs de tri sélectif dans chaque quartier de Tunis",
    description:
      "Beaucoup d’habitants veulent trier le plastique et le verre, mais il n’y a aucun point de collecte près de chez eux. Je propose un point de tri par quartier, avec un calendrier de ramassage affiché et une petite campagne d’information dans les écoles.",
    supports: 10,
    daysAgo: 25,
    status: {
      status: "in_progress",
      body: "Accepté : un premier lot de 20 points de tri est installé à El Menzah et Lafayette. Les autres quartiers suivront d’ici juin.",
    },
    comments: [
      { body: "Enfin ! À Lafayette le point est déjà utilisé tous les jours." },
      {
        body: "BUY CHEAP FOLLOWERS NOW at cheap-followers.example",
        hidden: "Publicité sans rapport avec l’idée.",
      },
    ],
  },
  {
    to: { structure: "mun-tn-11" },
    area: "TN-11",
    title: "Open the municipal libraries in the evening during exam periods",
    description:
      "Students who share small flats have nowhere quiet to revise. Opening the municipal libraries until 22:00 during the national exam weeks, with the existing staff on rotating shifts, would help thousands of pupils at almost no cost.",
    supports: 11,
    daysAgo: 50,
    overdue: true,
    comments: [
      { body: "Yes please, the Bab Souika library would be perfect for this." },
      { body: "أساند الفكرة، مكتبة الحي مغلقة بعد الخامسة مساءً.", flagged: true },
    ],
  },
  {
    to: { structure: "min-health" },
    area: "TN-61",
    title: "حجز مواعيد الاستشارات الخارجية بالمستشفيات عبر الهاتف والإنترنت",
    description:
      "يضطر المرضى إلى الحضور منذ الفجر للحصول على رقم في طابور الاستشارات الخارجية. نظام حجز بسيط عبر رسالة قصيرة أو موقع واب سيخفف الاكتظاظ ويحفظ كرامة المرضى، خاصة القادمين من المناطق الداخلية.",
    supports: 7,
    daysAgo: 15,
    comments: [{ body: "في صفاقس ننتظر أحيانًا ست ساعات. الفكرة ضرورية." }],
  },
  {
    to: { theme: "digital" },
    title: "Un seul compte pour toutes les démarches administratives en ligne",
    description:
      "Chaque portail public demande un compte différent et les mêmes pièces justificatives. Un identifiant unique, relié à l’identité numérique, permettrait de ne fournir les documents qu’une fois et de suivre toutes ses démarches au même endroit.",
    supports: 6,
    daysAgo: 9,
    comments: [
      {
        body: "Et que les administrations s’échangent les documents entre elles, au lieu de nous les redemander.",
      },
    ],
  },
  {
    to: { structure: "min-education" },
    area: "TN-42",
    title: "Safe school transport for pupils in rural Kasserine",
    description:
      "Many children in the rural areas of Kasserine walk more than five kilometres to school on unlit roads. A school bus service shared between neighbouring delegations, or an agreement with local rural transport, would cut dropout in the winter months.",
    supports: 9,
    daysAgo: 30,
    status: {
      status: "rejected",
      body: "The ministry cannot fund a new bus line this year. The request has been passed to the regional council, which funds rural transport agreements; we will follow it up there.",
    },
  },
  {
    to: { theme: "environment" },
    area: "TN-21",
    title: "حملات تنظيف الشواطئ مع الجمعيات في بداية كل صيف",
    description:
      "تمتلئ شواطئ نابل بالبلاستيك قبل بداية الموسم. أقترح تنظيم حملة سنوية مشتركة بين البلديات والجمعيات والكشافة، مع توفير القفازات والأكياس ونقل الفضلات.",
    supports: 4,
    daysAgo: 5,
    status: {
      status: "implemented",
      body: "نُظمت الحملة الأولى يوم 5 جوان بمشاركة 400 متطوع وجُمع 3 أطنان من الفضلات. شكرًا لكل المشاركين.",
    },
  },
  {
    to: { theme: "culture-youth" },
    area: "TN-51",
    title: "Maisons des jeunes ouvertes le week-end à Sousse",
    description:
      "Les maisons des jeunes ferment le samedi après-midi et le dimanche, justement quand les jeunes sont libres. Une ouverture le week-end, avec des clubs animés par des bénévoles, offrirait une alternative aux cafés.",
    supports: 3,
    daysAgo: 2,
  },
];

/** A lively idea box in ar, fr and en: every status, supports, comments, a tombstone and a flag. */
export async function seedDemoIdeas(db: Db): Promise<string[]> {
  const voices = await demoVoices(db);
  const citizen = await findAccountByEmail(db, "citizen@demo.sharek.tn");
  const official = await findAccountByEmail(db, "agent@demo.sharek.tn");
  const moderator = await findAccountByEmail(db, "moderator@demo.sharek.tn");
  const codes = await db.select({ id: structures.id, code: structures.code }).from(structures);
  const structureId = new Map(codes.map((s) => [s.code, s.id]));
  const themes = new Map((await db.select().from(ideaThemes)).map((t) => [t.code, t.id]));
  const tunis = structureId.get("mun-tn-11");
  if (tunis)
    await db
      .insert(ideaThresholds)
      .values({ structureId: tunis, supports: 10, answerDays: 15 })
      .onConflictDoNothing();
  const day = 86_400_000;
  for (const demo of DEMO) {
    if (demo.to.structure ? !structureId.has(demo.to.structure) : !themes.has(demo.to.theme ?? "")) continue;
    const at = new Date(Date.now() - demo.daysAgo * day);
    const authorId = demo.byCitizen && citizen ? citizen.id : voices[demo.daysAgo % voices.length]!;
    const supporters = voices.filter((v) => v !== authorId).slice(0, demo.supports);
    const reached = demo.status !== undefined || demo.overdue ? new Date(at.getTime() + 3 * day) : null;
    const answeredAt = demo.status ? new Date(at.getTime() + 6 * day) : null;
    const [row] = await db
      .insert(ideas)
      .values({
        submissionKey: randomBytes(18).toString("base64url"),
        authorId,
        structureId: demo.to.structure ? (structureId.get(demo.to.structure) ?? null) : null,
        themeId: demo.to.theme ? (themes.get(demo.to.theme) ?? null) : null,
        governorateCode: demo.area ?? null,
        title: demo.title,
        description: demo.description,
        status: demo.status?.status ?? "under_review",
        supportCount: supporters.length,
        thresholdReachedAt: reached,
        answerDueAt: reached ? new Date(reached.getTime() + 15 * day) : null,
        answeredAt,
        createdAt: at,
      })
      .returning({ id: ideas.id });
    const id = row!.id;
    await db.insert(ideaSupports).values(
      supporters.map((accountId, i) => ({
        ideaId: id,
        accountId,
        createdAt: new Date(at.getTime() + i * 3_600_000),
      })),
    );
    for (const accountId of new Set([authorId, ...supporters.slice(0, 3)]))
      await addFollow(db, accountId, "idea", id);
    await db
      .insert(ideaEvents)
      .values({ ideaId: id, kind: "submitted", status: "under_review", actorId: authorId, createdAt: at });
    if (reached)
      await db.insert(ideaEvents).values({ ideaId: id, kind: "threshold_reached", createdAt: reached });
    if (demo.status)
      await db.insert(ideaEvents).values({
        ideaId: id,
        kind: "status",
        status: demo.status.status,
        body: demo.status.body,
        actorId: official?.id ?? null,
        createdAt: answeredAt!,
      });
    for (const [i, c] of (demo.comments ?? []).entries()) {
      const [comment] = await db
        .insert(ideaComments)
        .values({
          ideaId: id,
          authorId: voices[(i + 5) % voices.length]!,
          body: c.body,
          moderationState: c.hidden ? "hidden" : "visible",
          moderationReason: c.hidden ?? null,
          createdAt: new Date(at.getTime() + (i + 1) * day),
        })
        .returning({ id: ideaComments.id });
      const item = { kind: "idea_comment", itemId: comment!.id, authorId: voices[(i + 5) % voices.length]! };
      if (c.hidden) await seedDemoHidden(db, item, c.hidden, moderator?.id ?? null);
      if (c.flagged) await seedDemoFlags(db, item, [{ reporterId: voices[0]!, reason: "off_topic" }], 2);
    }
  }
  return [
    `Idea box: ${DEMO.length} demo ideas; the Municipality of Tunis answers at 10 supports within 15 days.`,
  ];
}
