import { inArray, sql } from "drizzle-orm";
import { accounts } from "../../core/auth/tables.js";
import type { LocalizedText } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import { PARTICIPATORY_BUDGET } from "../consultations/commands/seed-demo.data.js";
import { consultations } from "../consultations/tables.js";
import { recomputeOpinionMap } from "./commands/recompute.js";
import { markStale } from "./commands/statements.js";
import { syntheticVotes } from "./math/synthetic.js";
import { opinionStatements, opinionVotes } from "./tables.js";

/** Statements on the open demo consultation (participatory budgeting), in three languages. */
const STATEMENTS: LocalizedText[] = [
  {
    ar: "يجب أن تُخصَّص 10% على الأقل من ميزانية الاستثمار للميزانية التشاركية.",
    fr: "Au moins 10 % du budget d’investissement devrait aller au budget participatif.",
    en: "At least 10% of the investment budget should go to participatory budgeting.",
  },
  {
    ar: "يجب أن يكون التصويت على المشاريع إلكترونيًا فقط.",
    fr: "Le vote sur les projets devrait se faire uniquement en ligne.",
    en: "Voting on projects should be online only.",
  },
  {
    ar: "يجب أن تبقى مكاتب تصويت ورقية في كل دائرة بلدية.",
    fr: "Il faut garder des bureaux de vote papier dans chaque arrondissement.",
    en: "Paper polling stations should remain in every district.",
  },
  {
    ar: "يجب أن تكون الأولوية للأحياء الأقلّ تجهيزًا.",
    fr: "Les quartiers les moins équipés devraient passer en priorité.",
    en: "The least equipped neighbourhoods should come first.",
  },
  {
    ar: "يجب أن يحصل كل حيّ على نفس المبلغ.",
    fr: "Chaque quartier devrait recevoir le même montant.",
    en: "Every neighbourhood should receive the same amount.",
  },
  {
    ar: "يجب السماح للشباب من 16 سنة بالتصويت.",
    fr: "Les jeunes devraient pouvoir voter dès 16 ans.",
    en: "Young people should be able to vote from age 16.",
  },
  {
    ar: "يجب أن تقدّم الجمعيات فقط المشاريع، لا الأفراد.",
    fr: "Seules les associations devraient pouvoir déposer des projets, pas les particuliers.",
    en: "Only associations, not individuals, should be able to submit projects.",
  },
  {
    ar: "يجب نشر تقدّم إنجاز كل مشروع كل ثلاثة أشهر.",
    fr: "L’avancement de chaque projet devrait être publié tous les trois mois.",
    en: "Progress on every project should be published every three months.",
  },
  {
    ar: "يجب أن تذهب الأموال أولًا إلى الطرقات والإنارة.",
    fr: "L’argent devrait d’abord aller aux routes et à l’éclairage.",
    en: "The money should go to roads and lighting first.",
  },
  {
    ar: "المساحات الخضراء وملاعب الأطفال أهمّ من الطرقات.",
    fr: "Les espaces verts et les aires de jeux comptent plus que les routes.",
    en: "Green spaces and playgrounds matter more than roads.",
  },
  {
    ar: "يجب أن يدرس خبراء البلدية جدوى كل مشروع قبل التصويت.",
    fr: "Les services municipaux devraient vérifier la faisabilité de chaque projet avant le vote.",
    en: "Municipal staff should check each project's feasibility before the vote.",
  },
  {
    ar: "يجب أن يشارك المتساكنون في متابعة الأشغال.",
    fr: "Les habitants devraient participer au suivi des travaux.",
    en: "Residents should take part in overseeing the works.",
  },
];

const VOTERS = 150;

/**
 * An opinion map on the open demo consultation: the statements above and the votes of 150 demo
 * voters (accounts that cannot sign in) in three camps, then one computation so the groups show.
 */
export async function seedDemoOpinionMap(db: Db): Promise<string[]> {
  const [c] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(sql`${consultations.title}->>'fr' = ${PARTICIPATORY_BUDGET.title.fr ?? ""}`);
  if (!c) return [];
  const statements = [];
  const now = Date.now();
  for (const [j, body] of STATEMENTS.entries()) {
    const [row] = await db
      .insert(opinionStatements)
      .values({
        consultationId: c.id,
        body,
        seeded: true,
        status: "approved",
        createdAt: new Date(now - (60 - j) * 60_000),
      })
      .returning({ id: opinionStatements.id });
    statements.push(row!.id);
  }
  const emails = Array.from({ length: VOTERS }, (_, i) => `opinion-voter-${i + 1}@demo.sharek.tn`);
  await db
    .insert(accounts)
    .values(
      emails.map((email, i) => ({
        email,
        emailVerifiedAt: new Date(),
        displayName: `Voter ${i + 1}`,
        locale: (["ar", "fr", "en"] as const)[i % 3],
      })),
    )
    .onConflictDoNothing();
  const voters = await db
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(inArray(accounts.email, emails));
  const idOf = new Map(voters.map((v) => [v.email, v.id]));
  const log = syntheticVotes({
    participants: VOTERS,
    statements: STATEMENTS.length,
    density: 0.8,
    camps: 3,
    seed: 2026,
    loyalty: 0.85,
  });
  const seen = new Set<string>();
  const rows = [];
  for (let e = 0; e < log.vote.length; e++) {
    const accountId = idOf.get(emails[log.participant[e] as number] as string);
    const statementId = statements[log.statement[e] as number] as string;
    if (!accountId || seen.has(`${accountId}:${statementId}`)) continue;
    seen.add(`${accountId}:${statementId}`);
    rows.push({ statementId, accountId, consultationId: c.id, vote: log.vote[e] as number });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(opinionVotes).values(rows.slice(i, i + 500));
  await markStale(db, c.id);
  await recomputeOpinionMap(db, c.id);
  return [`Demo opinion map: ${STATEMENTS.length} statements, ${VOTERS} voters.`];
}
