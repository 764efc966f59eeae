import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag } from "../test-helpers.js";
import { emptyStateExamples } from "./empty-state.examples.js";
import { EmptyState } from "./empty-state.js";

describe("EmptyState", () => {
  it("says what is empty in a heading, with a decorative icon and an optional action", () => {
    const html = render(
      <EmptyState title="You have not sent any request yet" action={<a href="/en/requests/new">Send one</a>}>
        <p>Follow your requests here.</p>
      </EmptyState>,
    );
    expect(html).toContain('<h2 class="sh-empty-state__title">You have not sent any request yet</h2>');
    expect(attr(tag(html, "<svg"), "aria-hidden")).toBe("true");
    expect(html).toContain(
      '<div class="sh-empty-state__action"><a href="/en/requests/new">Send one</a></div>',
    );
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(emptyStateExamples, locale))).toEqual([]);
  });
});
