import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAccount, signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { mailsTo } from "../../../test/mail.js";
import { HOME_STRUCTURE, roleMatrix } from "../../../test/role-matrix.js";
import { followableOf } from "../../core/features/registry.js";
import { FEATURES } from "../index.js";
import { findStructureByCode } from "../structures/queries.js";
import { follow, settingsFor } from "../subscriptions/commands.js";
import { subscriberSettings } from "../subscriptions/tables.js";
import { sendNewsletterBatches } from "./commands.js";
import { newsletters } from "./tables.js";

const FOLLOWABLE = followableOf(FEATURES);

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;
const home = (await findStructureByCode(db, HOME_STRUCTURE))!;
const [draft] = await db
  .insert(newsletters)
  .values({ structureId: home.id, subject: "Draft", body: "Text", segment: "all" })
  .returning();

const adminsOnly = {
  anonymous: 303,
  citizen: 403,
  structure_admin: 200,
  platform_admin: 200,
  other_staff: 200,
  otherwise: 403,
};
roleMatrix("newsletters", testApp, [
  { method: "GET", url: "/fr/admin/newsletters", expect: adminsOnly },
  { method: "GET", url: "/fr/admin/newsletters/new", expect: adminsOnly },
  {
    method: "POST",
    url: "/fr/admin/newsletters/new",
    form: () => ({ structureId: home.id, subject: "Info", body: "Bonjour", segment: "all" }),
    expect: { ...adminsOnly, structure_admin: 303, platform_admin: 303, other_staff: 422 },
  },
  {
    method: "GET",
    url: () => `/fr/admin/newsletters/${draft!.id}`,
    expect: { ...adminsOnly, other_staff: 404 },
  },
  { method: "GET", url: "/fr/newsletters/unsubscribe/abc", expect: { otherwise: 200 } },
  { method: "POST", url: "/fr/newsletters/unsubscribe/abc", expect: { otherwise: 404 } },
]);

async function optedIn(governorate?: string) {
  const account = await createAccount(database, {});
  await settingsFor(db, account.id);
  await db
    .update(subscriberSettings)
    .set({ newsletter: true })
    .where(eq(subscriberSettings.accountId, account.id));
  if (governorate) await follow(db, FOLLOWABLE, account.id, "governorate", governorate);
  return account;
}

describe("a newsletter", () => {
  it("is previewed, sent in batches to its segment, and its List-Unsubscribe header unsubscribes with one POST", async () => {
    const sfax = [await optedIn("TN-61"), await optedIn("TN-61"), await optedIn("TN-61")];
    const tunis = await optedIn("TN-11");
    const notOptedIn = await createAccount(database, {});
    await follow(db, FOLLOWABLE, notOptedIn.id, "governorate", "TN-61");

    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const created = await agent.post("/fr/admin/newsletters/new", {
      structureId: "platform",
      subject: "Journée d’information à Sfax",
      body: "Rendez-vous au siège du gouvernorat.",
      segment: "governorate",
      segmentValue: "TN-61",
    });
    expect(created.statusCode).toBe(303);
    const preview = await agent.get(created.headers.location as string);
    expect(preview.body).toContain("Rendez-vous au siège du gouvernorat.");
    expect(preview.body).toContain("3 personnes");
    const id = (created.headers.location as string).split("/").pop()!;
    expect((await agent.post(`/fr/admin/newsletters/${id}/send`)).statusCode).toBe(303);
    // A second click does not send twice.
    await agent.post(`/fr/admin/newsletters/${id}/send`);

    expect(await sendNewsletterBatches(db, "http://sharek.test", 2)).toBe(3);
    expect(await sendNewsletterBatches(db, "http://sharek.test", 2)).toBe(0);
    const [row] = await db.select().from(newsletters).where(eq(newsletters.id, id));
    expect(row!.status).toBe("sent");
    expect(row!.recipients).toBe(3);
    expect(await mailsTo(database, tunis.email!)).toEqual([]);
    expect(await mailsTo(database, notOptedIn.email!)).toEqual([]);

    const [mail] = await mailsTo(database, sfax[0]!.email!);
    expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<(.+)>$/.exec(mail!.headers["List-Unsubscribe"]!)![1]!;
    expect(url).toMatch(/^http:\/\/sharek\.test\/ar\/newsletters\/unsubscribe\/[A-Za-z0-9_-]{32}$/);
    // What a mail client does (RFC 8058): a POST with no cookie and no CSRF token.
    const response = await app.inject({
      method: "POST",
      url: new URL(url).pathname,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(response.statusCode).toBe(200);
    expect((await settingsFor(db, sfax[0]!.id)).newsletter).toBe(false);
    expect((await settingsFor(db, sfax[1]!.id)).newsletter).toBe(true);
  });

  it("refuses a segment value that does not match, keeping what was typed", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const response = await agent.post("/fr/admin/newsletters/new", {
      structureId: "platform",
      subject: "Sujet gardé",
      body: "Texte",
      segment: "theme",
      segmentValue: "TN-61",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Sujet gardé");
    expect(response.body).toContain("qui correspond aux destinataires");
  });

  it("names the subject or the text that is too long and says what to do", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const response = await agent.post("/en/admin/newsletters/new", {
      structureId: "platform",
      subject: "s".repeat(201),
      body: "b".repeat(20_001),
      segment: "all",
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Shorten the subject to 200 characters or fewer");
    expect(response.body).toContain("Shorten the text to 20,000 characters or fewer");
    expect(response.body).toContain('href="#subject"');
    expect(response.body).toContain('href="#body"');
  });
});
