import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { agentsByRole, ROLES, roleMatrix } from "../../../test/role-matrix.js";
import { structures } from "../../core/structures/tables.js";
import { createTestConsultation } from "../consultations/testing.js";
import { insertEvent } from "../events/testing.js";
import { forumThreads } from "../forum/tables.js";
import { createCategory } from "../forum/testing.js";
import { helpArticles } from "../help/tables.js";
import { ideas } from "../ideas/tables.js";
import { ideaIdOf, submitIdeaAs } from "../ideas/testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const { db } = database;
const anonymous = new Agent(app);
const [tunis] = await db.select().from(structures).where(eq(structures.code, "mun-tn-11"));
const [governorate] = await db.select().from(structures).where(eq(structures.code, "gov-tn-11"));

/** An idea straight in the database, in the moderation state asked. */
async function insertIdea(
  title: string,
  description: string,
  overrides: Partial<typeof ideas.$inferInsert> = {},
) {
  const [row] = await db
    .insert(ideas)
    .values({
      submissionKey: crypto.randomUUID(),
      structureId: tunis!.id,
      governorateCode: "TN-11",
      title,
      description,
      ...overrides,
    })
    .returning();
  return row!;
}

const search = async (q: string, lang = "en", agent = anonymous, extra = "") =>
  agent.get(`/${lang}/search?q=${encodeURIComponent(q)}${extra}`);

// What anyone may read, one of each kind.
const school = await insertIdea(
  "إصلاح المدرسة الابتدائية بالحي",
  "نقترح ترميم أقسام المدرسة وتوفير الماء الصالح للشرب للتلاميذ.",
);
const reform = await createTestConsultation(db, {
  title: "Réformes des élections municipales",
  sections: 2,
  questions: false,
});
const budget = await insertIdea(
  "Participatory budgeting for the neighbourhood",
  "Residents choose together how a share of the municipal budget is spent.",
);
const category = await createCategory(db, "civic");
const [thread] = await db
  .insert(forumThreads)
  .values({
    categoryId: category.id,
    title: "Bicycle lanes downtown",
    body: "Where should **cycle lanes** go first?",
  })
  .returning();
const event = await insertEvent(db, governorate!.id, {
  title: {
    fr: "Journée d’information sur l’accès à l’information",
    en: "Information day on access to information",
  },
});
await db.insert(helpArticles).values({
  slug: "search-guide",
  kind: "guide",
  title: {
    en: "How to follow your hydrant request",
    fr: "Suivre votre demande de borne",
    ar: "متابعة مطلبك",
  },
  body: { en: "Use the follow code of your hydrant request.", fr: "Utilisez le code de suivi." },
});

// What nobody but its author, its moderators or its structure may read.
const held = await insertIdea("Heldword orchard idea", "Held for review.", { moderationState: "held" });
const hidden = await insertIdea("Hiddenword orchard idea", "Hidden by a moderator.", {
  moderationState: "hidden",
});
const removed = await insertIdea("Removedword orchard idea", "Removed with its author.", {
  removedAt: new Date(),
});
const draft = await createTestConsultation(db, {
  phase: "draft",
  title: "Draftword orchard consultation",
  questions: false,
});
const [hiddenThread] = await db
  .insert(forumThreads)
  .values({
    categoryId: category.id,
    title: "Hiddenthread orchard talk",
    body: "Hidden.",
    moderationState: "hidden",
  })
  .returning();
await db
  .update(structures)
  .set({
    name: { en: "Retiredword orchard office", fr: "Office retiredword", ar: "ديوان" },
    retiredAt: new Date(),
  })
  .where(eq(structures.code, "gov-tn-12"));
const visibleOrchard = await insertIdea("Visible orchard idea", "An orchard anyone may read about.");
const SECRETS = ["Heldword", "Hiddenword", "Removedword", "Draftword", "Hiddenthread", "Retiredword"];
/** Where the items nobody may find would be linked from. */
const SECRET_PATHS = [
  `/ideas/${held.id}`,
  `/ideas/${hidden.id}`,
  `/ideas/${removed.id}`,
  `/consultations/${draft.consultation.id}`,
  `/forum/threads/${hiddenThread!.id}`,
  "/structures/gov-tn-12",
];

describe("the portal search", () => {
  it("is linked from every page's footer, and its own page is a plain GET form to /:lang/search", async () => {
    for (const lang of ["ar", "fr", "en"]) {
      const help = await anonymous.get(`/${lang}/help`);
      expect(help.body).toMatch(new RegExp(`<footer[\\s\\S]*href="/${lang}/search"`));
      const empty = await anonymous.get(`/${lang}/search`);
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toContain(`<form method="get" action="/${lang}/search"`);
      expect(empty.body).toMatch(/<input id="search-q"[^>]*name="q"/);
      expect(empty.body).not.toContain('role="status"');
    }
  });

  it("finds an Arabic text whatever its diacritics, hamza and taa marbuta", async () => {
    const path = `/ideas/${school.id}`;
    for (const q of ["إصلاح المدرسة", "اصلاح المدرسه", "إِصْلَاحُ المَدْرَسَةِ", "الاصلاح", "مدرسة", "المدرسه"]) {
      const page = await search(q, "ar");
      expect(page.statusCode, q).toBe(200);
      expect(page.body, q).toContain(`href="/ar${path}"`);
    }
    // The matching words are marked in the title, as written.
    const page = await search("اصلاح", "ar");
    expect(page.body).toContain('<mark class="sh-search__mark">إصلاح</mark>');
  });

  it("finds a French word in another form (stemming) and marks it in the excerpt", async () => {
    for (const q of ["réforme", "reforme", "élection", "ÉLECTIONS"]) {
      const page = await search(q, "fr");
      expect(page.body, q).toContain(`href="/fr/consultations/${reform.consultation.id}"`);
    }
    const page = await search("réforme", "fr");
    expect(page.body).toContain('<mark class="sh-search__mark">Réformes</mark>');
    // English stems too.
    expect((await search("budget", "en")).body).toContain(`/en/ideas/${budget.id}`);
    expect((await search("spending", "en")).body).not.toContain(`/en/ideas/${budget.id}`);
  });

  it("falls back to close spellings when no text holds the words", async () => {
    const page = await search("partcipatory", "en");
    expect(page.body).toContain(`/en/ideas/${budget.id}`);
    expect(page.body).toContain("Nothing holds these exact words: 1 result with a close spelling");
    const fr = await search("éléctions municipalles", "fr");
    expect(fr.body).toContain(`/fr/consultations/${reform.consultation.id}`);
    const none = await search("zzqxw", "en");
    expect(none.body).toContain("Nothing found for “zzqxw”");
  });

  it("searches consultations and their articles, ideas, forum threads, events, help and structures", async () => {
    const expectations: Array<[string, string]> = [
      ["élections", `/fr/consultations/${reform.consultation.id}`],
      ["article", `/fr/consultations/${reform.consultation.id}/sections/${reform.sections[0]!.id}`],
      ["bicycle", `/fr/forum/threads/${thread!.id}`],
      ["information", `/fr/events/${event.id}`],
      ["hydrant", "/fr/help/search-guide"],
      ["Tunis", "/fr/structures/mun-tn-11"],
    ];
    for (const [q, href] of expectations) {
      expect((await search(q, "fr")).body, q).toContain(`href="${href}"`);
    }
  });

  it("groups results by kind and filters by kind, structure and place", async () => {
    const all = await search("orchard", "en");
    expect(all.body).toContain("All kinds (1)");
    expect(all.body).toContain("Ideas (1)");
    const byKind = await search("information", "en", anonymous, "&kind=events");
    expect(byKind.body).toContain(`/en/events/${event.id}`);
    expect(byKind.body).not.toContain("/en/help/");
    const otherKind = await search("orchard", "en", anonymous, "&kind=forum");
    expect(otherKind.body).toContain("Nothing found for “orchard”");
    const byStructure = await search("budget", "en", anonymous, "&structure=mun-tn-11");
    expect(byStructure.body).toContain(`/en/ideas/${budget.id}`);
    const elsewhere = await search("budget", "en", anonymous, "&structure=gov-tn-13");
    expect(elsewhere.body).not.toContain(`/en/ideas/${budget.id}`);
    const byPlace = await search("budget", "en", anonymous, "&place=TN-11");
    expect(byPlace.body).toContain(`/en/ideas/${budget.id}`);
    const otherPlace = await search("budget", "en", anonymous, "&place=TN-12");
    expect(otherPlace.body).not.toContain(`/en/ideas/${budget.id}`);
    // Unknown filters are left out rather than refused.
    const unknown = await search("budget", "en", anonymous, "&kind=nope&place=XX&structure=nope");
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain(`/en/ideas/${budget.id}`);
  });

  it("never shows held, hidden, removed, draft or retired items, whoever searches", async () => {
    const agents = await agentsByRole(testApp);
    for (const role of ROLES) {
      for (const q of SECRETS) {
        const page = await search(q, "en", agents[role]);
        expect(page.statusCode, `${role} ${q}`).toBe(200);
        expect(page.body, `${role} ${q}`).toContain(`Nothing found for “${q}”`);
        expect(page.body, `${role} ${q}`).not.toContain("sh-search__hit");
      }
      const orchard = await search("orchard", "en", agents[role]);
      expect(orchard.body).toContain(`/en/ideas/${visibleOrchard.id}`);
      for (const path of SECRET_PATHS) expect(orchard.body, `${role} ${path}`).not.toContain(path);
      for (const secret of SECRETS) expect(orchard.body, `${role} ${secret}`).not.toContain(secret);
    }
  });

  it("shows a new idea in the next search, and not once a moderator hides it", async () => {
    const { agent } = await signedInAgent(app, database);
    expect((await search("greenhouse")).body).toContain("Nothing found for “greenhouse”");
    const response = await submitIdeaAs(testApp, agent, {
      title: "A community greenhouse behind the library",
      description: "Schools and neighbours would grow seedlings together all year.",
      structure: "mun-tn-11",
      area: "TN-11",
    });
    expect(response.statusCode).toBe(303);
    const id = ideaIdOf(response.headers.location);
    expect((await search("greenhouses")).body).toContain(`/en/ideas/${id}`);

    const { agent: moderator } = await signedInAgent(app, database, { platformAdmin: true });
    const hide = await moderator.post(`/en/moderation/items/idea/${id}`, {
      decision: "hide",
      reason: "Off topic.",
    });
    expect(hide.statusCode).toBe(303);
    expect((await search("greenhouse")).body).not.toContain(`/en/ideas/${id}`);
  });

  it("shows what people wrote as text, never as markup", async () => {
    const xss = await insertIdea(
      "<script>alert(1)</script> lantern",
      'Lanterns "<img src=x onerror=alert(1)>"',
    );
    const page = await search("lantern");
    expect(page.body).toContain(`/en/ideas/${xss.id}`);
    expect(page.body).not.toContain("<script>alert(1)");
    expect(page.body).not.toContain("<img src=x");
    expect(page.body).toContain("&lt;script>alert(1)&lt;/script>");
  });

  it("takes any characters: query syntax, punctuation alone, NUL", async () => {
    for (const q of ['"unclosed', "!!! && ||", "-", "'; drop table ideas; --", ":*", "a\u0000b"]) {
      const page = await search(q, "fr");
      expect(page.statusCode, q).toBe(200);
    }
    const nul = await anonymous.get("/ar/search?q=%00&kind=%00&structure=%00&place=%00&page=%00");
    expect(nul.statusCode).toBe(200);
  });

  it("answers an over-long query with a clear error, not a crash", async () => {
    const page = await search("a".repeat(500));
    expect(page.statusCode).toBe(400);
  });
});

roleMatrix("search", testApp, [
  { method: "GET", url: "/en/search?q=orchard", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/search", expect: { otherwise: 200 } },
]);
