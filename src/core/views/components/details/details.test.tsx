import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { markupProblems, render, renderExamples } from "../test-helpers.js";
import { detailsExamples } from "./details.examples.js";
import { Details } from "./details.js";

describe("Details", () => {
  it("is a native details element, working without a script", () => {
    const html = render(<Details summary="Where is my tracking number?">In the email.</Details>);
    expect(html).toBe(
      '<details class="sh-details"><summary class="sh-details__summary"><span class="sh-details__summary-text">Where is my tracking number?</span></summary><div class="sh-details__text">In the email.</div></details>',
    );
  });

  it("can start open", () => {
    expect(
      render(
        <Details summary="s" open>
          t
        </Details>,
      ),
    ).toContain('<details class="sh-details" open>');
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(detailsExamples, locale))).toEqual([]);
  });
});
