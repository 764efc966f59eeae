import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../../test/accounts.js";
import { Agent } from "../../../../../test/app.js";
import { mailsTo } from "../../../../../test/mail.js";
import { multipart } from "../../../../../test/multipart.js";
import { sha256 } from "../../../../core/auth/secrets.js";
import { caseAttachments } from "../../tables.js";
import { eventsOf, insertCase, reload, staffPeople, staffTestApp } from "../testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);

const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const answer = "Veuillez trouver ci-joint la décision de la commission.";

/** Sends the case page's reply form as a browser does: multipart, with the page's CSRF token. */
async function reply(
  agent: Agent,
  caseId: string,
  files: Parameters<typeof multipart>[1],
  options: { csrf?: boolean; body?: string } = {},
) {
  const page = await agent.get(`/fr/staff/requests/${caseId}`);
  expect(page.body).toContain(`action="/fr/staff/requests/${caseId}/reply" enctype="multipart/form-data"`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const fields = { ...(options.csrf === false ? {} : { _csrf: csrf }), body: options.body ?? answer };
  const { payload, contentType } = multipart(fields, files);
  return app.inject({
    method: "POST",
    url: `/fr/staff/requests/${caseId}/reply`,
    headers: { cookie: agent.cookieHeader(), "content-type": contentType },
    payload,
  });
}

const asPdf = (data: Buffer, filename = "decision.pdf") => ({
  name: "attachments",
  filename,
  type: "application/pdf",
  data,
});

describe("a reply with documents", () => {
  it("reaches the citizen, who downloads the same bytes from their request; nobody else can", async () => {
    const owner = people.citizen;
    const c = await insertCase(db, { status: "in_progress", submitterId: owner.account.id });
    const sent = await reply(people.agent.agent, c.id, [asPdf(pdf)]);
    expect(sent.statusCode).toBe(303);
    expect((await reload(db, c.id)).status).toBe("answered");

    // The document hangs on the reply in the timeline, not on the citizen's own submission.
    const replied = (await eventsOf(db, c.id)).find((e) => e.kind === "replied")!;
    const [attachment] = await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, c.id));
    expect(attachment).toMatchObject({ eventId: replied.id, mime: "application/pdf", size: pdf.length });

    // The owner sees it with the answer and downloads it.
    const page = await owner.agent.get(`/fr/requests/${c.id}`);
    const history = page.body.slice(page.body.indexOf('class="sh-history"'));
    expect(history).toContain(answer);
    expect(history).toContain(`href="/fr/requests/${c.id}/files/${attachment!.id}"`);
    const download = await owner.agent.get(`/fr/requests/${c.id}/files/${attachment!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // Staff of the structure too; another citizen and another structure's agent get "not found".
    const staff = await people.colleague.agent.get(`/fr/staff/requests/${c.id}/files/${attachment!.id}`);
    expect(staff.rawPayload.equals(pdf)).toBe(true);
    const stranger = (await signedInAgent(app, database, {})).agent;
    expect((await stranger.get(`/fr/requests/${c.id}/files/${attachment!.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/fr/requests/${c.id}`)).statusCode).toBe(404);
    expect(
      (await people.otherAgent.agent.get(`/fr/staff/requests/${c.id}/files/${attachment!.id}`)).statusCode,
    ).toBe(404);
    expect((await new Agent(app).get(`/fr/requests/${c.id}/files/${attachment!.id}`)).statusCode).toBe(303);
  });

  it("reaches the holder of the anonymous follow-up link, and only them", async () => {
    const token = "follow-token-for-a-reply-with-a-document-0001";
    const email = "holder-of-the-link@example.tn";
    const c = await insertCase(db, { status: "new", followTokenHash: sha256(token), contactEmail: email });
    expect((await reply(people.admin.agent, c.id, [asPdf(pdf)])).statusCode).toBe(303);
    // The mail with the answer says a document comes with it, and where to get it.
    const [mail] = await mailsTo(database, email);
    expect(mail?.textBody).toMatch(/Un document accompagne|A document comes|وثيقة واحدة/);
    const [attachment] = await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, c.id));
    const holder = new Agent(app);
    expect((await holder.get(`/fr/requests/follow/${token}`)).body).toContain(
      `/fr/requests/follow/${token}/files/${attachment!.id}`,
    );
    const download = await holder.get(`/fr/requests/follow/${token}/files/${attachment!.id}`);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const guess = await holder.get(`/fr/requests/follow/${token}x/files/${attachment!.id}`);
    expect(guess.statusCode).toBe(404);
    // The file of another request is not reachable through this request's link.
    const other = await insertCase(db, { status: "new" });
    await reply(people.admin.agent, other.id, [asPdf(Buffer.concat([pdf, Buffer.from("% autre\n")]))]);
    const [foreign] = await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, other.id));
    expect((await holder.get(`/fr/requests/follow/${token}/files/${foreign!.id}`)).statusCode).toBe(404);
  });

  it("refuses a file that is no PDF or image, one too large, or too many: a translated error, the text kept, nothing sent", async () => {
    const cases = [
      {
        files: [asPdf(Buffer.from("MZ this is an executable, not a PDF"), "facture.pdf")],
        message: "Seuls les photos (JPEG, PNG, WebP, HEIC) et les PDF sont acceptés",
      },
      {
        files: [asPdf(Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]))],
        message: "Chaque fichier doit faire au plus 5 Mo",
      },
      { files: Array.from({ length: 4 }, () => asPdf(pdf)), message: "Joignez au plus 3 fichiers" },
    ];
    for (const { files, message } of cases) {
      const c = await insertCase(db, { status: "in_progress" });
      const answered = await reply(people.agent.agent, c.id, files);
      expect(answered.statusCode).toBe(422);
      expect(answered.body).toContain(message);
      expect(answered.body).toContain('href="#reply-attachments"');
      // The reply typed is still in its box, and nothing reached the citizen.
      expect(answered.body).toContain(answer);
      expect((await reload(db, c.id)).status).toBe("in_progress");
      expect((await eventsOf(db, c.id)).map((e) => e.kind)).toEqual(["submitted"]);
      expect(await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, c.id))).toHaveLength(0);
    }
  });

  it("refuses an upload without its CSRF token, and one by staff of another structure", async () => {
    const c = await insertCase(db, { status: "in_progress" });
    expect((await reply(people.agent.agent, c.id, [asPdf(pdf)], { csrf: false })).statusCode).toBe(403);
    // Another structure's agent, with a valid token of their own: the request does not exist for them.
    const queue = await people.otherAgent.agent.get("/fr/staff/requests");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(queue.body)![1]!;
    const { payload, contentType } = multipart({ _csrf: csrf, body: answer }, [asPdf(pdf)]);
    const other = await app.inject({
      method: "POST",
      url: `/fr/staff/requests/${c.id}/reply`,
      headers: { cookie: people.otherAgent.agent.cookieHeader(), "content-type": contentType },
      payload,
    });
    expect(other.statusCode).toBe(404);
    expect((await reload(db, c.id)).status).toBe("in_progress");
  });

  it("still answers without any document, from a form sent without a file", async () => {
    const c = await insertCase(db, { status: "in_progress" });
    expect((await reply(people.agent.agent, c.id, [])).statusCode).toBe(303);
    expect((await reload(db, c.id)).status).toBe("answered");
  });
});
