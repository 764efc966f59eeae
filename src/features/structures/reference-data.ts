/**
 * Reference data for the directory of public structures.
 *
 * Seeded into every installation (production included). Names follow the
 * official usage of the Tunisian administration in Arabic and French, with
 * the customary English renderings.
 *
 * Maintenance notes:
 * - The list of ministries reflects the structure of the government as of
 *   2025. Re-check it against the latest government decree after every
 *   reshuffle (ministries are regularly merged, split or renamed).
 * - `contact.website` is only set for domains known to be official; phone
 *   numbers and e-mail addresses are deliberately left out.
 * - Parents are always listed before their children.
 */

export type StructureKind =
  | "presidency"
  | "central_office"
  | "ministry"
  | "governorate"
  | "municipality"
  | "independent_body";

export interface LocalizedText {
  ar: string;
  fr: string;
  en: string;
}

export interface ReferenceStructure {
  /** Stable unique slug, lowercase ASCII. */
  code: string;
  kind: StructureKind;
  parentCode: string | null;
  /** ISO 3166-2 code like "TN-11", or null for national structures. */
  governorateCode: string | null;
  name: LocalizedText;
  /** One plain sentence: what this structure does for citizens. */
  summary: LocalizedText;
  contact: {
    website?: string;
    email?: string;
    phone?: string;
    address?: LocalizedText;
  };
}

export const CENTRAL_OFFICE_CODE = "bcrc";

// ---------------------------------------------------------------------------
// Governorates (ISO 3166-2:TN codes, in code order; source: docs/reference-data.md)
// ---------------------------------------------------------------------------

const GOVERNORATE_ROWS = [
  { code: "TN-11", name: { ar: "تونس", fr: "Tunis", en: "Tunis" } },
  { code: "TN-12", name: { ar: "أريانة", fr: "Ariana", en: "Ariana" } },
  { code: "TN-13", name: { ar: "بن عروس", fr: "Ben Arous", en: "Ben Arous" } },
  { code: "TN-14", name: { ar: "منوبة", fr: "Manouba", en: "Manouba" } },
  { code: "TN-21", name: { ar: "نابل", fr: "Nabeul", en: "Nabeul" } },
  { code: "TN-22", name: { ar: "زغوان", fr: "Zaghouan", en: "Zaghouan" } },
  { code: "TN-23", name: { ar: "بنزرت", fr: "Bizerte", en: "Bizerte" } },
  { code: "TN-31", name: { ar: "باجة", fr: "Béja", en: "Beja" } },
  { code: "TN-32", name: { ar: "جندوبة", fr: "Jendouba", en: "Jendouba" } },
  { code: "TN-33", name: { ar: "الكاف", fr: "Le Kef", en: "Kef" } },
  { code: "TN-34", name: { ar: "سليانة", fr: "Siliana", en: "Siliana" } },
  { code: "TN-41", name: { ar: "القيروان", fr: "Kairouan", en: "Kairouan" } },
  { code: "TN-42", name: { ar: "القصرين", fr: "Kasserine", en: "Kasserine" } },
  { code: "TN-43", name: { ar: "سيدي بوزيد", fr: "Sidi Bouzid", en: "Sidi Bouzid" } },
  { code: "TN-51", name: { ar: "سوسة", fr: "Sousse", en: "Sousse" } },
  { code: "TN-52", name: { ar: "المنستير", fr: "Monastir", en: "Monastir" } },
  { code: "TN-53", name: { ar: "المهدية", fr: "Mahdia", en: "Mahdia" } },
  { code: "TN-61", name: { ar: "صفاقس", fr: "Sfax", en: "Sfax" } },
  { code: "TN-71", name: { ar: "قفصة", fr: "Gafsa", en: "Gafsa" } },
  { code: "TN-72", name: { ar: "توزر", fr: "Tozeur", en: "Tozeur" } },
  { code: "TN-73", name: { ar: "قبلي", fr: "Kébili", en: "Kebili" } },
  { code: "TN-81", name: { ar: "قابس", fr: "Gabès", en: "Gabes" } },
  { code: "TN-82", name: { ar: "مدنين", fr: "Médenine", en: "Medenine" } },
  { code: "TN-83", name: { ar: "تطاوين", fr: "Tataouine", en: "Tataouine" } },
] as const satisfies ReadonlyArray<{ code: string; name: LocalizedText }>;

type GovernorateCode = (typeof GOVERNORATE_ROWS)[number]["code"];

export const GOVERNORATES: ReadonlyArray<{ code: string; name: LocalizedText }> = GOVERNORATE_ROWS;

/**
 * Capital city of each governorate (seat of the governorate and of the
 * municipality). `frOf` is the French name preceded by the right form of
 * "de" ("de Tunis", "de l'Ariana", "du Kef"), used to build French phrases.
 */
interface CapitalCity {
  ar: string;
  fr: string;
  en: string;
  frOf: string;
}

const CAPITALS: Readonly<Record<GovernorateCode, CapitalCity>> = {
  "TN-11": { ar: "تونس", fr: "Tunis", en: "Tunis", frOf: "de Tunis" },
  "TN-12": { ar: "أريانة", fr: "Ariana", en: "Ariana", frOf: "de l'Ariana" },
  "TN-13": { ar: "بن عروس", fr: "Ben Arous", en: "Ben Arous", frOf: "de Ben Arous" },
  "TN-14": { ar: "منوبة", fr: "La Manouba", en: "Manouba", frOf: "de La Manouba" },
  "TN-21": { ar: "نابل", fr: "Nabeul", en: "Nabeul", frOf: "de Nabeul" },
  "TN-22": { ar: "زغوان", fr: "Zaghouan", en: "Zaghouan", frOf: "de Zaghouan" },
  "TN-23": { ar: "بنزرت", fr: "Bizerte", en: "Bizerte", frOf: "de Bizerte" },
  "TN-31": { ar: "باجة", fr: "Béja", en: "Beja", frOf: "de Béja" },
  "TN-32": { ar: "جندوبة", fr: "Jendouba", en: "Jendouba", frOf: "de Jendouba" },
  "TN-33": { ar: "الكاف", fr: "Le Kef", en: "El Kef", frOf: "du Kef" },
  "TN-34": { ar: "سليانة", fr: "Siliana", en: "Siliana", frOf: "de Siliana" },
  "TN-41": { ar: "القيروان", fr: "Kairouan", en: "Kairouan", frOf: "de Kairouan" },
  "TN-42": { ar: "القصرين", fr: "Kasserine", en: "Kasserine", frOf: "de Kasserine" },
  "TN-43": {
    ar: "سيدي بوزيد",
    fr: "Sidi Bouzid",
    en: "Sidi Bouzid",
    frOf: "de Sidi Bouzid",
  },
  "TN-51": { ar: "سوسة", fr: "Sousse", en: "Sousse", frOf: "de Sousse" },
  "TN-52": { ar: "المنستير", fr: "Monastir", en: "Monastir", frOf: "de Monastir" },
  "TN-53": { ar: "المهدية", fr: "Mahdia", en: "Mahdia", frOf: "de Mahdia" },
  "TN-61": { ar: "صفاقس", fr: "Sfax", en: "Sfax", frOf: "de Sfax" },
  "TN-71": { ar: "قفصة", fr: "Gafsa", en: "Gafsa", frOf: "de Gafsa" },
  "TN-72": { ar: "توزر", fr: "Tozeur", en: "Tozeur", frOf: "de Tozeur" },
  "TN-73": { ar: "قبلي", fr: "Kébili", en: "Kebili", frOf: "de Kébili" },
  "TN-81": { ar: "قابس", fr: "Gabès", en: "Gabes", frOf: "de Gabès" },
  "TN-82": { ar: "مدنين", fr: "Médenine", en: "Medenine", frOf: "de Médenine" },
  "TN-83": { ar: "تطاوين", fr: "Tataouine", en: "Tataouine", frOf: "de Tataouine" },
};

// ---------------------------------------------------------------------------
// National structures
// ---------------------------------------------------------------------------

const PRESIDENCY: ReferenceStructure = {
  code: "pg",
  kind: "presidency",
  parentCode: null,
  governorateCode: null,
  name: {
    ar: "رئاسة الحكومة",
    fr: "Présidence du gouvernement",
    en: "Presidency of the Government",
  },
  summary: {
    ar: "تسهر على تنفيذ السياسة العامة للدولة وتنسق العمل الحكومي وتشرف على الإدارة العمومية.",
    fr: "Veille à l'exécution de la politique générale de l'État, coordonne l'action gouvernementale et supervise l'administration publique.",
    en: "Oversees the implementation of the State's general policy, coordinates government action and supervises the public administration.",
  },
  contact: {
    website: "https://www.pm.gov.tn",
    address: {
      ar: "ساحة الحكومة، القصبة، تونس",
      fr: "Place du Gouvernement, La Kasbah, Tunis",
      en: "Government Square, La Kasbah, Tunis",
    },
  },
};

const CENTRAL_OFFICE: ReferenceStructure = {
  code: CENTRAL_OFFICE_CODE,
  kind: "central_office",
  parentCode: "pg",
  governorateCode: null,
  name: {
    ar: "المكتب المركزي للعلاقات مع المواطن",
    fr: "Bureau central des relations avec le citoyen",
    en: "Central Office for Citizen Relations",
  },
  summary: {
    ar: "يتلقى مطالب المواطنين وتشكياتهم ويوجهها إلى الهياكل المختصة ويتابع الرد عليها.",
    fr: "Reçoit les requêtes et réclamations des citoyens, les oriente vers les structures compétentes et veille à ce qu'une réponse leur soit apportée.",
    en: "Receives citizens' requests and complaints, forwards them to the competent structures and follows up until they are answered.",
  },
  contact: {},
};

interface MinistryRow {
  slug: string;
  name: LocalizedText;
  summary: LocalizedText;
  website?: string;
}

const MINISTRY_ROWS: ReadonlyArray<MinistryRow> = [
  {
    slug: "interior",
    name: {
      ar: "وزارة الداخلية",
      fr: "Ministère de l'Intérieur",
      en: "Ministry of the Interior",
    },
    summary: {
      ar: "تسهر على حفظ الأمن والنظام العام وتشرف على الإدارة الجهوية والمحلية وتسلم بطاقة التعريف الوطنية وجواز السفر.",
      fr: "Assure la sécurité et l'ordre public, encadre l'administration régionale et locale et délivre la carte d'identité nationale et le passeport.",
      en: "Maintains public security and order, oversees regional and local administration and issues national identity cards and passports.",
    },
    website: "https://www.interieur.gov.tn",
  },
  {
    slug: "justice",
    name: {
      ar: "وزارة العدل",
      fr: "Ministère de la Justice",
      en: "Ministry of Justice",
    },
    summary: {
      ar: "تسهر على حسن سير مرفق العدالة والمحاكم والمؤسسات السجنية.",
      fr: "Veille au bon fonctionnement du service public de la justice, des tribunaux et des établissements pénitentiaires.",
      en: "Ensures the proper functioning of the justice system, the courts and the prisons.",
    },
    website: "https://www.justice.gov.tn",
  },
  {
    slug: "foreign-affairs",
    name: {
      ar: "وزارة الشؤون الخارجية والهجرة والتونسيين بالخارج",
      fr: "Ministère des Affaires étrangères, de la Migration et des Tunisiens à l'étranger",
      en: "Ministry of Foreign Affairs, Migration and Tunisians Abroad",
    },
    summary: {
      ar: "تدير العلاقات الخارجية للدولة وترعى مصالح التونسيين بالخارج وتسدي الخدمات القنصلية عبر البعثات الدبلوماسية.",
      fr: "Conduit la politique étrangère, protège les intérêts des Tunisiens à l'étranger et assure les services consulaires par l'intermédiaire des missions diplomatiques.",
      en: "Conducts foreign policy, looks after Tunisians abroad and provides consular services through diplomatic missions.",
    },
    website: "https://www.diplomatie.gov.tn",
  },
  {
    slug: "defence",
    name: {
      ar: "وزارة الدفاع الوطني",
      fr: "Ministère de la Défense nationale",
      en: "Ministry of National Defence",
    },
    summary: {
      ar: "تسهر على الدفاع عن حرمة التراب الوطني وتشرف على الجيش الوطني والخدمة الوطنية.",
      fr: "Assure la défense du territoire national et encadre l'armée nationale et le service national.",
      en: "Defends the national territory and oversees the national army and national service.",
    },
    website: "https://www.defense.tn",
  },
  {
    slug: "finance",
    name: {
      ar: "وزارة المالية",
      fr: "Ministère des Finances",
      en: "Ministry of Finance",
    },
    summary: {
      ar: "تعد ميزانية الدولة وتتولى الجباية والديوانة والمحاسبة العمومية.",
      fr: "Prépare le budget de l'État et gère la fiscalité, la douane et la comptabilité publique.",
      en: "Prepares the State budget and manages taxation, customs and public accounting.",
    },
    website: "https://www.finances.gov.tn",
  },
  {
    slug: "economy-planning",
    name: {
      ar: "وزارة الاقتصاد والتخطيط",
      fr: "Ministère de l'Économie et de la Planification",
      en: "Ministry of Economy and Planning",
    },
    summary: {
      ar: "تعد مخططات التنمية وتتابع الوضع الاقتصادي وتضبط سياسات الاستثمار.",
      fr: "Élabore les plans de développement, suit la conjoncture économique et définit la politique d'investissement.",
      en: "Prepares development plans, monitors the economy and sets investment policy.",
    },
  },
  {
    slug: "health",
    name: {
      ar: "وزارة الصحة",
      fr: "Ministère de la Santé",
      en: "Ministry of Health",
    },
    summary: {
      ar: "تضبط السياسة الصحية وتشرف على المستشفيات والمراكز الصحية العمومية وبرامج الوقاية.",
      fr: "Définit la politique de santé et supervise les hôpitaux, les centres de santé publics et les programmes de prévention.",
      en: "Sets health policy and oversees public hospitals, health centres and prevention programmes.",
    },
  },
  {
    slug: "education",
    name: {
      ar: "وزارة التربية",
      fr: "Ministère de l'Éducation",
      en: "Ministry of Education",
    },
    summary: {
      ar: "تشرف على التعليم الأساسي والثانوي والمؤسسات التربوية العمومية والامتحانات الوطنية.",
      fr: "Gère l'enseignement de base et secondaire, les établissements scolaires publics et les examens nationaux.",
      en: "Runs basic and secondary education, public schools and national examinations.",
    },
    website: "https://www.education.gov.tn",
  },
  {
    slug: "higher-education",
    name: {
      ar: "وزارة التعليم العالي والبحث العلمي",
      fr: "Ministère de l'Enseignement supérieur et de la Recherche scientifique",
      en: "Ministry of Higher Education and Scientific Research",
    },
    summary: {
      ar: "تشرف على الجامعات والبحث العلمي والتوجيه الجامعي والمنح والخدمات الجامعية.",
      fr: "Encadre les universités, la recherche scientifique, l'orientation universitaire ainsi que les bourses et services aux étudiants.",
      en: "Oversees universities, scientific research, university admissions and student grants and services.",
    },
    website: "https://www.mes.tn",
  },
  {
    slug: "agriculture",
    name: {
      ar: "وزارة الفلاحة والموارد المائية والصيد البحري",
      fr: "Ministère de l'Agriculture, des Ressources hydrauliques et de la Pêche maritime",
      en: "Ministry of Agriculture, Water Resources and Fisheries",
    },
    summary: {
      ar: "تشرف على القطاع الفلاحي والموارد المائية والغابات والصيد البحري وتساند الفلاحين والبحارة.",
      fr: "Encadre l'agriculture, les ressources en eau, les forêts et la pêche, et accompagne les agriculteurs et les pêcheurs.",
      en: "Oversees agriculture, water resources, forests and fisheries, and supports farmers and fishers.",
    },
    website: "https://www.agriculture.tn",
  },
  {
    slug: "industry",
    name: {
      ar: "وزارة الصناعة والمناجم والطاقة",
      fr: "Ministère de l'Industrie, des Mines et de l'Énergie",
      en: "Ministry of Industry, Mines and Energy",
    },
    summary: {
      ar: "تضبط سياسات الصناعة والمناجم والطاقة وتسهر على تزويد البلاد بالكهرباء والغاز والمحروقات.",
      fr: "Conduit les politiques industrielle, minière et énergétique et veille à l'approvisionnement du pays en électricité, gaz et hydrocarbures.",
      en: "Leads industrial, mining and energy policy and secures the country's supply of electricity, gas and fuel.",
    },
    website: "https://www.industrie.gov.tn",
  },
  {
    slug: "trade",
    name: {
      ar: "وزارة التجارة وتنمية الصادرات",
      fr: "Ministère du Commerce et du Développement des exportations",
      en: "Ministry of Trade and Export Development",
    },
    summary: {
      ar: "تنظم التجارة الداخلية وتراقب الأسعار وجودة المنتوجات وتحمي المستهلك وتدعم التصدير.",
      fr: "Organise le commerce intérieur, contrôle les prix et la qualité des produits, protège le consommateur et soutient les exportations.",
      en: "Regulates domestic trade, monitors prices and product quality, protects consumers and promotes exports.",
    },
    website: "https://www.commerce.gov.tn",
  },
  {
    slug: "social-affairs",
    name: {
      ar: "وزارة الشؤون الاجتماعية",
      fr: "Ministère des Affaires sociales",
      en: "Ministry of Social Affairs",
    },
    summary: {
      ar: "تسهر على الضمان الاجتماعي والنهوض الاجتماعي ورعاية الفئات الهشة والأشخاص ذوي الإعاقة وعلى علاقات الشغل.",
      fr: "Veille à la sécurité sociale, à la promotion sociale, à la protection des personnes vulnérables et handicapées et aux relations de travail.",
      en: "Handles social security, social assistance, support for vulnerable people and persons with disabilities, and labour relations.",
    },
    website: "https://www.social.gov.tn",
  },
  {
    slug: "transport",
    name: {
      ar: "وزارة النقل",
      fr: "Ministère du Transport",
      en: "Ministry of Transport",
    },
    summary: {
      ar: "تنظم النقل البري والحديدي والبحري والجوي وتشرف على رخص السياقة وتسجيل العربات.",
      fr: "Organise les transports terrestre, ferroviaire, maritime et aérien et encadre les permis de conduire et l'immatriculation des véhicules.",
      en: "Organises road, rail, sea and air transport and oversees driving licences and vehicle registration.",
    },
    website: "https://www.transport.tn",
  },
  {
    slug: "equipment-housing",
    name: {
      ar: "وزارة التجهيز والإسكان",
      fr: "Ministère de l'Équipement et de l'Habitat",
      en: "Ministry of Equipment and Housing",
    },
    summary: {
      ar: "تنجز الطرقات والمنشآت العمومية وتضبط سياسات الإسكان والتهيئة الترابية.",
      fr: "Réalise les routes et les ouvrages publics et conduit les politiques de l'habitat et de l'aménagement du territoire.",
      en: "Builds roads and public infrastructure and shapes housing and land-use planning policy.",
    },
    website: "https://www.equipement.tn",
  },
  {
    slug: "environment",
    name: {
      ar: "وزارة البيئة",
      fr: "Ministère de l'Environnement",
      en: "Ministry of Environment",
    },
    summary: {
      ar: "تسهر على حماية البيئة ومقاومة التلوث والتصرف في النفايات والمحافظة على الموارد الطبيعية.",
      fr: "Veille à la protection de l'environnement, à la lutte contre la pollution, à la gestion des déchets et à la préservation des ressources naturelles.",
      en: "Protects the environment, fights pollution, oversees waste management and preserves natural resources.",
    },
    website: "https://www.environnement.gov.tn",
  },
  {
    slug: "tourism",
    name: {
      ar: "وزارة السياحة",
      fr: "Ministère du Tourisme",
      en: "Ministry of Tourism",
    },
    summary: {
      ar: "تضبط السياسة السياحية وتراقب المؤسسات السياحية وتعمل على تثمين الصناعات التقليدية.",
      fr: "Définit la politique touristique, contrôle les établissements touristiques et valorise l'artisanat.",
      en: "Sets tourism policy, inspects tourist establishments and promotes handicrafts.",
    },
    website: "https://www.tourisme.gov.tn",
  },
  {
    slug: "cultural-affairs",
    name: {
      ar: "وزارة الشؤون الثقافية",
      fr: "Ministère des Affaires culturelles",
      en: "Ministry of Cultural Affairs",
    },
    summary: {
      ar: "تدعم الإبداع الثقافي وتشرف على دور الثقافة والمكتبات العمومية وتحمي التراث.",
      fr: "Soutient la création culturelle, gère les maisons de la culture et les bibliothèques publiques et protège le patrimoine.",
      en: "Supports cultural creation, runs cultural centres and public libraries, and protects heritage.",
    },
    website: "https://www.culture.gov.tn",
  },
  {
    slug: "youth-sports",
    name: {
      ar: "وزارة الشباب والرياضة",
      fr: "Ministère de la Jeunesse et des Sports",
      en: "Ministry of Youth and Sports",
    },
    summary: {
      ar: "تشرف على دور الشباب والهياكل الرياضية وتدعم الأنشطة الشبابية والرياضية.",
      fr: "Gère les maisons de jeunes, encadre le mouvement sportif et soutient les activités de jeunesse et de sport.",
      en: "Runs youth centres, oversees sports bodies and supports youth and sports activities.",
    },
  },
  {
    slug: "religious-affairs",
    name: {
      ar: "وزارة الشؤون الدينية",
      fr: "Ministère des Affaires religieuses",
      en: "Ministry of Religious Affairs",
    },
    summary: {
      ar: "تشرف على المساجد والجوامع والشؤون الدينية وتتولى تنظيم موسم الحج.",
      fr: "Gère les mosquées, encadre les affaires du culte et organise le pèlerinage à La Mecque.",
      en: "Manages mosques, oversees religious affairs and organises the Hajj pilgrimage.",
    },
  },
  {
    slug: "family",
    name: {
      ar: "وزارة الأسرة والمرأة والطفولة وكبار السن",
      fr: "Ministère de la Famille, de la Femme, de l'Enfance et des Personnes âgées",
      en: "Ministry of Family, Women, Children and Seniors",
    },
    summary: {
      ar: "تعمل على النهوض بالأسرة والمرأة وحماية الطفولة ورعاية كبار السن.",
      fr: "Œuvre à la promotion de la famille et de la femme, à la protection de l'enfance et à la prise en charge des personnes âgées.",
      en: "Promotes the family and women's rights, protects children and supports older people.",
    },
    website: "https://www.femmes.gov.tn",
  },
  {
    slug: "communication-technologies",
    name: {
      ar: "وزارة تكنولوجيات الاتصال",
      fr: "Ministère des Technologies de la communication",
      en: "Ministry of Communication Technologies",
    },
    summary: {
      ar: "تضبط سياسات الاتصالات والتحول الرقمي وتعمل على تطوير الخدمات الإدارية عن بعد.",
      fr: "Conduit la politique des télécommunications et de la transformation numérique et développe les services administratifs en ligne.",
      en: "Leads telecommunications and digital transformation policy and develops online public services.",
    },
    website: "https://www.mtc.gov.tn",
  },
  {
    slug: "employment",
    name: {
      ar: "وزارة التشغيل والتكوين المهني",
      fr: "Ministère de l'Emploi et de la Formation professionnelle",
      en: "Ministry of Employment and Vocational Training",
    },
    summary: {
      ar: "تعمل على دعم التشغيل والتكوين المهني عبر مكاتب التشغيل ومراكز التكوين وترافق باعثي المشاريع.",
      fr: "Favorise l'emploi et la formation professionnelle à travers les bureaux de l'emploi et les centres de formation, et accompagne les porteurs de projets.",
      en: "Promotes employment and vocational training through job offices and training centres, and supports entrepreneurs.",
    },
    website: "https://www.emploi.gov.tn",
  },
  {
    slug: "state-domains",
    name: {
      ar: "وزارة أملاك الدولة والشؤون العقارية",
      fr: "Ministère des Domaines de l'État et des Affaires foncières",
      en: "Ministry of State Domains and Land Affairs",
    },
    summary: {
      ar: "تتصرف في أملاك الدولة وتعمل على تسوية الوضعيات العقارية وتشرف على السجل العقاري.",
      fr: "Gère le domaine de l'État, régularise les situations foncières et supervise la conservation de la propriété foncière.",
      en: "Manages State property, settles land tenure issues and oversees the land registry.",
    },
  },
];

const MINISTRIES: ReadonlyArray<ReferenceStructure> = MINISTRY_ROWS.map(
  (row): ReferenceStructure => ({
    code: `min-${row.slug}`,
    kind: "ministry",
    parentCode: "pg",
    governorateCode: null,
    name: row.name,
    summary: row.summary,
    contact: row.website === undefined ? {} : { website: row.website },
  }),
);

// ---------------------------------------------------------------------------
// Regional and local structures (generated from the governorate table)
// ---------------------------------------------------------------------------

const governorateStructureCode = (code: GovernorateCode): string => `gov-${code.toLowerCase()}`;

const GOVERNORATE_STRUCTURES: ReadonlyArray<ReferenceStructure> = GOVERNORATE_ROWS.map(
  (gov): ReferenceStructure => {
    const city = CAPITALS[gov.code];
    return {
      code: governorateStructureCode(gov.code),
      kind: "governorate",
      parentCode: "min-interior",
      governorateCode: gov.code,
      name: {
        ar: `ولاية ${gov.name.ar}`,
        fr: `Gouvernorat ${city.frOf}`,
        en: `Governorate of ${gov.name.en}`,
      },
      summary: {
        ar: `تمثل الدولة في جهة ${gov.name.ar} وتنسق عمل المصالح الإدارية الجهوية وتتلقى مطالب المتساكنين وتشكياتهم.`,
        fr: `Représente l'État dans le gouvernorat ${city.frOf}, coordonne les services administratifs régionaux et reçoit les requêtes et réclamations des habitants.`,
        en: `Represents the State in the governorate of ${gov.name.en}, coordinates regional government services and handles residents' requests and complaints.`,
      },
      contact: {
        address: {
          ar: `مقر ولاية ${gov.name.ar}`,
          fr: `Siège du gouvernorat ${city.frOf}`,
          en: `Governorate headquarters, ${city.en}`,
        },
      },
    };
  },
);

const MUNICIPALITY_STRUCTURES: ReadonlyArray<ReferenceStructure> = GOVERNORATE_ROWS.map(
  (gov): ReferenceStructure => {
    const city = CAPITALS[gov.code];
    return {
      code: `mun-${gov.code.toLowerCase()}`,
      kind: "municipality",
      parentCode: governorateStructureCode(gov.code),
      governorateCode: gov.code,
      name: {
        ar: `بلدية ${city.ar}`,
        fr: `Municipalité ${city.frOf}`,
        en: `Municipality of ${city.en}`,
      },
      summary: {
        ar: `تسدي خدمات القرب لمتساكني مدينة ${city.ar} كالحالة المدنية ورخص البناء والنظافة والتنوير العمومي وصيانة الطرقات.`,
        fr: `Assure les services de proximité aux habitants ${city.frOf}, notamment l'état civil, les autorisations de bâtir, la propreté, l'éclairage public et l'entretien de la voirie.`,
        en: `Provides local services to the residents of ${city.en}, including civil registration, building permits, waste collection, street lighting and road maintenance.`,
      },
      contact: {
        address: {
          ar: `مقر بلدية ${city.ar}`,
          fr: `Siège de la municipalité ${city.frOf}`,
          en: `Municipal headquarters, ${city.en}`,
        },
      },
    };
  },
);

// ---------------------------------------------------------------------------
// Independent bodies
// ---------------------------------------------------------------------------

const INDEPENDENT_BODIES: ReadonlyArray<ReferenceStructure> = [
  {
    code: "inai",
    kind: "independent_body",
    parentCode: null,
    governorateCode: null,
    name: {
      ar: "هيئة النفاذ إلى المعلومة",
      fr: "Instance d'accès à l'information",
      en: "Access to Information Authority",
    },
    summary: {
      ar: "تسهر على ضمان حق النفاذ إلى المعلومة وتبت في الدعاوى المرفوعة إليها ضد الهياكل التي ترفض تمكين المواطنين منها.",
      fr: "Garantit le droit d'accès à l'information et statue sur les recours des citoyens contre les refus des organismes publics.",
      en: "Safeguards the right of access to information and rules on citizens' appeals against refusals by public bodies.",
    },
    contact: { website: "https://www.inai.tn" },
  },
  {
    // Activities suspended since August 2021 (premises closed by the
    // authorities); kept because its legal mandate has not been repealed.
    code: "inlucc",
    kind: "independent_body",
    parentCode: null,
    governorateCode: null,
    name: {
      ar: "الهيئة الوطنية لمكافحة الفساد",
      fr: "Instance nationale de lutte contre la corruption",
      en: "National Anti-Corruption Authority",
    },
    summary: {
      ar: "تتلقى التبليغات عن شبهات الفساد وتتقصى فيها وتحيلها على القضاء وتوفر الحماية للمبلغين.",
      fr: "Reçoit et instruit les signalements de corruption, les transmet à la justice et protège les lanceurs d'alerte.",
      en: "Receives and investigates corruption reports, refers them to the courts and protects whistleblowers.",
    },
    contact: {},
  },
  {
    code: "mediateur",
    kind: "independent_body",
    parentCode: null,
    governorateCode: null,
    name: {
      ar: "الموفق الإداري",
      fr: "Médiateur administratif",
      en: "Administrative Mediator",
    },
    summary: {
      ar: "ينظر في تشكيات المواطنين من الإدارة ويسعى إلى تسوية خلافاتهم معها بالتراضي.",
      fr: "Examine les réclamations des citoyens contre l'administration et recherche un règlement amiable de leurs différends.",
      en: "Examines citizens' complaints about the administration and seeks amicable settlements of their disputes.",
    },
    contact: {},
  },
];

// ---------------------------------------------------------------------------
// Full directory (parents always before children)
// ---------------------------------------------------------------------------

export const REFERENCE_STRUCTURES: ReadonlyArray<ReferenceStructure> = [
  PRESIDENCY,
  CENTRAL_OFFICE,
  ...MINISTRIES,
  ...GOVERNORATE_STRUCTURES,
  ...MUNICIPALITY_STRUCTURES,
  ...INDEPENDENT_BODIES,
];
