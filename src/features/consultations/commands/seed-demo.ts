import { eq, inArray } from "drizzle-orm";
import { findAccountByEmail } from "../../../core/auth/accounts.js";
import { accounts } from "../../../core/auth/tables.js";
import type { LocalizedText } from "../../../core/i18n/localized.js";
import { structures } from "../../../core/structures/tables.js";
import type { Db } from "../../../db/client.js";
import { accountProfiles } from "../../accounts/tables.js";
import { seedDemoFlags, seedDemoHidden } from "../../moderation/commands/seed-demo-moderation.js";
import { addFollow } from "../../subscriptions/commands.js";
import { seedDemoDrafting } from "../drafting/seed-demo.js";
import { phaseOf } from "../phase.js";
import { computeFigures } from "../synthesis.js";
import {
  consultationAnswers,
  consultationComments,
  consultationOutcomes,
  consultationQuestions,
  consultationResponses,
  consultationSections,
  consultationSyntheses,
  consultations,
  type QuestionOption,
} from "../tables.js";
import {
  DEMO_PARTICIPANTS,
  type DemoConsultation,
  GREEN_PLAN,
  PARTICIPATORY_BUDGET,
  TERRACES,
} from "./seed-demo.data.js";

const DAY = 24 * 3600_000;

/** The demo participants: accounts that cannot sign in (no password), with consenting statistics profiles. */
async function participants(db: Db): Promise<string[]> {
  const emails = DEMO_PARTICIPANTS.map((p) => p.email);
  const existing = await db.select().from(accounts).where(inArray(accounts.email, emails));
  const ids: string[] = [];
  for (const p of DEMO_PARTICIPANTS) {
    let id = existing.find((a) => a.email === p.email)?.id;
    if (!id) {
      const [row] = await db
        .insert(accounts)
        .values({ email: p.email, emailVerifiedAt: new Date(), displayName: p.name, locale: p.locale })
        .returning({ id: accounts.id });
      id = row!.id;
      if (p.profile)
        await db
          .insert(accountProfiles)
          .values({ accountId: id, ...p.profile, consentedAt: new Date() })
          .onConflictDoNothing();
    }
    ids.push(id);
  }
  return ids;
}

async function insertConsultation(
  db: Db,
  demo: DemoConsultation,
  ids: {
    structure: string;
    municipality: string | null;
    admin: string | null;
    people: string[];
    staff: string | null;
    moderator: string | null;
  },
) {
  const now = Date.now();
  const [c] = await db
    .insert(consultations)
    .values({
      structureId: ids.structure,
      title: demo.title,
      summary: demo.summary,
      body: demo.body,
      theme: demo.theme,
      area: demo.area,
      governorateCode: demo.area === "national" ? null : "TN-11",
      municipalityId: demo.area === "municipality" ? ids.municipality : null,
      participation: demo.participation,
      visibility: "published",
      publishedAt: new Date(now + (demo.opensInDays - 7) * DAY),
      opensAt: new Date(now + demo.opensInDays * DAY),
      closesAt: new Date(now + demo.closesInDays * DAY),
      outcomeDueAt: demo.outcomeDueInDays === undefined ? null : new Date(now + demo.outcomeDueInDays * DAY),
      createdBy: ids.admin,
      createdAt: new Date(now + (demo.opensInDays - 10) * DAY),
    })
    .returning();
  const sections = await db
    .insert(consultationSections)
    .values(
      demo.sections.map((s, i) => ({ consultationId: c!.id, position: i + 1, title: s.title, body: s.body })),
    )
    .returning();
  const questions =
    demo.questions.length === 0
      ? []
      : await db
          .insert(consultationQuestions)
          .values(
            demo.questions.map((q, i) => ({
              consultationId: c!.id,
              position: i + 1,
              kind: q.kind,
              prompt: q.prompt,
              options: (q.options ?? []).map((label, n): QuestionOption => ({ id: `o${n + 1}`, label })),
              scaleMin: q.kind === "scale" ? 1 : null,
              scaleMax: q.kind === "scale" ? 5 : null,
              required: q.required ?? false,
            })),
          )
          .returning();

  // Comments, in order, each `daysAfterOpening` after it opened; replies point to an earlier one.
  const inserted: Array<{ id: string; rootId: string | null; depth: number; sectionId: string | null }> = [];
  for (const comment of demo.comments) {
    const parent = comment.replyTo === undefined ? null : inserted[comment.replyTo]!;
    const official = comment.by === "staff";
    const [row] = await db
      .insert(consultationComments)
      .values({
        consultationId: c!.id,
        sectionId: parent
          ? parent.sectionId
          : comment.section === undefined
            ? null
            : sections[comment.section]!.id,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth: parent ? parent.depth + 1 : 0,
        authorId: official ? ids.staff : ids.people[comment.by as number]!,
        body: comment.body,
        alignment: parent ? null : (comment.alignment ?? "neutral"),
        official,
        supportCount: comment.supports ?? 0,
        moderationState: comment.hidden ? "hidden" : "visible",
        moderationReason: comment.hidden ?? null,
        createdAt: new Date(now + (demo.opensInDays + comment.daysAfterOpening) * DAY),
      })
      .returning();
    const item = { kind: "consultation_comment", itemId: row!.id, authorId: row!.authorId };
    if (comment.hidden) await seedDemoHidden(db, item, comment.hidden, ids.moderator);
    if (comment.flagged)
      await seedDemoFlags(db, item, [{ reporterId: ids.people[0]!, reason: comment.flagged }], 1);
    inserted.push({ id: row!.id, rootId: row!.rootId, depth: row!.depth, sectionId: row!.sectionId });
  }

  for (const [person, answers] of demo.responses.entries()) {
    const [response] = await db
      .insert(consultationResponses)
      .values({ consultationId: c!.id, accountId: ids.people[person]! })
      .returning();
    await db.insert(consultationAnswers).values(
      answers.map((a, i) => ({
        responseId: response!.id,
        questionId: questions[i]!.id,
        choices: typeof a === "string" && a.startsWith("o") ? [a] : Array.isArray(a) ? a : null,
        scale: typeof a === "number" ? a : null,
        text: typeof a === "string" && !a.startsWith("o") ? a : null,
      })),
    );
  }

  if (demo.outcome) {
    const publishedAt = new Date(now + (demo.closesInDays + 20) * DAY);
    await db.insert(consultationSyntheses).values({
      consultationId: c!.id,
      summary: demo.outcome.summary,
      figures: (await computeFigures(db, c!.id, publishedAt)) as unknown as Record<string, unknown>,
      publishedAt,
      publishedBy: ids.admin,
    });
    await db.insert(consultationOutcomes).values(
      demo.outcome.decisions.map((d, i) => ({
        consultationId: c!.id,
        sectionId: sections[i]!.id,
        decision: d.decision,
        reason: d.reason,
        finalTextUrl: d.link ?? null,
        noLinkReason: d.noLink ?? null,
      })),
    );
    await db
      .update(consultations)
      .set({ outcomePublishedAt: publishedAt })
      .where(eq(consultations.id, c!.id));
  }
  return c!;
}

/**
 * Three consultations of the Municipality of Tunis, run by its demo structure admin, in ar/fr/en:
 * one open (participatory budgeting, with comments, replies, an official answer, answers to its
 * questionnaire, a passage comment, amendments and a second version of its text), one closed with its synthesis and decision published, and one announced.
 */
export async function seedDemoConsultations(db: Db): Promise<string[]> {
  const [tunis] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(eq(structures.code, "mun-tn-11"));
  if (!tunis) return [];
  const staff = await db
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(
      inArray(accounts.email, [
        "structure-admin@demo.sharek.tn",
        "agent@demo.sharek.tn",
        "moderator@demo.sharek.tn",
      ]),
    );
  const admin = staff.find((s) => s.email === "structure-admin@demo.sharek.tn")?.id ?? null;
  const moderator = staff.find((s) => s.email === "moderator@demo.sharek.tn")?.id ?? null;
  const agent = staff.find((s) => s.email === "agent@demo.sharek.tn")?.id ?? admin;
  const people = await participants(db);
  const ids = { structure: tunis.id, municipality: tunis.id, admin, people, staff: agent, moderator };
  const titles: LocalizedText[] = [];
  const citizen = await findAccountByEmail(db, "citizen@demo.sharek.tn");
  for (const demo of [PARTICIPATORY_BUDGET, GREEN_PLAN, TERRACES]) {
    const c = await insertConsultation(db, demo, ids);
    titles.push(c.title);
    if (demo === PARTICIPATORY_BUDGET) await seedDemoDrafting(db, c, people, admin);
    // The demo citizen follows the open one (news in their weekly digest, as they chose).
    if (citizen && phaseOf(c) === "open") await addFollow(db, citizen.id, "consultation", c.id);
  }
  return [`Demo consultations: ${titles.map((t) => t.en).join("; ")}.`];
}
