import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../i18n/localized.js";
import { attr, markupProblems, render, renderExamples, tag, tags } from "../test-helpers.js";
import { tableExamples } from "./table.examples.js";
import { Table } from "./table.js";

describe("Table", () => {
  const html = render(
    <Table
      id="stats"
      caption="Requests by governorate"
      head={[{ text: "Governorate" }, { text: "Received", numeric: true }]}
      rows={[
        ["Sfax", "2,875"],
        ["Gafsa", "912"],
      ]}
      firstCellIsHeader
    />,
  );

  it("has a caption that also names its scrollable, focusable region", () => {
    expect(html).toContain('<caption id="stats-caption" class="sh-table__caption sh-table__caption--m">');
    const region = tag(html, 'class="sh-table-wrapper"');
    expect(region.startsWith("<section")).toBe(true);
    expect(attr(region, "aria-labelledby")).toBe("stats-caption");
    expect(attr(region, "tabindex")).toBe("0");
  });

  it("scopes column headers and row headers", () => {
    const headers = tags(html, "th");
    expect(headers.map((th) => attr(th, "scope"))).toEqual(["col", "col", "row", "row"]);
    expect(tags(html, "td")).toHaveLength(2);
  });

  it("aligns numeric columns", () => {
    expect(tags(html, "td").every((td) => attr(td, "class")!.includes("sh-table__cell--numeric"))).toBe(true);
  });

  it.each(LOCALES)("renders every example soundly in %s", (locale) => {
    expect(markupProblems(renderExamples(tableExamples, locale))).toEqual([]);
  });
});
