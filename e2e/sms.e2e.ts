import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { accounts } from "../src/core/auth/tables.js";
import { dataExportsJob } from "../src/features/accounts/data-export/exports.js";
import { TestSmsc } from "../test/smsc.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, PHONE, SCREENSHOTS, visit } from "./visit.js";

// The operator's SMSC, on loopback: the app binds to it as in production (SMPP_URL).
const smsc = await TestSmsc.start();
afterAll(() => smsc.close());
const { server, browser } = await startSuite({ SMPP_URL: smsc.url, SMPP_RATE: "100" });
const db = server.database.db;

/** Submits the form that holds `selector` by clicking it, waits for the next page, and runs axe on it. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

const PHONE_NUMBER = "+21698765432";
const SUBJECT = "Streetlights out in Rue de Marseille";
const ANSWER = "Our team replaced the broken lamps on Thursday evening; the street is lit again.";

describe("a citizen who chose SMS, in English, JavaScript off", () => {
  it("checks their phone, files a request and gets its reference by SMS, is texted the agent's reply, sees it in the notification centre, and finds both in their data", async () => {
    // A citizen whose account has a mobile number (given at sign-up), reading in English.
    const { context, account } = await signedInContext(
      browser,
      server,
      {},
      { javaScriptEnabled: false, viewport: PHONE },
    );
    await db.update(accounts).set({ phone: PHONE_NUMBER, locale: "en" }).where(eq(accounts.id, account.id));
    const page = await context.newPage();

    // They check the number with the code the SMSC delivers.
    await visit(page, "/en/account/phone");
    await submit(page, 'form[action="/en/account/phone/code"] button[type="submit"]');
    const [codeSms] = await smsc.waitFor(1);
    expect(codeSms!.to).toBe(PHONE_NUMBER);
    await page.fill("#code", /\d{6}/.exec(codeSms!.text)![0]);
    await submit(page, 'form[action="/en/account/phone/verify"] button[type="submit"]');
    expect(await page.textContent("main")).toContain("Verified");

    // They choose SMS for news of their requests.
    await visit(page, "/en/notifications/preferences");
    await page.check('input[name="request-update.channels"][value="sms"]');
    await submit(page, 'form[action="/en/notifications/preferences"] button[type="submit"]');

    // They file a complaint, without JavaScript; the reference comes by SMS.
    await visit(page, "/en/requests/new");
    await page.check('input[name="type"][value="complaint"]');
    await submit(page, 'form[action="/en/requests/new"] button[type="submit"]');
    await page.fill('main input[name="q"]', "Tunis");
    await submit(page, 'main input[name="q"] >> xpath=ancestor::form//button');
    await page.check('input[name="structure"][value="mun-tn-11"]');
    await submit(page, 'input[name="structure"] >> xpath=ancestor::form//button[@type="submit"]');
    await page.fill("#subject", SUBJECT);
    await page.fill(
      "#description",
      "For two weeks the streetlights of Rue de Marseille have been out and the street is dark at night.",
    );
    await page.selectOption("#governorate", "TN-11");
    await submit(page, 'form[enctype="multipart/form-data"] button[type="submit"]');
    await page.screenshot({ path: `${SCREENSHOTS}phone-sms-filed-en.png`, fullPage: true });
    const reference = /EC-\d{4}-\d{6}/.exec((await page.textContent("main")) ?? "")?.[0];
    expect(reference).toBeDefined();
    const [row] = await server.database.query<{ id: string }>("select id from cases where reference = $1", [
      reference,
    ]);
    const [, filedSms] = await smsc.waitFor(2);
    expect(filedSms!.to).toBe(PHONE_NUMBER);
    expect(filedSms!.text).toContain(`your request ${reference} was received`);
    expect(filedSms!.text).toContain(`${server.app.config.publicUrl}/en/requests/${row!.id}`);

    // An agent of the municipality takes it and answers, without JavaScript either.
    const staff = await signedInContext(
      browser,
      server,
      { roles: [{ structure: "mun-tn-11", role: "agent" }] },
      { javaScriptEnabled: false },
    );
    const agent = await staff.context.newPage();
    await visit(agent, `/en/staff/requests/${row!.id}`);
    await submit(agent, 'form[action$="/assign"] button[type="submit"]');
    await agent.fill("#reply-body", ANSWER);
    await submit(agent, 'form[action$="/reply"] button[type="submit"]');

    // Taking it and answering it each send an SMS: the second says it was answered and where to
    // read it; the agent's words stay on the page.
    const [, , takenSms, replySms] = await smsc.waitFor(4);
    expect(takenSms!.text).toContain(`Your request ${reference} is being handled`);
    expect(replySms!.to).toBe(PHONE_NUMBER);
    expect(replySms!.text).toContain(`Your request ${reference} has been answered`);
    expect(replySms!.text).toContain(`/en/requests/${row!.id}`);
    expect(replySms!.text).not.toContain("broken lamps");

    // The notification centre shows it, and leads to the request with the answer.
    await visit(page, "/en/notifications");
    const items = page.locator(".sh-notifications__item");
    expect(await items.count()).toBe(2);
    expect([await items.nth(0).textContent(), await items.nth(1).textContent()]).toEqual([
      expect.stringContaining(`Your request ${reference} has been answered`),
      expect.stringContaining(`Your request ${reference} is being handled`),
    ]);
    await visit(page, `/en/requests/${row!.id}`);
    expect(await page.textContent("main")).toContain(ANSWER);

    // They ask for a copy of their data; the minute's job prepares it; they download it.
    await visit(page, "/en/account/data");
    await submit(page, 'form[action="/en/account/data"] button[type="submit"]');
    expect(
      await dataExportsJob.run(db, new Date(), {
        publicUrl: server.app.config.publicUrl,
        secret: server.app.config.cookieSecret,
        features: server.app.features,
        files: server.app.files,
      }),
    ).toBe(1);
    await visit(page, "/en/account/data");
    const href = await page.getAttribute('main a[href$="/download"]', "href");
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/zip");
    // Read with Info-ZIP's unzip, as the person's computer would.
    const zip = join(mkdtempSync(join(tmpdir(), "sharek-e2e-export-")), "my-data.zip");
    writeFileSync(zip, await download.body());
    const everything = execFileSync("unzip", ["-p", zip], { encoding: "utf8" });
    expect(everything).toContain(reference);
    expect(everything).toContain(SUBJECT);
    expect(everything).toContain(ANSWER);
    await context.close();
    await staff.context.close();
  });
});
