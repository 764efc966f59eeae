import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { SCREENSHOTS } from "./visit.js";

const { server, browser } = await startSuite();

/** The font the server draws cards with: the browser draws the reference text with the same one. */
const FONT = readFileSync(
  createRequire(import.meta.url).resolve(
    "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
  ),
).toString("base64");
const BACKGROUND = "#0b6e4f";
/** The search page's title carries the words searched for: a title in Arabic, on one line of the card. */
const WORDS = "استشارة عمومية";
const TITLE = `البحث: ${WORDS}`;

/** The ink of a picture: what differs from the card's green, cropped. */
async function ink(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const trimmed = await sharp(png)
    .flatten({ background: BACKGROUND })
    .trim({ background: BACKGROUND, threshold: 60 })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data: trimmed.data, width: trimmed.info.width, height: trimmed.info.height };
}

/** Mean difference (0–255) between two pictures of text, both scaled to the first's size, in grey. */
async function difference(a: Awaited<ReturnType<typeof ink>>, b: Awaited<ReturnType<typeof ink>>) {
  const grey = (x: Buffer) =>
    sharp(x).resize(a.width, a.height, { fit: "fill" }).greyscale().raw().toBuffer();
  const [pa, pb] = await Promise.all([grey(a.data), grey(b.data)]);
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs(pa[i]! - pb[i]!);
  return sum / pa.length;
}

/** The same text drawn by Chromium as HTML, with the card's font, size and colours. */
async function chromiumText(page: Page, name: string, text: string, attributes: string) {
  await page.setContent(
    `<!doctype html><html><head><style>@font-face{font-family:Card;src:url(data:font/ttf;base64,${FONT})}` +
      `body{margin:0;background:${BACKGROUND}}p{display:inline-block;margin:0;padding:40px;color:#fff;` +
      `font:700 64px/1.5 Card;white-space:nowrap}</style></head><body><p id="t" ${attributes}>${text}</p></body></html>`,
  );
  await page.evaluate(() => document.fonts.ready);
  const shot = await page.locator("#t").screenshot();
  writeFileSync(`${SCREENSHOTS}og-image-reference-${name}.png`, shot);
  return ink(shot);
}

describe("the link-preview picture of an Arabic page", () => {
  it("is a 1200 × 630 PNG whose title is shaped right to left, as Chromium draws the same Arabic text", async () => {
    const context = await newContext(browser, { baseURL: server.origin });
    const page = await context.newPage();
    await page.goto(`/ar/search?q=${encodeURIComponent(WORDS)}`);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(TITLE);
    const url = new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!);
    const response = await page.request.get(`${url.pathname}${url.search}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    writeFileSync(`${SCREENSHOTS}og-image-ar.png`, png);
    const { format, width, height } = await sharp(png).metadata();
    expect({ format, width, height }).toEqual({ format: "png", width: 1200, height: 630 });

    // The card in Chromium, as a person sees it opened: one 1200 × 630 picture.
    await page.goto(`${url.pathname}${url.search}`);
    const shown = await page
      .locator("img")
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(shown).toEqual([1200, 630]);

    // The title's band of the card, against the same words set by Chromium: right to left and joined
    // (correct), left to right letter by letter (the order broken), and with every letter on its own
    // (the joining broken). The card must look like the first, and much less like either of the others.
    const band = await sharp(png).extract({ left: 0, top: 190, width: 1200, height: 320 }).png().toBuffer();
    writeFileSync(`${SCREENSHOTS}og-image-ar-title.png`, band);
    const title = await ink(band);
    // A blank tab: no page of the portal, whose security policy refuses inline styles and fonts.
    const blank = await context.newPage();
    const rtl = await chromiumText(blank, "rtl", TITLE, 'dir="rtl" lang="ar"');
    const reversed = await chromiumText(
      blank,
      "reversed",
      TITLE,
      'dir="ltr" style="unicode-bidi:bidi-override"',
    );
    const unjoined = await chromiumText(blank, "unjoined", [...TITLE].join("\u200c"), 'dir="rtl" lang="ar"');
    expect(
      Math.abs(title.width - rtl.width) / rtl.width,
      "width of the title against Chromium's",
    ).toBeLessThan(0.05);
    const toRtl = await difference(rtl, title);
    const toReversed = await difference(reversed, title);
    const toUnjoined = await difference(unjoined, title);
    expect(
      toRtl,
      `difference to Chromium's Arabic (${toRtl}) vs the broken ones (${toReversed}, ${toUnjoined})`,
    ).toBeLessThan(Math.min(toReversed, toUnjoined) / 2);
    await context.close();
  });
});
