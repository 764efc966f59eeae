import { describe, expect, it } from "vitest";
import { createCategory, insertCase, reload, staffPeople, staffTestApp } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

describe("similar open requests on the staff request page", () => {
  it("ranks open requests of the same structure and place by words in common, category and place; one click marks the duplicate", async () => {
    const water = await createCategory(db, "gov-tn-11", "water-leaks");
    const place = { governorateCode: "TN-11" };
    const c = await insertCase(db, {
      ...place,
      categoryId: water.id,
      subject: "Fuite d’eau avenue Habib Bourguiba",
      description:
        "Une conduite d’eau fuit devant le numéro 12 de l’avenue Habib Bourguiba depuis trois jours.",
    });
    const best = await insertCase(db, {
      ...place,
      categoryId: water.id,
      subject: "Conduite d’eau cassée, avenue Habib Bourguiba",
      description: "L’eau coule sur la chaussée de l’avenue Habib Bourguiba, la conduite fuit.",
    });
    const weaker = await insertCase(db, {
      ...place,
      subject: "Fuite d’eau rue de Rome",
      description: "Une petite fuite d’eau rue de Rome.",
    });
    const elsewhere = await insertCase(db, {
      governorateCode: "TN-12",
      categoryId: water.id,
      subject: best.subject,
      description: best.description,
    });
    const closed = await insertCase(db, {
      ...place,
      status: "closed",
      subject: best.subject,
      description: best.description,
    });
    const unrelated = await insertCase(db, {
      ...place,
      subject: "Copie d’acte de naissance",
      description: "Je demande une copie intégrale de mon acte de naissance.",
    });

    const page = await people.agent.agent.get(`/fr/staff/requests/${c.id}`);
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf("Requêtes ouvertes similaires"));
    expect(section.length).toBeLessThan(page.body.length);
    expect(section).toContain(best.reference);
    expect(section).toContain(weaker.reference);
    expect(section.indexOf(best.reference)).toBeLessThan(section.indexOf(weaker.reference));
    expect(section).toContain("même catégorie");
    expect(section).toContain("même gouvernorat");
    for (const hidden of [elsewhere, closed, unrelated]) expect(page.body).not.toContain(hidden.reference);

    const oneClick = new RegExp(
      `action="/fr/staff/requests/${c.id}/duplicate"[^>]*>(?:(?!</form>).)*name="reference" value="${best.reference}"`,
      "s",
    );
    expect(page.body).toMatch(oneClick);
    const marked = await people.agent.agent.post(`/fr/staff/requests/${c.id}/duplicate`, {
      reference: best.reference,
    });
    expect(marked.statusCode).toBe(303);
    const after = await reload(db, c.id);
    expect(after.status).toBe("closed");
    expect(after.duplicateOfId).toBe(best.id);
    const closedPage = await people.agent.agent.get(`/fr/staff/requests/${c.id}`);
    expect(closedPage.body).not.toContain("Requêtes ouvertes similaires");
  });

  it("are not shown to staff of another structure, who get no page at all", async () => {
    const c = await insertCase(db, { governorateCode: "TN-11" });
    await insertCase(db, { governorateCode: "TN-11" });
    expect((await people.otherAgent.agent.get(`/fr/staff/requests/${c.id}`)).statusCode).toBe(404);
  });

  it("a forged reference in the one-click form is refused with a message, and nothing is closed", async () => {
    const c = await insertCase(db, { governorateCode: "TN-11" });
    const foreign = await insertCase(db, { structure: "gov-tn-12", governorateCode: "TN-11" });
    await people.agent.agent.get(`/fr/staff/requests/${c.id}`);
    const answer = await people.agent.agent.post(`/fr/staff/requests/${c.id}/duplicate`, {
      reference: foreign.reference,
    });
    expect(answer.statusCode).toBe(422);
    expect((await reload(db, c.id)).status).toBe("new");
  });
});
