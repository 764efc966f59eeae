import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags } from "../test-helpers.js";
import { textInputExamples } from "./text-input.examples.js";
import { EmailInput, TextInput } from "./text-input.js";

describe("TextInput", () => {
  it("ties the label to the input and describes it by its hint and error", () => {
    const html = render(
      <TextInput id="cin" name="cin" label="Identity card number" hint="8 digits" error="Enter 8 digits" />,
    );
    const input = tags(html, "input")[0]!;
    expect(attr(tag(html, "<label"), "for")).toBe("cin");
    expect(attr(input, "id")).toBe("cin");
    expect(attr(input, "name")).toBe("cin");
    expect(attr(input, "aria-describedby")).toBe("cin-hint cin-error");
    expect(attr(input, "aria-invalid")).toBe("true");
    expect(attr(input, "class")).toContain("sh-input--error");
    expect(tag(html, 'id="cin-hint"')).toContain("sh-hint");
    expect(tag(html, 'id="cin-error"')).toContain("sh-error-message");
  });

  it("is neither described nor invalid without a hint or an error", () => {
    const input = tags(render(<TextInput id="name" name="name" label="Full name" />), "input")[0]!;
    expect(attr(input, "aria-describedby")).toBeUndefined();
    expect(attr(input, "aria-invalid")).toBeUndefined();
    expect(attr(input, "type")).toBe("text");
  });

  it("keeps the entered value, escaped", () => {
    const html = render(
      <TextInput id="name" name="name" label="Name" value={'"><script>alert(1)</script>'} />,
    );
    expect(html).not.toContain("<script>");
    expect(attr(tags(html, "input")[0]!, "value")).toBe('"><script>alert(1)</script>');
  });

  it("writes email addresses left to right, without spell checking", () => {
    const input = tags(
      render(<TextInput id="e" name="e" type="email" label="Email" width={30} />),
      "input",
    )[0]!;
    expect(attr(input, "dir")).toBe("ltr");
    expect(attr(input, "spellcheck")).toBe("false");
    expect(attr(input, "class")).toContain("sh-input--width-30");
  });

  it("gives an e-mail input its name as id, unless told otherwise", () => {
    expect(render(<EmailInput name="email" label="Email" />)).toBe(
      render(<TextInput id="email" name="email" type="email" label="Email" />),
    );
    expect(render(<EmailInput id="contact-email" name="contactEmail" label="Email" />)).toBe(
      render(<TextInput id="contact-email" name="contactEmail" type="email" label="Email" />),
    );
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(textInputExamples, locale))).toEqual([]);
  });
});
