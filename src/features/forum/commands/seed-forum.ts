import { findAccountByEmail } from "../../../core/auth/accounts.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { demoVoices } from "../../ideas/commands/seed-ideas.js";
import { seedDemoFlags, seedDemoHidden } from "../../moderation/commands/seed-demo-moderation.js";
import { addFollow } from "../../subscriptions/commands.js";
import { forumCategories, forumPosts, forumThreads } from "../tables.js";

const CATEGORIES: Array<{
  slug: string;
  name: Required<LocalizedText>;
  description: Required<LocalizedText>;
}> = [
  {
    slug: "city-life",
    name: { ar: "الحياة في المدينة", fr: "Vie en ville", en: "City life" },
    description: {
      ar: "النظافة والطرقات والإنارة والمساحات الخضراء في بلديتك.",
      fr: "Propreté, voirie, éclairage et espaces verts de votre commune.",
      en: "Cleanliness, roads, lighting and green spaces in your municipality.",
    },
  },
  {
    slug: "health",
    name: { ar: "الصحة", fr: "Santé", en: "Health" },
    description: {
      ar: "المستشفيات والأدوية والوقاية.",
      fr: "Hôpitaux, médicaments et prévention.",
      en: "Hospitals, medicines and prevention.",
    },
  },
  {
    slug: "education",
    name: { ar: "التعليم", fr: "Éducation", en: "Education" },
    description: {
      ar: "المدارس والامتحانات والنقل المدرسي.",
      fr: "Écoles, examens et transport scolaire.",
      en: "Schools, exams and school transport.",
    },
  },
  {
    slug: "digital",
    name: { ar: "الإدارة الرقمية", fr: "Administration numérique", en: "Digital administration" },
    description: {
      ar: "الخدمات على الخط وتبسيط الإجراءات.",
      fr: "Services en ligne et simplification des démarches.",
      en: "Online services and simpler procedures.",
    },
  },
];

interface DemoPost {
  by: number | "official";
  body: string;
  official?: boolean;
  pinned?: boolean;
  quote?: number;
  hidden?: string;
  flagged?: boolean;
}
interface DemoThread {
  category: string;
  by: number;
  title: string;
  body: string;
  daysAgo: number;
  pinned?: boolean;
  locked?: boolean;
  posts: DemoPost[];
}

const THREADS: DemoThread[] = [
  {
    category: "city-life",
    by: 0,
    title: "كيف نحسّن جمع الفضلات في الأحياء الشعبية؟",
    body: "في حيّنا تمر شاحنة الفضلات **مرة كل ثلاثة أيام** فقط، والحاويات تمتلئ من اليوم الأول.\n\nاقتراحاتي:\n- زيادة عدد الحاويات\n- نشر مواعيد المرور\n- حملات توعية في المدارس",
    daysAgo: 12,
    pinned: true,
    posts: [
      { by: 1, body: "نفس المشكل عندنا في حي التضامن. الحاويات المكسورة لا تُعوّض." },
      {
        by: 2,
        body: "> نشر مواعيد المرور\n\nهذا أهم شيء، حتى لا يُخرج الناس الفضلات في وقت غير مناسب.",
        quote: 0,
      },
      {
        by: "official",
        official: true,
        pinned: true,
        body: "شكرًا على ملاحظاتكم. ستنشر البلدية ابتداءً من الشهر القادم **جدول مرور الشاحنات لكل حي** على موقعها وعلى لوحات في المداخل، وقد طلبنا 150 حاوية جديدة. يمكنكم الإبلاغ عن حاوية مكسورة عبر [طلب جديد](https://sharek.example.tn/ar/requests/new).",
      },
      { by: 3, body: "شكرًا للبلدية على الرد السريع 👏" },
      {
        by: 4,
        body: "اشتروا الآن أرخص الهواتف!!! www.cheap-phones.example",
        hidden: "إشهار لا علاقة له بالنقاش.",
      },
    ],
  },
  {
    category: "city-life",
    by: 5,
    title: "Pistes cyclables à Tunis : par où commencer ?",
    body: "De plus en plus de jeunes se déplacent à vélo, mais aucune piste n’est protégée. Quels axes seraient prioritaires selon vous ? Je pense à l’avenue Mohamed V et aux berges du Lac.",
    daysAgo: 8,
    posts: [
      { by: 6, body: "Les berges du Lac, sans hésiter : c’est plat et il y a de la place." },
      {
        by: 7,
        body: "Il faut d’abord sécuriser les abords des lycées, c’est là que les élèves prennent des risques.",
      },
      {
        by: 8,
        body: "Ce serait bien de prévoir aussi des *parkings vélos* près des stations de métro léger.",
        quote: 1,
      },
      { by: 9, body: "Les cyclistes n’ont qu’à rester chez eux, bande d’idiots.", flagged: true },
    ],
  },
  {
    category: "health",
    by: 10,
    title: "Shortages of children's medicines in pharmacies",
    body: "For weeks I could not find paediatric paracetamol syrup in Sfax. Is anyone else facing this? Where can we get reliable information on availability?",
    daysAgo: 6,
    posts: [
      { by: 11, body: "Same in Sousse. Pharmacists say the central pharmacy delivers irregularly." },
      {
        by: "official",
        official: true,
        pinned: true,
        body: "The Ministry of Health is aware of the shortage. A new delivery reached the central pharmacy this week and is being distributed to all governorates. Availability by governorate is published every Monday on the ministry's site.",
      },
      { by: 0, body: "Thank you, it is back in our pharmacy since yesterday." },
    ],
  },
  {
    category: "education",
    by: 2,
    title: "تواريخ امتحانات الباكالوريا: متى تُعلن؟",
    body: "التلاميذ وأولياؤهم يريدون معرفة الرزنامة مبكرًا لتنظيم المراجعة. هل من معلومة رسمية؟",
    daysAgo: 20,
    locked: true,
    posts: [
      { by: 3, body: "عادة تُعلن في شهر جانفي." },
      {
        by: "official",
        official: true,
        pinned: true,
        body: "أُعلنت الرزنامة الرسمية: تنطلق الدورة الرئيسية يوم 3 جوان. أُغلق هذا النقاش بعد الإجابة.",
      },
    ],
  },
  {
    category: "digital",
    by: 7,
    title: "Which procedures should go online first?",
    body: "If you could do **one** administrative procedure online tomorrow, which would it be? Mine: renewing the national ID card without queuing twice.",
    daysAgo: 3,
    posts: [
      { by: 8, body: "Birth certificates (extrait de naissance) — I need them for everything." },
      { by: 9, body: "Paying municipal taxes. Today it takes a half day off work." },
      { by: 1, body: "تسجيل الأطفال في المدارس، دون التنقل بين ثلاث إدارات." },
    ],
  },
];

/** The forum's categories and lively discussions in ar, fr and en, with official answers and moderation. */
export async function seedDemoForum(db: Db): Promise<string[]> {
  const voices = await demoVoices(db);
  const official = await findAccountByEmail(db, "agent@demo.sharek.tn");
  const moderator = await findAccountByEmail(db, "moderator@demo.sharek.tn");
  const categories = await db
    .insert(forumCategories)
    .values(CATEGORIES.map((c, position) => ({ ...c, position })))
    .onConflictDoNothing()
    .returning({ id: forumCategories.id, slug: forumCategories.slug });
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  const hour = 3_600_000;
  for (const demo of THREADS) {
    const category = categoryId.get(demo.category);
    if (!category) continue;
    const at = new Date(Date.now() - demo.daysAgo * 24 * hour);
    const visibleReplies = demo.posts.filter((p) => !p.hidden).length;
    const [thread] = await db
      .insert(forumThreads)
      .values({
        categoryId: category,
        authorId: voices[demo.by]!,
        title: demo.title,
        body: demo.body,
        pinnedAt: demo.pinned ? at : null,
        lockedAt: demo.locked ? new Date(at.getTime() + 30 * hour) : null,
        replyCount: visibleReplies,
        lastPostAt: new Date(at.getTime() + demo.posts.length * 5 * hour),
        createdAt: at,
      })
      .returning({ id: forumThreads.id });
    await addFollow(db, voices[demo.by]!, "thread", thread!.id);
    const ids: string[] = [];
    for (const [i, p] of demo.posts.entries()) {
      const authorId = p.by === "official" ? (official?.id ?? null) : voices[p.by]!;
      const [post] = await db
        .insert(forumPosts)
        .values({
          threadId: thread!.id,
          authorId,
          body: p.body,
          quotedPostId: p.quote !== undefined ? (ids[p.quote] ?? null) : null,
          official: Boolean(p.official && official),
          pinnedAt: p.pinned && official ? new Date(at.getTime() + (i + 1) * 5 * hour) : null,
          moderationState: p.hidden ? "hidden" : "visible",
          moderationReason: p.hidden ?? null,
          createdAt: new Date(at.getTime() + (i + 1) * 5 * hour),
        })
        .returning({ id: forumPosts.id });
      ids.push(post!.id);
      const item = { kind: "forum_post", itemId: post!.id, authorId };
      if (p.hidden) await seedDemoHidden(db, item, p.hidden, moderator?.id ?? null);
      if (p.flagged)
        await seedDemoFlags(
          db,
          item,
          [
            { reporterId: voices[5]!, reason: "abuse" },
            { reporterId: voices[6]!, reason: "abuse", note: "Insulte envers les cyclistes." },
          ],
          1,
        );
    }
  }
  return [
    `Forum: ${CATEGORIES.length} categories, ${THREADS.length} demo discussions (moderator@demo.sharek.tn sees the queue at /ar/moderation).`,
  ];
}
