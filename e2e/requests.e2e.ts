import { eq } from "drizzle-orm";
import { generate } from "otplib";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { accounts } from "../src/core/auth/tables.js";
import { createAccount, plainTotpSecret, TEST_PASSWORD } from "../test/accounts.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { expectNoAxeViolations, visit } from "./visit.js";

const { server, browser } = await startSuite();

/** Submits the form that holds `selector` by clicking it, and waits for the next page. */
async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await expectNoAxeViolations(page);
}

async function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 90, channels: 3, background: "#7a6" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Citizen Phone 7", Artist: "Nour Ayari" } })
    .toBuffer();
}

describe.each([
  { javaScript: false, mode: "off" },
  { javaScript: true, mode: "on" },
])("a complaint, in Arabic, JavaScript $mode", ({ javaScript, mode }) => {
  it("is filed anonymously with a photo, answered by an agent, and rated; the photo keeps no EXIF", async () => {
    const subject = `أعمدة الإنارة معطّبة في نهج روما (${mode})`;
    // The citizen files it, with no account and no contact.
    const citizen = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: javaScript })
    ).newPage();
    await visit(citizen, "/ar/requests/new");
    await citizen.check('input[name="type"][value="complaint"]');
    await submit(citizen, 'form[action="/ar/requests/new"] button[type="submit"]');
    await citizen.fill('main input[name="q"]', "بلدية تونس");
    await submit(citizen, 'main input[name="q"] >> xpath=ancestor::form//button');
    await citizen.check('input[name="structure"][value="mun-tn-11"]');
    await submit(citizen, 'input[name="structure"] >> xpath=ancestor::form//button[@type="submit"]');
    await citizen.fill("#subject", subject);
    await citizen.fill(
      "#description",
      "منذ أسبوعين لا تشتغل أعمدة الإنارة في نهج روما، والشارع مظلم تمامًا ليلًا وخطير على المارّة.",
    );
    await citizen.selectOption("#governorate", "TN-11");
    await citizen.check('input[name="contactMode"][value="anonymous"]');
    await citizen.setInputFiles("#attachments", {
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: await photoWithLocation(),
    });
    await submit(citizen, 'form[enctype="multipart/form-data"] button[type="submit"]');
    const followUrl = new URL(citizen.url()).pathname;
    expect(followUrl).toMatch(/^\/ar\/requests\/follow\//);
    const reference = (await citizen.textContent("body"))?.match(/EC-\d{4}-\d{6}/)?.[0];
    expect(reference).toBeDefined();

    // The photo, as anyone following the request downloads it, has no metadata left.
    const fileHref = await citizen.getAttribute('a[href*="/files/"]', "href");
    const file = await citizen.request.get(fileHref!);
    expect(file.status()).toBe(200);
    const body = await file.body();
    expect((await sharp(body).metadata()).exif).toBeUndefined();
    expect(body.includes(Buffer.from("Citizen Phone 7"))).toBe(false);

    // An agent of the municipality signs in with a TOTP code and answers.
    const agentEmail = `agent.${mode}.${Date.now()}@example.tn`;
    await createAccount(server.database, {
      email: agentEmail,
      roles: [{ structure: "mun-tn-11", role: "agent" }],
    });
    const [agentRow] = await server.database.db.select().from(accounts).where(eq(accounts.email, agentEmail));
    const [row] = await server.database.query<{ id: string }>("select id from cases where reference = $1", [
      reference,
    ]);
    const agent = await (
      await newContext(browser, { baseURL: server.origin, javaScriptEnabled: javaScript })
    ).newPage();
    await visit(agent, `/ar/sign-in?next=${encodeURIComponent(`/ar/staff/requests/${row!.id}`)}`);
    await agent.fill("#email", agentEmail);
    await agent.fill("#password", TEST_PASSWORD);
    await submit(agent, 'form[action="/ar/sign-in"] button[type="submit"]');
    await agent.fill(
      'input[name="code"]',
      await generate({ secret: plainTotpSecret(agentRow!.totpSecret!) }),
    );
    await submit(agent, 'form[action="/ar/sign-in/two-factor"] button[type="submit"]');
    expect(new URL(agent.url()).pathname).toBe(`/ar/staff/requests/${row!.id}`);
    // The agent takes the request, then answers it.
    await submit(agent, 'form[action$="/assign"] button[type="submit"]');
    const answer =
      "شكرًا على إعلامنا. تمّ تغيير المصابيح المعطّبة في نهج روما يوم الخميس، والإنارة تعمل من جديد.";
    await agent.fill("#reply-body", answer);
    await submit(agent, 'form[action$="/reply"] button[type="submit"]');

    // The citizen reads the answer with the secret link, and rates it.
    await visit(citizen, followUrl);
    expect(await citizen.textContent("body")).toContain(answer);
    await citizen.check('input[name="rating"][value="5"]');
    await citizen.fill("#comment", "ردّ سريع وواضح، شكرًا.");
    await submit(citizen, 'form[action$="/rate"] button[type="submit"]');
    expect(await citizen.textContent("body")).toContain("قيّمت هذا الردّ بـ5 من 5");
    const [rated] = await server.database.query<{ satisfaction: number; status: string }>(
      "select satisfaction, status from cases where id = $1",
      [row!.id],
    );
    expect(rated).toEqual({ satisfaction: 5, status: "answered" });
  });
});
