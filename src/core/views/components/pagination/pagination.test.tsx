import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags, textOf } from "../test-helpers.js";
import { paginationExamples } from "./pagination.examples.js";
import { Pagination, pageWindow } from "./pagination.js";

describe("Pagination", () => {
  const page = { path: "/requests", search: "?status=open&page=2" };

  it("is a labelled navigation with the current page marked", () => {
    const html = render(<Pagination page={2} totalPages={5} />, "en", page);
    expect(attr(tag(html, "<nav"), "aria-label")).toBe("Pagination");
    const current = tag(html, 'aria-current="page"');
    expect(attr(current, "href")).toBe("/en/requests?status=open&page=2");
    expect(attr(current, "aria-label")).toBe("Page 2");
    expect(tags(html, "a").filter((a) => attr(a, "aria-current"))).toHaveLength(1);
    expect(textOf(html)).toContain("Page 2 of 5");
  });

  it("links to the previous and next pages, keeping the other query parameters", () => {
    const html = render(<Pagination page={2} totalPages={5} />, "en", page);
    expect(attr(tag(html, 'rel="prev"'), "href")).toBe("/en/requests?status=open");
    expect(attr(tag(html, 'rel="next"'), "href")).toBe("/en/requests?status=open&page=3");
    expect(textOf(tag(html, 'rel="next"') + html.split('rel="next"')[1]!.split("</a>")[0])).toContain(
      "Next page",
    );
  });

  it("has no previous link on the first page and no next link on the last", () => {
    expect(render(<Pagination page={1} totalPages={5} />, "en", page)).not.toContain('rel="prev"');
    expect(render(<Pagination page={5} totalPages={5} />, "en", page)).not.toContain('rel="next"');
  });

  it("uses its own parameter name and the page's language", () => {
    const html = render(<Pagination page={3} totalPages={4} param="p" label="Pages of ideas" />, "ar", page);
    expect(attr(tag(html, "<nav"), "aria-label")).toBe("Pages of ideas");
    expect(attr(tag(html, 'rel="next"'), "href")).toBe("/ar/requests?status=open&page=2&p=4");
    expect(textOf(html)).toContain("الصفحة 3 من 4");
    expect(textOf(html)).toContain("الصفحة السابقة");
  });

  it("renders nothing for a single page", () => {
    expect(render(<Pagination page={1} totalPages={1} />)).toBe("");
  });

  it("shows the first, last and neighbouring pages, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 12)).toEqual([1, 2, "gap", 12]);
    expect(pageWindow(6, 12)).toEqual([1, "gap", 5, 6, 7, "gap", 12]);
    expect(pageWindow(3, 12)).toEqual([1, 2, 3, 4, "gap", 12]);
    expect(pageWindow(12, 12)).toEqual([1, "gap", 11, 12]);
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(paginationExamples, locale))).toEqual([]);
  });
});
