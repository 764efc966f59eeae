import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { Agent, createTestApp } from "../../../../test/app.js";
import { mailsTo } from "../../../../test/mail.js";
import { multipart } from "../../../../test/multipart.js";
import { roleMatrix } from "../../../../test/role-matrix.js";
import { insertCase } from "../workspace/testing.js";

const testApp = await createTestApp();
const { app, database } = testApp;

async function intakeForm(agent: Agent, lang: string, type: string, structure: string) {
  const page = await agent.get(`/${lang}/requests/new?type=${type}&structure=${structure}`);
  expect(page.statusCode).toBe(200);
  const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(page.body)?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  return { submissionKey: submissionKey!, csrf: csrf!, body: page.body };
}

async function post(
  agent: Agent,
  lang: string,
  fields: Record<string, string>,
  files: Parameters<typeof multipart>[1] = [],
) {
  const { payload, contentType } = multipart(fields, files);
  return app.inject({
    method: "POST",
    url: `/${lang}/requests`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

const photo = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: "#888" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Witness 3000" } })
    .toBuffer();

const complaint = {
  type: "complaint",
  structure: "mun-tn-11",
  subject: "Éclairage public en panne",
  description:
    "Les lampadaires de la rue de Marseille sont éteints depuis deux semaines, la rue est dangereuse la nuit.",
  governorate: "TN-11",
  address: "Rue de Marseille",
};

describe("filing a request", () => {
  it("walks type → structure → form, each step a plain GET that works without JavaScript", async () => {
    const agent = new Agent(app);
    expect((await agent.get("/ar/requests/new")).body).toContain('name="type"');
    const step2 = await agent.get(`/ar/requests/new?type=complaint&q=${encodeURIComponent("بلديه تونس")}`);
    expect(step2.body).toContain('value="mun-tn-11"');
    expect(step2.body).toContain('value="unknown"');
    const step3 = await intakeForm(agent, "ar", "complaint", "mun-tn-11");
    expect(step3.body).toContain('enctype="multipart/form-data"');
  });

  it("files an anonymous complaint with a photo: a reference, a secret link, and the photo without its EXIF", async () => {
    const agent = new Agent(app);
    const form = await intakeForm(agent, "fr", "complaint", "mun-tn-11");
    const response = await post(
      agent,
      "fr",
      { ...complaint, contactMode: "anonymous", submissionKey: form.submissionKey, _csrf: form.csrf },
      [{ name: "attachments", filename: "lampadaire.jpg", type: "image/jpeg", data: await photo() }],
    );
    expect(response.statusCode).toBe(303);
    const location = response.headers.location as string;
    expect(location).toMatch(/^\/fr\/requests\/follow\/[A-Za-z0-9_-]{40,}\?submitted=1$/);
    const page = await agent.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/EC-\d{4}-\d{6}/);
    expect(page.body).toContain("Votre requête est envoyée");
    const fileLink = /href="([^"]+\/files\/[^"]+)"/.exec(page.body)?.[1];
    const file = await agent.get(fileLink!);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/jpeg");
    const meta = await sharp(file.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(file.rawPayload.includes(Buffer.from("Witness 3000"))).toBe(false);
    const [row] = await database.query<Record<string, unknown>>(
      "select anonymous, contact_email, contact_phone, contact_name from cases where subject = $1",
      [complaint.subject],
    );
    expect(row).toEqual({ anonymous: true, contact_email: null, contact_phone: null, contact_name: null });
  });

  it("acknowledges by mail when an address is given, with the follow-up link", async () => {
    const agent = new Agent(app);
    const form = await intakeForm(agent, "en", "guidance", "min-interior");
    const email = `guidance.${Date.now()}@example.tn`;
    const response = await post(agent, "en", {
      type: "guidance",
      structure: "min-interior",
      subject: "Renewing a passport from abroad",
      description: "I live in Lyon and my passport expires in March. Which consulate handles the renewal?",
      contactMode: "email",
      contactEmail: email,
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    });
    expect(response.statusCode).toBe(303);
    const [mail] = await mailsTo(database, email);
    expect(mail?.subject).toMatch(/^Sharek: your request EC-\d{4}-\d{6} was received$/);
    expect(mail?.textBody).toContain((response.headers.location as string).split("?")[0]);
  });

  it("refuses an executable renamed .jpg, an oversize description and a forged structure, storing nothing", async () => {
    const agent = new Agent(app);
    const before = await database.query<{ n: number }>("select count(*)::int as n from cases");
    const form = await intakeForm(agent, "ar", "complaint", "mun-tn-11");
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(500, 0x41)]);
    const response = await post(
      agent,
      "ar",
      { ...complaint, contactMode: "anonymous", submissionKey: form.submissionKey, _csrf: form.csrf },
      [{ name: "attachments", filename: "photo.jpg", type: "image/jpeg", data: exe }],
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#attachments"');
    expect(response.body).toContain(complaint.description); // what was typed is kept

    const longText = await post(agent, "ar", {
      ...complaint,
      description: "x".repeat(60_000),
      contactMode: "anonymous",
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    });
    expect([413, 422]).toContain(longText.statusCode);

    const forged = await post(agent, "ar", {
      ...complaint,
      structure: "no-such-structure",
      contactMode: "anonymous",
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    });
    expect([404, 422]).toContain(forged.statusCode);
    expect(await database.query("select count(*)::int as n from cases")).toEqual(before);
  });

  it("refuses a file over the size limit with a clear message", async () => {
    const agent = new Agent(app);
    const form = await intakeForm(agent, "en", "notice", "mun-tn-11");
    const big = Buffer.concat([await photo(), Buffer.alloc(6 * 1024 * 1024, 1)]);
    const response = await post(
      agent,
      "en",
      {
        ...complaint,
        type: "notice",
        contactMode: "anonymous",
        submissionKey: form.submissionKey,
        _csrf: form.csrf,
      },
      [{ name: "attachments", filename: "big.jpg", type: "image/jpeg", data: big }],
    );
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("5 MB");
  });

  it("creates one request from a double submit, and both answers lead to it", async () => {
    const agent = new Agent(app);
    const form = await intakeForm(agent, "en", "suggestion", "mun-tn-11");
    const fields = {
      type: "suggestion",
      structure: "mun-tn-11",
      subject: `Bicycle racks at the central market ${Date.now()}`,
      description: "Many people cycle to the central market but there is nowhere to lock a bicycle safely.",
      contactMode: "anonymous",
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    };
    const [a, b] = await Promise.all([post(agent, "en", fields), post(agent, "en", fields)]);
    expect(a.statusCode).toBe(303);
    expect(b.headers.location).toBe(a.headers.location);
    // A retry once the first answer came back (the browser re-sending the form) finds it too.
    const retry = await post(agent, "en", fields);
    expect(retry.headers.location).toBe(a.headers.location);
    expect((await agent.get(retry.headers.location as string)).body).toContain("EC-");
    expect(await database.query("select id from cases where subject = $1", [fields.subject])).toHaveLength(1);
  });

  it("keeps no form key in clear, and gives no follow link to someone replaying another's key", async () => {
    const citizen = new Agent(app);
    const form = await intakeForm(citizen, "en", "complaint", "mun-tn-11");
    const email = `replayed.${Date.now()}@example.tn`;
    const fields = {
      ...complaint,
      subject: `Overflowing bins ${Date.now()}`,
      contactMode: "email",
      contactEmail: email,
      submissionKey: form.submissionKey,
    };
    const filed = await post(citizen, "en", { ...fields, _csrf: form.csrf });
    expect(filed.statusCode).toBe(303);
    const [row] = await database.query<Record<string, unknown>>("select * from cases where subject = $1", [
      fields.subject,
    ]);
    expect(JSON.stringify(row)).not.toContain(form.submissionKey);

    // Someone who learnt the key (a shared computer, a leaked page) sends the same form from elsewhere.
    const other = new Agent(app);
    const theirForm = await intakeForm(other, "en", "complaint", "mun-tn-11");
    const replay = await post(other, "en", { ...fields, _csrf: theirForm.csrf });
    expect(replay.headers.location ?? "").not.toContain("/requests/follow/");
    expect(replay.body).not.toContain("/requests/follow/");
    expect(replay.body).not.toMatch(/EC-\d{4}-\d{6}/);
    expect(replay.body).toContain("already been sent");
    // The same without any cookie at all.
    const bare = await app.inject({ url: "/__test/csrf" });
    const csrf = bare.json<{ token: string }>().token;
    const cookie = bare.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const { payload, contentType } = multipart({ ...fields, _csrf: csrf });
    const blind = await app.inject({
      method: "POST",
      url: "/en/requests",
      headers: { cookie, "content-type": contentType },
      payload,
    });
    expect(blind.headers.location ?? "").not.toContain("/requests/follow/");
    expect(blind.body).not.toContain("/requests/follow/");
    expect(await database.query("select id from cases where subject = $1", [fields.subject])).toHaveLength(1);
    expect(await mailsTo(database, email)).toHaveLength(1);
  });

  it("still knows a form sent before the upgrade: the migration hashed its key in place", async () => {
    const key = `pre-upgrade-${Date.now()}-key`;
    const subject = `Filed before the upgrade ${Date.now()}`;
    const old = await insertCase(database.db, { structure: "mun-tn-11", subject, submissionKeyHash: key });
    const migration = readFileSync(
      fileURLToPath(new URL("../../../db/migrations/0026_cases_ideas_erasure.sql", import.meta.url)),
      "utf8",
    );
    const hashing = migration.split("--> statement-breakpoint").find((s) => s.includes("sha256"))!;
    await database.query(`${hashing.trim().replace(/;$/, "")} WHERE "id" = $1`, [old.id]);

    const agent = new Agent(app);
    const form = await intakeForm(agent, "en", "complaint", "mun-tn-11");
    const again = await post(agent, "en", {
      ...complaint,
      subject,
      contactMode: "anonymous",
      submissionKey: key,
      _csrf: form.csrf,
    });
    expect(again.body).toContain("already been sent");
    expect(await database.query("select id from cases where subject = $1", [subject])).toHaveLength(1);
  });

  it("refuses anonymity for an information request, which needs an address for the answer", async () => {
    const agent = new Agent(app);
    const form = await intakeForm(agent, "fr", "information", "min-health");
    const response = await post(agent, "fr", {
      type: "information",
      structure: "min-health",
      subject: "Budget des hôpitaux régionaux 2025",
      description: "Je demande le budget exécuté en 2025 des hôpitaux régionaux du gouvernorat de Kairouan.",
      contactMode: "anonymous",
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#contact-mode"');
  });

  it("sends a request whose structure is unknown to the central office for triage", async () => {
    const agent = new Agent(app);
    const form = await intakeForm(agent, "ar", "notice", "unknown");
    const response = await post(agent, "ar", {
      type: "notice",
      structure: "unknown",
      subject: "حفرة كبيرة في الطريق",
      description: "توجد حفرة كبيرة وسط الطريق الرابطة بين القرية والمدرسة، وقد تسببت في حوادث.",
      contactMode: "anonymous",
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    });
    expect(response.statusCode).toBe(303);
    const [row] = await database.query<{ code: string; needs_triage: boolean }>(
      "select s.code, c.needs_triage from cases c join structures s on s.id = c.structure_id where c.subject = $1",
      ["حفرة كبيرة في الطريق"],
    );
    expect(row).toEqual({ code: "bcrc", needs_triage: true });
  });
});

describe("following a request", () => {
  it("shows a signed-in citizen their requests, and nobody else's (404)", async () => {
    const { agent } = await signedInAgent(app, database, {});
    const form = await intakeForm(agent, "en", "complaint", "mun-tn-11");
    const { payload, contentType } = multipart({
      ...complaint,
      subject: "My own complaint",
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    });
    const created = await app.inject({
      method: "POST",
      url: "/en/requests",
      headers: { cookie: agent.cookieHeader(), "content-type": contentType },
      payload,
    });
    expect(created.statusCode).toBe(303);
    const mine = await agent.get("/en/requests");
    expect(mine.body).toContain("My own complaint");
    const link = /href="(\/en\/requests\/[0-9a-f-]{36})"/.exec(mine.body)?.[1];
    expect((await agent.get(link!)).statusCode).toBe(200);
    const other = await signedInAgent(app, database, {});
    expect((await other.agent.get(link!)).statusCode).toBe(404);
    expect((await other.agent.get("/en/requests/not-a-uuid")).statusCode).toBe(404);
    expect((await new Agent(app).get("/en/requests/follow/not-a-real-token")).statusCode).toBe(404);
  });

  it("lists a notice the citizen follows under their requests, without opening someone else's page", async () => {
    const author = await signedInAgent(app, database, {});
    const form = await intakeForm(author.agent, "en", "notice", "mun-tn-11");
    expect(
      (
        await post(author.agent, "en", {
          ...complaint,
          type: "notice",
          subject: "Pothole on Avenue Habib Bourguiba",
          submissionKey: form.submissionKey,
          _csrf: form.csrf,
        })
      ).statusCode,
    ).toBe(303);
    const link = /href="\/en\/requests\/([0-9a-f-]{36})"/.exec(
      (await author.agent.get("/en/requests")).body,
    )?.[1];

    const neighbour = await signedInAgent(app, database, {});
    expect((await neighbour.agent.post(`/en/requests/${link}/follow`, {})).statusCode).toBe(303);
    const mine = (await neighbour.agent.get("/en/requests")).body;
    expect(mine).toContain("Requests you follow");
    expect(mine).toContain("Pothole on Avenue Habib Bourguiba");
    expect(mine).not.toContain(`/en/requests/${link}"`);
    expect((await neighbour.agent.get(`/en/requests/${link}`)).statusCode).toBe(404);
    // Following twice changes nothing; the author's own list does not repeat it as followed.
    expect((await neighbour.agent.post(`/en/requests/${link}/follow`, {})).statusCode).toBe(303);
    expect((await author.agent.get("/en/requests")).body).not.toContain("Requests you follow");
  });

  it("lets the citizen answer a question, rate an answer once, and reopen within the window", async () => {
    const agent = new Agent(app);
    const form = await intakeForm(agent, "fr", "complaint", "mun-tn-11");
    const created = await post(agent, "fr", {
      ...complaint,
      subject: "Trottoir occupé par un chantier",
      contactMode: "anonymous",
      submissionKey: form.submissionKey,
      _csrf: form.csrf,
    });
    const page = (created.headers.location as string).split("?")[0]!;
    const [row] = await database.query<{ id: string }>(
      "select id from cases where subject = 'Trottoir occupé par un chantier'",
    );
    // Staff asked a question (the staff side does this through its own routes).
    await database.query("update cases set status = 'awaiting_citizen', paused_at = now() where id = $1", [
      row!.id,
    ]);
    expect((await agent.get(page)).body).toContain(`action="${page}/answer"`);
    const notNow = await agent.post(`${page}/rate`, { rating: "5" });
    expect(notNow.statusCode).toBe(422);
    expect((await agent.post(`${page}/answer`, { answer: "" })).statusCode).toBe(422);
    expect((await agent.post(`${page}/answer`, { answer: "Le chantier est au numéro 12." })).statusCode).toBe(
      303,
    );
    expect(await database.query("select status, paused_at from cases where id = $1", [row!.id])).toEqual([
      { status: "in_progress", paused_at: null },
    ]);

    await database.query("update cases set status = 'answered', answered_at = now() where id = $1", [
      row!.id,
    ]);
    expect((await agent.post(`${page}/rate`, { rating: "9" })).statusCode).toBe(422);
    expect((await agent.post(`${page}/rate`, { rating: "2", comment: "Réponse vague." })).statusCode).toBe(
      303,
    );
    expect((await agent.post(`${page}/rate`, { rating: "5" })).statusCode).toBe(422);
    expect(
      (await agent.post(`${page}/reopen`, { reason: "La réponse ne dit pas quand le trottoir sera libéré." }))
        .statusCode,
    ).toBe(303);
    expect(
      await database.query("select status, appeal_level, satisfaction from cases where id = $1", [row!.id]),
    ).toEqual([{ status: "in_progress", appeal_level: 1, satisfaction: 2 }]);
    // The appeal gets its own deadline from today, so it is not overdue at once.
    const [reopened] = await database.query<{ future: boolean }>(
      "select due_at > now() as future from cases where id = $1",
      [row!.id],
    );
    expect(reopened?.future).toBe(true);
    const history = (await agent.get(page)).body;
    expect(history).toContain("Vous avez répondu");
    expect(history).toContain("Vous avez demandé un réexamen");
    expect(history).not.toContain('action="/fr/fr/');

    await database.query(
      "update cases set status = 'answered', answered_at = now() - interval '40 days' where id = $1",
      [row!.id],
    );
    const late = await agent.post(`${page}/reopen`, { reason: "Toujours rien, quarante jours plus tard." });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain("Le délai pour rouvrir cette requête est dépassé");
  });
});

describe("the similar-requests hint before filing", () => {
  it("finds open public requests of the structure from a few words, and lets a signed-in citizen follow one instead", async () => {
    const pothole = await insertCase(database.db, {
      structure: "mun-tn-11",
      type: "notice",
      subject: "Nid-de-poule dangereux avenue de la Liberté",
    });
    const privateOne = await insertCase(database.db, {
      structure: "mun-tn-11",
      type: "complaint",
      subject: "Nid-de-poule dangereux avenue de la Liberté",
    });
    const done = await insertCase(database.db, {
      structure: "mun-tn-11",
      type: "notice",
      status: "closed",
      subject: "Nid-de-poule dangereux avenue de la Liberté",
    });
    const url = `/fr/requests/new?type=notice&structure=mun-tn-11&about=${encodeURIComponent("nid de poule liberte")}`;

    const visitor = new Agent(app);
    const hint = await visitor.get(url);
    expect(hint.statusCode).toBe(200);
    expect(hint.body).toContain("Nous avons trouvé 1 requête ouverte semblable");
    expect(hint.body).toContain(pothole.reference);
    expect(hint.body).not.toContain(privateOne.reference);
    expect(hint.body).not.toContain(done.reference);
    expect(hint.body).toContain("Connectez-vous pour la suivre");
    const none = await visitor.get(
      `/fr/requests/new?type=notice&structure=mun-tn-11&about=${encodeURIComponent("arbre tombé")}`,
    );
    expect(none.body).toContain("Aucune requête ouverte semblable");

    const { agent: citizen } = await signedInAgent(app, database);
    const signedIn = await citizen.get(url);
    expect(signedIn.body).toContain(`action="/fr/requests/${pothole.id}/follow"`);
    const followed = await citizen.post(`/fr/requests/${pothole.id}/follow`);
    expect(followed.statusCode).toBe(303);
    const mine = await citizen.get("/fr/requests");
    expect(mine.body).toContain("Les demandes que vous suivez");
    expect(mine.body).toContain(pothole.reference);
  });
});

roleMatrix("citizen requests", testApp, [
  { method: "GET", url: "/ar/requests/new", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/requests/new?type=complaint", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/requests/new?type=complaint&structure=mun-tn-11", expect: { otherwise: 200 } },
  { method: "GET", url: "/ar/requests/new?type=bogus", expect: { otherwise: 422 } },
  { method: "GET", url: "/ar/requests", expect: { anonymous: 303, otherwise: 200 } },
  {
    method: "GET",
    url: "/ar/requests/00000000-0000-7000-8000-000000000000",
    expect: { anonymous: 303, otherwise: 404 },
  },
  { method: "GET", url: "/ar/requests/follow/unknown-token", expect: { otherwise: 404 } },
  {
    method: "POST",
    url: "/ar/requests/follow/unknown-token/rate",
    form: { rating: "5" },
    expect: { otherwise: 404 },
  },
  {
    method: "POST",
    url: "/ar/requests/00000000-0000-7000-8000-000000000000/follow",
    expect: { anonymous: 303, otherwise: 404 },
  },
]);
