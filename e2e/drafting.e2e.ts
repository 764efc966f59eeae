import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../src/core/auth/sessions.js";
import { consultationAmendments } from "../src/features/consultations/drafting/tables.js";
import {
  consultationComments,
  consultationSections,
  consultations,
} from "../src/features/consultations/tables.js";
import { createTestConsultation } from "../src/features/consultations/testing.js";
import { saveModerationRules } from "../src/features/moderation/rules.js";
import { createAccount } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectFitsPhone, expectNoAxeViolations, SCREENSHOTS, visit } from "./visit.js";

const { server, browser } = await startSuite();
const db = server.database.db;
await saveModerationRules(db, { newAccountDays: 0, words: [], burstMax: 100, burstMinutes: 1 });

/** Submits the form that holds `selector` by clicking it, waits for the next page, and runs axe on it. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

/** A browser page signed in as a new account (a session made in the database), JavaScript on or off. */
async function signedIn(options: Parameters<typeof createAccount>[1], javaScriptEnabled = true) {
  const account = await createAccount(server.database, options);
  const { token } = await createSession(db, account.id, {
    persistent: false,
    device: "e2e",
    secondFactor: Boolean(account.totpEnabledAt),
  });
  const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: server.origin, httpOnly: true, sameSite: "Lax" },
  ]);
  return { page: await context.newPage(), account };
}

const FIRST = "يُحدّدُ المجلسُ البلديُّ مبلغَ الميزانيةِ التشاركية كلّ سنة.";
const SECOND = "يصوّت المتساكنون عبر الإنترنت.";
const PHRASE = "المجلسُ البلديُّ";

/**
 * Selects words of a paragraph with the mouse as a person does: pressed on the first letter's
 * leading edge, dragged to the last letter's trailing edge (right to left in Arabic).
 */
async function selectWithMouse(page: Page, paragraph: number, words: string) {
  const box = await page.evaluate(
    ([n, w]) => {
      const p = document.querySelector(`[data-paragraph="${n}"]`)!;
      const node = p.firstChild!;
      const at = node.textContent!.indexOf(w);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getClientRects()[0]!;
      return {
        left: r.left,
        right: r.right,
        y: r.top + r.height / 2,
        rtl: getComputedStyle(p).direction === "rtl",
      };
    },
    [paragraph, words] as const,
  );
  const [from, to] = box.rtl ? [box.right - 1, box.left + 1] : [box.left + 1, box.right - 1];
  await page.mouse.move(from, box.y);
  await page.mouse.down();
  await page.mouse.move((from + to) / 2, box.y, { steps: 4 });
  await page.mouse.move(to, box.y, { steps: 4 });
  await page.mouse.up();
}

describe("drafting together, in Arabic, in the browser", () => {
  it("takes a comment on words selected, an amendment, its support and acceptance through to version 2 and «what we did»", async () => {
    const { consultation: c, sections } = await createTestConsultation(db, {
      phase: "open",
      questions: false,
      sections: 1,
    });
    const section = sections[0]!;
    await db
      .update(consultationSections)
      .set({ body: { ar: `${FIRST}\n${SECOND}` } })
      .where(eq(consultationSections.id, section.id));
    const sectionPath = `/ar/consultations/${c.id}/sections/${section.id}`;

    // A citizen, JavaScript on, selects words with the mouse: a link to comment on them appears
    // just after the paragraph, and the keyboard reaches it next.
    const first = await signedIn({});
    const p = first.page;
    await visit(p, sectionPath);
    expect(await p.getAttribute(".sh-passages", "dir")).toBe("rtl");
    await selectWithMouse(p, 0, PHRASE);
    expect(await p.evaluate(() => getSelection()?.toString().trim())).toBe(PHRASE);
    const control = p.locator(".sh-passage__select");
    await control.waitFor();
    expect(await control.textContent()).toBe("علّق على الكلمات المحدَّدة");
    await p.keyboard.press("Tab");
    expect(await p.evaluate(() => document.activeElement?.classList.contains("sh-passage__select"))).toBe(
      true,
    );
    await expectNoAxeViolations(p);
    await Promise.all([p.waitForNavigation(), p.keyboard.press("Enter")]);
    await expectNoAxeViolations(p);
    expect(await p.textContent(".sh-passage__quote--selected")).toBe(PHRASE);
    await p.fill("#passage-body", "لماذا يحدّده المجلس وحده دون استشارة المتساكنين؟");
    await submit(p, 'form[action$="/comments"] button[type="submit"]');
    expect(await p.textContent("main")).toContain("لماذا يحدّده المجلس وحده");
    const [comment] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.authorId, first.account.id));
    expect(comment!.anchor).toMatchObject({
      paragraph: 0,
      quote: PHRASE,
      start: FIRST.indexOf(PHRASE),
      end: FIRST.indexOf(PHRASE) + PHRASE.length,
    });
    // The passage is highlighted, with its count.
    await visit(p, sectionPath, { phone: true });
    const mark = p.locator(".sh-passage__mark");
    expect(await mark.textContent()).toBe(PHRASE);
    expect(await p.textContent("#paragraph-0 .sh-passage__actions")).toContain("تعليق واحد");
    expect(await mark.evaluate((m) => getComputedStyle(m, "::after").content)).toBe('"1"');

    // Another citizen, JavaScript off: comments on the whole paragraph, then proposes a new wording.
    const second = await signedIn({}, false);
    const q = second.page;
    await visit(q, sectionPath);
    expect(await q.locator(".sh-passage__select").count()).toBe(0);
    await Promise.all([q.waitForNavigation(), q.click(`a[href="${sectionPath}/paragraphs/1"]`)]);
    await expectNoAxeViolations(q);
    await q.fill("#passage-body", "وماذا عمّن ليس له اتصال بالإنترنت؟");
    await submit(q, 'form[action$="/comments"] button[type="submit"]');
    const [whole] = await db
      .select()
      .from(consultationComments)
      .where(eq(consultationComments.authorId, second.account.id));
    expect(whole!.anchor).toMatchObject({ paragraph: 1, quote: SECOND, start: 0 });
    await q.fill("#amendment-proposed", "يقترع المتساكنون عبر الإنترنت أو في مكتب اقتراع ورقي.");
    await q.fill("#amendment-reason", "ليس لكلّ المتساكنين اتصال بالإنترنت.");
    await submit(q, 'form[action$="/amendments"] button[type="submit"]');
    const amendmentUrl = new URL(q.url()).pathname;
    const amendmentId = amendmentUrl.split("/").pop()!;
    expect(amendmentUrl).toBe(`/ar/consultations/${c.id}/amendments/${amendmentId}`);

    // A third supports it.
    const third = await signedIn({});
    await visit(third.page, amendmentUrl);
    await submit(third.page, 'form[action$="/support"] button[type="submit"]');
    expect(await third.page.textContent("main")).toContain("مساندة واحدة");

    // The drafting team (the structure's admin) accepts it and publishes version 2.
    const team = await signedIn({ roles: [{ structure: "gov-tn-11", role: "structure_admin" }] });
    const t = team.page;
    await visit(t, amendmentUrl);
    await t.check('input[name="decision"][value="accept"]');
    await t.fill("#decision-reason", "اقتراح في محلّه.");
    await submit(t, 'form[action$="/decision"] button[type="submit"]');
    const [decided] = await db
      .select()
      .from(consultationAmendments)
      .where(eq(consultationAmendments.id, amendmentId));
    expect(decided!.status).toBe("accepted");
    await visit(t, `/ar/consultations/${c.id}/versions`);
    await submit(t, `form[action$="/versions"] button[type="submit"]`);
    expect(new URL(t.url()).search).toBe("?from=1&to=2");

    // The comparison reads right to left: what was added underlined in <ins>, and fits a phone.
    const anyone = await (await newContext(browser, { baseURL: server.origin })).newPage();
    await visit(anyone, `/ar/consultations/${c.id}/versions/compare?from=1&to=2`);
    const diff = anyone.locator("section > .sh-diff").first();
    expect(await diff.getAttribute("dir")).toBe("rtl");
    expect(await diff.getAttribute("lang")).toBe("ar");
    // What was removed struck through in <del>, what was added underlined in <ins>: not colour alone.
    expect(await diff.locator("del").allTextContents()).toContain("يصوّت");
    expect(await diff.locator("ins").allTextContents()).toContain("يقترع");
    expect((await diff.locator("ins").allTextContents()).join("")).toContain("أو في مكتب اقتراع ورقي");
    const decoration = (selector: string) =>
      diff
        .locator(selector)
        .first()
        .evaluate((e) => getComputedStyle(e).textDecorationLine);
    expect(await decoration("del")).toBe("line-through");
    expect(await decoration("ins")).toBe("underline");
    expect(await anyone.locator(".sh-applied-amendments a").getAttribute("href")).toBe(amendmentUrl);
    await expectFitsPhone(anyone, undefined, { screenshot: `${SCREENSHOTS}drafting-diff-ar.png` });
    // The text as it now reads, with the comment on words of the first paragraph still there.
    await visit(anyone, sectionPath, { phone: true });
    expect(await anyone.textContent('[data-paragraph="1"]')).toBe(
      "يقترع المتساكنون عبر الإنترنت أو في مكتب اقتراع ورقي.",
    );
    expect(await anyone.locator(".sh-passage__mark").first().textContent()).toBe(PHRASE);

    // The team closes the consultation and publishes its outcome from the admin screens; then
    // «what we did» links the change to the amendment, and the synthesis counts it.
    await visit(t, `/ar/admin/consultations/${c.id}`);
    await submit(t, `form[action$="/close"] button[type="submit"]`);
    await visit(t, `/ar/admin/consultations/${c.id}/outcome`);
    await t.fill("#summaryAr", "طالب المشاركون بالاقتراع الورقي.");
    await t.check(`input[name="decision-${section.id}"][value="changed"]`);
    await t.fill(`#reason-${section.id}Ar`, "أُضيف الاقتراع الورقي.");
    await t.fill(`#nolink-${section.id}Ar`, "يُعرض النص على المجلس البلدي في دورته القادمة.");
    await submit(t, 'button[name="action"][value="publish"]');
    const [published] = await db.select().from(consultations).where(eq(consultations.id, c.id));
    expect(published!.outcomePublishedAt).not.toBeNull();
    await visit(anyone, `/ar/consultations/${c.id}`, { phone: true });
    const did = anyone.locator(`.sh-applied-amendments a[href="${amendmentUrl}"]`);
    expect(await did.count()).toBe(1);
    expect(await did.textContent()).toContain("الفقرة 2");
    // The published synthesis counts the amendment and its support.
    const headline = await anyone.locator(".sh-stats").first().textContent();
    expect(headline).toContain("تعديل مقترح");
    expect(headline).toContain("مساندة للتعديلات");
    await anyone.context().close();
  });
});
