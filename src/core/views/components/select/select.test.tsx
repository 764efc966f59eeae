import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags } from "../test-helpers.js";
import { selectExamples } from "./select.examples.js";
import { Select } from "./select.js";

const options = [
  { value: "", text: "Choose a governorate" },
  { value: "sfax", text: "Sfax" },
  { value: "gafsa", text: "Gafsa" },
];

describe("Select", () => {
  it("ties the label to the list and describes it by its hint and error", () => {
    const html = render(
      <Select id="gov" name="gov" label="Governorate" hint="Where" error="Select one" options={options} />,
    );
    const select = tag(html, "<select");
    expect(attr(tag(html, "<label"), "for")).toBe("gov");
    expect(attr(select, "id")).toBe("gov");
    expect(attr(select, "aria-describedby")).toBe("gov-hint gov-error");
    expect(attr(select, "aria-invalid")).toBe("true");
    expect(attr(select, "class")).toContain("sh-select--error");
  });

  it("selects the current value", () => {
    const html = render(<Select id="gov" name="gov" label="Governorate" options={options} value="sfax" />);
    const selected = tags(html, "option").filter((o) => attr(o, "selected") !== undefined);
    expect(selected.map((o) => attr(o, "value"))).toEqual(["sfax"]);
  });

  it("lets each option take its direction from its text, for names in another script than the page", () => {
    const html = render(<Select id="gov" name="gov" label="Governorate" options={options} />, "ar");
    expect(tags(html, "option").map((o) => attr(o, "dir"))).toEqual(options.map(() => "auto"));
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(selectExamples, locale))).toEqual([]);
  });
});
