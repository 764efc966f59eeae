import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { markupProblems, render, renderExamples } from "../test-helpers.js";
import { statusTagExamples } from "./status-tag.examples.js";
import { StatusTag } from "./status-tag.js";

describe("StatusTag", () => {
  it("writes the status in words, coloured by its tone", () => {
    expect(render(<StatusTag tone="danger">Overdue</StatusTag>)).toBe(
      '<strong class="sh-tag sh-tag--danger">Overdue</strong>',
    );
    expect(render(<StatusTag>Draft</StatusTag>)).toContain("sh-tag--neutral");
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(statusTagExamples, locale))).toEqual([]);
  });
});
