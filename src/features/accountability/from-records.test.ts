import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { HOME_STRUCTURE } from "../../../test/role-matrix.js";
import { structures } from "../../core/structures/tables.js";
import { forumPosts, forumThreads } from "../forum/tables.js";
import { createCategory } from "../forum/testing.js";
import { ideas } from "../ideas/tables.js";
import { results } from "./tables.js";

const { app, database } = await createTestApp();
const db = database.db;
const [home] = await db.select().from(structures).where(eq(structures.code, HOME_STRUCTURE));
const { agent: admin } = await signedInAgent(app, database, {
  roles: [{ structure: HOME_STRUCTURE, role: "structure_admin" }],
});
const { agent: citizen } = await signedInAgent(app, database, {});

async function insertIdea(status: "accepted" | "under_review", title: string) {
  const [idea] = await db
    .insert(ideas)
    .values({ submissionKey: `key-${title}`, structureId: home!.id, title, description: "…", status })
    .returning();
  return idea!;
}

/** The new-result form as the action's link opens it, then sent with a code, a title and the home structure. */
async function makeResult(link: string, code: string, titleFr: string) {
  const form = await admin.get(link);
  expect(form.statusCode).toBe(200);
  const origin = /name="origin" value="([^"]*)"/.exec(form.body)![1]!;
  const originId = /name="originId" value="([^"]*)"/.exec(form.body)![1]!;
  return admin.post("/fr/admin/accountability/new", {
    origin,
    originId,
    code,
    structureId: home!.id,
    titleFr,
    weight: "1",
    status: "planned",
    progress: "0",
  });
}

describe("making a result of an accepted idea or of a forum official answer", () => {
  it("offers the structure's admin a result of an accepted idea, which the idea's page then shows", async () => {
    const idea = await insertIdea("accepted", "Des bancs au jardin public");
    const page = `/fr/ideas/${idea.id}`;
    const link = `/fr/admin/accountability/new?origin=idea&amp;id=${idea.id}`;
    // Visitors and citizens are not offered it; the idea still under review offers nobody.
    expect((await new Agent(app).get(page)).body).not.toContain("Créer un résultat");
    expect((await citizen.get(page)).body).not.toContain("Créer un résultat");
    const pending = await insertIdea("under_review", "Une piscine municipale");
    expect((await admin.get(`/fr/ideas/${pending.id}`)).body).not.toContain("Créer un résultat");

    const staffPage = await admin.get(page);
    expect(staffPage.body).toContain(`href="${link}"`);
    expect(staffPage.body).toContain("Créer un résultat à partir de cette idée");
    const made = await makeResult(link.replace("&amp;", "&"), "idea-benches", "Installer 20 bancs");
    expect(made.statusCode).toBe(303);
    const [row] = await db.select().from(results).where(eq(results.code, "idea-benches"));
    expect(row).toMatchObject({ origin: "idea", originId: idea.id, structureId: home!.id });

    // Linked both ways: the idea's page shows the result and its progress; the result names the idea.
    const shown = (await new Agent(app).get(page)).body;
    expect(shown).toContain("Résultats de cette idée");
    expect(shown).toContain(`href="/fr/accountability/${row!.id}"`);
    const result = (await new Agent(app).get(`/fr/accountability/${row!.id}`)).body;
    expect(result).toContain(`href="/fr/ideas/${idea.id}"`);
  });

  it("offers a result of a thread once it has an official answer, which the thread's page then shows", async () => {
    const category = await createCategory(db, "eclairage");
    const [thread] = await db
      .insert(forumThreads)
      .values({
        categoryId: category.id,
        title: "L’éclairage de la rue de Marseille",
        body: "Il est en panne.",
      })
      .returning();
    const page = `/fr/forum/threads/${thread!.id}`;
    const link = `/fr/admin/accountability/new?origin=forum&amp;id=${thread!.id}`;
    expect((await admin.get(page)).body).not.toContain(link);
    expect((await admin.get(link.replace("&amp;", "&"))).statusCode).toBe(404);

    await db
      .insert(forumPosts)
      .values({ threadId: thread!.id, body: "La municipalité remplacera les lampes.", official: true });
    const staffPage = await admin.get(page);
    expect(staffPage.body).toContain(`href="${link}"`);
    expect(staffPage.body).toContain("Créer un résultat à partir de cette réponse officielle");
    expect((await citizen.get(page)).body).not.toContain(link);

    const made = await makeResult(link.replace("&amp;", "&"), "forum-lamps", "Remplacer les lampes");
    expect(made.statusCode).toBe(303);
    const [row] = await db.select().from(results).where(eq(results.code, "forum-lamps"));
    expect(row).toMatchObject({ origin: "forum", originId: thread!.id });
    const shown = (await new Agent(app).get(page)).body;
    expect(shown).toContain("Résultats issus de cette discussion");
    expect(shown).toContain(`href="/fr/accountability/${row!.id}"`);
  });
});
