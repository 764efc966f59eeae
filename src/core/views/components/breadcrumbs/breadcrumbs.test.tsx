import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags } from "../test-helpers.js";
import { breadcrumbsExamples } from "./breadcrumbs.examples.js";
import { Breadcrumbs } from "./breadcrumbs.js";

describe("Breadcrumbs", () => {
  const items = [
    { text: "Home", href: "/en" },
    { text: "Consultations", href: "/en/consultations" },
    { text: "Draft code", href: "/en/consultations/1" },
  ];

  it("is a labelled navigation holding an ordered list", () => {
    const html = render(<Breadcrumbs items={items} />, "fr");
    expect(attr(tag(html, "<nav"), "aria-label")).toBe("Fil d’Ariane");
    expect(html).toContain('<ol class="sh-breadcrumbs__list">');
    expect(tags(html, "li")).toHaveLength(3);
  });

  it("marks the last item as the current page, not as a link", () => {
    const html = render(<Breadcrumbs items={items} />);
    const lis = tags(html, "li");
    expect(lis.map((li) => attr(li, "aria-current"))).toEqual([undefined, undefined, "page"]);
    expect(tags(html, "a").map((a) => attr(a, "href"))).toEqual(["/en", "/en/consultations"]);
  });

  it("isolates each item, so a French title keeps its full stop where it was written in an Arabic page", () => {
    const html = render(
      <Breadcrumbs items={[{ text: "الرئيسية", href: "/ar" }, { text: "Projet de code." }]} />,
      "ar",
    );
    expect(html).toContain('<a class="sh-breadcrumbs__link" href="/ar"><bdi>الرئيسية</bdi></a>');
    expect(html).toContain("<bdi>Projet de code.</bdi></li>");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(breadcrumbsExamples, locale))).toEqual([]);
  });
});
