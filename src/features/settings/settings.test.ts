import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
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
