import { eq } from "drizzle-orm";
import { generate } from "otplib";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accounts } from "../src/core/auth/tables.js";
import { structures } from "../src/core/structures/tables.js";
import { forumCategories } from "../src/features/forum/tables.js";
import { ideas } from "../src/features/ideas/tables.js";
import { sendInstantNotices } from "../src/features/subscriptions/digests.js";
import { createAccount, plainTotpSecret, TEST_PASSWORD, type TestAccountOptions } from "../test/accounts.js";
import { mailsTo } from "../test/mail.js";
import { newContext } from "./browser.js";
import type { RunningServer } from "./server.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();
const db = server.database.db;
const [tunis] = await db.select().from(structures).where(eq(structures.code, "mun-tn-11"));
await db
  .insert(forumCategories)
  .values({
    slug: "e2e-city",
    name: { ar: "المدينة", fr: "La ville", en: "The city" },
    description: { en: "City life" },
  })
  .onConflictDoNothing();

/** Clicks a form's button and waits for the next page, which must pass axe. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

let n = 0;
/** A person signed in through the sign-in page (and the TOTP step for staff), in a browser of their own. */
async function signedIn(b: Browser, s: RunningServer, options: TestAccountOptions = {}) {
  n += 1;
  const email = `e2e.ideas.${n}.${Date.now()}@example.tn`;
  await createAccount(s.database, { ...options, email });
  const page = await (await newContext(b, { baseURL: s.origin, javaScriptEnabled: true })).newPage();
  await visit(page, "/en/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", TEST_PASSWORD);
  await submit(page, 'form[action="/en/sign-in"] button[type="submit"]');
  if (options.roles || options.platformAdmin) {
    const [row] = await s.database.db.select().from(accounts).where(eq(accounts.email, email));
    await page.fill('input[name="code"]', await generate({ secret: plainTotpSecret(row!.totpSecret!) }));
    await submit(page, 'form[action="/en/sign-in/two-factor"] button[type="submit"]');
  }
  return { page, email };
}

describe("the idea box and the forum, in a browser", () => {
  it("an idea is supported past its threshold, answered officially, and the status reaches its followers", async () => {
    // The municipality's admin sets its threshold: 2 supports, an answer within 10 days.
    const admin = await signedIn(browser, server, {
      roles: [{ structure: "mun-tn-11", role: "structure_admin" }],
    });
    await visit(admin.page, "/en/admin/ideas");
    await admin.page.fill("#supports", "2");
    await admin.page.fill("#answerDays", "10");
    await submit(admin.page, 'form[action="/en/admin/ideas"] button');
    expect(await admin.page.textContent("body")).toContain("The threshold is saved.");

    const author = await signedIn(browser, server);
    await visit(author.page, "/en/ideas/new");
    const title = `Drinking fountains in the Belvédère park ${Date.now()}`;
    await author.page.fill("#title", title);
    // Similar ideas, while writing (the button works without JavaScript too).
    await submit(author.page, 'button[formaction="/en/ideas/new"]');
    expect(await author.page.textContent(".sh-similar")).toContain("No similar idea yet.");
    await author.page.fill(
      "#description",
      "The park has no working fountain: families and runners must buy bottled water in summer.",
    );
    await author.page.selectOption("#structure", "mun-tn-11");
    await author.page.selectOption("#area", "TN-11");
    await submit(author.page, 'form[action="/en/ideas"] button:not([formaction])');
    const ideaPath = new URL(author.page.url()).pathname;
    expect(ideaPath).toMatch(/^\/en\/ideas\/[0-9a-f-]{36}$/);

    const follower = await signedIn(browser, server);
    await visit(follower.page, ideaPath);
    await submit(follower.page, 'form[action$="/follow"] button');
    expect(await follower.page.textContent("body")).toContain("You follow this idea.");
    // The follow is in their subscriptions, which lead to the preferences where they choose to hear
    // news at once.
    await visit(follower.page, "/en/subscriptions");
    expect(await follower.page.textContent("body")).toContain(
      "Idea · Drinking fountains in the Belvédère park",
    );
    expect(await follower.page.textContent("#email-rhythm")).toContain(
      "News of what you follow comes by e-mail in a weekly digest.",
    );
    await Promise.all([
      follower.page.waitForNavigation(),
      follower.page.getByRole("link", { name: "Change how often on your notification preferences" }).click(),
    ]);
    await follower.page.check('input[name="followed-news.frequency"][value="instant"]');
    await submit(follower.page, 'form[action="/en/notifications/preferences"] button');
    await visit(follower.page, "/en/subscriptions");
    expect(await follower.page.textContent("#email-rhythm")).toContain(
      "News of what you follow comes by e-mail at once.",
    );

    for (const _ of [1, 2]) {
      const supporter = await signedIn(browser, server);
      await visit(supporter.page, ideaPath);
      await submit(supporter.page, 'form[action$="/support"] button');
      expect(await supporter.page.textContent("body")).toContain("You support this idea.");
    }
    await visit(follower.page, ideaPath);
    expect(await follower.page.textContent("body")).toContain("an official answer is due by");
    await sendInstantNotices(server.database.db, "https://sharek.tn"); // the minute's job
    expect((await mailsTo(server.database, follower.email))[0]?.subject).toContain("عتبتها");

    const official = await signedIn(browser, server, { roles: [{ structure: "mun-tn-11", role: "agent" }] });
    await visit(official.page, ideaPath);
    await official.page.check('input[name="status"][value="accepted"]');
    await official.page.fill("#answer", "Four fountains will be repaired before June.");
    await submit(official.page, 'form[action$="/status"] button');

    await visit(follower.page, ideaPath.replace("/en/", "/fr/"));
    const page = await follower.page.textContent("body");
    expect(page).toContain("Acceptée");
    expect(page).toContain("Four fountains will be repaired before June.");
    await sendInstantNotices(server.database.db, "https://sharek.tn");
    const [mail] = await mailsTo(server.database, follower.email);
    expect(mail?.subject).toContain("مقبولة");
    expect(mail?.textBody).toContain("Four fountains will be repaired before June.");
  });

  it("typing a title lists similar ideas without pressing the button (Arabic forms normalised)", async () => {
    const [idea] = await db
      .insert(ideas)
      .values({
        submissionKey: `e2e-similar-${Date.now()}-xxxxxxxx`,
        structureId: tunis!.id,
        title: "إنارة عمومية في حديقة الأطفال",
        description: "الحديقة مظلمة بعد المغرب: بضعة أعمدة إنارة تكفي ليلعب الأطفال بأمان.",
      })
      .returning();
    const citizen = await signedIn(browser, server);
    await visit(citizen.page, "/ar/ideas/new");
    // Without hamza and with heh for taa marbuta, as often typed.
    await citizen.page.locator("#title").pressSequentially("انارة عموميه", { delay: 20 });
    const link = citizen.page.locator(`.sh-similar a[href="/ar/ideas/${idea!.id}"]`);
    await link.waitFor({ timeout: 5000 });
    expect(await link.textContent()).toBe("إنارة عمومية في حديقة الأطفال");
    expect(new URL(citizen.page.url()).search).toBe(""); // no round trip through the button
    await expectNoAxeViolations(citizen.page);
  });

  it("a thread gets an official answer, a flag, a hide that leaves a tombstone, and a restore", async () => {
    const citizen = await signedIn(browser, server);
    await visit(citizen.page, "/en/forum/e2e-city");
    await submit(citizen.page, 'a[href="/en/forum/e2e-city/new"]');
    await citizen.page.fill("#title", "Noise from night works on the avenue");
    await citizen.page.fill(
      "#body",
      "Works start at **2 am** every night.\n\n- who decides?\n- who controls?",
    );
    await submit(citizen.page, 'form[action="/en/forum/e2e-city/threads"] button');
    const threadPath = new URL(citizen.page.url()).pathname;
    expect(await citizen.page.innerHTML(".sh-prose")).toContain("<strong>2 am</strong>");

    const rude = await signedIn(browser, server);
    await visit(rude.page, threadPath);
    await rude.page.fill("#reply", "Stop whining, you fools.");
    await submit(rude.page, 'form[action$="/replies"] button');

    const official = await signedIn(browser, server, { roles: [{ structure: "mun-tn-11", role: "agent" }] });
    await visit(official.page, threadPath);
    await official.page.fill("#reply", "Night works now need a permit: they will stop at 22:00 from Monday.");
    await official.page.check('input[name="official"]');
    await submit(official.page, 'form[action$="/replies"] button');
    expect(await official.page.textContent(".sh-post--official")).toContain("Official answer");

    // The author flags the rude reply.
    await visit(citizen.page, threadPath);
    await submit(citizen.page, '.sh-post:has-text("you fools") a.sh-flag-link');
    await citizen.page.check('input[name="reason"][value="abuse"]');
    await submit(citizen.page, 'form[action^="/en/flag/"] button');
    expect(await citizen.page.textContent("body")).toContain("the moderators will look at it");

    // A moderator pins the official answer, then hides the rude reply from the queue.
    const moderator = await signedIn(browser, server, {
      roles: [{ structure: "gov-tn-11", role: "moderator" }],
    });
    await visit(moderator.page, threadPath);
    await submit(moderator.page, '.sh-post--official form[action$="/pin"] button');
    expect(await moderator.page.textContent("#official-heading")).toContain("Official answer");
    await visit(moderator.page, "/en/moderation");
    expect(await moderator.page.textContent("body")).toContain("1 report");
    await submit(moderator.page, 'a:has-text("you fools")');
    await moderator.page.check('input[name="decision"][value="hide"]');
    await moderator.page.fill("#reason", "Insults towards other participants.");
    await submit(moderator.page, 'form[action^="/en/moderation/items/"] button');

    await visit(citizen.page, threadPath);
    let body = await citizen.page.textContent("body");
    expect(body).not.toContain("you fools");
    expect(body).toContain("This contribution was hidden by the moderators.");
    expect(body).toContain("Reason: Insults towards other participants.");
    expect((await mailsTo(server.database, rude.email))[0]?.subject).toContain("أُخفيت مساهمتك");

    // On appeal, the moderator restores it.
    const postId = await citizen.page.getAttribute(".sh-post:has(.sh-tombstone)", "id");
    await visit(moderator.page, `/en/moderation/items/forum_post/${postId!.replace("post-", "")}`);
    await moderator.page.check('input[name="decision"][value="restore"]');
    await moderator.page.fill("#reason", "Reviewed on appeal.");
    await submit(moderator.page, 'form[action^="/en/moderation/items/"] button');
    await visit(citizen.page, threadPath);
    body = await citizen.page.textContent("body");
    expect(body).toContain("you fools");
    expect(body).not.toContain("This contribution was hidden");
  });
});
