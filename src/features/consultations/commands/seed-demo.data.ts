import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { FlagReason } from "../../moderation/commands/moderate.js";
import type { Theme } from "../fields.js";

/** The demo consultations that seed-demo.ts creates, with their participants: data only. */

/** People who took part in the demo consultations (they cannot sign in: no password). */
export const DEMO_PARTICIPANTS: Array<{
  email: string;
  name: string;
  locale: "ar" | "fr" | "en";
  profile?: {
    residence: string | null;
    ageBand: "18_24" | "25_34" | "35_44" | "45_54" | "55_64" | "65_plus" | null;
    gender: "female" | "male" | null;
  };
}> = [
  {
    email: "amira.trabelsi@demo.sharek.tn",
    name: "أميرة الطرابلسي",
    locale: "ar",
    profile: { residence: "TN-11", ageBand: "25_34", gender: "female" },
  },
  {
    email: "hichem.bouazizi@demo.sharek.tn",
    name: "Hichem Bouazizi",
    locale: "fr",
    profile: { residence: "TN-11", ageBand: "45_54", gender: "male" },
  },
  {
    email: "sarra.khelifi@demo.sharek.tn",
    name: "Sarra Khelifi",
    locale: "fr",
    profile: { residence: "TN-12", ageBand: "18_24", gender: "female" },
  },
  { email: "mehdi.jlassi@demo.sharek.tn", name: "مهدي الجلاصي", locale: "ar" },
  {
    email: "ines.ferchichi@demo.sharek.tn",
    name: "Ines Ferchichi",
    locale: "en",
    profile: { residence: "abroad", ageBand: "35_44", gender: "female" },
  },
  {
    email: "nabil.gharsalli@demo.sharek.tn",
    name: "نبيل الغرسلّي",
    locale: "ar",
    profile: { residence: "TN-11", ageBand: "65_plus", gender: "male" },
  },
];

type Decision = "kept" | "changed" | "dropped";
type Answer = string | string[] | number;

export interface DemoConsultation {
  title: LocalizedText;
  summary: LocalizedText;
  body: LocalizedText;
  theme: Theme;
  area: "national" | "governorate" | "municipality";
  participation: "signed_in" | "identity_verified";
  /** Relative to today: negative in the past. */
  opensInDays: number;
  closesInDays: number;
  outcomeDueInDays?: number;
  sections: Array<{ title: LocalizedText; body: LocalizedText }>;
  questions: Array<{
    kind: "single" | "multiple" | "scale" | "short_text" | "long_text";
    prompt: LocalizedText;
    options?: LocalizedText[];
    required?: boolean;
  }>;
  /** `by`: a participant's index, or the structure's staff (an official answer). */
  comments: Array<{
    by: number | "staff";
    section?: number;
    replyTo?: number;
    alignment?: "for" | "against" | "neutral";
    body: string;
    supports?: number;
    daysAfterOpening: number;
    /** Hidden by the demo moderator, with this public reason. */
    hidden?: string;
    /** Reported by another participant, waiting in the moderators' queue. */
    flagged?: FlagReason;
  }>;
  /** Per participant (by index), the answers in question order ("o2": an option; a number: a scale value). */
  responses: Answer[][];
  outcome?: {
    summary: LocalizedText;
    decisions: Array<{ decision: Decision; reason: LocalizedText; link?: string; noLink?: LocalizedText }>;
  };
}

export const PARTICIPATORY_BUDGET: DemoConsultation = {
  title: {
    ar: "مشروع قرار بلدي يتعلّق بالميزانية التشاركية لبلدية تونس",
    fr: "Projet d’arrêté municipal relatif au budget participatif de la Commune de Tunis",
    en: "Draft municipal by-law on participatory budgeting in the Municipality of Tunis",
  },
  summary: {
    ar: "تقترح البلدية تخصيص جزء من ميزانية الاستثمار لمشاريع يقترحها المتساكنون ويصوّتون عليها. أبدِ رأيك في كل فصل.",
    fr: "La Commune propose de consacrer une part du budget d’investissement à des projets proposés et votés par les habitants. Donnez votre avis sur chaque article.",
    en: "The Municipality proposes to set aside part of its investment budget for projects that residents propose and vote on. Give your opinion on each article.",
  },
  body: {
    ar: "يضبط هذا المشروع قواعد الميزانية التشاركية: نسبة الميزانية المخصّصة، وطريقة تقديم المشاريع، والتصويت، ومتابعة الإنجاز. ستُعرض الصيغة النهائية على المجلس البلدي بعد دراسة كل المساهمات.",
    fr: "Ce projet fixe les règles du budget participatif : la part du budget concernée, le dépôt des projets, le vote et le suivi de la réalisation. La version finale sera soumise au conseil municipal après l’examen de toutes les contributions.",
    en: "This draft sets the rules of participatory budgeting: the share of the budget, how projects are proposed, the vote, and how delivery is followed. The final version will go to the municipal council once every contribution has been read.",
  },
  theme: "local_governance",
  area: "municipality",
  participation: "signed_in",
  opensInDays: -12,
  closesInDays: 18,
  outcomeDueInDays: 60,
  sections: [
    {
      title: { ar: "الفصل الأول: الموضوع", fr: "Article premier : Objet", en: "Article 1: Purpose" },
      body: {
        ar: "يهدف هذا القرار إلى تشريك متساكني بلدية تونس في اختيار جزء من مشاريع الاستثمار البلدي.",
        fr: "Le présent arrêté vise à associer les habitants de la Commune de Tunis au choix d’une partie des projets d’investissement municipaux.",
        en: "This by-law involves the residents of the Municipality of Tunis in choosing part of the municipal investment projects.",
      },
    },
    {
      title: { ar: "الفصل 2: المبلغ المخصّص", fr: "Article 2 : Montant", en: "Article 2: Amount" },
      body: {
        ar: "يُخصّص سنويًا 10 بالمائة على الأقل من ميزانية الاستثمار للمشاريع المختارة في إطار الميزانية التشاركية، موزّعة بين الدوائر البلدية حسب عدد السكان.",
        fr: "Au moins 10 % du budget d’investissement est consacré chaque année aux projets retenus au titre du budget participatif, répartis entre les arrondissements selon leur population.",
        en: "At least 10% of the investment budget is set aside each year for projects chosen through participatory budgeting, shared among the districts by population.",
      },
    },
    {
      title: {
        ar: "الفصل 3: تقديم المشاريع",
        fr: "Article 3 : Dépôt des projets",
        en: "Article 3: Proposing projects",
      },
      body: {
        ar: "يمكن لكل متساكن يبلغ من العمر 16 سنة على الأقل أن يقترح مشروعًا عبر بوابة «شارك» أو بمقرّ الدائرة البلدية، خلال الفترة الممتدة من 1 مارس إلى 30 أفريل.",
        fr: "Tout habitant âgé d’au moins 16 ans peut proposer un projet sur le portail Sharek ou au siège de l’arrondissement, du 1er mars au 30 avril.",
        en: "Any resident aged 16 or over may propose a project on the Sharek portal or at the district office, from 1 March to 30 April.",
      },
    },
    {
      title: { ar: "الفصل 4: التصويت", fr: "Article 4 : Vote", en: "Article 4: Vote" },
      body: {
        ar: "بعد الدراسة الفنية، تُعرض المشاريع القابلة للإنجاز على تصويت المتساكنين. يختار كل متساكن ثلاثة مشاريع على الأكثر في دائرته.",
        fr: "Après étude technique, les projets réalisables sont soumis au vote des habitants. Chaque habitant choisit au plus trois projets dans son arrondissement.",
        en: "After a technical review, feasible projects are put to the residents’ vote. Each resident chooses up to three projects in their district.",
      },
    },
    {
      title: { ar: "الفصل 5: المتابعة", fr: "Article 5 : Suivi", en: "Article 5: Follow-up" },
      body: {
        ar: "تنشر البلدية كل ثلاثة أشهر تقدّم إنجاز المشاريع المختارة وكلفتها الفعلية على بوابة «شارك».",
        fr: "La Commune publie chaque trimestre sur le portail Sharek l’avancement des projets retenus et leur coût réel.",
        en: "Every quarter, the Municipality publishes on Sharek the progress of the chosen projects and what they actually cost.",
      },
    },
  ],
  questions: [
    {
      kind: "single",
      prompt: {
        ar: "هل توافق على مبدأ الميزانية التشاركية؟",
        fr: "Approuvez-vous le principe du budget participatif ?",
        en: "Do you support participatory budgeting?",
      },
      options: [
        { ar: "نعم", fr: "Oui", en: "Yes" },
        { ar: "لا", fr: "Non", en: "No" },
        { ar: "بدون رأي", fr: "Sans avis", en: "No opinion" },
      ],
      required: true,
    },
    {
      kind: "multiple",
      prompt: {
        ar: "ما هي المجالات ذات الأولوية؟",
        fr: "Quels domaines sont prioritaires ?",
        en: "Which areas should come first?",
      },
      options: [
        { ar: "الطرقات والأرصفة", fr: "Voirie et trottoirs", en: "Roads and pavements" },
        { ar: "المساحات الخضراء", fr: "Espaces verts", en: "Green spaces" },
        { ar: "الإنارة العمومية", fr: "Éclairage public", en: "Street lighting" },
        {
          ar: "الفضاءات الرياضية والثقافية",
          fr: "Équipements sportifs et culturels",
          en: "Sports and cultural facilities",
        },
      ],
    },
    {
      kind: "scale",
      prompt: {
        ar: "إلى أيّ حدّ ستشارك في التصويت؟",
        fr: "Dans quelle mesure participerez-vous au vote ?",
        en: "How likely are you to vote?",
      },
      required: true,
    },
    { kind: "long_text", prompt: { ar: "ملاحظات أخرى", fr: "Autres remarques", en: "Other remarks" } },
  ],
  comments: [
    {
      by: 0,
      section: 1,
      alignment: "against",
      supports: 14,
      daysAfterOpening: 1,
      body: "نسبة 10 بالمائة ضعيفة. نقترح 20 بالمائة على الأقل حتى تكون للمشاريع قيمة حقيقية في الأحياء.",
    },
    {
      by: 1,
      section: 1,
      alignment: "for",
      supports: 6,
      daysAfterOpening: 2,
      body: "10 % est un bon début pour une première année. On pourra augmenter si l’expérience réussit.",
    },
    {
      by: "staff",
      replyTo: 0,
      daysAfterOpening: 3,
      body: "شكرًا على هذا المقترح. النسبة المقترحة هي حدّ أدنى، وسيدرس المجلس البلدي إمكانية الترفيع فيها بعد السنة الأولى.",
    },
    {
      by: 2,
      section: 2,
      alignment: "against",
      supports: 9,
      daysAfterOpening: 3,
      body: "Pourquoi 16 ans ? Les collégiens ont aussi des idées pour leurs quartiers, surtout pour les terrains de sport.",
    },
    {
      by: 4,
      section: 2,
      alignment: "neutral",
      supports: 4,
      daysAfterOpening: 4,
      body: "Residents living abroad who own a home in Tunis should be able to propose projects online too.",
    },
    {
      by: 3,
      replyTo: 3,
      daysAfterOpening: 5,
      body: "أوافق، ويمكن تنظيم ورشات في المعاهد لمساعدة التلاميذ على صياغة مشاريعهم.",
    },
    {
      by: 5,
      section: 3,
      alignment: "for",
      supports: 3,
      daysAfterOpening: 6,
      body: "ثلاثة مشاريع لكل متساكن عدد معقول. المهمّ أن يكون التصويت ممكنًا أيضًا بمقرّ الدائرة لكبار السن.",
    },
    {
      by: 1,
      alignment: "for",
      supports: 11,
      daysAfterOpening: 7,
      body: "Texte clair dans l’ensemble. Il faudrait préciser qui réalise l’étude technique et dans quel délai.",
    },
    {
      by: 0,
      section: 4,
      alignment: "for",
      supports: 5,
      daysAfterOpening: 8,
      body: "النشر كل ثلاثة أشهر ممتاز، مع صور للمشاريع قبل الإنجاز وبعده.",
    },
    {
      by: 3,
      section: 1,
      alignment: "against",
      daysAfterOpening: 6,
      body: "Les conseillers municipaux sont tous des voleurs, cet argent finira dans leurs poches.",
      hidden:
        "Accusation générale contre des personnes, sans lien avec le texte. La critique du texte reste bienvenue.",
    },
    {
      by: 2,
      section: 2,
      alignment: "neutral",
      daysAfterOpening: 9,
      body: "Offres spéciales sur les appartements neufs à La Marsa : www.promo-immo-tunis.xyz",
      flagged: "spam",
    },
  ],
  responses: [
    ["o1", ["o2", "o4"], 5, "أرجو أن تشمل المشاريع الأحياء الشعبية بالأولوية."],
    ["o1", ["o1", "o3"], 4, ""],
    ["o1", ["o4"], 3, "Des ateliers dans les lycées seraient utiles."],
    ["o3", ["o1"], 2, ""],
  ],
};

export const GREEN_PLAN: DemoConsultation = {
  title: {
    ar: "مخطّط المساحات الخضراء والتشجير بمدينة تونس 2026–2030",
    fr: "Plan des espaces verts et de plantation d’arbres de la ville de Tunis 2026–2030",
    en: "Green spaces and tree-planting plan for the city of Tunis, 2026–2030",
  },
  summary: {
    ar: "ثلاثة محاور لزيادة المساحات الخضراء وحمايتها: حدائق الأحياء، تشجير الأنهج، والريّ بالمياه المعالجة.",
    fr: "Trois axes pour étendre et protéger les espaces verts : jardins de quartier, arbres d’alignement et arrosage aux eaux traitées.",
    en: "Three strands to extend and protect green spaces: neighbourhood gardens, street trees, and watering with treated water.",
  },
  body: {},
  theme: "environment",
  area: "municipality",
  participation: "signed_in",
  opensInDays: -120,
  closesInDays: -60,
  sections: [
    {
      title: {
        ar: "المحور 1: حدائق الأحياء",
        fr: "Axe 1 : Jardins de quartier",
        en: "Strand 1: Neighbourhood gardens",
      },
      body: {
        ar: "إحداث حديقة عمومية لا تبعد أكثر من 10 دقائق مشيًا عن كل مسكن.",
        fr: "Créer un jardin public à moins de 10 minutes à pied de chaque logement.",
        en: "A public garden within a 10-minute walk of every home.",
      },
    },
    {
      title: {
        ar: "المحور 2: تشجير الأنهج",
        fr: "Axe 2 : Arbres d’alignement",
        en: "Strand 2: Street trees",
      },
      body: {
        ar: "غراسة 20 ألف شجرة على امتداد الأنهج الرئيسية خلال خمس سنوات.",
        fr: "Planter 20 000 arbres le long des grandes artères en cinq ans.",
        en: "Plant 20,000 trees along the main streets over five years.",
      },
    },
    {
      title: {
        ar: "المحور 3: الريّ بالمياه المعالجة",
        fr: "Axe 3 : Arrosage aux eaux traitées",
        en: "Strand 3: Watering with treated water",
      },
      body: {
        ar: "ريّ الحدائق العمومية بالمياه المعالجة بدل مياه الشرب.",
        fr: "Arroser les jardins publics avec des eaux usées traitées plutôt qu’avec l’eau potable.",
        en: "Water public gardens with treated wastewater instead of drinking water.",
      },
    },
  ],
  questions: [
    {
      kind: "single",
      prompt: {
        ar: "ما هو المحور الأكثر أولوية؟",
        fr: "Quel axe est le plus prioritaire ?",
        en: "Which strand matters most?",
      },
      options: [
        { ar: "حدائق الأحياء", fr: "Jardins de quartier", en: "Neighbourhood gardens" },
        { ar: "تشجير الأنهج", fr: "Arbres d’alignement", en: "Street trees" },
        { ar: "الريّ بالمياه المعالجة", fr: "Eaux traitées", en: "Treated water" },
      ],
      required: true,
    },
  ],
  comments: [
    {
      by: 0,
      section: 0,
      alignment: "for",
      supports: 8,
      daysAfterOpening: 2,
      body: "حديقة قريبة من كل مسكن ضرورية للأطفال ولكبار السن.",
    },
    {
      by: 1,
      section: 1,
      alignment: "against",
      supports: 12,
      daysAfterOpening: 5,
      body: "20 000 arbres, c’est bien, mais il faut choisir des essences adaptées à la sécheresse, pas des ficus.",
    },
    {
      by: 4,
      section: 2,
      alignment: "for",
      supports: 7,
      daysAfterOpening: 9,
      body: "Treated water is the only sustainable option given the drought. Publish the water-quality tests.",
    },
    {
      by: 5,
      section: 1,
      alignment: "neutral",
      supports: 2,
      daysAfterOpening: 12,
      body: "يجب صيانة الأشجار الموجودة قبل غراسة أشجار جديدة.",
    },
    {
      by: "staff",
      replyTo: 1,
      daysAfterOpening: 14,
      body: "Merci. La liste des essences sera établie avec l’Institut national de recherches en génie rural, eaux et forêts.",
    },
  ],
  responses: [["o1"], ["o2"], ["o1"], ["o3"], ["o3"]],
  outcome: {
    summary: {
      ar: "علّق أربعة متساكنين وأجاب خمسة عن الاستبيان. لقي مبدأ حدائق الأحياء والريّ بالمياه المعالجة دعمًا واسعًا، وطالب المشاركون باختيار أشجار تتحمّل الجفاف وبصيانة الأشجار الموجودة.",
      fr: "Quatre habitants ont commenté et cinq ont répondu au questionnaire. Les jardins de quartier et l’arrosage aux eaux traitées ont reçu un large soutien ; les participants ont demandé des essences résistantes à la sécheresse et l’entretien des arbres existants.",
      en: "Four residents commented and five answered the questionnaire. Neighbourhood gardens and watering with treated water were widely supported; participants asked for drought-resistant species and for existing trees to be looked after.",
    },
    decisions: [
      {
        decision: "kept",
        reason: {
          ar: "أُبقي على هدف حديقة على بعد 10 دقائق مشيًا، مع أولوية للأحياء الأقلّ تجهيزًا.",
          fr: "L’objectif d’un jardin à 10 minutes à pied est maintenu, en commençant par les quartiers les moins équipés.",
          en: "The 10-minute garden goal is kept, starting with the least-equipped neighbourhoods.",
        },
        link: "https://www.commune-tunis.gov.tn/deliberations/2026-plan-espaces-verts",
      },
      {
        decision: "changed",
        reason: {
          ar: "عُدّل المحور: 15 ألف شجرة من أنواع تتحمّل الجفاف، وبرنامج لصيانة 5 آلاف شجرة موجودة.",
          fr: "L’axe est modifié : 15 000 arbres d’essences résistantes à la sécheresse, et un programme d’entretien de 5 000 arbres existants.",
          en: "Changed: 15,000 drought-resistant trees, plus a care programme for 5,000 existing trees.",
        },
        link: "https://www.commune-tunis.gov.tn/deliberations/2026-plan-espaces-verts",
      },
      {
        decision: "kept",
        reason: {
          ar: "أُبقي على المحور، وستُنشر نتائج تحاليل جودة المياه كل ستة أشهر.",
          fr: "L’axe est maintenu ; les analyses de qualité de l’eau seront publiées tous les six mois.",
          en: "Kept; water-quality tests will be published every six months.",
        },
        noLink: {
          ar: "تنتظر الاتفاقية مع الديوان الوطني للتطهير مصادقة المجلس البلدي.",
          fr: "La convention avec l’Office national de l’assainissement attend l’approbation du conseil municipal.",
          en: "The agreement with the national sanitation office awaits the municipal council’s approval.",
        },
      },
    ],
  },
};

export const TERRACES: DemoConsultation = {
  title: {
    ar: "ميثاق استغلال الفضاء العمومي من قبل المقاهي",
    fr: "Charte d’occupation de l’espace public par les terrasses de cafés",
    en: "Charter for café terraces on public space",
  },
  summary: {
    ar: "كيف نوفّق بين حيوية المقاهي وحقّ المترجّلين في أرصفة خالية؟",
    fr: "Comment concilier l’animation des terrasses et le droit des piétons à des trottoirs dégagés ?",
    en: "How can lively terraces and pedestrians’ right to clear pavements go together?",
  },
  body: {},
  theme: "local_governance",
  area: "municipality",
  participation: "identity_verified",
  opensInDays: 10,
  closesInDays: 40,
  sections: [
    {
      title: {
        ar: "الفصل 1: عرض الرصيف",
        fr: "Article 1 : Largeur de trottoir",
        en: "Article 1: Pavement width",
      },
      body: {
        ar: "يُترك ممرّ لا يقلّ عرضه عن 1,40 متر للمترجّلين.",
        fr: "Un passage d’au moins 1,40 mètre est laissé libre pour les piétons.",
        en: "A passage at least 1.40 metres wide is left clear for pedestrians.",
      },
    },
    {
      title: { ar: "الفصل 2: الأوقات", fr: "Article 2 : Horaires", en: "Article 2: Hours" },
      body: {
        ar: "تُرفع التجهيزات من الرصيف بعد منتصف الليل.",
        fr: "Le mobilier est retiré du trottoir après minuit.",
        en: "Furniture is cleared from the pavement after midnight.",
      },
    },
  ],
  questions: [],
  comments: [],
  responses: [],
};
