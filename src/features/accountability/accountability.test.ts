import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { outboxMessages } from "../../core/mail/tables.js";
import { structures } from "../../core/structures/tables.js";
import {
  consultationComments,
  consultationOutcomes,
  consultationSections,
  consultationSyntheses,
  consultations,
} from "../consultations/tables.js";
import { results, resultUpdates } from "./tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));

/** A consultation of the home structure, closed, its outcome published with a decision per section. */
async function decidedConsultation() {
  const now = Date.now();
  const [c] = await db
    .insert(consultations)
    .values({
      structureId: home!.id,
      title: {
        ar: "استشارة حول النقل",
        fr: "Consultation sur les transports",
        en: "Consultation on transport",
      },
      summary: { fr: "Le plan de mobilité." },
      body: {},
      theme: "local_governance",
      area: "governorate",
      governorateCode: "TN-11",
      visibility: "published",
      publishedAt: new Date(now - 40 * 86_400_000),
      opensAt: new Date(now - 40 * 86_400_000),
      closesAt: new Date(now - 10 * 86_400_000),
      outcomePublishedAt: new Date(now - 2 * 86_400_000),
    })
    .returning();
  const sections = await db
    .insert(consultationSections)
    .values(
      [1, 2, 3].map((position) => ({
        consultationId: c!.id,
        position,
        title: { fr: `Article ${position}`, en: `Article ${position}` },
        body: { fr: "…" },
      })),
    )
    .returning();
  await db.insert(consultationSyntheses).values({
    consultationId: c!.id,
    summary: { fr: "Ce que nous avons entendu." },
    publishedAt: new Date(now - 2 * 86_400_000),
  });
  await db.insert(consultationOutcomes).values(
    sections.map((s, i) => ({
      consultationId: c!.id,
      sectionId: s.id,
      decision: (["kept", "changed", "dropped"] as const)[i]!,
      reason: { fr: `Motif ${i + 1}`, en: `Reason ${i + 1}` },
      finalTextUrl: "https://www.iort.gov.tn/",
    })),
  );
  return { c: c!, sections: sections.sort((a, b) => a.position - b.position) };
}

describe("results from a consultation's decisions", async () => {
  const { c, sections } = await decidedConsultation();
  const commenter = await createAccount(database, {
    email: "amel.commenter@example.tn",
    displayName: "Amel",
  });
  await db.insert(consultationComments).values({
    consultationId: c.id,
    sectionId: sections[0]!.id,
    authorId: commenter.id,
    body: "Plus de bus.",
  });
  const { agent: admin } = await signedInAgent(app, database, {
    roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
  });
  const page = `/en/admin/accountability/from-consultation/${c.id}`;
  let parentId = "";
  let childId = "";

  it("lists the decisions and makes one result per chosen section under one for the consultation", async () => {
    const form = await admin.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("article 1");
    expect((await admin.post(page, {})).statusCode).toBe(422);
    const made = await admin.post(page, { sections: [sections[0]!.id, sections[1]!.id] });
    expect(made.statusCode).toBe(303);
    parentId = /\/accountability\/([0-9a-f-]{36})/.exec(made.headers.location as string)![1]!;
    const [parent] = await db.select().from(results).where(eq(results.id, parentId));
    expect(parent).toMatchObject({
      origin: "consultation",
      originId: c.id,
      originSectionId: null,
      progress: 0,
    });
    expect(parent!.title.fr).toBe("Consultation sur les transports");
    const children = await db
      .select()
      .from(results)
      .where(eq(results.parentId, parentId))
      .orderBy(results.code);
    expect(children.map((r) => r.originSectionId)).toEqual([sections[0]!.id, sections[1]!.id]);
    expect(children[0]!.title.en).toBe("Article 1: kept");
    expect(children[1]!.description.en).toBe("Reason 2");
    childId = children[0]!.id;
    // Made once: the same sections again make nothing more.
    expect((await admin.post(page, { sections: sections[0]!.id })).statusCode).toBe(422);
    expect(await db.select().from(results).where(eq(results.originId, c.id))).toHaveLength(3);
  });

  it("moves a part to 40 %, its parent to the weighted mean, and mails who commented on the consultation", async () => {
    const before = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, commenter.email!));
    expect(before).toHaveLength(0);
    const bad = await admin.post(`/en/accountability/${childId}/updates`, {
      status: "in_progress",
      progress: "140",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("Enter a whole number from 0 to 100");
    expect(bad.body).toContain("Say what was done");
    const posted = await admin.post(`/en/accountability/${childId}/updates`, {
      status: "in_progress",
      progress: "40",
      bodyFr: "Les nouvelles lignes sont tracées.",
      bodyEn: "The new lines are drawn.",
      evidence: "Plan https://www.transtu.tn/plan",
    });
    expect(posted.statusCode).toBe(303);
    const [child] = await db.select().from(results).where(eq(results.id, childId));
    expect(child).toMatchObject({ status: "in_progress", progress: 40 });
    const [parent] = await db.select().from(results).where(eq(results.id, parentId));
    expect(parent!.progress).toBe(20); // (40 × 1 + 0 × 1) / 2
    const timeline = await db.select().from(resultUpdates).where(eq(resultUpdates.resultId, childId));
    const update = timeline.find((u) => u.progressAfter === 40)!;
    expect(update).toMatchObject({ progressBefore: 0, statusBefore: "planned", statusAfter: "in_progress" });
    expect(update.authorStructureId).toBe(home!.id);
    expect(update.evidence).toEqual([{ label: "Plan", url: "https://www.transtu.tn/plan" }]);
    const parentTimeline = await db.select().from(resultUpdates).where(eq(resultUpdates.resultId, parentId));
    expect(parentTimeline.some((u) => u.progressBefore === 0 && u.progressAfter === 20)).toBe(true);
    const [audited] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "accountability.update_posted"), eq(auditEvents.subjectId, childId)));
    expect(audited?.structureId).toBe(home!.id);
    const mails = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, commenter.email!));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("40");
    expect(mails[0]!.textBody).toContain(`/accountability/${childId}`);
    // The page shows the progress and the timeline.
    const shown = await new Agent(app).get(`/en/accountability/${childId}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('value="40"');
    expect(shown.body).toContain("Progress: 0 % → 40 %");
    expect(shown.body).toContain("The new lines are drawn.");
    expect(shown.body).toContain(`/consultations/${c.id}/sections/${sections[0]!.id}`);
  });

  it("shows the results and their progress under the consultation's “what we did”", async () => {
    const answer = await new Agent(app).get(`/en/consultations/${c.id}`);
    expect(answer.statusCode).toBe(200);
    const did = answer.body.slice(answer.body.indexOf('id="what-we-did"'));
    expect(did).toContain("What is being done: the results");
    expect(did).toContain(`/en/accountability/${childId}`);
    expect(did).toContain("Article 1: kept");
    expect(did).toContain("Progress: 40 %");
    expect(did).toContain("Progress: 20 %");
  });

  it("refuses the progress of a result computed from its parts", async () => {
    const refused = await admin.post(`/en/accountability/${parentId}/updates`, {
      status: "in_progress",
      progress: "90",
      bodyEn: "Trying.",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("computed from its parts");
  });

  it("is followable, and a follower's news goes through the subscriptions hub", async () => {
    const { agent: citizen, account } = await signedInAgent(app, database, {});
    await citizen.get(`/en/accountability/${childId}`);
    expect((await citizen.post(`/en/accountability/${childId}/follow`, { follow: "1" })).statusCode).toBe(
      303,
    );
    const page = await citizen.get(`/en/accountability/${childId}`);
    expect(page.body).toContain("Stop following");
    await admin.get(`/en/accountability/${childId}`);
    await admin.post(`/en/accountability/${childId}/updates`, { status: "delayed", bodyEn: "Held up." });
    const [follow] = await database.query<{ target: string }>(
      "select target from subscriptions where account_id = $1 and kind = 'result'",
      [account.id],
    );
    expect(follow?.target).toBe(childId);
    const notices = await database.query<{ title: { en: string } }>(
      "select title from notices where kind = 'result' and target = $1",
      [childId],
    );
    expect(notices.map((n) => n.title.en)).toContain("Article 1: kept: Delayed, 40 %");
  });
});
