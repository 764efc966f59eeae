import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { Agent, createTestApp } from "../../../../test/app.js";
import { seedDemo } from "../../../db/seed.js";
import { listQueue } from "../workspace/queries/queue.js";
import { parseQueueQuery } from "../workspace/queue-filters.js";

const { app, database } = await createTestApp();

describe("demo requests", () => {
  it("fill the demo citizen's requests and the Municipality of Tunis queue, in three languages", async () => {
    const lines = await seedDemo(database, app.files);
    expect(lines.join("\n")).toContain("Demo requests: 18");
    const rows = await database.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from cases group by status order by status::text",
    );
    expect(rows.map((r) => r.status)).toEqual([
      "answered",
      "awaiting_citizen",
      "closed",
      "in_progress",
      "new",
    ]);
    const agent = new Agent(app);
    const signIn = await agent.post("/en/sign-in", {
      email: "citizen@demo.sharek.tn",
      password: "sharek-demo-2026",
    });
    expect(signIn.statusCode).toBe(303);
    const mine = (await agent.get("/en/requests")).body;
    expect(mine).toContain("أعمدة الإنارة معطّبة في نهج مرسيليا");
    expect(mine).toContain("Déchets non ramassés à El Menzah 6");
    expect(mine).toContain("Renewing a passport from abroad");
    // An access-to-information request refused on a ground of the law, under appeal with the head.
    const refused = await database.query<{ id: string }>(
      "select id from cases where subject = 'محاضر جلسات المجلس البلدي لسنة 2025'",
    );
    const page = (await agent.get(`/en/requests/${refused[0]!.id}`)).body;
    expect(page).toContain("A third party's personal data (article 24");
    expect(page).toContain("Your appeal (level 1) is being reviewed");
    const appeals = await database.query<{ n: number }>(
      "select count(*)::int as n from cases where appeal_level = 1 and refusal_ground is not null and status = 'in_progress'",
    );
    expect(appeals[0]?.n).toBe(3);

    // The passport answer came with a document the citizen downloads from their request.
    const passport = /href="(\/en\/requests\/[0-9a-f-]{36})"[^>]*>Renewing a passport/.exec(mine)![1]!;
    const passportPage = (await agent.get(passport)).body;
    const file = new RegExp(`href="(${passport}/files/[0-9a-f-]{36})"`).exec(passportPage)![1]!;
    const download = await agent.get(file);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(download.body).toContain("documents to bring");

    // Two requests taken for people by the demo agent: at the counter and by phone.
    const channels = await database.query<{ channel: string; name: string }>(
      "select channel, contact_name as name from cases where channel <> 'web' order by channel::text",
    );
    expect(channels).toEqual([
      { channel: "counter", name: "فاطمة بن عمّار" },
      { channel: "phone", name: "Mohamed Jaziri" },
    ]);
  });

  it("route requests by rules with automatic assignment, shown on the routing page in three languages", async () => {
    // A platform admin: the demo's staff accounts must first enrol a second factor.
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const page = await admin.get("/fr/staff/routing");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("À l'agent le moins chargé");
    const lighting = page.body.split("<tr").find((r) => r.includes("Éclairage public"))!;
    expect(lighting).toMatch(/sh-table__cell--numeric">1</);
    expect((await admin.get("/ar/staff/routing")).body).toContain("إلى العون الأقل انشغالًا");
    expect((await admin.get("/en/staff/routing")).body).toContain("To the least busy agent");

    // A request left with a phone number only: the queue's search finds it by that number.
    const [tunis] = await database.query<{ id: string }>(
      "select id from structures where code = 'mun-tn-11'",
    );
    const now = new Date();
    const found = await listQueue(database.db, parseQueueQuery({ q: "97 321 654" }, tunis!.id), {
      now,
      soonLimit: now,
      accountId: tunis!.id,
    });
    expect(found.map((r) => r.subject)).toEqual(["Blocked storm drain on Avenue de la Liberté"]);

    // The municipality's roads team, named in three languages, receives the roads rule's requests.
    const teams = await admin.get(`/fr/staff/teams?structure=${tunis!.id}`);
    expect(teams.statusCode).toBe(200);
    expect(teams.body).toContain("Équipe voirie et éclairage public");
    expect((await admin.get(`/ar/staff/teams?structure=${tunis!.id}`)).body).toContain(
      "فريق الطرقات والتنوير العمومي",
    );
    expect((await admin.get(`/en/staff/teams?structure=${tunis!.id}`)).body).toContain(
      "Roads and street lighting team",
    );
    const [members] = await database.query<{ n: number }>("select count(*)::int as n from case_team_members");
    expect(members!.n).toBeGreaterThan(0);
    const roads = page.body.split("<tr").find((r) => r.includes("Voirie et trottoirs"))!;
    expect(roads.split("</tr>")[0]).toContain("Équipe voirie et éclairage public");
  });
});
