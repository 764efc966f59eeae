import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags } from "../test-helpers.js";
import { checkboxesExamples } from "./checkboxes.examples.js";
import { Checkboxes } from "./checkboxes.js";

const items = [
  { value: "email", label: "By email" },
  { value: "sms", label: "By SMS", hint: "To your mobile" },
  { value: "post", label: "By post", disabled: true },
];

describe("Checkboxes", () => {
  it("groups the options in a fieldset described by its hint and error", () => {
    const html = render(
      <Checkboxes id="ch" name="ch" label="How?" hint="Select all" error="Select one" items={items} />,
    );
    expect(attr(tag(html, "<fieldset"), "aria-describedby")).toBe("ch-hint ch-error");
    expect(html).toContain(">How?</legend>");
  });

  it("checks every selected value and labels each box", () => {
    const html = render(
      <Checkboxes id="ch" name="ch" label="How?" items={items} values={["email", "sms"]} />,
    );
    const boxes = tags(html, "input");
    expect(boxes.map((b) => attr(b, "id"))).toEqual(["ch", "ch-2", "ch-3"]);
    expect(boxes.map((b) => attr(b, "checked") !== undefined)).toEqual([true, true, false]);
    expect(boxes.every((b) => attr(b, "type") === "checkbox" && attr(b, "name") === "ch")).toBe(true);
    expect(attr(boxes[1]!, "aria-describedby")).toBe("ch-2-item-hint");
    expect(attr(boxes[2]!, "disabled")).toBe("");
    expect(tags(html, "label").map((l) => attr(l, "for"))).toEqual(["ch", "ch-2", "ch-3"]);
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(checkboxesExamples, locale))).toEqual([]);
  });
});
