import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { accounts } from "../../core/auth/tables.js";
import { insertCase, reload } from "../cases/workspace/testing.js";
import { getPlatformSettings, isSignUpOpen } from "./queries.js";

const testApp = await createTestApp();
const { app, database } = testApp;

const valid = { contactEmail: "contact@sharek.tn", signUpOpen: "yes", reopenWindowDays: "15" };

roleMatrix("settings", testApp, [
  {
    method: "GET",
    url: "/fr/admin/settings",
    expect: { anonymous: 303, platform_admin: 200, otherwise: 403 },
  },
  {
    method: "POST",
    url: "/fr/admin/settings",
    form: valid,
    expect: { anonymous: 303, platform_admin: 303, otherwise: 403 },
  },
  {
    method: "POST",
    url: "/fr/admin/settings",
    form: { ...valid, reopenWindowDays: "0" },
    expect: { anonymous: 303, platform_admin: 422, otherwise: 403 },
  },
]);

describe("platform settings", () => {
  it("start from their defaults: sign-up open, 15 days, no contact address", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const page = await agent.get("/en/admin/settings");
    expect(page.body).toContain('value="15"');
    expect(page.body).toMatch(/value="yes" checked/);
    expect(page.body).toContain('aria-current="page">Settings');
  });

  it("are saved, read back, announced and audited by name only", async () => {
    const { agent, account } = await signedInAgent(app, database, { platformAdmin: true });
    const saved = await agent.post("/ar/admin/settings", {
      contactEmail: "citoyen@sharek.tn",
      signUpOpen: "no",
      reopenWindowDays: "30",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/ar/admin/settings");
    const page = await agent.get("/ar/admin/settings");
    expect(page.body).toContain("تم حفظ الإعدادات.");
    expect(page.body).toContain('value="citoyen@sharek.tn"');
    expect(page.body).toMatch(/value="no" checked/);
    expect(await isSignUpOpen(database.db)).toBe(false);
    expect((await getPlatformSettings(database.db)).reopenWindowDays).toBe(30);

    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "settings.update"));
    const mine = events.filter((e) => e.actorId === account.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.details).toEqual({ changed: ["contactEmail", "signUpOpen", "reopenWindowDays"] });
    expect(JSON.stringify(mine[0]?.details)).not.toContain("citoyen@");
  });

  it("re-render with every problem linked to its field and the typed values kept", async () => {
    const { agent } = await signedInAgent(app, database, { platformAdmin: true });
    const response = await agent.post("/fr/admin/settings", {
      contactEmail: "pas une adresse",
      reopenWindowDays: "91",
    });
    expect(response.statusCode).toBe(422);
    for (const field of ["contactEmail", "signUpOpen", "reopenWindowDays"])
      expect(response.body).toContain(`href="#${field}"`);
    expect(response.body).toContain('value="pas une adresse"');
    expect(response.body).toContain("Saisissez un nombre entier de jours de 1 à 90");
  });
});

describe("settings take effect", () => {
  const newcomer = (email: string) => ({
    displayName: "Nour Trabelsi",
    email,
    password: "a long enough passphrase 42",
    terms: "yes",
  });
  const accountWith = async (email: string) =>
    database.db.select().from(accounts).where(eq(accounts.email, email));

  it("closing sign-up replaces the form with a message and refuses a sign-up POST; opening it again restores both", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    expect((await admin.post("/fr/admin/settings", { ...valid, signUpOpen: "no" })).statusCode).toBe(303);

    const visitor = new Agent(app);
    const page = await visitor.get("/fr/sign-up");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Les inscriptions sont fermées pour le moment");
    expect(page.body).not.toContain('name="password"');
    const refused = await visitor.post("/fr/sign-up", newcomer("nour.closed@example.tn"));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Les inscriptions sont fermées pour le moment");
    expect(await accountWith("nour.closed@example.tn")).toHaveLength(0);

    expect((await admin.post("/fr/admin/settings", { ...valid, signUpOpen: "yes" })).statusCode).toBe(303);
    expect((await visitor.get("/fr/sign-up")).body).toContain('name="password"');
    const accepted = await visitor.post("/fr/sign-up", newcomer("nour.open@example.tn"));
    expect(accepted.statusCode).toBe(200);
    expect(await accountWith("nour.open@example.tn")).toHaveLength(1);
  });

  it("the reopen window the admin sets is the one a citizen's reopen is judged by, and the one the page offers it by", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const { agent: citizen, account } = await signedInAgent(app, database);
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000);
    const c = await insertCase(database.db, {
      submitterId: account.id,
      status: "answered",
      answeredAt: tenDaysAgo,
    });
    const reason = { reason: "La réponse ne règle pas le problème de la rue." };

    expect((await admin.post("/fr/admin/settings", { ...valid, reopenWindowDays: "7" })).statusCode).toBe(
      303,
    );
    const tooLate = await citizen.get(`/fr/requests/${c.id}`);
    expect(tooLate.body).not.toContain("La réponse ne vous satisfait pas ?");
    expect(tooLate.body).not.toContain(`action="/fr/requests/${c.id}/reopen"`);
    const late = await citizen.post(`/fr/requests/${c.id}/reopen`, reason);
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain("Le délai pour rouvrir cette requête est dépassé");
    expect((await reload(database.db, c.id)).status).toBe("answered");

    expect((await admin.post("/fr/admin/settings", { ...valid, reopenWindowDays: "30" })).statusCode).toBe(
      303,
    );
    const inWindow = await citizen.get(`/fr/requests/${c.id}`);
    expect(inWindow.body).toContain("Vous pouvez rouvrir la requête jusqu’au");
    expect(inWindow.body).toContain(`action="/fr/requests/${c.id}/reopen"`);
    const inTime = await citizen.post(`/fr/requests/${c.id}/reopen`, reason);
    expect(inTime.statusCode).toBe(303);
    const reopened = await reload(database.db, c.id);
    expect(reopened.status).toBe("in_progress");
    expect(reopened.appealLevel).toBe(1);
    await admin.post("/fr/admin/settings", valid);
  });
});
