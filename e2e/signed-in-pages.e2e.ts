import { describe, expect, it } from "vitest";
import { sha256 } from "../src/core/auth/secrets.js";
import { insertCase } from "../src/features/cases/staff/testing.js";
import { LANGUAGES } from "./pages.js";
import { signedInContext } from "./sign-in.js";
import { startSuite } from "./suite.js";
import { visit } from "./visit.js";

const { server, browser } = await startSuite();

/** A request taken at the counter, whose printable receipt is one of the pages checked. */
const receiptToken = "e2e-receipt-token-for-a-counter-request-01";
await insertCase(server.database.db, { channel: "counter", followTokenHash: sha256(receiptToken) });

/** The pages people see once signed in: a citizen's account, and a platform admin's work areas. */
const CITIZEN_PAGES = [
  "/account",
  "/account/sessions",
  "/account/profile",
  "/account/delete",
  "/account/two-factor",
  "/requests",
  "/subscriptions",
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
  `/staff/requests/receipt/${receiptToken}`,
  "/staff/requests?q=EC-٢٠٢٦",
  "/staff/requests/print",
  "/staff/workload",
  "/staff/workload?assignee=unassigned",
  "/staff/templates",
  "/staff/routing",
  "/staff/preferences",
  "/admin/events",
  "/admin/events/new",
  "/admin/help",
  "/admin/help/new",
  "/admin/legal",
  "/admin/legal/privacy",
  "/admin/widgets",
  "/admin/newsletters",
  "/admin/newsletters/new",
  "/admin/insights",
  "/admin/insights/plan",
];

describe.each(LANGUAGES)("signed-in pages in $lang", ({ lang, dir }) => {
  it.each([
    { who: "a citizen", options: {}, pages: CITIZEN_PAGES },
    { who: "a platform admin", options: { platformAdmin: true }, pages: ADMIN_PAGES },
  ])(
    "$who: every page answers, in the right direction, with no axe violation, JavaScript on and off",
    async ({ options, pages }) => {
      for (const javaScript of [true, false]) {
        const { context } = await signedInContext(browser, server, options, javaScript);
        const page = await context.newPage();
        for (const path of pages) {
          await visit(page, `/${lang}${path}`);
          expect(await page.getAttribute("html", "dir"), path).toBe(dir);
        }
        await context.close();
      }
    },
    // 31 admin pages, twice, each with axe: up to 180 s on 2 busy cores, past the default 60 s.
    300_000,
  );
});
