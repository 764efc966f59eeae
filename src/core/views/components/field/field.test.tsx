import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, textOf } from "../test-helpers.js";
import { fieldExamples } from "./field.examples.js";
import { Field, fieldIds } from "./field.js";

describe("Field", () => {
  it("names the hint and error ids a control is described by, in reading order", () => {
    expect(fieldIds("when", {})).toEqual({ hintId: undefined, errorId: undefined, describedBy: undefined });
    expect(fieldIds("when", { hint: "h", error: "e" }, "when-info").describedBy).toBe(
      "when-hint when-error when-info",
    );
  });

  it("ties its label to the control and prefixes the error for screen readers", () => {
    const html = render(
      <Field id="when" label="Date of the incident" hint="Approximate is fine" error="Must be in the past">
        <input id="when" />
      </Field>,
    );
    expect(attr(tag(html, "<label"), "for")).toBe("when");
    expect(
      textOf(tag(html, 'id="when-hint"') + html.split('id="when-hint"')[1]!.split("</div>")[0]),
    ).toContain("Approximate is fine");
    expect(html).toMatch(
      /<p id="when-error" class="sh-error-message"><span class="sh-visually-hidden">Error: <\/span>Must be in the past<\/p>/,
    );
    expect(tag(html, 'class="sh-field')).toContain("sh-field--error");
  });

  it("uses a fieldset described by its hint and error for a group", () => {
    const html = render(
      <Field id="address" label="Where did it happen?" hint="A street" error="Enter the street" group>
        <input id="address" />
      </Field>,
      "ar",
    );
    expect(attr(tag(html, "<fieldset"), "aria-describedby")).toBe("address-hint address-error");
    expect(html).toContain(
      '<legend class="sh-fieldset__legend sh-fieldset__legend--s">Where did it happen?</legend>',
    );
    expect(html).toContain('<span class="sh-visually-hidden">خطأ: </span>');
    expect(html).not.toContain("<label");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(fieldExamples, locale))).toEqual([]);
  });
});
