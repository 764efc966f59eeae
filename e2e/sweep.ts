import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/secrets.js";
import { seedDemoTeam } from "../src/features/cases/commands/seed-demo-routing.js";
import { insertCase } from "../src/features/cases/workspace/testing.js";
import { newContext } from "./browser.js";
import { discoverPages, LANGUAGES, localized } from "./pages.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import {
  type ConsoleWatch,
  documentLanguage,
  expectFits,
  PHONE,
  SCREENSHOTS,
  SWEEP_SCREENSHOTS,
  unexpectedConsoleErrors,
  visit,
  watchConsole,
} from "./visit.js";

/**
 * The page sweeps of one language: every public page (pages.ts) and every signed-in page below, each
 * with JavaScript on and off, its status, direction, axe, console, and no sideways scrolling on a
 * phone. One file per language (sweep-ar.e2e.ts …) so that the browser suite's two workers share
 * the sweeps evenly.
 */
export async function sweepLanguage(lang: (typeof LANGUAGES)[number]["lang"]) {
  const { dir } = LANGUAGES.find((l) => l.lang === lang)!;
  const { server, browser } = await startSuite();
  const pages = await discoverPages(server.origin);
  await insertCase(server.database.db, { channel: "counter", followTokenHash: sha256(RECEIPT_TOKEN) });
  // A team, whose page (members, name in three languages) is one of the admin pages checked.
  const teamId = await seedDemoTeam(server.database.db);
  if (!teamId) throw new Error("the demo team's structure is missing");
  const adminPages = [...ADMIN_PAGES, `/staff/teams/${teamId}`];

  it("finds the gallery's component pages from the gallery index", () => {
    expect(pages.filter((p) => p.name.startsWith("gallery-")).length).toBeGreaterThan(0);
  });

  describe.each([
    { javaScript: true, mode: "js" },
    { javaScript: false, mode: "nojs" },
  ])(`public pages in ${lang}, JavaScript $mode`, ({ javaScript, mode }) => {
    let context: BrowserContext;
    let page: Page;
    let consoleErrors: ConsoleWatch;

    beforeAll(async () => {
      context = await newContext(browser, {
        baseURL: server.origin,
        javaScriptEnabled: javaScript,
        viewport: NARROW,
      });
      page = await context.newPage();
      consoleErrors = watchConsole(page);
    });
    afterAll(async () => {
      await context.close();
    });

    it.each(pages)(
      `$name ($path): status, ${lang} ${dir}, axe, console, fits 390 and 320px`,
      async (spec) => {
        const path = localized(lang, spec.path);
        consoleErrors.clear();
        await visit(page, path, { status: spec.status, phone: true });

        expect.soft(await documentLanguage(page), `<html lang dir> of ${path}`).toEqual({ lang, dir });
        expect
          .soft(unexpectedConsoleErrors(consoleErrors, page.url(), spec.status), `console errors on ${path}`)
          .toEqual([]);
        await expectFits(page, NARROW.width, path);
        if (SWEEP_SCREENSHOTS) {
          await page.screenshot({ path: `${SCREENSHOTS}${spec.name}-${lang}-${mode}.png`, fullPage: true });
        }
      },
    );
  });

  it.each(
    [
      { who: "a citizen", options: {}, pages: CITIZEN_PAGES },
      { who: "a platform admin", options: { platformAdmin: true }, pages: adminPages },
    ].flatMap((as) =>
      [true, false].map((javaScript) => ({ ...as, javaScript, mode: javaScript ? "on" : "off" })),
    ),
  )(
    `signed-in pages in ${lang}, $who, JavaScript $mode: every page answers, in the right direction, with no axe violation, and fits a phone`,
    async ({ options, pages, javaScript }) => {
      // Seen on a phone: every page must fit 390 px (the staff queue's table scrolls in its box).
      const { context } = await signedInContext(browser, server, options, {
        javaScriptEnabled: javaScript,
        viewport: PHONE,
      });
      const page = await context.newPage();
      for (const path of pages) {
        await visit(page, `/${lang}${path}`, { phone: true });
        expect(await page.getAttribute("html", "dir"), path).toBe(dir);
      }
      await context.close();
    },
  );
}

/** The narrowest phone screen a public page must fit without scrolling sideways. */
const NARROW = { width: 320, height: 640 };

/** A request taken at the counter, whose printable receipt is one of the pages checked. */
const RECEIPT_TOKEN = "e2e-receipt-token-for-a-counter-request-01";

/** The pages people see once signed in: a citizen's account, and a platform admin's work areas. */
const CITIZEN_PAGES = [
  "/account",
  "/account/sessions",
  "/account/profile",
  "/account/delete",
  "/account/two-factor",
  "/requests",
  "/subscriptions",
  "/notifications",
  "/notifications/preferences",
];
const ADMIN_PAGES = [
  "/admin",
  "/admin/structures",
  "/admin/consultations",
  "/admin/consultations/new",
  "/admin/structures/new",
  "/admin/staff",
  "/admin/audit",
  "/admin/settings",
  "/admin/calendar",
  "/admin/deadlines",
  "/admin/ideas",
  "/admin/open311",
  "/staff/requests",
  "/staff/requests?appeals=1",
  "/staff/requests/new",
  `/staff/requests/receipt/${RECEIPT_TOKEN}`,
  "/staff/requests?q=EC-٢٠٢٦",
  "/staff/requests/print",
  "/staff/workload",
  "/staff/workload?assignee=unassigned",
  "/staff/templates",
  "/staff/routing",
  "/staff/teams",
  "/staff/requests?team=mine",
  // Staff see one more kind on it: the requests handed to them (it replaced /staff/preferences).
  "/notifications/preferences",
  "/admin/events",
  "/admin/events/new",
  "/admin/news",
  "/admin/news/new",
  "/admin/help",
  "/admin/help/new",
  "/admin/legal",
  "/admin/legal/privacy",
  "/admin/widgets",
  "/admin/newsletters",
  "/admin/newsletters/new",
  "/admin/insights",
  "/admin/insights/plan",
  "/admin/budgets",
  "/admin/budgets/new",
];
