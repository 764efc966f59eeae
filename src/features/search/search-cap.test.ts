import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Agent, createTestApp } from "../../../test/app.js";
import { formatNumber } from "../../core/i18n/format.js";
import { structures } from "../../core/structures/tables.js";
import { ideas } from "../ideas/tables.js";
import { MAX_PAGES, MAX_RESULTS, PAGE_SIZE } from "./queries.js";

// Its own app: a thousand ideas, and its own anonymous rate limit.
const { app, database } = await createTestApp();
const { db } = database;
const anonymous = new Agent(app);
const [tunis] = await db.select().from(structures).where(eq(structures.code, "mun-tn-11"));

const search = async (q: string, lang = "en", extra = "") =>
  anonymous.get(`/${lang}/search?q=${encodeURIComponent(q)}${extra}`);

describe("the portal search past the results one can reach", () => {
  it("counts and pages at most 1,000 results, and says there are more", async () => {
    await db.insert(ideas).values(
      Array.from({ length: MAX_RESULTS + 5 }, (_, i) => ({
        submissionKey: crypto.randomUUID(),
        structureId: tunis!.id,
        governorateCode: "TN-11",
        title: `Lighthouse number ${i}`,
        description: "A lighthouse on the coast.",
      })),
    );
    const said = {
      en: "More than 1,000 results for “lighthouse”",
      fr: `Plus de ${formatNumber(1000, "fr")} résultats pour « lighthouse »`,
      ar: `أكثر من ${formatNumber(1000, "ar")} نتيجة لـ«lighthouse»`,
    };
    for (const lang of ["ar", "fr", "en"] as const) {
      const page = await search("lighthouse", lang);
      expect(page.statusCode, lang).toBe(200);
      expect(page.body, lang).toContain(said[lang]);
    }
    const en = await search("lighthouse");
    expect(en.body).toContain("Every kind (more than 1,000)");
    expect(en.body).toContain("Ideas (more than 1,000)");
    expect(en.body.match(/class="sh-search__hit"/g)).toHaveLength(PAGE_SIZE);
    // The last page one can reach is full, and no link goes past it; a page past it shows the last.
    const last = await search("lighthouse", "en", `&page=${MAX_PAGES}`);
    expect(last.statusCode).toBe(200);
    expect(last.body.match(/class="sh-search__hit"/g)).toHaveLength(PAGE_SIZE);
    expect(last.body).not.toContain(`page=${MAX_PAGES + 1}`);
    expect(last.body).not.toContain('rel="next"');
    const past = await search("lighthouse", "en", `&page=${MAX_PAGES + 7}&kind=ideas`);
    expect(past.statusCode).toBe(200);
    expect(past.body).toContain("More than 1,000 results for “lighthouse”");
    expect(past.body.match(/class="sh-search__hit"/g)).toHaveLength(PAGE_SIZE);
    // Fewer than the cap: the exact count.
    await db.insert(ideas).values({
      submissionKey: crypto.randomUUID(),
      structureId: tunis!.id,
      title: "A lighthouse keeper's orchard",
      description: "Apples by the sea.",
    });
    expect((await search("orchard")).body).toContain("1 result for “orchard”");
  });
});
