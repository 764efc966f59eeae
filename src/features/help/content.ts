import type { LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { helpArticles } from "./tables.js";

interface Article {
  slug: string;
  kind: "guide" | "faq";
  title: LocalizedText;
  body: LocalizedText;
}

/** The help centre every installation starts with; platform admins edit it from then on. */
export const HELP_ARTICLES: Article[] = [
  {
    slug: "take-part",
    kind: "guide",
    title: { ar: "كيف تشارك", fr: "Comment participer", en: "How to take part" },
    body: {
      ar: "تتيح لك منصة شارك أن تُسمع صوتك في القرارات العمومية.\n\n## ما يمكنك فعله\n\n- **الاستشارات العمومية**: اقرأ مشاريع النصوص وعلّق على كل فصل منها.\n- **صندوق الأفكار**: اقترح فكرة على هيكل عمومي وادعم أفكار غيرك.\n- **الفعاليات**: سجّل في الأيام الإعلامية والدورات التكوينية في ولايتك أو عن بعد.\n\n## قبل أن تبدأ\n\n1. أنشئ حسابًا ببريدك الإلكتروني، أو بالهوية الرقمية الوطنية.\n2. اختر ما تريد متابعته: هيكلًا أو ولاية أو محورًا.\n3. اختر متى تصلك الأخبار: فورًا أو في ملخص يومي أو أسبوعي.\n\nكل مساهمة تُنشر باسمك المعروض، ويمكنك حذف حسابك متى شئت.",
      fr: "Sharek vous permet de faire entendre votre voix dans les décisions publiques.\n\n## Ce que vous pouvez faire\n\n- **Consultations publiques** : lisez les projets de textes et commentez chaque article.\n- **Boîte à idées** : proposez une idée à une structure publique et soutenez celles des autres.\n- **Événements** : inscrivez-vous aux journées d’information et aux formations dans votre gouvernorat ou en ligne.\n\n## Avant de commencer\n\n1. Créez un compte avec votre courriel, ou avec l’identité numérique nationale.\n2. Choisissez ce que vous voulez suivre : une structure, un gouvernorat ou un thème.\n3. Choisissez quand recevoir les nouvelles : tout de suite, ou dans un résumé quotidien ou hebdomadaire.\n\nChaque contribution est publiée sous votre nom affiché, et vous pouvez supprimer votre compte à tout moment.",
      en: "Sharek lets you have your say in public decisions.\n\n## What you can do\n\n- **Public consultations**: read draft texts and comment on each article.\n- **Idea box**: propose an idea to a public structure and support other people’s ideas.\n- **Events**: register for information days and trainings in your governorate or online.\n\n## Before you start\n\n1. Create an account with your email, or with the national digital identity.\n2. Choose what to follow: a structure, a governorate or a theme.\n3. Choose when news reaches you: at once, or in a daily or weekly digest.\n\nEvery contribution is published under your display name, and you can delete your account at any time.",
    },
  },
  {
    slug: "file-a-request",
    kind: "guide",
    title: {
      ar: "كيف تقدّم مطلبًا وتتابعه",
      fr: "Déposer une requête et la suivre",
      en: "How to file and follow a request",
    },
    body: {
      ar: "يمكنك أن ترسل إلى أي هيكل عمومي إشعارًا بمشكل أو شكوى أو مقترحًا أو مطلب إرشاد أو مطلب نفاذ إلى المعلومة.\n\n## الخطوات\n\n1. اختر نوع المطلب من صفحة **قدّم مطلبًا**.\n2. ابحث عن الهيكل المعني. إن لم تعرفه، اختر «لا أعرف» وسيوجّهه المكتب المركزي.\n3. صف المشكل بوضوح، وأضف صورة إن لزم.\n4. اختر كيف نتصل بك، أو أرسل المطلب دون أي بيانات اتصال.\n\n## المتابعة\n\nتحصل على مرجع المطلب (مثل EC-2026-000123) ورمز المتابعة من 8 أرقام ورابط متابعة. احفظها، أو اطبع الوصل: بها ترى كل رد وتجيب عن الأسئلة. دون الرابط، افتح صفحة **تابع مطلبك** واكتب مرجع المطلب ورمز المتابعة.\n\nللهيكل أجل قانوني للرد. إن لم يُرضك الرد، يمكنك إعادة فتح المطلب أو التظلم.",
      fr: "Vous pouvez adresser à toute structure publique un signalement, une réclamation, une suggestion, une demande d’orientation ou une demande d’accès à l’information.\n\n## Les étapes\n\n1. Choisissez le type de requête sur la page **Déposer une requête**.\n2. Cherchez la structure concernée. Si vous ne la connaissez pas, choisissez « Je ne sais pas » : le Bureau central l’orientera.\n3. Décrivez le problème clairement, avec une photo si besoin.\n4. Choisissez comment vous joindre, ou envoyez sans aucune coordonnée.\n\n## Le suivi\n\nVous recevez une référence (comme EC-2026-000123), un code de suivi de 8 chiffres et un lien de suivi. Gardez-les, ou imprimez le reçu : ils vous montrent chaque réponse et vous permettent de répondre aux questions. Sans le lien, ouvrez la page **Suivre ma requête** et saisissez la référence et le code de suivi.\n\nLa structure a un délai légal pour répondre. Si la réponse ne vous satisfait pas, vous pouvez rouvrir la requête ou faire appel.",
      en: "You can send any public structure a notice, a complaint, a suggestion, a request for guidance or an access-to-information request.\n\n## The steps\n\n1. Choose the kind of request on the **File a request** page.\n2. Find the structure concerned. If you do not know it, choose “I don’t know”: the Central Office will route it.\n3. Describe the problem clearly, with a photo if it helps.\n4. Choose how to reach you, or send it with no contact details at all.\n\n## Following it\n\nYou get a reference (like EC-2026-000123), an 8-digit follow code and a follow-up link. Keep them, or print the receipt: they show you every answer and let you reply to questions. Without the link, open the **Follow my request** page and type the reference and the follow code.\n\nThe structure has a legal deadline to answer. If the answer does not satisfy you, you can reopen the request or appeal.",
    },
  },
  {
    slug: "report-corruption-safely",
    kind: "guide",
    title: {
      ar: "كيف تبلّغ عن الفساد بأمان",
      fr: "Signaler la corruption en toute sécurité",
      en: "How to report corruption safely",
    },
    body: {
      ar: "قناة النزاهة منفصلة عن بقية المنصة، وصُمّمت لحمايتك.\n\n## ما يحميك\n\n- لا حاجة إلى حساب، ولا نحفظ عنوان IP ولا نوع متصفحك.\n- يُشفَّر بلاغك بحيث لا يقرؤه إلا أعوان النزاهة المعنيون.\n- تُزال البيانات الوصفية من الصور والوثائق المرفقة.\n\n## نصائح\n\n1. استعمل إن أمكن جهازًا وشبكة غير جهاز العمل وشبكته.\n2. لا تذكر في البلاغ ما يكشف هويتك إلا إن أردت ذلك.\n3. احفظ **رمز الإيصال** المكوّن من 16 رقمًا في مكان آمن: لا يمكن استرجاعه، وبه وحده تتابع بلاغك وتجيب عن الأسئلة.\n\nابدأ من صفحة **الإبلاغ عن الفساد**.",
      fr: "Le canal d’intégrité est séparé du reste de la plateforme et conçu pour vous protéger.\n\n## Ce qui vous protège\n\n- Aucun compte n’est nécessaire, et nous ne gardons ni adresse IP ni type de navigateur.\n- Votre signalement est chiffré pour que seuls les agents d’intégrité concernés puissent le lire.\n- Les métadonnées des photos et documents joints sont retirées.\n\n## Conseils\n\n1. Si possible, utilisez un appareil et un réseau autres que ceux de votre travail.\n2. N’écrivez rien qui vous identifie, sauf si vous le souhaitez.\n3. Gardez le **code de reçu** de 16 chiffres en lieu sûr : il ne peut pas être retrouvé, et lui seul permet de suivre votre signalement et de répondre aux questions.\n\nCommencez par la page **Signaler la corruption**.",
      en: "The integrity channel is separate from the rest of the platform and built to protect you.\n\n## What protects you\n\n- No account is needed, and we keep neither your IP address nor your browser type.\n- Your report is encrypted so that only the integrity officers concerned can read it.\n- Metadata is stripped from attached photos and documents.\n\n## Advice\n\n1. If you can, use a device and a network other than your work’s.\n2. Write nothing that identifies you, unless you want to.\n3. Keep the 16-digit **receipt code** somewhere safe: it cannot be recovered, and only it lets you follow your report and answer questions.\n\nStart from the **Report corruption** page.",
    },
  },
  {
    slug: "agents-handbook",
    kind: "guide",
    title: { ar: "دليل الأعوان", fr: "Manuel des agents", en: "Agents’ handbook" },
    body: {
      ar: "هذا الدليل موجّه إلى أعوان الهياكل العمومية.\n\n## الدخول\n\nيحتاج كل عون إلى المصادقة الثنائية (رمز TOTP). فعّلها عند أول دخول واحفظ رموز الاسترجاع.\n\n## قائمة المطالب\n\n- تُرتَّب المطالب حسب الأجل؛ ابدأ بالأقرب.\n- استعمل **نماذج الردود** للأسئلة المتكررة، وعدّلها حسب كل حالة.\n- إن لم يكن المطلب من اختصاصكم، **أحله** إلى الهيكل المختص مع تعليل.\n- اطلب معلومات إضافية من المواطن عند الحاجة: يتوقف الأجل إلى أن يجيب.\n\n## الفعاليات\n\nيرى الأعوان قائمة المسجّلين ويسجّلون الحضور من صفحة الفعالية في فضاء الإدارة.\n\n## القاعدة الذهبية\n\nردّ واضح ومهذّب وفي الأجل، حتى لو كان الجواب «لسنا الجهة المختصة».",
      fr: "Ce manuel s’adresse aux agents des structures publiques.\n\n## Se connecter\n\nChaque agent a besoin de la double authentification (code TOTP). Activez-la à la première connexion et gardez les codes de secours.\n\n## La file des requêtes\n\n- Les requêtes sont triées par échéance : commencez par la plus proche.\n- Utilisez les **modèles de réponse** pour les questions fréquentes, et adaptez-les à chaque cas.\n- Si la requête ne relève pas de votre structure, **transférez-la** à la structure compétente en motivant.\n- Demandez des précisions au citoyen si besoin : le délai est suspendu jusqu’à sa réponse.\n\n## Les événements\n\nLes agents voient la liste des inscrits et marquent les présences depuis la page de l’événement dans l’administration.\n\n## La règle d’or\n\nUne réponse claire, courtoise et dans les délais, même si c’est « nous ne sommes pas compétents ».",
      en: "This handbook is for staff of public structures.\n\n## Signing in\n\nEvery agent needs two-factor authentication (a TOTP code). Turn it on at the first sign-in and keep the recovery codes.\n\n## The request queue\n\n- Requests are sorted by deadline: start with the nearest.\n- Use **reply templates** for frequent questions, and adapt them to each case.\n- If a request is not for your structure, **transfer** it to the competent one, with a reason.\n- Ask the citizen for more information when needed: the clock stops until they answer.\n\n## Events\n\nAgents see who registered and mark attendance from the event’s page in the admin area.\n\n## The golden rule\n\nA clear, polite answer within the deadline, even when it is “this is not for us”.",
    },
  },
  {
    slug: "faq-account",
    kind: "faq",
    title: { ar: "هل أحتاج إلى حساب؟", fr: "Ai-je besoin d’un compte ?", en: "Do I need an account?" },
    body: {
      ar: "لا لتقديم مطلب أو للإبلاغ عن الفساد. نعم للتعليق على الاستشارات، واقتراح الأفكار، والتسجيل في الفعاليات، ومتابعة الأخبار.",
      fr: "Non pour déposer une requête ou signaler la corruption. Oui pour commenter les consultations, proposer des idées, s’inscrire aux événements et suivre l’actualité.",
      en: "Not to file a request or report corruption. Yes to comment on consultations, propose ideas, register for events and follow news.",
    },
  },
  {
    slug: "faq-lost-reference",
    kind: "faq",
    title: {
      ar: "أضعت رابط متابعة مطلبي، ماذا أفعل؟",
      fr: "J’ai perdu le lien de suivi de ma requête : que faire ?",
      en: "I lost my request’s follow-up link: what can I do?",
    },
    body: {
      ar: "إن قدّمت المطلب وأنت متصل بحسابك، تجده في «مطالبي». وإن تركت بريدًا إلكترونيًا، ابحث عن رسالة التأكيد. وفي كل الحالات، افتح صفحة **تابع مطلبك** واكتب مرجع المطلب ورمز المتابعة المذكورين في الوصل. أما المطلب المجهول الذي أضعت مرجعه أو رمز متابعته فلا يمكن استرجاعه: قدّم مطلبًا جديدًا مع ذكر المرجع إن كنت تعرفه.",
      fr: "Si vous étiez connecté·e, la requête est dans « Mes requêtes ». Si vous avez laissé un courriel, cherchez le message de confirmation. Dans tous les cas, ouvrez la page **Suivre ma requête** et saisissez la référence et le code de suivi figurant sur votre reçu. Une requête anonyme dont vous avez perdu la référence ou le code de suivi ne peut pas être retrouvée : déposez-en une nouvelle en citant la référence si vous la connaissez.",
      en: "If you were signed in, the request is under “My requests”. If you left an email address, look for the confirmation message. In every case, open the **Follow my request** page and type the reference and the follow code from your receipt. An anonymous request whose reference or follow code you lost cannot be recovered: file a new one, quoting the reference if you know it.",
    },
  },
  {
    slug: "faq-waiting-list",
    kind: "faq",
    title: {
      ar: "كيف تعمل قائمة الانتظار في الفعاليات؟",
      fr: "Comment fonctionne la liste d’attente des événements ?",
      en: "How does an event’s waiting list work?",
    },
    body: {
      ar: "عندما تكتمل الأماكن، تنضم إلى قائمة الانتظار حسب ترتيب وصولك. إذا ألغى أحد تسجيله، يأخذ أول المنتظرين مكانه تلقائيًا ويصله بريد إلكتروني.",
      fr: "Quand les places sont prises, vous rejoignez la liste d’attente dans l’ordre d’arrivée. Si quelqu’un annule, la première personne en attente prend sa place automatiquement et reçoit un courriel.",
      en: "When the places are taken, you join the waiting list in order of arrival. If someone cancels, the first person waiting takes the place automatically and gets an email.",
    },
  },
  {
    slug: "faq-stop-mails",
    kind: "faq",
    title: {
      ar: "كيف أوقف الرسائل الإلكترونية؟",
      fr: "Comment arrêter les courriels ?",
      en: "How do I stop the emails?",
    },
    body: {
      ar: "كل نشرة إخبارية تحتوي على رابط إلغاء الاشتراك بنقرة واحدة. ويمكنك أيضًا تغيير وتيرة الرسائل أو إيقافها من صفحة «متابعاتي».",
      fr: "Chaque lettre d’information contient un lien de désabonnement en un clic. Vous pouvez aussi changer le rythme des courriels ou les arrêter depuis la page « Mes abonnements ».",
      en: "Every newsletter has a one-click unsubscribe link. You can also change how often emails come, or stop them, from the “What I follow” page.",
    },
  },
];

/** Adds the starting guides and questions that are missing; never overwrites an admin's edits. */
export async function seedHelpArticles(db: Db): Promise<void> {
  for (const [position, article] of HELP_ARTICLES.entries()) {
    await db
      .insert(helpArticles)
      .values({ ...article, position })
      .onConflictDoNothing({ target: helpArticles.slug });
  }
}
