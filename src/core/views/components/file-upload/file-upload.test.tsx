import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, textOf } from "../test-helpers.js";
import { fileUploadExamples } from "./file-upload.examples.js";
import { FileUpload } from "./file-upload.js";

describe("FileUpload", () => {
  it("ties the label to the file input and describes it by its hint and error", () => {
    const html = render(
      <FileUpload id="doc" name="doc" label="Attach" hint="PDF" error="Too big" accept=".pdf" multiple />,
    );
    const input = tag(html, 'type="file"');
    expect(attr(tag(html, "<label"), "for")).toBe("doc");
    expect(attr(input, "id")).toBe("doc");
    expect(attr(input, "accept")).toBe(".pdf");
    expect(attr(input, "multiple")).toBe("");
    expect(attr(input, "aria-describedby")).toBe("doc-hint doc-error doc-status");
    expect(attr(input, "aria-invalid")).toBe("true");
  });

  it.each([
    ["ar", "اختر ملفات", "لم تختر أي ملف"],
    ["fr", "Choisir des fichiers", "Aucun fichier choisi"],
    ["en", "Choose files", "No file chosen"],
  ] as const)(
    "shows its button and its status in the page's language (%s), not the browser's",
    (locale, button, none) => {
      const html = render(<FileUpload id="doc" name="doc" label="Attach" multiple />, locale);
      const label = tag(html, "sh-file-upload__button");
      expect(label.startsWith("<label")).toBe(true);
      expect(attr(label, "for")).toBe("doc");
      expect(attr(label, "aria-hidden")).toBe("true");
      expect(textOf(html)).toContain(button);
      expect(textOf(html)).toContain(none);
      // The status describes the input, so a screen reader hears it in the page's language too.
      expect(attr(tag(html, 'id="doc-status"'), "class")).toBe("sh-file-upload__status");
      // The input stays in the page (visually hidden, still focusable) and in the tab order.
      const input = tag(html, 'type="file"');
      expect(attr(input, "class")).toContain("sh-file-upload__input");
      expect(attr(input, "tabindex")).toBeUndefined();
      expect(attr(input, "hidden")).toBeUndefined();
      expect(attr(tag(html, 'data-module="sh-file-upload"'), "class")).toBe("sh-file-upload");
    },
  );

  it("says one file when it takes one", () => {
    expect(textOf(render(<FileUpload id="doc" name="doc" label="Attach" />))).toContain("Choose a file");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(fileUploadExamples, locale))).toEqual([]);
  });
});
