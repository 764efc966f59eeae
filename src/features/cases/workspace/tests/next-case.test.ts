import { describe, expect, it } from "vitest";
import { outboxMessages } from "../../../../core/mail/tables.js";
import { insertCase, reload, staffPeople, staffTestApp, structureIdOf } from "../testing.js";

const testApp = await staffTestApp();
const { database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const home = await structureIdOf(db, "gov-tn-11");
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY);

/** The "next request" link of a request page, as its address; null when the page says it is the last. */
const nextLink = (html: string) => {
  const found = /<p class="sh-body-text" id="next-case"><a class="sh-link" href="([^"]+)"/.exec(html);
  return found ? found[1]!.replace(/&amp;/g, "&") : null;
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the next request, from a request's page", () => {
  it("follows the queue the page was opened from, with its filters and order, and the last one has none", async () => {
    const first = await insertCase(db, { type: "suggestion", subject: "Suggestion 1", dueAt: inDays(1) });
    const complaint = await insertCase(db, { type: "complaint", subject: "Plainte", dueAt: inDays(2) });
    const second = await insertCase(db, { type: "suggestion", subject: "Suggestion 2", dueAt: inDays(3) });
    const last = await insertCase(db, { type: "suggestion", subject: "Suggestion 3", dueAt: null });
    const { agent } = people.agent;

    // The queue's links carry its query string to the request's page.
    const queue = (await agent.get(`/en/staff/requests?structure=${home}&type=suggestion`)).body;
    const from = encodeURIComponent(`structure=${home}&type=suggestion`);
    expect(queue).toContain(`href="/en/staff/requests/${first.id}?from=${from}"`);

    const page1 = (await agent.get(`/en/staff/requests/${first.id}?from=${from}`)).body;
    // The complaint is due sooner than the second suggestion, but it is not in this list.
    expect(nextLink(page1)).toBe(`/en/staff/requests/${second.id}?from=${from}`);
    expect(text(page1)).toContain("Next request in the list");
    const page2 = (await agent.get(nextLink(page1)!)).body;
    expect(nextLink(page2)).toBe(`/en/staff/requests/${last.id}?from=${from}`);
    const page3 = (await agent.get(nextLink(page2)!)).body;
    expect(nextLink(page3)).toBeNull();
    expect(text(page3)).toContain("This is the last request in the list.");
    // The way back leads to the same list.
    expect(page3).toContain(`href="/en/staff/requests?structure=${home}&amp;type=suggestion"`);

    // Opened without a list: the structure's open requests, where the complaint comes next.
    const plain = (await agent.get(`/en/staff/requests/${first.id}`)).body;
    expect(nextLink(plain)).toBe(
      `/en/staff/requests/${complaint.id}?from=${encodeURIComponent(`structure=${home}`)}`,
    );
  });

  it("keeps its place after an action: the reply comes back to the page with the same next request", async () => {
    const a = await insertCase(db, { type: "guidance", subject: "Guidance A", dueAt: inDays(5) });
    const b = await insertCase(db, { type: "guidance", subject: "Guidance B", dueAt: inDays(6) });
    const from = encodeURIComponent(`structure=${home}&type=guidance`);
    const page = (await people.agent.agent.get(`/en/staff/requests/${a.id}?from=${from}`)).body;
    expect(page).toContain(`action="/en/staff/requests/${a.id}/reply?from=${from}"`);
    const sent = await people.agent.agent.post(`/en/staff/requests/${a.id}/reply?from=${from}`, {
      body: "Voici la réponse.",
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/en/staff/requests/${a.id}?from=${from}`);
    expect((await reload(db, a.id)).status).toBe("answered");
    // Answered, it has left the open list, yet the next one is still the one after it.
    const after = (await people.agent.agent.get(sent.headers.location as string)).body;
    expect(nextLink(after)).toBe(`/en/staff/requests/${b.id}?from=${from}`);
  });

  it("ignores a list the agent may not open, or nonsense, without failing", async () => {
    const c = await insertCase(db, { dueAt: inDays(4) });
    const ariana = await structureIdOf(db, "gov-tn-12");
    for (const from of [`structure=${ariana}`, "structure=nope&status=%%%", "%zz", "a".repeat(2000)]) {
      const page = await people.agent.agent.get(
        `/en/staff/requests/${c.id}?from=${encodeURIComponent(from)}`,
      );
      expect(page.statusCode, from).toBe(200);
    }
    const theirList = await people.agent.agent.get(
      `/en/staff/requests/${c.id}?from=${encodeURIComponent(`structure=${ariana}`)}`,
    );
    // Another structure's list gives no place at all: no next request, and the way back is to its own queue.
    expect(theirList.body).not.toContain('id="next-case"');
    expect(theirList.body).toContain(`href="/en/staff/requests?structure=${home}"`);
    expect(
      (await people.agent.agent.get(`/en/staff/requests/${c.id}?from=${"a".repeat(4000)}`)).statusCode,
    ).toBe(400);
  });
});

describe("the reply box's hint", () => {
  const hintOf = async (id: string) => {
    const html = (await people.agent.agent.get(`/en/staff/requests/${id}`)).body;
    return text(/<div id="reply-body-hint" class="sh-hint">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "").trim();
  };

  it("says an anonymous person sees the reply only through their follow-up link, never by e-mail", async () => {
    const c = await insertCase(db, { anonymous: true, contactName: null, contactEmail: null });
    const hint = await hintOf(c.id);
    expect(hint).toContain("This request is anonymous: no one is e-mailed.");
    expect(hint).toContain("secret follow-up link");
    expect(hint).not.toContain("receives it by mail");
  });

  it("says a person with an e-mail address receives the reply by mail", async () => {
    const c = await insertCase(db);
    expect(await hintOf(c.id)).toBe("The citizen receives it by mail and sees it with their request.");
  });

  it("says a person met at the counter without e-mail is not mailed: the follow-up page shows it, and a phone call tells them", async () => {
    const c = await insertCase(db, {
      channel: "counter",
      contactEmail: null,
      contactName: "Hédi Trabelsi",
      contactPhone: "+21620123456",
    });
    const hint = await hintOf(c.id);
    expect(hint).toContain("The person gave no e-mail address: no one is e-mailed.");
    expect(hint).toContain("follow-up page");
    expect(hint).toContain("call them");
    // And so it is: the reply queues no mail at all.
    const before = (await db.select().from(outboxMessages)).length;
    const sent = await people.agent.agent.post(`/en/staff/requests/${c.id}/reply`, {
      body: "Réponse au guichet.",
    });
    expect(sent.statusCode).toBe(303);
    expect((await db.select().from(outboxMessages)).length).toBe(before);

    const byPost = await insertCase(db, {
      channel: "post",
      contactEmail: null,
      contactPhone: "+21620123457",
      contactAddress: "15 rue de Marseille, Tunis",
    });
    expect(await hintOf(byPost.id)).toContain("send them a copy by post");
  });
});
