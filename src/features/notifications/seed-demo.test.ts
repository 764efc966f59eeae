import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../test/app.js";
import { createSession, SESSION_COOKIE } from "../../core/auth/sessions.js";

const { app, database } = await createTestApp({ demo: true });

describe("the demo notifications", () => {
  it("give the demo citizen replies, a status change and news of a followed consultation, read in ar, fr and en", async () => {
    const [citizen] = await database.query<{ id: string }>(
      "select id from accounts where email = 'citizen@demo.sharek.tn'",
    );
    const kinds = await database.query<{ kind: string; read: boolean }>(
      "select kind, read_at is not null as read from notifications where account_id = $1 order by id",
      [citizen!.id],
    );
    // Other features' demo news reaches them too (followed consultations); these at least.
    const count = (kind: string) => kinds.filter((k) => k.kind === kind).length;
    expect(count("request-update")).toBeGreaterThanOrEqual(2);
    expect(count("followed-news")).toBeGreaterThanOrEqual(1);
    const unread = kinds.filter((k) => !k.read).length;
    expect(unread).toBeGreaterThan(0);
    expect(unread).toBeLessThan(kinds.length);
    const { token } = await createSession(database.db, citizen!.id, { persistent: false, device: "Test" });
    const agent = new Agent(app);
    agent.setCookie(SESSION_COOKIE, token);
    const en = (await agent.get("/en/notifications")).body;
    expect(en).toMatch(/Your request EC-\d{4}-\d+ has been answered/);
    expect(en).toMatch(/Your request EC-\d{4}-\d+ is being handled/);
    expect(en).toContain(`<span aria-hidden="true">${unread}</span>`);
    expect((await agent.get("/fr/notifications")).body).toMatch(/Votre requête EC-\d{4}-\d+/);
    expect((await agent.get("/ar/notifications")).body).toMatch(/مطلبك EC-\d{4}-\d+/);
  });
});
