import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags, textOf } from "../test-helpers.js";
import { errorSummaryExamples } from "./error-summary.examples.js";
import { ErrorSummary } from "./error-summary.js";

const errors = [
  { fieldId: "full-name", message: "Enter your full name" },
  { fieldId: "kind", message: "Select the kind of request" },
];

describe("ErrorSummary", () => {
  it("is an alert labelled by its heading, focusable by sharek.js", () => {
    const html = render(<ErrorSummary errors={errors} />);
    const summary = tag(html, 'class="sh-error-summary"');
    expect(attr(summary, "role")).toBe("alert");
    expect(attr(summary, "tabindex")).toBe("-1");
    expect(attr(summary, "data-module")).toBe("sh-error-summary");
    expect(attr(summary, "aria-labelledby")).toBe("error-summary-title");
    expect(html).toContain(
      '<h2 id="error-summary-title" class="sh-error-summary__title">There is a problem</h2>',
    );
  });

  it("links each message to its field", () => {
    const links = tags(render(<ErrorSummary errors={errors} />), "a");
    expect(links.map((a) => attr(a, "href"))).toEqual(["#full-name", "#kind"]);
  });

  it("speaks the page's language and takes the heading level it is given", () => {
    const html = render(<ErrorSummary errors={errors} headingLevel={3} id="s" />, "ar");
    expect(html).toContain('<h3 id="s-title" class="sh-error-summary__title">يوجد إشكال</h3>');
    expect(textOf(render(<ErrorSummary errors={errors} />, "fr"))).toContain("Il y a un problème");
  });

  it("renders nothing without errors", () => {
    expect(render(<ErrorSummary errors={[]} />)).toBe("");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(errorSummaryExamples, locale))).toEqual([]);
  });
});
