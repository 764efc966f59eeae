import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag } from "../test-helpers.js";
import { buttonExamples } from "./button.examples.js";
import { Button } from "./button.js";

describe("Button", () => {
  it("is a submit button by default, primary", () => {
    const button = tag(render(<Button>Send the request</Button>), "<button");
    expect(attr(button, "type")).toBe("submit");
    expect(attr(button, "class")).toBe("sh-button");
  });

  it("takes the variant's class, name and value", () => {
    const html = render(
      <Button variant="secondary" name="action" value="draft" type="submit">
        Save as draft
      </Button>,
    );
    const button = tag(html, "<button");
    expect(attr(button, "class")).toBe("sh-button sh-button--secondary");
    expect(attr(button, "name")).toBe("action");
    expect(attr(button, "value")).toBe("draft");
    expect(attr(tag(render(<Button variant="warning">Delete</Button>), "<button"), "class")).toContain(
      "sh-button--warning",
    );
  });

  it("is disabled for every user, not only visually", () => {
    const button = tag(render(<Button disabled>Send</Button>), "<button");
    expect(attr(button, "disabled")).toBe("");
    expect(attr(button, "aria-disabled")).toBe("true");
  });

  it("renders a link when given an address, with a hidden arrow for a start button", () => {
    const html = render(
      <Button href="/ar/requests/new" start>
        Send a request
      </Button>,
    );
    const link = tag(html, "<a");
    expect(attr(link, "href")).toBe("/ar/requests/new");
    expect(attr(link, "class")).toBe("sh-button sh-button--start");
    expect(attr(tag(html, "<svg"), "aria-hidden")).toBe("true");
    expect(html).not.toContain("<button");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(buttonExamples, locale))).toEqual([]);
  });
});
