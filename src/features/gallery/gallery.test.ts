import { describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.js";
import { markupProblems } from "../../core/views/components/test-helpers.js";
import { GALLERY } from "./registry.js";

const { app } = await createTestApp();

describe("component gallery", () => {
  it("lists every component, linking to its examples, in each language", async () => {
    for (const lang of ["ar", "fr", "en"]) {
      const response = await app.inject(`/${lang}/gallery`);
      expect(response.statusCode).toBe(200);
      for (const { slug } of GALLERY) expect(response.body).toContain(`href="/${lang}/gallery/${slug}"`);
    }
    expect((await app.inject("/ar/gallery")).body).toContain('<h1 class="sh-heading-xl">معرض المكوّنات</h1>');
  });

  it.each(GALLERY.map((c) => c.slug))("shows every example of %s live, with sound markup", async (slug) => {
    const component = GALLERY.find((c) => c.slug === slug)!;
    for (const lang of ["ar", "fr", "en"]) {
      const response = await app.inject(`/${lang}/gallery/${slug}`);
      expect(response.statusCode).toBe(200);
      expect(response.body.match(/<h2 id="[^"]+-example"/g)).toHaveLength(component.examples.length);
      expect(markupProblems(response.body)).toEqual([]);
    }
  });

  it("answers 404 for an unknown component or language", async () => {
    expect((await app.inject("/en/gallery/carousel")).statusCode).toBe(404);
    expect((await app.inject("/xx/gallery")).statusCode).toBe(404);
    expect((await app.inject("/xx/gallery/button")).statusCode).toBe(404);
  });

  it("keeps working pagination links, with the page's other parameters", async () => {
    const body = (await app.inject("/en/gallery/pagination?consultations-page=3&x=1")).body;
    expect(body).toContain('href="/en/gallery/pagination?consultations-page=4&amp;x=1"');
    expect(body).toContain("Page 3 of 12");
  });

  it("is not served in production", async () => {
    const { app: production } = await createTestApp({
      env: { NODE_ENV: "production", PUBLIC_URL: "https://sharek.example" },
    });
    expect((await production.inject("/en/gallery")).statusCode).toBe(404);
  });
});
