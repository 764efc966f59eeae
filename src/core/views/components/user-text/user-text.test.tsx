import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag } from "../test-helpers.js";
import { userTextExamples } from "./user-text.examples.js";
import { isolate, Reference, UserText } from "./user-text.js";

describe("UserText", () => {
  it("isolates a name inside a sentence with <bdi>, so its letters and punctuation keep their order", () => {
    expect(render(<UserText>Leïla / Mansouri / ليلى المنصوري</UserText>, "ar")).toBe(
      "<bdi>Leïla / Mansouri / ليلى المنصوري</bdi>",
    );
  });

  it("gives a block of user text its own direction and aligns it to its own start", () => {
    const html = render(
      <UserText as="h1" class="sh-heading-xl" id="title">
        Réaménager le marché.
      </UserText>,
      "ar",
    );
    expect(html).toBe('<h1 id="title" class="sh-auto sh-heading-xl" dir="auto">Réaménager le marché.</h1>');
  });

  it("keeps a reference left to right, isolated and whole", () => {
    const html = render(<Reference>EC-2026-000123</Reference>, "ar");
    expect(html).toBe('<bdi class="sh-ref" dir="ltr">EC-2026-000123</bdi>');
    expect(attr(tag(html, "<bdi"), "dir")).toBe("ltr");
  });

  it("isolates plain strings for attributes and translated messages", () => {
    expect(isolate("Leïla.")).toBe("\u2068Leïla.\u2069");
    expect(isolate(12)).toBe("\u206812\u2069");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(userTextExamples, locale))).toEqual([]);
  });
});
