import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { ideaComments, ideaSupports, ideas } from "./tables.js";
import { ideaIdOf, submitIdeaAs } from "./testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;

describe("deleting an account that had ideas, removing its contributions", () => {
  it("blanks the idea but keeps others' comments, supports and the official answer", async () => {
    const { agent: author } = await signedInAgent(app, database, { displayName: "Salma Gharbi" });
    const title = `Drinking fountains in the parks ${Date.now()}`;
    const description = "Salma's idea: a drinking fountain at each entrance of the city's three big parks.";
    const id = ideaIdOf(
      (await submitIdeaAs(testApp, author, { title, description, structure: "mun-tn-11", area: "TN-11" }))
        .headers.location,
    );
    const { agent: neighbour } = await signedInAgent(app, database, { displayName: "Karim" });
    expect((await neighbour.post(`/en/ideas/${id}/support`, { support: "1" })).statusCode).toBe(303);
    const theirs = "Yes please, the children are always thirsty after football.";
    expect((await neighbour.post(`/en/ideas/${id}/comments`, { body: theirs })).statusCode).toBe(303);
    const own = "I can show where the water pipes already run, near the north gate.";
    expect((await author.post(`/en/ideas/${id}/comments`, { body: own })).statusCode).toBe(303);
    const { agent: official } = await signedInAgent(app, database, {
      roles: [{ structure: "mun-tn-11", role: "agent" }],
    });
    const answer = "Three fountains are planned for the spring works.";
    expect(
      (await official.post(`/en/ideas/${id}/status`, { status: "accepted", body: answer })).statusCode,
    ).toBe(303);

    const deleted = await author.post("/en/account/delete", { mode: "remove", confirm: TEST_PASSWORD });
    expect(deleted.statusCode).toBe(303);

    const page = await new Agent(app).get(`/en/ideas/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("removed by its author");
    for (const gone of [title, description, own, "Salma"]) expect(page.body).not.toContain(gone);
    expect(page.body).toContain(theirs);
    expect(page.body).toContain(answer);

    const [idea] = await database.db.select().from(ideas).where(eq(ideas.id, id));
    expect(idea).toMatchObject({
      title: "",
      description: "",
      authorId: null,
      imageKey: null,
      supportCount: 1,
    });
    expect(idea!.removedAt).not.toBeNull();
    expect(await database.db.select().from(ideaSupports).where(eq(ideaSupports.ideaId, id))).toHaveLength(1);
    const comments = await database.db.select().from(ideaComments).where(eq(ideaComments.ideaId, id));
    expect(comments.map((c) => c.body)).toEqual([theirs]);
    // Gone from the lists and from what people can follow.
    const list = await new Agent(app).get("/en/ideas?structure=mun-tn-11&sort=newest");
    expect(list.body).not.toContain(`/en/ideas/${id}"`);
  });
});
