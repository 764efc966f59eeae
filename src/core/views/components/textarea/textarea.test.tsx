import { describe, expect, it } from "vitest";
import { translator } from "../../../i18n/catalog.js";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags, textOf } from "../test-helpers.js";
import { textareaExamples } from "./textarea.examples.js";
import { pluralBranches, Textarea } from "./textarea.js";

describe("Textarea", () => {
  it("ties the label to the textarea and describes it by its hint and error", () => {
    const html = render(
      <Textarea id="d" name="d" label="Describe" hint="What happened" error="Describe it" />,
    );
    const area = tags(html, "textarea")[0]!;
    expect(attr(tag(html, "<label"), "for")).toBe("d");
    expect(attr(area, "aria-describedby")).toBe("d-hint d-error");
    expect(attr(area, "aria-invalid")).toBe("true");
    expect(html).not.toContain("data-module");
  });

  it("renders the character limit on the server and marks the module for sharek.js", () => {
    const html = render(<Textarea id="d" name="d" label="Describe" hint="What happened" maxLength={200} />);
    const module = tag(html, 'data-module="sh-character-count"');
    expect(attr(module, "data-maxlength")).toBe("200");
    expect(attr(module, "data-locale")).toBe("en-GB");
    expect(attr(tags(html, "textarea")[0]!, "aria-describedby")).toBe("d-hint d-info");
    expect(textOf(html.split('id="d-info"')[1]!)).toContain("You can enter up to 200 characters");
    expect(html).toContain("sh-js-character-count-message");
    // The textarea itself accepts more, so a pasted text can be edited down instead of cut.
    expect(attr(tags(html, "textarea")[0]!, "maxlength")).toBeUndefined();
  });

  it("gives the script every plural branch, with # for the number", () => {
    const html = render(<Textarea id="d" name="d" label="x" maxLength={5} />, "ar");
    const remaining = JSON.parse(attr(tag(html, "data-remaining"), "data-remaining")!);
    expect(Object.keys(remaining).sort()).toEqual(["few", "many", "one", "other", "two", "zero"]);
    expect(remaining.few).toBe("بقيت لك # أحرف");
    expect(pluralBranches("en", "views.characterCount.tooMany")).toEqual({
      one: "You have # character too many",
      other: "You have # characters too many",
    });
  });

  it("says the limit with the right plural in each language", () => {
    const ar = translator("ar");
    const forms = [0, 1, 2, 3, 11, 100].map((count) => ar("views.characterCount.limit", { count }));
    expect(new Set(forms).size).toBe(6);
    expect(forms[3]).toBe("يمكنك إدخال 3 أحرف على الأكثر");
    expect(forms[4]).toBe("يمكنك إدخال 11 حرفًا على الأكثر");
    expect(translator("en")("views.characterCount.limit", { count: 1 })).toBe(
      "You can enter up to 1 character",
    );
    expect(translator("fr")("views.characterCount.limit", { count: 1000 })).toBe(
      "Vous pouvez saisir jusqu’à 1\u202f000 caractères",
    );
  });

  it("marks a value over the limit", () => {
    const html = render(<Textarea id="d" name="d" label="x" value="abcdef" maxLength={5} />);
    expect(attr(tags(html, "textarea")[0]!, "class")).toContain("sh-textarea--error");
    expect(html).toContain(">abcdef</textarea>");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(textareaExamples, locale))).toEqual([]);
  });
});
