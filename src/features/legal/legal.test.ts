import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInAgent } from "../../../test/accounts.js";
import { Agent, createTestApp } from "../../../test/app.js";
import { roleMatrix } from "../../../test/role-matrix.js";
import { auditEvents } from "../../core/audit/tables.js";
import { accounts } from "../../core/auth/tables.js";
import { legalAcceptances, legalPageVersions } from "./tables.js";

const testApp = await createTestApp();
const { app, database } = testApp;
const db = database.db;

const version = (word: string) => ({
  titleAr: `شروط الاستعمال ${word}`,
  titleFr: `Conditions d’utilisation ${word}`,
  titleEn: `Terms of use ${word}`,
  bodyAr: `## المادة 1\n\nنص ${word}.`,
  bodyFr: `## Article 1\n\nTexte ${word} avec **gras**.\n\n<script>alert(1)</script>`,
  bodyEn: `## Article 1\n\nText ${word}.`,
});

describe("legal pages", () => {
  it("a fresh install has all three, in each language, linked from every page's footer", async () => {
    const visitor = new Agent(app);
    const home = await visitor.get("/ar");
    for (const page of ["terms", "privacy", "accessibility"])
      expect(home.body).toContain(`href="/ar/legal/${page}"`);
    const privacy = await visitor.get("/fr/legal/privacy");
    expect(privacy.body).toContain("Notice relative aux données personnelles");
    expect(privacy.body).toContain("loi organique n° 2004-63");
    expect(privacy.body).toContain("INPDP");
    expect(privacy.body).toContain("En vigueur depuis le");
    expect((await visitor.get("/en/legal/accessibility")).body).toContain("WCAG 2.2");
    expect((await visitor.get("/ar/legal/terms")).body).toContain("شروط الاستعمال");
  });

  it("a platform admin publishes a new version: the public page shows it at once, the old one is kept with who and when", async () => {
    const { agent: admin, account } = await signedInAgent(app, database, {
      platformAdmin: true,
      displayName: "Leila Admin",
    });
    const form = await admin.get("/fr/admin/legal/terms");
    expect(form.body).toContain("Conditions d’utilisation");
    expect(form.body).toContain("Texte d’installation");
    const countTerms = async () =>
      (await db.select().from(legalPageVersions).where(eq(legalPageVersions.page, "terms"))).length;
    const before = await countTerms();
    const saved = await admin.post("/fr/admin/legal/terms", version("révisées"));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/fr/admin/legal/terms");
    // The same form sent twice (a double click) publishes one version.
    expect((await admin.post("/fr/admin/legal/terms", version("révisées"))).statusCode).toBe(303);
    expect(await countTerms()).toBe(before + 1);
    const after = await admin.get("/fr/admin/legal/terms");
    expect(after.body).toContain("La nouvelle version est publiée.");
    expect(after.body).toContain("Leila Admin");
    expect(after.body).toContain("Texte d’installation");

    const page = await new Agent(app).get("/fr/legal/terms");
    expect(page.body).toContain("Conditions d’utilisation révisées");
    expect(page.body).toContain("<strong>gras</strong>");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect((await new Agent(app).get("/en/legal/terms")).body).toContain("Terms of use révisées");

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "legal.publish"), eq(auditEvents.actorId, account.id)));
    expect(event?.details).toEqual({ page: "terms" });
  });

  it("refuses a version missing a language or too long, with each problem linked and the text kept", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const before = await db.select().from(legalPageVersions);
    const answer = await admin.post("/fr/admin/legal/privacy", {
      ...version("incomplète"),
      titleAr: "",
      bodyEn: "x".repeat(60_001),
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.body).toContain('href="#titleAr"');
    expect(answer.body).toContain('href="#bodyEn"');
    // Each message names its field and its language, and says what to do.
    expect(answer.body).toContain("Saisissez le titre en arabe");
    expect(answer.body).toContain("Raccourcissez le texte en anglais à 60");
    expect(answer.body).toContain("Texte incomplète");
    expect(await db.select().from(legalPageVersions)).toHaveLength(before.length);
  });

  it("refuses a publication without its CSRF token", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    const answer = await admin.post("/fr/admin/legal/terms", version("forgée"), { csrf: false });
    expect(answer.statusCode).toBe(403);
    expect((await new Agent(app).get("/fr/legal/terms")).body).not.toContain("forgée");
  });

  it("the sign-up form links both texts, and sign-up records the versions in force that the person accepted", async () => {
    const { agent: admin } = await signedInAgent(app, database, { platformAdmin: true });
    expect((await admin.post("/fr/admin/legal/privacy", version("v2"))).statusCode).toBe(303);
    const [privacy] = await db
      .select()
      .from(legalPageVersions)
      .where(eq(legalPageVersions.page, "privacy"))
      .orderBy(legalPageVersions.createdAt)
      .then((rows) => rows.slice(-1));

    const visitor = new Agent(app);
    const form = await visitor.get("/fr/sign-up");
    expect(form.body).toContain(
      "J’accepte les conditions d’utilisation et la notice relative aux données personnelles",
    );
    expect(form.body).toContain('href="/fr/legal/terms"');
    expect(form.body).toContain('href="/fr/legal/privacy"');
    const answer = await visitor.post("/fr/sign-up", {
      displayName: "Yassine Gharbi",
      email: "yassine@example.tn",
      password: "a long enough passphrase 42",
      terms: "yes",
    });
    expect(answer.statusCode).toBe(200);
    const [account] = await db.select().from(accounts).where(eq(accounts.email, "yassine@example.tn"));
    const accepted = await db
      .select({ page: legalPageVersions.page, id: legalPageVersions.id })
      .from(legalAcceptances)
      .innerJoin(legalPageVersions, eq(legalPageVersions.id, legalAcceptances.versionId))
      .where(eq(legalAcceptances.accountId, account!.id));
    expect(accepted.map((a) => a.page).sort()).toEqual(["privacy", "terms"]);
    expect(accepted.find((a) => a.page === "privacy")?.id).toBe(privacy!.id);
  });
});

// Last: its publications would replace the texts the tests above read.
roleMatrix("legal pages", testApp, [
  { method: "GET", url: "/fr/legal/terms", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/legal/privacy", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/legal/accessibility", expect: { otherwise: 200 } },
  { method: "GET", url: "/fr/legal/cookies", expect: { otherwise: 404 } },
  { method: "GET", url: "/fr/admin/legal", expect: { anonymous: 303, platform_admin: 200, otherwise: 403 } },
  {
    method: "GET",
    url: "/fr/admin/legal/privacy",
    expect: { anonymous: 303, platform_admin: 200, otherwise: 403 },
  },
  {
    method: "POST",
    url: "/fr/admin/legal/accessibility",
    form: version("matrice"),
    expect: { anonymous: 303, platform_admin: 303, otherwise: 403 },
  },
  {
    method: "POST",
    url: "/fr/admin/legal/accessibility",
    form: { ...version("matrice"), bodyEn: "" },
    expect: { anonymous: 303, platform_admin: 422, otherwise: 403 },
  },
]);
