import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { structures } from "../src/core/structures/tables.js";
import { results } from "../src/features/accountability/tables.js";
import {
  consultationOutcomes,
  consultationSections,
  consultationSyntheses,
  consultations,
} from "../src/features/consultations/tables.js";
import { createAccount } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectFitsPhone, expectNoAxeViolations, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();
const db = server.database.db;

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

async function signedIn(options: Parameters<typeof createAccount>[1]) {
  const account = await createAccount(server.database, options);
  const { token } = await createSession(db, account.id, {
    persistent: false,
    device: "e2e",
    secondFactor: Boolean(account.totpEnabledAt),
  });
  const context = await newContext(browser, { baseURL: server.origin });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
  ]);
  return { page: await context.newPage(), account };
}

/** A consultation of the Municipality of Tunis whose outcome is published: two articles, both kept. */
async function decidedConsultation() {
  const [tunis] = await db.select().from(structures).where(eq(structures.code, "mun-tn-11"));
  const now = Date.now();
  const [c] = await db
    .insert(consultations)
    .values({
      structureId: tunis!.id,
      title: {
        ar: "مشروع قرار بلدي حول الأسواق",
        fr: "Projet d’arrêté sur les marchés",
        en: "Draft order on markets",
      },
      summary: { ar: "توقيت الأسواق ونظافتها." },
      body: {},
      theme: "local_governance",
      area: "municipality",
      governorateCode: "TN-11",
      municipalityId: tunis!.id,
      visibility: "published",
      publishedAt: new Date(now - 60 * 86_400_000),
      opensAt: new Date(now - 60 * 86_400_000),
      closesAt: new Date(now - 20 * 86_400_000),
      outcomePublishedAt: new Date(now - 5 * 86_400_000),
    })
    .returning();
  const sections = await db
    .insert(consultationSections)
    .values([
      {
        consultationId: c!.id,
        position: 1,
        title: { ar: "توقيت الأسواق" },
        body: { ar: "من السابعة إلى الثانية." },
      },
      {
        consultationId: c!.id,
        position: 2,
        title: { ar: "نظافة الأماكن" },
        body: { ar: "ينظف كل تاجر مكانه." },
      },
    ])
    .returning();
  await db.insert(consultationSyntheses).values({
    consultationId: c!.id,
    summary: { ar: "طالب المشاركون بتوقيت أطول." },
    publishedAt: new Date(now - 5 * 86_400_000),
  });
  await db.insert(consultationOutcomes).values(
    sections.map((s) => ({
      consultationId: c!.id,
      sectionId: s.id,
      decision: "kept" as const,
      reason: { ar: "أيده أغلب المشاركين." },
      finalTextUrl: "https://www.commune-tunis.gov.tn/",
    })),
  );
  return c!;
}

describe("results, in Arabic, in the browser", () => {
  it("are made from a consultation's decisions, moved to 40 %, and shown under its «what we did»", async () => {
    const c = await decidedConsultation();
    const admin = await signedIn({ roles: [{ structure: "mun-tn-11", role: "structure_admin" }] });
    const a = admin.page;
    await visit(a, `/ar/admin/accountability/from-consultation/${c.id}`);
    expect(await a.textContent("h1")).toContain("نتائج قرارات الاستشارة");
    await submit(a, 'form[action*="/from-consultation/"] button[type="submit"]');
    expect(await a.textContent("main")).toContain("تم نشر نتائج القرارات.");
    const parentId = /accountability\/([0-9a-f-]{36})/.exec(a.url())![1]!;
    const [child] = await db
      .select()
      .from(results)
      .where(eq(results.parentId, parentId))
      .orderBy(results.code);

    await visit(a, `/ar/accountability/${child!.id}`);
    await a.fill("#update-bodyAr", "تمت المصادقة على التوقيت الجديد في المجلس البلدي.");
    await a.selectOption("#update-status", "in_progress");
    await a.fill("#update-progress", "40");
    await submit(a, 'form[action$="/updates"] button[type="submit"]');
    const main = await a.textContent("main");
    expect(main).toContain("تم نشر التحيين.");
    expect(main).toContain("نسبة الإنجاز: 0 % ← 40 %");
    expect(await a.getAttribute("#result-progress", "value")).toBe("40");
    await expectFitsPhone(a);

    // Anyone, signed in or not, reads it on the consultation, the list and the result.
    const context = await newContext(browser, { baseURL: server.origin });
    const p = await context.newPage();
    await visit(p, `/ar/consultations/${c.id}`, { phone: true });
    const did = await p.textContent(".sh-outcome");
    expect(did).toContain("ما يتم إنجازه: النتائج");
    expect(did).toContain("نسبة الإنجاز: 40 %");
    expect(did).toContain("نسبة الإنجاز: 20 %");
    await visit(p, "/ar/accountability", { phone: true });
    expect(await p.getAttribute("html", "dir")).toBe("rtl");
    expect(await p.textContent("main")).toContain("مشروع قرار بلدي حول الأسواق");
    await visit(p, `/ar/accountability/${parentId}`, { phone: true });
    expect(await p.textContent("main")).toContain("محتسبة من أجزائها حسب أوزانها.");
    await p.screenshot({ path: `${SCREENSHOTS}accountability-ar.png`, fullPage: true });
    await context.close();
  });
});
