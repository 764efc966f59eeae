import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ideaIdOf, submitIdeaAs } from "../src/features/ideas/testing.js";
import { signedInAgent } from "../test/accounts.js";
import type { TestApp } from "../test/app.js";
import { newContext } from "./browser.js";
import { startSuite } from "./suite.js";
import { visit } from "./visit.js";

const { server, browser } = await startSuite();

const TITLE = "Des bancs à l’ombre devant l’école.";
const NAME = "Leïla / Mansouri / ليلى المنصوري";

/** Where characters of a text node are drawn (their left x, by a Range on that node), and its holder's start. */
async function drawn(page: Page, text: string, indices: number[]) {
  return page.evaluate(
    ([wanted, at]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (node.data !== wanted) continue;
        const range = document.createRange();
        const lefts = at.map((i) => {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect().left;
        });
        return { lefts, holderLeft: node.parentElement!.getBoundingClientRect().left };
      }
      return null;
    },
    [text, indices] as const,
  );
}

describe("user text in Arabic pages, as the browser draws it", () => {
  it("draws a French idea title as written: its full stop at its end, aligned to its own start", async () => {
    const { agent } = await signedInAgent(server.app, server.database, { displayName: NAME });
    const response = await submitIdeaAs(server as unknown as TestApp, agent, {
      title: TITLE,
      description: "Les enfants attendent au soleil à la sortie : trois bancs ombragés suffiraient.",
      structure: "mun-tn-11",
    });
    expect(response.statusCode).toBe(303);
    const id = ideaIdOf(response.headers.location);

    const context = await newContext(browser, { baseURL: server.origin, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `/ar/ideas/${id}`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");

    const title = await drawn(page, TITLE, [0, TITLE.length - 1]);
    expect(title, "the title is in the page").not.toBeNull();
    const [first, stop] = title!.lefts;
    // Left to right: the full stop is drawn to the right of the first letter, not before it.
    expect(stop).toBeGreaterThan(first!);
    // Aligned to its own (left) start, not to the Arabic page's right edge.
    expect(first! - title!.holderLeft).toBeLessThan(2);

    // The mixed-script name keeps its order: "Leïla", then the slash, then "Mansouri", left to right.
    const name = await drawn(page, NAME, [0, NAME.indexOf("/"), NAME.indexOf("M")]);
    expect(name, "the author's name is in the page").not.toBeNull();
    const [l, slash, m] = name!.lefts;
    expect(slash).toBeGreaterThan(l!);
    expect(m).toBeGreaterThan(slash!);
    await context.close();
  });

  it("keeps a reference in a heading on one line on a 390 px wide phone", async () => {
    const context = await newContext(browser, {
      baseURL: server.origin,
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await visit(page, "/ar/gallery/user-text");
    const reference = page.locator("h3 .sh-ref", { hasText: "EC-2026-000123" });
    expect(await reference.count()).toBe(1);
    const lines = await reference.evaluate((el) => el.getClientRects().length);
    expect(lines).toBe(1);
    // The heading around it does wrap at this width: the reference moved whole to a line of its own.
    const headingLines = await reference.evaluate((el) => {
      const heading = el.closest("h3")!;
      return Math.round(
        heading.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(heading).lineHeight),
      );
    });
    expect(headingLines).toBeGreaterThan(1);
    await context.close();
  });
});
