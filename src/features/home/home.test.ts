import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";

const { app } = await createTestApp();

describe("home page", () => {
  it("presents the directory's figures and the 24 governorates in each language", async () => {
    const ar = await app.inject("/ar");
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("صفاقس");
    expect(ar.body).toContain("ولاية");
    const fr = (await app.inject("/fr")).body;
    expect(fr).toContain("Sfax");
    expect(fr).toContain("gouvernorats");
    const en = (await app.inject("/en")).body;
    expect(
      en.match(
        /<li[^>]*>(Tunis|Ariana|Ben Arous|Manouba|Nabeul|Zaghouan|Bizerte|Beja|Béja|Jendouba|Kef|Siliana|Sousse|Monastir|Mahdia|Sfax|Kairouan|Kasserine|Sidi Bouzid|Gab[eè]s|M[eé]denine|Tataouine|Gafsa|Tozeur|K[eé]bili)<\/li>/g,
      )?.length,
    ).toBe(24);
  });

  it("links every page's footer to the transparency page and open data, in each language", async () => {
    for (const locale of ["ar", "fr", "en"]) {
      const body = (await app.inject(`/${locale}/help`)).body;
      const footer = body.slice(body.indexOf("<footer"), body.indexOf("</footer>"));
      expect(footer).toContain(`href="/${locale}/transparency"`);
      expect(footer).toContain(`href="/${locale}/open-data"`);
      expect((await app.inject(`/${locale}/transparency`)).statusCode).toBe(200);
    }
  });

  it("starts with the four main actions, first in <main>, in each language", async () => {
    for (const [locale, names] of [
      ["ar", ["قدّم مطلبًا", "تابع مطلبك", "أبدِ رأيك", "بلّغ عن فساد"]],
      ["fr", ["Déposer une requête", "Suivre ma requête", "Donner mon avis", "Signaler la corruption"]],
      ["en", ["Make a request", "Follow my request", "Give my opinion", "Report corruption"]],
    ] as const) {
      const body = (await app.inject(`/${locale}`)).body;
      const main = body.slice(body.indexOf("<main"), body.indexOf("</main>"));
      const links = [...main.matchAll(/<a [^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/gs)].slice(0, 4);
      expect(links.map((l) => l[1])).toEqual([
        `/${locale}/requests/new`,
        `/${locale}/requests/follow`,
        `/${locale}/consultations`,
        `/${locale}/integrity`,
      ]);
      for (const [i, l] of links.entries()) expect(l[2]).toContain(names[i]);
    }
  });

  it("promises nothing the portal does not do: no petitions", async () => {
    const ar = (await app.inject("/ar")).body;
    expect(ar).not.toMatch(/عرائض|عريضة/);
    expect((await app.inject("/fr")).body).not.toMatch(/pétition/i);
    expect((await app.inject("/en")).body).not.toMatch(/petition/i);
  });

  it("can be cached briefly by a CDN", async () => {
    const response = await app.inject("/en");
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
  });
});
