import { asc, eq } from "drizzle-orm";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import type { Db } from "../../../db/client.js";
import { consultationComments, consultationSections } from "../tables.js";
import { splitParagraphs } from "./anchor.js";
import { consultationAmendmentSupports, consultationAmendments } from "./tables.js";
import { ensureFirstVersion, publishVersion } from "./versions.js";

const DAY = 24 * 3600_000;

/** Article 2 of the demo by-law once the Arabic amendment was accepted with the team's changes. */
const ARTICLE_2: LocalizedText = {
  ar: "يُخصّص سنويًا 12 بالمائة على الأقل من ميزانية الاستثمار للمشاريع المختارة في إطار الميزانية التشاركية، موزّعة بين الدوائر البلدية حسب عدد السكان مع مراعاة حاجيات الأحياء الأقلّ تجهيزًا.",
  fr: "Au moins 12 % du budget d’investissement est consacré chaque année aux projets retenus au titre du budget participatif, répartis entre les arrondissements selon leur population et les besoins des quartiers les moins équipés.",
  en: "At least 12% of the investment budget is set aside each year for projects chosen through participatory budgeting, shared among the districts by population and the needs of the least equipped neighbourhoods.",
};

/**
 * Drafting together on the demo's open by-law (participatory budgeting): a comment on a passage of
 * article 1, three amendments (one in each language: accepted with changes, still proposed,
 * rejected with a reason), supports, and version 2 of the text with the accepted one in place, so
 * the comparison of versions and "what we did" have something to show.
 */
export async function seedDemoDrafting(
  db: Db,
  c: { id: string; opensAt: Date },
  people: readonly string[],
  admin: string | null,
): Promise<void> {
  const sections = await db
    .select()
    .from(consultationSections)
    .where(eq(consultationSections.consultationId, c.id))
    .orderBy(asc(consultationSections.position));
  const [article1, article2, article3, article4] = sections;
  if (!article1 || !article2 || !article3 || !article4 || people.length < 6) return;
  const at = (days: number) => new Date(c.opensAt.getTime() + days * DAY);
  await ensureFirstVersion(db, c.id, at(0));

  // A comment on the words "متساكني بلدية تونس" of article 1, in Arabic.
  const paragraph = splitParagraphs(article1.body.ar ?? "")[0] ?? "";
  const quote = "متساكني بلدية تونس";
  const start = paragraph.indexOf(quote);
  if (start >= 0)
    await db.insert(consultationComments).values({
      consultationId: c.id,
      sectionId: article1.id,
      authorId: people[1]!,
      body: "من يعمل أو يدرس في تونس دون أن يسكن فيها يستعمل طرقاتها وحدائقها أيضًا: أقترح أن يشمله هذا الفصل.",
      alignment: "neutral",
      anchor: { version: 1, lang: "ar", paragraph: 0, quote, start, end: start + quote.length },
      createdAt: at(2),
    });

  const amendment = (
    section: typeof article1,
    lang: keyof LocalizedText,
    author: string,
    proposed: string,
    reason: string,
    days: number,
  ) => ({
    consultationId: c.id,
    sectionId: section.id,
    paragraph: 0,
    lang,
    baseVersion: 1,
    original: splitParagraphs(section.body[lang] ?? "")[0] ?? "",
    proposed,
    reason,
    authorId: author,
    createdAt: at(days),
  });
  const [accepted, open, rejected] = await db
    .insert(consultationAmendments)
    .values([
      amendment(
        article2,
        "ar",
        people[0]!,
        "يُخصّص سنويًا 15 بالمائة على الأقل من ميزانية الاستثمار للمشاريع المختارة في إطار الميزانية التشاركية، موزّعة بين الدوائر البلدية حسب عدد السكان مع مراعاة حاجيات الأحياء الأقلّ تجهيزًا.",
        "نسبة 10 بالمائة لا تكفي لمشاريع ذات أثر في كل الدوائر، والأحياء الأقلّ تجهيزًا تحتاج إلى نصيب أكبر.",
        1,
      ),
      amendment(
        article4,
        "fr",
        people[3]!,
        "Après étude technique, les projets réalisables sont soumis au vote des habitants. Chaque habitant choisit au plus cinq projets dans son arrondissement.",
        "Trois projets, c’est peu quand un arrondissement en présente une vingtaine : cinq choix laissent une chance aux petits projets de quartier.",
        4,
      ),
      amendment(
        article3,
        "en",
        people[5]!,
        "Any resident aged 15 or over may propose a project on the Sharek portal or at the district office, from 1 February to 30 April.",
        "Secondary-school pupils of 15 run many neighbourhood projects, and two months is short for a group to prepare a proposal.",
        6,
      ),
    ])
    .returning();
  const supports = [
    [accepted!.id, people[1]!],
    [accepted!.id, people[2]!],
    [accepted!.id, people[4]!],
    [open!.id, people[4]!],
    [open!.id, people[0]!],
  ] as const;
  await db
    .insert(consultationAmendmentSupports)
    .values(
      supports.map(([amendmentId, accountId], i) => ({ amendmentId, accountId, createdAt: at(7 + i) })),
    );
  for (const [row, count] of [
    [accepted!, 3],
    [open!, 2],
  ] as const)
    await db
      .update(consultationAmendments)
      .set({ supportCount: count })
      .where(eq(consultationAmendments.id, row.id));

  await db
    .update(consultationAmendments)
    .set({
      status: "accepted_with_changes",
      acceptedText: ARTICLE_2.ar,
      decisionReason:
        "قبلنا مراعاة حاجيات الأحياء الأقلّ تجهيزًا، ورفعنا النسبة إلى 12 بالمائة، وهو أقصى ما تسمح به ميزانية الاستثمار لهذه السنة.",
      decidedBy: admin,
      decidedAt: at(9),
    })
    .where(eq(consultationAmendments.id, accepted!.id));
  await db
    .update(consultationAmendments)
    .set({
      status: "rejected",
      decisionReason:
        "We keep 16, the age from which residents may also vote on the projects, and the proposal period set by the municipal calendar.",
      decidedBy: admin,
      decidedAt: at(9),
    })
    .where(eq(consultationAmendments.id, rejected!.id));
  // The drafting team carries the accepted wording into the French and English texts too; version 2
  // puts the Arabic one in place.
  await db
    .update(consultationSections)
    .set({ body: { ...article2.body, fr: ARTICLE_2.fr, en: ARTICLE_2.en } })
    .where(eq(consultationSections.id, article2.id));
  await publishVersion(db, c.id, {
    by: admin,
    note: {
      ar: "النسخة 2: الفصل 2 يرفع النسبة المخصّصة إلى 12 بالمائة ويراعي حاجيات الأحياء الأقلّ تجهيزًا، إثر تعديل اقترحه أحد المتساكنين.",
      fr: "Version 2 : l’article 2 porte la part réservée à 12 % et tient compte des besoins des quartiers les moins équipés, à la suite d’un amendement proposé par un habitant.",
      en: "Version 2: article 2 raises the share to 12% and takes account of the least equipped neighbourhoods, following an amendment a resident proposed.",
    },
  });
}
