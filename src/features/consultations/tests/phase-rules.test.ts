import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { createTestApp } from "../../../../test/app.js";
import { accounts } from "../../../core/auth/tables.js";
import {
  consultationAnswers,
  consultationCommentSupports,
  consultationComments,
  consultationResponses,
  consultations,
} from "../tables.js";
import { createTestConsultation, type TestPhase } from "../testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

async function rows(consultationId: string) {
  const n = async (t: typeof consultationComments | typeof consultationResponses) =>
    (await db.select({ n: count() }).from(t).where(eq(t.consultationId, consultationId)))[0]!.n;
  const [supports] = await db.select({ n: count() }).from(consultationCommentSupports);
  const [answers] = await db.select({ n: count() }).from(consultationAnswers);
  return {
    comments: await n(consultationComments),
    responses: await n(consultationResponses),
    supports: supports!.n,
    answers: answers!.n,
  };
}

function answers(questions: Array<{ id: string; kind: string }>) {
  const form: Record<string, string | string[]> = {};
  for (const q of questions) {
    if (q.kind === "single") form[`q-${q.id}`] = "o1";
    if (q.kind === "multiple") form[`q-${q.id}`] = ["o1", "o3"];
    if (q.kind === "scale") form[`q-${q.id}`] = "4";
    if (q.kind === "short_text") form[`q-${q.id}`] = "Lafayette";
  }
  return form;
}

describe("phase rules", () => {
  it.each([
    ["announced", "pas encore ouverte"],
    ["analysis", "est close"],
  ] as Array<[TestPhase, string]>)(
    "refuse comments, replies, supports and answers in the %s phase with a clear message, storing nothing",
    async (phase, message) => {
      const { consultation, sections, questions } = await createTestConsultation(db, { phase });
      // A comment written while it was open, to reply to and to support.
      const [earlier] = await db
        .insert(consultationComments)
        .values({ consultationId: consultation.id, body: "Avant", alignment: "for" })
        .returning();
      const before = await rows(consultation.id);
      const { agent } = await signedInAgent(app, database);
      const base = `/fr/consultations/${consultation.id}`;
      const attempts = [
        await agent.post(`${base}/comments`, { body: "Mon avis sur le texte", alignment: "for" }),
        await agent.post(`${base}/comments`, {
          body: "Sur l’article",
          alignment: "against",
          sectionId: sections[0]!.id,
        }),
        await agent.post(`${base}/comments`, { body: "Une réponse", parentId: earlier!.id }),
        await agent.post(`${base}/comments/${earlier!.id}/support`, {
          back: `/consultations/${consultation.id}`,
        }),
        await agent.post(`${base}/questionnaire`, answers(questions)),
      ];
      for (const response of attempts) {
        expect(response.statusCode).toBe(409);
        expect(response.body).toContain(message);
      }
      expect(await rows(consultation.id)).toEqual(before);
    },
  );

  it("accept a comment, a reply, a support and one questionnaire response while open", async () => {
    const { consultation, sections, questions } = await createTestConsultation(db, { phase: "open" });
    const { agent, account } = await signedInAgent(app, database);
    const base = `/fr/consultations/${consultation.id}`;
    const created = await agent.post(`${base}/comments`, {
      body: "L’article 1 est trop vague.",
      alignment: "against",
      sectionId: sections[0]!.id,
    });
    expect(created.statusCode).toBe(303);
    const [comment] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.authorId, account.id));
    expect(comment).toMatchObject({
      sectionId: sections[0]!.id,
      alignment: "against",
      depth: 0,
      official: false,
    });
    expect(created.headers.location).toBe(`${base}/sections/${sections[0]!.id}#comment-${comment!.id}`);

    const reply = await agent.post(`${base}/comments`, {
      body: "Je précise ma pensée.",
      parentId: comment!.id,
    });
    expect(reply.statusCode).toBe(303);
    const support = await agent.post(`${base}/comments/${comment!.id}/support`, {
      back: `/consultations/${consultation.id}/sections/${sections[0]!.id}`,
    });
    expect(support.statusCode).toBe(303);
    expect(support.headers.location).toBe(`${base}/sections/${sections[0]!.id}#comment-${comment!.id}`);
    const [supported] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.id, comment!.id));
    expect(supported!.supportCount).toBe(1);

    const first = await agent.post(`${base}/questionnaire`, answers(questions));
    expect(first.statusCode).toBe(303);
    const again = await agent.post(`${base}/questionnaire`, answers(questions));
    expect(again.statusCode).toBe(409);
    const [n] = await db
      .select({ n: count() })
      .from(consultationResponses)
      .where(eq(consultationResponses.consultationId, consultation.id));
    expect(n!.n).toBe(1);
  });

  it("refuse a missing required answer or alignment with 422 and the values kept", async () => {
    const { consultation } = await createTestConsultation(db, { phase: "open" });
    const { agent } = await signedInAgent(app, database);
    const base = `/fr/consultations/${consultation.id}`;
    const noAlignment = await agent.post(`${base}/comments`, { body: "Texte sans position" });
    expect(noAlignment.statusCode).toBe(422);
    expect(noAlignment.body).toContain("Choisissez votre position sur le texte");
    expect(noAlignment.body).toContain("Texte sans position");
    const empty = await agent.post(`${base}/questionnaire`, {});
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain("Répondez à cette question");
    expect((await rows(consultation.id)).responses).toBe(0);
  });

  it("let only identity-verified people take part when the consultation asks for it", async () => {
    const { consultation } = await createTestConsultation(db, {
      phase: "open",
      participation: "identity_verified",
    });
    const base = `/fr/consultations/${consultation.id}`;
    const { agent } = await signedInAgent(app, database);
    const refused = await agent.post(`${base}/comments`, { body: "Mon avis", alignment: "neutral" });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("identité est vérifiée");
    const verified = await signedInAgent(app, database);
    await db
      .update(accounts)
      .set({ identityVerifiedAt: new Date() })
      .where(eq(accounts.id, verified.account.id));
    const accepted = await verified.agent.post(`${base}/comments`, {
      body: "Mon avis",
      alignment: "neutral",
    });
    expect(accepted.statusCode).toBe(303);
  });

  it("mark a reply from the consulting structure's staff as official, and stop replies at depth 3", async () => {
    const { consultation } = await createTestConsultation(db, { phase: "open", structure: "gov-tn-11" });
    const base = `/fr/consultations/${consultation.id}`;
    const citizen = await signedInAgent(app, database);
    const staff = await signedInAgent(app, database, { roles: [{ structure: "gov-tn-11", role: "agent" }] });
    await citizen.agent.post(`${base}/comments`, { body: "Question au gouvernorat", alignment: "neutral" });
    let [parent] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.consultationId, consultation.id));
    for (let depth = 1; depth <= 3; depth++) {
      const who = depth === 1 ? staff : citizen;
      expect(
        (await who.agent.post(`${base}/comments`, { body: `Réponse ${depth}`, parentId: parent!.id }))
          .statusCode,
      ).toBe(303);
      [parent] = await db
        .select()
        .from(consultationComments)
        .where(eq(consultationComments.body, `Réponse ${depth}`));
      expect(parent!.depth).toBe(depth);
      expect(parent!.official).toBe(depth === 1);
    }
    const tooDeep = await citizen.agent.post(`${base}/comments`, { body: "Réponse 4", parentId: parent!.id });
    expect(tooDeep.statusCode).toBe(422);
    const thread = await citizen.agent.get(`${base}/comments/${parent!.rootId}`);
    expect(thread.body).toContain("Réponse officielle");
  });

  it("close a consultation that takes no more comments at once", async () => {
    const { consultation } = await createTestConsultation(db, { phase: "open" });
    await db
      .update(consultations)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(consultations.id, consultation.id));
    const { agent } = await signedInAgent(app, database);
    const response = await agent.post(`/fr/consultations/${consultation.id}/comments`, {
      body: "Trop tard",
      alignment: "for",
    });
    expect(response.statusCode).toBe(409);
    expect((await rows(consultation.id)).comments).toBe(0);
  });
});
