import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags } from "../test-helpers.js";
import { radiosExamples } from "./radios.examples.js";
import { Radios } from "./radios.js";

const items = [
  { value: "complaint", label: "Complaint", hint: "Something went wrong" },
  { value: "suggestion", label: "Suggestion" },
];

describe("Radios", () => {
  it("groups the options in a fieldset named by its legend and described by its hint and error", () => {
    const html = render(
      <Radios id="kind" name="kind" label="What kind?" hint="Choose one" error="Select one" items={items} />,
    );
    expect(attr(tag(html, "<fieldset"), "aria-describedby")).toBe("kind-hint kind-error");
    expect(html).toContain(">What kind?</legend>");
  });

  it("gives the first option the field's id, so the error summary can link to it", () => {
    const html = render(<Radios id="kind" name="kind" label="What kind?" items={items} value="suggestion" />);
    const [first, second] = tags(html, "input");
    expect(attr(first!, "id")).toBe("kind");
    expect(attr(second!, "id")).toBe("kind-2");
    expect(attr(first!, "type")).toBe("radio");
    expect(attr(first!, "name")).toBe("kind");
    expect(attr(first!, "checked")).toBeUndefined();
    expect(attr(second!, "checked")).toBe("");
    expect(tags(html, "label").map((l) => attr(l, "for"))).toEqual(["kind", "kind-2"]);
    expect(attr(first!, "aria-describedby")).toBe("kind-item-hint");
    expect(tag(html, 'id="kind-item-hint"')).toContain("sh-hint");
  });

  it("lays out inline radios side by side", () => {
    expect(render(<Radios id="u" name="u" label="Updates?" items={items} inline />)).toContain(
      "sh-choices--inline",
    );
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(radiosExamples, locale))).toEqual([]);
  });
});
