import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";

const { app } = await createTestApp();

describe("language from the URL", () => {
  it("redirects / by the language cookie first", async () => {
    const response = await app.inject({ url: "/", headers: { cookie: "lang=en", "accept-language": "fr" } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/en");
  });

  it("then by Accept-Language, then to Arabic", async () => {
    const fr = await app.inject({ url: "/", headers: { "accept-language": "fr-TN,fr;q=0.9,en;q=0.5" } });
    expect(fr.headers.location).toBe("/fr");
    const none = await app.inject({ url: "/", headers: { "accept-language": "de-DE" } });
    expect(none.headers.location).toBe("/ar");
    const bare = await app.inject("/");
    expect(bare.headers.location).toBe("/ar");
  });

  it("serves Arabic right to left and the others left to right", async () => {
    expect((await app.inject("/ar")).body).toContain('<html lang="ar" dir="rtl">');
    expect((await app.inject("/fr")).body).toContain('<html lang="fr" dir="ltr">');
    expect((await app.inject("/en")).body).toContain('<html lang="en" dir="ltr">');
  });

  it("remembers an explicit language in a cookie, once", async () => {
    const first = await app.inject("/fr");
    expect(first.cookies.find((c) => c.name === "lang")?.value).toBe("fr");
    const again = await app.inject({ url: "/fr", headers: { cookie: "lang=fr" } });
    expect(again.cookies.find((c) => c.name === "lang")).toBeUndefined();
  });

  it("offers a language switch that keeps the current page and its query", async () => {
    const page = await app.inject("/fr/gallery?state=error");
    expect(page.body).toContain('href="/ar/gallery?state=error"');
    expect(page.body).toContain('href="/en/gallery?state=error"');
  });
});
