import { describe, expect, it } from "vitest";
import { FEATURES } from "../src/features/index.js";
import { refreshInsights } from "../src/features/insights/refresh.js";
import { newContext } from "./browser.js";
import { LANGUAGES } from "./pages.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { visit } from "./visit.js";

const { server, browser } = await startSuite();
// The demo's action plan (results of origin "plan"), and a first refresh of the figures (as the job would do it).
// (Imported once the feature list is loaded: a command module first would enter the import cycle
// through the translation catalogue.)
const { seedDemoPlan } = await import("../src/features/accountability/commands/seed-demo-plan.js");
await seedDemoPlan(server.database.db);
await refreshInsights(server.database.db, FEATURES);

/**
 * The insights pages on their own (the sweeps, sweep.ts, list them too): the SVG
 * charts and their data tables pass axe in each language, with JavaScript on and off.
 */
describe.each(LANGUAGES)("insights in $lang", ({ lang, dir }) => {
  it("the transparency page and the admin dashboards pass axe, JavaScript on and off", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const visitor = await newContext(browser, { baseURL: server.origin, javaScriptEnabled });
      const page = await visitor.newPage();
      await visit(page, `/${lang}/transparency`);
      expect(await page.getAttribute("html", "dir")).toBe(dir);
      expect(await page.locator("svg[role=img] title").count()).toBeGreaterThan(0);
      expect(await page.locator(".sh-timeline__step").count()).toBeGreaterThan(0);
      await visitor.close();

      const { context } = await signedInContext(
        browser,
        server,
        { platformAdmin: true },
        { javaScriptEnabled },
      );
      const adminPage = await context.newPage();
      await visit(adminPage, `/${lang}/admin/insights`);
      expect(await adminPage.locator("svg[role=img]").count()).toBe(2);
      await visit(adminPage, `/${lang}/admin/insights/plan`);
      await context.close();
    }
  });
});
