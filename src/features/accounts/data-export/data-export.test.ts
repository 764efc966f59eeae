import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../../test/accounts.js";
import { Agent } from "../../../../test/app.js";
import { linkInLatestMail, mailsTo } from "../../../../test/mail.js";
import { sendRequestForm } from "../../../../test/request-form.js";
import { roleMatrix } from "../../../../test/role-matrix.js";
import { cases } from "../../cases/tables.js";
import { staffPeople, staffTestApp } from "../../cases/workspace/testing.js";
import { dataExports } from "../tables.js";
import { dataExportsJob } from "./exports.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const db = database.db;
const people = await staffPeople(testApp);
const env = () => ({
  publicUrl: app.config.publicUrl,
  secret: app.config.cookieSecret,
  features: app.features,
  files: app.files,
});

/** The entries of a ZIP and one entry's text, read with Info-ZIP's unzip as a person's computer would. */
function unzipped(zip: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), "sharek-export-"));
  const path = join(dir, "export.zip");
  writeFileSync(path, zip);
  const names = execFileSync("unzip", ["-Z1", path], { encoding: "utf8" }).trim().split("\n");
  const read = (name: string) => execFileSync("unzip", ["-p", path, name], { encoding: "utf8" });
  const all = names
    .filter((n) => !n.startsWith("files/"))
    .map(read)
    .join("\n");
  return { names, read, all };
}

async function fileRequest(agent: Agent, subject: string, withPhoto = false) {
  const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#369" } })
    .png()
    .toBuffer();
  const response = await sendRequestForm(
    app,
    agent,
    "fr",
    {
      type: "complaint",
      structure: "gov-tn-11",
      subject,
      description: `${subject} : description détaillée du problème, depuis deux semaines.`,
      governorate: "TN-11",
    },
    withPhoto ? [{ name: "attachments", filename: "photo.png", type: "image/png", data: photo }] : [],
  );
  expect(response.statusCode).toBe(303);
  const [row] = await db.select().from(cases).where(eq(cases.subject, subject));
  return row!;
}

describe("download my data", () => {
  it("prepares a ZIP of the person's data by a job, mails a link, and serves it to them only", async () => {
    const { agent: person, account } = await signedInAgent(app, database, { displayName: "Nadia Exportée" });
    const { agent: stranger } = await signedInAgent(app, database, { displayName: "Karim Autrui" });
    const mine = await fileRequest(person, "Trottoir effondré rue de Rome", true);
    await fileRequest(stranger, "Fuite d’eau chez un autre citoyen");
    // The agent answers the request, and writes an internal note the citizen never sees.
    const reply = "Nos équipes répareront le trottoir lundi prochain.";
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${mine.id}/reply`, { body: reply })).statusCode,
    ).toBe(303);
    const note = "NOTE INTERNE : le voisin est connu des services.";
    expect(
      (await people.agent.agent.post(`/fr/staff/requests/${mine.id}/note`, { body: note })).statusCode,
    ).toBe(303);

    const page = await person.get("/fr/account/data");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Préparer une copie de mes données");
    // No CSRF token: refused, nothing asked for.
    expect((await person.post("/fr/account/data", { _csrf: "forged" })).statusCode).toBe(403);
    const asked = await person.post("/fr/account/data");
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe("/fr/account/data");
    // Asking again while one is prepared changes nothing: one pending per person.
    expect((await person.post("/fr/account/data")).statusCode).toBe(303);
    const pendingPage = await person.get("/fr/account/data");
    expect(pendingPage.body).toContain("Une copie est déjà en préparation");
    expect(pendingPage.body).not.toContain("Préparer une copie de mes données");
    expect(await db.select().from(dataExports).where(eq(dataExports.accountId, account.id))).toHaveLength(1);

    expect(await dataExportsJob.run(db, new Date(), env())).toBe(1);
    expect(await dataExportsJob.run(db, new Date(), env())).toBe(0);

    const [mail] = await mailsTo(database, account.email!);
    expect(mail?.subject).toBe("Sharek : vos données sont prêtes");
    const link = await linkInLatestMail(database, account.email!);
    expect(link).toMatch(/^\/fr\/account\/data\/[0-9a-f-]{36}\/download$/);
    // The page shows it too.
    const ready = await person.get("/fr/account/data");
    expect(ready.body).toContain(`href="${link}"`);
    expect(ready.body).toContain("Prête");

    // Someone else, or nobody, gets nothing: not found, or sent to sign in.
    expect((await stranger.get(link)).statusCode).toBe(404);
    const anonymous = await new Agent(app).get(link);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/fr/sign-in");

    const download = await person.get(link);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/zip");
    expect(download.headers["content-disposition"]).toMatch(
      /^attachment; filename="sharek-my-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(download.headers["cache-control"]).toContain("no-store");
    const zip = unzipped(download.rawPayload);
    for (const part of [
      "account",
      "requests",
      "request-messages",
      "request-files",
      "ideas",
      "consents",
      "sessions",
    ]) {
      expect(zip.names).toContain(`${part}.json`);
      expect(zip.names).toContain(`${part}.csv`);
    }
    expect(zip.read("account.json")).toContain("Nadia Exportée");
    expect(zip.read("requests.csv")).toContain("Trottoir effondré rue de Rome");
    expect(zip.read("requests.json")).toContain(mine.reference);
    const messages = JSON.parse(zip.read("request-messages.json")) as Array<{
      kind: string;
      body: string | null;
    }>;
    expect(messages).toContainEqual(
      expect.objectContaining({ kind: "replied", body: reply, from: "structure" }),
    );
    expect(zip.read("request-messages.csv")).toContain(reply);
    // The photo they sent is in it.
    const photos = zip.names.filter((n) => n.startsWith(`files/requests/${mine.reference}/`));
    expect(photos).toHaveLength(1);
    // Nothing of anyone else: no internal note, no other person's request or name, no staff name.
    expect(zip.all).not.toContain("NOTE INTERNE");
    expect(zip.all).not.toContain("Fuite d’eau");
    expect(zip.all).not.toContain("Karim Autrui");
    expect(zip.all).not.toContain("Agent Tunis");

    // Once expired, the link answers 410 with a way to ask again.
    await db
      .update(dataExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataExports.accountId, account.id));
    const expired = await person.get(link);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("Demander une nouvelle copie");
  });

  it("writes CSV cells a spreadsheet will not run as formulas", async () => {
    const { agent: person } = await signedInAgent(app, database, {
      displayName: '=HYPERLINK("http://evil")',
    });
    await person.post("/en/account/data");
    await dataExportsJob.run(db, new Date(), env());
    const page = await person.get("/en/account/data");
    const link = /href="(\/en\/account\/data\/[0-9a-f-]{36}\/download)"/.exec(page.body)?.[1];
    const zip = unzipped((await person.get(link!)).rawPayload);
    expect(zip.read("account.csv")).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(zip.read("account.json")).toContain('"=HYPERLINK(\\"http://evil\\")"');
  });

  it("a bad id is not found, never a server error", async () => {
    const { agent: person } = await signedInAgent(app, database, {});
    expect((await person.get("/fr/account/data/not-an-id/download")).statusCode).toBe(404);
    expect(
      (await person.get("/fr/account/data/00000000-0000-4000-8000-000000000000/download")).statusCode,
    ).toBe(404);
  });
});

roleMatrix("download my data", testApp, [
  { method: "GET", url: "/fr/account/data", expect: { anonymous: 303, otherwise: 200 } },
  { method: "POST", url: "/fr/account/data", expect: { anonymous: 303, otherwise: 303 } },
  {
    method: "GET",
    url: "/fr/account/data/00000000-0000-4000-8000-000000000000/download",
    expect: { anonymous: 303, otherwise: 404 },
  },
]);
