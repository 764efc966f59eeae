import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag } from "../test-helpers.js";
import { cardExamples } from "./card.examples.js";
import { Card } from "./card.js";

describe("Card", () => {
  it("is led by a heading whose link is the card's only link", () => {
    const html = render(
      <Card href="/en/consultations/1" title="Draft code" meta="Ministry · closes 30 June" tag={<b>Open</b>}>
        <p>Give your opinion.</p>
      </Card>,
    );
    expect(html).toContain(
      '<h3 class="sh-card__heading sh-auto" dir="auto"><a class="sh-card__link" href="/en/consultations/1">Draft code</a></h3>',
    );
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(attr(tag(html, 'class="sh-card__meta"'), "class")).toBe("sh-card__meta");
  });

  it("takes the heading level of the page's outline", () => {
    expect(render(<Card href="/x" title="t" headingLevel={2} />)).toContain(
      '<h2 class="sh-card__heading sh-auto" dir="auto">',
    );
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(cardExamples, locale))).toEqual([]);
  });
});
