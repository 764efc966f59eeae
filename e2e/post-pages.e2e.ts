import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createTestConsultation } from "../src/features/consultations/testing.js";
import { events } from "../src/features/events/tables.js";
import { settleAppointments } from "../src/features/integrity/appointments.js";
import { CENTRAL_INTEGRITY_CODE, enrolOfficerKeys } from "../src/features/integrity/officers.js";
import { findStructureByCode } from "../src/features/structures/queries.js";
import { createAccount, TEST_PASSWORD } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { expectFitsPhone, expectNoAxeViolations, PHONE, SCREENSHOTS, visit } from "./visit.js";

/**
 * The pages only a form's answer leads to (confirmations, forms sent back with their errors, error
 * pages), which the sweeps of GET pages never see: each passes axe and fits a 390 × 844 phone, in
 * Arabic (right to left, where overflow hides), JavaScript off. A screenshot of each is kept in
 * e2e/screenshots/post-<name>-ar.png.
 */
const { server, browser } = await startSuite();
const db = server.database.db;

const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** A phone-sized page with JavaScript off: anonymous, or signed in with these account options. */
async function phonePage(signedIn?: Parameters<typeof createAccount>[1]): Promise<Page> {
  const context = signedIn
    ? (await signedInContext(browser, server, signedIn, { javaScriptEnabled: false })).context
    : await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false });
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  return page;
}

/**
 * Clicks `selector` (a form's button), waits for the page the answer leads to, and checks it:
 * its status, axe, nothing wider than the phone; keeps its screenshot.
 */
async function submitAndCheck(page: Page, selector: string, name: string, status = 200): Promise<void> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  expect.soft(response?.status(), `HTTP status of ${name}`).toBe(status);
  await expectNoAxeViolations(page, name);
  await expectFitsPhone(page, name, { screenshot: `${SCREENSHOTS}post-${name}-ar.png` });
}

const REQUEST_FORM = "/ar/requests/new?type=complaint&structure=mun-tn-11";
const REQUEST_SUBMIT = 'form[enctype="multipart/form-data"] button[type="submit"]';

/** A word too long for a phone's line: what people paste (addresses, file names) overflows if not broken. */
const LONG_WORD = "https://example.tn/nahj-roma/eclairage-public-en-panne-depuis-deux-semaines";

/** Fills the complaint form, with a long unbroken word in its subject and description. */
async function fillRequest(page: Page) {
  await page.fill("#subject", `الإنارة العمومية معطّبة في نهج روما ${LONG_WORD}`);
  await page.fill("#description", `منذ أسبوعين لا تشتغل أعمدة الإنارة في نهج روما. صورة: ${LONG_WORD}.jpg`);
  await page.selectOption("#governorate", "TN-11");
  if (await page.locator('input[name="contactMode"][value="anonymous"]').count())
    await page.check('input[name="contactMode"][value="anonymous"]');
}

describe("pages reached by a form, in Arabic, on a 390 × 844 phone, JavaScript off", () => {
  it("a request: the form sent back empty (422), then the confirmation, anonymous and signed in", async () => {
    const anonymous = await phonePage();
    await visit(anonymous, REQUEST_FORM);
    await submitAndCheck(anonymous, REQUEST_SUBMIT, "request-errors", 422);
    await fillRequest(anonymous);
    await submitAndCheck(anonymous, REQUEST_SUBMIT, "request-confirmation");
    expect(new URL(anonymous.url()).pathname).toMatch(/^\/ar\/requests\/follow\//);

    const citizen = await phonePage({});
    await visit(citizen, REQUEST_FORM);
    await fillRequest(citizen);
    await submitAndCheck(citizen, REQUEST_SUBMIT, "request-confirmation-signed-in");
    expect(await citizen.textContent("main")).toMatch(/EC-\d{4}-\d{6}/);
  });

  it("an integrity report: the confirmation with its receipt", async () => {
    const officer = await createAccount(server.database, {
      email: `central.post-pages.${Date.now()}@example.tn`,
      roles: [{ structure: CENTRAL_INTEGRITY_CODE, role: "integrity_officer" }],
    });
    await settleAppointments(db, officer.id, { publicUrl: server.origin });
    expect((await enrolOfficerKeys(db, officer, TEST_PASSWORD)).ok).toBe(true);

    const page = await phonePage();
    await visit(page, "/ar/integrity/report");
    await page.fill("#sector", "وزارة الصحة، مستشفى جهوي");
    await page.fill(
      "#what",
      "تُقتنى أدوية بأسعار تفوق أسعار السوق من مزوّد واحد دون طلب عروض، ويُوقّع على استلام كميات لم تصل.",
    );
    await page.check('input[name="contact"][value="no"]');
    await submitAndCheck(
      page,
      'form[action="/ar/integrity/report"] button[type="submit"]',
      "integrity-receipt",
    );
    expect(await page.getAttribute("[data-receipt]", "data-receipt")).toMatch(/^\d{16}$/);
  });

  it("a comment on a consultation: sent back empty (422), then published", async () => {
    const { consultation } = await createTestConsultation(db, { phase: "open", sections: 1 });
    const page = await phonePage({});
    await visit(page, `/ar/consultations/${consultation.id}`);
    const form = 'form[action$="/comments"] button[type="submit"]';
    await submitAndCheck(page, form, "comment-errors", 422);
    await page.check('input[name="alignment"][value="against"]');
    await page.fill("[name=body]", `أقترح توسيع الحدائق في الأحياء الشعبية، انظر ${LONG_WORD}`);
    await submitAndCheck(page, form, "comment-published");
  });

  it("sign-up sent back with its errors (422)", async () => {
    const page = await phonePage();
    await visit(page, "/ar/sign-up");
    await page.fill("#email", "not-an-address");
    await page.fill("#password", "short");
    await submitAndCheck(page, 'form[action$="/sign-up"] button[type="submit"]', "sign-up-errors", 422);
  });

  it("an event registration: the confirmation", async () => {
    const structure = (await findStructureByCode(db, "gov-tn-61"))!;
    const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5 * 86_400_000);
    const [event] = await db
      .insert(events)
      .values({
        structureId: structure.id,
        kind: "training",
        mode: "in_person",
        governorateCode: "TN-61",
        title: { ar: "دورة تكوينية في صفاقس حول الردّ على مطالب النفاذ إلى المعلومة" },
        description: { ar: "دورة حول الردّ على المطالب." },
        venue: { ar: "مقرّ الولاية" },
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        capacity: 20,
      })
      .returning();
    const path = `/ar/events/${event!.id}`;
    const page = await phonePage({});
    await visit(page, path);
    await submitAndCheck(page, `form[action="${path}/register"] button`, "event-registered");
    expect(await page.textContent("#registration-status")).toContain("لك مقعد");
  });

  it("an idea: sent back empty (422), then submitted", async () => {
    const page = await phonePage({});
    await visit(page, "/ar/ideas/new");
    const send = 'form[action="/ar/ideas"] button:not([formaction])';
    await submitAndCheck(page, send, "idea-errors", 422);
    await page.fill("#title", `نوافير مياه الشرب في حديقة البلفدير ${Date.now()}${LONG_WORD}`);
    await page.fill(
      "#description",
      "لا توجد في الحديقة أيّ نافورة صالحة للشرب: على العائلات والعدّائين شراء الماء صيفًا.",
    );
    await page.selectOption("#structure", "mun-tn-11");
    await page.selectOption("#area", "TN-11");
    await submitAndCheck(page, send, "idea-submitted");
    expect(new URL(page.url()).pathname).toMatch(/^\/ar\/ideas\/[0-9a-f-]{36}$/);
  });

  it("subscriptions: the settings saved; a newsletter unsubscription with an unknown link (404)", async () => {
    const citizen = await phonePage({});
    await visit(citizen, "/ar/subscriptions");
    await submitAndCheck(citizen, 'form[action="/ar/subscriptions/settings"] button', "subscriptions-saved");

    const reader = await phonePage();
    await visit(reader, "/ar/newsletters/unsubscribe/not-a-token");
    await submitAndCheck(reader, 'main form button[type="submit"]', "unsubscribe-unknown", 404);
  });

  it("error pages: not found (404), forbidden (403), a form sent with a stale CSRF token (403)", async () => {
    const citizen = await phonePage({});
    await visit(citizen, "/ar/admin", { status: 403 });
    await expectFitsPhone(citizen, "forbidden", { screenshot: `${SCREENSHOTS}post-forbidden-ar.png` });
    await visit(citizen, "/ar/no-such-page", { status: 404 });
    await expectFitsPhone(citizen, "not-found", { screenshot: `${SCREENSHOTS}post-not-found-ar.png` });

    const page = await phonePage();
    await visit(page, "/ar/sign-in");
    await page.fill("#email", "amal@example.tn");
    await page.fill("#password", TEST_PASSWORD);
    await page.evaluate(() => {
      for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="_csrf"]')))
        input.value = "stale";
    });
    await submitAndCheck(page, 'form[action="/ar/sign-in"] button[type="submit"]', "csrf-failure", 403);
  });
});
