import { inArray } from "drizzle-orm";
import { contentKey, type FileStore } from "../../../core/files/store.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import type { NewsCategory } from "../queries.js";
import { newsItems } from "../tables.js";

interface DemoNews {
  structure: string;
  category: NewsCategory;
  daysAgo: number | null;
  pinned?: boolean;
  /** A banner drawn in this colour, with its description. */
  image?: { colour: string; alt: LocalizedText };
  title: LocalizedText;
  summary: LocalizedText;
  body: LocalizedText;
}

const DEMO_NEWS: DemoNews[] = [
  {
    structure: "bcrc",
    category: "consultation_opened",
    daysAgo: 2,
    pinned: true,
    image: {
      colour: "#0b6e4f",
      alt: {
        ar: "شعار منصة شارك على خلفية خضراء",
        fr: "Bandeau vert de la plateforme Sharek",
        en: "Green banner of the Sharek platform",
      },
    },
    title: {
      ar: "فتح استشارة عمومية حول مشروع الأمر المتعلق بالنفاذ إلى الخدمات الإدارية عن بعد",
      fr: "Ouverture d’une consultation publique sur le projet de décret relatif à l’accès à distance aux services administratifs",
      en: "Public consultation opened on the draft decree on remote access to administrative services",
    },
    summary: {
      ar: "يدعو المكتب المركزي للعلاقات مع المواطن كافة المواطنين ومكونات المجتمع المدني إلى إبداء آرائهم في مشروع الأمر إلى غاية موفى الشهر القادم.",
      fr: "Le Bureau central des relations avec le citoyen invite les citoyens et la société civile à donner leur avis sur le projet jusqu’à la fin du mois prochain.",
      en: "The Central Office for Citizen Relations invites citizens and civil society to comment on the draft until the end of next month.",
    },
    body: {
      ar: "في إطار تكريس مبدأ المقاربة التشاركية، يُعرض مشروع الأمر على الاستشارة العمومية عبر منصة شارك.\n\nيمكن التعليق على كل فصل من فصول المشروع، واقتراح تعديلات، والإجابة على الاستبيان المصاحب. وسيتم نشر تأليف للمساهمات والقرارات المتخذة بشأنها عند غلق الاستشارة.",
      fr: "Dans le cadre de l’approche participative, le projet de décret est soumis à consultation publique sur la plateforme Sharek.\n\nChaque article peut être commenté, des amendements proposés et le questionnaire rempli. Une synthèse des contributions et des suites données sera publiée à la clôture.",
      en: "As part of the participatory approach, the draft decree is open for public consultation on Sharek.\n\nEach article can be commented on, amendments proposed and the questionnaire answered. A synthesis of the contributions and what was decided will be published when it closes.",
    },
  },
  {
    structure: "bcrc",
    category: "results_published",
    daysAgo: 9,
    title: {
      ar: "نشر نتائج الاستشارة الوطنية حول تبسيط الإجراءات الإدارية",
      fr: "Publication des résultats de la consultation nationale sur la simplification des procédures administratives",
      en: "Results published of the national consultation on simplifying administrative procedures",
    },
    summary: {
      ar: "تلقت الاستشارة أكثر من ثلاثة آلاف مساهمة، وتم اعتماد 42 مقترحًا في خطة العمل.",
      fr: "La consultation a reçu plus de trois mille contributions ; 42 propositions ont été retenues dans le plan d’action.",
      en: "The consultation received over three thousand contributions; 42 proposals were adopted in the action plan.",
    },
    body: {
      ar: "يمكن الاطلاع على تأليف المساهمات وعلى ما تم اعتماده في صفحة الاستشارة، كما يمكن متابعة تقدم تنفيذ كل التزام في فضاء المساءلة.",
      fr: "La synthèse des contributions et les suites données sont consultables sur la page de la consultation ; l’avancement de chaque engagement se suit dans l’espace de redevabilité.",
      en: "The synthesis of contributions and what was adopted are on the consultation’s page; progress on each commitment can be followed in the accountability section.",
    },
  },
  {
    structure: "gov-tn-61",
    category: "training",
    daysAgo: 5,
    title: {
      ar: "ولاية صفاقس: دورة تكوينية لفائدة أعوان مكاتب العلاقات مع المواطن",
      fr: "Gouvernorat de Sfax : formation des agents des bureaux des relations avec le citoyen",
      en: "Governorate of Sfax: training for citizen relations office staff",
    },
    summary: {
      ar: "تنظم الولاية دورة تكوينية حول معالجة المطالب عبر المنصة واحترام الآجال القانونية.",
      fr: "Le gouvernorat organise une formation au traitement des requêtes sur la plateforme et au respect des délais légaux.",
      en: "The governorate runs a training on handling requests on the platform and keeping to legal deadlines.",
    },
    body: {
      ar: "تتواصل الدورة على مدى يومين بمقر الولاية، ويتم التسجيل عبر صفحة الفعاليات.",
      fr: "La formation se déroule sur deux jours au siège du gouvernorat ; l’inscription se fait sur la page des événements.",
      en: "The training lasts two days at the governorate’s headquarters; registration is on the events page.",
    },
  },
  {
    structure: "gov-tn-51",
    category: "information_day",
    daysAgo: 12,
    title: {
      ar: "يوم إعلامي بسوسة حول آليات المشاركة العمومية",
      fr: "Journée d’information à Sousse sur les mécanismes de participation publique",
      en: "Information day in Sousse on public participation",
    },
    summary: {
      ar: "تعريف بالمنصة وبطرق تقديم المطالب والأفكار والمشاركة في الاستشارات.",
      fr: "Présentation de la plateforme et des façons de déposer une requête, une idée ou de participer aux consultations.",
      en: "An introduction to the platform and how to send requests and ideas and take part in consultations.",
    },
    body: {
      ar: "الدعوة مفتوحة لكل المواطنين والجمعيات. يتضمن البرنامج عروضًا وورشات تطبيقية.",
      fr: "Ouvert à tous les citoyens et associations. Au programme : présentations et ateliers pratiques.",
      en: "Open to all citizens and associations, with presentations and hands-on workshops.",
    },
  },
  {
    structure: "bcrc",
    category: "information_day",
    daysAgo: null,
    title: {
      ar: "مسودة: برنامج الأيام الإعلامية الجهوية",
      fr: "Brouillon : programme des journées d’information régionales",
      en: "Draft: regional information days programme",
    },
    summary: {},
    body: { ar: "قيد الإعداد." },
  },
];

/** A plain banner image (1200×630), as an announcement's photo would be once re-encoded. */
async function banner(colour: string): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp({ create: { width: 1200, height: 630, channels: 3, background: colour } })
    .jpeg({ quality: 82 })
    .toBuffer();
}

/** Published news of the central office and two governorates (one pinned, one with an image), and a draft. */
export async function seedDemoNews(db: Db, files: FileStore): Promise<string[]> {
  const codes = [...new Set(DEMO_NEWS.map((n) => n.structure))];
  const rows = await db
    .select({ id: structures.id, code: structures.code })
    .from(structures)
    .where(inArray(structures.code, codes));
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  let seeded = 0;
  for (const n of DEMO_NEWS) {
    const structureId = ids.get(n.structure);
    if (!structureId) continue;
    let image: { imageKey: string; imageMime: string; imageAlt: LocalizedText } | object = {};
    if (n.image) {
      const data = await banner(n.image.colour);
      const { key } = contentKey(data);
      if (!(await files.get(key))) await files.put(key, data);
      image = { imageKey: key, imageMime: "image/jpeg", imageAlt: n.image.alt };
    }
    const publishedAt = n.daysAgo === null ? null : new Date(Date.now() - n.daysAgo * 86_400_000);
    await db.insert(newsItems).values({
      structureId,
      category: n.category,
      title: n.title,
      summary: n.summary,
      body: n.body,
      ...image,
      published: publishedAt !== null,
      publishedAt,
      pinned: n.pinned ?? false,
    });
    seeded++;
  }
  return [`Demo news: ${seeded}`];
}
