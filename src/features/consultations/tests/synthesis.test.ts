import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { accountProfiles } from "../../accounts/tables.js";
import { consultationAmendments } from "../drafting/tables.js";
import { computeFigures } from "../synthesis.js";
import { consultationAnswers, consultationComments, consultationResponses } from "../tables.js";
import { createTestConsultation } from "../testing.js";

const { app, database } = await createTestApp();
const db = database.db;

/**
 * The fixture, and what a person counts by hand from it:
 * - A (Tunis, 25–34, woman) comments on the whole text (for; 2 supports) and on section 1 (against),
 *   and answers single o1, multiple o1+o2, scale 4, short text.
 * - B (abroad, 35–44, man) comments on section 1 (for), replies to A there, and answers single o2,
 *   multiple o2, scale 5.
 * - C (a consenting profile that left every answer blank) comments on section 2 (neutral).
 * - D (no statistics profile) comments on section 2 (against).
 * - E (Ariana, 18–24, woman) only answers: single o1, scale 2.
 * - F's comment on section 2 (for, 5 supports) is hidden: not counted, and F is not a participant.
 * - The structure's official reply to C is not counted as a contribution, and its author not as a participant.
 */
describe("synthesis figures", () => {
  it("match the values counted by hand on a fixture", async () => {
    const { consultation: c, sections, questions } = await createTestConsultation(db, { phase: "analysis" });
    const [a, b, cc, d, e, f, staff] = await Promise.all(
      Array.from({ length: 7 }, () => createAccount(database)),
    );
    await db.insert(accountProfiles).values([
      { accountId: a!.id, residence: "TN-11", ageBand: "25_34", gender: "female", consentedAt: new Date() },
      { accountId: b!.id, residence: "abroad", ageBand: "35_44", gender: "male", consentedAt: new Date() },
      { accountId: cc!.id, consentedAt: new Date() },
      { accountId: e!.id, residence: "TN-12", ageBand: "18_24", gender: "female", consentedAt: new Date() },
    ]);
    const comment = async (values: Partial<typeof consultationComments.$inferInsert>) =>
      (
        await db
          .insert(consultationComments)
          .values({ consultationId: c.id, body: "…", ...values })
          .returning()
      )[0]!;
    const [s1, s2] = [sections[0]!.id, sections[1]!.id];
    await comment({ authorId: a!.id, alignment: "for", supportCount: 2 });
    const aOnS1 = await comment({ authorId: a!.id, sectionId: s1, alignment: "against" });
    await comment({ authorId: b!.id, sectionId: s1, alignment: "for" });
    await comment({ authorId: b!.id, sectionId: s1, parentId: aOnS1.id, rootId: aOnS1.id, depth: 1 });
    const cOnS2 = await comment({ authorId: cc!.id, sectionId: s2, alignment: "neutral" });
    await comment({ authorId: d!.id, sectionId: s2, alignment: "against" });
    // Hidden by a moderator, or still held for review: not counted.
    await comment({
      authorId: f!.id,
      sectionId: s2,
      alignment: "for",
      moderationState: "hidden",
      supportCount: 5,
    });
    await comment({ authorId: f!.id, sectionId: s1, alignment: "against", moderationState: "held" });
    await comment({
      authorId: staff!.id,
      sectionId: s2,
      parentId: cOnS2.id,
      rootId: cOnS2.id,
      depth: 1,
      official: true,
    });

    const [single, multiple, scale, short] = questions;
    const respond = async (
      accountId: string,
      answers: Array<Partial<typeof consultationAnswers.$inferInsert>>,
    ) => {
      const [r] = await db
        .insert(consultationResponses)
        .values({ consultationId: c.id, accountId })
        .returning();
      await db
        .insert(consultationAnswers)
        .values(answers.map((x) => ({ responseId: r!.id, questionId: x.questionId!, ...x })));
    };
    await respond(a!.id, [
      { questionId: single!.id, choices: ["o1"] },
      { questionId: multiple!.id, choices: ["o1", "o2"] },
      { questionId: scale!.id, scale: 4 },
      { questionId: short!.id, text: "Lafayette" },
    ]);
    await respond(b!.id, [
      { questionId: single!.id, choices: ["o2"] },
      { questionId: multiple!.id, choices: ["o2"] },
      { questionId: scale!.id, scale: 5 },
    ]);
    await respond(e!.id, [
      { questionId: single!.id, choices: ["o1"] },
      { questionId: scale!.id, scale: 2 },
    ]);

    const figures = await computeFigures(db, c.id);
    const nonZero = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

    expect(figures.participants).toBe(5);
    expect(figures.contributions).toBe(6);
    expect(figures.officialAnswers).toBe(1);
    expect(figures.supports).toBe(2);
    const none = { passages: 0, amendments: 0, amendmentsAccepted: 0 };
    expect(figures.sections).toEqual([
      { sectionId: null, comments: 1, for: 1, against: 0, neutral: 0, replies: 0, ...none },
      { sectionId: s1, comments: 2, for: 1, against: 1, neutral: 0, replies: 1, ...none },
      { sectionId: s2, comments: 2, for: 0, against: 1, neutral: 1, replies: 0, ...none },
      { sectionId: sections[2]!.id, comments: 0, for: 0, against: 0, neutral: 0, replies: 0, ...none },
    ]);
    expect(figures.amendments).toBe(0);
    expect(figures.profiles.withProfile).toBe(4);
    expect(figures.profiles.withoutProfile).toBe(1);
    expect(nonZero(figures.profiles.residence)).toEqual({ "TN-11": 1, "TN-12": 1, abroad: 1, unstated: 1 });
    expect(nonZero(figures.profiles.ageBand)).toEqual({ "18_24": 1, "25_34": 1, "35_44": 1, unstated: 1 });
    expect(figures.profiles.gender).toEqual({ female: 2, male: 1, unstated: 1 });
    // Every governorate has its row, even at zero, and so does "abroad".
    expect(Object.keys(figures.profiles.residence)).toHaveLength(24 + 2);

    expect(figures.questionnaire.respondents).toBe(3);
    const byQuestion = Object.fromEntries(figures.questionnaire.questions.map((q) => [q.questionId, q]));
    expect(byQuestion[single!.id]).toMatchObject({
      answered: 3,
      counts: { o1: 2, o2: 1, o3: 0 },
      mean: null,
    });
    expect(byQuestion[multiple!.id]).toMatchObject({ answered: 2, counts: { o1: 1, o2: 2, o3: 0 } });
    expect(byQuestion[scale!.id]).toMatchObject({
      answered: 3,
      counts: { "1": 0, "2": 1, "3": 0, "4": 1, "5": 1 },
      mean: 3.67,
    });
    expect(byQuestion[short!.id]).toMatchObject({ answered: 1, counts: {} });
    expect(byQuestion[questions[4]!.id]).toMatchObject({ answered: 0 });
  });

  it("count passage comments and amendments, by section, and show them on the results page", async () => {
    const { consultation: c, sections } = await createTestConsultation(db, {
      phase: "analysis",
      structure: "mun-tn-11",
    });
    const [a, b, held] = await Promise.all(Array.from({ length: 3 }, () => createAccount(database)));
    const [s1, s2] = [sections[0]!.id, sections[1]!.id];
    const anchor = { version: 1, lang: "ar", paragraph: 0, quote: "…", start: 0, end: 1 };
    await db.insert(consultationComments).values([
      { consultationId: c.id, sectionId: s1, authorId: a!.id, body: "…", alignment: "against", anchor },
      { consultationId: c.id, sectionId: s1, authorId: b!.id, body: "…", alignment: "for" },
    ]);
    const amendment = (values: Partial<typeof consultationAmendments.$inferInsert>) => ({
      consultationId: c.id,
      sectionId: s1,
      paragraph: 0,
      lang: "ar",
      baseVersion: 1,
      original: "نص",
      proposed: "نص آخر",
      reason: "…",
      ...values,
    });
    await db.insert(consultationAmendments).values([
      // B only proposes an amendment: a participant all the same.
      amendment({ authorId: b!.id, status: "accepted", supportCount: 3 }),
      amendment({ authorId: a!.id, sectionId: s2, status: "rejected", supportCount: 1 }),
      amendment({ authorId: a!.id, sectionId: s2, status: "accepted_with_changes" }),
      // Held for review: neither counted nor its author a participant.
      amendment({ authorId: held!.id, moderationState: "held", supportCount: 9 }),
    ]);

    const figures = await computeFigures(db, c.id);
    expect(figures.participants).toBe(2);
    expect(figures.contributions).toBe(2);
    expect(figures.amendments).toBe(3);
    expect(figures.amendmentSupports).toBe(4);
    expect(figures.sections.find((s) => s.sectionId === s1)).toMatchObject({
      comments: 2,
      passages: 1,
      amendments: 1,
      amendmentsAccepted: 1,
    });
    expect(figures.sections.find((s) => s.sectionId === s2)).toMatchObject({
      amendments: 2,
      amendmentsAccepted: 1,
    });

    const admin = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
    });
    const page = await admin.agent.get(`/en/admin/consultations/${c.id}/results`);
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("3 amendments proposed");
    expect(text).toContain("4 supports for amendments");
    expect(text).toContain("Amendments accepted");
  });
});
