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

  it("can be cached briefly by a CDN", async () => {
    const response = await app.inject("/en");
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
  });
});
