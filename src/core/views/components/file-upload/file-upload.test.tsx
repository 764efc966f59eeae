import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag } from "../test-helpers.js";
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
    expect(attr(input, "aria-describedby")).toBe("doc-hint doc-error");
    expect(attr(input, "aria-invalid")).toBe("true");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(fileUploadExamples, locale))).toEqual([]);
  });
});
