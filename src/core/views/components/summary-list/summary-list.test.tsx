import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { markupProblems, render, renderExamples } from "../test-helpers.js";
import { summaryListExamples } from "./summary-list.examples.js";
import { SummaryList, SummaryRow } from "./summary-list.js";

describe("SummaryList", () => {
  it("is a description list, a key and its value a row", () => {
    expect(
      render(
        <SummaryList id="facts" class="sh-extra">
          <SummaryRow label="Status">Open</SummaryRow>
        </SummaryList>,
      ),
    ).toBe(
      '<dl class="sh-summary-list sh-extra" id="facts"><div class="sh-summary-list__row"><dt class="sh-summary-list__key">Status</dt><dd class="sh-summary-list__value">Open</dd></div></dl>',
    );
    expect(render(<SummaryList>{null}</SummaryList>)).toBe('<dl class="sh-summary-list"></dl>');
    expect(
      render(
        <SummaryRow label="Structure" lang="fr">
          Municipalité de Sfax
        </SummaryRow>,
      ),
    ).toContain('<dd class="sh-summary-list__value" lang="fr">Municipalité de Sfax</dd>');
  });

  it("gives a value a person wrote its own direction, and a value an id or a class when asked", () => {
    expect(
      render(
        <SummaryRow label="Subject" userText>
          إنارة
        </SummaryRow>,
      ),
    ).toContain('<dd class="sh-auto sh-summary-list__value" dir="auto">إنارة</dd>');
    expect(
      render(
        <SummaryRow label="Reference" valueId="ref" valueClass="sh-case-keep__value">
          EC-1
        </SummaryRow>,
      ),
    ).toContain('<dd id="ref" class="sh-summary-list__value sh-case-keep__value">EC-1</dd>');
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(summaryListExamples, locale))).toEqual([]);
  });
});
