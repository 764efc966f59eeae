import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { Agent, createTestApp } from "../../../../test/app.js";
import { mailsTo } from "../../../../test/mail.js";
import { auditEvents } from "../../../core/audit/tables.js";
import { saveModerationRules } from "../../moderation/rules.js";
import { moderationItems } from "../../moderation/tables.js";
import { consultationAmendments } from "../drafting/tables.js";
import { computeFigures } from "../synthesis.js";
import { consultationComments } from "../tables.js";
import { createTestConsultation } from "../testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const OPEN_RULES = { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 };
await saveModerationRules(db, OPEN_RULES);
const { agent: moderator } = await signedInAgent(app, database, {
  roles: [{ structure: "gov-tn-11", role: "moderator" }],
});

async function latestComment(consultationId: string) {
  const rows = await db
    .select()
    .from(consultationComments)
    .where(eq(consultationComments.consultationId, consultationId));
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
}

describe("moderation of consultation comments", () => {
  it("queues a flagged comment; hiding needs a reason, leaves a tombstone, tells the author, and can be undone", async () => {
    const { consultation: c, sections } = await createTestConsultation(db, { phase: "open" });
    const page = `/fr/consultations/${c.id}/sections/${sections[0]!.id}`;
    const { agent: author, account } = await signedInAgent(app, database, {
      email: "auteur.consult@example.tn",
    });
    await author.post(`/fr/consultations/${c.id}/comments`, {
      body: "Les élus de ce conseil sont tous des escrocs.",
      alignment: "against",
      sectionId: sections[0]!.id,
    });
    const rude = await latestComment(c.id);

    const { agent: reader } = await signedInAgent(app, database);
    const shown = (await reader.get(page)).body;
    expect(shown).toContain(`/fr/flag/consultation_comment/${rude.id}`);
    // Nobody signed in: no report link.
    expect((await new Agent(app).get(page)).body).not.toContain("/flag/consultation_comment/");
    expect(
      (await reader.post(`/fr/flag/consultation_comment/${rude.id}`, { reason: "abuse" })).statusCode,
    ).toBe(303);

    const queue = await moderator.get("/fr/moderation");
    expect(queue.body).toContain("Commentaire sur une consultation (1)");
    expect(queue.body).toContain("Les élus de ce conseil sont tous des escrocs.");

    const noReason = await moderator.post(`/fr/moderation/items/consultation_comment/${rude.id}`, {
      decision: "hide",
      reason: "",
    });
    expect(noReason.statusCode).toBe(422);
    expect((await latestComment(c.id)).moderationState).toBe("visible");
    await moderator.post(`/fr/moderation/items/consultation_comment/${rude.id}`, {
      decision: "hide",
      reason: "Accusations sans fondement contre des personnes.",
    });

    const tombstone = (await new Agent(app).get(page)).body;
    expect(tombstone).not.toContain("escrocs");
    expect(tombstone).toContain("Cette contribution a été masquée par la modération.");
    expect(tombstone).toContain("Motif : <bdi>Accusations sans fondement contre des personnes.</bdi>");
    const [mail] = await mailsTo(database, account.email!);
    expect(mail!.textBody).toContain("Accusations sans fondement contre des personnes.");

    // A hidden comment can no longer be supported or answered; nothing is stored.
    expect((await reader.post(`/fr/consultations/${c.id}/comments/${rude.id}/support`, {})).statusCode).toBe(
      404,
    );
    const reply = await reader.post(`/fr/consultations/${c.id}/comments`, {
      body: "Je suis d'accord avec vous.",
      parentId: rude.id,
    });
    expect(reply.statusCode).toBe(422);
    const [replies] = await db
      .select({ n: count() })
      .from(consultationComments)
      .where(eq(consultationComments.parentId, rude.id));
    expect(replies!.n).toBe(0);

    await moderator.post(`/fr/moderation/items/consultation_comment/${rude.id}`, {
      decision: "restore",
      reason: "Critique politique admissible.",
    });
    expect((await new Agent(app).get(page)).body).toContain("Les élus de ce conseil sont tous des escrocs.");
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, rude.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["moderation.hidden", "moderation.restored"]);
  });

  it("holds a comment matching the word list: its author sees it awaiting review, others and the synthesis do not", async () => {
    const { consultation: c } = await createTestConsultation(db, { phase: "open" });
    const base = `/fr/consultations/${c.id}`;
    await saveModerationRules(db, { ...OPEN_RULES, words: ["غبي"] });
    try {
      const { agent: author } = await signedInAgent(app, database);
      const response = await author.post(`${base}/comments`, {
        body: "هذا القانون غبيّ",
        alignment: "against",
      });
      expect(response.statusCode).toBe(303);
      const held = await latestComment(c.id);
      expect(held.moderationState).toBe("held");
      const [item] = await db
        .select()
        .from(moderationItems)
        .where(and(eq(moderationItems.kind, "consultation_comment"), eq(moderationItems.itemId, held.id)));
      expect(item!.holdCause).toBe("word_list");

      const own = (await author.get(base)).body;
      expect(own).toContain("هذا القانون غبيّ");
      expect(own).toContain("En attente de vérification");
      const others = (await new Agent(app).get(base)).body;
      expect(others).not.toContain("هذا القانون غبيّ");
      expect(others).toContain("Aucun commentaire");
      expect((await new Agent(app).get(`${base}/comments/${held.id}`)).statusCode).toBe(404);
      expect((await author.get(`${base}/comments/${held.id}`)).statusCode).toBe(200);
      expect((await moderator.get(base)).body).toContain("هذا القانون غبيّ");
      expect((await computeFigures(db, c.id)).contributions).toBe(0);

      await moderator.post(`/fr/moderation/items/consultation_comment/${held.id}`, {
        decision: "restore",
        reason: "Critique du texte, pas d'une personne.",
      });
      expect((await new Agent(app).get(base)).body).toContain("هذا القانون غبيّ");
      expect((await computeFigures(db, c.id)).contributions).toBe(1);
    } finally {
      await saveModerationRules(db, OPEN_RULES);
    }
  });

  it("refuses a comment from a blocked account, saying until when, and stores nothing", async () => {
    const { consultation: c } = await createTestConsultation(db, { phase: "open" });
    const { agent: author, account } = await signedInAgent(app, database);
    await author.post(`/fr/consultations/${c.id}/comments`, { body: "Premier avis", alignment: "for" });
    const first = await latestComment(c.id);
    await moderator.post(
      `/fr/moderation/accounts/${account.id}/block?from=consultation_comment/${first.id}`,
      {
        days: "7",
        reason: "Insultes répétées.",
      },
    );
    const refused = await author.post(`/fr/consultations/${c.id}/comments`, {
      body: "Puis-je encore écrire ?",
      alignment: "for",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Votre compte ne peut pas publier avant le");
    const [stored] = await db
      .select({ n: count() })
      .from(consultationComments)
      .where(eq(consultationComments.consultationId, c.id));
    expect(stored!.n).toBe(1);
  });
});

describe("moderation of amendments", () => {
  it("holds an amendment matching the word list for review; once hidden it leaves the public pages, its author is told why, and it can be neither decided nor supported", async () => {
    const { consultation: c, sections } = await createTestConsultation(db, { phase: "open" });
    const section = sections[0]!;
    const { agent: author } = await signedInAgent(app, database, { email: "auteur.amendement@example.tn" });
    const { agent: reader } = await signedInAgent(app, database);
    const { agent: admin } = await signedInAgent(app, database, {
      roles: [{ structure: "gov-tn-11", role: "structure_admin" }],
    });
    const propose = (proposed: string) =>
      author.post(`/fr/consultations/${c.id}/sections/${section.id}/amendments`, {
        paragraph: "0",
        lang: "fr",
        proposed,
        reason: "Le texte doit être plus clair.",
      });
    await saveModerationRules(db, { ...OPEN_RULES, words: ["escrocs"] });
    let heldId: string;
    try {
      const sent = await propose("Ce conseil d’escrocs fixe le montant.");
      expect(sent.statusCode).toBe(303);
      heldId = sent.headers.location!.split("/").pop()!;
    } finally {
      await saveModerationRules(db, OPEN_RULES);
    }
    const page = `/fr/consultations/${c.id}/amendments/${heldId}`;
    const own = (await author.get(page)).body;
    expect(own).toContain("un modérateur la vérifiera avant publication");
    expect(own).toContain("escrocs fixe le montant");
    expect((await new Agent(app).get(page)).statusCode).toBe(404);
    expect((await reader.get(`/fr/consultations/${c.id}/amendments`)).body).not.toContain("escrocs");
    const queue = (await moderator.get("/fr/moderation")).body;
    expect(queue).toContain("Amendement au texte d’une consultation");
    expect(queue).toContain("Ce conseil d’escrocs fixe le montant.");

    await moderator.post(`/fr/moderation/items/consultation_amendment/${heldId}`, {
      decision: "hide",
      reason: "Injure envers les élus.",
    });
    // Hidden: gone from the public pages; its author is told why.
    expect((await new Agent(app).get(page)).statusCode).toBe(404);
    expect((await reader.get(`/fr/consultations/${c.id}/amendments`)).body).not.toContain("escrocs");
    const mails = await mailsTo(database, "auteur.amendement@example.tn");
    expect(mails.some((m) => m.textBody.includes("Injure envers les élus."))).toBe(true);
    const decided = await admin.post(`/fr/consultations/${c.id}/amendments/${heldId}/decision`, {
      decision: "accept",
    });
    expect(decided.statusCode).toBe(404);
    expect((await reader.post(`${page}/support`, {})).statusCode).toBe(404);
    const [row] = await db.select().from(consultationAmendments).where(eq(consultationAmendments.id, heldId));
    expect(row).toMatchObject({ status: "proposed", supportCount: 0, moderationState: "hidden" });

    // A visible amendment can be reported, and lands in the queue with the report.
    const fair = await propose("Le conseil municipal fixe chaque année le montant du budget participatif.");
    const fairId = fair.headers.location!.split("/").pop()!;
    const flagged = await reader.post(`/fr/flag/consultation_amendment/${fairId}`, { reason: "off_topic" });
    expect(flagged.statusCode).toBe(303);
    expect((await moderator.get("/fr/moderation")).body).toContain(
      "Le conseil municipal fixe chaque année le montant du budget participatif.",
    );
  });
});
