import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.js";
import { CARD } from "./card.js";
import { cardTitle } from "./og-images.js";

const { app } = await createTestApp();

const decode = (text: string) => text.replaceAll("&amp;", "&").replaceAll("&quot;", '"');

/** The content of a <meta> in a page's head, by its property or name. */
function meta(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
  return match ? decode(match[1]!) : undefined;
}

/** The og:image of a page, as a path on this server. */
async function imageOf(path: string): Promise<string> {
  const page = await app.inject(path);
  expect(page.statusCode).toBe(200);
  const url = meta(page.body, "og:image")!;
  expect(url.startsWith(`${app.config.publicUrl}/og/`)).toBe(true);
  return url.slice(app.config.publicUrl.length);
}

describe("link previews (Open Graph and Twitter cards)", () => {
  it("give every page a large PNG card of 1200 × 630 drawn from its title", async () => {
    const page = await app.inject("/ar/search");
    expect(meta(page.body, "twitter:card")).toBe("summary_large_image");
    expect(meta(page.body, "og:image:type")).toBe("image/png");
    expect(meta(page.body, "og:image:width")).toBe("1200");
    expect(meta(page.body, "og:image:height")).toBe("630");
    expect(meta(page.body, "og:image:alt")).toBe(`${meta(page.body, "og:title")} · شارك`);

    const image = await app.inject(await imageOf("/ar/search"));
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(image.headers["set-cookie"]).toBeUndefined();
    const { format, width, height } = await sharp(image.rawPayload).metadata();
    expect({ format, width, height }).toEqual({ format: "png", ...CARD });
  });

  it("name the picture by language and title: the same page gives the same address, another title another", async () => {
    const ar = await imageOf("/ar/search");
    expect(await imageOf("/ar/search")).toBe(ar);
    expect(await imageOf("/fr/search")).not.toBe(ar);
    expect(await imageOf("/ar/help")).not.toBe(ar);
    // Every page shows its title in its picture's address (base64url), signed.
    const t = new URL(ar, "http://x").searchParams.get("t")!;
    expect(Buffer.from(t, "base64url").toString()).toBe("البحث");
  });

  it("draw a picture once per node: a second request is served from the node's cache", async () => {
    const path = await imageOf("/en/search");
    const before = app.ogImages.size;
    const [first, again] = await Promise.all([app.inject(path), app.inject(path)]);
    expect(app.ogImages.size).toBe(before + 1);
    const later = await app.inject(path);
    expect(app.ogImages.size).toBe(before + 1);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(later.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it("refuse an address no page gave out with 404, and a malformed one with 400, never 500", async () => {
    const path = await imageOf("/ar/search");
    const url = new URL(path, "http://x");
    const [, , lang, file] = url.pathname.split("/");
    const sig = file!.slice(0, 32);
    const forgedTitle = Buffer.from("عنوان مزور").toString("base64url");
    const otherSig = `${sig[0] === "a" ? "b" : "a"}${sig.slice(1)}`;
    const cases: Array<[string, number]> = [
      [`/og/${lang}/${sig}.png?t=${forgedTitle}`, 404],
      [`/og/${lang}/${otherSig}.png${url.search}`, 404],
      [`/og/fr/${sig}.png${url.search}`, 404],
      [`/og/xx/${sig}.png${url.search}`, 404],
      [`/og/${lang}/${sig}.jpg${url.search}`, 400],
      [`/og/${lang}/${sig}.png`, 400],
      [`/og/${lang}/${sig}.png?t=not%20base64`, 400],
      [`/og/${lang}/${sig}.png?t=${"A".repeat(2000)}`, 400],
      [`/og/${lang}/../${sig}.png${url.search}`, 404],
    ];
    for (const [target, status] of cases) {
      const response = await app.inject(target);
      expect(response.statusCode, target).toBe(status);
      expect(response.headers["content-type"], target).not.toBe("image/png");
    }
  });

  it("cut a long title to one readable card, so the address stays short", () => {
    const long = "استشارة ".repeat(60);
    const title = cardTitle(long);
    expect([...title].length).toBe(160);
    expect(title.endsWith("…")).toBe(true);
    expect(cardTitle("  a\n\tb\u0007c  ")).toBe("a b c");
  });
});
